"""What an element rule returns: the public ElementResult plus partial credit and any errors.

Partial credit (0–1, share of the element's parts that were met) feeds the overall score, so a
call that misses one part of the opening loses less than one that skips the opening entirely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from simulator.models.scorecard import ElementResult, ErrorFinding, Evidence


@dataclass
class Judged:
    result: ElementResult
    score: float = 0.0
    errors: list[ErrorFinding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)


def not_applicable(reason: str) -> Judged:
    """``met: null`` — the element does not apply to this call (never counts as failed)."""
    return Judged(ElementResult(met=None, missing=[], evidence=[]), score=0.0, facts={"na": reason})


def judged(
    parts: dict[str, bool],
    missing_text: dict[str, str],
    evidence: list[Evidence],
    example_key: str,
    slots: dict[str, str] | None = None,
    extra_missing: list[str] | None = None,
) -> Judged:
    """Combine named boolean parts into a judgement: met only if every part is met."""
    missing = [missing_text[name] for name, ok in parts.items() if not ok]
    missing.extend(extra_missing or [])
    met = not missing
    score = sum(parts.values()) / len(parts) if parts else 0.0
    if extra_missing and score >= 1.0:
        score = 0.75
    better = None if met else example(example_key, slots or {})
    unique = dedupe(evidence)
    return Judged(
        ElementResult(met=met, evidence=unique, missing=missing, better_phrasing=better), score
    )


def dedupe(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[int, str]] = set()
    out: list[Evidence] = []
    for item in sorted(evidence, key=lambda e: e.turn):
        key = (item.turn, item.quote)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out[:8]


class _Slots(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "…"


@cache
def _examples() -> dict[str, str]:
    from simulator.scoring.rubric import rules

    return {rule.key + ":" + rule.kind: rule.example for rule in rules()}


def example(key: str, slots: dict[str, str], kind: str = "element") -> str:
    """The rubric's model phrasing for ``key`` with the call's names filled in."""
    template = _examples().get(f"{key}:{kind}", "")
    return template.format_map(_Slots(slots)) if template else ""
