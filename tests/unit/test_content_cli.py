"""``simulador content`` commands and ``apply_scenario``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.content.transcripts import apply_scenario
from simulator.errors import UnknownIdError
from simulator.models.transcript import Transcript

runner = CliRunner()

OWN_SCENARIO = (
    Path(__file__).parents[2] / "scenarios" / "internet-veloz-hogar.scenario.yaml"
).read_text("utf-8")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIMULADOR_CONTENT_DIR", raising=False)


def _own_scenario(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = OWN_SCENARIO.replace("id: internet-veloz-hogar", "id: mi-internet").replace(
        'title: "Internet Veloz: plan de internet para la casa de Rosa María"',
        "title: Mi escenario propio",
    )
    path = folder / "mi-internet.scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_bad_folder_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "malo"
    bad.mkdir()
    (bad / "x.persona.yaml").write_text("id: x\nname: [sin cerrar\n", encoding="utf-8")
    (bad / "y.scenario.yaml").write_text("id: y\ntitel: Hola\n", encoding="utf-8")
    result = runner.invoke(app, ["content", "validate", str(bad)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "x.persona.yaml:2: error de sintaxis YAML" in result.output
    assert "y.scenario.yaml:2: campo desconocido «titel»" in result.output
    assert "falta el campo obligatorio «kind»" in result.output


def test_validate_own_folder_ok(tmp_path: Path) -> None:
    own = tmp_path / "mio"
    _own_scenario(own)
    result = runner.invoke(app, ["content", "validate", str(own)])
    assert result.exit_code == 0, result.output
    assert "✓" in result.output and "mi-internet.scenario.yaml" in result.output


def test_validate_default_search_path_is_clean() -> None:
    result = runner.invoke(app, ["content", "validate"])
    assert result.exit_code == 0, result.output
    assert "internet-veloz-hogar.scenario.yaml" in result.output


def test_list_with_content_dir_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _own_scenario(tmp_path / "mio" / "scenarios")
    result = runner.invoke(app, ["content", "list", "--content-dir", str(tmp_path / "mio")])
    assert result.exit_code == 0, result.output
    assert "mi-internet" in result.output and "internet-veloz-hogar" in result.output
    assert "Venta saliente" in result.output and "indeciso" in result.output
    _own_scenario(tmp_path / "env")
    monkeypatch.setenv("SIMULADOR_CONTENT_DIR", str(tmp_path / "env"))
    result = runner.invoke(app, ["content", "list"])
    assert "mi-internet" in result.output


def test_list_with_missing_content_dir_is_a_clean_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["content", "list", "--content-dir", str(tmp_path / "no")])
    assert result.exit_code == 2
    assert "no existe" in result.output


def test_schema_command_writes_both_files(tmp_path: Path) -> None:
    result = runner.invoke(app, ["content", "schema", "--out", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    schema = json.loads((tmp_path / "s" / "scenario.schema.json").read_text("utf-8"))
    assert "catalog" in schema["properties"]
    assert (tmp_path / "s" / "persona.schema.json").exists()


def test_apply_scenario_fills_missing_fields_only() -> None:
    transcript = Transcript(scenario="internet-veloz-hogar", agent_name="Pedro")
    filled = apply_scenario(transcript)
    assert filled.company == "Internet Veloz"
    assert filled.agent_name == "Pedro"
    assert filled.kind == "sale"
    assert [e.price for e in filled.catalog] == [399, 499, 99]
    assert filled.required_fields == ["nombre", "telefono", "correo", "direccion"]
    assert filled.customer_data["correo"] == "rosa.hdz@gmail.com"
    assert filled.customer_data["nombre"] == "Rosa María Hernández"
    assert filled.max_hold_seconds == 60
    assert transcript.company is None  # the input is not modified
    assert apply_scenario(Transcript()) == Transcript()


def test_apply_scenario_unknown_id() -> None:
    with pytest.raises(UnknownIdError, match="internet-veloz-hogar"):
        apply_scenario(Transcript(scenario="no-existe"))
