"""The question bank loader: the bundled bank loads; a broken bank gives Spanish ``archivo:línea``
errors (never a traceback); drawing and grading follow the plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.errors import ContentError
from simulator.exam.questionnaire import draw_questionnaire, grade
from simulator.exam.questions import load_bank, parse_bank, topics

GOOD = """\
version: 1
questions:
  - id: sondeo-01
    topic: sondeo
    question: "¿Cuál es abierta?"
    options: ["¿Le interesa?", "¿Para qué lo usa?", "¿Tiene internet?"]
    answer: 2
    explanation: "Invita a explicar."
    reference: "Detecta necesidades"
"""


def _bank_text(n_per_topic: int) -> str:
    rows = ["version: 1", "questions:"]
    for topic in topics():
        for i in range(n_per_topic):
            rows += [
                f"  - id: {topic}-{i:02d}",
                f"    topic: {topic}",
                f'    question: "Pregunta {i} de {topic}"',
                f'    options: ["uno {i}", "dos {i}", "tres {i}", "cuatro {i}"]',
                f"    answer: {i % 4 + 1}",
                '    explanation: "Porque sí lo dice el estándar."',
                '    reference: "Estándar"',
            ]
    return "\n".join(rows) + "\n"


def test_bundled_bank_loads_and_covers_every_topic() -> None:
    bank = load_bank()
    assert {q.topic for q in bank.questions} == set(topics())


def test_a_good_bank_parses() -> None:
    bank = parse_bank(GOOD, "banco.yaml")
    assert bank.questions[0].answer == 2


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (("answer: 2", "answer: 4"), 7, "la respuesta 4 no existe"),
        (("topic: sondeo", "topic: chismes"), 4, "tema desconocido «chismes»"),
        (('"¿Tiene internet?"', '"¿Le interesa?"'), 6, "opción repetida"),
        (('    reference: "Detecta necesidades"\n', ""), 3, "reference"),
        (("answer: 2", "answer: dos"), 7, "answer"),
        (('"¿Tiene internet?"', '"Todas las anteriores"'), 6, "las opciones se barajan"),
        (('"¿Tiene internet?"', '"La opción a"'), 6, "no puede remitir a las demás"),
        (('"Invita a explicar."', '"      "'), 8, "texto vacío"),
    ],
)
def test_a_broken_bank_names_file_line_and_problem(
    change: tuple[str, str], line: int, words: str
) -> None:
    with pytest.raises(ContentError) as caught:
        parse_bank(GOOD.replace(*change), "banco.yaml")
    assert caught.value.path == "banco.yaml"
    assert caught.value.line == line
    assert words in str(caught.value)


def test_repeated_ids_are_reported() -> None:
    text = GOOD + GOOD.split("questions:\n")[1]
    with pytest.raises(ContentError, match="el id «sondeo-01» está repetido"):
        parse_bank(text, "banco.yaml")


def test_a_missing_file_is_a_spanish_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="no se pudo leer el banco de preguntas"):
        load_bank(tmp_path / "no-existe.yaml")


@given(st.text(max_size=300))
def test_any_text_is_a_bank_or_a_content_error(text: str) -> None:
    try:
        parse_bank(text, "banco.yaml")
    except ContentError as error:
        assert str(error)


def test_the_draw_spreads_topics_shuffles_and_is_reproducible() -> None:
    bank = parse_bank(_bank_text(4), "banco.yaml")
    first = draw_questionnaire(bank, 20, seed=7)
    assert draw_questionnaire(bank, 20, seed=7) == first
    assert draw_questionnaire(bank, 20, seed=8) != first
    assert len(first.questions) == 20 and len({q.id for q in first.questions}) == 20
    per_topic = {t: sum(q.topic == t for q in first.questions) for t in topics()}
    assert set(per_topic.values()) == {2}  # 10 topics, two each
    by_id = {q.id: q for q in bank.questions}
    moved = 0
    for drawn in first.questions:
        original = by_id[drawn.id]
        assert sorted(drawn.options) == sorted(original.options)
        assert drawn.options[drawn.answer] == original.options[original.answer - 1]
        moved += drawn.options != original.options
    assert moved >= 10  # options are shuffled


def test_a_small_bank_gives_what_it_has() -> None:
    bank = parse_bank(GOOD, "banco.yaml")
    assert len(draw_questionnaire(bank, 20, seed=1).questions) == 1


def test_grading_counts_topics_and_the_pass_mark() -> None:
    bank = parse_bank(_bank_text(2), "banco.yaml")
    drawn = draw_questionnaire(bank, 20, seed=3)
    right = {q.id: q.answer for q in drawn.questions}
    assert grade(drawn, right, 0.8).passed
    four_wrong = dict(right)
    for q in drawn.questions[:4]:
        four_wrong[q.id] = (q.answer + 1) % len(q.options)
    result = grade(drawn, four_wrong, 0.8)
    assert (result.correct, result.total, result.passed) == (16, 20, True)
    five_missing = {k: v for k, v in four_wrong.items() if k != drawn.questions[4].id}
    result = grade(drawn, five_missing, 0.8)
    assert (result.correct, result.passed) == (15, False)
    assert result.questions[4].chosen is None and not result.questions[4].correct
    assert sum(t.total for t in result.topics) == 20
    assert all(t.label for t in result.topics)
    out_of_range = grade(drawn, {drawn.questions[0].id: 99}, 0.8)
    assert out_of_range.questions[0].chosen is None
