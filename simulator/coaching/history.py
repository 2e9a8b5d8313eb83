"""Repeated faults across calls (seed glossary): *reincidente* and *recurrente*.

*Reincidente*: the same fault repeated across calls. *Recurrente*: different faults committed
call after call. A fault is an error code or an element not met; a weak skill is one under target.
"""

from __future__ import annotations

from simulator.language.display import display
from simulator.models.scorecard import Scorecard

ELEMENT_PREFIX = "element:"


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
    calls = len(history) + 1
    lines: list[str] = []
    same = sorted(f for f in now if any(f in e for e in earlier))
    for fault in same:
        count = 1 + sum(fault in e for e in earlier)
        lines.append(f"Reincidente: «{fault_name(fault)}» en {count} de {calls} llamadas")
    faulty_calls = sum(1 for e in earlier if e) + (1 if now else 0)
    new_faults = now - set().union(*earlier)
    recurrente = (
        faulty_calls >= 2
        and bool(now)
        and (bool(new_faults) or len(set().union(*earlier) - now) > 0)
    )
    if recurrente:
        lines.append(f"Recurrente: cometió faltas distintas en {faulty_calls} de {calls} llamadas")
    return lines, bool(same), recurrente


def weak_before(skill: str, history: list[Scorecard], target: int) -> int:
    """How many earlier calls had ``skill`` evaluated and under target."""
    return sum(
        1 for h in history if h.skills.get(skill) is not None and (h.skills[skill] or 0) < target
    )
