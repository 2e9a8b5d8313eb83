"""The upset caller vents, but answers what it is asked and is not won by a bare «va» (panel J).

Blind panel J yg-01: a molesto customer gave five generic grievances in a row without ever
saying why it called, ignored a concrete offer, and then went fully soft («Es lo primero que
alguien me dice así») at a brusque «Ah, bueno… se lo cambio, ¿va?». Now, asked what it wants
after venting, it says why it calls; an offer pushed before it was heard gets an answer to the
offer; and a bare acknowledgement with a push is not the second dose of empathy. Our own wordings.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import objections
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _vented(seed: int) -> tuple[CustomerSimulator, CustomerState]:
    library = load_library()
    sim = CustomerSimulator(library.scenario("retencion-plan-movil"), library.persona("molesto"))
    state = sim.start(seed)
    _, state = sim.respond("Buenas tardes, le atiende Karla, ¿en qué le puedo servir?", state)
    return sim, state


@pytest.mark.parametrize("seed", range(6))
def test_asked_what_it_wants_it_says_why_it_calls(seed: int) -> None:
    sim, state = _vented(seed)
    reply, state = sim.respond("Sí, sí. ¿Y qué es lo que busca hacer con su línea?", state)
    assert state.last_intents == ["state_reason"], reply.text


@pytest.mark.parametrize("seed", range(6))
def test_an_offer_pushed_before_it_was_heard_is_answered(seed: int) -> None:
    sim, state = _vented(seed)
    _, state = sim.respond("Ajá. ¿Y qué trámite quiere hacer?", state)
    text = "Mire, le paso al plan de 249 y con eso ya paga menos. ¿Se lo cambio?"
    reply, state = sim.respond(text, state)
    assert "offer_before_empathy" in state.last_intents, reply.text
    assert not state.accepted


def test_a_bare_go_ahead_with_a_push_is_no_second_dose() -> None:
    sim, state = _vented(3)
    _, state = sim.respond("Lamento mucho lo que me cuenta, de verdad. ¿Qué pasó?", state)
    text = "Va. Entonces le dejo el plan de 349 con 20 gigas, se lo cambio ahorita, ¿va?"
    reply, state = sim.respond(text, state)
    assert "empathy_thanks" not in state.last_intents, reply.text
    assert not state.empathy_received


@pytest.mark.parametrize(
    ("scenario", "doubts"),
    [
        ("asistencia-hogar-fuga", False),
        ("cambio-domicilio-internet", False),
        ("seguro-auto-amplio", True),
    ],
)
def test_the_undecided_doubts_a_purchase_not_the_help_it_called_for(
    scenario: str, doubts: bool
) -> None:
    """Panel J yf-07: «déjeme pensarlo bien» to registering a free plumber with water at the sofas."""
    library = load_library()
    sim = CustomerSimulator(library.scenario(scenario), library.persona("indeciso"))
    state = sim.start(4)
    text = "Con lo que me cuenta, ¿le parece si lo registro ya?"
    turn = Turn(text, normalize(text), {"close"}, state, sim.scenario, sim.persona)
    ids = [spec["id"] for spec in objections._persona_objections(turn)]
    assert ("_doubt" in ids) is doubts
