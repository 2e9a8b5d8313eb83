"""Openings and closes said the way agents say them (issue 12, item 7; session 15, from the
disagreements on the external dev calls). Our own sentences.

Rules a trainer would state:
- «¿Necesitas algo más?» (tú) and an open door («no dude en llamarnos si…») offer more help.
- «Hasta el viernes» / «hasta entonces» take leave as «hasta luego» does.
- «Para eso estamos» answers the customer's thanks (the agent's courtesy).
- «Buenas tardes, ¿el señor Ríos?» asks who answers as «¿hablo con…?» does; greeting the person
  by name («Buenos días, Marta, te llamo de…») and not being corrected confirms the identity.
- «Te llamo para…», «les estamos contactando porque…» state the purpose of an outbound call.
"""

from __future__ import annotations

import pytest

from simulator.analysis.agent import tag_agent
from simulator.models.transcript import Transcript
from simulator.scoring import text as tx
from simulator.scoring.engine import score_transcript


@pytest.mark.parametrize(
    "text",
    [
        "¿Necesitas algo más, Rocío?",
        "¿Ocupa algo más?",
        "Cualquier cosa, no dude en llamarnos.",
        "Listo. Si te surge otra duda, aquí estamos.",
    ],
)
def test_informal_and_open_door_offers_of_more_help(text: str) -> None:
    assert "offer_more" in tag_agent(text), text


def test_a_question_about_needs_is_no_offer_of_more_help() -> None:
    assert "offer_more" not in tag_agent("¿Qué necesita para su negocio?")


@pytest.mark.parametrize("text", ["Gracias, Toño, hasta el lunes.", "Perfecto, hasta entonces."])
def test_goodbye_naming_the_next_contact(text: str) -> None:
    assert "farewell" in tag_agent(text), text


def test_hasta_inside_a_sentence_is_no_goodbye() -> None:
    assert "farewell" not in tag_agent("El descuento dura hasta el viernes de la próxima semana.")


def test_para_eso_estamos_answers_thanks() -> None:
    assert "thanks" in tag_agent("Para eso estamos.", "Muchas gracias por todo.")


@pytest.mark.parametrize(
    "text", ["Buenas tardes, ¿el señor Ríos?", "¿La licenciada Pineda?", "Hola, ¿la señora Ugalde?"]
)
def test_bare_title_and_name_is_an_identity_check(text: str) -> None:
    assert tx.cue("identity_check").search(tx.fold(text)), text


def test_a_title_and_name_in_a_sentence_is_no_identity_check() -> None:
    assert not tx.cue("identity_check").search(tx.fold("El señor Ríos ya pagó su factura."))


@pytest.mark.parametrize(
    "text",
    [
        "Te llamo para platicarte de la nueva app de pagos.",
        "Les estamos contactando porque su contrato vence este mes.",
    ],
)
def test_informal_purpose_of_the_call(text: str) -> None:
    assert tx.cue("purpose").search(tx.fold(text)), text


def _opening(first: str, reply: str):  # type: ignore[no-untyped-def]
    data = {
        "kind": "sale",
        "company": "Redes Altiplano",
        "turns": [
            {"speaker": "agent", "text": first},
            {"speaker": "customer", "text": reply},
            {"speaker": "agent", "text": "¿Qué tanto usan el internet en la oficina?"},
            {"speaker": "customer", "text": "Todo el día, somos ocho."},
        ],
    }
    return score_transcript(Transcript.model_validate(data)).elements["opening_protocol"]


GREETING_BY_NAME = (
    "Buenos días, Marta, te llamo de Redes Altiplano, soy Iván. "
    "Te llamo para darle seguimiento a la cotización."
)


def test_greeting_by_name_not_corrected_confirms_who_answers() -> None:
    result = _opening(GREETING_BY_NAME, "Hola Iván, sí, dime.")
    assert result.met is True, result.missing


def test_greeting_by_name_corrected_confirms_nothing() -> None:
    result = _opening(GREETING_BY_NAME, "No, se equivoca, no soy Marta.")
    assert result.met is False
    assert any("Confirmar" in m for m in result.missing)


def _third_party_call(reply: str):  # type: ignore[no-untyped-def]
    from simulator.analysis import analyze_turns
    from simulator.scoring.applicability import third_party
    from simulator.scoring.context import CallContext

    data = {
        "kind": "sale",
        "turns": [
            {"speaker": "agent", "text": "Buenas tardes, ¿es usted el titular de la línea?"},
            {"speaker": "customer", "text": reply},
            {"speaker": "agent", "text": "¿Y sabe a qué hora lo encuentro?"},
            {"speaker": "customer", "text": "Ni idea, joven."},
        ],
    }
    transcript = Transcript.model_validate(data)
    return third_party(CallContext.build(transcript, list(analyze_turns(transcript.turns))))


def test_a_bare_no_to_the_identity_check_is_a_third_party_call() -> None:
    assert _third_party_call("No…") is True


