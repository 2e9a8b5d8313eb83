"""Rule-by-rule tests of the scorer with hand-given acts (independent of the tagger)."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.models.scorecard import (
    CRITICAL_CODES,
    ELEMENT_KEYS,
    SKILL_KEYS,
    Scorecard,
    TurnActs,
)
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

CATALOG = [
    {"name": "Plan Hogar 100 megas", "price": 399, "period": "mes"},
    {"name": "Plan Hogar 200 megas", "price": 499, "period": "mes"},
    {"name": "Paquete de canales", "price": 99, "period": "mes"},
]
DATA = {"nombre": "Rosa María Hernández", "telefono": "5512345678", "correo": "rosa.hdz@gmail.com"}

METRIC_NAMES = {
    "agent_talk_share",
    "open_questions",
    "closed_questions",
    "questions_total",
    "paraphrases",
    "empathy_statements",
    "reflection_to_question",
    "longest_monologue_words",
    "longest_monologue_seconds",
    "buying_signals",
    "buying_signals_followed",
    "objections",
    "objections_addressed",
    "close_attempts",
    "holds",
    "holds_without_permission",
    "longest_hold_seconds",
    "hold_returns_thanked",
    "customer_name_uses",
    "fillers_per_100_words",
    "fields_required",
    "fields_correct",
    "fields_confirmed",
    "speech_rate_wpm",
    "interruptions",
    "response_gap_ms",
    "penc",
}

Line = tuple[Any, ...]

GOOD_OPENING: list[Line] = [
    (
        "a",
        "Buenas tardes, ¿hablo con la señora Rosa María Hernández?",
        "greeting",
        "closed_question",
    ),
    ("c", "Sí, ella habla.", "other"),
    (
        "a",
        "Señora Hernández, le habla Mariana de Internet Veloz; le llamo para platicarle de nuestros planes.",
        "company_id",
        "agent_id",
        "offer_help",
    ),
    ("c", "Ajá, dígame.", "other"),
]
GOOD_CLOSING: list[Line] = [
    ("a", "¿Hay algo más en lo que le pueda ayudar, señora Hernández?", "offer_more"),
    ("c", "No, gracias.", "other"),
    ("a", "Gracias por su tiempo. Que tenga excelente tarde.", "thanks", "farewell"),
]


def turns_and_acts(lines: list[Line]) -> tuple[list[dict[str, str]], list[TurnActs]]:
    """The transcript turns and the hand-labelled acts of ``(speaker, text, *labels)`` lines
    (an ``obj:<type>`` label is the objection type)."""
    turns, acts = [], []
    for i, line in enumerate(lines, start=1):
        speaker = "agent" if line[0] == "a" else "customer"
        labels = [x for x in line[2:] if not x.startswith("obj:")]
        objection = next((x[4:] for x in line[2:] if x.startswith("obj:")), None)
        turns.append({"speaker": speaker, "text": line[1]})
        acts.append(TurnActs(index=i, speaker=speaker, acts=labels, objection_type=objection))
    return turns, acts


def build(lines: list[Line], **fields: Any) -> tuple[Transcript, list[TurnActs]]:
    turns, acts = turns_and_acts(lines)
    data: dict[str, Any] = {
        "kind": "sale",
        "company": "Internet Veloz",
        "agent_name": "Mariana",
        "catalog": CATALOG,
        "customer_data": dict(DATA),
        "turns": turns,
    }
    data.update(fields)
    return Transcript.model_validate(data), acts


def score(lines: list[Line], **fields: Any) -> Scorecard:
    transcript, acts = build(lines, **fields)
    return score_transcript(transcript, acts)


def sale(middle: list[Line], **fields: Any) -> Scorecard:
    return score(GOOD_OPENING + middle + GOOD_CLOSING, **fields)


PROBE: list[Line] = [
    ("a", "Platíqueme, ¿cómo usan el internet en su casa?", "open_question"),
    ("c", "Mis hijos hacen la tarea y se corta mucho.", "need_statement"),
]
PITCH: list[Line] = [
    (
        "a",
        "Con el Plan Hogar 200 megas sus hijos no tendrán cortes; cuesta 499 pesos al mes.",
        "feature",
        "benefit",
    ),
    ("c", "Me interesa.", "buying_signal"),
    ("a", "¿Se lo activo hoy?", "close", "closed_question"),
    ("c", "Sí, contrátelo.", "acceptance"),
]


def codes(card: Scorecard) -> list[str]:
    return [e.code for e in card.critical_errors]


def minor(card: Scorecard) -> list[str]:
    return [e.code for e in card.non_critical_errors]


# ------------------------------------------------------------------ shape


def test_scorecard_has_every_key_of_the_design() -> None:
    card = sale(PROBE + PITCH)
    assert set(card.elements) == set(ELEMENT_KEYS)
    assert set(card.skills) == set(SKILL_KEYS)
    assert set(card.metrics) == METRIC_NAMES
    assert [t.index for t in card.turns] == list(range(1, len(card.turns) + 1))


def test_good_sale_is_competent_and_voice_metrics_are_null_in_text() -> None:
    card = sale(PROBE + PITCH, outcome="sale")
    assert card.verdict == "competent", card.elements
    assert card.critical_errors == []
    assert card.metrics["speech_rate_wpm"] is None
    assert card.metrics["interruptions"] is None
    assert card.elements["preparation"].met is None
    assert card.overall >= 80


# ------------------------------------------------------------------ opening


def test_opening_lists_each_missing_part_and_better_phrasing() -> None:
    lines: list[Line] = [
        ("a", "Oiga, le tengo una promoción.", "feature"),
        ("c", "¿Quién habla?", "question"),
    ]
    card = score(lines + PROBE + PITCH + GOOD_CLOSING)
    opening = card.elements["opening_protocol"]
    assert opening.met is False
    text = " ".join(opening.missing)
    assert "Saludo" in text and "empresa" in text and "agente" in text
    assert opening.better_phrasing and "Internet Veloz" in opening.better_phrasing
    assert opening.evidence and opening.evidence[0].turn == 1


def test_outbound_opening_requires_identity_check() -> None:
    lines: list[Line] = [
        (
            "a",
            "Buenas tardes, le habla Mariana de Internet Veloz, le llamo para ofrecerle un plan.",
            "greeting",
            "agent_id",
            "company_id",
            "offer_help",
        ),
        ("c", "Ajá.", "other"),
    ]
    card = score(lines + PROBE + PITCH + GOOD_CLOSING)
    assert card.elements["opening_protocol"].met is False
    assert any("quién habla" in m for m in card.elements["opening_protocol"].missing)


def test_inbound_opening_does_not_require_identity_check() -> None:
    lines: list[Line] = [
        (
            "a",
            "Gracias por llamar a Internet Veloz, le atiende Mariana, ¿en qué le puedo ayudar?",
            "thanks",
            "company_id",
            "agent_id",
            "offer_help",
        ),
        ("c", "Quiero información de sus planes.", "need_statement"),
    ]
    card = score(lines + PROBE + PITCH + GOOD_CLOSING)
    assert card.elements["opening_protocol"].met is True


# ------------------------------------------------------------------ needs


def test_identity_check_is_not_probing_and_closed_questions_are_not_enough() -> None:
    closed: list[Line] = [
        ("a", "¿Tiene internet en casa?", "closed_question"),
        ("c", "Sí.", "other"),
    ]
    card = sale(closed + PITCH)
    needs = card.elements["needs_detection"]
    assert needs.met is False
    assert any("pregunta abierta" in m for m in needs.missing)
    assert card.metrics["open_questions"] == 0


def test_open_question_after_presentation_does_not_count() -> None:
    late: list[Line] = [
        ("a", "¿Qué le parece?", "open_question", "trial_close"),
        ("c", "Bien.", "other"),
    ]
    card = sale(PITCH[:2] + PROBE[1:] + late + PITCH[2:])
    assert card.elements["needs_detection"].met is False


def test_ignored_customer_question_is_named() -> None:
    ignored: list[Line] = [
        ("c", "¿Y cuánto tarda la instalación?", "question", "buying_signal"),
        ("a", "Le cuento también del paquete de canales.", "cross_sell"),
    ]
    card = sale(PROBE + ignored + PITCH)
    needs = card.elements["needs_detection"]
    assert needs.met is False
    assert any("sin respuesta" in m for m in needs.missing)


# ------------------------------------------------------------------ product and prices


def test_wrong_price_is_critical_with_the_catalog_price() -> None:
    wrong: list[Line] = [
        ("a", "El Plan Hogar 200 megas cuesta 450 pesos al mes.", "feature"),
        ("c", "Ah, ok.", "other"),
    ]
    card = sale(PROBE + wrong + PITCH)
    assert "inaccurate_information" in codes(card)
    error = next(e for e in card.critical_errors if e.code == "inaccurate_information")
    assert error.turn == 7
    assert "499" in error.explanation
    assert "450" in error.evidence
    assert card.overall <= 59
    assert card.verdict == "not_yet_competent"
    assert card.elements["product_information"].met is False


def test_prices_in_words_and_customer_amounts_are_accepted() -> None:
    words: list[Line] = [
        ("c", "Yo pago 650 al mes.", "data_given"),
        (
            "a",
            "Hoy paga 650; el plan hogar doscientos megas cuesta cuatrocientos noventa y nueve pesos al mes.",
            "feature",
            "paraphrase",
        ),
        ("c", "Ok.", "other"),
    ]
    card = sale(PROBE + words + PITCH)
    assert "inaccurate_information" not in codes(card)


def test_unnamed_product_price_must_be_some_catalog_price() -> None:
    wrong: list[Line] = [
        ("a", "El plan le queda en 350 pesos al mes.", "feature"),
        ("c", "Ok.", "other"),
    ]
    card = sale(PROBE + wrong + PITCH)
    assert "inaccurate_information" in codes(card)


def test_service_call_without_product_question_is_not_judged_on_selling() -> None:
    lines: list[Line] = [
        (
            "a",
            "Gracias por llamar a Internet Veloz, le atiende Mariana, ¿en qué le puedo ayudar?",
            "thanks",
            "company_id",
            "agent_id",
            "offer_help",
        ),
        ("c", "Mi internet está lento.", "complaint"),
        (
            "a",
            "Lamento la molestia, ¿qué pasa exactamente, señora Hernández?",
            "empathy",
            "open_question",
        ),
        ("c", "Se congela todo.", "need_statement"),
        ("a", "Ya reinicié su módem, señora Hernández.", "feature"),
        ("c", "Ya funciona.", "other"),
    ]
    card = score(lines + GOOD_CLOSING, kind="service")
    # «Brinda información» in service: the agent explained the fix (no product, no selling)
    assert card.elements["product_information"].met is True
    assert card.elements["objection_handling"].met is None
    assert card.skills["closing"] is None
    assert card.skills["buying_signals"] is None
    assert card.verdict == "competent", card.elements


# ------------------------------------------------------------------ objections


def test_unanswered_objection_and_missing_close() -> None:
    lines: list[Line] = [
        (
            "a",
            "El Plan Hogar 200 megas cuesta 499 pesos al mes; sus hijos ya no tendrán cortes.",
            "feature",
            "benefit",
        ),
        ("c", "Está muy caro.", "objection", "obj:price"),
        ("a", "También tenemos canales.", "cross_sell"),
        ("c", "Lo voy a pensar.", "objection", "obj:must_consult"),
    ]
    card = sale(PROBE + lines)
    obj = card.elements["objection_handling"]
    assert obj.met is False
    assert any("intento de cierre" in m for m in obj.missing)
    assert any("turno 8" in m for m in obj.missing)
    assert card.metrics["objections"] == 2
    assert card.metrics["objections_addressed"] == 0
    assert card.metrics["close_attempts"] == 0
    assert card.skills["closing"] == 0


def test_laer_answer_counts_as_addressed() -> None:
    lines: list[Line] = [
        ("c", "Está muy caro.", "objection", "obj:price"),
        ("a", "Entiendo, ¿con qué lo compara?", "empathy", "open_question"),
        ("c", "Con lo que pago.", "other"),
    ]
    card = sale(PROBE + PITCH[:2] + lines + PITCH[2:])
    assert card.metrics["objections_addressed"] == 1
    assert card.elements["objection_handling"].met is True
    assert card.skills["objection_handling"] == 100


# ------------------------------------------------------------------ data


DATA_LINES: list[Line] = [
    ("a", "¿Me da un teléfono de contacto?", "data_request"),
    ("c", "Es el 55 1234 5678.", "data_given"),
    ("a", "¿Y su correo?", "data_request"),
    ("c", "rosa.hdz@gmail.com", "data_given"),
    ("a", "Le confirmo: 55 1234 5678 y rosa.hdz@gmail.com, ¿correcto?", "data_confirmation"),
    ("c", "Sí.", "acceptance"),
]


def test_data_captured_correct_and_confirmed() -> None:
    card = sale(
        PROBE + PITCH + DATA_LINES,
        required_fields=["telefono", "correo"],
        capture={"telefono": "5512345678", "correo": "rosa.hdz@gmail.com"},
    )
    assert card.elements["data_management"].met is True
    assert (
        card.metrics["fields_required"],
        card.metrics["fields_correct"],
        card.metrics["fields_confirmed"],
    ) == (2, 2, 2)
    assert card.skills["data_management"] == 100


def test_wrong_and_missing_fields_are_named() -> None:
    card = sale(
        PROBE + PITCH + DATA_LINES[:4],
        required_fields=["telefono", "correo", "direccion"],
        capture={"telefono": "5512345687", "correo": "rosa.hdz@gmail.com"},
    )
    data = card.elements["data_management"]
    assert data.met is False
    text = " ".join(data.missing)
    assert "5512345687" in text and "dirección" in text and "Confirmar" in text
    assert card.metrics["fields_correct"] == 1
    assert data.better_phrasing and "rosa.hdz@gmail.com" in data.better_phrasing


def test_no_required_fields_is_not_evaluated() -> None:
    card = sale(PROBE + PITCH)
    assert card.elements["data_management"].met is None
    assert card.skills["data_management"] is None


# ------------------------------------------------------------------ closing and consent


def test_sale_without_acceptance_is_critical() -> None:
    lines: list[Line] = [
        ("a", "Listo, ya le di de alta el Plan Hogar 200 megas.", "feature"),
        ("c", "¿Cómo? Solo pregunté.", "question"),
    ]
    card = sale(PROBE + lines, outcome="sale")
    assert "sale_without_consent" in codes(card)
    assert card.elements["call_closing"].met is False
    assert card.overall <= 59


def test_sale_event_with_acceptance_is_fine() -> None:
    card = sale(PROBE + PITCH, events=[{"type": "sale_registered", "after_turn": 10}])
    assert "sale_without_consent" not in codes(card)
    assert card.elements["call_closing"].met is True


def test_missing_farewell_is_non_critical() -> None:
    card = score(GOOD_OPENING + PROBE + PITCH + [("a", "Listo.", "acknowledgement")])
    assert "missing_farewell" in minor(card)
    assert card.elements["call_closing"].met is False


# ------------------------------------------------------------------ critical errors


def test_disrespect_is_critical_with_turn_and_quote() -> None:
    rude: list[Line] = [
        ("a", "Usted no entiende nada, déjeme hablar.", "disrespect"),
        ("c", "Oiga…", "complaint"),
    ]
    card = sale(PROBE + rude + PITCH)
    error = next(e for e in card.critical_errors if e.code == "disrespect")
    assert error.turn == 7 and "no entiende" in error.evidence
    assert card.skills["phone_etiquette"] == 0


def test_confidential_disclosure_and_refusal() -> None:
    ask: list[Line] = [("c", "¿Me puede dar el teléfono de mi vecino?", "question")]
    gave = sale(PROBE + ask + [("a", "Claro, su número es 55 8765 4321.", "feature")] + PITCH)
    assert "confidential_disclosure" in codes(gave)
    refused = sale(
        PROBE + ask + [("a", "Lo siento, esa información es confidencial.", "empathy")] + PITCH
    )
    assert "confidential_disclosure" not in codes(refused)


def test_do_not_call_then_selling_is_critical_but_apology_is_fine() -> None:
    dnc: list[Line] = [
        ("c", "No me interesa, no me vuelva a llamar.", "objection", "obj:do_not_call")
    ]
    sold = score(
        GOOD_OPENING
        + dnc
        + [("a", "Pero el plan cuesta 499 pesos al mes, ¿se lo activo?", "feature", "close")]
    )
    assert "ignores_do_not_call" in codes(sold)
    polite = score(
        GOOD_OPENING
        + dnc
        + [
            (
                "a",
                "Disculpe la molestia, registro su solicitud. Gracias, que tenga buena tarde.",
                "empathy",
                "thanks",
                "farewell",
            )
        ]
    )
    assert "ignores_do_not_call" not in codes(polite)
    assert polite.elements["objection_handling"].met is True


def test_every_critical_code_is_known() -> None:
    card = sale(PROBE + [("a", "Usted no entiende.", "disrespect"), ("c", "…", "other")] + PITCH)
    assert set(codes(card)) <= set(CRITICAL_CODES)


# ------------------------------------------------------------------ non-critical


def test_hold_without_permission_thanks_and_too_long() -> None:
    hold: list[Line] = [
        ("a", "Ahorita lo checo.", "acknowledgement"),
        ("a", "Sí hay cobertura.", "feature"),
        ("c", "Bien.", "other"),
    ]
    events = [
        {"type": "hold_start", "t": 10, "after_turn": 7},
        {"type": "hold_end", "t": 100, "after_turn": 7},
    ]
    card = sale(PROBE + hold + PITCH, events=events, max_hold_seconds=60)
    assert {"hold_without_permission", "hold_without_thanks", "hold_too_long"} <= set(minor(card))
    assert card.metrics["holds"] == 1
    assert card.metrics["holds_without_permission"] == 1
    assert card.metrics["longest_hold_seconds"] == 90


def test_polite_hold_has_no_errors() -> None:
    hold: list[Line] = [
        ("a", "¿Me permite un momento en la línea?", "hold_request"),
        ("c", "Sí.", "acceptance"),
        ("a", "Gracias por esperar, sí hay cobertura.", "hold_return", "feature"),
        ("c", "Bien.", "other"),
    ]
    events = [
        {"type": "hold_start", "t": 10, "after_turn": 8},
        {"type": "hold_end", "t": 40, "after_turn": 8},
    ]
    card = sale(PROBE + hold + PITCH, events=events)
    assert not {"hold_without_permission", "hold_without_thanks", "hold_too_long"} & set(
        minor(card)
    )
    assert card.metrics["hold_returns_thanked"] == 1


def test_personalization_counts_name_uses() -> None:
    card = score(
        [
            (
                "a",
                "Buenas tardes, Internet Veloz, le habla Mariana, ¿en qué le ayudo?",
                "greeting",
                "company_id",
                "agent_id",
                "offer_help",
            )
        ]
        + PROBE
        + PITCH
        + GOOD_CLOSING[1:]
    )
    assert card.metrics["customer_name_uses"] == 0
    assert "no_personalization" in minor(card)
    good = sale(PROBE + PITCH)
    assert "no_personalization" not in minor(good)
    assert (good.metrics["customer_name_uses"] or 0) >= 2


def test_voice_interruptions_and_talk_share_in_seconds() -> None:
    transcript, acts = build(GOOD_OPENING + PROBE + PITCH + GOOD_CLOSING)
    t = 0.0
    for i, turn in enumerate(transcript.turns):
        turn.start, turn.end = t, t + 2.0
        t += 2.0 if i != 5 else 1.0  # agent turn 7 starts 1 s before customer turn 6 ends
    card = score_transcript(transcript, acts)
    assert card.metrics["interruptions"] == 1
    assert "interrupting" in minor(card)
    assert card.metrics["speech_rate_wpm"] is not None
    assert card.metrics["agent_talk_share"] is not None


# ------------------------------------------------------------------ metrics and overall


def test_monologue_and_talk_share() -> None:
    long_pitch = " ".join(["palabra"] * 160)
    lines: list[Line] = [
        ("a", long_pitch, "feature"),
        ("a", "y más " * 10, "feature"),
        ("c", "Ok.", "other"),
    ]
    card = sale(PROBE + lines + PITCH)
    assert card.metrics["longest_monologue_words"] == 180
    assert card.skills["customer_type_handling"] is not None
    assert card.skills["customer_type_handling"] < 80


def test_buying_signal_followed_within_two_agent_turns() -> None:
    card = sale(PROBE + PITCH)
    assert card.metrics["buying_signals"] == 1
    assert card.metrics["buying_signals_followed"] == 1
    ignored = sale(
        PROBE
        + PITCH[:2]
        + [
            ("a", "Tenemos canales.", "cross_sell"),
            ("c", "Ah.", "other"),
            ("a", "Y módem nuevo.", "feature"),
            ("c", "Ok.", "other"),
        ]
    )
    assert ignored.metrics["buying_signals_followed"] == 0
    assert ignored.skills["buying_signals"] == 0


def test_preparation_needs_status_before_first_turn() -> None:
    ready = sale(
        PROBE + PITCH,
        preparation_applicable=True,
        events=[{"type": "status", "value": "Disponible", "after_turn": 0}],
    )
    assert ready.elements["preparation"].met is True
    late = sale(
        PROBE + PITCH,
        preparation_applicable=True,
        events=[{"type": "status", "value": "Disponible", "after_turn": 3}],
    )
    assert late.elements["preparation"].met is False


@pytest.mark.parametrize(
    "lines", [[], [("c", "¿Bueno?", "question")], [("a", "Hola.", "greeting")]]
)
def test_degenerate_calls_score(lines: list[Line]) -> None:
    card = score(lines)
    assert 0 <= card.overall <= 100
    assert card.verdict == "not_yet_competent" or not lines


def test_fillers_above_threshold_are_non_critical() -> None:
    filler = "Este, pues, o sea, este, el plan es, este, muy bueno, o sea, pues sí, este."
    lines: list[Line] = [("a", filler, "feature"), ("c", "Ajá.", "other")] * 3
    card = sale(PROBE + lines + PITCH)
    assert (card.metrics["fillers_per_100_words"] or 0) > 3
    assert "fillers" in minor(card)
    assert "fillers" not in minor(sale(PROBE + PITCH))


def test_collections_call_needs_a_close_and_the_debt_told() -> None:
    lines: list[Line] = [
        (
            "a",
            "Buenas tardes, ¿hablo con la señora Rosa María Hernández? Le habla Mariana de Internet Veloz, le llamo por su saldo pendiente.",
            "greeting",
            "company_id",
            "agent_id",
            "offer_help",
            "closed_question",
        ),
        ("c", "Sí, soy yo. Ahorita no tengo dinero.", "objection", "obj:price"),
        (
            "a",
            "Entiendo, señora Hernández, ¿qué fecha le queda mejor para pagar?",
            "empathy",
            "open_question",
        ),
        ("c", "El viernes.", "other"),
        ("a", "¿Le registro entonces el pago para el viernes, señora Hernández?", "close"),
        ("c", "Sí, está bien.", "acceptance"),
    ]
    card = score(lines + GOOD_CLOSING, kind="collections", catalog=[])
    # collections «information» is the debt told to the debtor, not a product presentation
    assert card.elements["product_information"].met is True
    assert card.elements["objection_handling"].met is True
    assert card.skills["closing"] is not None and card.skills["closing"] >= 60
    assert card.skills["buying_signals"] is None


def test_customer_hang_up_does_not_judge_the_closing() -> None:
    hung: list[Line] = [("c", "Ya no me interesa, adiós.", "refusal")]
    card = score(GOOD_OPENING + PROBE + PITCH[:1] + hung, outcome="hung_up")
    assert card.elements["call_closing"].met is None
    assert "missing_farewell" not in minor(card)


def test_money_cues_do_not_flag_durations() -> None:
    lines: list[Line] = [
        ("a", "La instalación tarda 2 días y el primer mes va incluido; solo 3 pasos.", "feature"),
        ("c", "Ok.", "other"),
    ]
    card = sale(PROBE + lines + PITCH)
    assert "inaccurate_information" not in codes(card)


def test_agent_hang_up_event_still_judges_the_closing() -> None:
    card = score(GOOD_OPENING + PROBE + PITCH, events=[{"type": "hangup", "value": "agente"}])
    assert card.elements["call_closing"].met is False
    customer = score(
        GOOD_OPENING + PROBE + PITCH[:1] + [("c", "Adiós.", "refusal")],
        events=[{"type": "hangup", "value": "cliente"}],
    )
    assert customer.elements["call_closing"].met is None


def test_simulated_text_call_times_are_not_speech() -> None:
    """The simulator's text calls carry typing/simulated times and say mode=text: no voice metrics."""
    transcript, acts = build(GOOD_OPENING + PROBE + PITCH + GOOD_CLOSING)
    t = 0.0
    for turn in transcript.turns:
        turn.start, turn.end = t, t + 2.0
        t += 2.0
    declared = Transcript.model_validate({**transcript.model_dump(), "mode": "text"})
    card = score_transcript(declared, acts)
    assert card.metrics["speech_rate_wpm"] is None
    assert card.metrics["interruptions"] is None
    spoken = Transcript.model_validate({**transcript.model_dump(), "mode": "voice"})
    assert score_transcript(spoken, acts).metrics["speech_rate_wpm"] is not None


def test_imported_timed_call_is_spoken_and_stays_so_after_a_round_trip() -> None:
    transcript, _ = build(GOOD_OPENING + PROBE)
    data = transcript.model_dump(mode="json")
    del data["mode"]
    for i, turn in enumerate(data["turns"]):
        turn["start"], turn["end"] = 2.0 * i, 2.0 * i + 1.5
    loaded = Transcript.model_validate(data)
    assert loaded.mode == "voice"
    assert Transcript.model_validate(loaded.model_dump(mode="json")).mode == "voice"
    data.pop("turns")
    assert Transcript.model_validate(data).mode == "text"
