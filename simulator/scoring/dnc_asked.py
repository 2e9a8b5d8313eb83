"""After «no me llamen», what the customer asks next: the agent may answer it.

Why: a customer who asks not to be called or offered anything sometimes takes it back in the
same breath or the next turn («bueno, espérese, ¿y eso cómo es?», «mándeme la información por
correo, pero no me llamen»); answering that is no insistence (``critical_errors.ignores_do_not_call``
still flags persuasion and pressure in the answer).
"""

from __future__ import annotations

import re

from simulator.analysis import conduct
from simulator.analysis.customer import is_do_not_call_text
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

_PIECES = re.compile(r"(?<=[.!?;…,])\s+|\s+pero\s+")


def asked_after_request(ctx: CallContext, n: int, a: int) -> str | None:
    """The customer turn right before agent turn ``a`` (the do-not-call turn ``n`` or a later one)
    asks about the offer (``"question"``) or for its information (``"information"``) after the
    request itself («Ya no me llamen… bueno, espérese, ¿y eso cómo es?», «mándeme la información
    por correo, pero no me llamen»): the agent answers what was asked. None otherwise."""
    m = a - 1
    if m < n or ctx.speaker(m) != "customer":
        return None
    pieces = [p for p in _PIECES.split(ctx.text(m)) if p.strip()]
    if m == n:
        # the information asked for in the same breath («mándeme la información, pero no me
        # llamen»); a question only after the request (not «¿otra vez? bórrenme»)
        if any(tx.cue("asks_for_information").search(tx.fold(p)) for p in pieces):
            return "information"
        said = [i for i, p in enumerate(pieces) if is_do_not_call_text(p)]
        pieces = pieces[said[-1] + 1 :] if said else pieces
    found = None
    for piece in pieces:
        if is_do_not_call_text(piece):
            continue
        if tx.cue("asks_for_information").search(tx.fold(piece)):
            return "information"
        if "?" in piece:
            found = "question"
    return found


def excused(ctx: CallContext, n: int, a: int) -> bool:
    """Agent turn ``a`` answers what the customer asked after do-not-call turn ``n``, without
    pressure, and without persuasion unless the customer asked for the information itself; or
    the request was for no more SALES calls and the agent's contact is stated as no sale."""
    asked = asked_after_request(ctx, n, a)
    text = ctx.text(a)
    if not conduct.pressure(text) and _not_a_sale_call(ctx, n, a):
        return True
    return (
        bool(asked)
        and not conduct.pressure(text)
        and (asked == "information" or not conduct.persuades(text))
    )


def _not_a_sale_call(ctx: CallContext, n: int, a: int) -> bool:
    """«No quiero más llamadas de venta» and then «únicamente le marco mañana para la forma de pago,
    como me pidió, y ninguna llamada de venta»: the request names sales calls, and the call the
    agent keeps is one the customer asked for or one the agent states is no sale and offers
    nothing (panel Q rc-05)."""
    return (
        bool(tx.cue("dnc_sales_only").search(ctx.folded[n - 1]))
        and bool(tx.cue("contact_not_a_sale").search(ctx.folded[a - 1]))
        and not conduct.offers_again(ctx.text(a))
    )
