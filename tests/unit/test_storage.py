"""Storage: migrations create the schema, SQLite runs in WAL mode, repositories round-trip."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from simulator.errors import StorageError
from simulator.storage import (
    AssignmentRepo,
    CallRepo,
    TraineeRepo,
    make_engine,
    make_session_factory,
    migrate,
)
from simulator.storage.engine import current_revision
from simulator.storage.migrations import HEAD_REVISION


@pytest.fixture()
def engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


def test_migration_creates_the_tables_and_records_the_head(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert {"trainees", "calls", "assignments", "alembic_version"} <= tables
    assert current_revision(engine) == HEAD_REVISION
    migrate(engine)  # idempotent
    assert current_revision(engine) == HEAD_REVISION


def test_head_constant_matches_the_newest_script() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from simulator.storage.engine import _script_location

    config = Config()
    config.set_main_option("script_location", _script_location())
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_models_match_the_migrated_schema(engine: Engine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from simulator.storage.models import Base

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_sqlite_uses_wal_busy_timeout_and_foreign_keys(engine: Engine) -> None:
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_trainees_are_unique_without_regard_to_case(engine: Engine) -> None:
    repo = TraineeRepo(make_session_factory(engine))
    ana = repo.get_or_create("  Ana   López ")
    assert ana.name == "Ana López"
    assert repo.get_or_create("ANA LÓPEZ").id == ana.id
    assert repo.by_name("ana lÓpez") == ana
    assert repo.by_name("ana lópez") == ana
    luis = repo.get_or_create("Luis")
    assert [t.name for t in repo.list_all()] == ["Ana López", "Luis"]
    assert luis.role == "trainee" and not luis.has_password
    assert ana.created_at.tzinfo is not None
    with pytest.raises(StorageError, match="Ya existe"):
        repo.add("luis")
    with pytest.raises(StorageError, match="vacío"):
        repo.get_or_create("   ")


def test_formador_password_is_hashed_and_checked(engine: Engine) -> None:
    repo = TraineeRepo(make_session_factory(engine))
    trainer = repo.add("Formadora Rosa", role="formador", password="secreto123")
    assert trainer.role == "formador" and trainer.has_password
    assert repo.check_password(trainer.id, "secreto123")
    assert not repo.check_password(trainer.id, "otra-cosa")
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT password_hash FROM trainees")).scalar()
    assert stored.startswith("$argon2") and "secreto123" not in stored
    with pytest.raises(StorageError, match="al menos"):
        repo.set_password(trainer.id, "123")
    with pytest.raises(StorageError, match="Rol desconocido"):
        repo.add("X", role="admin")


def _add_call(repo: CallRepo, trainee_id: int, started: datetime, overall: int | None) -> int:
    return repo.add(
        trainee_id=trainee_id,
        scenario_id="venta-internet",
        persona_id="amable-carmen",
        seed=7,
        mode="practice",
        started_at=started,
        ended_at=started + timedelta(minutes=3),
        outcome="sale",
        overall=overall,
        verdict="competent" if overall and overall >= 80 else "not_yet_competent",
        complete=True,
        transcript_json='{"turns": []}',
        scorecard_json=None,
        journal_path="/tmp/x.jsonl",
    ).id


def test_calls_round_trip_oldest_first(engine: Engine) -> None:
    factory = make_session_factory(engine)
    trainee = TraineeRepo(factory).get_or_create("Ana")
    other = TraineeRepo(factory).get_or_create("Beto")
    calls = CallRepo(factory)
    t0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    second = _add_call(calls, trainee.id, t0 + timedelta(days=1), 85)
    first = _add_call(calls, trainee.id, t0, 60)
    _add_call(calls, other.id, t0, 10)
    listed = calls.list_for(trainee.id)
    assert [c.id for c in listed] == [first, second]
    record = calls.get(second)
    assert record is not None
    assert record.started_at == t0 + timedelta(days=1)
    assert record.started_at.tzinfo is not None
    assert (record.overall, record.verdict, record.complete) == (85, "competent", True)
    assert record.transcript_json == '{"turns": []}'
    assert calls.get(9999) is None
    assert calls.count() == 3


def test_call_for_unknown_trainee_is_a_storage_error(engine: Engine) -> None:
    calls = CallRepo(make_session_factory(engine))
    with pytest.raises(StorageError, match="guardar la llamada"):
        _add_call(calls, 42, datetime.now(UTC), 50)


def test_assignments_for_a_trainee_include_the_cohort_ones(engine: Engine) -> None:
    factory = make_session_factory(engine)
    trainees = TraineeRepo(factory)
    ana = trainees.get_or_create("Ana")
    beto = trainees.get_or_create("Beto")
    repo = AssignmentRepo(factory)
    late = repo.add(scenario_id="b", trainee_id=ana.id, due_date=date(2026, 12, 5), target_score=80)
    cohort = repo.add(scenario_id="a", due_date=date(2026, 12, 1))
    undated = repo.add(scenario_id="c", trainee_id=ana.id)
    repo.add(scenario_id="d", trainee_id=beto.id)
    assert [a.id for a in repo.list_for(ana.id)] == [cohort.id, late.id, undated.id]
    assert repo.list_for(ana.id)[1].target_score == 80
    assert repo.remove(undated.id) is True
    assert repo.remove(undated.id) is False
    assert len(repo.list_all()) == 3
    with pytest.raises(StorageError, match="entre 0 y 100"):
        repo.add(scenario_id="x", target_score=120)


def test_bad_urls_and_missing_folders_are_spanish_storage_errors(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no es válida"):
        make_engine("esto no es una url")
    with pytest.raises(StorageError, match="No existe la carpeta"):
        make_engine(f"sqlite:///{tmp_path / 'missing' / 'x.db'}")


def test_a_file_that_is_not_a_database_gives_a_storage_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite at all" * 100)
    engine = make_engine(f"sqlite:///{bogus}")
    with pytest.raises(StorageError, match="base de datos"):
        migrate(engine)


def test_in_memory_database_works(tmp_path: Path) -> None:
    engine = make_engine("sqlite://")
    migrate(engine)
    repo = TraineeRepo(make_session_factory(engine))
    repo.get_or_create("Ana")
    assert [t.name for t in repo.list_all()] == ["Ana"]


def test_sqlite_ddl_is_transactional(engine: Engine) -> None:
    """A migration interrupted half-way must leave nothing behind (no table without revision)."""
    with pytest.raises(RuntimeError), engine.begin() as connection:
        connection.execute(text("CREATE TABLE half_done (x INTEGER)"))
        raise RuntimeError("killed")
    assert "half_done" not in inspect(engine).get_table_names()


def test_two_threads_migrating_at_once_both_succeed(tmp_path: Path) -> None:
    import threading

    url = f"sqlite:///{tmp_path / 'race.db'}"
    engines = [make_engine(url), make_engine(url)]
    errors: list[BaseException] = []

    def run(e: Engine) -> None:
        try:
            migrate(e)
        except BaseException as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert current_revision(engines[0]) == HEAD_REVISION
    for e in engines:
        e.dispose()


def test_two_processes_migrating_at_once_both_succeed(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'race.db'}"
    code = (
        "from simulator.storage import make_engine, migrate; "
        f"migrate(make_engine({url!r})); print('ok')"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [out.strip() for out, _ in outputs] == ["ok", "ok"], outputs
    engine = make_engine(url)
    assert current_revision(engine) == HEAD_REVISION
    engine.dispose()


def test_a_missing_database_driver_is_a_storage_error() -> None:
    with pytest.raises(StorageError, match="base de datos"):
        make_engine("mysql+nonexistentdriver://u@h/db")


def test_two_processes_writing_calls_at_once_lose_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'shared.db'}"
    engine = make_engine(url)
    migrate(engine)
    trainee = TraineeRepo(make_session_factory(engine)).get_or_create("Ana")
    code = (
        "from datetime import UTC, datetime\n"
        "from simulator.storage import CallRepo, make_engine, make_session_factory\n"
        f"repo = CallRepo(make_session_factory(make_engine({url!r})))\n"
        "for i in range(30):\n"
        f"    repo.add(trainee_id={trainee.id}, scenario_id='s', persona_id='p', seed=i,\n"
        "             mode='practice', started_at=datetime.now(UTC), ended_at=None, outcome=None,\n"
        "             overall=i, verdict=None, complete=True, transcript_json='{}',\n"
        "             scorecard_json=None)\n"
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
    assert CallRepo(make_session_factory(engine)).count() == 60
    engine.dispose()
