"""One reply in the shape of the question, in the customer's own voice (customer/offer_voice.py,
customer/one_voice.py; c2, session 23, blind panel P).

Wordings here are our own paraphrases of the classes the panel heard: a bare «sí» to an
either/or between offers, the agent's words said back with the agent's person («lo detengo»,
«me interesaría agregarlo»), and stacked confirmations («Sí, eso es. Sí, acepto.»). Units check
the turning of the agent's act into the customer's request and the one-assent check; the
property test plays seeded calls with our own question forms and checks every reply.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.analysis.agent import tag_agent
from simulator.customer import answer_form, offer_voice, one_voice
from simulator.customer.line_words import pieces
from simulator.customer.state import Intent
from simulator.language.normalize import normalize
from tests.customer.seeded import seeded_calls, turn_on

pytestmark = pytest.mark.usefixtures("bundled_content_only")


@pytest.mark.parametrize(
    ("option", "said"),
    [
        ("lo cancelo", "cancélelo"),
        ("la activo desde hoy", "actívela desde hoy"),
        ("el seguro se lo incluyo", "inclúyamelo"),
        ("que se la apartemos de una vez", "apártemela de una vez"),
        ("me interesaría cambiarlo", "cámbielo"),
        ("le gustaría hacer la portabilidad", "haga la portabilidad"),
        ("que le agende la visita", "agéndeme la visita"),
        ("le mando el contrato", "mándeme el contrato"),
    ],
)
def test_the_agents_act_becomes_the_customers_request(option: str, said: str) -> None:
    assert offer_voice.request(option) == said


@pytest.mark.parametrize(
    "option",
    ["prefiere pensarlo", "lo dejamos como está", "lo mismo de siempre", "verificar primero"],
)
def test_no_request_where_the_agent_does_nothing(option: str) -> None:
    assert offer_voice.request(option) is None


@given(
    st.sampled_from(["agregar", "registrar", "tramitar", "cambiar", "aplicar", "hacer", "enviar"])
)
def test_a_request_with_its_pronoun_has_one_written_stress(verb: str) -> None:
    said = offer_voice.request(f"{verb}lo")
    assert said is not None and said.endswith("lo")
    assert len(re.findall(r"[áéíóú]", said)) == 1


def test_a_bare_yes_to_an_offer_or_things_as_they_are_takes_the_offer() -> None:
    text = "Para cerrar: ¿la instalación exprés se la agrego, o dejamos su orden como va?"
    t = turn_on("internet-veloz-hogar", "amable", text, set(tag_agent(text)))
    assert answer_form.form(text) == "either_or"
    out = offer_voice.fit(t, [Intent(name="short_yes")])
    assert out[0].name == "choice_take"  # the brain records it as the offer taken
    assert out[0].slots["option"] == "agréguemela"


def test_a_pick_between_plans_names_the_plan_not_what_both_share() -> None:
    text = (
        "¿Le dejo la mudanza con el plan de 200 megas a 499, o nada más la mudanza "
        "con sus 100 megas de siempre?"
    )
    t = turn_on("internet-veloz-hogar", "amable", text, set(tag_agent(text)) | {"close"})
    out = offer_voice.fit(t, [Intent(name="choice_take")])
    assert out[0].slots["option"] == "el plan de 200"


@pytest.mark.parametrize(
    ("reply", "kept"),
    [
        ("Sí, correcto. Sí, acepto. Me convenció.", "Sí, acepto."),
        (
            "Sí, correcto. Bueno, está bien, actívelo, por favor.",
            "Bueno, está bien, actívelo, por favor.",
        ),
        (
            "Sí, así es. Bueno, va. Nomás mándeme el contrato.",
            "Sí, así es. Nomás mándeme el contrato.",
        ),
        ("Mejor apártemelo, por favor. Va, sí, hágalo.", "Mejor apártemelo, por favor."),
        (
            "Ojalá que llegue rápido. Es 55 12. Ojalá que no falle.",
            "Ojalá que llegue rápido. Es 55 12.",
        ),
        ("Mire, sí, proceda.", "Sí, proceda."),
    ],
)
def test_one_assent_one_decision_each_wish_once(reply: str, kept: str) -> None:
    assert one_voice.fit(reply) == kept


def test_a_reply_of_one_yes_stays() -> None:
    assert one_voice.fit("Sí, eso es.") == "Sí, eso es."
    assert one_voice.fit("Sí. ¿Y cuánto tarda?") == "Sí. ¿Y cuánto tarda?"


# Our own agent turns of the forms this task is about (either/or, which, double, yes/no + datum).
OWN = (
    "¿Le activo el plan de 200 megas desde hoy, o se queda con el de 100?",
    "¿El seguro de pantalla se lo agrego, o dejamos la compra así?",
    "¿Quiere que le aparte el equipo de una vez, o prefiere pensarlo?",
    "¿Cuál de los dos le late más, el de 100 o el de 200?",
    "¿Cuántas personas viven con usted y qué usan más en casa?",
    "¿Me confirma si es correcto y me da permiso de registrarlo?",
    "¿Lo detengo o le sigo con el trámite?",
)
# Agent-person forms that must not be copied into the customer's pick of an offer.
AGENT_PERSON = re.compile(
    r"\b(?:lo|la|se lo|se la) (?:detengo|agrego|aparto|activo)\b|\bpaga hoy\b"
)
ASSENT_PIECES = 2  # a reply holds fewer bare assent pieces than this


def test_seeded_replies_pick_in_their_own_voice_and_assent_once() -> None:
    either = 0
    for rng, sim, state in seeded_calls("one-voice", 60):
        for _ in range(8):
            text = rng.choice(OWN)
            reply, state = sim.respond(text, state)
            names = reply.intent_names
            if not names or "hangup" in names or state.hung_up:
                break
            said = normalize(reply.text)
            assert not AGENT_PERSON.search(said), (text, reply.text)
            bare = [p for p in pieces(reply.text) if one_voice.bare_assent(p)]
            assert len(bare) < ASSENT_PIECES, (text, reply.text)
            if answer_form.form(text) == "either_or" and answer_form.PROPOSALS & set(
                tag_agent(text)
            ):
                either += 1
                assert names[0] not in answer_form.BARE, (text, reply.text)
                assert not said.startswith("si, eso si me interesa"), (text, reply.text)
    assert either
