"""safe_text: hostile strings never style, crash or command the terminal (Rich and Textual)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text

from simulator.language.safe_text import escape_markup, safe_markup, shorten, strip_controls

HOSTILE = [
    "[/]",
    "[bold red]x",
    "\x1b[31mrojo\x1b[0m",
    "[link=http://x]y[/link]",
    "[/inaudible]",
    "sí [/inaudible] claro",
    "[$accent]x",
    "[B]x[/B]",
    "[@click=app.quit]salir",
    "termina en \\",
    "\\[bold]no",
    "[ bold]x",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_written_in_rich(text: str) -> None:
    rendered = Text.from_markup(f"[red]{escape_markup(text)}[/red]")
    assert len(rendered.spans) == 1  # only our own [red]
    assert rendered.spans[0].end == len(rendered.plain)
    if "\\" not in text:
        assert rendered.plain == text


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_written_in_textual(text: str) -> None:
    from textual.content import Content

    rendered = Content.from_markup(f"[red]{escape_markup(text)}[/red]")
    assert [(s.start, s.end) for s in rendered.spans] == [(0, len(rendered.plain))]
    if "\\" not in text:
        assert rendered.plain == text


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet="[]\\/ab$@#=B. ", max_size=16))
def test_escape_never_crashes_nor_styles(text: str) -> None:
    from textual.content import Content

    escaped = escape_markup(text)
    assert not Text.from_markup(escaped).spans
    assert not Content.from_markup(escaped).spans
    wrapped = Text.from_markup(f"[b]{escaped}[/b]")
    assert [(s.start, s.end) for s in wrapped.spans] in ([(0, len(wrapped.plain))], [])


def test_strip_controls_removes_escape_sequences() -> None:
    assert strip_controls("\x1b[31mrojo\x1b[0m") == "rojo"
    assert strip_controls("a\x1b]0;titulo\x07b") == "ab"
    assert strip_controls("a\x1b]8;;http://x\x1b\\enlace\x1b]8;;\x1b\\b") == "aenlaceb"
    assert strip_controls("a\x9b2Jb") == "ab"
    assert strip_controls("bell\x07 back\x08 del\x7f nul\x00") == "bell back del nul"
    assert strip_controls("\u202eevil\u202c") == "evil"


def test_strip_controls_keeps_lines_or_flattens_them() -> None:
    assert strip_controls("uno\r\ndos\rtres\tcuatro") == "uno\ndos\ntres\tcuatro"
    assert strip_controls("uno\ndos\tcuatro", newlines=False) == "uno dos cuatro"
    plain = "Buenas tardes, ¿con quién hablo? Ñandú — 499 pesos"
    assert strip_controls(plain) is plain


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_stripped_text_has_no_controls(text: str) -> None:
    out = strip_controls(text)
    assert "\x1b" not in out
    assert all(ch in "\n\t" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0) for ch in out)
    flat = strip_controls(text, newlines=False)
    assert "\n" not in flat and "\t" not in flat


def test_safe_markup_and_shorten() -> None:
    assert safe_markup("\x1b[1m[/]") == "\\[/]"
    assert safe_markup(42) == "42"
    assert shorten("x" * 100, 10) == "x" * 9 + "…"
    assert shorten("corto") == "corto"
