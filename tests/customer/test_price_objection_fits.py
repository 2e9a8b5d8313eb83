"""A price objection about the dearer product waits until that product is offered (panel J yi-01).

«No pensaba gastar tanto» to a substitute cheaper than what the customer came for makes no sense:
the scenario's lines about the 256 GB price require that the agent named it. Our own wordings.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer.simulator import CustomerSimulator

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _offer(seed: int, text: str) -> list[str]:
    library = load_library()
    sim = CustomerSimulator(
        library.scenario("celular-agotado-electrohogar"), library.persona("regateador")
    )
    state = sim.start(seed)
    _, state = sim.respond(
        "ElectroHogar, buenas tardes, le atiende Rocío, ¿en qué le ayudo?", state
    )
    _, state = sim.respond(text, state)
    return state.objections_raised


@pytest.mark.parametrize("seed", range(5))
def test_the_cheaper_substitute_gets_no_objection_to_the_dearer_price(seed: int) -> None:
    raised = _offer(seed, "Ese modelo se agotó; le ofrezco el Astra 5, sale en 4,999 pesos.")
    assert "precio-256" not in raised


def test_the_dearer_one_offered_can_get_it() -> None:
    said = [
        _offer(seed, "Ese se agotó; tengo el Nova X de 256 gigas en 6,299 pesos.")
        for seed in range(8)
    ]
    assert any("precio-256" in raised for raised in said)
