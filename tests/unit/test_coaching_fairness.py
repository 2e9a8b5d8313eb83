"""Feedback, skills and plan a trainer would sign (blind panel of session 10, issue 12 items 6–7).

Each test states a general mechanism with our own lines, not the panel's: a terse customer does
not make the agent's talk share a fault, a read-back is no monologue, a choice or a question with
an interrogative is not «closed», a suggestion never cuts a phrase in two, a greeting is not an
objection handled, and the plan never asks for what the call already did.
"""

from __future__ import annotations

from simulator.coaching import grade
from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript

CATALOG = [{"name": "Plan Hogar 200 megas", "price": 499, "period": "mes"}]


def _card(turns: list[tuple[str, str]], kind: str = "sale", **extra: object) -> Scorecard:
    return grade(
        Transcript.model_validate(
            {
                "kind": kind,
                "company": "Internet Veloz",
                "agent_name": "Mariana",
                "catalog": CATALOG,
                "turns": [{"speaker": s, "text": t} for s, t in turns],
                **extra,
            }
        )
    )


TERSE_CALL = [
    ("agent", "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa Díaz?"),
    ("customer", "Sí, ella habla."),
    ("agent", "Mucho gusto, señora Rosa. ¿Cómo usan el internet en su casa durante el día?"),
    ("customer", "Pues para la escuela."),
    (
        "agent",
        "Ah, o sea que sus hijos toman clases en línea con ese internet. Ha de ser muy"
        " frustrante cuando se corta a media clase. ¿A qué hora se le traba más?",
    ),
    ("customer", "En la tarde."),
    (
        "agent",
        "Entiendo, justo en la tarde, cuando todos están conectados. Lamento mucho que les pase"
        " eso. ¿Y cuántas personas se conectan a esa hora, más o menos?",
    ),
    ("customer", "Tres."),
]


def test_a_terse_customer_does_not_turn_talk_share_into_a_fault() -> None:
    card = _card(TERSE_CALL)
    assert (card.metrics["agent_talk_share"] or 0) > 0.8
    assert (card.skills["active_listening"] or 0) >= 80
    assert "active_listening" not in [p.skill for p in card.coaching_plan.priorities]


def test_a_read_back_of_the_captured_data_is_no_monologue() -> None:
    read_back = (
        "Le leo todo para confirmar: nombre Rosa María Díaz López, teléfono 55 12 34 56 78,"
        " correo rosa punto diaz arroba correo punto com, dirección calle Olivo 12, colonia"
        " Centro, Puebla. Plan Hogar 200 megas a 499 pesos al mes, sin plazo forzoso, con"
        " instalación gratis el jueves por la mañana de 9 a 13 horas y el primer cobro en su"
        " siguiente corte. ¿Es correcto y lo registro?"
    )
    turns = [*TERSE_CALL, ("agent", read_back), ("customer", "Sí, correcto.")]
    card = _card(
        turns,
        required_fields=["nombre", "telefono"],
        capture={"nombre": "Rosa María Díaz López", "telefono": "5512345678"},
    )
    assert (card.metrics["longest_monologue_words"] or 0) < 60
    assert not any(i.message.startswith("Monólogo") for i in card.feedback.improvements)


def test_choice_and_interrogative_questions_are_not_flagged_as_closed() -> None:
    turns = [
        ("agent", "Gracias por llamar a Internet Veloz, le atiende Mariana. ¿En qué le ayudo?"),
        ("customer", "No tengo internet desde ayer."),
        ("agent", "¿La visita la prefiere de 9 a 13 o de 14 a 18 horas?"),
        ("customer", "En la tarde."),
        ("agent", "Y me cuenta qué luces ve en el módem, ¿están en rojo?"),
        ("customer", "Una roja."),
    ]
    card = _card(turns, kind="service")
    flagged = [i.turn for i in card.feedback.improvements if "pregunta cerrada" in i.message]
    assert 3 not in flagged and 5 not in flagged


def test_a_greeting_is_never_praised_as_handling_an_objection() -> None:
    turns = [
        ("customer", "¿Bueno? Estoy en una junta, no puedo hablar."),
        ("agent", "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa?"),
        ("customer", "Sí."),
    ]
    card = _card(turns)
    praised = [i.turn for i in card.feedback.strengths if i.skill == "objection_handling"]
    assert 2 not in praised


def test_a_service_call_without_wrong_facts_keeps_full_product_knowledge() -> None:
    turns = [
        ("agent", "Gracias por llamar a Internet Veloz, le atiende Mariana. ¿En qué le ayudo?"),
        ("customer", "Me cobraron dos veces la mensualidad."),
        (
            "agent",
            "Lamento la molestia. Le levanto la aclaración y el cargo duplicado se le devuelve"
            " en 5 a 10 días hábiles. ¿Le queda claro?",
        ),
        ("customer", "Sí, gracias."),
    ]
    card = _card(turns, kind="service")
    if card.elements["product_information"].met:
        assert card.skills["product_knowledge"] == 100
