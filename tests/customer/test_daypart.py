"""The customer's greetings and farewells name the part of the day the agent's greeting named
(blind panel I: «bonita tarde» at the close of a call opened with «buenos días»). Our own wording."""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import daypart
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState


@pytest.mark.parametrize(
    ("agent", "line", "expected"),
    [
        ("Muy buenos días, habla Sergio.", "Gracias, bonita tarde.", "Gracias, bonito día."),
        (
            "Buenas noches, le atiende Karla.",
            "Ay, buenas tardes, dígame.",
            "Ay, buenas noches, dígame.",
        ),
        (
            "Buenas tardes, habla Iván.",
            "Buenos días. ¿Quién habla?",
            "Buenas tardes. ¿Quién habla?",
        ),
        ("Hola, habla Iván.", "Gracias, bonita tarde.", "Gracias, bonita tarde."),
        ("Buenos días, habla Sergio.", "Que tenga buen día.", "Que tenga buen día."),
    ],
)
def test_the_customer_says_the_agents_part_of_the_day(agent: str, line: str, expected: str) -> None:
    state = CustomerState()
    daypart.note_agent(agent, state)
    assert daypart.fit(line, state) == expected


def test_the_first_greeting_that_names_it_stands() -> None:
    state = CustomerState()
    for turn in ("Hola, ¿qué tal?", "Buenos días, disculpe.", "Que tenga buenas noches."):
        daypart.note_agent(turn, state)
    assert state.play[daypart.KEY] == "morning"


@pytest.mark.usefixtures("bundled_content_only")
@pytest.mark.parametrize("persona", ["amable", "indeciso", "callado", "platicador"])
@pytest.mark.parametrize("seed", range(6))
def test_no_afternoon_words_in_a_morning_call(persona: str, seed: int) -> None:
    library = load_library()
    sim = CustomerSimulator(library.scenario("tarjeta-credito-horizonte"), library.persona(persona))
    state = sim.start(seed)
    for line in (
        "Buenos días, le habla Raúl de Banco Horizonte. ¿Hablo con el señor Salinas?",
        "Gracias por su tiempo, señor Salinas. Que tenga excelente día, hasta luego.",
    ):
        reply, state = sim.respond(line, state)
        assert "tarde" not in reply.text.lower(), reply.text
