"""``simulador score`` and ``simulador rubric`` through the Typer app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app

DATA = Path(__file__).parents[1] / "data" / "transcripts"
KEYS = {
    "overall",
    "verdict",
    "critical_errors",
    "non_critical_errors",
    "elements",
    "skills",
    "metrics",
    "turns",
    "feedback",
    "coaching_plan",
}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_score_prints_a_spanish_scorecard(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", str(DATA / "sample_sale.json")], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for text in (
        "Calificación global",
        "Protocolo de inicio",
        "Destrezas",
        "Plan de acción",
        "Retroalimentación",
    ):
        assert text in result.output


def test_score_json_has_exactly_the_ten_keys(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", str(DATA / "wrong_price.json"), "--json"])
    assert result.exit_code == 0, result.output
    card = json.loads(result.stdout)
    assert set(card) == KEYS
    assert any(e["code"] == "inaccurate_information" for e in card["critical_errors"])
    # the plan practises what fell short: the wrong price (skills at target are left out)
    assert "product_knowledge" in [p["skill"] for p in card["coaching_plan"]["priorities"]]


def test_score_reads_stdin(runner: CliRunner) -> None:
    text = (DATA / "service_call.json").read_text("utf-8")
    result = runner.invoke(app, ["score", "-", "--json"], input=text)
    assert result.exit_code == 0, result.output
    # a service call without a product question is judged on the information given (issue 12)
    assert json.loads(result.stdout)["elements"]["product_information"]["met"] is True


def test_batch_directory_prints_one_line_per_call_and_averages(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", str(DATA)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    count = len(list(DATA.glob("*.json")))
    assert sum(".json" in line for line in result.output.splitlines()) == count
    assert f"Llamadas: {count}" in result.output and "Promedio" in result.output


def test_history_flags_repeated_faults(runner: CliRunner, tmp_path: Path) -> None:
    first = runner.invoke(app, ["score", str(DATA / "wrong_price.json"), "--json"])
    earlier = tmp_path / "anterior.json"
    earlier.write_text(first.stdout, "utf-8")
    once = ["--history", str(earlier)]
    result = runner.invoke(app, ["score", str(DATA / "wrong_price.json"), "--json", *once])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)["coaching_plan"]
    assert plan["history_calls"] == 1
    # the one definition of reincidente: the same fault in 3 of the last 5 calls
    assert not any(f.startswith("Reincidente") for f in plan["repeated_faults"])
    result = runner.invoke(app, ["score", str(DATA / "wrong_price.json"), "--json", *once, *once])
    plan = json.loads(result.stdout)["coaching_plan"]
    assert plan["history_calls"] == 2
    assert any(f.startswith("Reincidente") for f in plan["repeated_faults"])


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('{"turns": [\n{"speaker": "agent",}\n]}', ":2: JSON no válido"),
        ('{"format": "simulador.transcript/9", "turns": []}', "versión de formato desconocida"),
        ('{"turns": [{"text": "hola"}]}', "falta este campo obligatorio"),
        ('{"turns": [{"speaker": "agent", "text": 5}]}', "se esperaba un texto"),
    ],
)
def test_invalid_transcripts_exit_2_in_spanish(
    runner: CliRunner, tmp_path: Path, content: str, fragment: str
) -> None:
    path = tmp_path / "malo.json"
    path.write_text(content, "utf-8")
    result = runner.invoke(app, ["score", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert fragment in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_file_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["score", str(tmp_path / "no.json")])
    assert result.exit_code == 2 and "no existe el archivo" in result.output


def test_rubric_lists_every_rule(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rubric", "--json"])
    assert result.exit_code == 0
    keys = {(r["kind"], r["key"]) for r in json.loads(result.stdout)}
    assert ("element", "needs_detection") in keys and ("critical", "sale_without_consent") in keys
    table = runner.invoke(app, ["rubric"], env={"COLUMNS": "200"})
    assert (
        table.exit_code == 0
        and "Detecta necesidades" in table.output
        and "Error crítico" in table.output
    )


def test_transcript_naming_a_bundled_scenario_takes_its_catalog(
    runner: CliRunner, tmp_path: Path
) -> None:
    pytest.importorskip("simulator.content.transcripts")
    path = tmp_path / "escenario.json"
    path.write_text(
        json.dumps(
            {
                "scenario": "internet-veloz-hogar",
                "turns": [
                    {
                        "speaker": "agent",
                        "text": "Buenas tardes, le habla Mariana de Internet Veloz. El Plan Hogar 200 megas cuesta 450 pesos al mes.",
                    },
                    {"speaker": "customer", "text": "No me interesa."},
                ],
            }
        ),
        "utf-8",
    )
    result = runner.invoke(app, ["score", str(path), "--json"])
    assert result.exit_code == 0, result.output
    errors = json.loads(result.stdout)["critical_errors"]
    assert any(e["code"] == "inaccurate_information" and "499" in e["explanation"] for e in errors)


def test_unknown_scenario_exit_2(runner: CliRunner) -> None:
    pytest.importorskip("simulator.content.transcripts")
    result = runner.invoke(app, ["score", "-"], input='{"scenario": "no-existe", "turns": []}')
    assert (
        result.exit_code == 2 and "no-existe" in result.output and "Traceback" not in result.output
    )


@pytest.mark.parametrize(
    "content",
    ["{}", '{"turns": []}', '{"turns": [{"speaker": "customer", "text": "¿Bueno?"}]}'],
)
def test_a_transcript_without_agent_turns_is_refused_not_scored(
    runner: CliRunner, tmp_path: Path, content: str
) -> None:
    path = tmp_path / "vacia.json"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 2
    assert "no hay nada que calificar" in result.output
    assert "Calificación global" not in result.output
