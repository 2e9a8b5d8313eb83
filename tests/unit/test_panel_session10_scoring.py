"""Scorer findings of the session 10 blind panel (m, n, o, p), on our own lines:
- a service report or a collections promise confirmed after an earlier question is consented;
  a service the customer called for lacks consent only when the customer refused it;
- «¿y?» / «¿por?» are no unanswered questions; a repair («perdón, me expliqué mal») answers;
- «¿cuánto van a tardar?» asks for a time, answered late by «de inmediato»;
- «¿algo más?» answered «nada más» stays the offer of more help; thanks signed with the agent's
  name is a farewell; «Gracias por esperarme» thanks the wait;
- a date read back in words is the ISO capture, and what the customer confirmed stands;
- no «sin personalización» when the customer never gave a name in an inbound call."""

from __future__ import annotations

from typing import Any

from simulator.models.scorecard import Scorecard
from simulator.scoring import score_transcript
from simulator.scoring.context import CallContext
from simulator.scoring.data_terms import day_month, same_date
from tests.unit.test_scoring_rules import build

Line = tuple[Any, ...]

SERVICE_OPENING: list[Line] = [
    (
        "a",
        "Gracias por llamar a Internet Veloz, le atiende Mariana. ¿Con quién tengo el gusto?",
        "greeting",
        "company_id",
        "agent_id",
        "data_request",
    ),
    ("c", "Soy Rosa María Hernández y no tengo internet desde ayer.", "need_statement"),
    (
        "a",
        "Lamento mucho la falla, señora Hernández. ¿Qué luces ve en su módem?",
        "empathy",
        "open_question",
    ),
    ("c", "Una roja. Oiga, ¿y me van a cobrar la visita?", "question"),
]
READ_BACK: list[Line] = [
    (
        "a",
        "La visita no tiene costo si la falla es de la red. Le confirmo: Rosa María Hernández, "
        "teléfono 55 1234 5678, visita mañana de 9 a 13. ¿Es correcto y registro el reporte?",
        "feature",
        "data_confirmation",
    ),
]
SERVICE_CLOSING: list[Line] = [
    (
        "a",
        "Quedó registrado, señora Hernández. ¿Hay algo más en lo que le pueda ayudar?",
        "offer_more",
    ),
    ("c", "No, gracias.", "other"),
    ("a", "Gracias por su llamada. Que tenga excelente tarde.", "thanks", "farewell"),
]


def _card(lines: list[Line], **fields: Any) -> Scorecard:
    transcript, acts = build(lines, **fields)
    return score_transcript(transcript, acts)


def _service(middle: list[Line], events: list[dict[str, Any]]) -> Scorecard:
    lines = SERVICE_OPENING + middle + SERVICE_CLOSING
    return _card(lines, kind="service", outcome="resolved", events=events)


def _codes(card: Scorecard) -> list[str]:
    return [e.code for e in card.critical_errors]


def test_a_service_report_confirmed_after_a_question_is_consented() -> None:
    middle = READ_BACK + [("c", "Sí, correcto.", "other")]
    events = [
        {"type": "consent", "value": "hesitated", "after_turn": 4, "t": 1.0},
        {"type": "sale_registered", "value": "Visita técnica", "after_turn": 6, "t": 2.0},
    ]
    card = _service(middle, events)
    assert "sale_without_consent" not in _codes(card)
    assert card.elements["call_closing"].met is True


def test_a_service_the_customer_refused_is_still_without_consent() -> None:
    middle = READ_BACK + [("c", "No, no me registre nada, ya no quiero la visita.", "refusal")]
    events = [
        {"type": "consent", "value": "refused", "after_turn": 6, "t": 1.0},
        {"type": "sale_registered", "value": "Visita técnica", "after_turn": 6, "t": 2.0},
    ]
    assert "sale_without_consent" in _codes(_service(middle, events))


