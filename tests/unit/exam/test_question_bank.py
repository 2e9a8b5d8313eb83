"""The shipped knowledge question bank meets the bar of a certification questionnaire.

The bank is data (``simulator/exam/es/questions.yaml``); these tests keep it honest when someone
edits it: it loads with the real loader, every topic of the plan has enough questions for a draw,
the right answer is not given away by being the longest option, by always sitting in the same
place or by its wording (a «confirm-», a «señor», a model phrase in «…», a «porque», an absolute
«nunca/siempre/todo» that only the right options, or only the wrong ones, carry), no option
depends on the order of the others (options are shuffled), every question teaches something after
submission, and the product questions name a scenario that exists and quote it.
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

# Wording a test-wise candidate reads as a mark of the right option (or of the wrong ones). Among
# the options that carry a cue, the share of right answers must stay near the base rate (one
# option in four), and no question may have the cue in its right option alone.
CUES = {
    "confirm-": re.compile(r"\bconfirm", re.IGNORECASE),
    "señor/señora": re.compile(r"\bseñor(a|ita)?\b", re.IGNORECASE),
    "frase modelo «…»": re.compile("«"),
    "porque/para que/para no": re.compile(r"\b(porque|para que|para no)\b", re.IGNORECASE),
    "procedimiento": re.compile(r"\bprocedimiento", re.IGNORECASE),
    "absolutos (nunca, siempre, todo…)": re.compile(
        r"\b(nunca|jamás|siempre|tod[oa]s?|de inmediato|cualquiera?|sin límite)\b", re.IGNORECASE
    ),
}
CUE_SHARE = (0.15, 0.35)  # bounds of the right options' share among the options with a cue
MIN_CUE_OPTIONS = 10  # below this a share says nothing
MAX_LONE_CUES = 1  # questions per cue in which only the right option carries it


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


def cue_counts(bank: QuestionBank) -> dict[str, tuple[int, int, list[str]]]:
    """Per cue: options that carry it, right options that carry it, and the ids of the questions
    in which the right option is the only one that carries it."""
    counts: dict[str, tuple[int, int, list[str]]] = {}
    for name, cue in CUES.items():
        with_cue = right = 0
        lone: list[str] = []
        for q in bank.questions:
            hits = [i for i, option in enumerate(q.options) if cue.search(option)]
            with_cue += len(hits)
            right += (q.answer - 1) in hits
            if hits == [q.answer - 1]:
                lone.append(q.id)
        counts[name] = (with_cue, right, lone)
    return counts


def cue_problems(bank: QuestionBank) -> list[str]:
    problems = []
    low, high = CUE_SHARE
    for name, (with_cue, right, lone) in cue_counts(bank).items():
        if with_cue >= MIN_CUE_OPTIONS and not low <= right / with_cue <= high:
            problems.append(f"{name}: {right} of {with_cue} options with it are right answers")
        if len(lone) > MAX_LONE_CUES:
            problems.append(f"{name}: only the right option carries it in {lone}")
    return problems


def test_no_wording_cue_marks_the_right_or_the_wrong_options(bank: QuestionBank) -> None:
    counts = cue_counts(bank)
    assert all(
        with_cue >= MIN_CUE_OPTIONS
        for name, (with_cue, _, _) in counts.items()
        if name != "procedimiento"
    ), counts
    assert not cue_problems(bank)


def _bank(*options_and_answers: tuple[list[str], int]) -> QuestionBank:
    return QuestionBank(
        version=1,
        questions=[
            Question(
                id=f"sondeo-{n:02d}",
                topic="sondeo",
                question="¿Qué hace?",
                options=options,
                answer=answer,
                explanation="Porque así se hace.",
                reference="Desempeño: Detecta las necesidades",
            )
            for n, (options, answer) in enumerate(options_and_answers, start=1)
        ],
    )


def test_the_cue_check_catches_a_bank_whose_wording_gives_the_answer_away() -> None:
    plain = ["Pregunta por su uso.", "Ofrece el plan.", "Pide sus datos.", "Cuelga."]
    marked = ["Confirma con el señor lo que dijo: «¿Así es?»", *plain[1:]]
    # the right option alone carries «confirm», «señor» and a quoted phrase, twelve times over
    flagged = {problem.split(":")[0] for problem in cue_problems(_bank(*[(marked, 1)] * 12))}
    assert flagged == {"confirm-", "señor/señora", "frase modelo «…»"}
    # the reason clause only ever in wrong options is a cue as well
    excused = [plain[0], "Ofrece el plan, porque ya le interesa.", *plain[2:]]
    assert cue_problems(_bank(*[(excused, 1)] * 12)) == [
        "porque/para que/para no: 0 of 12 options with it are right answers"
    ]
    # the same wording in right and wrong options alike is no cue
    twice = [marked[0], "Confirma con el señor: «¿Le llamo mañana?»", *plain[2:]]
    assert not cue_problems(_bank(*[(twice, 1), (twice, 3)] * 6))
