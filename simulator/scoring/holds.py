"""Holds reconstructed from ``hold_start``/``hold_end`` events: duration, permission and thanks.

Each event is placed after a turn with ``after_turn`` (or, in voice calls, by its time). Permission
is a ``hold_request`` in the last agent turn before the hold; thanks is a ``hold_return`` in the
first agent turn after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

DEFAULT_MAX_HOLD = 60.0


@dataclass
class Hold:
    after_turn: int | None
    seconds: float | None
    request_turn: int | None
    return_turn: int | None
    permission: bool | None
    thanked: bool | None


def _place(ctx: CallContext, after_turn: int | None, t: float) -> int | None:
    if after_turn is not None:
        return max(0, min(after_turn, ctx.n_turns))
    turns = ctx.transcript.turns
    placed = None
    for n, turn in enumerate(turns, start=1):
        if turn.start is None:
            return None
        if turn.start <= t:
            placed = n
    return placed if placed is not None else 0


def holds(ctx: CallContext) -> list[Hold]:
    found: list[Hold] = []
    events = sorted(ctx.transcript.events, key=lambda e: e.t)
    open_start = None
    for event in events:
        if event.type == "hold_start" and open_start is None:
            open_start = event
        elif event.type == "hold_end" and open_start is not None:
            found.append(_make(ctx, open_start.after_turn, open_start.t, event.t))
            open_start = None
    if open_start is not None:
        found.append(_make(ctx, open_start.after_turn, open_start.t, None))
    return found


def _make(ctx: CallContext, after_turn: int | None, start: float, end: float | None) -> Hold:
    placed = _place(ctx, after_turn, start)
    seconds = max(0.0, end - start) if end is not None else None
    if placed is None:
        return Hold(None, seconds, None, None, None, None)
    request = ctx.prev_agent(placed) if placed else None
    nxt = ctx.next_agent(placed)
    ret = nxt[0] if nxt else None
    permission = request is not None and ctx.has(request, "hold_request")
    thanked = None if ret is None else ctx.has(ret, "hold_return") or _thanks_wait(ctx, ret)
    return Hold(placed, seconds, request, ret, permission, thanked)


def _thanks_wait(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` thanks the customer for the wait («Gracias por esperarme»)."""
    return bool(tx.cue("hold_thanks").search(ctx.folded[n - 1]))


def max_hold(ctx: CallContext) -> float:
    value = ctx.transcript.max_hold_seconds
    return float(value) if value else DEFAULT_MAX_HOLD
