"""The customer refers only to what happened in this call and does not reopen what is settled
(cust-c, session 20, issue 7): a hold is acknowledged only when the agent's last turn asks for one
or returns from one with nothing else to answer; a price of the company's catalog is quoted only
once the agent said it (or the scenario gives it to the customer); an agenda item the agent
itself put on the table is not told as news; «¿algo más?» gets every reason for calling. Unit cases in our own words, and a seeded
property test over calls of every scenario and persona."""

from __future__ import annotations

import pytest

from simulator.analysis.agent import tag_agent
from simulator.content.library import load_library
from simulator.customer import agenda, hold_replies, memory, presuppose, said_figures
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import Intent
from simulator.language.normalize import normalize
from simulator.language.numbers import extract_amounts
from tests.customer.seeded import seeded_calls, turn_on
from tests.customer.test_planner_properties import _pool

pytestmark = pytest.mark.usefixtures("bundled_content_only")

CALLS = 120
TURNS = 14


def _acts(text: str) -> set[str]:
    return set(tag_agent(text))


# --- holds ----------------------------------------------------------------------------------


def test_a_bare_return_is_acknowledged() -> None:
    text = "Muchas gracias por su espera."
    t = turn_on("celular-agotado-electrohogar", "amable", text, _acts(text))
    assert "hold_return" in t.acts
    assert hold_replies.bare_return(t)


def test_a_return_with_a_question_is_answered_not_acknowledged() -> None:
    text = "Gracias por esperar. Ese modelo ya no lo tengo; ¿para quién sería el equipo?"
    t = turn_on("celular-agotado-electrohogar", "amable", text, _acts(text))
    assert "hold_return" in t.acts
    assert not hold_replies.bare_return(t)


def test_a_question_about_the_problem_is_no_wait() -> None:
    text = "No me cuelgue, por favor. Dígame, ¿cuántos días lleva sin señal?"
    t = turn_on(
        "queja-internet-sin-servicio", "desconfiado", text, {"hold_request", "open_question"}
    )
    assert not hold_replies.wait_asked(t)


def test_time_to_talk_is_no_hold_but_a_check_is() -> None:
    talk = "Le hablo para platicarle de una tarjeta que tiene aprobada. ¿Me permite unos minutos?"
    t = turn_on("tarjeta-credito-horizonte", "desconfiado", talk, {"hold_request"})
    assert not hold_replies.wait_asked(t)
    check = "¿Me permite unos minutos en la línea mientras reviso su cuenta?"
    t = turn_on("tarjeta-credito-horizonte", "desconfiado", check, {"hold_request"})
    assert hold_replies.wait_asked(t)


# --- figures --------------------------------------------------------------------------------


def _facts(scenario_id: str, agent_texts: list[str]) -> frozenset[str]:
    library = load_library()
    scenario = library.scenario(scenario_id)
    sim = CustomerSimulator(scenario, library.persona(scenario.default_persona))
    state = sim.start(3)
    for text in agent_texts:
        presuppose.note(state, text, scenario)
    return presuppose.known(state, scenario)


def test_a_catalog_price_waits_until_the_agent_says_it() -> None:
    scenario = load_library().scenario("internet-veloz-hogar")
    price = next(int(p.price) for p in scenario.catalog if p.price)
    line = f"¿Y {price} al mes no es demasiado?"
    assert not said_figures.fits(line, _facts("internet-veloz-hogar", ["Hola, buenas tardes."]))
    said = f"El plan le queda en {price} pesos al mes."
    assert said_figures.fits(line, _facts("internet-veloz-hogar", [said]))


def test_the_customers_own_figures_are_free() -> None:
    scenario = load_library().scenario("internet-veloz-hogar")
    own = scenario.customer.current_payment
    assert own
    line = f"Yo ahorita pago {int(own)} y me parece bastante."
    assert said_figures.fits(line, _facts("internet-veloz-hogar", ["Hola."]))


# --- settled things -------------------------------------------------------------------------


