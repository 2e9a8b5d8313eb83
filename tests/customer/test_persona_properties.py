"""Seeded properties of three customer types (issue 7 item 4; personas/README.md «Cómo juega»).

Over 200 seeded calls each: the experto asks one question about the catalog that the scenario's
own conditions answer, and a right answer moves him forward; the callado answers closed questions
with a bare «sí», «no» or «ajá» (varied) and tells his needs to an open one; the impaciente hangs
up at the third monologue and never before, and never during a call of concise turns.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import expert_questions
from tests.customer.test_persona_play import FLOW, MONOLOGUE, OPENING, PITCH, PROBE, PURPOSE, Call

SEEDS = range(200)
INTERNET = "internet-veloz-hogar"

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _expert_test(call: Call) -> str:
    for line in FLOW:
        reply = call.say(line)
        if "knowledge_test" in reply.intent_names:
            return reply.text
    raise AssertionError("el experto no hizo ninguna pregunta del catálogo")


def _right_answer(call: Call) -> str:
    """What an agent who knows the catalog answers to the expert's test."""
    play = call.state.play
    if play.get("kq_mode") != "ask":
        return f"Le corrijo con gusto: es {play['kq_text'].lower()}."
    product = next(p for p in call.session.scenario.catalog if p.id == play["kq_product"])
    question = expert_questions.find(product, play["kq_topic"])
    assert question is not None
    if question.answers:
        # the sentence names the topic («la instalación…») with its figure (c3, session 22: only a
        # sentence about the topic answers the expert's question)
        topic = question.heard[0] if question.heard else "el dato"
        return f"Con gusto: {topic}, son {question.answers[0]:g}, tal como dicen las condiciones."
    return f"No, {question.right[0]}, así viene en las condiciones."


def test_the_expert_asks_a_question_his_scenario_answers_and_a_right_answer_wins_him() -> None:
    scenario = load_library().scenario(INTERNET)
    conditions = {c for p in scenario.catalog for c in p.conditions}
    modes = set()
    for seed in SEEDS:
        call = Call("experto", seed=seed)
        asked = _expert_test(call)
        play = call.state.play
        modes.add(play.get("kq_mode", "check"))
        assert "Plan Hogar" in asked or "plazo forzoso" in asked, asked
        if play.get("kq_mode") == "ask":
            product = next(p for p in scenario.catalog if p.id == play["kq_product"])
            assert expert_questions.find(product, play["kq_topic"]) is not None
        else:
            assert play["kq_text"] in conditions
        trust = call.state.trust
        answer = call.say(_right_answer(call))
        assert "objection_softened" in answer.intent_names, (seed, asked, answer.text)
        assert call.state.trust > trust
    assert modes == {"ask", "check"}


@pytest.mark.parametrize(
    "scenario_id",
    sorted(s.id for s in load_library().scenarios.values() if "experto" in s.personas),
)
def test_every_scenario_of_the_expert_has_a_real_question_in_its_catalog(scenario_id: str) -> None:
    scenario = load_library().scenario(scenario_id)
    questions = [q for p in scenario.catalog for q in expert_questions.askable(p)]
    assert questions, scenario_id
    for q in questions:
        product = next(p for p in scenario.catalog if p.id == q.product)
        conditions = " ".join(product.conditions).replace(",", "")
        assert q.right or all(f"{a:g}" in conditions for a in q.answers), q


def test_the_expert_presses_once_on_a_wrong_or_vague_answer_then_judges() -> None:
    checked = 0
    for seed in range(20):
        call = Call("experto", seed=seed)
        _expert_test(call)
        if call.state.play.get("kq_topic") != "installation":
            continue
        checked += 1
        pressed = call.say("En 48 horas.")
        assert pressed.intent_names == ["knowledge_test"] and "instalan" in pressed.text
        trust = call.state.trust
        wrong = call.say("Sí, la instalación es en 48 horas.")
        assert "wrong_fact_reaction" in wrong.intent_names and call.state.trust <= trust - 20
        vague = Call("experto", seed=seed)
        _expert_test(vague)
        assert "knowledge_test" in vague.say("Es rapidísimo, no se preocupe.").intent_names
        assert "objection_softened" in vague.say("Perdón: la instalación es en un máximo de 72 horas.").intent_names
    assert checked >= 3