def test_a_service_registered_without_asking_is_what_the_customer_called_for() -> None:
    middle: list[Line] = [
        ("a", "No tiene costo. ¿Me da un teléfono?", "feature", "data_request"),
        ("c", "55 1234 5678.", "data_given"),
    ]
    events = [{"type": "sale_registered", "value": "Visita técnica", "after_turn": 6, "t": 2.0}]
    assert "sale_without_consent" not in _codes(_service(middle, events))


def test_a_collections_promise_confirmed_after_a_doubt_is_consented() -> None:
    lines: list[Line] = [
        ("c", "¿Bueno?", "other"),
        (
            "a",
            "Buenas tardes, le habla Mariana de Banco Horizonte. ¿Hablo con la señora Rosa "
            "María Hernández?",
            "greeting",
            "company_id",
            "agent_id",
            "closed_question",
        ),
        ("c", "Sí, soy yo.", "other"),
        (
            "a",
            "Su tarjeta tiene un pago vencido de 1,850 pesos. ¿Cuándo puede pagar?",
            "feature",
            "close",
        ),
        ("c", "¿Y cómo sé que es del banco?", "objection", "question"),
        (
            "a",
            "Puede marcar al número de su tarjeta. ¿Qué pasó, por qué no ha pagado?",
            "objection_response",
            "open_question",
        ),
        ("c", "Me quedé sin trabajo, ya entré a otro.", "need_statement"),
        ("a", "Entiendo. ¿Y son los 1,850 completos el día 27?", "closed_question"),
        ("c", "Así es.", "other"),
        ("a", "Gracias, queda su promesa. Que tenga buena tarde.", "thanks", "farewell"),
    ]
    events = [
        {"type": "consent", "value": "hesitated", "after_turn": 5, "t": 1.0},
        {"type": "sale_registered", "value": "Pago mínimo vencido", "after_turn": 9, "t": 2.0},
    ]
    card = _card(lines, kind="collections", outcome="unresolved", events=events)
    assert "sale_without_consent" not in _codes(card)


def _needs_missing(middle: list[Line]) -> list[str]:
    card = _service(middle, [])
    return card.elements["needs_detection"].missing


def test_a_bare_fragment_is_no_unanswered_question() -> None:
    middle: list[Line] = [
        ("a", "La visita no tiene costo si la falla es de la red.", "feature"),
        ("c", "Sí, ¿por?", "question"),
        (
            "a",
            "Para registrarlo bien: ¿quiere la visita en la mañana o en la tarde?",
            "closed_question",
        ),
        ("c", "En la mañana.", "other"),
    ]
    assert not any("sin respuesta" in m for m in _needs_missing(middle))


def test_what_else_asks_the_agent_to_go_on() -> None:
    """«No. ¿Qué más?» from a hurried customer asks for the next question (session 16)."""
    middle: list[Line] = [
        ("a", "La visita no tiene costo si la falla es de la red.", "feature"),
        ("c", "Ah, bueno.", "other"),
        ("a", "¿Hoy lo usa más para trabajar, sí o no?", "closed_question"),
        ("c", "No. ¿Y qué más?", "question"),
        ("a", "Bien. ¿Cuántas personas viven con usted?", "open_question"),
        ("c", "Somos tres.", "other"),
    ]
    assert not any("sin respuesta" in m for m in _needs_missing(middle))


def test_a_repair_answers_a_confused_question() -> None:
    middle: list[Line] = [
        ("a", "La visita no tiene costo si la falla es de la red.", "feature"),
        ("c", "¿Para qué lo quiere saber?", "question"),
        ("a", "Perdón, creo que no me expliqué: no necesito nada más de usted.", "acknowledgement"),
        ("c", "Ah, bueno.", "other"),
    ]
    assert not any("sin respuesta" in m for m in _needs_missing(middle))


def test_how_long_is_a_time_question_answered_late_with_a_time() -> None:
    middle: list[Line] = [
        ("a", "La visita no tiene costo si la falla es de la red.", "feature"),
        ("c", "¿Y cuánto van a tardar?", "question"),
        ("a", "Perdón, ¿la luz roja está fija o parpadea?", "closed_question"),
        ("c", "Fija.", "other"),
        ("a", "Muy bien, lo atendemos de inmediato. ¿Me da un teléfono?", "data_request"),
        ("c", "55 1234 5678.", "data_given"),
    ]
    assert not any("sin respuesta" in m for m in _needs_missing(middle))


