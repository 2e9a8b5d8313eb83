"""Repeated faults across calls (seed glossary): *reincidente* and *recurrente*.

*Reincidente* — the one definition every screen, plan and report uses (``reincidentes``): the
same fault in at least ``REINCIDENTE_MIN`` (3) of the trainee's last ``WINDOW`` (5) scored calls,
the call at hand included. Until session 18 the trainee's progress and coaching plan called a
fault seen in any 2 calls «reincidente» while the formador's board asked for 3 of the last 5, so
the two disagreed about the same trainee (ux-c). *Recurrente* — different faults committed again
and again, also one definition (``recurrentes``/``is_recurrente``): at least ``RECURRENTE_FAULTS``
(3) different faults, each in at least ``RECURRENTE_MIN`` (2) of the last ``WINDOW`` calls. Until
session 19 the plan, the progress screen and the formador's board each had their own rule. A fault is
an error code (critical or not) or an element not met; a weak skill is one under target, and it is
reincidente by the same rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Sequence
from typing import TypeVar

from simulator.language.display import display
from simulator.models.scorecard import Scorecard

ELEMENT_PREFIX = "element:"
WINDOW = 5  # the trainee's last scored calls the flags look at
REINCIDENTE_MIN = 3  # the same fault in this many of them is reincidente
RECURRENTE_MIN = 2  # a fault in this many of them repeats ...
RECURRENTE_FAULTS = 3  # ... and this many different repeating faults make the trainee recurrente

F = TypeVar("F", bound=Hashable)


def reincidentes(calls: Sequence[Collection[F]]) -> dict[F, int]:
    """The *reincidente* faults of a trainee's calls (oldest first, each call's set of faults):
    those in ``REINCIDENTE_MIN`` or more of the last ``WINDOW`` calls, with in how many."""
    counts: Counter[F] = Counter()
    for found in calls[-WINDOW:]:
        counts.update(set(found))
    return {fault: n for fault, n in counts.items() if n >= REINCIDENTE_MIN}


def recurrentes(calls: Sequence[Collection[F]]) -> dict[F, int]:
    """The repeating faults of a trainee's calls (oldest first): those in ``RECURRENTE_MIN`` or
    more of the last ``WINDOW`` calls, with in how many."""
    counts: Counter[F] = Counter()
    for found in calls[-WINDOW:]:
        counts.update(set(found))
    return {fault: n for fault, n in counts.items() if n >= RECURRENTE_MIN}


def is_recurrente(calls: Sequence[Collection[F]]) -> bool:
    """*Recurrente* (seed glossary: different faults, repeatedly): ``RECURRENTE_FAULTS`` or more
    different faults each repeating in the last ``WINDOW`` calls."""
    return len(recurrentes(calls)) >= RECURRENTE_FAULTS


def faults(card: Scorecard) -> set[str]:
    found = {e.code for e in card.critical_errors} | {e.code for e in card.non_critical_errors}
    found |= {ELEMENT_PREFIX + key for key, el in card.elements.items() if el.met is False}
    return found


def fault_name(fault: str) -> str:
    if fault.startswith(ELEMENT_PREFIX):
        return display("element", fault[len(ELEMENT_PREFIX) :]) + " (no cumplido)"
    name = display("critical_error", fault)
    return name if name != fault else display("non_critical_error", fault)


def repeated_faults(card: Scorecard, history: list[Scorecard]) -> tuple[list[str], bool, bool]:
    """(Spanish descriptions of repeated faults, is reincidente, is recurrente)."""
    if not history:
        return [], False, False
    now = faults(card)
    earlier = [faults(h) for h in history]
    lines: list[str] = []
    recent = [*earlier[-(WINDOW - 1) :], now]
    repeated = reincidentes(recent)
    same = sorted(f for f in now if f in repeated)
    for fault in same:
        lines.append(
            f"Reincidente: «{fault_name(fault)}» en {repeated[fault]} de sus últimas "
            f"{len(recent)} llamadas"
        )
    repeating = recurrentes(recent)
    recurrente = is_recurrente(recent)
    if recurrente:
        lines.append(
            f"Recurrente: {len(repeating)} faltas distintas se repiten en sus últimas "
            f"{len(recent)} llamadas"
        )
    return lines, bool(same), recurrente


def weak_before(skill: str, history: list[Scorecard], target: int) -> int:
    """How many earlier calls had ``skill`` evaluated and under target."""
    return sum(
        1 for h in history if h.skills.get(skill) is not None and (h.skills[skill] or 0) < target
    )


def weak_skill_reincidente(skill: str, history: list[Scorecard], target: int) -> bool:
    """Whether a skill under target today is *reincidente*: under target in enough of the last
    calls, today's included, by the same rule as a fault (``reincidentes``)."""
    recent = history[-(WINDOW - 1) :]
    weak = [{skill} if weak_before(skill, [h], target) else set() for h in recent]
    return skill in reincidentes([*weak, {skill}])
