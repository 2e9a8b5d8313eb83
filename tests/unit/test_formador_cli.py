"""CLI for formadores: create a formador, cohorts, assignments and the dashboard (CliRunner)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app

SCENARIO = "internet-veloz-hogar"


@pytest.fixture()
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "cfg" / "config.toml"))
    monkeypatch.setenv("SIMULADOR_FORMADOR_PASSWORD", "secreta123")
    yield CliRunner()


def _ok(runner: CliRunner, *args: str, input: str | None = None) -> str:
    result = runner.invoke(app, list(args), input=input)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_formador_flow_end_to_end(runner: CliRunner) -> None:
    out = _ok(runner, "formador", "crear", "Marta", input="secreta123\nsecreta123\n")
    assert "Formador «Marta» creado." in out
    _ok(runner, "cohorte", "crear", "Enero", "--formador", "Marta")
    out = _ok(runner, "cohorte", "agregar", "Enero", "Ana", "Beto", "--formador", "Marta")
    assert "Ana: agregado" in out and "Beto: agregado" in out
    assert "Enero (2): Ana, Beto" in _ok(runner, "cohorte", "listar")
    # as the README writes it, with the formador's name (and password), like its siblings
    assert "Enero (2): Ana, Beto" in _ok(runner, "cohorte", "listar", "--formador", "Marta")
    out = _ok(
        runner, "asignar", "--escenario", SCENARIO, "--escenario", SCENARIO, "--cohorte", "Enero",
        "--fecha", "2026-12-31", "--meta", "80", "--modo", "examen", "--intentos", "3",
        "--formador", "Marta",
    )  # fmt: skip
    assert "2 escenarios asignados a la cohorte «Enero»." in out
    out = _ok(runner, "tablero", "--cohorte", "Enero", "--formador", "Marta")
    assert "Tablero de la cohorte «Enero»" in out and "Ana" in out and "Beto" in out
    assert "asignaciones cumplidas 0/4" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["asignar", "--escenario", SCENARIO, "--formador", "Marta"], "uno de los dos"),
        (
            [
                "asignar",
                "--escenario",
                SCENARIO,
                "--aprendiz",
                "Ana",
                "--fecha",
                "31/12/2026",
                "--formador",
                "Marta",
            ],
            "AAAA-MM-DD",
        ),  # fmt: skip
        (
            ["asignar", "--escenario", SCENARIO, "--aprendiz", "Nadie", "--formador", "Marta"],
            "No existe el aprendiz",
        ),  # fmt: skip
        (["asignar", "--escenario", "no-existe", "--aprendiz", "Ana", "--formador", "Marta"], ""),
        (["tablero", "--cohorte", "Nada", "--formador", "Marta"], "No existe la cohorte"),
        (["cohorte", "crear", "X", "--formador", "Ana"], "incorrectos"),
        (["formador", "crear", "Otro", "--password", "secreta123"], "Ya existe un formador"),
    ],
)
def test_bad_input_is_spanish_with_code_2(runner: CliRunner, args: list[str], message: str) -> None:
    _ok(runner, "formador", "crear", "Marta", "--password", "secreta123")
    _ok(runner, "cohorte", "crear", "Enero", "--formador", "Marta")
    _ok(runner, "cohorte", "agregar", "Enero", "Ana", "--formador", "Marta")
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_wrong_password_is_refused(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    _ok(runner, "formador", "crear", "Marta", "--password", "secreta123")
    monkeypatch.setenv("SIMULADOR_FORMADOR_PASSWORD", "otra-cosa")
    result = runner.invoke(app, ["cohorte", "crear", "Enero", "--formador", "Marta"])
    assert result.exit_code == 2 and "Formador o contraseña incorrectos." in result.output


def test_cohorte_listar_with_a_wrong_password_lists_nothing(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ok(runner, "formador", "crear", "Marta", input="secreta123\nsecreta123\n")
    _ok(runner, "cohorte", "crear", "Enero", "--formador", "Marta")
    monkeypatch.setenv("SIMULADOR_FORMADOR_PASSWORD", "otra-cosa")
    result = runner.invoke(app, ["cohorte", "listar", "--formador", "Marta"])
    assert result.exit_code == 2
    assert "Enero" not in result.output and "contraseña incorrectos" in result.output
