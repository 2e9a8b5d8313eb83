"""Blind panel N (session 20): three excellent agents judged not competent by one wrong rule each.
Our own wordings: a released decision is no pressure, a door left open with the initiative on the
customer is no persuasion after «no me llame», and a probe answered after «está bien, lo escucho»
states a need."""

from __future__ import annotations

import pytest

from simulator.analysis import conduct
from simulator.analysis.agent import tag_agent
from simulator.scoring import text as tx


@pytest.mark.parametrize(
    "line",
    [
        "Tranquila, no tiene que decidirlo ahorita; piénselo con calma.",
        "Para nada, usted no tiene que decidir ya. ¿Qué le gustaría revisar?",
    ],
)
def test_a_released_decision_is_no_pressure(line: str) -> None:
    assert "disrespect" not in tag_agent(line)


def test_a_pushed_decision_still_is() -> None:
    assert "disrespect" in tag_agent("Mire, tiene que decidirlo ya o pierde el precio.")


def test_the_door_left_open_after_do_not_call_is_a_courtesy() -> None:
    line = (
        "Queda anotado, no le volvemos a llamar. Si algún día lo necesita, con gusto lo "
        "atendemos cuando usted nos llame. Que tenga buena tarde."
    )
    assert not conduct.offers_after_respect(line)
    assert conduct.offers_after_respect(
        "Queda anotado, no le volvemos a llamar. Le dejo mi extensión por si se anima."
    )


# The third fix (a probe answered after «está bien, lo escucho» states a need) is guarded by the
# panel script ub-06 itself (tests/panel): the acceptance it carries comes from the simulated
# customer's recorded decision, which a hand-made transcript does not have.


def test_a_denied_amount_is_no_price_claim() -> None:
    assert tx.cue("denied_amount").search("el precio es de 4,999 no tengo ninguna promocion en")
    assert tx.cue("denied_amount").search("no existe un precio de")
    assert not tx.cue("denied_amount").search("le queda en")
