"""Reaction lines need their trigger in the agent's last turn (customer/reactions.py).

Unit checks of the trigger reading, and seeded properties over every persona: no reply thanks for
an understanding nobody voiced, agrees with an argument nobody made, or feels reassured by a
turn with no good news; a bare question about the doubt gets the doubt, not «tiene razón»; time
granted to think is no close; an upset caller offered options before any empathy pushes back on
the offer, not on «datos» nobody asked for. Wordings are our own.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import reactions
from tests.customer.test_persona_play import INTERNET, OPENING, PITCH, PROBE, PURPOSE, QUEJA, Call

SEEDS = range(25)

pytestmark = pytest.mark.usefixtures("bundled_content_only")

POLITE_ONLY = (
    "Disculpe que lo moleste a esta hora, caballero. ¿Me confirma cuándo podría cubrir su saldo?"
)
UNDERSTOOD = "Lo entiendo perfectamente, tres días sin servicio es muchísimo. Yo me hago cargo."
BARE_PROBE = "¿Y qué es exactamente lo que no le termina de convencer?"
ARGUMENT = "El plan no lleva plazo forzoso, así que si no le gusta lo deja cuando quiera."
GOOD_NEWS = "El plomero llega en unos 80 minutos y la reparación va sin costo para usted."
TIME_GRANTED = (
    "Claro, tómese su tiempo y piénselo con calma. Cuando decida, nos marca y lo dejamos listo. "
    "¿Le ayudo con algo más?"
)


@pytest.mark.parametrize(
    ("customer", "agent", "flagged"),
    [
        ("Gracias por entenderme, de verdad.", POLITE_ONLY, True),
        ("Gracias por entenderme, de verdad.", UNDERSTOOD, False),
        ("Ah, pues tiene razón.", BARE_PROBE, True),
        ("Ah, pues tiene razón.", ARGUMENT, False),
        ("Bueno, así ya me quedo más tranquila.", BARE_PROBE, True),
        ("Bueno, así ya me quedo más tranquila.", GOOD_NEWS, False),
        ("Pues así sí, ya lo veo diferente.", TIME_GRANTED, True),
        ("No, gracias, es todo.", TIME_GRANTED, False),
    ],
)
def test_a_reaction_is_flagged_only_without_its_trigger(
    customer: str, agent: str, flagged: bool
) -> None:
    assert bool(reactions.untriggered(customer, agent, set())) is flagged


def test_a_bare_probe_and_time_granted_answer_no_doubt_but_an_argument_does() -> None:
    assert reactions.no_answer(BARE_PROBE, {"open_question"})
    assert reactions.no_answer(TIME_GRANTED, {"offer_more"})
    assert reactions.grants_time(TIME_GRANTED)
    assert not reactions.no_answer(ARGUMENT, {"feature"})
    assert not reactions.no_answer(f"{ARGUMENT} {BARE_PROBE}", {"feature", "open_question"})


def _personas(scenario: str) -> list[str]:
    library = load_library()
    return [p.id for p in library.personas_for(library.scenario(scenario))]


# A sale where the agent probes the doubt with a bare question, then gives time to think.
DOUBTED_SALE = (OPENING, PURPOSE, PROBE, PITCH, "¿Qué le parece?", BARE_PROBE, TIME_GRANTED)


@pytest.mark.parametrize("persona", _personas(INTERNET))
def test_no_persona_reacts_to_what_the_agent_did_not_do(persona: str) -> None:
    for seed in SEEDS:
        call = Call(persona, seed=seed)
        for line in DOUBTED_SALE:
            if call.state.hung_up:
                break
            reply = call.say(line)
            wrong = reactions.untriggered(reply.text, line, set())
            assert not wrong, (persona, seed, line, reply.text, wrong)
            if line == BARE_PROBE:
                assert "objection_softened" not in reply.intent_names, (seed, reply.text)
            if line == TIME_GRANTED:
                assert "acceptance" not in reply.intent_names, (seed, reply.text)


def test_an_upset_caller_offered_options_first_pushes_back_on_the_offer() -> None:
    options = (
        "Le puedo ofrecer dos cosas: una visita técnica mañana temprano o un descuento en su "
        "siguiente recibo. ¿Cuál le acomoda más?"
    )
    for seed in SEEDS:
        call = Call("molesto", scenario=QUEJA, seed=seed)
        call.say("Gracias por llamar a Internet Veloz, le atiende Daniel. ¿En qué le ayudo?")
        reply = call.say(options)
        assert "data_before_empathy" not in reply.intent_names, (seed, reply.text)
        assert not reactions.untriggered(reply.text, options, set()), (seed, reply.text)
