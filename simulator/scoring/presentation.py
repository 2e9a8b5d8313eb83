"""Where the agent first presented the offer, when the turn tagger saw no feature or benefit.

``CallContext.first_presentation`` is the first agent turn tagged with a feature or a benefit.
A bare offer — a catalog product named with its own price, «Le puedo dar el de 256, 6,299» —
carries neither act, and panel J (yj-04, issue 12, session 17, helper score-h) read «presentó en
el turno 15» for a product offered in T3. Such a turn is a presentation too; the first agent
turn (the greeting) never is.
"""

from __future__ import annotations

from simulator.scoring import prices
from simulator.scoring.context import CallContext


def priced_offer(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` names a catalog product together with that product's price."""
    values = {a.value for a in ctx.amounts(n)}
    return any(
        p.price is not None and float(p.price) in values for p in prices.products_named(ctx, n)
    )


def reassurance(ctx: CallContext, n: int) -> bool:
    """Turn ``n`` answers a doubt without offering anything: no product, no amount («No le voy a
    pedir su NIP; si quiere, marque al número de su tarjeta», blind panel L wb-02 — its «tarjeta»
    is no pitch, and the open questions after it are probing before the presentation)."""
    return (
        ctx.has(n, "objection_response")
        and not any(a.is_money for a in ctx.amounts(n))
        and not prices.products_named(ctx, n)
    )


def refine(ctx: CallContext) -> None:
    """Move ``first_presentation`` earlier to a priced offer the tagger did not mark."""
    if not ctx.transcript.catalog or len(ctx.agent_turns) < 2:
        return
    tagged = ctx.first_presentation
    if tagged is not None and reassurance(ctx, tagged):
        later = [n for n in ctx.agent_turns if n > tagged and ctx.has(n, "feature", "benefit")]
        tagged = ctx.first_presentation = later[0] if later else None
    for n in ctx.agent_turns[1:]:
        if tagged is not None and n >= tagged:
            return
        if priced_offer(ctx, n):
            ctx.first_presentation = n
            return
