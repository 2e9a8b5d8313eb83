"""Where a customer's buying signal stands in the call: what metrics.py asks before counting it.

Split from ``metrics.py`` (session 17, helper score-h, issue 12): panel J found signals counted 0
while the customer asked «¿lo puedo pagar a meses?» and then bought, and «señal no aprovechada»
after the sale was registered or when the customer had just asked for the information by e-mail
first. Simulated calls carry the customer brain's own decisions as ``consent`` events: the sale
is accepted only when the brain accepted (a «sí» to a reassurance tagged as a close is no
acceptance), and a question that mixed a doubt with interest was interest when the customer
accepted right after the agent answered it. Imported calls keep the reading of the words.
"""

from __future__ import annotations

import re

from simulator.scoring import text as tx
from simulator.scoring.context import CallContext


def _consents(ctx: CallContext) -> dict[int, str]:
    return {
        e.after_turn: e.value or ""
        for e in ctx.transcript.events
        if e.type == "consent" and e.after_turn is not None
    }


def brain_accepted(ctx: CallContext, n: int) -> bool | None:
    """Simulated calls: did the customer brain accept the sale at or before customer turn ``n``?
    None when the call carries no consent events (imported calls: read the words instead)."""
    consents = _consents(ctx)
    if not consents:
        return None
    return any(turn <= n and value == "accepted" for turn, value in consents.items())


def after_registration(ctx: CallContext, n: int) -> bool:
    """The sale was already registered before customer turn ``n``: nothing is left to close."""
    return any(
        e.type == "sale_registered" and e.after_turn is not None and e.after_turn < n
        for e in ctx.transcript.events
    )


def accepted_after_answer(ctx: CallContext, n: int) -> bool:
    """The customer accepted on their next turn, once the agent answered turn ``n``: the question
    was interest even when it carried a doubt (a simulated call's consent event says so)."""
    nxt = ctx.next_agent(n)
    if not nxt:
        return False
    later = [c for c in ctx.customer_turns if c > nxt[0]]
    return bool(later) and _consents(ctx).get(later[0]) == "accepted"


def asked_for_product(ctx: CallContext, n: int) -> bool:
    """Before turn ``n`` the customer asked to buy a product by themself (an inbound request, «quiero
    comprar el…»): a question about paying or using it is a signal even before the agent's offer."""
    return any(
        tx.cue("product_request").search(ctx.folded[c - 1]) for c in ctx.customer_turns if c <= n
    )


def defers(ctx: CallContext, n: int) -> bool:
    """«¿Me manda la información por correo antes de aceptar?»: a request to decide later, no cue
    to push the close again."""
    return bool(tx.cue("signal_defer").search(ctx.folded[n - 1]))


def closes_in_words(ctx: CallContext, a: int) -> bool:
    """Agent turn ``a`` asks for the decision in words the turn tagger may miss («¿contratamos la
    Amplia?», «¿le parece que avancemos con el plan?»)."""
    return bool(tx.cue("signal_close").search(ctx.folded[a - 1]))


def negates_figure(ctx: CallContext, n: int) -> bool:
    """The agent's next turn negates a figure the customer put to the test («…en 36 horas, ¿me lo
    confirma?» — «es en 72 horas, no 36»): a test to answer, not interest to close on."""
    nxt = ctx.next_agent(n)
    if not nxt:
        return False
    said = set(re.findall(r"\b\d+\b", ctx.folded[n - 1]))
    folded = ctx.folded[nxt[0] - 1]
    return any(f" no {v}" in f" {folded}" or f"no de {v}" in folded for v in said)


def declines_or_doubts(ctx: CallContext, n: int, prev: int | None) -> bool:
    """Customer turn ``n`` is no buying signal: it answers the agent's close or choice with a
    «not yet» (cue ``signal_decline``: «todavía no, primero dígame…», «no sé… pero suena bien»),
    or names the doubt the agent just asked about (``asks_doubt``: «¿qué le hace dudar?» —
    «¿el deducible se paga por evento?»). Blind panel O tg-06 T11, tc-05 T16, tb-05 T23: a new
    close there would be pressure."""
    if prev is None:
        return False
    asked = ctx.has(prev, "close", "trial_close", "closed_question") or closes_in_words(ctx, prev)
    if asked and (
        tx.cue("signal_decline").search(ctx.folded[n - 1])
        or tx.cue("signal_decline_written").search(ctx.text(n).lower())
    ):
        return True
    return bool(tx.cue("asks_doubt").search(ctx.folded[prev - 1]))
