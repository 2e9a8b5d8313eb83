"""Customer lines blind panel I (session 15) found incoherent, each fixed by cause.

* the holder of a debt never denies being himself: asked again whether he is the holder
  («¿sí es usted el titular, don …?») he says yes every time, never a random «no»;
* a double question whose one part asks a fact of the customer's situation (the modem's lights,
  the stopcock, the gigabytes used) gets that part answered, before its own doubt or complaint,
  and the same fact when asked again;

The wordings here are our own, not the panel's.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer.simulator import CustomerReply, CustomerSimulator
from simulator.customer.state import CustomerState

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _call(scenario: str, persona: str, seed: int) -> tuple[CustomerSimulator, CustomerState]:
    library = load_library()
    sim = CustomerSimulator(library.scenario(scenario), library.persona(persona))
    state = sim.start(seed)
    _, state = sim.first_line(state)
    return sim, state


@pytest.mark.parametrize("persona", ["desconfiado", "callado", "molesto", "indeciso"])
@pytest.mark.parametrize("seed", range(6))
def test_the_holder_never_denies_being_himself(persona: str, seed: int) -> None:
    sim, state = _call("cobranza-tarjeta-atrasada", persona, seed)
    first = sim.scenario.customer.first_name
    turns = [
        f"Buen día, le marca Rocío Luna de Banco Horizonte. ¿Podría hablar con {first}?",
        f"Antes de seguir, ¿me confirma por favor si usted es {first} en persona?",
        "Perdone la insistencia, es por su seguridad: ¿estoy hablando con el titular de la"
        " tarjeta?",
    ]
    for text in turns:
        reply, state = sim.respond(text, state)
        if reply.hung_up:
            return
        assert "short_no" not in reply.intent_names, (text, reply.text)
        assert "wrong_person" not in reply.intent_names, (text, reply.text)
    assert "identity_confirm" in reply.intent_names, reply.text


def test_someone_else_asked_for_is_still_not_him() -> None:
    sim, state = _call("cobranza-tarjeta-atrasada", "amable", 1)
    reply, _ = sim.respond(
        "Buenas tardes, de Banco Horizonte. ¿Hablo con la señora Marisela Ontiveros?", state
    )
    assert "identity_confirm" not in reply.intent_names, reply.text


def _inbound(scenario: str, persona: str, seed: int) -> tuple[CustomerSimulator, CustomerState]:
    sim, state = _call(scenario, persona, seed)
    _, state = sim.respond("Buenas tardes, le atiende Mario. ¿Con quién tengo el gusto?", state)
    return sim, state


def _answer(scenario: str, persona: str, seed: int, question: str) -> CustomerReply:
    """The inbound customer's answer to ``question``, asked right after the greeting."""
    sim, state = _inbound(scenario, persona, seed)
    reply, _ = sim.respond(question, state)
    return reply


@pytest.mark.parametrize("persona", ["molesto", "experto", "impaciente", "amable"])
@pytest.mark.parametrize("seed", range(4))
def test_the_modem_part_of_a_double_question_is_answered(persona: str, seed: int) -> None:
    sim, state = _inbound("queja-internet-sin-servicio", persona, seed)
    first, state = sim.respond(
        "Ya veo su cuenta. Platíqueme, ¿cuántos días lleva así y cómo están los foquitos del"
        " aparato, los ve prendidos?",
        state,
    )
    if first.hung_up:
        return
    assert "rojo" in first.text, first.text
    again, _ = sim.respond(
        "Gracias. Para anotarlo bien en la orden: ¿los focos siguen igual después de reiniciarlo?",
        state,
    )
    if not again.hung_up:
        assert "rojo" in again.text, again.text


@pytest.mark.parametrize("seed", range(4))
def test_the_fact_comes_before_the_customers_own_doubt(seed: int) -> None:
    reply = _answer(
        "queja-internet-sin-servicio",
        "desconfiado",
        seed,
        "¿Desde cuándo no tiene señal y qué luces ve en el módem?",
    )
    if reply.hung_up or "?" not in reply.text:
        return
    assert reply.text.index("rojo") < reply.text.rindex("¿"), reply.text


def test_a_fact_of_another_scenario_is_not_said() -> None:
    reply = _answer(
        "cambio-domicilio-internet",
        "amable",
        2,
        "¿A dónde se muda y qué luces tiene su módem ahorita?",
    )
    assert "rojo" not in reply.text, reply.text


@pytest.mark.parametrize("persona", ["experto", "impaciente", "indeciso"])
@pytest.mark.parametrize("seed", range(3))
def test_a_usage_question_gets_the_customers_own_figure(persona: str, seed: int) -> None:
    reply = _answer(
        "retencion-plan-movil",
        persona,
        seed,
        "Con gusto lo reviso. Para ver qué le conviene: ¿cuántos gigas gasta en un mes normal y"
        " qué es lo que más ocupa?",
    )
    if not reply.hung_up:
        assert "12" in reply.text, reply.text