def test_a_yes_to_the_identity_check_is_the_right_party() -> None:
    assert _third_party_call("Sí, soy yo.") is False


RECEPTIONIST = [
    ("customer", "Ferretería El Clavo, buenas tardes."),
    ("agent", "Buenas tardes, ¿se encontrará el encargado de compras?"),
    ("customer", "No, una disculpa."),
    ("agent", "Le dejo mi número para que nos llame, le ofrecemos tornillería a buen precio."),
    ("customer", "Sí, yo le paso el recado."),
]


def test_the_person_asked_for_not_there_is_a_third_party_sale() -> None:
    """A receptionist who says the buyer is not in cannot buy: no close is owed to her, so
    objection handling (which asks for a close) does not apply when she raised no objection."""
    data = {"kind": "sale", "turns": [{"speaker": s, "text": t} for s, t in RECEPTIONIST]}
    card = score_transcript(Transcript.model_validate(data))
    assert card.elements["objection_handling"].met is None
    assert card.elements["needs_detection"].met is None


BUSY = [
    ("agent", "Buenas tardes, ¿hablo con el señor Lara? Le llamo de Seguros Cumbre, soy Nora."),
    ("customer", "Sí, soy yo."),
    ("agent", "Le llamo para platicarle de un seguro de gastos médicos. ¿Qué cobertura tiene hoy?"),
    ("customer", "Ahorita no tengo tiempo, estoy manejando."),
    ("agent", "Claro, señor Lara, no se preocupe. Le llamo mañana a las diez."),
    ("customer", "Va, mañana."),
]


def test_a_callback_agreed_with_a_busy_customer_is_the_close_the_call_allows() -> None:
    data = {"kind": "sale", "turns": [{"speaker": s, "text": t} for s, t in BUSY]}
    result = score_transcript(Transcript.model_validate(data)).elements["objection_handling"]
    assert not any("cierre" in m for m in result.missing), result.missing


def test_without_the_callback_the_close_is_still_missing() -> None:
    lines = [*BUSY[:4], ("agent", "Claro, señor Lara, no se preocupe. Disculpe la molestia.")]
    data = {"kind": "sale", "turns": [{"speaker": s, "text": t} for s, t in lines]}
    result = score_transcript(Transcript.model_validate(data)).elements["objection_handling"]
    assert any("cierre" in m for m in result.missing), result.missing


def test_the_customer_moving_the_order_on_is_an_acceptance() -> None:
    from simulator.analysis import tag_customer

    assert "acceptance" in tag_customer("Perfecto, entonces procedemos con la compra.").acts
    assert "acceptance" not in tag_customer("¿Y si no procedemos con la compra?").acts


def _closing(last: str):  # type: ignore[no-untyped-def]
    lines = [
        ("agent", "Buenas tardes, Ópticas Lumen, le atiende Raúl, ¿en qué le puedo ayudar?"),
        ("customer", "Quería saber si ya están mis lentes."),
        ("agent", "Permítame revisar. Sí, ya están listos, puede pasar por ellos hoy."),
        ("customer", last),
    ]
    data = {"kind": "service", "turns": [{"speaker": s, "text": t} for s, t in lines]}
    return score_transcript(Transcript.model_validate(data)).elements["call_closing"]


def test_a_recording_cut_mid_sentence_has_no_closing_to_judge() -> None:
    assert _closing("Ah, qué bien, entonces paso en la tarde y,").met is None


def test_a_finished_line_leaves_the_closing_to_the_agent() -> None:
    assert _closing("Ah, qué bien, entonces paso en la tarde.").met is False


def _complaint(answer: str):  # type: ignore[no-untyped-def]
    from simulator.analysis import tag_customer

    first = "Me cobraron dos veces la mensualidad y nadie me resuelve, ya estoy harta."
    again = "Ya les reclamé tres veces y siguen sin regresarme mi dinero, es una burla."
    assert "complaint" in tag_customer(again).acts  # the shared understanding reads it so
    lines = [
        ("agent", "Buenas tardes, Gimnasios Órbita, le atiende Sofía, ¿en qué le puedo ayudar?"),
        ("customer", first),
        ("agent", "Permítame revisar su cuenta, por favor."),
        ("customer", again),
        ("agent", answer),
        ("customer", "Bueno, a ver si es cierto."),
        (
            "agent",
            "Gracias por su paciencia, ¿algo más en que le pueda ayudar? Que tenga buena tarde.",
        ),
    ]
    data = {"kind": "complaint", "turns": [{"speaker": s, "text": t} for s, t in lines]}
    return score_transcript(Transcript.model_validate(data)).elements["objection_handling"]


def test_a_renewed_complaint_acknowledged_is_handled() -> None:
    answer = (
        "Tiene toda la razón y lamento mucho la molestia; hoy mismo le reembolso el cargo doble."
    )
    assert _complaint(answer).met is True


def test_a_renewed_complaint_ignored_is_not_handled() -> None:
    assert _complaint("No se puede hacer nada. ¿Me da su número de socio?").met is False
