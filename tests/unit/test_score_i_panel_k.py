"""Panel K's unfair judgements (session 17) and external dev readings, in our own words.

What a trainer expects: product information shown by the turn that informs, not the reflection
before it; a customer who puts the decision off for want of information raised an objection, and
pressing on («mejor lo dejamos de una vez») does not handle it, while sending the information
does; probing is not failed when the need was found; a call from outside where the customer stated
no need is judged on the price said before the customer had to ask.
"""

from __future__ import annotations

from simulator.analysis.customer import tag_customer
from simulator.scoring import elements_objections, evidence_fit, score_transcript, skills
from simulator.scoring.elements_product import priced_unasked
from simulator.scoring.engine import score_with_context
from tests.unit.test_scoring_rules import GOOD_CLOSING, GOOD_OPENING, PITCH, PROBE, build

REFLECTION = (
    "a",
    "Entiendo, con las tareas en línea cada corte les pesa mucho, ¿verdad?",
    "paraphrase",
    "benefit",
)


def test_product_information_cites_the_turn_that_informs_not_the_reflection() -> None:
    lines = GOOD_OPENING + PROBE + [REFLECTION, ("c", "Sí, mucho.", "other")] + PITCH + GOOD_CLOSING
    transcript, acts = build(lines, outcome="sale")
    card, ctx = score_with_context(transcript, acts)
    element = card.elements["product_information"]
    reflection = len(GOOD_OPENING + PROBE) + 1
    pitch = reflection + 2
    assert element.met is True
    assert not evidence_fit.informs(ctx, reflection)
    assert reflection not in {ev.turn for ev in element.evidence}
    assert pitch in {ev.turn for ev in element.evidence}


def test_putting_the_decision_off_for_information_is_an_objection() -> None:
    offer = "Le tengo la cobertura amplia en 9,800 al año. ¿Se la dejo de una vez?"
    for said in (
        "Todavía no. Me faltan datos para decidir.",
        "¿Me puede mandar la información por correo antes de aceptar?",
        "Necesito más información para decidir, la verdad.",
    ):
        tags = tag_customer(said, offer)
        assert "objection" in tags.acts, said
        assert tags.objection_type == "must_consult", said


def _stall_call(answer: str, *labels: str) -> tuple[list, int]:
    lines = (
        GOOD_OPENING
        + PROBE
        + PITCH[:1]
        + [
            ("c", "Todavía no, me faltan datos para decidir.", "objection", "obj:must_consult"),
            ("a", answer, *labels),
            ("c", "Bueno, gracias.", "thanks"),
        ]
        + GOOD_CLOSING
    )
    return lines, len(GOOD_OPENING + PROBE + PITCH[:1]) + 1


def test_pressing_on_after_a_stall_is_not_handling_it() -> None:
    lines, stall = _stall_call(
        "Sí se la puedo mandar, pero mejor lo dejamos de una vez y así no se le vence.",
        "objection_response",
    )
    transcript, acts = build(lines, outcome="sale")
    card, ctx = score_with_context(transcript, acts)
    assert elements_objections.response_turn(ctx, stall) is None
    assert card.elements["objection_handling"].met is False


def test_sending_the_information_answers_the_stall() -> None:
    lines, stall = _stall_call(
        "Perfecto, en el correo le va la información del plan y usted me dice cuando la revise."
        " ¿Le parece?",
        "close",
    )
    transcript, acts = build(lines, outcome="sale")
    _, ctx = score_with_context(transcript, acts)
    assert elements_objections.response_turn(ctx, stall) == stall + 1


def test_probing_is_not_failed_when_the_need_was_found() -> None:
    transcript, acts = build(GOOD_OPENING + PROBE + PITCH + GOOD_CLOSING, outcome="sale")
    card = score_transcript(transcript, acts)
    assert card.elements["needs_detection"].met is True
    assert (card.skills["probing"] or 0) >= skills.NEEDS_MET_FLOOR


COLD_PITCH = [
    ("a", "Le llamo porque tenemos un plan de internet con módem para su hogar.", "feature"),
    ("c", "¿Y cuánto cuesta?", "question"),
    ("a", "Son 499 pesos al mes.", "feature"),
    ("c", "Ah, bueno.", "other"),
]


def test_an_imported_cold_sale_is_judged_on_the_price_said_unasked() -> None:
    asked, _ = build(GOOD_OPENING + COLD_PITCH + GOOD_CLOSING)  # no outcome: a call from outside
    _, ctx = score_with_context(asked, None)
    assert ctx.imported
    assert not priced_unasked(ctx)
    told = [
        (
            "a",
            "Tenemos el Plan Hogar 200 megas con módem incluido por 499 pesos al mes.",
            "feature",
        ),
        ("c", "Ah, bueno.", "other"),
    ]
    volunteered, _ = build(GOOD_OPENING + told + GOOD_CLOSING)
    _, ctx = score_with_context(volunteered, None)
    assert priced_unasked(ctx)
