"""A sale registered in an imported call, read from the agent's own words.

Why: a simulated call records the registration as an event (``sale_registered``) and its
outcome; an imported call — a real recording transcribed, a QA sample — has neither, yet a QA
lead sees at once when the agent says «ya quedó activado» or «se lo voy registrando» after a
«déjeme pensarlo». Only imported *sales* calls are read this way (service reports and promises to
pay are the customer's own request, judged by ``consent``), one sentence at a time and never in a
question («¿se lo activo?» is a close, not a registration).
"""

from __future__ import annotations

import re

from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

_SENTENCES = re.compile(r"[^.!?¿;\n]+[.!?;\n]*")


def imported(ctx: CallContext) -> bool:
    """No event and no outcome tell what happened: the call came from outside the simulator."""
    t = ctx.transcript
    return t.outcome is None and not any(e.type in ("sale_registered", "consent") for e in t.events)


def states_registration(text: str) -> bool:
    """An agent turn says the sale is registered (or being registered), outside a question."""
    for sentence in _SENTENCES.findall(text):
        if sentence.rstrip().endswith("?"):
            continue
        folded = tx.fold(sentence)
        if tx.cue("registers_sale").search(folded) and not tx.cue("registers_sale_not").search(
            folded
        ):
            return True
    return False


def registered_turn(ctx: CallContext) -> int | None:
    """The first agent turn of an imported sales call that registers the sale, or None."""
    if "registered_turn" not in ctx.memo:
        found = None
        if ctx.kind == "sale" and imported(ctx):
            found = next((n for n in ctx.agent_turns if states_registration(ctx.text(n))), None)
        ctx.memo["registered_turn"] = found
    result: int | None = ctx.memo["registered_turn"]
    return result
