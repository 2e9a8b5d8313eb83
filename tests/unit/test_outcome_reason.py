"""Why a call ended without its goal: one sentence from the recorded events and captured fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.models.transcript import Event, Transcript, Turn
from simulator.session.outcome_reason import outcome_reason

TURNS = [Turn(speaker="agent", text="Buenas tardes."), Turn(speaker="customer", text="Bueno.")]


def _call(kind: str, events: list[Event], capture: dict[str, str] | None = None) -> Transcript:
    return Transcript(
        kind=kind,  # type: ignore[arg-type]
        turns=TURNS,
        events=events,
        required_fields=["nombre", "telefono", "correo"],
        capture=capture or {},
    )


def _consent(value: str, reason: str | None = None) -> Event:
    return Event(type="consent", t=1.0, value=value, after_turn=2, reason=reason)


@pytest.mark.parametrize("outcome", ["sale", "resolved", None])
def test_no_reason_when_the_goal_was_reached(outcome: str | None) -> None:
    assert outcome_reason(outcome, _call("sale", [])) is None


def test_a_sale_never_closed_says_there_was_no_close() -> None:
    assert "No hubo cierre" in (outcome_reason("no_sale", _call("sale", [])) or "")


def test_a_refusal_and_an_open_objection_are_told_apart() -> None:
    refused = outcome_reason("no_sale", _call("sale", [_consent("refused", "refusal")]))
    doubt = outcome_reason("no_sale", _call("sale", [_consent("hesitated", "objection")]))
    assert refused == "El cliente no aceptó la oferta."
    assert doubt is not None and "sí claro" in doubt and "objeción sin resolver" in doubt


def test_a_yes_withdrawn_before_registration() -> None:
    said = outcome_reason("no_sale", _call("sale", [_consent("accepted")]))
    assert said is not None and "retiró su aceptación" in said


def test_collections_promise_accepted_but_data_missing_names_the_fields() -> None:
    call = _call("collections", [_consent("accepted")], {"nombre": "Ana"})
    assert outcome_reason("unresolved", call) == (
        "El cliente aceptó la promesa de pago, pero faltó capturar: teléfono y correo."
    )


def test_collections_without_a_promise() -> None:
    call = _call("collections", [], {"nombre": "Ana", "telefono": "1", "correo": "a@b.mx"})
    assert "No quedó una promesa de pago" in (outcome_reason("unresolved", call) or "")


def test_service_with_every_field_is_unresolved_for_the_customer() -> None:
    call = _call("service", [], {"nombre": "Ana", "telefono": "1", "correo": "a@b.mx"})
    assert outcome_reason("unresolved", call) == (
        "El caso no quedó resuelto a satisfacción del cliente."
    )


def test_a_hang_up_says_why_the_customer_left() -> None:
    left = Event(type="hangup", t=2.0, value="cliente", after_turn=2, reason="long_hold")
    assert "espera fue demasiado larga" in (outcome_reason("hung_up", _call("sale", [left])) or "")
    unknown = Event(type="hangup", t=2.0, value="cliente", after_turn=2, reason="otra")
    assert outcome_reason("hung_up", _call("sale", [unknown])) == "El cliente terminó la llamada."


def test_cli_play_prints_the_reason_under_the_outcome(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    script = tmp_path / "s.txt"
    script.write_text("Buenas tardes, le saluda Mariana.\n/colgar\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["play", "--scenario", "internet-veloz-hogar", "--script", str(script)]
    )
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.stdout.splitlines()]
    at = next(i for i, line in enumerate(lines) if line.startswith("Resultado:"))
    assert lines[at + 1] == "No hubo cierre: nunca se le pidió la decisión al cliente."
