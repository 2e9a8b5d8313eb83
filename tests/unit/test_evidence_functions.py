"""Element evidence comes from the turn that did the thing (issue 12, blind panel M, helper
score-n): the closing is shown by «¿algo más?» and the goodbye, not by the sales close or a
confidentiality refusal; the data by the request and the read-back, not by an apology; product
information by the turns that state the offer, not by a data request; needs detection by the
probes, not by «¿me regala tres minutos?»; and the feedback praises an open probe of the
situation, not a question for a date. Every sentence was written for this test."""

from __future__ import annotations

from simulator.coaching.grading import grade
from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript
from simulator.scoring.engine import score_with_context
from simulator.scoring.turn_functions import functions

SALE = [
    ("agent", "Buenas tardes, le habla Tomás de Cable Norte. ¿Hablo con el señor Ramiro Ochoa?"),
    ("customer", "Sí, soy yo."),
    (
        "agent",
        "Mucho gusto, don Ramiro. Le llamo porque tenemos planes de internet para su casa, "
        "¿me regala tres minutos?",
    ),
    ("customer", "Pues rápido, ándele."),
    (
        "agent",
        "Gracias. Platíqueme, ¿para qué usan el internet en su casa y cómo le ha funcionado?",
    ),
    ("customer", "Mis hijas hacen tarea en línea y en la noche se corta a cada rato."),
    (
        "agent",
        "Entiendo, entonces en las noches, justo cuando sus hijas hacen la tarea, la conexión "
        "se le corta y eso les complica el estudio.",
    ),
    ("customer", "Así es."),
    (
        "agent",
        "Para eso le recomiendo el Plan Hogar 100 megas: aguanta varios equipos a la vez sin "
        "cortes y cuesta 450 pesos al mes. ¿Le gustaría contratarlo?",
    ),
    ("customer", "Uy, está caro, yo pago 350 ahorita."),
    (
        "agent",
        "Le entiendo, cada peso cuenta. Son 100 pesos más, unos tres pesos al día, y a cambio "
        "sus hijas dejan de perder la conexión a media tarea. ¿Lo dejamos contratado?",
    ),
    ("customer", "Bueno, sí, contrátelo."),
    ("agent", "Perfecto. ¿Me da su correo electrónico para mandarle el contrato?"),
    ("customer", "Es ramiro.ochoa@correo.mx."),
    ("agent", "Le confirmo: ramiro punto ochoa arroba correo punto mx. ¿Es correcto?"),
    ("customer", "Sí, correcto."),
    (
        "agent",
        "Listo, ya quedó registrada su contratación del Plan Hogar 100 megas. ¿Hay algo más en "
        "lo que le pueda ayudar?",
    ),
    ("customer", "Oiga, ¿y mi vecino del 4 también lo tiene contratado? ¿Cuánto paga él?"),
    (
        "agent",
        "Entiendo la curiosidad, pero por privacidad no le puedo dar información de otros "
        "clientes. ¿Le ayudo en algo más?",
    ),
    ("customer", "No, es todo."),
    ("agent", "Gracias por su tiempo, don Ramiro. Le atendió Tomás de Cable Norte; buena tarde."),
]


def _score(lines: list[tuple[str, str]], kind: str = "sale") -> tuple[Scorecard, object]:
    transcript = Transcript.model_validate(
        {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    return score_with_context(transcript)


def _cited(card: Scorecard, key: str) -> list[int]:
    return [e.turn for e in card.elements[key].evidence]


def test_each_element_is_shown_by_the_turn_of_its_function() -> None:
    card, _ = _score(SALE)
    assert _cited(card, "needs_detection") == [5, 7]  # the probe and the paraphrase, not T3
    assert _cited(card, "product_information") == [9, 11]
    assert _cited(card, "objection_handling") == [11]  # the answer to «está caro»
    assert _cited(card, "data_management") == [13, 15]  # the request and the read-back
    assert _cited(card, "call_closing") == [17, 21]  # «¿algo más?» and the goodbye


def test_a_confidentiality_refusal_is_no_close_of_the_call() -> None:
    card, ctx = _score(SALE)
    assert "refusal" in functions(ctx, 19)  # type: ignore[arg-type]
    assert 19 not in _cited(card, "call_closing")
    assert 11 not in _cited(card, "call_closing")  # the sales close is no close of the call


def test_permission_to_go_on_and_the_purpose_are_no_probe() -> None:
    _, ctx = _score(SALE)
    said = functions(ctx, 3)  # type: ignore[arg-type]
    assert "probe" not in said and "call_back" not in said
    assert "open_probe" in functions(ctx, 5)  # type: ignore[arg-type]


def test_a_data_request_that_mentions_the_offer_is_not_its_information() -> None:
    lines = list(SALE)
    lines[12] = (
        "agent",
        "Perfecto, la instalación es sin costo. ¿Me da su correo electrónico para el contrato?",
    )
    card, _ = _score(lines)
    assert 13 not in _cited(card, "product_information")
    assert 13 in _cited(card, "data_management")


def test_an_explanation_said_again_is_no_read_back() -> None:
    lines = list(SALE)
    lines[13] = ("customer", "Oiga, ¿y dónde le voy a pagar?")
    lines[14] = (
        "agent",
        "Se lo repito con calma: puede pagar en cualquier sucursal o en línea. ¿Es correcto?",
    )
    _, ctx = _score(lines)
    assert "read_back" not in functions(ctx, 15)  # type: ignore[arg-type]


def test_a_question_for_a_date_is_not_praised_as_an_open_probe() -> None:
    lines = [
        ("agent", "Gracias por llamar a Cable Norte, le atiende Sofía. ¿En qué le puedo ayudar?"),
        ("customer", "Me voy a cambiar de casa y quiero llevarme el internet."),
        ("agent", "Claro. ¿Y qué fecha quiere el cambio?"),
        ("customer", "El quince."),
        ("agent", "Anotado el quince. El cambio no tiene costo y queda en tres días hábiles."),
        ("customer", "Va, gracias."),
        ("agent", "¿Algo más en lo que le ayude? Gracias por llamar a Cable Norte, buen día."),
    ]
    transcript = Transcript.model_validate(
        {"kind": "service", "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    card = grade(transcript)
    assert all(item.turn != 3 for item in card.feedback.strengths if item.skill == "probing")
