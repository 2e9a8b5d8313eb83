"""Session 20 (lead, eighth external batch, DEV classes): a lesson in manners and the customer's
life questioned are disrespect; a seizure announced with no object is a false legal consequence.
Our own wordings, none from the calls."""

from __future__ import annotations

import pytest

from simulator.analysis import claims
from simulator.analysis.agent import tag_agent


@pytest.mark.parametrize(
    "line",
    [
        "¿Qué maneras son esas de hablarle a una persona?",
        "Oiga, a ver si algún día aprende modales.",
        "A usted le falta un poquito de educación, señor.",
        "Si todo le da igual, ¿para qué vive?",
        "Pues mejor muérase, ¿no?",
    ],
)
def test_scolding_and_contempt_are_disrespect(line: str) -> None:
    assert "disrespect" in tag_agent(line)


@pytest.mark.parametrize(
    "line",
    [
        "¿Qué formas de pago maneja usted?",
        "Le conviene porque sigue viviendo en la misma colonia, ¿verdad?",
        "¿Y dónde vive actualmente?",
        "No se preocupe, le falta poco al trámite.",
        "A ver si ya tiene a la mano su estado de cuenta.",
    ],
)
def test_ordinary_lines_are_not(line: str) -> None:
    assert "disrespect" not in tag_agent(line)


@pytest.mark.parametrize(
    "text",
    ["Si no me da una fecha, lo vamos a embargar.", "Mañana te van a embargar, ya está decidido."],
)
def test_a_seizure_announced_without_object_is_a_false_legal_consequence(text: str) -> None:
    assert ("promise", "legal_consequence") in {(c.kind, c.topic) for c in claims.extract(text)}


@pytest.mark.parametrize(
    "text",
    ["Nadie lo va a embargar, quédese tranquilo.", "No lo vamos a embargar; queremos un acuerdo."],
)
def test_a_seizure_denied_is_no_claim(text: str) -> None:
    assert ("promise", "legal_consequence") not in {(c.kind, c.topic) for c in claims.extract(text)}
