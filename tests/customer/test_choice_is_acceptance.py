"""An alternative close answered with the product is a yes (issue 7 items 3 and 5; blind panel J).

«¿Cuál prefiere?» over the catalog's products, answered «pues la Amplia» by a customer who objects
to nothing and asks how to take it, is consent: the brain records it, so the registration that
follows the data and the read-back is no «yo no le he dicho que sí». An early «¿cuál prefiere?»
from an agent who heard no need of the customer's is not. Our own wordings.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import brain
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")

CHOICE = "Le quedan dos opciones, la Amplia de 9,800 o la Limitada de 6,200. ¿Con cuál se queda?"


def _setup(needs: bool) -> tuple[CustomerSimulator, CustomerState]:
    library = load_library()
    sim = CustomerSimulator(library.scenario("seguro-auto-amplio"), library.persona("amable"))
    state = sim.start(3)
    state.presented = True
    state.greeted = state.purpose_known = state.identity_confirmed = True
    state.revealed_needs = [sim.scenario.needs[0].id] if needs else []
    state.interest, state.trust = 55, 60
    return sim, state


def _record(sim: CustomerSimulator, state: CustomerState, intents: list[Intent]) -> CustomerState:
    turn = Turn(CHOICE, normalize(CHOICE), {"open_question"}, state, sim.scenario, sim.persona)
    brain._record_decision(turn, intents, was_accepted=False)
    return state


def test_the_product_chosen_with_a_buying_question_is_a_yes() -> None:
    sim, state = _setup(needs=True)
    intents = [
        Intent(name="choice_answer", slots={"option": "la Amplia"}),
        Intent(name="buying_signal"),
    ]
    state = _record(sim, state, intents)
    assert state.accepted and state.decision == "accepted"


def test_a_choice_that_is_not_a_product_or_comes_with_a_doubt_is_no_yes() -> None:
    sim, state = _setup(needs=True)
    state = _record(
        sim,
        state,
        [
            Intent(name="choice_answer", slots={"option": "para trabajar"}),
            Intent(name="buying_signal"),
        ],
    )
    assert not state.accepted
    sim, state = _setup(needs=True)
    doubt = [Intent(name="choice_answer", slots={"option": "la Amplia"}), Intent(name="not_ready")]
    state = _record(sim, state, doubt)
    assert not state.accepted


def test_an_early_choice_without_a_need_heard_is_no_yes() -> None:
    sim, state = _setup(needs=False)
    intents = [
        Intent(name="choice_answer", slots={"option": "la Amplia"}),
        Intent(name="buying_signal"),
    ]
    state = _record(sim, state, intents)
    assert not state.accepted
