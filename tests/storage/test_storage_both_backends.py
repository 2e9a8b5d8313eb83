"""Storage on SQLite and PostgreSQL: migrations to head match the models, the formador tables
work, and two processes recording calls at the same time lose nothing."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime

from sqlalchemy import inspect

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
from simulator.storage.engine import current_revision
from simulator.storage.migrations import HEAD_REVISION


def test_migrated_schema_matches_the_models_and_repos_work(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from simulator.storage.models import Base

    engine = make_engine(db_url)
    migrate(engine)
    migrate(engine)  # idempotent
    assert current_revision(engine) == HEAD_REVISION
    assert {"cohorts", "cohort_members", "overrides"} <= set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    factory = make_session_factory(engine)
    marta = TraineeRepo(factory).add("Marta", role="formador", password="secreta123")
    ana = TraineeRepo(factory).get_or_create("Ana")
    cohorts = CohortRepo(factory)
    cohort = cohorts.add("Enero", created_by=marta.id)
    assert cohorts.add_member(cohort.id, ana.id) is True
    assert [t.name for t in cohorts.members(cohort.id)] == ["Ana"]
    made = AssignmentRepo(factory).add(
        scenario_id="s", cohort_id=cohort.id, due_date=date(2026, 12, 31), mode="exam",
        max_attempts=2, batch_id="b1", created_by=marta.id,
    )  # fmt: skip
    assert AssignmentRepo(factory).list_for(ana.id) == [made]
    call = CallRepo(factory).add(
        trainee_id=ana.id, scenario_id="s", persona_id="p", seed=1, mode="exam",
        started_at=datetime.now(UTC), ended_at=None, outcome=None, overall=70, verdict=None,
        complete=True, transcript_json="{}", scorecard_json=None,
    )  # fmt: skip
    override = OverrideRepo(factory).add(
        call_id=call.id, target_kind="element", code="preparation", original_value="not_met",
        new_value="met", note="Sí.", formador_id=marta.id,
    )  # fmt: skip
    assert OverrideRepo(factory).for_calls([call.id]) == {call.id: [override]}
    engine.dispose()


def test_two_processes_recording_calls_at_once_lose_nothing(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    trainee = TraineeRepo(make_session_factory(engine)).get_or_create("Ana")
    code = (
        "from datetime import UTC, datetime\n"
        "from simulator.storage import CallRepo, make_engine, make_session_factory\n"
        f"repo = CallRepo(make_session_factory(make_engine({db_url!r})))\n"
        "for i in range(25):\n"
        f"    repo.add(trainee_id={trainee.id}, scenario_id='s', persona_id='p', seed=i,\n"
        "             mode='practice', started_at=datetime.now(UTC), ended_at=None, outcome=None,\n"
        "             overall=i, verdict=None, complete=True, transcript_json='{}',\n"
        "             scorecard_json=None, call_key=f'{__import__(\"os\").getpid()}-{i}')\n"
        "print('ok')\n"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [out.strip() for out, _ in outputs] == ["ok", "ok"], outputs
    assert CallRepo(make_session_factory(engine)).count() == 50
    engine.dispose()
