"""Judged by the call's kind (issue 12, item 6): which elements apply to sale, service, complaint
and collections calls, the Spanish reason shown when one does not, and «pruebe decir» phrasings
that come from the call's own kind, company, product and customer — rendered for every scenario
and for imported calls that name none."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from simulator.content.library import load_library
from simulator.content.transcripts import apply_scenario
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring.context import CallContext
from simulator.scoring.engine import score_with_context
from simulator.scoring.judged import _kind_examples, example
from simulator.scoring.rubric import rules
from simulator.scoring.slots import slots

SCENARIOS = sorted(
    p.name.removesuffix(".scenario.yaml")
    for p in (Path(__file__).resolve().parents[2] / "scenarios").glob("*.scenario.yaml")
)
KINDS = ("sale_outbound", "sale_inbound", "service", "complaint", "collections")
_PLACEHOLDER = re.compile(r"\((producto|precio del catálogo|nombre del cliente)\)")
_ROLES = re.compile(r"\b(Esposa|Esposo|Hija|Hijo|Mamá|Papá|Vecina|Vecino)\b")


def call(turns: list[tuple[str, str]], **fields: Any) -> Transcript:
    return Transcript.model_validate(
        {"turns": [{"speaker": s, "text": t} for s, t in turns], **fields}
    )


def context(transcript: Transcript) -> CallContext:
    return score_with_context(transcript)[1]


def assert_grammatical(text: str) -> None:
    assert text, "empty phrasing"
    assert "{" not in text and "}" not in text, text
    assert not _PLACEHOLDER.search(text), text
    assert not _ROLES.search(text), text
    assert "  " not in text and " ," not in text and ",," not in text and ", ." not in text, text
    assert text.count("¿") == text.count("?"), text
    assert text[0].isupper() or text[0] in "¿¡«", text


def all_phrasings(ctx: CallContext) -> list[str]:
    filled = slots(ctx)
    out = [example(rule.key, filled) for rule in rules() if rule.kind == "element"]
    for key in _kind_examples():
        for kind in KINDS:
            rendered = example(key, filled, call_kind=kind)
            if rendered:
                out.append(rendered)
    return out


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_kind_template_renders_for_every_scenario(scenario: str) -> None:
    transcript = apply_scenario(
        call([("agent", "Buenos días."), ("customer", "Bueno, ¿quién habla?")], scenario=scenario),
        load_library(),
    )
    for text in all_phrasings(context(transcript)):
        assert_grammatical(text)


def test_every_kind_template_renders_for_an_imported_call_without_scenario() -> None:
    transcript = call([("agent", "Bueno."), ("customer", "Sí, habla su esposa, él no está.")])
    ctx = context(transcript)
    assert ctx.customer_name is None  # «habla su esposa» names a role, not a person
    for text in all_phrasings(ctx):
        assert_grammatical(text)


def test_collections_needs_detection_is_judged_on_the_cause_and_capacity_to_pay() -> None:
    """Collections are not probed for buying needs, but an expert still asks why the payment is
    late or what the debtor can pay (tests/unit/test_scoring_kinds.py has the details)."""
    card = score_transcript(
        call(
            [
                ("agent", "Buenos días, le habla Laura de Banco Sol. ¿Hablo con Juan Pérez?"),
                ("customer", "Sí, soy yo."),
                ("agent", "Le llamo por el saldo vencido de su tarjeta. ¿Cuándo podría pagarlo?"),
                ("customer", "El viernes le pago 500."),
            ],
            kind="collections",
        )
    )
    needs = card.elements["needs_detection"]
    assert needs.met is True  # «¿Cuándo podría pagarlo?» explores the capacity to pay


def test_inbound_service_call_is_not_demanded_sales_probing() -> None:
    card = score_transcript(
        call(
            [
                ("agent", "Gracias por llamar a Banco Sol, le atiende Laura. ¿En qué le ayudo?"),
                ("customer", "Quiero saber el saldo de mi cuenta, por favor."),
                ("agent", "Con gusto. Su saldo disponible al día de hoy es de 3,250 pesos."),
                ("customer", "Perfecto, es todo."),
                ("agent", "¿Algo más en lo que le pueda ayudar? Gracias por llamar, buen día."),
            ],
            kind="service",
        )
    )
    needs = card.elements["needs_detection"]
    assert not any("pregunta abierta" in m for m in needs.missing), needs.missing
    assert card.elements["product_information"].met is True  # the balance was explained


def test_complaint_is_a_call_kind_judged_without_selling() -> None:
    transcript = call(
        [("agent", "Buenos días."), ("customer", "Quiero poner una queja.")], kind="complaint"
    )
    card = score_transcript(transcript)
    assert card.skills["closing"] is None
    assert card.elements["objection_handling"].met is None


def test_third_party_call_is_not_judged_on_probing_product_or_data() -> None:
    card = score_transcript(
        call(
            [
                ("customer", "¿Bueno?"),
                ("agent", "Buenas tardes, hablo de Banco Sol. ¿Se encuentra el señor Ramírez?"),
                ("customer", "No, no se encuentra, soy su esposa. ¿Para qué lo busca?"),
                ("agent", "Es un asunto personal; ¿a qué hora lo puedo localizar?"),
                ("customer", "En la noche."),
                ("agent", "Gracias, le marco más tarde. Que tenga buena tarde."),
            ],
            kind="collections",
            required_fields=["fecha_pago"],
        )
    )
    for key in ("needs_detection", "product_information", "data_management"):
        element = card.elements[key]
        assert element.met is None, key
        assert element.not_applicable_reason and "titular" in element.not_applicable_reason


def test_right_party_confirmed_later_is_judged_normally() -> None:
    card = score_transcript(
        call(
            [
                ("customer", "¿Bueno?"),
                ("agent", "Buenas tardes, hablo de Banco Sol. ¿Se encuentra el señor Ramírez?"),
                ("customer", "No se encuentra... ah no, espere, ya llegó. Sí, él habla."),
                ("agent", "Señor Ramírez, le llamo por el saldo vencido de su tarjeta."),
            ],
            kind="collections",
            required_fields=["fecha_pago"],
        )
    )
    assert card.elements["data_management"].met is False


def test_collections_promise_registered_is_not_a_sale_without_consent() -> None:
    card = score_transcript(
        call(
            [
                ("agent", "Buenos días, le habla Laura de Banco Sol. ¿Hablo con Juan Pérez?"),
                ("customer", "Sí, soy yo."),
                ("agent", "¿Me confirma que el viernes 27 hace su pago de 500 pesos?"),
                ("customer", "Sí, el viernes le pago los 500."),
                ("agent", "Listo, queda registrado. Gracias, que tenga buen día."),
            ],
            kind="collections",
            outcome="unresolved",
            events=[{"type": "sale_registered", "value": "promesa de pago", "after_turn": 4}],
        )
    )
    assert "sale_without_consent" not in [e.code for e in card.critical_errors]
