"""The one rule for «¿…?» questions (simulator.analysis.questions) that customer and scorer share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from simulator.analysis import questions


def test_marked_and_bodies_in_order() -> None:
    text = "Le explico el plan. ¿Le queda claro? Y luego, ¿cuál le late más, el Nova o el Astra?"
    assert questions.marked(text) == ["¿Le queda claro?", "¿cuál le late más, el Nova o el Astra?"]
    assert questions.bodies(text) == ["Le queda claro", "cuál le late más, el Nova o el Astra"]
    assert questions.count(text) == 2


def test_without_keeps_what_is_stated() -> None:
    text = "Son dos opciones: de contado o a meses. ¿Cuál prefiere?"
    assert questions.without(text).strip() == "Son dos opciones: de contado o a meses."


def test_empty_and_nested_marks() -> None:
    assert questions.bodies("¿? Bueno") == []
    # a second «¿» opens the question that is closed: the first one never closed
    assert questions.marked("¿Cómo dice ¿me oye?") == ["¿me oye?"]
    assert questions.count("Sin pregunta alguna.") == 0


def test_reading_limit() -> None:
    text = "a" * 50 + " ¿Me oye?"
    assert questions.count(text, limit=20) == 0
    assert questions.count(text) == 1


_plain = st.text(alphabet=st.characters(blacklist_characters="¿?"), max_size=40)


@given(st.lists(st.tuples(_plain, _plain), max_size=5))
def test_every_marked_question_is_found(pairs: list[tuple[str, str]]) -> None:
    """Statements and questions interleaved: each question comes back, in order, and taking the
    questions out leaves no mark."""
    text = "".join(f"{said}¿{asked}?" for said, asked in pairs)
    assert questions.marked(text) == [f"¿{asked}?" for _, asked in pairs]
    assert "¿" not in questions.without(text) and "?" not in questions.without(text)
