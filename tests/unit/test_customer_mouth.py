"""The template mouth's joints: after a filler or lead-in joined with «…» or «,» the sentence goes
on in lowercase (proper nouns keep their capital); after «.» or «?» it starts a new sentence."""

from __future__ import annotations

import random
import re

import pytest

from simulator.content.library import load_library
from simulator.customer.casing import decapitalize, joins_lowercase
from simulator.customer.mouth import TemplateMouth, proper_words
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import Intent

SCENARIO = "internet-veloz-hogar"
# A word right after «…» or «,» that starts with a capital letter.
_CAPITAL_AFTER_JOINT = re.compile(r"(?:…|,)\s+[¿¡]?([A-ZÁÉÍÓÚÑ][\w-]*)")


@pytest.fixture(scope="module")
def scenario():  # type: ignore[no-untyped-def]
    return load_library().scenario(SCENARIO)


def test_decapitalize_keeps_proper_nouns_acronyms_and_numbers(scenario) -> None:  # type: ignore[no-untyped-def]
    proper = proper_words(scenario)
    assert decapitalize("Yo vendo ropa por catálogo.", proper) == "yo vendo ropa por catálogo."
    assert decapitalize("¿Y cuánto cuesta?", proper) == "¿y cuánto cuesta?"
    assert decapitalize("Ay, y una pregunta", proper) == "ay, y una pregunta"
    assert decapitalize("Rosa María no está.", proper) == "Rosa María no está."
    assert decapitalize("Mariana me dijo.", proper) == "Mariana me dijo."
    assert decapitalize("Internet Veloz me llamó.", proper) == "Internet Veloz me llamó."
    assert decapitalize("Plan Hogar 200 megas, ese.", proper) == "Plan Hogar 200 megas, ese."
    assert decapitalize("Plan nuevo no quiero.", proper) == "plan nuevo no quiero."
    assert decapitalize("WhatsApp nada más.", proper) == "WhatsApp nada más."
    assert decapitalize("RFC no tengo.", proper) == "RFC no tengo."
    assert decapitalize("5512345678.", proper) == "5512345678."


def test_joints() -> None:
    assert joins_lowercase("Mire,", lead_in=False)
    assert joins_lowercase("Pues mire…", lead_in=True)
    assert joins_lowercase("Mmm…", lead_in=False)
    assert not joins_lowercase("Sí.", lead_in=True)
    assert not joins_lowercase("¿De verdad?", lead_in=True)
    assert not joins_lowercase("En la tarde se traba muchísimo, no sé por qué…", lead_in=False)


@pytest.mark.parametrize("persona_id", ["amable", "callado", "desconfiado", "platicador"])
def test_no_capital_after_filler_or_lead_in(scenario, persona_id: str) -> None:  # type: ignore[no-untyped-def]
    library = load_library()
    persona = library.persona(persona_id)
    persona = persona.model_copy(
        update={"traits": persona.traits.model_copy(update={"verbosity": 100})}
    )
    proper = proper_words(scenario)
    sim = CustomerSimulator(scenario, persona)
    need = scenario.needs[0].id
    shapes = [
        [Intent(name="need_lead_in"), Intent(name="need_statement", ref=need)],
        [Intent(name="ask_detail")],
        [Intent(name="ask_price")],
        [Intent(name="greeting_reply")],
    ]
    texts, with_filler = [], 0
    for seed in range(30):
        for intents in shapes:
            state = sim.start(seed)
            text = TemplateMouth().realize(intents, state, scenario, persona, random.Random(seed))
            texts.append(text)
            first = text.split(" ", 1)[0].lower().strip("…,")
            with_filler += any(
                first == f.strip().strip("…,").lower() for f in persona.speech.fillers
            )
    assert with_filler, "the persona used no filler at all: the test would prove nothing"
    for text in texts:
        for match in _CAPITAL_AFTER_JOINT.finditer(text):
            word = match.group(1)
            assert word.lower() in proper or any(c.isupper() for c in word[1:]), text


def test_sentence_after_full_stop_keeps_its_capital(scenario) -> None:  # type: ignore[no-untyped-def]
    library = load_library()
    persona = library.persona("amable")
    speech = persona.speech.model_copy(update={"fillers": ["Ajá."]})
    traits = persona.traits.model_copy(update={"verbosity": 100})
    persona = persona.model_copy(update={"speech": speech, "traits": traits})
    sim = CustomerSimulator(scenario, persona)
    seen = 0
    for seed in range(20):
        state = sim.start(seed)
        text = TemplateMouth().realize(
            [Intent(name="ask_price")], state, scenario, persona, random.Random(seed)
        )
        if text.startswith("Ajá. "):
            seen += 1
            assert text[5:6].isupper() or text[5:6] in "¿¡", text
    assert seen


def test_question_filler_is_a_capitalised_tag_after_the_line(scenario) -> None:  # type: ignore[no-untyped-def]
    library = load_library()
    persona = library.persona("platicador")
    speech = persona.speech.model_copy(update={"fillers": ["¿sí me entiende?"]})
    traits = persona.traits.model_copy(update={"verbosity": 100})
    persona = persona.model_copy(update={"speech": speech, "traits": traits})
    sim = CustomerSimulator(scenario, persona)
    seen = 0
    for seed in range(20):
        state = sim.start(seed)
        text = TemplateMouth().realize(
            [Intent(name="ask_price")], state, scenario, persona, random.Random(seed)
        )
        if text.endswith(" ¿Sí me entiende?"):
            seen += 1
        assert "¿sí me entiende?" not in text, text
        assert not text.startswith("¿Sí me entiende?"), text
    assert seen


INBOUND_OPENING = "Buenas tardes, gracias por llamar, le atiende Sofía. ¿En qué puedo servirle?"


@pytest.mark.parametrize(
    "scenario_id", ["celular-agotado-electrohogar", "retencion-plan-movil", "asistencia-hogar-fuga"]
)
def test_customer_who_called_does_not_ask_the_agent_what_they_want(scenario_id: str) -> None:
    from simulator.language.normalize import normalize

    library = load_library()
    scenario = library.scenario(scenario_id)
    asked = ("digame", "de que se trata", "en que le ayudo", "que se le ofrece", "que necesita")
    for persona_id in scenario.personas:
        sim = CustomerSimulator(scenario, library.persona(persona_id))
        for seed in range(6):
            reply, _ = sim.respond(INBOUND_OPENING, sim.start(seed))
            said = normalize(reply.text)
            assert not any(a in said for a in asked), (persona_id, reply.text)
            assert reply.text[:1].isupper() or reply.text[:1] in "¿¡", reply.text
