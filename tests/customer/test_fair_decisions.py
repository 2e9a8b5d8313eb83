"""Fair decisions (issue 7 items 4–5; session 10 blind panel m, n, o, p), on our own lines.

- A customer that is not ready at a close says *why*, once per reason (too little trust → a
  request for proof; an untold need → the need; too little interest → a question about the
  offer), so every loss has a reason the agent heard and could answer; a proof settles it.
- A close that follows the answer to the customer's own question is no pushing: no «no me hable
  así» to a polite close.
- A caller asks for the service itself: with nothing objected it agrees to have it registered;
  a caller that refused it is never «resolved».
- An upset caller whose first words were an old grievance tells why it calls once heard.
- A collections read-back with the day and a catalog amount asks for the promise.
- A wary customer never offers its NIP; data the agent asked for is never cut for courtesies.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import brain, closing_moves, promise_moves, traps
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _sim(scenario: str, persona: str) -> CustomerSimulator:
    library = load_library()
    return CustomerSimulator(library.scenario(scenario), library.persona(persona))


def _turn(sim: CustomerSimulator, state: CustomerState, text: str, acts: set[str]) -> Turn:
    return Turn(text, normalize(text), acts, state, sim.scenario, sim.persona)


def _names(intents: list[Intent]) -> list[str]:
    return [i.name for i in intents]


def _quiet(sim: CustomerSimulator, state: CustomerState) -> None:
    """Every objection and trap of the scenario already done: only the decision is left."""
    ids = [o.id for o in sim.scenario.objections] + ["_guarantee", "_discount", "_doubt"]
    state.objections_raised += ids
    state.objections_handled += ids
    state.traps_fired += [t.id for t in sim.scenario.traps]
    state.greeted = state.purpose_known = state.identity_confirmed = state.reason_stated = True


def test_low_trust_at_a_close_asks_for_proof_and_a_proof_settles_it() -> None:
    sim = _sim("tarjeta-credito-horizonte", "amable")
    state = sim.start(2)
    _quiet(sim, state)
    state.presented, state.interest, state.trust = True, 90, 30
    state.revealed_needs = [n.id for n in sim.scenario.needs]
    close = "Con todo eso, ¿le tramito hoy su tarjeta?"
    intents, state = brain.decide(close, ["close"], state, sim.scenario, sim.persona)
    assert "refusal" not in _names(intents) and "annoyed" not in _names(intents)
    assert "guarantee_request" in _names(intents)
    assert state.decision == "hesitated" and state.closes_refused == 0
    proof = (
        "Entiendo la duda. Le queda todo por escrito: le llega la confirmación por correo con su"
        " número de folio, y puede verificarlo en la sucursal."
    )
    _, state = brain.decide(proof, ["acknowledgement", "objection_response"], state,
                            sim.scenario, sim.persona)  # fmt: skip
    assert not state.objections and state.trust >= 45
    intents, state = brain.decide(close, ["close"], state, sim.scenario, sim.persona)
    assert state.accepted and state.decision == "accepted"


def test_an_untold_need_is_the_hesitation_not_a_flat_no() -> None:
    sim = _sim("seguro-auto-amplio", "amable")
    state = sim.start(3)
    _quiet(sim, state)
    state.presented, state.interest, state.trust = True, 80, 80
    state.revealed_needs = [sim.scenario.needs[0].id]
    turn = _turn(sim, state, "¿Le dejo contratada la Amplia?", {"close"})
    assert closing_moves.close_turn(turn)
    assert _names(turn.intents)[-1] == "need_statement"
    assert len(state.revealed_needs) == 2 and state.closes_refused == 0


def test_a_close_after_answering_the_customers_question_is_no_pressure() -> None:
    sim = _sim("seguro-auto-amplio", "amable")
    state = sim.start(4)
    _quiet(sim, state)
    state.presented, state.interest, state.trust = True, 40, 80
    state.revealed_needs = [n.id for n in sim.scenario.needs]
    state.once_flags += ["voiced:trust", "voiced:need", "voiced:interest"]
    state.closes_refused = 2
    state.last_intents = ["buying_signal_generic"]  # «¿y me mandan la póliza hoy?»
    patience = state.patience
    turn = _turn(sim, state, "Sí, hoy mismo le llega. ¿La contratamos?", {"close"})
    closing_moves.close_turn(turn)
    assert "annoyed" not in _names(turn.intents) and state.patience == patience


def test_a_caller_agrees_to_register_the_service_it_asked_for() -> None:
    sim = _sim("asistencia-hogar-fuga", "amable")
    state = sim.start(5)
    _quiet(sim, state)
    state.interest, state.trust = 40, 70
    turn = _turn(sim, state, "Le leo su solicitud… ¿La registro?", {"close"})
    assert closing_moves.close_turn(turn)
    assert state.accepted and _names(turn.intents) == ["acceptance"]


def test_a_caller_that_refused_the_service_is_not_resolved() -> None:
    sim = _sim("asistencia-hogar-fuga", "amable")
    state = sim.start(6)
    state.refused = True
    state.fields_given = dict(sim.scenario.customer.data)
    turn = _turn(sim, state, "Gracias por llamar, que tenga buena tarde.", {"farewell"})
    closing_moves.end_of_call(turn, quiet=False)
    assert not state.resolved


def test_an_upset_caller_tells_why_it_calls_once_heard() -> None:
    sim = _sim("asistencia-hogar-fuga", "molesto")
    state = sim.start(7)
    greeting = "Asistencia Total, buenas tardes. ¿Con quién tengo el gusto?"
    intents, state = brain.decide(greeting, ["greeting", "data_request"], state,
                                  sim.scenario, sim.persona)  # fmt: skip
    assert _names(intents) == ["complaint"]
    heard = "Lamento mucho lo que le pasó. ¿Me dice su nombre y qué está pasando ahorita?"
    intents, state = brain.decide(heard, ["empathy", "data_request"], state,
                                  sim.scenario, sim.persona)  # fmt: skip
    assert {"state_reason", "caller_name"} <= set(_names(intents))


def test_a_collections_read_back_with_a_catalog_amount_asks_for_the_promise() -> None:
    sim = _sim("cobranza-tarjeta-atrasada", "callado")
    state = sim.start(8)
    text = "Entonces, el 27. ¿Y son los 1,850 completos?"
    assert promise_moves.promise_read_back(_turn(sim, state, text, {"closed_question"}))


def test_a_wary_customer_never_offers_its_nip() -> None:
    sim = _sim("tarjeta-credito-horizonte", "desconfiado")
    state = sim.start(9)
    nip = next(t for t in sim.scenario.traps if any("NIP" in x for x in t.statements))
    turn = _turn(sim, state, "¿Me da su correo?", {"data_request"})
    assert traps._out_of_character(turn, nip.statements)
    calm = _sim("tarjeta-credito-horizonte", "amable")
    turn = _turn(calm, calm.start(9), "¿Me da su correo?", {"data_request"})
    assert not traps._out_of_character(turn, nip.statements)


def test_data_asked_for_is_never_cut_for_courtesies() -> None:
    said = [
        Intent(name="objection_softened", ref="x"),
        Intent(name="data_correction"),
        Intent(name="data_given", ref="nombre"),
        Intent(name="data_given", ref="poliza"),
    ]
    assert _names(brain._fit(said)) == ["data_correction", "data_given", "data_given"]
