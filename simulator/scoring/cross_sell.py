"""A product put on the account during a service, complaint or collections call without a yes.

Why: in an imported call the registration of a sale is read from the agent's words only in sales
calls (``context.registered_in_words``), where the whole call is about the offer. A product can
also be sold in the middle of a service call («aprovechando, le dejé activada la protección de
pantalla») or a collections call, and outside QA leads mark that as ``sale_without_consent`` just
the same when the customer had not said yes. Here, for an imported call of any kind other than a
sale: an agent turn that says a product is registered (``context.states_registration``), right
after a customer turn that is not a yes to an offer the agent made (a close, a cross-sell) or
that hesitates, asks or refuses. What the customer asked for themselves («quiero activar mi
tarjeta» — «listo, ya quedó activada») is no sale: the agent made no offer before it.
"""

from __future__ import annotations

from simulator.models.scorecard import ErrorFinding
from simulator.scoring import consent
from simulator.scoring.context import CallContext, states_registration
from simulator.scoring.findings import critical_finding

OFFER_ACTS = ("close", "trial_close", "cross_sell", "offer_more")
WHY = (
    "En el turno {n} el cliente no dijo que sí a la oferta (dudó, preguntó o no contestó) y en "
    "este turno el agente ya dio de alta el producto: un producto sin consentimiento."
)


def _imported(ctx: CallContext) -> bool:
    t = ctx.transcript
    return t.outcome is None and not any(e.type in ("sale_registered", "consent") for e in t.events)


def find(ctx: CallContext) -> list[ErrorFinding]:
    if ctx.kind == "sale" or not _imported(ctx):
        return []
    for a in ctx.agent_turns:
        if not states_registration(ctx.text(a)):
            continue
        n = a - 1
        if n < 1 or ctx.speaker(n) != "customer":
            continue
        offer = ctx.prev_agent(n - 1) if n > 1 else None
        offered = offer is not None and ctx.has(offer, *OFFER_ACTS)
        if consent.declines(ctx, n) or (offered and not consent.says_yes(ctx, n)):
            return [critical_finding(ctx, "sale_without_consent", a, WHY.format(n=n))]
    return []
