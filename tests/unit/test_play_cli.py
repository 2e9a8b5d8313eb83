"""``simulador play``: scripted calls, JSON output, errors in Spanish without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app

SCRIPTS = Path(__file__).resolve().parents[1] / "harness" / "scripts"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIMULADOR_CONTENT_DIR", raising=False)


def test_script_json_has_exactly_outcome_transcript_scorecard() -> None:
    script = SCRIPTS / "internet-veloz-hogar.good.txt"
    result = runner.invoke(
        app,
        [
            "play",
            "--scenario",
            "internet-veloz-hogar",
            "--seed",
            "1",
            "--script",
            str(script),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"outcome", "transcript", "scorecard"}
    assert data["outcome"] in ("sale", "no_sale", "hung_up", "resolved", "unresolved")
    assert data["transcript"]["format"] == "simulador.transcript/1"
    assert data["transcript"]["turns"][0]["speaker"] == "customer"
    assert 0 <= data["scorecard"]["overall"] <= 100


def test_readable_output_and_journal(tmp_path: Path) -> None:
    script = tmp_path / "s.txt"
    script.write_text(
        "# comentario\n\nBuenas tardes, le habla Mariana de Internet Veloz.\n/colgar\nEsto se ignora\n",
        encoding="utf-8",
    )
    journal = tmp_path / "j.jsonl"
    result = runner.invoke(
        app,
        [
            "play",
            "--scenario",
            "internet-veloz-hogar",
            "--script",
            str(script),
            "--journal",
            str(journal),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Agente:" in result.stdout and "Cliente:" in result.stdout
    assert "Resultado:" in result.stdout and "Calificación:" in result.stdout
    assert "Esto se ignora" not in result.stdout
    assert journal.exists() and '"type": "end"' in journal.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("scenario", "said", "not_said"),
    [
        ("cobranza-tarjeta-atrasada", "[Acuerdo de pago registrado en el sistema:", "Venta"),
        ("internet-veloz-hogar", "[Venta registrada en el sistema:", "Acuerdo"),
    ],
)
def test_a_registration_is_named_by_the_call_kind(
    tmp_path: Path, scenario: str, said: str, not_said: str
) -> None:
    """A promise to pay registered in a collections call is no «sale» in the printed transcript."""
    script = tmp_path / "s.txt"
    script.write_text("Buenas tardes, le saluda Mariana.\n/venta\n/colgar\n", encoding="utf-8")
    result = runner.invoke(app, ["play", "--scenario", scenario, "--script", str(script)])
    assert result.exit_code == 0, result.output
    notes = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith("[")]
    assert any(note.startswith(said) for note in notes)
    assert not any(not_said in note for note in notes)


def test_unknown_command_in_script_exits_2_with_file_and_line(tmp_path: Path) -> None:
    script = tmp_path / "bad.txt"
    script.write_text("Hola\n/bailar 3\n", encoding="utf-8")
    result = runner.invoke(
        app, ["play", "--scenario", "internet-veloz-hogar", "--script", str(script)]
    )
    assert result.exit_code == 2
    assert f"{script}:2:" in result.output and "comando desconocido" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("line", ["/espera mucho", "/dato telefono"])
def test_malformed_commands_exit_2(tmp_path: Path, line: str) -> None:
    script = tmp_path / "bad.txt"
    script.write_text(f"Hola\n{line}\n", encoding="utf-8")
    result = runner.invoke(
        app, ["play", "--scenario", "internet-veloz-hogar", "--script", str(script)]
    )
    assert result.exit_code == 2 and ":2:" in result.output and "Traceback" not in result.output


def test_unknown_scenario_lists_valid_ids() -> None:
    result = runner.invoke(
        app,
        [
            "play",
            "--scenario",
            "no-existe",
            "--script",
            str(SCRIPTS / "internet-veloz-hogar.bad.txt"),
        ],
    )
    assert result.exit_code == 2
    assert "internet-veloz-hogar" in result.output and "Traceback" not in result.output
    result = runner.invoke(
        app,
        [
            "play",
            "--scenario",
            "internet-veloz-hogar",
            "--persona",
            "nadie",
            "--script",
            str(SCRIPTS / "internet-veloz-hogar.bad.txt"),
        ],
    )
    assert result.exit_code == 2 and "indeciso" in result.output


def test_play_refuses_a_persona_the_scenario_does_not_list() -> None:
    # retencion-plan-movil lists impaciente, molesto, regateador, experto, indeciso, callado
    result = runner.invoke(
        app,
        [
            "play",
            "--scenario",
            "retencion-plan-movil",
            "--persona",
            "desconfiado",
            "--script",
            str(SCRIPTS / "retencion-plan-movil.bad.txt"),
        ],
    )
    assert result.exit_code == 2
    assert "no admite la persona «desconfiado»" in result.output
    assert "impaciente" in result.output and "Traceback" not in result.output


def test_interactive_call_reads_turns_until_colgar() -> None:
    result = runner.invoke(
        app,
        ["play", "--scenario", "internet-veloz-hogar"],
        input="/ayuda\nBuenas tardes, le habla Mariana de Internet Veloz.\n/colgar\n",
    )
    assert result.exit_code == 0, result.output
    assert "/espera SEGUNDOS" in result.stdout and "Resultado:" in result.stdout


def test_data_typed_after_the_customer_hung_up_are_still_captured(tmp_path: Path) -> None:
    """Panel H zw-07: the read-back's /dato lines came after the customer's hang-up and were
    dropped, so every field was «missing». The wrap-up still takes captures; words are ignored."""
    script = tmp_path / "s.txt"
    script.write_text(
        "Buenas tardes, le habla Mariana de Internet Veloz.\n"
        "Usted es un idiota, cállese y escúcheme.\n"
        "Usted es un idiota, cállese y escúcheme, no sabe nada.\n"
        "/dato nombre=Rosa María\nGracias.\n/colgar\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        [
            "play",
            "--scenario",
            "internet-veloz-hogar",
            "--seed",
            "1",
            "--script",
            str(script),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    events = data["transcript"]["events"]
    hangup = next(e for e in events if e["type"] == "hangup")
    assert hangup["value"] == "cliente"
    assert {"type": "capture", "value": "nombre=Rosa María"}.items() <= next(
        e for e in events if e["type"] == "capture"
    ).items()
    assert data["transcript"]["capture"] == {"nombre": "Rosa María"}
    assert "Gracias." not in [t["text"] for t in data["transcript"]["turns"]]


def test_venta_names_the_product_it_registers_and_json_carries_the_folio(tmp_path: Path) -> None:
    """A service call spoke of plumbing, but the agent registers the locksmith by name."""
    script = tmp_path / "s.txt"
    script.write_text(
        "Buenas tardes, Asistencia Total, le atiende Ana.\nLe mando al plomero.\n"
        "/venta cerrajeria\n/colgar\n",
        encoding="utf-8",
    )
    args = ["play", "--scenario", "asistencia-hogar-fuga", "--seed", "4", "--script", str(script)]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    sales = [e for e in data["transcript"]["events"] if e["type"] == "sale_registered"]
    assert [e["value"] for e in sales] == ["Cerrajería de emergencia"]
    assert data["folio"].startswith("AT-")
    readable = runner.invoke(app, args)
    assert f"Cerrajería de emergencia. Folio: {data['folio']}]" in readable.stdout


def test_venta_with_an_unknown_product_stops_before_the_call_with_file_line_and_catalog(
    tmp_path: Path,
) -> None:
    script = tmp_path / "s.txt"
    script.write_text("Hola, buenas tardes.\n/venta plan oro\n", encoding="utf-8")
    result = runner.invoke(
        app, ["play", "--scenario", "asistencia-hogar-fuga", "--script", str(script)]
    )
    assert result.exit_code == 2
    assert f"{script}:2" in result.output
    assert "«plan oro»" in result.output and "«Plomería de emergencia»" in result.output
    assert "Traceback" not in result.output


def test_interactive_registration_shows_the_product_and_folio_at_once() -> None:
    typed = "Hola, buenas tardes.\n/venta de emergencia\n/venta plomería\n/colgar\n"
    result = runner.invoke(
        app,
        ["play", "--scenario", "asistencia-hogar-fuga", "--seed", "4"],
        input=typed,
    )
    assert result.exit_code == 0, result.output
    assert "puede ser más de un producto" in result.output
    lines = result.output.splitlines()
    at = next(i for i, line in enumerate(lines) if "Plomería de emergencia. Folio: AT-" in line)
    assert "Resultado:" not in "\n".join(lines[: at + 1])  # shown during the call, not only after
