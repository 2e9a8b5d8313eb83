"""A yes the customer gave stands and is never denied; a line refers only to what happened in
the call (cust-g, session 21: customer/stance.py, customer/referents.py). Our own wording."""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import presuppose, referents, said_slots, stance
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")

DENIALS = ("nunca le dije que si", "no le he dicho que si", "no acepte nada", "he aceptado nada")


def _sim(scenario: str, persona: str) -> CustomerSimulator:
    library = load_library()
    return CustomerSimulator(library.scenario(scenario), library.persona(persona))


def _turn(sim: CustomerSimulator, text: str, acts: set[str], state: CustomerState) -> Turn:
    return Turn(text, normalize(text), acts, state, sim.scenario, sim.persona)


def test_a_line_that_points_at_an_earlier_attempt_needs_one_told() -> None:
    line = "Oiga, ¿y por qué va a ser diferente esta vez?"
    assert not referents.fits(line, frozenset())
    assert referents.fits(line, frozenset({"prior_attempt_told"}))
    assert referents.fits("Oiga, ¿y cuándo vienen?", frozenset())


def test_waiting_for_a_mail_needs_a_mail_promised_not_an_address_asked() -> None:
    state = CustomerState()
    referents.note(state, normalize("¿Me dicta su correo electrónico, por favor?"))
    assert "mail_promised" not in state.facts_heard
    assert not referents.fits("Bueno, espero el correo entonces.", frozenset(state.facts_heard))
    referents.note(state, normalize("En cuanto termine le llega un correo con todo."))
    assert referents.fits("Bueno, espero el correo entonces.", frozenset(state.facts_heard))


def test_cancelling_needs_something_that_can_be_cancelled() -> None:
    line = "Va, pero si no me gusta, lo cancelo."
    assert not referents.fits(line, frozenset({"inbound"}))
    assert referents.fits(line, frozenset({"sale_call"}))
    assert referents.fits(line, frozenset({"cancel_mentioned"}))


def test_a_yes_given_is_never_denied() -> None:
    line = "Pero si yo nunca le dije que sí."
    assert referents.fits(line, frozenset())
    assert not referents.fits(line, frozenset({"went_along"}))
    assert not referents.fits(line, frozenset({"agreement_reached"}))
    assert {"went_along", "mail_promised", "sale_call"} <= presuppose.vocabulary()


def test_going_along_with_a_close_is_remembered_and_a_doubt_is_not() -> None:
    state = CustomerState(turn=3)
    referents.remember(state, {"close"}, [Intent(name="not_ready")])
    assert not state.play.get(referents.WENT_ALONG)
    referents.remember(state, {"close", "data_request"}, [Intent(name="data_given")])
    assert state.play.get(referents.WENT_ALONG) == "3"


def _accepted(sim: CustomerSimulator, seed: int) -> CustomerState:
    state = sim.start(seed)
    state.accepted, state.turn = True, 6
    state.play[stance.FIGURES] = "349.0"
    return state


def test_a_confirmation_after_a_yes_gets_the_yes_not_a_doubt() -> None:
    sim = _sim("retencion-plan-movil", "indeciso")
    state = _accepted(sim, 5)
    t = _turn(sim, "Entonces queda el plan de 349 al mes, ¿de acuerdo?", {"trial_close"}, state)
    plan = stance.hold(t, [Intent(name="not_ready")], was_accepted=True)
    assert [i.name for i in plan] == ["short_yes"]


def test_a_new_figure_or_a_stated_reason_may_move_a_yes() -> None:
    sim = _sim("retencion-plan-movil", "indeciso")
    state = _accepted(sim, 5)
    t = _turn(sim, "Le aviso que hay un cargo de activación de 180.", {"trial_close"}, state)
    assert [i.name for i in stance.hold(t, [Intent(name="not_ready")], True)] == ["not_ready"]
    state = _accepted(sim, 6)
    t = _turn(sim, "Entonces queda en 349, ¿sí?", {"trial_close"}, state)
    plan = [Intent(name="not_ready"), Intent(name="guarantee_request")]
    assert [i.name for i in stance.hold(t, plan, True)] == ["not_ready", "guarantee_request"]
    state = _accepted(sim, 7)
    state.accepted = False
    t = _turn(sim, "Entonces queda en 349, ¿sí?", {"trial_close"}, state)
    assert [i.name for i in stance.hold(t, [Intent(name="not_ready")], False)] == ["not_ready"]


