"""Do the agent's answers match the customer's questions? (needs_detection «answers» part)."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.coaching import grade
from simulator.models.scorecard import TurnActs
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

CATALOG = [
    {"name": "Plan Hogar 100 megas", "price": 399, "period": "mes"},
    {"name": "Plan Hogar 200 megas", "price": 499, "period": "mes"},
]
OPENING: list[tuple[str, str, list[str]]] = [
    ("a", "Buenas tardes, le habla Mariana de Internet Veloz.", ["greeting"]),
    ("c", "Ajá, dígame.", []),
    ("a", "Platíqueme, ¿cómo usa el internet en su casa?", ["open_question"]),
    ("c", "Mis hijos toman clases y se corta mucho en las tardes.", ["need_statement"]),
]


def build(middle: list[tuple[str, str, list[str]]]) -> tuple[Transcript, list[TurnActs]]:
    lines = OPENING + middle + [("c", "Bueno, lo pienso.", [])]
    turns = [{"speaker": "agent" if s == "a" else "customer", "text": t} for s, t, _ in lines]
    acts = [
        TurnActs(index=i, speaker=turns[i - 1]["speaker"], acts=a)  # type: ignore[arg-type]
        for i, (_, _, a) in enumerate(lines, 1)
    ]
    data: dict[str, Any] = {
        "kind": "sale",
        "company": "Internet Veloz",
        "agent_name": "Mariana",
        "catalog": CATALOG,
        "customer_data": {"nombre": "Rosa María Hernández"},
        "turns": turns,
    }
    return Transcript.model_validate(data), acts


def ignored(middle: list[tuple[str, str, list[str]]]) -> list[int]:
    card = score_transcript(*build(middle))
    missing = card.elements["needs_detection"].missing
    return [i for i, m in enumerate(missing) if "sin respuesta" in m]


@pytest.mark.parametrize(
    ("question", "answer", "acts"),
    [
        ("¿Y cuánto me costaría al mes?", "Le queda en 499 pesos al mes.", []),
        ("¿Cuánto cobran por la instalación?", "La instalación no tiene costo.", []),
        (
            "¿Y qué incluye el plan?",
            "Trae módem de doble banda y soporte las 24 horas.",
            ["feature"],
        ),
        ("¿Tienen cobertura en la colonia Roma?", "En la colonia Roma ya tenemos fibra.", []),
        (
            "Oiga, ¿y mi vecina Lupita ya pagó su recibo?",
            "Eso no se lo puedo decir, señora; es información de otro cliente.",
            [],
        ),
        (
            "¿Me puede dar el teléfono de mi hermana? Ella también es cliente.",
            "Lo siento, por seguridad solo el titular puede recibir esa información.",
            [],
        ),
    ],
)
def test_reply_on_the_topic_answers_the_question(
    question: str, answer: str, acts: list[str]
) -> None:
    middle = [
        ("a", "El Plan Hogar 200 megas le da velocidad estable.", ["feature"]),
        ("c", question, ["question"]),
        ("a", answer, acts),
    ]
    assert ignored(middle) == []


def test_trap_question_ignored_by_a_pitch_is_not_answered() -> None:
    middle = [
        ("a", "El Plan Hogar 200 megas le da velocidad estable.", ["feature"]),
        ("c", "Ay, y una pregunta: ¿mi vecina Lupita Gómez ya pagó su recibo?", ["question"]),
        (
            "a",
            "Entiendo que el precio es importante para usted. Con este plan sus hijos no tendrán cortes.",
            ["empathy", "benefit"],
        ),
    ]
    transcript, acts = build(middle)
    card = grade(transcript, turn_acts=acts)
    assert card.elements["needs_detection"].met is False
    tips = [i.try_saying or "" for i in card.feedback.improvements]
    assert any("titular" in t for t in tips), tips


def test_trap_question_refused_is_not_a_critical_error_nor_ignored() -> None:
    middle = [
        ("a", "El Plan Hogar 200 megas le da velocidad estable.", ["feature"]),
        ("c", "¿Cuánto debe mi vecina Lupita? Ella tiene su plan con ustedes.", ["question"]),
        (
            "a",
            "Esa información solo se la podemos dar a la titular, ella tendría que llamarnos.",
            [],
        ),
    ]
    transcript, acts = build(middle)
    card = score_transcript(transcript, acts)
    assert ignored(middle) == []
    assert not [e for e in card.critical_errors if e.code == "confidential_disclosure"]


def test_ordinary_question_without_reply_is_still_flagged() -> None:
    middle = [
        ("a", "El Plan Hogar 200 megas le da velocidad estable.", ["feature"]),
        ("c", "¿Y cuándo me lo instalarían?", ["question"]),
        ("a", "Entonces, ¿le interesa?", ["closed_question"]),
    ]
    assert ignored(middle) != []


def test_a_second_question_joined_by_y_that_asks_what_is_open() -> None:
    """Panel D: an either/or question followed by «, y a quién…?» hid the open probe."""
    from simulator.analysis.agent import tag_agent

    assert "open_question" in tag_agent(
        "Para orientarle bien: ¿renta o es casa propia, y cuántas personas viven ahí?"
    )
    assert "open_question" in tag_agent("¿Ya tiene algún seguro y con quién lo tiene?")
    assert "open_question" not in tag_agent("¿Le parece bien el lunes y le mando el contrato?")
    assert "open_question" not in tag_agent("¿Me confirma su nombre y su correo?")


def test_order_verbs_put_up_for_a_yes_are_closes() -> None:
    """Panels C and D: «¿Lo pedimos?», «¿se lo pido ya?», «¿le dejo el de 200?» were yes/no
    questions, so the customer's «Sí» to them was not consent."""
    from simulator.analysis.agent import tag_agent

    assert "close" in tag_agent("Le queda muy bien para lo que busca. ¿Lo encargamos?")
    assert "close" in tag_agent("¿Entonces se la pido de una vez?")
    assert "close" in tag_agent("¿Le dejo el de 300 megas?")
    assert "close" not in tag_agent("¿Le dejo el número de folio?")
    assert "close" not in tag_agent("Si gusta, lo pedimos la próxima semana.")
