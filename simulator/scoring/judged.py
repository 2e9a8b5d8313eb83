"""What an element rule returns: the public ElementResult plus partial credit and any errors.

Partial credit (0–1, share of the element's parts that were met) feeds the overall score, so a
call that misses one part of the opening loses less than one that skips the opening entirely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml
from simulator.models.scorecard import ElementResult, ErrorFinding, Evidence
from simulator.scoring import kinded


@dataclass
class Judged:
    result: ElementResult
    score: float = 0.0
    errors: list[ErrorFinding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)


@cache
def _applicability() -> dict[str, Any]:
    text = resources.files("simulator.scoring").joinpath("es/applicability.yaml").read_text("utf-8")
    return dict(parse_yaml(text))


def na_reason(reason: str) -> str:
    """The Spanish text of a «does not apply» reason («customer hung up» → es/applicability.yaml)."""
    key = reason.strip().lower().replace(" ", "_")
    return str(_applicability()["reasons"].get(key, reason))


def not_applicable(reason: str) -> Judged:
    """``met: null`` — the element does not apply to this call (never counts as failed)."""
    result = ElementResult(
        met=None, missing=[], evidence=[], not_applicable_reason=na_reason(reason)
    )
    return Judged(result, score=0.0, facts={"na": reason})


def kind_not_applicable(element: str, kind: str) -> Judged | None:
    """``not_applicable`` when the rubric's data says ``element`` is never judged in ``kind``."""
    reason = _applicability()["not_for"].get(element, {}).get(kind)
    if not reason:
        return None
    result = ElementResult(met=None, missing=[], evidence=[], not_applicable_reason=str(reason))
    return Judged(result, score=0.0, facts={"na": f"kind {kind}"})


def judged(
    parts: dict[str, bool],
    missing_text: dict[str, str],
    evidence: list[Evidence],
    example_key: str,
    slots: dict[str, str] | None = None,
    extra_missing: list[str] | None = None,
    kind: str = "",
) -> Judged:
    """Combine named boolean parts into a judgement: met only if every part is met."""
    missing = [missing_text[name] for name, ok in parts.items() if not ok]
    missing.extend(extra_missing or [])
    met = not missing
    score = sum(parts.values()) / len(parts) if parts else 0.0
    if extra_missing and score >= 1.0:
        score = 0.75
    call_kind = kind or (slots or {}).get("tipo", "")
    better = None if met else example(example_key, slots or {}, call_kind=call_kind)
    unique = dedupe(evidence)
    return Judged(
        ElementResult(met=met, evidence=unique, missing=missing, better_phrasing=better), score
    )


def dedupe(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence without repeats, at most 8: the agent's own turns first (what the element judges;
    panel E read a customer line cited first as the agent's evidence), then the customer's, each
    in call order."""
    seen: set[tuple[int, str]] = set()
    out: list[Evidence] = []
    for item in sorted(evidence, key=lambda e: (e.speaker != "agent", e.turn)):
        key = (item.turn, item.quote)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out[:8]


@cache
def _examples() -> dict[str, str]:
    from simulator.scoring.rubric import rules

    return {rule.key + ":" + rule.kind: rule.example for rule in rules()}


@cache
def phrasings() -> dict[str, Any]:
    """The scorer's model phrasings (es/phrasings.yaml), read once."""
    text = resources.files("simulator.scoring").joinpath("es/phrasings.yaml").read_text("utf-8")
    return dict(parse_yaml(text))


@cache
def _kind_examples() -> dict[str, dict[str, str]]:
    return dict(phrasings().get("kind_examples", {}))


def example(key: str, slots: dict[str, str], kind: str = "element", call_kind: str = "") -> str:
    """The model phrasing for ``key`` (an element or an error) with the call's names filled in:
    the call kind's and domain's own template (es/phrasings.yaml ``kind_examples``, see
    ``kinded``) when there is one, else the rubric's."""
    rubric = _examples().get(f"{key}:{kind}", "")
    call_kind = call_kind or slots.get("tipo", "")
    template = rubric
    if call_kind and key in _kind_examples():
        template = kinded.choose(_kind_examples()[key], slots, rubric, call_kind) or rubric
    return kinded.render(template, slots)