@pytest.mark.parametrize("persona", ["impaciente", "amable", "desconfiado", "indeciso"])
def test_seeded_calls_never_deny_a_yes_they_went_along_with(persona: str) -> None:
    """Property over seeded calls: a customer that went along with a close and is then told the
    sale is registered may take it back, but never says it did not say yes."""
    sim = _sim("tarjeta-credito-horizonte", persona)
    agent = [
        "Buenas tardes, le habla Lorena de Banco Horizonte. Le llamo por una tarjeta preaprobada.",
        "Es la Clásica, sin anualidad el primer año y con línea de 15 mil. ¿Se la tramito?",
        "Muy bien, entonces se la tramito. ¿Me da su nombre completo?",
        "Listo, ya quedó registrada su tarjeta, le llega en diez días.",
        "Bueno, gracias por su tiempo, que tenga buena tarde.",
    ]
    along = 0
    for seed in range(12):
        state = sim.start(seed)
        _, state = sim.first_line(state)
        for text in agent:
            reply, state = sim.respond(text, state)
            if state.hung_up:
                break
            if state.play.get(referents.WENT_ALONG):
                norm = normalize(reply.text)
                assert not any(d in norm for d in DENIALS), (seed, reply.text)
        along += bool(state.play.get(referents.WENT_ALONG))
    assert along, "no seeded call went along with the close"


@pytest.mark.parametrize("persona", ["molesto", "impaciente", "amable", "desconfiado"])
def test_seeded_calls_refer_to_no_attempt_never_told(persona: str) -> None:
    """Property over seeded calls: «¿y ahora por qué va a ser diferente?» only after the customer
    told of an earlier report in the call."""
    sim = _sim("queja-internet-sin-servicio", persona)
    agent = [
        "Internet Veloz, buenas tardes, le atiende Ricardo. ¿En qué le puedo ayudar?",
        "Lamento mucho la falla. ¿Me da su número de cuenta para revisar?",
        "Gracias. ¿Qué luz ve en el módem?",
        "Entonces le mando un técnico mañana, ¿en la mañana o en la tarde?",
    ]
    for seed in range(10):
        state = sim.start(seed)
        said: list[str] = []
        for text in agent:
            reply, state = sim.respond(text, state)
            norm = normalize(reply.text)
            if "por que va a ser diferente" in norm:
                told = normalize(" ".join(said))
                assert any(p in told for p in ("llame", "llamo", "reporte", "me dijeron")), (
                    reply.text
                )
            said.append(reply.text)
            if state.hung_up:
                break


def test_a_value_given_after_its_no_se_is_said_as_remembered() -> None:
    state = CustomerState(turn=4)
    state.play[said_slots.AGENT_TEXT] = "¿Y qué le está ofreciendo la otra compañía?"
    first = said_slots.mark("Uy, no sé, la verdad.", state)
    assert first == "Uy, no sé, la verdad."
    assert state.play[said_slots.PREFIX + "competitor_offer"] == "none"
    state.play[said_slots.AGENT_TEXT] = "Le puedo dejar el plan en 349."
    later = said_slots.mark("Mire, me ofrecen uno de 250 en otro lado. ¿Me lo iguala?", state)
    assert normalize(later).startswith(normalize("Mire,")) is False, later
    assert "me ofrecen uno de 250" in later and later.endswith("¿Me lo iguala?"), later
    assert state.play[said_slots.PREFIX + "competitor_offer"] == "told"
    again = said_slots.mark("Ya le dije: me ofrecen uno de 250.", state)
    assert again == "Ya le dije: me ofrecen uno de 250."


def test_a_slot_told_first_or_never_asked_is_left_as_said() -> None:
    state = CustomerState(turn=2)
    state.play[said_slots.AGENT_TEXT] = "¿Cuántos gigas usa al mes?"
    assert said_slots.mark("Ni idea, la verdad.", state) == "Ni idea, la verdad."
    line = "Es que me ofrecieron algo más barato."
    assert said_slots.mark(line, state) == line  # the competitor was never asked: no «no sé»