def test_nothing_more_keeps_the_offer_and_a_signed_thanks_is_a_farewell() -> None:
    lines = SERVICE_OPENING + [
        ("a", "No tiene costo. ¿Hay algo más en lo que le pueda ayudar?", "feature", "offer_more"),
        ("c", "Nada más. Mándeme las condiciones por escrito.", "other"),
        ("a", "Con gusto. ¿A qué correo se las envío?", "data_request"),
        ("c", "Déjeme ver.", "other"),
        ("a", "Claro, aquí la espero.", "acknowledgement"),
        ("c", "Mejor luego.", "other"),
        (
            "a",
            "Gracias a usted por llamar a Internet Veloz, señora Hernández, le atendió Mariana.",
            "thanks",
            "agent_id",
        ),
    ]
    card = _card(lines, kind="service", outcome="resolved")
    assert card.elements["call_closing"].met is True
    assert "missing_farewell" not in [e.code for e in card.non_critical_errors]


def test_thanks_for_waiting_said_otherwise_thanks_the_hold() -> None:
    lines = (
        SERVICE_OPENING
        + [
            ("a", "¿Me permite unos segundos en línea?", "hold_request"),
            ("c", "Claro.", "other"),
            (
                "a",
                "Gracias por esperarme, señora Hernández. La visita no tiene costo.",
                "thanks",
                "feature",
            ),
            ("c", "Qué bueno.", "other"),
        ]
        + SERVICE_CLOSING
    )
    events = [
        {"type": "hold_start", "after_turn": 6, "t": 10.0},
        {"type": "hold_end", "after_turn": 6, "t": 20.0},
    ]
    card = _card(lines, kind="service", outcome="resolved", events=events)
    assert "hold_without_thanks" not in [e.code for e in card.non_critical_errors]


def test_a_date_in_words_is_the_iso_capture() -> None:
    assert day_month("2027-01-05") == (5, 1)
    assert same_date("2027-01-05", "para el 5 de enero, sujeto a cobertura")
    assert not same_date("2027-01-05", "para el 5 de diciembre")
    assert day_month("55 34 56 78 12") is None


def _data_card(confirm: str) -> Scorecard:
    lines = (
        SERVICE_OPENING[:2]
        + [
            ("a", "¿Para qué fecha quiere el cambio?", "data_request"),
            ("c", "El 5.", "data_given"),
            ("a", "Nada más para no equivocarme: ¿es el 5 de enero?", "data_confirmation"),
            ("c", confirm, "other"),
        ]
        + SERVICE_CLOSING
    )
    transcript, acts = build(
        lines,
        kind="service",
        outcome="resolved",
        required_fields=["fecha_cambio"],
        customer_data={"nombre": "Rosa María Hernández", "fecha_cambio": "5 de diciembre"},
        capture={"fecha_cambio": "2027-01-05"},
    )
    return score_transcript(transcript, acts)


def test_what_the_customer_confirmed_is_what_had_to_be_captured() -> None:
    assert not any(
        "no coincide" in m for m in _data_card("Así es.").elements["data_management"].missing
    )


def test_no_personalization_needs_a_name_the_agent_could_know() -> None:
    lines: list[Line] = [
        (
            "a",
            "Gracias por llamar a Internet Veloz, le atiende Mariana. ¿Con quién tengo el gusto?",
            "greeting",
            "company_id",
            "agent_id",
            "data_request",
        ),
        ("c", "Mire, no tengo internet.", "need_statement"),
    ] + SERVICE_CLOSING
    transcript, acts = build(lines, kind="service", outcome="resolved")
    ctx = CallContext.build(transcript, acts)
    assert not ctx.is_outbound
    card = score_transcript(transcript, acts)
    assert "no_personalization" not in [e.code for e in card.non_critical_errors]
