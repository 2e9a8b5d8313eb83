"""Fuzz tests (hypothesis) for each hostile shape: only SimuladorError may escape.

Modest sizes keep the suite fast; ``bench/bench_fuzz.py`` runs 10,000+ inputs and commits the
counts in ``bench/results/fuzz.json``.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.errors import InputError, SimuladorError, TranscriptError
from simulator.models.transcript import Transcript
from simulator.scoring.loader import parse_text
from simulator.session.patterns import PatternError, compile_pattern
from simulator.untrusted import parse_json

SAMPLE = json.loads(
    (Path(__file__).parents[1] / "data" / "transcripts" / "sample_sale.json").read_text("utf-8")
)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
GRADED = settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))

raw_numbers = st.sampled_from(
    ["9" * 4301, "-" + "9" * 4400, "1" * 4400 + ".5", "NaN", "Infinity", "-Infinity", "1e999"]
)
nesting = st.integers(min_value=1000, max_value=3000).flatmap(
    lambda depth: st.sampled_from(["[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth])
)
hostile_text = st.sampled_from(
    ["[/]", "[bold red]x", "\x1b[31mrojo", "[link=http://x]y[/link]", "[/inaudible]", "\x00\u202e"]
)


@FAST
@given(st.sampled_from(sorted(SAMPLE)), st.one_of(raw_numbers, nesting))
def test_any_field_with_a_huge_number_or_deep_nesting_is_refused(field: str, raw: str) -> None:
    data = dict(SAMPLE)
    data.pop(field)
    text = json.dumps(data)[:-1] + f', "{field}": {raw}}}'
    try:
        parse_text(text, "x.json")
    except TranscriptError as error:
        assert str(error).startswith("x.json")
    else:  # pragma: no cover - every such value is refused
        raise AssertionError(field)


@FAST
@given(st.one_of(raw_numbers, nesting, st.text(max_size=50)))
def test_parse_json_raises_only_input_errors(text: str) -> None:
    try:
        parse_json(text, "x.json")
    except InputError as error:
        assert "x.json" in str(error)


@GRADED
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "type": st.sampled_from(
                    ["hold_start", "hold_end", "capture", "hangup", "consent", "sale_registered"]
                ),
                "after_turn": st.one_of(st.none(), st.integers(-3, 40)),
                "value": st.one_of(
                    st.none(), st.sampled_from(["30", "cliente", "accepted", "x=y", "nan"])
                ),
            }
        ),
        max_size=4,
    ),
    st.integers(0, len(SAMPLE["turns"])),
)
def test_events_anywhere_load_and_grade_or_fail_in_spanish(
    events: list[dict[str, Any]], keep: int
) -> None:
    from simulator.coaching import grade

    data = {**SAMPLE, "turns": SAMPLE["turns"][:keep], "events": events}
    try:
        transcript = parse_text(json.dumps(data), "x.json")
    except TranscriptError as error:
        assert "x.json" in str(error)
        return
    assert all(0 <= (e.after_turn or 0) <= keep for e in transcript.events)
    grade(transcript)


@GRADED
@given(st.lists(st.tuples(st.sampled_from(["agent", "customer"]), hostile_text), max_size=6))
def test_hostile_turn_text_grades_and_renders(turns: list[tuple[str, str]]) -> None:
    from io import StringIO

    from rich.console import Console

    from simulator.coaching import grade
    from simulator.coaching.render import scorecard

    data = {**SAMPLE, "events": []}
    data["turns"] = SAMPLE["turns"][:6] + [{"speaker": s, "text": t} for s, t in turns]
    card = grade(Transcript.model_validate(data))
    out = StringIO()
    Console(file=out, width=120).print(scorecard(card, title="[/]\x1b[31m"))
    assert "\x1b" not in out.getvalue()


@FAST
@given(st.text(max_size=300))
def test_analyze_lines_raise_only_input_errors(line: str) -> None:
    from simulator.commands.analyze import analyze_lines

    for speaker in ("agent", "customer"):
        try:
            analyze_lines("x.jsonl", [line], speaker)
        except InputError as error:
            assert str(error).startswith("x.jsonl:1:")


SUBSET = st.lists(
    st.sampled_from(["a", "b", " ", "ab", "a?", "(a|b)", "(a )?", ".*", "\\b", ",?", "|", "\\?"]),
    max_size=7,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(SUBSET, st.text(alphabet="ab ,?", max_size=12))
def test_si_patterns_mean_what_they_meant_as_regular_expressions(pattern: str, text: str) -> None:
    assert compile_pattern(pattern).search(text) == bool(re.search(pattern, text))


@FAST
@given(st.text(alphabet="ab()|?*+.{}[]^$\\,1 ", max_size=60))
def test_any_si_pattern_compiles_or_is_refused_in_spanish(pattern: str) -> None:
    from simulator.session.script import parse_script

    with contextlib.suppress(PatternError):
        compile_pattern(pattern)
    try:
        parse_script(f"/si {pattern} => respuesta\n", "g.txt")
    except InputError as error:
        assert str(error).startswith("g.txt:1:")


def test_runaway_regular_expressions_are_refused_or_linear() -> None:
    # Each of these backtracks for minutes (or forever) in ``re`` on the text below.
    text = "a" * 5000 + "!"
    for pattern in ("(a+)+$", "(a|a)*b", "(a*)*b", "(a|aa)+c", "(.*a){20}"):
        try:
            compiled = compile_pattern(pattern)
        except PatternError:
            continue
        assert not compiled.search(text)  # pragma: no cover
    compiled = compile_pattern("a?" * 30 + "a" * 30)  # exponential in re, linear here
    assert compiled.search("a" * 30)
    many = compile_pattern(".*".join(["a"] * 100) + "b")
    assert not many.search(text)


def test_simulador_error_is_the_only_family() -> None:
    assert issubclass(TranscriptError, SimuladorError) and issubclass(InputError, SimuladorError)
