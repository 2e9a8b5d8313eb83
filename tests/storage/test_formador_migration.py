"""Migration 0003 (cohorts, richer assignments, overrides) keeps the data of a 0002 database."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import inspect, text

from simulator.storage import (
    AssignmentRepo,
    CallRepo,
    CohortRepo,
    OverrideRepo,
    TraineeRepo,
    make_engine,
    make_session_factory,
    migrate,
)
from simulator.storage.engine import _script_location, current_revision
from simulator.storage.migrations import HEAD_REVISION


def test_a_0002_database_with_data_migrates_to_head_and_keeps_it(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = Config()
    config.set_main_option("script_location", _script_location())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO trainees (id, name, name_key, role, created_at) VALUES "
                "(1, 'Ana López', 'ana lopez', 'trainee', :t), (2, 'Marta', 'marta', 'formador', :t)"
            ),
            {"t": now},
        )
        connection.execute(
            text(
                "INSERT INTO calls (id, trainee_id, call_key, scenario_id, persona_id, seed, mode,"
                " started_at, complete, transcript_json, overall) VALUES"
                " (7, 1, 'k7', 'ventas-01', 'p1', 3, 'practice', :t, 1, '{\"turns\": []}', 81)"
            ),
            {"t": now},
        )
        connection.execute(
            text(
                "INSERT INTO assignments (id, trainee_id, scenario_id, due_date, target_score,"
                " created_by, created_at) VALUES (5, 1, 'ventas-01', :d, 80, 2, :t)"
            ),
            {"d": date(2026, 12, 24), "t": now},
        )
    assert current_revision(engine) == "0002"
    migrate(engine)
    assert current_revision(engine) == HEAD_REVISION
    assert {"cohorts", "cohort_members", "overrides"} <= set(inspect(engine).get_table_names())

    factory = make_session_factory(engine)
    (old,) = AssignmentRepo(factory).list_all()
    assert (old.id, old.trainee_id, old.scenario_id, old.due_date, old.target_score) == (
        5, 1, "ventas-01", date(2026, 12, 24), 80,
    )  # fmt: skip
    assert (old.mode, old.max_attempts, old.cohort_id, old.batch_id) == (
        "practice",
        None,
        None,
        None,
    )
    call = CallRepo(factory).get(7)
    assert call is not None and call.overall == 81 and call.transcript_json == '{"turns": []}'
    assert [t.name for t in TraineeRepo(factory).list_all()] == ["Ana López", "Marta"]

    # The new tables work on the migrated database.
    cohorts = CohortRepo(factory)
    cohort = cohorts.add("Cohorte Enero", created_by=2)
    assert cohorts.add_member(cohort.id, 1) is True
    assert cohorts.add_member(cohort.id, 1) is False
    assert cohorts.member_ids(cohort.id) == [1]
    override = OverrideRepo(factory).add(
        call_id=7, target_kind="element", code="saludo", original_value="not_met",
        new_value="met", note="Sí saludó.", formador_id=2,
    )  # fmt: skip
    assert OverrideRepo(factory).for_call(7) == [override]
    engine.dispose()


def test_cohort_members_and_calls_of_many_trainees_in_one_query(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'many.db'}")
    migrate(engine)
    factory = make_session_factory(engine)
    trainees = TraineeRepo(factory)
    beto, ana = trainees.get_or_create("Beto"), trainees.get_or_create("Ana")
    cohorts = CohortRepo(factory)
    cohort = cohorts.add("Febrero")
    for trainee in (beto, ana):
        cohorts.add_member(cohort.id, trainee.id)
    assert [t.name for t in cohorts.members(cohort.id)] == ["Ana", "Beto"]
    assert cohorts.remove_member(cohort.id, beto.id) is True
    assert cohorts.member_ids(cohort.id) == [ana.id]
    calls = CallRepo(factory)
    now = datetime.now(UTC)
    for trainee_id in (ana.id, ana.id, beto.id):
        calls.add(
            trainee_id=trainee_id, scenario_id="s", persona_id="p", seed=1, mode="practice",
            started_at=now, ended_at=None, outcome=None, overall=70, verdict=None,
            complete=True, transcript_json='{"big": true}', scorecard_json="{}",
        )  # fmt: skip
    found = calls.list_for_trainees([ana.id, beto.id])
    assert [len(found[ana.id]), len(found[beto.id])] == [2, 1]
    assert all(c.transcript_json == "" and c.overall == 70 for c in found[ana.id])
    engine.dispose()
