"""Personas play, traps fit the moment and decisions hold (issue 7 items 1, 4, 5; panels C, D).

Seeded calls with agent lines of our own (not the panel's): an offer made together with its close
is heard as an offer first (the haggler haggles, objections to the offer come up); «¿qué otra
duda tiene?» in the middle of an offer is no goodbye («no me vuelvan a llamar» waits for the end
of the call); a relative's data are asked after a turn about other people or when the floor is
open, never right after a pitch or inside a read-back; a wrong figure is never summed up right
after the agent said the true one; a yes said in the customer's own words is final; and a
customer with no reason left says yes instead of «no sabría decirle».
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import brain, closing_moves, traps
from simulator.customer.simulator import CustomerReply, CustomerSimulator
from simulator.customer.state import CustomerState, Intent, OpenObjection
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from simulator.session.call import CallSession

pytestmark = pytest.mark.usefixtures("bundled_content_only")

SEEDS = range(5)
AUTO = "seguro-auto-amplio"


class Call:
    def __init__(self, scenario: str, persona: str, seed: int) -> None:
        library = load_library()
        self.session = CallSession(library.scenario(scenario), library.persona(persona), seed=seed)
        self.session.set_status("Disponible", automatic=True)
        self.session.start()

    def say(self, text: str) -> CustomerReply:
        return self.session.agent_says(text)

    @property
    def state(self) -> CustomerState:
        return self.session.state


AUTO_OPENING = (
    "Buenas tardes, habla Jimena de Seguros Protege. ¿Me comunica con el señor Arturo Ibarra?",
    "Qué gusto saludarlo, señor Ibarra. Lo busco porque su póliza de auto está por terminar y "
    "traigo una opción de renovación.",
    "Antes de recomendarle nada, ¿cómo usa usted su coche en el día a día?",
)
# The offer and its close in one turn, with no answer to the price objection in it.
OFFER_WITH_CLOSE = (
    "Le sugiero la Cobertura Amplia: si le chocan o se lo roban no pierde el valor de su coche de "
    "trabajo. Sale en 9,800 pesos al año. ¿Qué le parece, se la contratamos?"
)
HAS_ONE = (
    "Lo entiendo, y no tiene que cancelar nada: la nuestra empieza cuando venza la suya, y además "
    "le incluye grúa en carretera. ¿Qué otra duda tiene del plan?"
)
VALUE = (
    "Le entiendo, cuidar el dinero es importante. No manejo descuentos, pero la diferencia con lo "
    "que paga hoy es de 600 pesos al año, unos 50 al mes, y a cambio tiene grúa en carretera."
)


def _names(reply: CustomerReply) -> list[str]:
    return reply.intent_names


def test_an_offer_made_with_its_close_is_heard_and_the_haggler_haggles() -> None:
    for seed in SEEDS:
        call = Call(AUTO, "regateador", seed)
        for line in AUTO_OPENING:
            call.say(line)
        first = call.say(OFFER_WITH_CLOSE)
        assert call.state.presented and call.state.price_mentioned
        assert "acceptance" not in _names(first)
        said = _names(first) + _names(call.say(HAS_ONE))
        for _ in range(3):  # the price argued, then the haggler's own «¿y un descuentito?»
            if "discount_request" in said:
                break
            said += _names(call.say(VALUE + " ¿Se la dejo contratada?"))
        assert "discount_request" in said, said
        # a first fair answer does not win the haggler yet: he tries once more, then gives way
        assert _names(call.say(VALUE)) == ["haggle_again"]
        assert "objection_softened" in _names(call.say(VALUE))
        for _ in range(4):  # the close-time bait, a need still untold: answered, then a yes
            close = call.say("Entonces, ¿le contrato hoy la Cobertura Amplia?")
            if call.state.accepted:
                break
            call.say(
                "Le entiendo. Ese precio no existe: la Amplia es de 9,800 al año, y si le chocan "
                "no pierde el valor de su coche; además trae grúa en carretera."
            )
        assert call.state.accepted, close.text


@pytest.mark.parametrize("persona", ["regateador", "indeciso", "amable"])
def test_a_doubt_invitation_in_the_middle_of_the_offer_is_no_goodbye(persona: str) -> None:
    for seed in SEEDS:
        call = Call(AUTO, persona, seed)
        for line in (*AUTO_OPENING, OFFER_WITH_CLOSE):
            call.say(line)
        reply = call.say("Claro. ¿Hay algo que le inquiete o que quiera que le aclare?")
        assert not call.state.do_not_call, reply.text
        assert "farewell" not in _names(reply) and "nothing_else" not in _names(reply)


def _sim(scenario: str, persona: str) -> CustomerSimulator:
    library = load_library()
    return CustomerSimulator(library.scenario(scenario), library.persona(persona))


def _turn(sim: CustomerSimulator, state: CustomerState, text: str, acts: set[str]) -> Turn:
    return Turn(text, normalize(text), acts, state, sim.scenario, sim.persona)


def test_do_not_call_waits_for_the_end_of_the_call() -> None:
    sim = _sim(AUTO, "regateador")
    trap = next(t for t in sim.scenario.traps if t.type == "do_not_call")
    state = sim.start(3)
    state.presented = True
    doubt = _turn(sim, state, "Muy bien. ¿Alguna pregunta sobre la cobertura?", {"offer_more"})
    assert not traps.fits(doubt, trap)
    wrap = _turn(sim, state, "¿Hay algo más en que le pueda servir?", {"offer_more"})
    assert traps.fits(wrap, trap)
    state.accepted = True
    assert traps.fits(doubt, trap)


def test_a_relatives_data_are_asked_after_a_turn_about_others_not_after_a_pitch() -> None:
    sim = _sim("seguro-gastos-medicos", "amable")
    trap = next(t for t in sim.scenario.traps if t.type == "confidential_request")
    state = sim.start(4)
    pitch = (
        "Le propongo Gastos Médicos Plus: suma asegurada de 20 millones y deducible de 12,000. "
        "Son 1,250 al mes. ¿Cómo lo ve?"
    )
    assert not traps.fits(_turn(sim, state, pitch, {"feature", "close"}), trap)
    others = "¿Lo quiere solo para usted o también para alguien más de la casa?"
    assert traps.fits(_turn(sim, state, others, {"closed_question"}), trap)
    refusal = (
        "Lo que tenga contratado otra persona es confidencial y no se lo puedo compartir. "
        "¿Algo más en que le ayude?"
    )
    assert not traps.fits(_turn(sim, state, refusal, {"offer_more"}), trap, floor_open=True)
    read_back = "Le confirmo: correo roberto@correo.mx y teléfono 33 1234 5678, ¿es correcto?"
    assert not traps.fits(_turn(sim, state, read_back, {"data_confirmation"}), trap)


@pytest.mark.parametrize(
    ("scenario", "persona", "close"),
    [
        ("internet-veloz-hogar", "amable", "¿Le dejo contratado el de 200 megas en 499 al mes?"),
        (
            "tarjeta-credito-horizonte",
            "amable",
            "¿Le tramito la tarjeta, sin anualidad el primer año y 690 a partir del segundo?",
        ),  # fmt: skip
    ],
)
def test_a_wrong_figure_is_not_summed_up_right_after_the_true_one(
    scenario: str, persona: str, close: str
) -> None:
    sim = _sim(scenario, persona)
    bait = next(t for t in sim.scenario.traps if t.type == "wrong_price_bait")
    state = sim.start(5)
    restating = all(traps._restates(x) for x in bait.statements)
    assert traps.fits(_turn(sim, state, close, {"close"}), bait) is not restating
    assert traps.fits(_turn(sim, state, "Entonces, ¿se lo dejo listo?", {"close"}), bait)


def test_a_hearsay_bait_may_follow_the_true_figure() -> None:
    sim = _sim(AUTO, "amable")
    bait = next(t for t in sim.scenario.traps if t.type == "wrong_price_bait")
    state = sim.start(6)
    close = "Son 9,800 al año. ¿Se la dejo contratada?"
    turn = _turn(sim, state, close, {"close"})
    assert traps.fits(turn, bait)  # «su compañero me dijo que en 8,500» blames someone else
    assert traps.fire_trap(turn, "close")
    unasked = turn.intents[-1].slots["unasked"]
    assert "entonces" in unasked.split("|")


def test_a_yes_in_its_own_words_clears_doubts_left_from_earlier_turns() -> None:
    sim = _sim("retencion-plan-movil", "callado")
    state = sim.start(7)
    state.presented, state.turn = True, 9
    state.objections = [OpenObjection(id="sin-tiempo", type="time", raised_turn=3)]
    text = "Órale, con el número y sin plazo forzoso, me quedo con ese."
    turn = _turn(sim, state, "¿Y eso le sirve?", {"closed_question"})
    intents = [Intent(name="objection_softened", ref="competencia")]
    assert closing_moves.accepted_in_words(text, intents, turn)
    state.objections.append(OpenObjection(id="competencia", type="has_provider", raised_turn=9))
    assert not closing_moves.accepted_in_words(text, intents, turn)  # a doubt of this reply


def test_a_datum_with_a_request_to_read_it_back_is_no_yes() -> None:
    sim = _sim("seguro-gastos-medicos", "experto")
    state = sim.start(8)
    state.presented, state.turn = True, 12
    turn = _turn(sim, state, "¿A qué correo se lo envío?", {"data_request"})
    text = "Es ingeniero.r@correo.mx. Confírmemelo, por favor."
    assert not closing_moves.accepted_in_words(text, [Intent(name="data_given")], turn)


def test_with_no_reason_left_the_next_close_is_a_yes() -> None:
    sim = _sim(AUTO, "impaciente")
    state = sim.start(9)
    ids = [o.id for o in sim.scenario.objections] + ["_guarantee", "_discount", "_doubt"]
    state.objections_raised += ids
    state.objections_handled += ids
    state.traps_fired += [t.id for t in sim.scenario.traps]
    state.greeted = state.purpose_known = state.identity_confirmed = True
    state.presented, state.price_mentioned = True, True
    state.revealed_needs = [sim.scenario.needs[0].id]
    state.interest, state.trust, state.patience = 40, 55, 60
    close = "¿Se la dejo contratada?"
    intents, state = brain.decide(close, ["close"], state, sim.scenario, sim.persona)
    assert state.decision == "hesitated" and not state.accepted
    asked = "¿Qué le hace falta para decidir?"
    intents, state = brain.decide(asked, ["open_question"], state, sim.scenario, sim.persona)
    assert "slot_unknown" not in [i.name for i in intents]
    assert "vague_answer" not in [i.name for i in intents]
    state.interest = max(state.interest, 45)
    intents, state = brain.decide(close, ["close"], state, sim.scenario, sim.persona)
    assert state.accepted and state.decision == "accepted"
