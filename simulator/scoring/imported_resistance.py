"""Resistance a QA analyst handles as an objection in a call from outside the simulator.

Why (issue 12, session 23): on the external calls the objection element was judged «no
objection» wherever the customer resisted without objecting to an offer: a debtor who says they
cannot pay, a caller who asks to cancel or threatens to leave, a customer who complains again
after the agent answered the first complaint in a call filed as service. An analyst judges how
each of those was handled (acknowledge, explore, answer) whatever the call's kind; the simulator's
own calls keep their scenario's reading (``elements_objections``), so only imported calls are read
here. The words are concepts in ``es/cues.yaml`` (``cannot_pay``, ``cancel_request``,
``leaving``); the acts are the shared reading of the turn (``complaint``).
"""

from __future__ import annotations

from simulator.scoring import text as tx
from simulator.scoring.context import CallContext


def cannot_pay(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` of a collections call says the debt cannot be paid (now)."""
    return ctx.kind == "collections" and bool(tx.cue("cannot_pay").search(ctx.folded[n - 1]))


def leaving(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` asks to cancel the service or says they will leave the company."""
    folded = ctx.folded[n - 1]
    return bool(tx.cue("cancel_request").search(folded) or tx.cue("leaving").search(folded))


def complained_again(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` complains after the agent answered an earlier complaint, whatever
    the call's kind (a service call where the fault is complained about twice)."""
    if not ctx.has(n, "complaint"):
        return False
    earlier = [m for m in ctx.customer_turns if m < n and ctx.has(m, "complaint")]
    return bool(earlier) and any(earlier[0] < a < n for a in ctx.agent_turns)


def turns(ctx: CallContext) -> list[int]:
    """Customer turns of an imported call that resist in one of the ways above (none for a
    simulated call)."""
    if not ctx.imported:
        return []
    if "imported_resistance" not in ctx.memo:
        ctx.memo["imported_resistance"] = [
            n
            for n in ctx.customer_turns
            if cannot_pay(ctx, n) or leaving(ctx, n) or complained_again(ctx, n)
        ]
    return list(ctx.memo["imported_resistance"])
