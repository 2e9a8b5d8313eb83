"""Element judgements on calls from outside the simulator read by meaning, not by one source's
phrasing (issue 12 items 6, 7, 9; helper elements-c, session 19): a greeting by name after the
line check, the purpose in the tú register, the offer as an outbound call's purpose, a probe whose
answer is «no», a service case pinned down, a close cut after «eso sería todo», a customer's
request to be called later or never again, an account looked at before anyone is identified, and
an absent right party. Every sentence was written for this test."""

from __future__ import annotations

from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript


def _card(
    lines: list[tuple[str, str]], kind: str = "sale", company: str | None = None
) -> Scorecard:
    turns = [{"speaker": s, "text": t} for s, t in lines]
    call = {"kind": kind, "turns": turns, "company": company}
    return score_transcript(Transcript.model_validate(call))


def _met(lines: list[tuple[str, str]], element: str, kind: str = "sale") -> bool | None:
    return _card(lines, kind).elements[element].met


OUTBOUND = [
    (
        "agent",
        "¿Bueno? ¿Bueno?... muy buenas tardes ROSALBA QUINTERO. Te habla Julián Mora de "
        "Fibranet, tu asesor del área de promociones.",
    ),
    ("customer", "Buenas tardes, sí, dígame."),
    (
        "agent",
        "Solo quería platicarte que este mes tenemos el doble de megas por 80 pesos más al "
        "mes. ¿Te interesa?",
    ),
    ("customer", "No, gracias, así estoy bien. Mejor llámenme otro día, ahorita voy manejando."),
]


def test_greeting_by_name_after_line_check_and_tu_purpose_meet_the_opening() -> None:
    lines = [*OUTBOUND, ("agent", "Con gusto, gracias por tu tiempo, que tengas buen día.")]
    assert _met(lines, "opening_protocol") is True


def test_callback_asked_for_and_let_pass_fails_data_management() -> None:
    lines = [*OUTBOUND, ("agent", "Con gusto, gracias por tu tiempo, que tengas buen día.")]
    card = _card(lines)
    assert card.elements["data_management"].met is False
    assert any("volver a llamar" in m for m in card.elements["data_management"].missing)


def test_callback_agreed_with_a_time_meets_data_management() -> None:
    lines = [
        *OUTBOUND,
        (
            "agent",
            "Claro, te marco mañana a las seis de la tarde. Gracias por tu tiempo, "
            "que tengas buen día.",
        ),
    ]
    assert _met(lines, "data_management") is True


def test_declined_offer_thanked_and_let_go_needs_no_offer_of_more_help() -> None:
    lines = [
        *OUTBOUND,
        ("agent", "Entiendo, respeto tu decisión."),
        ("customer", "Órale pues, gracias."),
        ("agent", "Gracias a ti por tu tiempo, que tengas buena tarde."),
    ]
    assert _met(lines, "call_closing") is True


def test_open_situation_probe_answered_none_is_needs_detection() -> None:
    lines = [
        (
            "agent",
            "Buenas tardes, habla Julián Mora de Fibranet. ¿Hablo con el señor Tomás Ibarra?",
        ),
        ("customer", "Sí, soy yo."),
        (
            "agent",
            "Gracias, señor Tomás. ¿Qué servicios de películas paga hoy aparte de su internet?",
        ),
        ("customer", "Ninguno."),
        (
            "agent",
            "Le ofrecemos tres plataformas de películas por 199 pesos al mes en su recibo. "
            "¿Se las activo?",
        ),
        ("customer", "No, gracias."),
        ("agent", "Entiendo, gracias por su tiempo, que tenga buena tarde."),
    ]
    assert _met(lines, "needs_detection") is True


def test_service_case_pinned_down_by_a_question_is_needs_detection() -> None:
    lines = [
        ("agent", "Paquetería Velozmex, le atiende Sandra Ruiz."),
        ("customer", "Buenos días, quiero saber dónde quedó mi paquete, no me ha llegado."),
        ("agent", "Con gusto. ¿Me proporciona su número de guía?"),
        ("customer", "Es la VX-20931."),
        ("agent", "Gracias. Su paquete sale a reparto mañana. ¿Algo más en que le ayude?"),
        ("customer", "No, es todo."),
    ]
    card = _card(lines, kind="service", company="Velozmex")
    assert card.elements["opening_protocol"].met is True  # the answer formula greets
    assert card.elements["needs_detection"].met is True
    assert card.elements["call_closing"].met is True  # cut after «es todo»


def test_account_looked_at_before_anyone_is_identified_fails_data_management() -> None:
    lines = [
        ("agent", "Buenas tardes, área de aclaraciones, le atiende Sandra."),
        ("customer", "Me cobraron dos veces la mensualidad y quiero que me la regresen."),
        ("agent", "Permítame revisar su cuenta."),
        ("customer", "Sí, aquí espero."),
        ("agent", "Ya vi los dos cargos, le genero un folio de aclaración."),
        ("customer", "Gracias."),
        ("agent", "A usted. ¿Algo más en que le ayude? Que tenga buena tarde."),
    ]
    assert _met(lines, "data_management", kind="complaint") is False


def test_absent_right_party_owes_no_close_in_a_sale() -> None:
    lines = [
        (
            "agent",
            "Buenas tardes, le hablo de Herrajes Norte. ¿Se encontrará el encargado de compras?",
        ),
        ("customer", "No, salió a comer, regresa como a las cuatro."),
        ("agent", "Muy bien, gracias, hasta luego."),
    ]
    card = _card(lines)
    assert card.elements["objection_handling"].met is None
    assert card.elements["product_information"].met is None
