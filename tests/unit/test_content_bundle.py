"""The bundled library: validates, is rich enough to play, and keeps its committed schemas."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.content.checks import base_bank, slot_problem
from simulator.content.library import bundled_dir, load_library, validate_dirs
from simulator.content.schema import SCHEMA_FILES, schema_text
from simulator.models.content import Scenario

ROOT = Path(__file__).parents[2]

# The mouth contract (INTENTS.md): every intent the brain may choose.
INTENTS = [
    "secret_refusal",
    "answer_phone",
    "identity_confirm",
    "wrong_person",
    "ask_purpose",
    "greeting_reply",
    "state_reason",
    "short_yes",
    "short_no",
    "vague_answer",
    "nothing_more_to_add",
    "need_lead_in",
    "data_repeated",
    "ask_price",
    "ask_detail",
    "buying_signal_generic",
    "objection_price",
    "objection_time",
    "objection_trust",
    "objection_has_provider",
    "objection_must_consult",
    "objection_not_interested",
    "objection_do_not_call",
    "objection_repeat",
    "objection_softened",
    "not_ready",
    "acceptance",
    "refusal",
    "data_given",
    "data_confirm_yes",
    "data_correction",
    "hold_ok",
    "hold_return_ok",
    "hold_complaint",
    "impatience",
    "interrupt_monologue",
    "annoyed",
    "empathy_thanks",
    "repetition_complaint",
    "digression",
    "guarantee_request",
    "discount_request",
    "knowledge_test",
    "wrong_fact_reaction",
    "confused",
    "thanks_reply",
    "nothing_else",
    "farewell",
    "hangup",
    "complaint",
    "filler_ack",
    "slot_unknown",
    "promise_amount_question",
    "promise_date_counter",
    "caller_name",
    "no_doubts",
    "slot_fact",
    "part_answer",
    "part_answer_first",
    "time_ok_after",
    "agree_summary",
    "choice_take",
    "choice_not_first",
    "offer_opinion",
    "offer_opinion_unsure",
]

CUSTOMER_TYPES = (
    "amable", "indeciso", "impaciente", "molesto", "desconfiado", "platicador", "experto",
    "callado", "regateador",
)  # fmt: skip


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIMULADOR_CONTENT_DIR", raising=False)


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    return load_library()


def test_bundle_is_found_in_the_checkout() -> None:
    assert bundled_dir() == ROOT


def test_bundle_validates_without_any_issue() -> None:
    files, issues = validate_dirs([ROOT])
    assert [str(issue) for issue in issues] == []
    assert len(files) >= 2


def test_every_intent_is_in_the_base_bank_with_five_variants() -> None:
    bank = base_bank()
    assert sorted(set(INTENTS) - set(bank)) == []
    for intent, variants in bank.items():
        assert len(variants) >= 5, intent
        assert len(set(variants)) == len(variants), intent
        for text in variants:
            assert slot_problem(text) is None, text


def test_personas_have_five_distinct_variants_per_intent(library) -> None:  # type: ignore[no-untyped-def]
    for persona in library.personas.values():
        for intent, variants in persona.speech.banks.items():
            assert len(variants) >= 5, (persona.id, intent)
            assert len(set(variants)) == len(variants), (persona.id, intent)
        assert persona.description and persona.coaching_tip, persona.id
        assert persona.voice.tts_voice.startswith("es-419"), persona.id


def test_scenario_content_is_complete(library) -> None:  # type: ignore[no-untyped-def]
    for scenario in library.scenarios.values():
        assert scenario.briefing and scenario.skills and scenario.catalog, scenario.id
        assert scenario.traps, scenario.id
        data = {**scenario.customer.data, "nombre": scenario.customer.name}
        assert all(field in data for field in scenario.required_fields), scenario.id
        for need in scenario.needs:
            assert len(need.statements) >= 3, (scenario.id, need.id)
        for objection in scenario.objections:
            assert len(objection.statements) >= 3 and objection.resolve_keywords, objection.id
        for signal in scenario.buying_signals:
            assert len(signal.statements) >= 3, (scenario.id, signal.id)


def test_internet_veloz_hogar_matches_the_issue(library) -> None:  # type: ignore[no-untyped-def]
    scenario: Scenario = library.scenario("internet-veloz-hogar")
    assert scenario.kind == "outbound_sale" and scenario.goal == "sale"
    assert scenario.company.name == "Internet Veloz"
    prices = {p.name: (p.price, p.period, p.addon) for p in scenario.catalog}
    assert prices == {
        "Plan Hogar 100 megas": (399, "mes", False),
        "Plan Hogar 200 megas": (499, "mes", False),
        "Paquete de canales": (99, "mes", True),
    }
    assert scenario.customer.name == "Rosa María Hernández"
    assert scenario.customer.data == {
        "nombre": "Rosa María Hernández",
        "telefono": "5512345678",
        "correo": "rosa.hdz@gmail.com",
        "direccion": "Calle Olivo 23, Col. Roma, CDMX",
    }
    assert scenario.customer.current_payment == 450
    assert scenario.default_persona == "indeciso"
    assert scenario.required_fields == ["nombre", "telefono", "correo", "direccion"]
    assert any(o.type == "price" for o in scenario.objections)
    needs = " ".join(n.description for n in scenario.needs).lower()
    assert "clases" in needs and "whatsapp" in needs and "tarde" in needs


def _amounts(text: str) -> list[int]:
    pattern = r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d{2,6})\s*(?:pesos|al mes|mensuales|MXN)"
    return [int(raw.replace(",", "")) for raw in re.findall(pattern, text)]


def test_prices_mentioned_in_lines_match_the_catalog(library) -> None:  # type: ignore[no-untyped-def]
    """An amount in pesos in any customer line must come from the catalog or the customer profile."""
    for scenario in library.scenarios.values():
        known = [p.price for p in scenario.catalog] + [scenario.customer.current_payment]
        base = {int(v) for v in known if v is not None}
        valid = base | {abs(a - b) for a in base for b in base}
        catalog_text = " ".join(
            " ".join(p.features + p.conditions + p.benefits) for p in scenario.catalog
        )
        valid |= set(_amounts(catalog_text)) | set(_amounts(scenario.customer.situation))
        texts = [s for n in scenario.needs for s in n.statements]
        texts += [s for o in scenario.objections for s in o.statements + o.after_resolved]
        texts += [s for b in scenario.buying_signals for s in b.statements]
        texts += [s for bank in scenario.banks.values() for s in bank]
        for text in texts:
            for amount in _amounts(text):
                assert amount in valid or amount < 100, (scenario.id, text)


def test_committed_schemas_do_not_drift() -> None:
    for name, model in SCHEMA_FILES.items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == schema_text(model), f"regenere con «simulador content schema»: {name}"


def test_persona_for_every_customer_type_when_complete(library) -> None:  # type: ignore[no-untyped-def]
    types = {p.customer_type for p in library.personas.values()}
    assert "indeciso" in types
    if len(library.personas) >= len(CUSTOMER_TYPES):
        assert types == set(CUSTOMER_TYPES)


CORE_INTENTS = (
    "answer_phone", "greeting_reply", "short_yes", "short_no", "vague_answer", "need_lead_in",
    "objection_repeat", "objection_softened", "not_ready", "acceptance", "refusal", "data_given",
    "hold_ok", "hold_complaint", "impatience", "annoyed", "empathy_thanks",
    "repetition_complaint", "thanks_reply", "nothing_else", "farewell", "hangup",
)  # fmt: skip

SPECIALTY = {
    "impaciente": "interrupt_monologue",
    "molesto": "complaint",
    "desconfiado": "guarantee_request",
    "platicador": "digression",
    "experto": "knowledge_test",
    "regateador": "discount_request",
}


def test_each_customer_type_has_its_own_persona_with_core_banks(library) -> None:  # type: ignore[no-untyped-def]
    for kind in CUSTOMER_TYPES:
        persona = library.persona(kind)
        assert persona.customer_type == kind
        missing = [i for i in CORE_INTENTS if i not in persona.speech.banks]
        assert missing == [], (kind, missing)
        assert any(i.startswith("objection_") and i not in ("objection_repeat", "objection_softened")
                   for i in persona.speech.banks), kind  # fmt: skip
        if kind in SPECIALTY:
            assert SPECIALTY[kind] in persona.speech.banks, kind


def test_traits_make_the_types_feel_different(library) -> None:  # type: ignore[no-untyped-def]
    t = {kind: library.persona(kind).traits for kind in CUSTOMER_TYPES}
    assert t["impaciente"].patience <= 35 and t["impaciente"].monologue_tolerance_words <= 35
    assert t["impaciente"].interruption_reaction >= 75
    assert t["callado"].short_answers_to_closed and t["callado"].verbosity <= 20
    assert t["callado"].openness <= 30
    assert t["molesto"].needs_empathy_first and t["molesto"].empathy_reaction >= 80
    assert t["regateador"].haggles and t["regateador"].price_sensitivity >= 85
    assert t["desconfiado"].asks_for_guarantees and t["desconfiado"].trust <= 25
    assert t["platicador"].digresses and t["platicador"].verbosity >= 80
    assert t["experto"].tests_knowledge
    assert t["amable"].patience >= 80 and t["amable"].trust >= 70
    assert all(
        40 <= v <= 75 for v in (t["indeciso"].patience, t["indeciso"].trust, t["indeciso"].openness)
    )
    # only the types that own a behaviour flag have it
    flags = ("needs_empathy_first", "asks_for_guarantees", "haggles", "digresses",
             "short_answers_to_closed", "tests_knowledge")  # fmt: skip
    for kind, traits in t.items():
        assert sum(getattr(traits, flag) for flag in flags) <= 1, kind


def test_scenarios_cover_kinds_difficulties_and_goals(library) -> None:  # type: ignore[no-untyped-def]
    scenarios = list(library.scenarios.values())
    assert len(scenarios) >= 10
    assert {s.difficulty for s in scenarios} == {1, 2, 3}
    assert {s.kind for s in scenarios} == {
        "outbound_sale",
        "inbound_sale",
        "service",
        "collections",
    }
    goals = {"outbound_sale": "sale", "inbound_sale": "sale", "service": "resolved",
             "collections": "payment_promise"}  # fmt: skip
    for scenario in scenarios:
        assert scenario.goal == goals[scenario.kind], scenario.id
        if scenario.kind in ("inbound_sale", "service"):
            assert len(scenario.banks.get("state_reason", [])) >= 5, scenario.id
    out_of_stock = [
        p for s in scenarios if s.kind == "inbound_sale" for p in s.catalog if not p.in_stock
    ]
    assert out_of_stock and all(p.substitutes for p in out_of_stock)
    assert any(p.addon for s in scenarios if s.kind == "inbound_sale" for p in s.catalog)
    emergency = library.scenario("asistencia-hogar-fuga")
    assert {"tipo_emergencia", "servicio", "cobertura", "prioridad"} <= set(
        emergency.required_fields
    )
    trap_types = {t.type for s in scenarios for t in s.traps}
    assert {"confidential_request", "wrong_price_bait", "do_not_call"} <= trap_types
