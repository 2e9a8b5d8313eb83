"""A one-person price quoted for a whole family: ``inaccurate_information``.

Why: panel K (xc-04 T6) — the customer said the insurance was «también para mi familia» and the
agent answered «cuesta 1,250 pesos al mes», the catalog's price for ONE holder aged 35 to 44 that
is adjusted by age. The figure is right, the answer is not: the family would pay more. The
scorer checks a quoted price against the catalog (``prices``) but not whom the price is for; this
module reads that one case: a catalog price stated for one person, quoted without «por persona»
(or a word that it is still to be adjusted) after the customer said it is for several people.
Wordings live in ``scoring/es/cues.yaml``.
"""

from __future__ import annotations

import re

from simulator.analysis.conduct import affirmed
from simulator.models.transcript import CatalogEntry
from simulator.scoring import catalog_limits
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

_PRICE_WORD = re.compile(r"\b(?:precio|precios|prima|cuota|costo|cuesta|tarifa|mensualidad)\b")
WHY = (
    "El cliente dijo que el producto es para varias personas y el agente dio el precio de una "
    "sola persona como si fuera el total: «{condition}»."
)


def _one_person(product: CatalogEntry) -> str | None:
    """The catalog condition that gives the product's price for one person, or None."""
    return next(
        (c for c in product.conditions if tx.cue("price_one_person").search(tx.fold(c))), None
    )


def _for_several(ctx: CallContext, a: int) -> bool:
    """A customer turn before agent turn ``a`` says the product is for several people."""
    return any(
        ctx.speaker(n) == "customer" and affirmed(tx.cue("for_several"), ctx.text(n))
        for n in range(1, a)
    )


def quoted_for_one(ctx: CallContext, a: int) -> str | None:
    """The one-person price condition agent turn ``a`` leaves out when it quotes that price after
    the customer said the product is for several people, or None."""
    if not ctx.transcript.catalog or ctx.speaker(a) != "agent":
        return None
    said = {x.value for x in ctx.amounts(a) if x.value}
    per_person = tx.cue("price_per_person")
    # the agent said it with a price (now or before): the later quotes need not repeat it
    if not said or any(
        per_person.search(ctx.folded[n - 1])
        and (ctx.amounts(n) or _PRICE_WORD.search(ctx.folded[n - 1]))
        for n in ctx.agent_turns
        if n <= a
    ):
        return None
    for product in catalog_limits.about(ctx, a):
        condition = _one_person(product)
        if condition is not None and product.price in said and _for_several(ctx, a):
            return condition
    return None
