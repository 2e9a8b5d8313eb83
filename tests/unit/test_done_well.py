"""Credit for what was done well (issue 12, item 7): natural closes, offers of more help, thanks
without «gracias», and data answers that belong to another field. Our own sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis.agent import tag_agent
from simulator.models.transcript import Transcript
from simulator.scoring.engine import score_transcript

PROPOSAL_OPINIONS = [
    "Tenemos el plan de 100 y el de 200 megas. ¿Qué opción le sería más conveniente?",
    "Le propongo el Plan Conecta 20: 349 pesos al mes y 20 GB. ¿Cómo lo ve?",
    "Para su caso le recomiendo el paquete de 200 megas, 499 al mes. ¿Qué le parece?",
    "Te propongo el plan de 20 gigas por 349 al mes. ¿Cómo lo ves?",
]


@pytest.mark.parametrize("text", PROPOSAL_OPINIONS)
def test_an_opinion_asked_after_a_proposal_is_a_close(text: str) -> None:
    assert "close" in tag_agent(text), text


@pytest.mark.parametrize(
    "text", ["¿Le parece si la solicitamos de una vez?", "¿Le parece bien si lo tramitamos hoy?"]
)
def test_proposing_to_request_the_product_is_a_close(text: str) -> None:
    assert "close" in tag_agent(text), text


def test_proposing_to_request_a_document_is_no_close() -> None:
    assert "close" not in tag_agent("¿Le parece si le solicito su comprobante de domicilio?")


@pytest.mark.parametrize("text", ["¿Cómo lo ve?", "¿Qué le parece lo que le expliqué?"])
def test_an_opinion_without_a_proposal_stays_a_trial_close(text: str) -> None:
    acts = tag_agent(text)
    assert "close" not in acts and "trial_close" in acts, acts


@pytest.mark.parametrize(
    "text",
    [
        "¿Le ayudo con algo más de su servicio?",
        "Dígame, ¿en qué más le puedo ayudar?",
        "¿Te puedo ayudar con alguna otra cosa?",
    ],
)
def test_natural_offers_of_more_help(text: str) -> None:
    assert "offer_more" in tag_agent(text), text


@pytest.mark.parametrize(
    "text", ["Fue un placer atenderle, que tenga buen día.", "Qué bueno que nos haya llamado."]
)
def test_thanks_without_the_word_gracias(text: str) -> None:
    assert "thanks" in tag_agent(text), text


def _card(lines: list[tuple[str, str]], capture: dict[str, str], required: list[str]):  # type: ignore[no-untyped-def]
    data = {
        "kind": "service",
        "turns": [{"speaker": s, "text": t} for s, t in lines],
        "capture": capture,
        "required_fields": required,
    }
    return score_transcript(Transcript.model_validate(data))


def test_offer_more_a_few_turns_before_the_goodbye_counts() -> None:
    card = _card(
        [
            ("agent", "Buenas tardes, le atiende Laura de Asistencia Total. ¿En qué le ayudo?"),
            ("customer", "Se me rompió una tubería."),
            ("agent", "Le mando un plomero hoy mismo. ¿Hay algo más en que le pueda ayudar?"),
            ("customer", "Ah, sí, ¿cuánto tarda?"),
            ("agent", "Llega en unos noventa minutos, señora."),
            ("customer", "Ok, perfecto."),
            ("agent", "Le agradezco su llamada, le atendió Laura. Que tenga buena tarde."),
        ],
        {},
        [],
    )
    assert card.elements["call_closing"].met is True, card.elements["call_closing"]


def test_a_visit_time_is_not_read_as_the_account_number() -> None:
    card = _card(
        [
            ("agent", "¿Me da su número de cuenta?"),
            ("customer", "Es la AB-112233."),
            (
                "agent",
                "Gracias: AB-112233. ¿A qué número le marcamos y qué horario le acomoda, de 9 a 13 o de 14 a 18?",
            ),
            ("customer", "Es de 9 a 13 horas."),
            ("agent", "Queda de 9 a 13 horas. ¿Y el teléfono?"),
            ("customer", "5512349876."),
            (
                "agent",
                "Anotado: 55 1234 9876, cuenta AB-112233, visita de 9 a 13 horas. ¿Es correcto?",
            ),
        ],
        {"numero_cuenta": "AB-112233", "horario_visita": "9 a 13 horas", "telefono": "5512349876"},
        ["numero_cuenta", "horario_visita", "telefono"],
    )
    missing = card.elements["data_management"].missing
    assert not any("numero cuenta" in m or "número de cuenta" in m for m in missing), missing
    assert not any("horario visita" in m and "dijo" in m for m in missing), missing


@pytest.mark.parametrize(
    ("thanks", "reply"),
    [
        ("No, es todo. Muchas gracias.", "A usted. Que le vaya muy bien."),
        ("Gracias por su ayuda.", "A sus órdenes. Cualquier cosa, aquí estamos para servirle."),
        ("Ok, se lo agradezco.", "Con mucho gusto, que tenga buena noche."),
    ],
)
def test_answering_the_customers_thanks_is_thanks(thanks: str, reply: str) -> None:
    assert "thanks" in tag_agent(reply, thanks), reply
    assert "thanks" not in tag_agent(reply, "Bueno, ¿y el técnico cuándo viene?")


def test_a_generic_service_line_is_no_company_name() -> None:
    assert "company_id" not in tag_agent(
        "Gracias por llamar al centro de atención, ¿en qué le ayudo?"
    )
    assert "company_id" in tag_agent("Gracias por llamar a Seguros Roble, ¿en qué le ayudo?")


@pytest.mark.parametrize(
    "text",
    [
        "Hola, estaba llamando para pedir una reposición de mi tarjeta.",
        "Llamo porque quiero cambiar mi plan.",
    ],
)
def test_the_reason_for_calling_is_a_need(text: str) -> None:
    from simulator.analysis.customer import tag_customer

    assert "need_statement" in tag_customer(text, "¿En qué te puedo ayudar?").acts


INBOUND = [
    ("agent", "Buenas tardes, Seguros Roble, le atiende Marta. ¿En qué le puedo ayudar?"),
    ("customer", "Hola, llamo para saber cuánto debo de mi póliza."),
    ("agent", "Con gusto. ¿Me da su número de póliza?"),
    ("customer", "Es la 4455."),
]


def test_in_an_inbound_call_the_offer_of_help_is_the_probe() -> None:
    card = _card(
        [
            *INBOUND,
            ("agent", "Gracias. Su saldo es de 1,200 pesos. ¿Hay algo más en que le pueda ayudar?"),
            ("customer", "No, gracias."),
            ("agent", "A usted, que tenga buena tarde."),
        ],
        {},
        [],
    )
    assert card.elements["needs_detection"].met is True, card.elements["needs_detection"]
    assert card.elements["call_closing"].met is True, card.elements["call_closing"]


def test_a_question_answered_two_turns_later_is_answered() -> None:
    card = _card(
        [
            *INBOUND,
            ("agent", "Gracias, permítame un momento, por favor, en lo que reviso su póliza."),
            ("customer", "Sí. Oiga, ¿y la póliza cubre a mis hijos también?"),
            ("agent", "Listo, ya encontré su registro, señora Marta Ruiz."),
            ("customer", "Ajá."),
            ("agent", "Y sobre su pregunta: sí, la póliza cubre a sus hijos hasta los 25 años."),
            ("customer", "Ah, qué bueno, gracias."),
            ("agent", "A usted. ¿Algo más en que le pueda ayudar? Que tenga buena tarde."),
        ],
        {},
        [],
    )
    assert "sin respuesta" not in " ".join(card.elements["needs_detection"].missing)


def test_a_question_never_answered_stays_unanswered() -> None:
    card = _card(
        [
            *INBOUND,
            ("agent", "Gracias. ¿Me confirma su fecha de nacimiento?"),
            ("customer", "Sí. Oiga, ¿y la póliza cubre a mis hijos también?"),
            ("agent", "¿Y un correo electrónico?"),
            ("customer", "marta@correo.mx"),
            ("agent", "¿Y un teléfono de contacto?"),
            ("customer", "Ok."),
            ("agent", "Que tenga buena tarde."),
        ],
        {},
        [],
    )
    assert "sin respuesta" in " ".join(card.elements["needs_detection"].missing)


VERIFIED = [
    ("agent", "Buenas tardes, Banco Roble, le atiende Iván. ¿En qué le puedo ayudar?"),
    ("customer", "Quiero saber el saldo de mi tarjeta."),
    ("agent", "Con gusto. ¿Me proporciona su número de cliente?"),
    ("customer", "Sí, es el 889911."),
    ("agent", "Gracias. ¿Me confirma su nombre completo?"),
    ("customer", "Rosa Elena Campos Díaz."),
    ("agent", "Gracias, señora Rosa Elena. Su saldo es de 3,400 pesos."),
]


def test_an_imported_call_that_verifies_the_customer_manages_data() -> None:
    card = _card(VERIFIED, {}, [])
    assert card.elements["data_management"].met is True, card.elements["data_management"]


def test_asking_for_the_nip_fails_data_management_without_a_field_list() -> None:
    lines = [*VERIFIED[:2], ("agent", "Para revisarlo, ¿me dice su NIP de cuatro dígitos?")]
    assert card_met(lines) is False


def test_no_data_asked_no_data_management() -> None:
    assert card_met(VERIFIED[:2] + [("agent", "Su saldo es de 3,400 pesos.")]) is None


def card_met(lines: list[tuple[str, str]]) -> bool | None:
    return _card(lines, {}, []).elements["data_management"].met


ADDRESS_PARTS = [
    ("Av.", "Avenida", "Insurgentes Sur 1602"),
    ("Depto.", "departamento", "4"),
    ("Col.", "colonia", "Crédito Constructor"),
]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    order=st.permutations(range(3)),
    forms=st.lists(st.sampled_from(["short", "long", "none"]), min_size=3, max_size=3),
)
def test_a_natural_read_back_confirms_the_address(order: list[int], forms: list[str]) -> None:
    """Abbreviations, order and left-out kind words do not matter to a read-back."""
    captured = "Av. Insurgentes Sur 1602, Depto. 4, Col. Crédito Constructor, CDMX"
    parts = []
    for i in order:
        short, long, rest = ADDRESS_PARTS[i]
        kind = {"short": short, "long": long, "none": ""}[forms[i]]
        parts.append(f"{kind} {rest}".strip())
    card = _card(
        [
            ("agent", "¿Me da su dirección completa?"),
            ("customer", f"Es {captured}."),
            ("agent", "Gracias, un segundo."),
            ("customer", "Sí."),
            ("agent", f"Le confirmo: {', '.join(parts)}. ¿Es correcto?"),
            ("customer", "Así es."),
        ],
        {"direccion": captured},
        ["direccion"],
    )
    assert card.elements["data_management"].met is True, parts


def test_another_address_is_no_read_back() -> None:
    captured = "Av. Insurgentes Sur 1602, Depto. 4, Col. Crédito Constructor, CDMX"
    card = _card(
        [
            ("agent", "¿Me da su dirección completa?"),
            ("customer", f"Es {captured}."),
            ("agent", "Gracias, un segundo."),
            ("customer", "Sí."),
            ("agent", "Le confirmo: Calle Reforma 220, colonia Juárez."),
        ],
        {"direccion": captured},
        ["direccion"],
    )
    assert card.elements["data_management"].met is False


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("¿Te parece bien el 27 para la instalación?", "close"),
        ("¿Me confirmas que quieres el plan de 20 gigas?", "close"),
        ("Te propongo el plan de 20 gigas por 349 al mes. ¿Cómo lo ves?", "close"),
        ("¿Me das tu nombre completo?", "data_request"),
        ("Te confirmo: Calle Olivo 23, colonia Roma.", "data_confirmation"),
        ("¿En qué te puedo ayudar?", "offer_help"),
        ("¿Hay algo más en que te pueda ayudar?", "offer_more"),
    ],
)
def test_the_informal_register_is_recognised(text: str, act: str) -> None:
    assert act in tag_agent(text), text
