"""Reaction pieces need something in the agent's turn to react to (task c1, session 22).

Our own paraphrases of the classes blind panel O flagged: a «no lo sabía» to a request for
data, a «no suena mal» to a troubleshooting question, a «le creo» to a proposal to send mail,
«primero dígame lo importante» after a short question, «a sus órdenes, dígame» mid-call, the
agent's «con mucho gusto» in an acceptance.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.customer import licences, reaction_licences
from simulator.customer.state import CustomerState


def _facts(text: str, turn: int = 5) -> frozenset[str]:
    return licences.line_facts(CustomerState(seed=1, turn=turn), text)


@pytest.mark.parametrize(
    ("agent", "licence", "given_"),
    [
        ("¿Me podría decir su fecha de nacimiento y su ingreso mensual?", "informed", False),
        ("Perfecto. ¿Y su código postal, por favor?", "informed", False),
        ("El plan incluye módem de doble banda y no tiene plazo forzoso.", "informed", True),
        ("La mensualidad queda en 499 pesos. ¿Qué le parece?", "informed", True),
        ("¿Ya desconectó el módem y lo volvió a conectar?", "offer_now", False),
        ("¿Le interesaría agregar la funda por 349 pesos?", "offer_now", True),
        ("¿Le parece si le envío la información a su correo?", "assured", False),
        ("¿Me dice en qué colonia vive?", "data_asked", True),
    ],
)
def test_turn_licences(agent: str, licence: str, given_: bool) -> None:
    assert (licence in reaction_licences.text_licences(agent)) is given_


def test_a_concession_is_new_in_the_call() -> None:
    state = CustomerState(seed=1, turn=3)
    free = "El envío es gratis y llega en tres días."
    assert "concession" in reaction_licences.call_licences(free, state, None)
    assert "concession" in reaction_licences.call_licences(free, state, None)  # same turn
    state.turn = 5
    again = "Lo que sí le aseguro es que con el envío gratis le llega a tiempo."
    assert "concession" not in reaction_licences.call_licences(again, state, None)
    state.turn = 7
    denied = "No tengo ningún descuento que darle, lo siento."
    assert "concession" not in reaction_licences.call_licences(denied, state, None)
    state.turn = 9
    cut = "Le puedo hacer un descuento de 200 pesos si lo aparta hoy."
    assert "concession" in reaction_licences.call_licences(cut, state, None)


def test_monologue_is_talk_outside_the_questions() -> None:
    short = "Le llamo por su plan de internet. ¿Cómo lo usan en su casa y qué le falla más?"
    assert "monologue" not in reaction_licences.text_licences(short)
    long_ = " ".join(["El plan trae módem nuevo, instalación sin costo y soporte todo el día."] * 4)
    assert "monologue" in reaction_licences.text_licences(long_ + " ¿Qué le parece?")


@pytest.mark.parametrize(
    ("line", "intent", "agent", "ok"),
    [
        ("Ah, pues eso no lo sabía.", "objection_softened", "¿Y su correo electrónico?", False),
        (
            "Ah, pues eso no lo sabía.",
            "objection_softened",
            "El cambio no tiene costo y conserva su número.",
            True,
        ),
        ("Mmm, no suena mal.", "buying_signal", "¿El foco del módem está en rojo?", False),
        ("Mmm, no suena mal.", "buying_signal", "¿Le agrego la garantía extendida por 599?", True),
        ("Bueno, le creo.", "objection_softened", "¿Qué día le vuelvo a marcar?", False),
        ("A ver, primero dígame lo importante.", "not_ready", "¿Su nombre, por favor?", False),
        ("Sí, con mucho gusto, adelante.", "acceptance", "¿Se la agrego a su pedido?", False),
        ("Sí, ándele, adelante.", "acceptance", "¿Se la agrego a su pedido?", True),
    ],
)
def test_reaction_lines_need_their_licence(line: str, intent: str, agent: str, ok: bool) -> None:
    assert licences.line_licensed(line, intent, _facts(agent)) is ok


def test_phone_formula_only_at_the_opening() -> None:
    line = "Sí, a sus órdenes, dígame."
    agent = "¿Me confirma su número de línea?"
    assert licences.line_licensed(line, "identity_confirm", _facts(agent, turn=1))
    assert not licences.line_licensed(line, "identity_confirm", _facts(agent, turn=6))


def test_the_impatient_interruption_is_checked_by_the_brain_not_here() -> None:
    line = "A ver, pare. Dígame solo lo importante."
    facts = _facts("¿Cómo está?")
    assert licences.line_licensed(line, "interrupt_monologue", facts)
    assert not licences.line_licensed(line, "not_ready", facts)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["¿Me da su nombre?", "¿Y su correo?", "¿Su teléfono?"]), min_size=1, max_size=3))
def test_questions_alone_license_no_news(questions: list[str]) -> None:
    """A turn made only of questions for data gives nothing to react to as news or an offer."""
    got = reaction_licences.text_licences(" ".join(questions))
    assert not got & {"informed", "assured", "concession", "offer_now", "monologue"}
