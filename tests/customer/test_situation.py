"""Questions about the customer's own situation get the scenario's facts (issue 7 item 2).

Found playing in tmux (session 6): «¿Y cuánto paga hoy por su servicio?» was answered «Pues bien,
gracias a Dios, ahí vamos» although the scenario says she pays 450 a month, and «¿Me regala cinco
minutitos?» got «Bien, bien, sin problema por ahora» or a random «No, eso no» before the customer
went on listening."""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer.simulator import CustomerSimulator

OUTBOUND_OPENING = {
    "internet-veloz-hogar": "Buenas tardes, ¿hablo con la señora Rosa María Hernández?",
    "seguro-auto-amplio": "Buenas tardes, ¿hablo con el titular de la póliza?",
}

PURPOSE = {
    "internet-veloz-hogar": "Gracias. Le habla Mariana, de Internet Veloz; le llamo para platicarle"
    " de los planes de internet para su casa.",
    "seguro-auto-amplio": "Gracias. Le habla Luis, de Seguros Protege; le llamo por la"
    " renovación de su seguro de auto.",
}


pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _replies(
    scenario: str, persona: str, seed: int, lines: list[str]
) -> list[tuple[list[str], str]]:
    library = load_library()
    sim = CustomerSimulator(library.scenario(scenario), library.persona(persona))
    state = sim.start(seed)
    _, state = sim.first_line(state)
    out = []
    for line in lines:
        reply, state = sim.respond(line, state)
        out.append(([i.name for i in reply.intents], reply.text))
    return out


@pytest.mark.parametrize("persona", ["amable", "indeciso", "platicador", "callado", "regateador"])
@pytest.mark.parametrize("seed", range(4))
def test_the_current_payment_is_told_when_asked(persona: str, seed: int) -> None:
    replies = _replies(
        "internet-veloz-hogar",
        persona,
        seed,
        [
            OUTBOUND_OPENING["internet-veloz-hogar"],
            "Le habla Mariana de Internet Veloz. ¿Y cuánto paga hoy por su internet?",
        ],
    )
    names, text = replies[-1]
    if "hangup" not in names:
        assert "situation_payment" in names, text
        assert "450" in text and "al mes" in text
        assert "vague_answer" not in names


def test_a_yearly_premium_is_said_per_year() -> None:
    library = load_library()
    scenario = library.scenario("seguro-auto-amplio")
    assert scenario.customer.current_payment
    sim = CustomerSimulator(scenario, library.persona("amable"))
    state = sim.start(1)
    _, state = sim.first_line(state)
    reply, state = sim.respond("¿Y cuánto paga hoy por su seguro, más o menos?", state)
    assert "9,200" in reply.text and "al año" in reply.text, reply.text


@pytest.mark.parametrize("scenario", ["internet-veloz-hogar", "seguro-auto-amplio"])
@pytest.mark.parametrize("persona", ["amable", "impaciente", "indeciso"])
@pytest.mark.parametrize("seed", range(5))
def test_asking_for_a_few_minutes_is_not_answered_with_a_random_no(
    scenario: str, persona: str, seed: int
) -> None:
    names, text = _replies(
        scenario,
        persona,
        seed,
        [OUTBOUND_OPENING[scenario], PURPOSE[scenario] + " ¿Me regala cinco minutitos?"],
    )[-1]
    assert "short_no" not in names and "vague_answer" not in names, text
    if "hangup" not in names and "objection" not in names:
        assert "time_ok" in names, (names, text)
