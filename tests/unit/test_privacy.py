"""Privacy of files: owner-only folders and files, masked passwords, the PostgreSQL driver extra,
and content ids that fit the database."""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.services import build_services
from simulator.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "cfg" / "config.toml"))
    old = os.umask(0o022)  # the usual umask, which would give 0755 folders and 0644 files
    try:
        yield tmp_path / "data"
    finally:
        os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_data_folders_database_journals_and_settings_are_owner_only(data_dir: Path) -> None:
    services = build_services(load_settings())
    ana = services.trainees.get_or_create("Ana")
    live = services.calls.start(ana.id, "internet-veloz-hogar", seed=1)
    live.session.set_status("Disponible")
    live.session.start()
    live.session.agent_says("Buenas tardes, le habla Mariana de Internet Veloz.")
    journals = data_dir / "journals"
    db = data_dir / "simulador.db"
    live_files = [
        db,
        Path(f"{db}-wal"),
        Path(f"{db}-shm"),
        live.journal_path,
        Path(f"{live.journal_path}.lock"),
        journals / f"{live.key}.meta.json",
    ]
    for path in live_files:
        assert path.exists() and _mode(path) == 0o600, path
    services.calls.finish(live)
    services.save_preferences(theme="dark")
    finished = journals / "finished"
    for path in (finished / live.journal_path.name, finished / f"{live.key}.meta.json"):
        assert _mode(path) == 0o600, path
    assert _mode(data_dir.parent / "cfg" / "config.toml") == 0o600
    folders = [
        data_dir,
        journals,
        finished,
        data_dir / "content",
        data_dir / "content" / "scenarios",
        data_dir / "content" / "personas",
        data_dir.parent / "cfg",
    ]
    for folder in folders:
        assert _mode(folder) == 0o700, folder
    services.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_discarded_journal_stays_owner_only(data_dir: Path) -> None:
    services = build_services(load_settings())
    ana = services.trainees.get_or_create("Ana")
    live = services.calls.start(ana.id, "internet-veloz-hogar", seed=1)
    services.calls.abandon(live)
    discarded = data_dir / "journals" / "discarded"
    assert _mode(discarded) == 0o700
    assert _mode(discarded / live.journal_path.name) == 0o600
    services.close()


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql://agente:s3cr3t@servidor/simulador",
            "postgresql://agente:***@servidor/simulador",
        ),
        (
            "postgresql+psycopg://agente:p%40ss@servidor:5432/simulador",
            "postgresql+psycopg://agente:***@servidor:5432/simulador",
        ),
        ("postgresql://agente@servidor/simulador", "postgresql://agente@servidor/simulador"),
    ],
)
def test_locate_db_masks_the_password(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, url: str, shown: str
) -> None:
    monkeypatch.setenv("SIMULADOR_DATABASE_URL", url)
    result = CliRunner().invoke(app, ["locate", "db"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == shown
    assert "s3cr3t" not in result.output and "p%40ss" not in result.output


def test_an_unparsable_url_is_masked_too() -> None:
    from simulator.storage.engine import describe_url

    assert describe_url("postgres ql://ana:clave@host/db") == "postgres ql://ana:***@host/db"


def test_storage_errors_never_show_the_password() -> None:
    from simulator.errors import StorageError
    from simulator.storage import make_engine

    with pytest.raises(StorageError) as caught:
        make_engine("mysql+nonexistentdriver://ana:clave@host/db")
    assert "clave" not in str(caught.value)


def test_postgres_driver_is_declared_as_an_extra() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    extra = project["optional-dependencies"]["postgres"]
    assert any(dep.startswith("psycopg[binary]") for dep in extra)


# --------------------------------------------------------------------------- id lengths


def test_content_id_limit_equals_the_database_column() -> None:
    from simulator.content.checks import ID_MAX_LENGTH
    from simulator.storage import models

    assert ID_MAX_LENGTH == models.ID_MAX_LENGTH
    for table, column in (
        (models.Call, "scenario_id"),
        (models.Call, "persona_id"),
        (models.Assignment, "scenario_id"),
        (models.Assignment, "persona_id"),
    ):
        assert table.__table__.c[column].type.length == ID_MAX_LENGTH


@pytest.mark.parametrize("kind", ["persona", "scenario"])
def test_an_id_too_long_for_the_database_is_a_content_error_with_its_line(
    tmp_path: Path, kind: str
) -> None:
    from simulator.content.library import validate_dir

    long_id = "-".join(["palabra"] * 16)  # 127 characters, a valid slug
    assert len(long_id) > 120
    body = f"# {kind} de prueba\nid: {long_id}\n"
    (tmp_path / f"{long_id}.{kind}.yaml").write_text(body, encoding="utf-8")
    messages = [str(issue) for issue in validate_dir(tmp_path)]
    [message] = [m for m in messages if "demasiado largo" in m]
    assert f"{long_id}.{kind}.yaml:2: " in message
    assert "127 caracteres" in message and "máximo es 120" in message
