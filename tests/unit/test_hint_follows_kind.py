"""The live «señal de compra» hint follows the call's kind (ux-d, session 18).

A service, complaint or collections call has no buying-signal skill: a customer's «¿y cuánto
tarda?» on a service call is no cue to close, so the practice hint must not say so.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer.simulator import CustomerReply
from simulator.customer.state import CustomerState
from simulator.session.hints import hint_key


@pytest.mark.parametrize(
    ("scenario_id", "expected"),
    [
        ("queja-internet-sin-servicio", None),
        ("cambio-domicilio-internet", None),
        ("cobranza-tarjeta-atrasada", None),
        ("internet-veloz-hogar", "buying_signal"),
        ("celular-agotado-electrohogar", "buying_signal"),
    ],
)
def test_buying_signal_hint_only_on_sales(scenario_id: str, expected: str | None) -> None:
    library = load_library()
    scenario = library.scenarios[scenario_id]
    persona = library.personas["amable"]
    state = CustomerState(revealed_needs=["x"], empathy_received=True, turn=3)
    reply = CustomerReply(text="¿Y eso cuánto tarda?", buying_signal=True)
    assert hint_key(state, reply, persona, scenario, agent_turns=3) == expected
