"""Customer lines blind panel I (session 15) found incoherent, each fixed by cause.

* the holder of a debt never denies being himself: asked again whether he is the holder
  («¿sí es usted el titular, don …?») he says yes every time, never a random «no»;

The wordings here are our own, not the panel's.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer.simulator import CustomerSimulator
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
