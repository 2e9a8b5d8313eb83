"""The CLI speaks Spanish even for usage errors and help built by typer/click."""

from __future__ import annotations

import subprocess
import sys


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator.cli", *args], capture_output=True, text=True, check=False
    )


def test_unknown_command_is_spanish() -> None:
    result = _run("nope")
    assert result.returncode == 2
    assert "No existe el comando" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Uso:" in result.stderr


def test_missing_option_and_bad_value_are_spanish() -> None:
    missing = _run("play")
    assert missing.returncode == 2
    assert "Falta la opción" in missing.stderr
    bad = _run("play", "--scenario", "internet-veloz-hogar", "--seed", "x")
    assert bad.returncode == 2
    assert "se esperaba un número entero" in bad.stderr


def test_help_option_text_is_spanish() -> None:
    result = _run("score", "--help")
    assert result.returncode == 0
    assert "Muestra esta ayuda y termina." in result.stdout
    assert "Show this message" not in result.stdout


def test_cli_starts_without_the_standalone_click_package() -> None:
    # typer vendors click; `make run` installs no click, so the CLI must not need it.
    code = (
        "import sys; sys.modules['click'] = None\n"
        "from simulator.cli import app\n"
        "from typer.testing import CliRunner\n"
        "result = CliRunner().invoke(app, ['rubric', '--json'])\n"
        "assert result.exit_code == 0, result.output\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
