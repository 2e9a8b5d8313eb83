"""Blind panel v (session 8) on our own lines:
- a question the customer cannot answer gets «no sabría decirle», and «bien, normal» only answers
  a «¿cómo…?» question («Funciona dentro de lo esperado» to «¿qué dato le falta?» was a non sequitur);
- a statement that mentions the contact phone before an unrelated question asks for no datum;
- «¿Le gustaría que se la solicitemos?» asks for the decision (a close), sending information does not."""

from __future__ import annotations

import pytest

from simulator.analysis import tag_agent
from simulator.content.library import load_library
from simulator.customer import choice_moves, cues
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")
FIELDS = ["nombre", "numero_cuenta", "telefono", "correo", "fecha_nacimiento"]


def _turn(text: str) -> Turn:
    library = load_library()
    sim = CustomerSimulator(
        library.scenario("tarjeta-credito-horizonte"), library.persona("experto")
    )
    return Turn(text, normalize(text), set(), sim.start(1), sim.scenario, sim.persona)


@pytest.mark.parametrize(
    "question",
    ["¿Qué dato le falta o qué le gustaría revisar?", "¿Desde qué día no tiene servicio?"],
)
def test_a_question_it_cannot_answer_gets_i_do_not_know(question: str) -> None:
    out = choice_moves.unknown(_turn(question), [Intent(name="vague_answer")])
    assert [i.name for i in out] == ["slot_unknown"]


def test_a_how_question_may_get_a_vague_answer() -> None:
    out = choice_moves.unknown(
        _turn("¿Cómo le va con su tarjeta actual?"), [Intent(name="vague_answer")]
    )
    assert [i.name for i in out] == ["vague_answer"]


def test_a_mentioned_phone_before_an_unrelated_question_asks_for_nothing() -> None:
    text = (
        "El folio se lo dicto yo para que lo anote, y queda ligado a su teléfono de contacto."
        " Entonces, ¿desde qué día se quedó sin servicio?"
    )
    assert cues.fields_requested(text, FIELDS) == []
    readback = "Anoto el correo h salinas arroba outlook punto com. ¿Es correcto? Y su fecha de nacimiento, por favor."
    assert cues.fields_requested(readback, FIELDS) == ["fecha_nacimiento"]


@pytest.mark.parametrize(
    ("line", "close"),
    [
        ("¿Le gustaría que se la solicitemos?", True),
        ("¿Quiere que se lo aparte hoy mismo?", True),
        ("¿Quiere que le mande la información por correo?", False),
        ("Le confirmo: Conecta 20 de 349 al mes. ¿Está de acuerdo con el cambio?", True),
        ("¿Está de acuerdo con lo que le expliqué?", False),
    ],
)
def test_asking_to_request_it_is_a_close(line: str, close: bool) -> None:
    assert ("close" in tag_agent(line)) is close


@pytest.mark.parametrize(
    ("line", "hold"),
    [
        ("¿Me permite un par de minutos para platicarle de una opción?", False),
        ("¿Me permite unos minutos para explicarle?", False),
        ("Permítame un minuto, reviso su cuenta.", True),
        ("¿Me permite un momento en espera?", True),
    ],
)
def test_asking_for_the_customers_time_is_no_hold(line: str, hold: bool) -> None:
    """Panel w: «¿Me permite un par de minutos?» was taken as a hold («aquí espero»)."""
    assert ("hold_request" in tag_agent(line)) is hold
