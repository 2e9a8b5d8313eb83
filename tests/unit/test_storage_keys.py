"""One trainee per normalized name, one row per call key, and a database newer than the code."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from simulator.errors import DatabaseVersionError
from simulator.storage import CallRepo, TraineeRepo, make_engine, make_session_factory, migrate
from simulator.storage.engine import _script_location, current_revision
from simulator.storage.migrations import HEAD_REVISION, KNOWN_REVISIONS
from simulator.storage.models import Trainee
from simulator.storage.repositories import name_key


@pytest.fixture()
def engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


def _call(repo: CallRepo, trainee_id: int, key: str | None):  # type: ignore[no-untyped-def]
    return repo.add(
        trainee_id=trainee_id, scenario_id="s", persona_id="p", seed=1, mode="practice",
        started_at=datetime.now(UTC), ended_at=None, outcome=None, overall=None, verdict=None,
        complete=False, transcript_json="{}", scorecard_json=None, call_key=key,
    )  # fmt: skip


def test_name_key_folds_case_accents_and_spaces() -> None:
    assert name_key("  José   PÉREZ ") == name_key("jose perez") == "jose perez"
    assert name_key("ANA LÓPEZ") == name_key("Ana\tLopez") == "ana lopez"
    assert name_key("Straße") == "strasse"


def test_names_differing_in_case_or_accents_are_one_trainee(engine: Engine) -> None:
    repo = TraineeRepo(make_session_factory(engine))
    jose = repo.get_or_create("José Pérez")
    for spelling in ("JOSE PEREZ", "jose  pérez", "José Perez"):
        assert repo.get_or_create(spelling).id == jose.id
    assert [t.name for t in repo.list_all()] == ["José Pérez"]


def test_the_database_itself_refuses_a_second_spelling(engine: Engine) -> None:
    repo = TraineeRepo(make_session_factory(engine))
    repo.get_or_create("Ana López")
    factory = make_session_factory(engine)
    with pytest.raises(IntegrityError), factory.begin() as session:
        # what a racing app would insert after both saw «no such trainee»
        session.add(Trainee(name="ANA LOPEZ", name_key=name_key("ANA LOPEZ"), role="trainee"))


def test_two_processes_creating_spellings_of_one_name_make_one_trainee(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'race.db'}"
    engine = make_engine(url)
    migrate(engine)
    code = (
        "import sys\n"
        "from simulator.storage import TraineeRepo, make_engine, make_session_factory\n"
        f"repo = TraineeRepo(make_session_factory(make_engine({url!r})))\n"
        "ids = {repo.get_or_create(n).id for n in sys.argv[1:]}\n"
        "print(len(ids))\n"
    )
    spellings = [["Ana López", "ana lopez"] * 5, ["ANA LOPEZ", "Ána  López"] * 5]
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, *names],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for names in spellings
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [out.strip() for out, _ in outputs] == ["1", "1"], outputs
    assert len(TraineeRepo(make_session_factory(engine)).list_all()) == 1
    engine.dispose()


def test_migration_gives_existing_trainees_keys_and_keeps_duplicates(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = Config()
    config.set_main_option("script_location", _script_location())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with engine.begin() as connection:
        for name in ("Ana López", "ANA LOPEZ", "Luis"):
            connection.execute(
                text("INSERT INTO trainees (name, role, created_at) VALUES (:n, 'trainee', :t)"),
                {"n": name, "t": datetime.now(UTC)},
            )
    assert current_revision(engine) == "0001"
    migrate(engine)
    assert current_revision(engine) == HEAD_REVISION
    with engine.connect() as connection:
        keys = connection.execute(text("SELECT id, name_key FROM trainees ORDER BY id")).all()
    assert [k for _, k in keys] == ["ana lopez", "ana lopez#2", "luis"]
    repo = TraineeRepo(make_session_factory(engine))
    assert repo.by_name("ána lópez").id == 1  # the older one keeps the name; nothing merged
    assert len(repo.list_all()) == 3
    engine.dispose()


def test_saving_a_call_twice_under_one_key_stores_it_once(engine: Engine) -> None:
    factory = make_session_factory(engine)
    ana = TraineeRepo(factory).get_or_create("Ana")
    calls = CallRepo(factory)
    first = _call(calls, ana.id, "k1")
    assert _call(calls, ana.id, "k1").id == first.id
    assert calls.by_key("k1") == first
    _call(calls, ana.id, None), _call(calls, ana.id, None)  # calls without a key stay allowed
    assert calls.count() == 3


def test_two_processes_saving_one_call_store_it_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    engine = make_engine(url)
    migrate(engine)
    trainee = TraineeRepo(make_session_factory(engine)).get_or_create("Ana")
    code = (
        "from datetime import UTC, datetime\n"
        "from simulator.storage import CallRepo, make_engine, make_session_factory\n"
        f"repo = CallRepo(make_session_factory(make_engine({url!r})))\n"
        "ids = set()\n"
        "for i in range(20):\n"
        f"    ids.add(repo.add(trainee_id={trainee.id}, scenario_id='s', persona_id='p',\n"
        "        seed=i, mode='practice', started_at=datetime.now(UTC), ended_at=None,\n"
        "        outcome=None, overall=i, verdict=None, complete=True, transcript_json='{}',\n"
        "        scorecard_json=None, call_key=f'key-{i}').id)\n"
        "print(len(ids))\n"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [out.strip() for out, _ in outputs] == ["20", "20"], outputs
    assert CallRepo(make_session_factory(engine)).count() == 20
    engine.dispose()


# --------------------------------------------------------------------------- unknown revision


def _newer_database(path: Path) -> str:
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    migrate(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    return url


def test_known_revisions_match_the_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", _script_location())
    scripts = ScriptDirectory.from_config(config)
    ordered = [rev.revision for rev in scripts.walk_revisions()][::-1]
    assert tuple(ordered) == KNOWN_REVISIONS and KNOWN_REVISIONS[-1] == HEAD_REVISION


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    url = _newer_database(tmp_path / "new.db")
    engine = make_engine(url)
    with pytest.raises(DatabaseVersionError, match="versión más nueva") as caught:
        migrate(engine)
    assert "«9999»" in str(caught.value) and caught.value.exit_code == 2
    assert current_revision(engine) == "9999"
    engine.dispose()


@pytest.fixture()
def newer_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    data = tmp_path / "data"
    data.mkdir()
    _newer_database(data / "simulador.db")
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(data))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "config.toml"))
    return data


def test_the_cli_stops_on_a_newer_database_with_spanish_and_code_2(
    newer_data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import simulator.commands.tui_launch as tui_launch
    from simulator import cli
    from simulator.services import build_services

    def open_database() -> None:  # what the app does first: open (and migrate) the database
        build_services().warm_up()

    monkeypatch.setattr(tui_launch, "launch_tui", open_database)
    monkeypatch.setattr(sys, "argv", ["simulador"])
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "versión más nueva del simulador" in err and "Traceback" not in err


async def test_the_tui_stops_on_a_newer_database_with_a_nonzero_code(
    newer_data_dir: Path,
) -> None:
    from textual.worker import WorkerCancelled

    from simulator.tui.app import SimuladorApp

    app = SimuladorApp()
    async with app.run_test() as pilot:
        # The app may exit (cancelling its loader) before this wait on a busy machine.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 2
    assert "versión más nueva" in (app.load_error or "")
