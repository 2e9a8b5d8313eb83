"""User- and file-supplied text is shown as written: never read as markup, never a control code."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.markup import render
from textual.content import Content

from simulator.language.safe_text import clean, escape_rich, escape_textual

HOSTILE = [
    "[/]",
    "[bold red]x",
    "\x1b[31mroja\x1b[0m",
    "[link=http://x]y[/link]",
    "[$error]z",
    "a\\",
]
PIECES = st.sampled_from(
    [*HOSTILE, "[", "]", "/", "\\", "$", "@", "=", "b", " ", "\x00", "\r\n", "\x9b2J", "[on red]"]
)
TEXTS = st.lists(PIECES | st.text(max_size=3), max_size=12).map("".join)


def test_clean_removes_terminal_sequences_and_controls() -> None:
    assert clean("\x1b[31mroja\x1b[0m") == "roja"
    assert clean("a\x1b]8;;http://x\x07enlace\x1b]8;;\x07") == "aenlace"
    assert clean("x\x9b2Jy\x00\x07\x7f") == "xy"
    assert clean("tab\tnueva\r\nlínea\rfin") == "tab\tnueva\nlínea\nfin"
    assert clean("\u202eatrás") == "atrás"
    assert clean(42) == "42"


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_textual_markup_shows_the_text_as_written(text: str) -> None:
    shown = Content.from_markup(f"[b]{escape_textual(text)}[/b] fin").plain
    assert shown.replace("\u2060", "") == clean(text).replace("\u2060", "") + " fin"


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_rich_markup_never_fails_and_never_styles(text: str) -> None:
    rendered = render(f"[b]{escape_rich(text)}[/b] fin")
    assert "\x1b" not in rendered.plain
    assert all(span.style == "bold" for span in rendered.spans)


def test_the_hostile_examples() -> None:
    for text in HOSTILE:
        assert Content.from_markup(escape_textual(text)).plain.rstrip("\u2060") == clean(text)
        assert render(escape_rich(text)).plain.rstrip("\\") == clean(text).rstrip("\\")
