"""Scorer findings of the session 10 blind panel B (q, r, s, t), on our own lines:
- a value spelled back symbol by symbol («ka, te, eme, nueve…», «K-T-M 9-0-5 C») is a read-back;
- «¿cómo ve?» needs no answer; asking what the customer meant answers a question that cannot be
  answered as said; «¿cómo compruebo que es de…?» is answered by how to check it;
- an amount in a worked example («si se quema… y la cuenta es de 1,500») is no price claim;
- a professional title said as address («Con gusto, licenciada») personalizes;
- a «no» to «¿lo doy de alta?» after the customer's yes withdraws it when nothing was registered;
- «regáleme el código que le llegó por mensaje» asks for a secret; a damage told as it is states
  the need; a lower price heard elsewhere, a cost weighed against a saving and a hidden catch are
  objections."""

from __future__ import annotations

from typing import Any

from simulator.analysis import conduct
from simulator.analysis.claims import example_cost
from simulator.customer.state import CustomerState
from simulator.language import names
from simulator.language.spelled import spelled_in
from simulator.models.scorecard import Scorecard
from simulator.scoring import score_transcript
from simulator.scoring.price_clauses import lead
from simulator.session.result import decide_outcome
from tests.unit.test_scoring_rules import GOOD_CLOSING, GOOD_OPENING, PROBE, build

Line = tuple[Any, ...]


def _card(lines: list[Line], **fields: Any) -> Scorecard:
    transcript, acts = build(lines, **fields)
    return score_transcript(transcript, acts)


# ------------------------------------------------------------------ spelled read-backs


def test_a_value_spelled_by_letter_names_and_digit_words_is_said_back() -> None:
    assert spelled_in("KTM-905-C", "Sus placas: ka, te, eme, nueve, cero, cinco, ce. ¿Correcto?")
    assert spelled_in("KTM-905-C", "Le repito las placas: K-T-M 9-0-5 C.")
    assert spelled_in("KTM-905-C", "Placas KTM 905 C, ¿así?")
    assert spelled_in("RW4417", "El folio es erre, doble ve, cuatro, cuatro, uno, siete.")


def test_a_different_or_short_value_is_not_said_back() -> None:
    assert not spelled_in("KTM-905-C", "Le repito las placas: K-T-M 9-0-6 C.")
    assert not spelled_in("KTM-905-C", "Le repito las placas: K-T 9-0-5 C.")
    assert not spelled_in("A1", "a, uno")  # too short to tell from chance


def test_a_spelled_read_back_confirms_a_required_field() -> None:
    lines = GOOD_OPENING + [
        ("a", "Para el registro, ¿me da las placas de su auto?", "data_request"),
        ("c", "Sí, son KTM-905-C.", "data_given"),
        (
            "a",
            "Se las leo para no equivocarme: ka, te, eme, nueve, cero, cinco, ce. ¿Es correcto?",
            "data_confirmation",
        ),
        ("c", "Sí, esas son.", "other"),
    ]
    card = _card(
        lines + GOOD_CLOSING,
        kind="service",
        outcome="resolved",
        required_fields=["placas"],
        capture={"placas": "KTM-905-C"},
    )
    missing = card.elements["data_management"].missing
    assert not any("placas" in m for m in missing), missing


# ------------------------------------------------------------------ questions answered


def _service_needs(middle: list[Line]) -> list[str]:
    lines = GOOD_OPENING + middle + GOOD_CLOSING
    return _card(lines, kind="service", outcome="resolved").elements["needs_detection"].missing


def test_a_chatty_tag_question_needs_no_answer() -> None:
    middle: list[Line] = [
        ("a", "¿Qué le pasa a su servicio?", "open_question"),
        ("c", "Mi sobrina se casa en mayo y ando con mil pendientes, ¿cómo ve?", "question"),
        ("a", "Qué gusto. Y del internet, ¿desde cuándo falla?", "open_question"),
        ("c", "Desde el lunes.", "need_statement"),
    ]
    assert not any("sin respuesta" in m for m in _service_needs(middle))


def test_asking_what_the_customer_meant_answers_an_odd_question() -> None:
    middle: list[Line] = [
        ("a", "¿Qué le pasa a su servicio?", "open_question"),
        ("c", "¿Y eso a usted qué le importa con lo del sábado?", "question"),
        (
            "a",
            "Disculpe, señora Hernández, no le alcancé a entender: ¿me repite qué pasó el sábado?",
            "closed_question",
        ),
        ("c", "Que desde el sábado no tengo señal.", "need_statement"),
    ]
    assert not any("sin respuesta" in m for m in _service_needs(middle))


