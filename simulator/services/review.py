"""Review of a call's judgements: the value of a judgement, the overrides in force, and the
«effective» scorecard (the original with a formador's overrides applied; the original is never
changed). Pure functions, used by ``services.formador`` and ``services.dashboard``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from simulator.models.scorecard import ElementResult, ErrorFinding, Scorecard

if TYPE_CHECKING:
    from simulator.storage import OverrideRecord


def element_value(result: ElementResult | None) -> str:
    if result is None or result.met is None:
        return "not_evaluated"
    return "met" if result.met else "not_met"


def error_value(card: Scorecard, code: str) -> str:
    return "present" if any(e.code == code for e in card.critical_errors) else "absent"


def judgement_value(card: Scorecard, kind: str, code: str) -> str:
    if kind == "element":
        return element_value(card.elements.get(code))
    return error_value(card, code)


def in_force(overrides: Sequence[OverrideRecord]) -> dict[tuple[str, str], OverrideRecord]:
    """The newest override per (kind, code): the one that decides the effective judgement."""
    latest: dict[tuple[str, str], OverrideRecord] = {}
    for record in sorted(overrides, key=lambda o: o.id):
        latest[(record.target_kind, record.code)] = record
    return latest


def apply_overrides(card: Scorecard, overrides: Sequence[OverrideRecord]) -> Scorecard:
    """The effective scorecard: ``card`` (left untouched) with the overrides in force applied.

    Elements get the new ``met``; a critical error set "present" is added (evidence: the note),
    set "absent" is removed. ``overall`` and ``verdict`` are the scorer's and are not recomputed,
    except that a card with a critical error in force is never "competent".
    """
    latest = in_force(overrides)
    if not latest:
        return card
    elements = dict(card.elements)
    errors = list(card.critical_errors)
    for (kind, code), record in latest.items():
        if kind == "element":
            current = elements.get(code) or ElementResult(met=None)
            met = {"met": True, "not_met": False}.get(record.new_value)
            elements[code] = current.model_copy(update={"met": met})
        elif record.new_value == "absent":
            errors = [e for e in errors if e.code != code]
        elif not any(e.code == code for e in errors):
            errors.append(
                ErrorFinding(code=code, turn=None, evidence=record.note, explanation=record.note)
            )
    verdict = card.verdict if not errors else "not_yet_competent"
    return card.model_copy(
        update={"elements": elements, "critical_errors": errors, "verdict": verdict}
    )