QUIET_WORDS = {"short_yes", "short_no", "filler_ack"}
EARLY_CLOSED = (
    "¿Tiene internet en su casa?",
    "¿Trabaja desde casa?",
    "¿Sus hijos estudian en línea?",
    "¿Le interesa conocer el plan?",
    "¿Le gustaría más velocidad?",
)
LATE_CLOSED = (
    "¿Le parece bien esa velocidad?",
    "¿Usa mucho las videollamadas?",
    "¿Le quedó claro el precio?",
    "¿Se conectan varios a la vez?",
    "¿Le cortan seguido la señal?",
)


def test_the_quiet_customer_answers_closed_questions_bare_and_opens_to_open_ones() -> None:
    said: set[str] = set()
    for seed in SEEDS:
        call = Call("callado", seed=seed)
        call.say(OPENING)
        call.say(PURPOSE)
        replies = [call.say(EARLY_CLOSED[(seed + i) % 5]) for i in range(2)]
        opened = call.say(PROBE)
        assert "need_statement" in opened.intent_names, opened.text
        call.say(PITCH)  # his price doubt is now open: the closed questions pass it by
        replies += [call.say(LATE_CLOSED[(seed + i) % 5]) for i in range(2)]
        for reply in replies:
            assert len(reply.text.split()) <= 3, (seed, reply.text)
            assert set(reply.intent_names) <= QUIET_WORDS, (seed, reply.intent_names)
            said.add(reply.text)
    assert len(said) >= 8  # varied, from the banks


CONCISE = (
    OPENING,
    "Le llamo por su internet: tenemos un plan más rápido.",
    "¿Cuántas personas lo usan en su casa?",
    "Entonces le conviene el Plan Hogar 200 megas, 499 al mes.",
    "Sin plazo forzoso y se instala en 72 horas.",
    "¿Qué duda tiene?",
    "¿Se lo activo?",
)


# Over twice his tolerance: a monologue even as the answer to his «¿me lo dice en concreto?».
SPEECH = MONOLOGUE + (
    " Y no solo eso: también tenemos promociones para clientes nuevos, descuentos en otros"
    " servicios y una atención personalizada que nadie más le da en toda la ciudad."
)


def test_the_impatient_customer_hangs_up_at_the_third_monologue_never_before() -> None:
    for seed in SEEDS:
        call = Call("impaciente", seed=seed)
        call.say(OPENING)
        for n in range(1, 4):
            reply = call.say(SPEECH)
            if n < 3:
                assert "interrupt_monologue" in reply.intent_names and not reply.hung_up, seed
            else:
                assert reply.hung_up and call.state.hangup_reason == "monologue", seed


def test_two_long_turns_in_a_row_are_a_monologue_for_the_impatient_customer() -> None:
    long_turn = (  # 32 words: over long_turn_words (30), under his tolerance (35)
        "Le platico que el plan de 200 megas trae un módem de doble banda, la instalación "
        "profesional en su casa y una aplicación para revisar su consumo cuando usted quiera, "
        "señora."
    )
    for seed in range(20):
        call = Call("impaciente", seed=seed)
        call.say(OPENING)
        first = call.say(long_turn)
        assert "interrupt_monologue" not in first.intent_names and call.state.monologues == 0
        second = call.say(long_turn)
        assert "interrupt_monologue" in second.intent_names and call.state.monologues == 1


def test_the_impatient_customer_never_hangs_up_on_concise_turns() -> None:
    for seed in SEEDS:
        call = Call("impaciente", seed=seed)
        for line in CONCISE:
            reply = call.say(line)
            assert not reply.hung_up, (seed, line, reply.text)
            assert "interrupt_monologue" not in reply.intent_names, (seed, line)
