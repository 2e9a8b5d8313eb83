"""The reply answers the agent's last question before anything else it says (cust-e, session 21).

Blind panel N heard a question answered by a stock acknowledgement, a reaction or a need told
before («¿de dónde sale el agua?» — «Bueno, está bien»). ``answer_topic.fit`` puts the answer
first. The wordings here are our own, not the panel's.
"""

from __future__ import annotations

import random

import pytest

from simulator.content.library import load_library
from simulator.customer import (
    answer_form,
    answer_topic,
    every_part,
    fact_match,
    fact_model,
    plausible,
)
from simulator.customer.state import Intent
from tests.customer.seeded import turn_on

pytestmark = pytest.mark.usefixtures("bundled_content_only")

DATED = {"data_given", "slot_fact", "situation_payment"}  # a date or figure of the scenario
STOCK = ["objection_softened", "filler_ack", "vague_answer", "need_lead_in", "thanks_reply"]


def _names(intents: list[Intent]) -> list[str]:
    return [i.name for i in intents]


def test_a_reaction_alone_to_an_open_question_gets_the_fact_first() -> None:
    turn = turn_on(
        "asistencia-hogar-fuga",
        "amable",
        "Ya quedó su reporte. ¿En qué parte de la casa está la fuga?",
        {"open_question"},
    )
    out = answer_topic.fit(turn, [Intent(name="objection_softened")])
    assert _names(out) == ["part_answer_first", "objection_softened"]
    fact = fact_model.fact_of(turn, "en que parte de la casa esta la fuga")
    assert fact is not None and fact_match.says(fact, out[0].slots["value"])


def test_a_line_that_only_pretends_to_answer_gives_way_to_an_honest_no_se() -> None:
    turn = turn_on(
        "seguro-gastos-medicos",
        "amable",
        "¿Y cómo le harían con la colegiatura si falta usted?",
        {"open_question"},
    )
    out = answer_topic.fit(turn, [Intent(name="vague_answer")])
    assert _names(out) == ["part_answer_first"]
    assert out[0].slots["value"] in plausible.unknown_lines("open")


def test_no_doubt_answers_a_question_about_doubts_the_customer_has_no_fact_for() -> None:
    turn = turn_on(
        "internet-veloz-hogar", "amable", "Perfecto. ¿Alguna duda que le quede?", {"open_question"}
    )
    plan = [Intent(name="no_doubts")]
    assert answer_topic.fit(turn, plan) == plan


def test_a_proposal_is_left_to_the_customers_decision() -> None:
    turn = turn_on(
        "retencion-plan-movil",
        "amable",
        "¿Le interesa el plan de 349 o prefiere seguir con la cancelación?",
        {"close"},
    )
    plan = [Intent(name="objection_softened")]
    assert answer_topic.fit(turn, plan) == plan


def test_an_answer_already_in_the_reply_is_kept() -> None:
    turn = turn_on(
        "asistencia-hogar-fuga",
        "amable",
        "¿En qué parte de la casa está la fuga?",
        {"open_question"},
    )
    plan = [Intent(name="slot_fact", slots={"value": "En la cocina."}), Intent(name="filler_ack")]
    assert answer_topic.fit(turn, plan) == plan


def test_a_pretend_line_beside_the_answer_goes() -> None:
    turn = turn_on(
        "asistencia-hogar-fuga",
        "amable",
        "¿En qué parte de la casa está la fuga?",
        {"open_question"},
    )
    answer = Intent(
        name="part_answer", slots={"value": "En la cocina.", "value_lc": "en la cocina."}
    )
    out = answer_topic.fit(turn, [Intent(name="no_doubts"), answer])
    assert _names(out) == ["part_answer_first"]


def test_the_question_itself_is_no_option_of_an_either_or() -> None:
    asked = "¿Qué le pesa más, pagar de golpe o los intereses?"
    assert answer_form.options(asked) == ["pagar de golpe", "los intereses"]
    assert answer_form.options("¿Le preocupa el monto o la fecha?") == [
        "le preocupa el monto",
        "la fecha",
    ]


def _fact_questions() -> list[tuple[str, str, str]]:
    """Each example question of the scenarios' fact models, with a persona of the scenario."""
    library = load_library()
    out = []
    for sid, scenario in sorted(library.scenarios.items()):
        personas = scenario.personas or [scenario.default_persona]
        for fact in fact_match.facts(sid):
            for example in fact.examples:
                out.append((sid, personas[len(out) % len(personas)], example))
    return out


@pytest.mark.parametrize("seed", range(3))
def test_a_stock_reply_to_a_question_on_a_known_fact_opens_with_that_fact_or_no_se(
    seed: int,
) -> None:
    """Seeded property: over every fact question of every scenario, a reply made of stock
    pieces gets, first, a line that says the fact asked or an honest «no sé»."""
    rng = random.Random(f"answer-topic:{seed}")
    checked = 0
    for sid, persona, question in _fact_questions():
        turn = turn_on(sid, persona, question, {"open_question"}, seed=seed)
        if turn.persona.traits.needs_empathy_first:
            continue  # the upset customer vents first (its own test)
        plan = [Intent(name=rng.choice(STOCK)) for _ in range(rng.randint(1, 2))]
        out = answer_topic.fit(turn, plan)
        part = every_part.parts(answer_form.last_question(question))[0]
        if answer_form.form(question) == "data":
            assert out == plan  # a datum asked: ``datum_asks``' to answer
            continue
        if plausible.part_kind(part) in fact_model.NOT_FACTS:
            assert out == plan  # «¿a qué hora…?» may ask when to call back: not this pass's
            continue
        fact = fact_model.fact_of(turn, part)
        if out == plan:  # a yes/no naming the fact by one word only is left to the moves
            assert every_part._family(part) == "closed", (question, out)
            continue
        first = out[0]
        said = str(first.slots.get("value", ""))
        on_topic = fact is not None and (said in fact.lines or fact_match.says(fact, said))
        honest = said in plausible.unknown_lines("open")
        if first.name in DATED:
            assert first.name != plan[0].name, (question, out)  # a date or amount it holds
        else:
            assert first.name.startswith("part_answer"), (question, out)
            model = str(first.slots.get("kind", "")).startswith("model:")
            assert on_topic or honest or model, (question, said)
        checked += 1
    assert checked > 10
