"""``simulador content preguntas``: the bundled or configured question bank is checked and counted
by topic; a broken one is a Spanish ``archivo:línea`` message with exit code 2, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app


@pytest.fixture()
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "cfg" / "config.toml"))
    return CliRunner()


def test_the_bundled_bank_is_counted_by_topic(runner: CliRunner) -> None:
    result = runner.invoke(app, ["content", "preguntas"])
    assert result.exit_code == 0, result.output
    assert "banco incluido" in result.output and "Sondeo:" in result.output


def test_a_configured_bank_is_the_default(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = tmp_path / "mio.yaml"
    bank.write_text("version: 1\nquestions:\n  - id: x\n", "utf-8")
    monkeypatch.setenv("SIMULADOR_EXAM_QUESTIONS", str(bank))
    result = runner.invoke(app, ["content", "preguntas"])
    assert result.exit_code == 2
    assert f"{bank}:3:" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "words"), [("no-existe.yaml", "el archivo no existe"), (".", "es una carpeta")]
)
def test_unreadable_banks_say_why(runner: CliRunner, tmp_path: Path, name: str, words: str) -> None:
    result = runner.invoke(app, ["content", "preguntas", str(tmp_path / name)])
    assert result.exit_code == 2
    assert words in result.output and "Traceback" not in result.output
