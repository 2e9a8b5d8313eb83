"""One memory of what the customer answered to each part of the agent's questions.

Before, a repeated part was handled twice: ``every_part`` kept its answer under ``part:<kind>``
while its honest «no sabría decirle» was picked by a rotation over the turn number checked
against every text said, and ``choice_each`` kept a ``pick:`` flag with no words. A customer
remembers what it said: a part asked again gets the same answer «como le dije», a new part that
it does not know gets a «no sé» in words it has not used for another part, and a pick is
remembered by the option said (``choice_moves._leaning`` reads these lines as its own story).
Everything lives in ``state.play`` under ``part:`` so it is saved and replayed with the call.
"""

from __future__ import annotations

from simulator.customer.turn import Turn

PREFIX = "part:"


def recall(t: Turn, key: str) -> str | None:
    """What the customer said to the part ``key`` earlier in the call, or None."""
    return t.s.play.get(PREFIX + key) or None


def remember(t: Turn, key: str, line: str) -> None:
    t.s.play[PREFIX + key] = line


def said_lines(t: Turn) -> set[str]:
    """Every part answer said so far in the call."""
    return {v for k, v in t.s.play.items() if k.startswith(PREFIX) and v}


def fresh(t: Turn, lines: list[str]) -> str:
    """The first of ``lines`` (from a place that moves with the call's turn) not said yet for
    another part: a second «no sé» is said in other words, never the same sentence again."""
    start = t.s.turn % len(lines)
    said = said_lines(t)
    ordered = lines[start:] + lines[:start]
    return next((x for x in ordered if x not in said), ordered[0])
