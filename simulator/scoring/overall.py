"""Overall score (0–100) and verdict from elements, skills and errors.

60 % weighted applicable elements (partial credit), 40 % mean of evaluated skills, minus the
rubric's points for each non-critical error; any critical error caps the score at 59. The verdict
is ``competent`` only with no critical error and every applicable element met; an element not met
caps the score below what a competent call reads (``es/overall.yaml``, blind panel N: «94 /
Todavía no competente confunde al agente»).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from simulator.datafiles import resource_yaml
from simulator.models.scorecard import ErrorFinding, Verdict
from simulator.scoring.judged import Judged
from simulator.scoring.rubric import weights

ELEMENTS_SHARE = 0.6
CRITICAL_CAP = 59


@cache
def _caps() -> dict[str, Any]:
    return dict(resource_yaml("simulator.scoring", "es/overall.yaml"))


def not_met_cap(elements: dict[str, Judged]) -> float:
    """The highest score a call with elements not met can read (100 when all are met)."""
    missed = sum(1 for j in elements.values() if j.result.met is False)
    if not missed:
        return 100.0
    caps = _caps()
    return float(caps["not_met_cap"]) - float(caps["not_met_step"]) * (missed - 1)


def overall(
    elements: dict[str, Judged],
    skills: dict[str, int | None],
    critical: list[ErrorFinding],
    non_critical: list[ErrorFinding],
) -> int:
    element_weights = weights("element")
    num = den = 0.0
    for key, judged in elements.items():
        if judged.result.met is None:
            continue
        weight = element_weights.get(key, 1.0)
        num += weight * judged.score
        den += weight
    element_part = 100 * num / den if den else None
    evaluated = [v for v in skills.values() if v is not None]
    skill_part = sum(evaluated) / len(evaluated) if evaluated else None
    if element_part is None and skill_part is None:
        score = 0.0
    elif element_part is None:
        score = float(skill_part or 0)
    elif skill_part is None:
        score = element_part
    else:
        score = ELEMENTS_SHARE * element_part + (1 - ELEMENTS_SHARE) * skill_part
    deductions = weights("non_critical")
    score -= sum(deductions.get(e.code, 0) for e in non_critical)
    score = min(score, not_met_cap(elements))
    if critical:
        score = min(score, CRITICAL_CAP)
    return int(round(max(0.0, min(100.0, score))))


def verdict(elements: dict[str, Judged], critical: list[ErrorFinding]) -> Verdict:
    if critical:
        return "not_yet_competent"
    if any(j.result.met is False for j in elements.values()):
        return "not_yet_competent"
    return "competent"
