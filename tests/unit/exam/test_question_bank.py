"""The shipped knowledge question bank meets the bar of a certification questionnaire.

The bank is data (``simulator/exam/es/questions.yaml``); these tests keep it honest when someone
edits it: it loads with the real loader, every topic of the plan has enough questions for a draw,
the right answer is not given away by being the longest option or by always sitting in the same
place, no option depends on the order of the others (options are shuffled), every question teaches
something after submission, and the product questions name a scenario that exists and quote it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

import pytest

from simulator.content.library import bundled_dir, load_file
from simulator.exam.questionnaire import draw_questionnaire
from simulator.exam.questions import (
    REFERS_TO_OTHERS,
    Question,
    QuestionBank,
    load_bank,
    topics,
)
from simulator.models.content import Scenario

MIN_QUESTIONS = 60
MIN_PER_TOPIC = 6
MAX_SHARE = 0.40  # of the right option being the longest, and of any answer position

# ... and no explanation may name an option by its place («la segunda es…»).
BY_PLACE = re.compile(
    r"\b(la|el) (primer[ao]?|segund[ao]|tercer[ao]?|cuart[ao]|quint[ao]|últim[ao])\b"
    r"(?=\s*(opción|frase|respuesta|alternativa|[,;]|\s(es|son|omite|dice)\b))",
    re.IGNORECASE,
)
SCENARIO_REF = re.compile(r"Producto: ([a-z0-9]+(?:-[a-z0-9]+)+)")


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank()


def _fold(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: what a reader would call the same."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", plain).split())


def _right(question: Question) -> str:
    return question.options[question.answer - 1]


@cache
def _scenario(scenario_id: str) -> Scenario | None:
    root = bundled_dir()
    assert root is not None, "no bundled scenarios next to the package"
    path = root / "scenarios" / f"{scenario_id}.scenario.yaml"
    if not path.is_file():
        return None
    obj = load_file(path, "scenario").obj
    assert isinstance(obj, Scenario)
    return obj


def test_the_shipped_bank_loads_and_is_large_enough(bank: QuestionBank) -> None:
    assert len(bank.questions) >= MIN_QUESTIONS


def test_every_topic_of_the_plan_has_enough_questions(bank: QuestionBank) -> None:
    per_topic = Counter(q.topic for q in bank.questions)
    assert set(per_topic) == set(topics())
    short = {t: n for t, n in per_topic.items() if n < MIN_PER_TOPIC}
    assert not short, f"topics with fewer than {MIN_PER_TOPIC} questions: {short}"


def test_ids_are_unique_and_named_after_their_topic(bank: QuestionBank) -> None:
    repeated = [i for i, n in Counter(q.id for q in bank.questions).items() if n > 1]
    assert not repeated
    misnamed = [q.id for q in bank.questions if not re.fullmatch(rf"{q.topic}-\d{{2}}", q.id)]
    assert not misnamed, f"ids not of the form <topic>-NN: {misnamed}"


def test_each_question_has_distinct_options_and_an_answer_in_range(bank: QuestionBank) -> None:
    for q in bank.questions:
        assert 3 <= len(q.options) <= 4, q.id
        folded = [_fold(o) for o in q.options]
        assert len(set(folded)) == len(folded), f"{q.id}: two options say the same"
        assert 1 <= q.answer <= len(q.options), q.id
        assert all(o.strip() == o and o for o in q.options), f"{q.id}: blank or padded option"


def test_no_option_depends_on_the_order_of_the_others(bank: QuestionBank) -> None:
    offending = [(q.id, o) for q in bank.questions for o in q.options if REFERS_TO_OTHERS.search(o)]
    assert not offending


def test_the_pattern_catches_options_that_point_at_others() -> None:
    for text in (
        "Todas las anteriores",
        "ninguna de las anteriores",
        "Ambas respuestas son correctas",
        "La opción b",
        "a) y c)",
    ):
        assert REFERS_TO_OTHERS.search(text), text
    for text in ("Todas las tardes se traba el internet", "Le da respuesta a su pregunta"):
        assert not REFERS_TO_OTHERS.search(text), text


def test_no_explanation_names_an_option_by_its_place(bank: QuestionBank) -> None:
    offending = [q.id for q in bank.questions if BY_PLACE.search(q.explanation)]
    assert not offending
    for text in ("La segunda frase es un cierre", "la tercera omite la empresa", "La primera, no"):
        assert BY_PLACE.search(text), text
    for text in ("Ante la primera pista", "desde el primer día", "desde el segundo cobra 690"):
        assert not BY_PLACE.search(text), text


def test_the_right_option_is_seldom_the_longest(bank: QuestionBank) -> None:
    def longest(q: Question) -> bool:
        others = [len(o) for i, o in enumerate(q.options) if i != q.answer - 1]
        return len(_right(q)) > max(others)

    share = sum(longest(q) for q in bank.questions) / len(bank.questions)
    assert share <= MAX_SHARE, f"the right option is the longest in {share:.0%} of questions"


def test_the_right_answer_positions_are_spread(bank: QuestionBank) -> None:
    positions = Counter(q.answer for q in bank.questions)
    shares = {p: n / len(bank.questions) for p, n in positions.items()}
    assert max(shares.values()) <= MAX_SHARE, shares
    assert set(positions) >= {1, 2, 3, 4}, shares


def test_every_question_teaches_and_cites_the_standard(bank: QuestionBank) -> None:
    for q in bank.questions:
        assert q.explanation.strip(), q.id
        assert q.reference.strip(), q.id
        assert q.question.rstrip().endswith("?"), f"{q.id}: the stem should end in a question"
        assert "¿" in q.question, f"{q.id}: a Spanish question opens with ¿"


def test_product_questions_name_an_existing_scenario_and_its_company(bank: QuestionBank) -> None:
    cited = 0
    for q in bank.questions:
        for scenario_id in SCENARIO_REF.findall(q.reference):
            scenario = _scenario(scenario_id)
            assert scenario is not None, f"{q.id}: unknown scenario «{scenario_id}»"
            assert scenario.company.name in q.question, (
                f"{q.id}: cites {scenario_id} but does not name «{scenario.company.name}»"
            )
            cited += 1
    product = [q for q in bank.questions if q.topic == "producto"]
    assert all(SCENARIO_REF.search(q.reference) for q in product), (
        "a product question without scenario"
    )
    assert cited >= len(product)


@pytest.mark.parametrize("seed", range(12))
def test_every_exam_drawn_from_the_bank_covers_all_topics(bank: QuestionBank, seed: int) -> None:
    drawn = draw_questionnaire(bank, 20, seed=seed)
    assert len(drawn.questions) == 20
    assert len({q.id for q in drawn.questions}) == 20
    per_topic = Counter(q.topic for q in drawn.questions)
    assert set(per_topic) == set(topics())
    assert max(per_topic.values()) - min(per_topic.values()) <= 1
