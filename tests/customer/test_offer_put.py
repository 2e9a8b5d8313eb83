"""An offer put up for a yes in words the act tagger does not call a close (blind panel J).

«¿Se lo agrego al plan?» or «Se queda con ese, ¿sí?» asks for the decision: the customer answers
it as a close, so a «sí» is recorded as its yes and a registration after it is no «yo no acepté
nada». An offer left on the table is taken when the customer lets its last doubt go and hands over
its data; a sending question («¿se lo dejo en su correo?») is no offer. Our own wordings.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import brain, objections, offer_put
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _setup() -> tuple[CustomerSimulator, CustomerState]:
    library = load_library()
    sim = CustomerSimulator(library.scenario("seguro-auto-amplio"), library.persona("amable"))
    state = sim.start(11)
    state.presented = True
    state.greeted = state.purpose_known = state.identity_confirmed = True
    return sim, state


def _turn(sim: CustomerSimulator, state: CustomerState, text: str, acts: set[str]) -> Turn:
    return Turn(text, normalize(text), acts, state, sim.scenario, sim.persona)


@pytest.mark.parametrize(
    "text",
    [
        "Con eso ya no se queda a pie. ¿Se la agrego a su póliza?",
        "Le conviene la Amplia por lo que maneja. Se queda con esa, ¿sí?",
        "Entonces se la activo hoy mismo, ¿le late?",
    ],
)
def test_an_offer_put_for_a_yes_is_read_as_a_close(text: str) -> None:
    sim, state = _setup()
    turn = _turn(sim, state, text, {"closed_question"})
    offer_put.note(turn)
    assert "close" in turn.acts
    assert offer_put.KEY in state.play


@pytest.mark.parametrize(
    "text",
    [
        "¿Se la dejo en su correo para que la revise con calma?",
        "¿Usa el carro para ir a trabajar?",
        "Se lo dejo por escrito en el resumen, ¿sí?",
    ],
)
def test_a_sending_or_plain_question_is_no_offer(text: str) -> None:
    sim, state = _setup()
    turn = _turn(sim, state, text, {"closed_question"})
    offer_put.note(turn)
    assert "close" not in turn.acts


def test_the_customer_answers_the_offer_as_a_close() -> None:
    sim, state = _setup()
    state.interest, state.trust = 80, 70
    state.revealed_needs = [n.id for n in sim.scenario.needs]
    text = "Por lo que me cuenta, le queda la Amplia. ¿Se la agrego a su póliza?"
    intents, new = brain.decide(text, ["closed_question"], state, sim.scenario, sim.persona)
    names = [i.name for i in intents]
    # ready: its yes is the recorded decision; or not: whatever it says is no «sí» taken for one
    assert (new.accepted and new.decision == "accepted") or (
        not new.accepted and new.decision == "hesitated" and "short_yes" not in names
    )
    assert new.decision is not None  # the question was answered as a close either way


def test_a_doubt_let_go_with_the_data_takes_the_offer_on_the_table() -> None:
    sim, state = _setup()
    state.play[offer_put.KEY] = str(state.turn)
    turn = _turn(sim, state, "Claro, es la misma cobertura. ¿Su correo?", {"data_request"})
    taken = [Intent(name="objection_softened"), Intent(name="data_given", ref="correo")]
    brain._record_decision(turn, taken, was_accepted=False)
    assert state.accepted and state.decision == "accepted"


def test_data_alone_or_a_refusal_does_not_take_it() -> None:
    sim, state = _setup()
    state.play[offer_put.KEY] = str(state.turn)
    turn = _turn(sim, state, "¿Me da su correo?", {"data_request"})
    brain._record_decision(turn, [Intent(name="data_given", ref="correo")], was_accepted=False)
    assert not state.accepted
    brain._record_decision(
        turn, [Intent(name="objection_softened"), Intent(name="refusal")], was_accepted=False
    )
    assert not state.accepted and offer_put.KEY not in state.play


def test_no_new_doubt_after_the_yes() -> None:
    sim, state = _setup()
    state.accepted = True
    turn = _turn(sim, state, "Le comento que la grúa es ilimitada.", {"feature"})
    turn.accepted_before = True
    assert not objections.raise_triggered(turn, "presentation")
    assert not objections.raise_triggered(turn, "price")
    assert not state.objections