def test_a_doubt_about_who_calls_is_answered_by_how_to_check_it() -> None:
    middle: list[Line] = [
        ("c", "Oiga, ¿y yo cómo compruebo que usted es de la compañía?", "question"),
        (
            "a",
            "Está en su derecho. Jamás le pediremos contraseñas; si prefiere, puede colgar y "
            "marcar al número de su recibo para confirmarlo.",
            "acknowledgement",
        ),
        ("c", "Bueno, está bien, siga.", "other"),
    ]
    assert not any("sin respuesta" in m for m in _service_needs(middle))


def test_a_pitch_that_ignores_the_doubt_leaves_it_unanswered() -> None:
    middle: list[Line] = [
        ("c", "Oiga, ¿y yo cómo compruebo que usted es de la compañía?", "question"),
        ("a", "Nuestros planes de este mes están muy buenos.", "other"),
        ("c", "Ajá.", "other"),
    ]
    assert any("sin respuesta" in m for m in _service_needs(middle))


# ------------------------------------------------------------------ example amounts


def test_the_bill_of_an_example_event_is_no_price_claim() -> None:
    text = (
        "Por ejemplo, si se quema su módem y la cuenta del técnico es de 1,500 pesos, con el "
        "Plan Hogar 200 megas el cambio va incluido."
    )
    start = text.index("1,500")
    assert example_cost(lead(text, start))
    line = ("a", text, "feature", "benefit")
    card = _card(GOOD_OPENING + PROBE + [line, ("c", "Ah, ok.", "other")] + GOOD_CLOSING)
    assert "inaccurate_information" not in [e.code for e in card.critical_errors]


def test_our_own_monthly_price_in_a_condition_is_still_checked() -> None:
    text = "Si lo contrata hoy, la mensualidad del Plan Hogar 200 megas es de 350 pesos."
    start = text.index("350")
    assert not example_cost(lead(text, start))
    line = ("a", text, "feature")
    card = _card(GOOD_OPENING + PROBE + [line, ("c", "Ah, ok.", "other")] + GOOD_CLOSING)
    assert "inaccurate_information" in [e.code for e in card.critical_errors]


# ------------------------------------------------------------------ personalization


def test_a_professional_title_tied_to_the_name_is_how_the_customer_is_addressed() -> None:
    opening = ["Buenas tardes, ¿hablo con la licenciada Rosa María Hernández?"]
    assert names.professional_title(opening, "Rosa María Hernández") == "licenciada"
    name = "Rosa María Hernández"
    assert names.title_mentions("Perfecto, licenciada, con gusto le explico.", "licenciada", name)
    assert not names.title_mentions("La licenciada de cobranza le llama.", "licenciada", name)
    assert names.professional_title(["¿Hablo con Rosa María Hernández?"], name) is None


def test_a_call_that_says_licenciada_twice_is_personalized() -> None:
    lines: list[Line] = [
        (
            "a",
            "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la licenciada Rosa "
            "María Hernández?",
            "greeting",
            "company_id",
            "agent_id",
            "closed_question",
        ),
        ("c", "Sí, ella habla.", "other"),
        (
            "a",
            "Mucho gusto, licenciada. Le llamo para platicarle de nuestros planes.",
            "offer_help",
        ),
        ("c", "Dígame.", "other"),
        *PROBE,
        ("a", "¿Hay algo más en lo que le pueda ayudar, licenciada?", "offer_more"),
        ("c", "No, gracias.", "other"),
        ("a", "Gracias por su tiempo. Que tenga excelente tarde.", "thanks", "farewell"),
    ]
    card = _card(lines)
    assert "no_personalization" not in [e.code for e in card.non_critical_errors]


# ------------------------------------------------------------------ a yes withdrawn


def _outcome(lines: list[tuple[str, str]], events: list[tuple[str, int, str]]) -> str:
    from simulator.models.transcript import Event, Transcript

    class _Scenario:
        goal = "sale"
        required_fields: list[str] = []

    turns = [{"speaker": "agent" if who == "a" else "customer", "text": t} for who, t in lines]
    transcript = Transcript.model_validate({"kind": "sale", "turns": turns})
    transcript.events = [Event(type=e, after_turn=n, value=v) for e, n, v in events]  # type: ignore[arg-type]
    state = CustomerState(accepted=True)
    return decide_outcome(_Scenario(), state, transcript)  # type: ignore[arg-type]


YES: list[tuple[str, str]] = [
    ("a", "¿Le parece si dejamos activo el plan hoy?"),
    ("c", "Sí, va, está bien."),
]


