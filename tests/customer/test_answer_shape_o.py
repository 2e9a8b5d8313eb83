"""The first thing the customer says has the shape of the question (task c2, session 22).

Blind panel O heard a bare «Sí.» to «¿Con cuál se siente más cómoda?», «Mmm… Astra 5.» (the phone
already sold) to an offer of a case and a warranty, «No, creo que eso es todo lo que le puedo
decir» to «¿Cómo lo ve hasta aquí?», «Sí, es correcto» to «¿Se encuentra el señor…?», «Sí, de
acuerdo» to a question about a fact, and «No, para nada» to «¿Está de acuerdo con estas
condiciones?» from a customer who had just said yes. Each class is checked here on wordings of
our own, and as a property over seeded calls.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import choice_lists, choice_memory
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState
from simulator.language.normalize import normalize
from tests.customer.seeded import seeded_calls

pytestmark = pytest.mark.usefixtures("bundled_content_only")

PHONES = "celular-agotado-electrohogar"


def _sim(scenario: str, persona: str) -> CustomerSimulator:
    library = load_library()
    return CustomerSimulator(library.scenario(scenario), library.persona(persona))


def _after_opening(sim: CustomerSimulator, seed: int = 4) -> CustomerState:
    """The state once the call is opened (and an inbound customer told why it calls)."""
    state = sim.start(seed)
    _, state = sim.first_line(state)
    _, state = sim.respond("Claro, con mucho gusto le ayudo con eso.", state)
    return state


def _reply(sim: CustomerSimulator, state: CustomerState, text: str) -> tuple[list[str], str]:
    reply, _ = sim.respond(text, state)
    return [i.name for i in reply.intents], reply.text


# ------------------------------------------------------------------ which one, among named things


@pytest.mark.parametrize(
    "text",
    [
        "Hoy le puedo ofrecer dos equipos: el Astra 5 y el Nova X de 256 GB. ¿Por cuál se inclina?",
        "Tengo el Nova X de 256 GB y el Astra 5 disponibles. ¿Con cuál se queda usted?",
        "Le quedan dos caminos, el Astra 5 o el Nova X de 256 GB. ¿Cuál le gusta más para su mamá?",
    ],
)
@pytest.mark.parametrize("persona", ["experto", "platicador", "indeciso"])
def test_a_which_question_over_named_phones_gets_a_pick(text: str, persona: str) -> None:
    sim = _sim(PHONES, persona)
    names, said = _reply(sim, _after_opening(sim), text)
    assert names and names[0].startswith("choice_"), (names, said)
    assert "astra" in normalize(said) or "nova" in normalize(said) or names[0] != "choice_answer"


def test_which_led_by_cual_and_not_a_datum() -> None:
    assert choice_lists.asks_which("Son dos formas. ¿Y cuál forma de pago le acomoda?")
    assert choice_lists.asks_which("¿Por cuál se decide, entonces?")
    assert not choice_lists.asks_which("¿Cuál es su correo electrónico?")
    assert not choice_lists.asks_which("¿Qué le parece?")


def test_an_offer_of_two_add_ons_is_answered_with_an_add_on() -> None:
    sim = _sim(PHONES, "indeciso")
    state = _after_opening(sim)
    text = (
        "Listo, el Astra 5 queda apartado. Para cuidarlo le puedo sumar la funda con mica en 349, "
        "y también la garantía extendida en 599. ¿Alguna de las dos le sirve?"
    )
    names, said = _reply(sim, state, text)
    assert "astra" not in normalize(said), said
    # (c3, session 23: a «not yet» to a close says its reason, «¿me da chance de pensarlo?»)
    not_yet = {"refusal", "not_ready", "objection_must_consult", "indecisive_doubt"}
    assert names[0].startswith("choice_") or names[0] in not_yet, (names, said)


def test_a_pick_is_kept_when_asked_again() -> None:
    sim = _sim(PHONES, "platicador")
    state = _after_opening(sim)
    first, state = sim.respond(
        "Están el Nova X de 256 GB y el Astra 5. ¿Con cuál se siente más a gusto?", state
    )
    picked = state.play.get(choice_memory.PICKED_KEY)
    assert picked, first.text
    again, _ = sim.respond("Para confirmar: ¿el Astra 5 o el Nova X de 256 GB?", state)
    name = "astra" if picked.startswith("astra") else "nova"
    assert name in normalize(again.text), (first.text, again.text)


# ------------------------------------------------------------------ opinions, presence, agreement


@pytest.mark.parametrize(
    "question", ["¿Cómo lo ve hasta ahorita?", "¿Qué le parece?", "¿Qué opina de esto?"]
)
def test_an_opinion_of_the_offer_is_no_probe_answer(question: str) -> None:
    sim = _sim("seguro-auto-amplio", "desconfiado")
    state = _after_opening(sim)
    state.revealed_needs = [n.id for n in sim.scenario.needs]  # nothing left to tell
    text = (
        "Le recomiendo la Cobertura Amplia: daños, robo total y grúa las 24 horas, en 9,800 "
        f"pesos al año. {question}"
    )
    names, said = _reply(sim, state, text)
    assert not {"nothing_more_to_add", "nothing_else"} & set(names), said


@pytest.mark.parametrize(
    "text",
    [
        "Buenas tardes, le llamo de Banco Horizonte. ¿Se encuentra el señor Ernesto Vázquez?",
        "Buenas tardes, ¿me comunica con el señor Ernesto Vázquez, por favor?",
        "Qué tal, buenas tardes. ¿Podría hablar con el señor Ernesto Vázquez?",
    ],
)
@pytest.mark.parametrize("seed", range(6))
def test_asked_whether_he_is_there_he_never_says_es_correcto(text: str, seed: int) -> None:
    sim = _sim("cobranza-tarjeta-atrasada", "callado")
    reply, _ = sim.respond(text, sim.start(seed))
    assert "es correcto" not in normalize(reply.text), reply.text


@pytest.mark.parametrize(
    "question",
    ["¿Está de acuerdo con estas condiciones?", "¿Le parece bien así?", "¿Está conforme?"],
)
def test_an_agreement_check_after_a_yes_gets_a_yes(question: str) -> None:
    sim = _sim("tarjeta-credito-horizonte", "experto")
    state = _after_opening(sim)
    state.accepted = True
    text = f"Le repito: línea de 15,000 pesos, sin anualidad el primer año, CAT de 58 %. {question}"
    names, said = _reply(sim, state, text)
    assert "short_no" not in names and "para nada" not in normalize(said), said


@pytest.mark.parametrize("seed", range(8))
def test_a_fact_question_gets_no_de_acuerdo(seed: int) -> None:
    sim = _sim("tarjeta-credito-horizonte", "experto")
    state = _after_opening(sim, seed)
    reply, _ = sim.respond("Perdón, ¿me dijo que también tiene otra tarjeta de otro banco?", state)
    assert "sí, de acuerdo" not in reply.text.lower(), reply.text


# ------------------------------------------------------------------ property over seeded calls

CALLS = 60
CHOOSING = ("choice_",)
# What may open a reply to a question among options besides a pick: the call's own stance.
STANCE = frozenset(
    {"hangup", "refusal", "not_ready", "annoyed", "objection", "objection_repeat", "complaint"}
    | {"impatience", "interrupt_monologue", "unconsented_protest", "identity_proof_request"}
    | {"guarantee_request", "back_on_track", "hold_return_ok", "empathy_thanks", "thanks_reply"}
    | {"secret_refusal", "wronged", "objection_must_consult", "acceptance", "data_given"}
)
BARE = frozenset({"short_yes", "filler_ack", "agree_summary", "data_confirm_yes"})


def _forms(products: list[str]) -> list[tuple[str, str]]:
    """(form, agent line) of our own wording; the which-question names two catalog products."""
    out = [
        ("either_or", "Para la llamada de seguimiento, ¿le marco en la mañana o en la tarde?"),
        ("either_or", "¿Usted prefiere que le mande la información por correo o por WhatsApp?"),
        ("yes_no", "¿Ha tenido algún problema parecido en los últimos meses?"),
    ]
    if len(products) >= 2:
        a, b = products[:2]
        out.append(("which", f"Le puedo ofrecer {a} o {b}. ¿Con cuál se queda usted?"))
    return out


def test_the_first_piece_has_the_shape_of_the_question() -> None:
    """Over seeded calls and forms of question of our own: an either/or or a which-question never
    opens with a bare yes or an acknowledgement; a yes/no question never with «de acuerdo»."""
    for _, sim, state in seeded_calls("c2-shape", CALLS):
        products = [p.name for p in sim.scenario.catalog if not p.addon]
        for form, text in _forms(products):
            reply, _ = sim.respond(text, state.model_copy(deep=True))
            names = [i.name for i in reply.intents]
            if not names or reply.hung_up:
                continue
            if form in ("either_or", "which"):
                assert names[0] not in BARE, (sim.scenario.id, text, names, reply.text)
            if form == "yes_no":
                assert "sí, de acuerdo" not in reply.text.lower(), (text, reply.text)
