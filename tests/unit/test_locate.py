"""`simulador locate config|data|db|content` prints paths from the same seams the app uses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app


@pytest.fixture()
def seams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "cfg" / "config.toml"))
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("config", "cfg/config.toml"),
        ("data", "data"),
        ("db", "data/simulador.db"),
        ("content", "data/content"),
        ("journals", "data/journals"),
    ],
)
def test_locate_prints_the_path(seams: Path, target: str, expected: str) -> None:
    result = CliRunner().invoke(app, ["locate", target])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(seams / expected)
    assert not (seams / "data").exists()  # locating never creates anything


def test_locate_db_follows_the_toml_data_dir(seams: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SIMULADOR_DATA_DIR")
    config = seams / "cfg" / "config.toml"
    config.parent.mkdir()
    config.write_text(f'data_dir = "{(seams / "otro").as_posix()}"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["locate", "db"])
    assert result.output.strip() == str(seams / "otro" / "simulador.db")


def test_locate_db_prints_a_server_url_as_is(seams: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIMULADOR_DATABASE_URL", "postgresql://agente@servidor/simulador")
    result = CliRunner().invoke(app, ["locate", "db"])
    assert result.output.strip() == "postgresql://agente@servidor/simulador"


def test_locate_rejects_an_unknown_target(seams: Path) -> None:
    result = CliRunner().invoke(app, ["locate", "nada"])
    assert result.exit_code == 2


def test_locate_with_a_broken_config_reports_file_and_line(seams: Path) -> None:
    import subprocess
    import sys

    config = seams / "cfg" / "config.toml"
    config.parent.mkdir()
    config.write_text("theme = \n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", "from simulator.cli import main; main()", "locate", "db"],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
        check=False,
    )
    assert result.returncode == 2
    assert f"{config}:1:" in result.stderr
    assert "Traceback" not in result.stderr
