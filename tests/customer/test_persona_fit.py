"""The reply as an act fits the agent's turn and the persona (cust-h, session 21, blind panel N:
a bare «Mjm» to an explicit yes/no question, «anótele» to a social question, «contrátelo» for a
card, «continúe» after the matter was reported done, thanks glued before distrust, a reply that
opens with «Y», the expert's «no lo tenía considerado» after the right answer to his own test).
Our own wordings, and a seeded property over calls on every scenario and persona."""

from __future__ import annotations

import random

import pytest

from simulator.content.library import load_library
from simulator.customer import persona_fit
from simulator.customer.presuppose import AGENT_TEXT
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState
from simulator.language.normalize import normalize
from tests.customer.seeded import seeded_calls

pytestmark = pytest.mark.usefixtures("bundled_content_only")

BACKCHANNELS = {"mjm", "aja", "mmm"}


def _state(scenario: str, persona: str, agent: str) -> tuple[CustomerState, CustomerSimulator]:
    library = load_library()
    sim = CustomerSimulator(library.scenario(scenario), library.persona(persona))
    state = sim.start(3)
    state.play[AGENT_TEXT] = agent
    return state, sim


def _fit(text: str, names: list[str], scenario: str, persona: str, agent: str) -> str:
    state, sim = _state(scenario, persona, agent)
    return persona_fit.fit(text, names, state, sim.scenario, persona)


def test_a_backchannel_yes_to_a_yes_no_question_becomes_an_answer() -> None:
    said = _fit("Mjm.", ["short_yes"], "internet-veloz-hogar", "callado", "¿Le sumo el paquete?")
    assert normalize(said).strip(" .") not in BACKCHANNELS
    assert normalize(said).split()[0] in {"si", "andele", "este"}, said


def test_a_backchannel_to_a_statement_stays() -> None:
    said = _fit("Mjm.", ["filler_ack"], "internet-veloz-hogar", "callado", "Le explico el plan.")
    assert said == "Mjm."


def test_an_acknowledgement_is_no_yes_while_nothing_is_agreed() -> None:
    # the brain only acknowledged an offer: the mouth does not turn it into a yes
    said = _fit("Ajá.", ["filler_ack"], "internet-veloz-hogar", "callado", "¿Lo quiere contratar?")
    assert said == "Ajá."


def test_an_upset_customer_sent_elsewhere_protests() -> None:
    agent = "Ese cargo ya no es con nosotros; lo tiene que ver con su banco."
    said = _fit("Ajá.", ["filler_ack"], "queja-internet-sin-servicio", "molesto", agent)
    assert (
        normalize(said).strip(" .") not in BACKCHANNELS and "?" in said or "no" in normalize(said)
    )
    calm = _fit("Ajá.", ["filler_ack"], "queja-internet-sin-servicio", "amable", agent)
    assert calm == "Ajá."


def test_write_it_down_only_when_something_is_to_be_written() -> None:
    social = "Buenas tardes, habla Rocío. ¿Con quién tengo el gusto?"
    said = _fit(
        "Claro, anótele: Irma Soto.", ["caller_name"], "internet-veloz-hogar", "amable", social
    )
    assert "anótele" not in said and "Irma Soto" in said
    asked = "¿Me dicta su correo electrónico?"
    kept = _fit(
        "Claro, anótele: irma@correo.mx.", ["data_given"], "internet-veloz-hogar", "amable", asked
    )
    assert "anótele" in kept


def test_a_written_verb_in_the_past_is_no_lead() -> None:
    said = _fit(
        "No, es todo. Ya anoté su nombre.",
        ["nothing_else"],
        "internet-veloz-hogar",
        "amable",
        "¿Algo más?",
    )
    assert said == "No, es todo. Ya anoté su nombre."


def test_a_card_is_applied_for_not_contracted() -> None:
    agent = "La tarjeta no cobra anualidad el primer año. ¿Se la solicito?"
    said = _fit("Sí, contrátemela.", ["acceptance"], "tarjeta-credito-horizonte", "amable", agent)
    assert said == "Sí, tramítemela."
    plan = _fit(
        "Sí, contrátemelo.", ["acceptance"], "internet-veloz-hogar", "amable", "¿Se lo contrato?"
    )
    assert plan == "Sí, contrátemelo."


def test_an_add_on_keeps_its_own_verb() -> None:
    agent = "Le ofrezco el seguro de desempleo para tarjeta por 49 pesos. ¿Se lo agrego?"
    said = _fit("Sí, contrátemelo.", ["acceptance"], "tarjeta-credito-horizonte", "amable", agent)
    assert said == "Sí, contrátemelo."


def test_no_invitation_to_go_on_after_the_matter_is_done() -> None:
    agent = "Perfecto, ya quedó registrada su solicitud; le llega en una semana."
    said = _fit("De acuerdo, siga.", ["filler_ack"], "tarjeta-credito-horizonte", "experto", agent)
    assert "siga" not in normalize(said) and said
    mid = _fit(
        "De acuerdo, siga.",
        ["filler_ack"],
        "tarjeta-credito-horizonte",
        "experto",
        "Le explico las condiciones.",
    )
    assert mid == "De acuerdo, siga."


