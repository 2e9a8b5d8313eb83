"""Every sample transcript is judged as its expectations say (tests/data/transcripts/expectations.yaml)."""

from __future__ import annotations

import operator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from simulator.coaching import grade
from simulator.models.scorecard import Scorecard
from simulator.scoring.loader import load_transcript
from simulator.scoring.text import unquoted

DATA = Path(__file__).parents[1] / "data" / "transcripts"
EXPECT = yaml.safe_load((DATA / "expectations.yaml").read_text("utf-8"))
OPS = {">=": operator.ge, "<=": operator.le, "==": operator.eq, "<": operator.lt, ">": operator.gt}


@cache
def card(name: str) -> Scorecard:
    return grade(load_transcript(DATA / f"{name}.json"))


def check(value: Any, rule: str) -> bool:
    if rule == "is None":
        return value is None
    op, number = rule.split()
    return value is not None and OPS[op](value, float(number))


def test_there_are_at_least_twelve_samples_each_with_expectations() -> None:
    files = {p.stem for p in DATA.glob("*.json")}
    assert len(files) >= 12
    assert files == set(EXPECT["samples"])


@pytest.mark.parametrize("name", sorted(EXPECT["samples"]))
def test_sample_expectations(name: str) -> None:
    expected = EXPECT["samples"][name]
    result = card(name)
    codes = [e.code for e in result.critical_errors]
    minor = [e.code for e in result.non_critical_errors]
    if "verdict" in expected:
        assert result.verdict == expected["verdict"], (
            codes,
            {k: e.missing for k, e in result.elements.items()},
        )
    if expected.get("critical_none"):
        assert codes == []
    for code in expected.get("critical", []):
        assert code in codes
    for code in expected.get("non_critical", []):
        assert code in minor
    for key in expected.get("unmet", []):
        assert result.elements[key].met is False, key
        assert result.elements[key].missing, key
    for key in expected.get("met", []):
        assert result.elements[key].met is True, (key, result.elements[key].missing)
    for key in expected.get("not_applicable", []):
        assert result.elements[key].met is None, key
    for key, rule in expected.get("metrics", {}).items():
        assert check(result.metrics[key], rule), (key, result.metrics[key], rule)
    for key, rule in expected.get("skills", {}).items():
        assert check(result.skills[key], rule), (key, result.skills[key], rule)
    if "overall" in expected:
        assert check(result.overall, expected["overall"])


def test_every_judgement_has_turns_and_quotes_from_the_call() -> None:
    for name in EXPECT["samples"]:
        result = card(name)
        transcript = load_transcript(DATA / f"{name}.json")
        for key, element in result.elements.items():
            if element.met is False:
                assert element.missing and element.better_phrasing, (name, key)
            for ev in element.evidence:
                assert unquoted(ev.quote) in transcript.turns[ev.turn - 1].text
        for error in result.critical_errors + result.non_critical_errors:
            assert (
                error.turn is not None
                and unquoted(error.evidence) in transcript.turns[error.turn - 1].text
            )


@pytest.mark.parametrize("other", EXPECT["order"][1:])
def test_excellent_call_outscores_each_faulty_one(other: str) -> None:
    best = EXPECT["order"][0]
    assert card(best).overall > card(other).overall