def test_a_no_to_registering_after_the_yes_withdraws_it() -> None:
    later = [("a", "Antes de nada: ¿lo doy de alta ya mismo?"), ("c", "No, mejor todavía no.")]
    assert _outcome(YES + later, [("consent", 2, "accepted")]) == "no_sale"


def test_a_yes_stands_when_registered_or_when_the_no_answers_something_else() -> None:
    later = [("a", "¿Lo doy de alta ya mismo?"), ("c", "No, mejor todavía no.")]
    registered = [("consent", 2, "accepted"), ("sale_registered", 4, "Plan")]
    assert _outcome(YES + later, registered) == "sale"
    other = [("a", "Listo. ¿Tiene alguna otra duda?"), ("c", "No, ninguna, gracias.")]
    assert _outcome(YES + other, [("consent", 2, "accepted")]) == "sale"
    assert _outcome(YES, [("consent", 2, "accepted")]) == "sale"


# ------------------------------------------------------------------ secrets


def test_asking_for_the_code_sent_by_message_is_a_secret_request() -> None:
    assert conduct.asks_secret("Para validar, regáleme el código que le llegó por mensaje.")
    assert conduct.asks_secret("Nomás páseme los números que le van a llegar por SMS.")
    assert not conduct.asks_secret("Páseme su correo, por favor.")
    assert not conduct.asks_secret("Nunca le pedimos el código que le llega por mensaje.")


# ------------------------------------------------------------------ needs told as damage


def test_a_damage_told_as_it_is_states_the_need() -> None:
    from simulator.analysis.customer import tag_customer

    said = "Buenas. Se reventó la manguera de la lavadora y hay agua por todos lados."
    assert "need_statement" in tag_customer(said).acts
    assert "need_statement" not in tag_customer("No, no se rompió nada, todo bien.").acts


# ------------------------------------------------------------------ objections


def test_a_lower_price_heard_elsewhere_or_a_cost_weighed_is_a_price_objection() -> None:
    from simulator.analysis.customer import tag_customer

    heard = tag_customer("Mi compadre me dijo que en la otra sucursal lo venden en 2,800.")
    assert heard.objection_type == "price"
    weighed = tag_customer("Saqué cuentas y al final pagaría más de lo que me saldría el dentista.")
    assert weighed.objection_type == "price"
    assert tag_customer("¿En cuánto está el de 200 megas?").objection_type is None


def test_a_hidden_catch_is_a_trust_objection() -> None:
    from simulator.analysis.customer import tag_customer

    said = "Explíqueme bien las condiciones, que siempre hay letra chiquita."
    assert tag_customer(said).objection_type == "trust"
    assert tag_customer("Ajá, ¿y cuál es el truco?").objection_type == "trust"


def test_a_doubt_about_who_calls_is_a_trust_objection() -> None:
    from simulator.analysis.customer import tag_customer

    said = "Oiga, ¿y cómo sé yo que en serio es de la aseguradora? Así empiezan para robarle a uno."
    assert tag_customer(said).objection_type == "trust"
    assert tag_customer("¿Cómo sé qué plan me conviene?").objection_type is None


def test_the_customers_last_words_before_hanging_up_need_no_answer() -> None:
    lines = GOOD_OPENING + [
        (
            "a",
            "Le ofrezco el Plan Hogar 200 megas en 499 al mes. ¿Se lo activo?",
            "feature",
            "close",
        ),
        ("c", "No tengo tiempo para esto, adiós.", "objection:time", "objection"),
    ]
    card = _card(lines, events=[{"type": "hangup", "value": "cliente", "after_turn": 6, "t": 1}])
    assert not any("sin respuesta" in m for m in card.elements["objection_handling"].missing)
    assert card.metrics["objections"] == 0


def test_brushing_off_a_doubt_about_who_calls_is_disrespect() -> None:
    assert conduct.disrespect_kind("Si no me cree, pues ni modo, yo ya le dije.") is not None
    assert conduct.disrespect_kind(
        "Mire, le hablo de la aseguradora y ya, no hay más que explicar."
    )
    assert conduct.disrespect_kind("Le hablo de la aseguradora y ya quedó su reporte.") is None
    assert (
        conduct.disrespect_kind("Si no confía, puede colgar y marcar al número de su póliza.")
        is None
    )


# ------------------------------------------------------------------ opening


def test_thanking_for_calling_us_names_no_company() -> None:
    from simulator.analysis.agent import tag_agent

    assert "company_id" not in tag_agent(
        "Buenas tardes, gracias por marcar con nosotros, ¿en qué le ayudo?"
    )
    assert "company_id" in tag_agent("Buenas tardes, gracias por marcar a Seguros Protege.")
