"""«Free» given as the whole answer to «¿tengo que pagar algo?»: ``inaccurate_information``.

Why: panel K — to a customer asking straight whether the plumber costs anything, the agent said
«No, es sin costo» while the catalog says free only up to 1,500 pesos per event, the excess paid
by the customer (xf-02 T23); to «¿tengo que pagar algo por cambiarme?» «el cambio es gratis» while
it is free once a year and subject to coverage (xg-06 T11). «Free» is true only with its limit:
said alone to a direct cost question it misleads. ``false_claims`` reads «todo gratis» as a
promise only where the catalog has nothing free; this module reads the other case: the thing is
free, but within a limit the answer leaves out. Wordings live in ``scoring/es/cues.yaml``.
"""

from __future__ import annotations

from simulator.models.transcript import CatalogEntry
from simulator.scoring import catalog_limits
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

WHY = (
    "El cliente preguntó directamente si tiene que pagar y el agente respondió que es gratis sin "
    "decir el límite del catálogo: «{condition}». Lo gratuito tiene condiciones y callarlas "
    "engaña al cliente."
)


def _limited(product: CatalogEntry) -> str | None:
    """The condition that limits what is free in a product without a price, or None."""
    if product.price:
        return None
    return next((c for c in product.conditions if tx.cue("free_limited").search(tx.fold(c))), None)


def _asked_cost(ctx: CallContext, a: int) -> bool:
    """The customer's turn right before agent turn ``a`` asks whether something costs."""
    q = a - 1
    if q < 1 or ctx.speaker(q) != "customer" or "?" not in ctx.text(q):
        return False
    return tx.cue("cost_question").search(ctx.folded[q - 1]) is not None


def unqualified(ctx: CallContext, a: int) -> str | None:
    """The catalog condition agent turn ``a`` leaves out when it answers a direct cost question
    with a bare «free», or None."""
    if not ctx.transcript.catalog or not _asked_cost(ctx, a):
        return None
    folded = ctx.folded[a - 1]
    if tx.cue("free_answer").search(folded) is None or tx.cue("free_qualified").search(folded):
        return None
    about = catalog_limits.about(ctx, a)
    free = [p for p in ctx.transcript.catalog if not p.price]
    # the «free» thing is a free product the turn is about, else one of the catalog's free ones
    candidates = [p for p in about if not p.price] or free
    limited = [_limited(p) for p in candidates]
    # every free product the answer may be about has a limit: the bare «free» is not the whole truth
    if not limited or any(c is None for c in limited):
        return None
    return limited[0]