def test_thanks_before_distrust_goes() -> None:
    agent = "Le llamo del área de cobranza por su tarjeta."
    said = _fit(
        "Ok… gracias. Pero no les creo nada, ¿eh?",
        ["empathy_thanks", "objection"],
        "cobranza-tarjeta-atrasada",
        "molesto",
        agent,
    )
    assert "gracias" not in normalize(said) and "no les creo" in normalize(said)


def test_a_reply_does_not_open_as_a_continuation() -> None:
    said = _fit(
        "Y mi perro ladra mucho.",
        ["digression"],
        "internet-veloz-hogar",
        "platicador",
        "¿Algo más?",
    )
    assert said == "Mi perro ladra mucho."
    asked = _fit(
        "¿Y cuánto cuesta?",
        ["ask_price"],
        "internet-veloz-hogar",
        "platicador",
        "Le cuento del plan.",
    )
    assert asked == "¿Y cuánto cuesta?"


PRESENTED = "Le recomiendo el Plan Hogar 200 megas en 499 pesos al mes, con instalación sin costo."


def _tested_expert(seed: int) -> tuple[CustomerSimulator, CustomerState, list[str]]:
    library = load_library()
    sim = CustomerSimulator(library.scenario("internet-veloz-hogar"), library.persona("experto"))
    state = sim.start(seed)
    _, state = sim.first_line(state)
    _, state = sim.respond("Internet Veloz, buenas tardes. ¿En qué le ayudo?", state)
    reply, state = sim.respond(PRESENTED, state)
    product = next((p for p in sim.scenario.catalog if p.id == state.play.get("kq_product")), None)
    assert "knowledge_test" in reply.intent_names and product is not None, reply.text
    return sim, state, list(product.conditions)


@pytest.mark.parametrize("seed", range(6))
def test_the_expert_judges_the_right_answer_to_his_own_test(seed: int) -> None:
    sim, state, conditions = _tested_expert(seed)
    reply, state = sim.respond("Claro: " + ". ".join(conditions) + ".", state)
    assert "objection_softened" in reply.intent_names, reply.text
    said = normalize(reply.text)
    assert "no lo tenia considerado" not in said
    news = ("no sabia", "no lo sabia", "mire nomas")
    assert not any(n in said for n in news), reply.text


def test_the_expert_corrects_a_wrong_answer_with_the_catalog_figure() -> None:
    for seed in range(12):
        sim, state, conditions = _tested_expert(seed)
        wrong = "La instalación tarda 10 días y sí tiene plazo forzoso de 24 meses."
        reply, state = sim.respond(wrong, state)
        reply, state = sim.respond(wrong, state)
        if "wrong_fact_reaction" in reply.intent_names:
            figures = {w for c in conditions for w in c.split() if any(ch.isdigit() for ch in w)}
            told = normalize(reply.text)
            assert any(normalize(c).rstrip(".") in told for c in conditions) or not figures, (
                reply.text
            )
            return
    pytest.fail("no seed reached the expert's verdict on a wrong answer")


YES_NO = [
    "¿Le parece bien?",
    "¿Se lo registro?",
    "¿Está de acuerdo, sí o no?",
    "¿Me confirma que sí?",
]


def test_property_no_bare_backchannel_yes_and_verbs_fit_the_product() -> None:
    """Seeded calls on every scenario × persona: a yes the brain gives to a yes/no question is a
    word that answers it, and a card is never «contratada» in the customer's mouth."""
    checked = 0
    for rng, sim, state in seeded_calls("persona-fit", 40):
        card = any(
            normalize(p.name).startswith("tarjeta") for p in sim.scenario.catalog if not p.addon
        )
        for _ in range(4):
            agent = f"Le explico brevemente la propuesta. {rng.choice(YES_NO)}"
            reply, state = sim.respond(agent, state)
            names = set(reply.intent_names)
            norm = normalize(reply.text)
            if names & {"short_yes", "acceptance"}:
                checked += 1
                assert norm.strip(" .…") not in BACKCHANNELS, (sim.persona.id, reply.text)
            if card and "acceptance" in names:
                assert "contrat" not in norm, reply.text
            if state.hung_up:
                break
    assert checked > 0


def test_property_the_quiet_customer_gives_data_and_at_most_one_more_thing() -> None:
    """Seeded data requests to the callado: the data, and at most one part of his own."""
    library = load_library()
    seen = 0
    for sid, scenario in sorted(library.scenarios.items()):
        sim = CustomerSimulator(scenario, library.persona("callado"))
        rng = random.Random(f"quiet:{sid}")
        state = sim.start(rng.randrange(1000))
        _, state = sim.first_line(state)
        for field in scenario.required_fields[:3]:
            reply, state = sim.respond(
                f"¿Me proporciona su {field.replace('_', ' ')}, por favor?", state
            )
            names = reply.intent_names
            data = [n for n in names if n.startswith("data_") or n == "part_unknown"]
            if data:
                seen += 1
                assert len(names) - len(data) <= 1, (sid, names, reply.text)
            if state.hung_up:
                break
    assert seen > 0
