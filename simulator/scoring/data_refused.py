"""Required fields the customer refused to give when asked: the agent did its part.

A customer may decline a field («¿un teléfono de contacto?» — «No, la verdad no»). An agent who
asked for it and respected the refusal (insisting would be pressure) is not judged on a capture
the customer made impossible (blind panel D: a collections call failed for the phone the debtor
twice declined to dictate). Only a field never captured counts, and only after a real request.
"""

from __future__ import annotations

import re

from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

_DECLINES = re.compile(r"^(?:no|nel|mejor no|prefiero no|eso no|ese no)\b")


def refused(ctx: CallContext, name: str) -> bool:
    """The agent asked for field ``name`` and the customer's reply declined it."""
    label = tx.field_label_cue(name)
    for n in ctx.agent_turns:
        if "?" not in ctx.text(n) or not label.search(ctx.folded[n - 1]):
            continue
        if n + 1 > ctx.n_turns or ctx.speaker(n + 1) != "customer":
            continue
        reply = n + 1
        if ctx.has(reply, "data_given"):
            continue
        if ctx.has(reply, "refusal") or _DECLINES.match(ctx.folded[reply - 1].strip()):
            return True
    return False
