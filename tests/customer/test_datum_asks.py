"""Every datum the agent asks for gets its own piece: the value, or plainly «no me lo sé»
(cust-a, session 20, blind panel M: a postcode asked answered «Mjm», an income as a bare figure,
«¿tiene otro número?» answered with the same number). Our own wordings, and a seeded property
over thousands of data requests and double data questions on every scenario and persona."""

from __future__ import annotations

import pytest

from simulator.customer import data_give, datum_asks
from simulator.customer.data_give import _give
from tests.customer.seeded import seeded_calls, turn_on

pytestmark = pytest.mark.usefixtures("bundled_content_only")

ACKS = {"short_yes", "filler_ack", "vague_answer", "slot_unknown", "short_no"}
PIECES = {"data_given", "data_repeated", "age_given", "data_correction", "caller_name"}
PIECES |= {"part_unknown", "part_unknown_again", "datum_only_one", "datum_private", "datum_why"}


def _reply(scenario: str, persona: str, lines: list[str]) -> list[tuple[str, list[str]]]:
    from simulator.content.library import load_library
    from simulator.customer.simulator import CustomerSimulator

    library = load_library()
    sim = CustomerSimulator(library.scenario(scenario), library.persona(persona))
    state = sim.start(11)
    _, state = sim.first_line(state)
    out = []
    for line in lines:
        reply, state = sim.respond(line, state)
        out.append((reply.text, reply.intent_names))
    return out


def test_a_postcode_it_does_not_hold_is_said_unknown_not_acknowledged() -> None:
    replies = _reply(
        "cambio-domicilio-internet",
        "amable",
        ["Buenas tardes, ¿con quién hablo?", "Oiga, ¿y me podría pasar el código postal de allá?"],
    )
    text, names = replies[-1]
    assert "part_unknown" in names, text
    assert "código postal" in text


def test_asked_again_it_says_it_as_before() -> None:
    replies = _reply(
        "cambio-domicilio-internet",
        "callado",
        ["Buenas tardes, ¿con quién hablo?", "¿Me pasa su código postal?", "¿Y el C.P.?"],
    )
    assert "part_unknown_again" in replies[-1][1], replies[-1][0]


def test_a_second_number_after_the_one_given_is_none() -> None:
    replies = _reply(
        "internet-veloz-hogar",
        "amable",
        ["¿Me deja un teléfono de contacto, por favor?", "¿Y tendrá algún otro número?"],
    )
    text, names = replies[-1]
    assert names[0] == "datum_only_one" and "data_given" not in names, text


def test_an_income_is_said_with_its_unit() -> None:
    assert data_give.said_as("ingreso_mensual", "23000") == "unos 23,000 pesos al mes"
    assert data_give.said_as("nombre", "Ana") == "Ana"
    t = turn_on("tarjeta-credito-horizonte", "amable", "¿Y cuánto gana al mes?", {"data_request"})
    _give(t, "ingreso_mensual", "23000")
    assert "pesos al mes" in t.intents[0].slots["value"]


def test_a_request_after_a_check_question_is_its_own_piece() -> None:
    t = turn_on(
        "internet-veloz-hogar",
        "amable",
        "Anoté 55 12 34 56 78, ¿está bien? Ahora su dirección completa, por favor.",
        {"data_confirmation"},
    )
    from simulator.customer.state import Intent

    out = datum_asks.complete(t, [Intent(name="data_confirm_yes")])
    assert [i.name for i in out][:2] == ["data_confirm_yes", "data_given"]
    assert out[1].ref == "direccion"


# an upset customer not yet heard vents instead of answering (personas README)
VENTING = {"complaint", "data_before_empathy", "annoyed"}
ASKS = [
    "¿Me da su {f}, por favor?",
    "Oiga, ¿me regala su {f}?",
    "Para continuar necesito su {f}, por favor.",
    "¿Y su {f}?",
    "¿Me podría decir su {f} y su {g}?",
    "Sólo me falta su {f}, ¿me lo comparte?",
]
FIELDS = ["código postal", "teléfono", "correo", "RFC", "nombre completo", "dirección"]


def test_no_data_request_gets_a_bare_acknowledgement_over_seeded_calls() -> None:
    checked = 0
    for rng, sim, state in seeded_calls("datum-asks", 1000):
        for _ in range(6):
            f, g = rng.sample(FIELDS, 2)
            text = rng.choice(ASKS).format(f=f, g=g)
            reply, state = sim.respond(text, state)
            if state.hung_up:
                break
            names = reply.intent_names
            if not names or set(names) & (datum_asks.REASONS | VENTING):
                continue  # the reply says why no datum is given (persona's play)
            checked += 1
            assert set(names) & PIECES, (sim.scenario.id, sim.persona.id, text, reply.text)
            assert not set(names) <= ACKS, (text, reply.text)
    assert checked >= 1200
