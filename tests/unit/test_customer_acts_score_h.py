"""Customer acts the panel J trainers read and the tagger missed (issue 12; our own wordings)."""

from __future__ import annotations

import pytest

from simulator.analysis import analyze_turns
from simulator.models.transcript import Turn

OFFER = "Le recomiendo el plan de 300 megas, 549 al mes y sin plazo forzoso. ¿Qué le parece?"


def _customer_acts(text: str) -> tuple[list[str], str | None]:
    turns = [Turn(speaker="agent", text=OFFER), Turn(speaker="customer", text=text)]
    tagged = list(analyze_turns(turns))[1]
    return list(tagged.acts), tagged.objection_type


@pytest.mark.parametrize(
    "text",
    [
        "Bueno, si puedo cancelar cuando quiera, pues no pierdo nada.",
        "¿Y en qué colores viene el módem?",
        "¿Tendría que estar alguien en casa cuando vengan a instalar?",
    ],
)
def test_interest_in_the_offer_is_a_buying_signal(text: str) -> None:
    assert "buying_signal" in _customer_acts(text)[0]


def test_an_order_to_cancel_everything_is_an_objection() -> None:
    acts, kind = _customer_acts("Sigue sin servicio. Mejor cancélenme el contrato, ya estuvo.")
    assert "objection" in acts
    assert kind == "not_interested"
