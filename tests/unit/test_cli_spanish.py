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


def test_a_near_miss_subcommand_suggests_in_spanish() -> None:
    result = _run("content", "lista")
    assert result.returncode == 2
    assert "No existe el comando 'lista'. ¿Quiso decir 'list'?" in result.stderr
    assert "Did you mean" not in result.stderr


def test_missing_option_and_bad_value_are_spanish() -> None:
    missing = _run("play")
    assert missing.returncode == 2
    assert "Falta la opción" in missing.stderr
    bad = _run("play", "--scenario", "internet-veloz-hogar", "--seed", "x")
    assert bad.returncode == 2
    assert "se esperaba un número entero" in bad.stderr


def test_missing_choice_argument_and_bad_choice_are_spanish() -> None:
    # `simulador locate` without what to locate printed click's «Missing argument … Choose from:»
    missing = _run("locate")
    assert missing.returncode == 2
    assert "Falta el argumento" in missing.stderr and "Elija entre" in missing.stderr
    bad = _run("locate", "nada")
    assert bad.returncode == 2
    assert "no es una de las opciones" in bad.stderr
    for english in ("Missing", "Choose from", "Value error"):
        assert english not in missing.stderr + bad.stderr


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


def test_group_without_arguments_answers_with_spanish_help() -> None:
    result = _run("content")
    assert "Uso:" in result.stdout + result.stderr
    assert "Usage:" not in result.stdout + result.stderr
    assert "Muestra esta ayuda y termina." in result.stdout + result.stderr


def test_typer_is_pinned_to_the_release_whose_internals_are_patched() -> None:
    # cli_spanish patches typer internals: the pin and the installed typer must be that release.
    import tomllib
    from pathlib import Path

    import typer

    from simulator.cli_spanish import TYPER_VERSION

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    deps = tomllib.loads(pyproject.read_text("utf-8"))["project"]["dependencies"]
    assert f"typer=={TYPER_VERSION}" in deps, "pin typer exactly to cli_spanish.TYPER_VERSION"
    assert typer.__version__ == TYPER_VERSION, (
        f"typer {typer.__version__} installed; cli_spanish was written against {TYPER_VERSION}"
    )


def test_every_spanish_hook_exists_in_the_pinned_typer() -> None:
    # _install (unlike install) raises, naming the hook, when a typer release moved one.
    code = (
        "from simulator.cli_spanish import _install\n"
        "_install()\n"
        "import typer.rich_utils as r, typer._click.decorators as d\n"
        "assert r.OPTIONS_PANEL_TITLE == 'Opciones', r.OPTIONS_PANEL_TITLE\n"
        "assert r.DEFAULT_STRING == '[por omisión: {}]', r.DEFAULT_STRING\n"
        "assert getattr(d.option, '_spanish', False)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_ordinary_commands_load_no_help_renderer_tui_or_database() -> None:
    # Cold start: a command imports only what it needs (typer's rich help renderer, Textual,
    # SQLAlchemy and Alembic are loaded by the commands and screens that use them).
    code = (
        "import sys, runpy\n"
        "sys.argv = ['simulador', 'rubric', '--json']\n"
        "try:\n    runpy.run_module('simulator.cli', run_name='__main__')\n"
        "except SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "heavy = ('typer.rich_utils', 'textual', 'sqlalchemy', 'alembic', 'numpy')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "[]"