def test_what_the_agent_raised_is_no_news_and_was_noticed() -> None:
    text = "Revisando, veo que le cobraron la mensualidad dos veces. ¿Ya lo había notado?"
    t = turn_on("queja-internet-sin-servicio", "callado", text, {"closed_question"})
    t.intents = [Intent(name="short_no")]
    agenda.deliver(t)
    assert [i.name for i in t.intents] == ["noticed_own_problem"]
    assert agenda.next_untold(t) != "cobro-doble"


def test_anything_else_gets_the_untold_reason_besides_another_need() -> None:
    text = "Ya quedó la visita. Antes de seguir, ¿hay algo más que le esté afectando?"
    t = turn_on("queja-internet-sin-servicio", "experto", text, {"closed_question"})
    t.s.reason_stated = True
    t.s.revealed_needs = ["reportes-sin-folio"]
    t.s.used_texts = ["Ya llamé dos veces y nadie me dio un folio."]
    t.intents = [Intent(name="need_statement", ref="trabaja-en-casa")]
    agenda.deliver(t)
    assert [i.ref for i in t.intents] == ["trabaja-en-casa", "cobro-doble"]


# --- property over seeded calls -------------------------------------------------------------


def _settled_lines(agent_texts: list[str]) -> list[str]:
    topics = [x for a in agent_texts for x in memory.topics_answered(normalize(a), a)]
    mine = {"lock_in_asked", "pay_where", "total_cost", "deductible_per_event"}
    return memory.topic_lines([x for x in dict.fromkeys(topics) if x in mine])


def test_seeded_calls_refer_only_to_this_call() -> None:
    pool = _pool()
    turns = holds = 0
    for rng, sim, state in seeded_calls("this-call", CALLS):
        said: list[str] = []
        catalog = said_figures.catalog_money(sim.scenario) - said_figures.own(sim.scenario)
        for _ in range(TURNS):
            text = rng.choice(pool)
            reply, state = sim.respond(text, state)
            turns += 1
            names, acts = reply.intent_names, _acts(text)
            if "hold_ok" in names:
                holds += 1
                assert "hold_request" in acts, (text, reply.text)
            if "hold_return_ok" in names:
                holds += 1
                assert not hold_replies.other_questions(text), (text, reply.text)
            heard = {int(x.value) for a in [*said, text] for x in extract_amounts(a)}
            quoted = said_figures.figures(reply.text) & catalog
            assert quoted <= heard, (sim.scenario.id, text, reply.text)
            padded = f" {normalize(reply.text)} "
            stale = [p for p in _settled_lines(said) if f" {p} " in padded]
            assert not stale, (text, reply.text, stale)
            said.append(text)
            if state.hung_up:
                break
    assert turns >= 1000 and holds


@pytest.mark.parametrize(
    "agent",
    [
        "Para los cuatro sale en 2,380 pesos al mes: su esposa 850 y cada hijo 340.",
        "Para toda la familia serían 2,380 al mes.",
        "Usted 850, su esposa 850 y por cada hijo 340; en total 2,380 pesos al mes.",
    ],
)
def test_a_family_price_said_is_not_asked_again(agent: str) -> None:
    """«¿Y cuánto sería para incluir a mi esposa y a los niños?» after the agent gave the price
    for the four (lead's play, session 23)."""
    settled = memory.topic_lines(memory.topics_answered(normalize(agent), agent))
    asked = normalize("¿Y cuánto sería para incluir a mi esposa y a los niños?")
    assert any(stem in asked for stem in settled)
    assert any(stem in normalize("No tan rápido; primero quiero el costo total.") for stem in settled)


def test_a_single_price_does_not_settle_the_family_price() -> None:
    agent = "El Esencial cuesta 850 pesos al mes para usted."
    settled = memory.topic_lines(memory.topics_answered(normalize(agent), agent))
    asked = normalize("¿Y cuánto sería para incluir a mi esposa y a los niños?")
    assert not any(stem in asked for stem in settled)
