"""Conditions the agent must say whenever a product is offered (the catalog's ``must_say``).

Why: a price said right is not enough information when the offer carries a condition that changes
the customer's decision — a payment agreement that blocks the card for purchases, a fee charged
per late payment (panel J yj-08: an agreement offered without it was judged fully informed). The
scenario marks those conditions and the ways to say them; the offer taken (the product
registered) whose marked condition no agent turn says leaves product information unmet. Products the
agent never offered, and catalogs without marks, ask for nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from simulator.models.transcript import CatalogEntry, MustSayEntry
from simulator.scoring import text as tx
from simulator.scoring.consent import registered_product
from simulator.scoring.context import CallContext


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _said(ctx: CallContext, entry: MustSayEntry) -> bool:
    texts = entry.said_as or [re.escape(tx.fold(entry.condition))]
    patterns = [_compiled(p) for p in texts]
    return any(p.search(ctx.folded[n - 1]) for n in ctx.agent_turns for p in patterns)


def _registered(ctx: CallContext) -> list[CatalogEntry]:
    value = tx.fold(registered_product(ctx) or "")
    if not value:
        return []
    return [
        p
        for p in ctx.transcript.catalog
        if value in {tx.fold(name) for name in (p.name, *p.aliases)}
    ]


def offered(ctx: CallContext) -> list[CatalogEntry]:
    """The offer the conditions are owed for: the product registered (the option the customer
    took among several listed). Nothing registered, nothing owed: a debt described («dos pagos
    mínimos vencidos») or a call cut short is no offer made."""
    return _registered(ctx)


def marked(ctx: CallContext) -> bool:
    """Some offered product has conditions marked to say (the check applies)."""
    return any(product.must_say for product in offered(ctx))


def unsaid(ctx: CallContext) -> list[tuple[CatalogEntry, str]]:
    """(product, condition) for every marked condition of an offered product no agent turn says."""
    if "must_say" not in ctx.memo:
        ctx.memo["must_say"] = [
            (product, entry.condition)
            for product in offered(ctx)
            for entry in product.must_say
            if not _said(ctx, entry)
        ]
    return list(ctx.memo["must_say"])


def missing_text(found: list[tuple[CatalogEntry, str]]) -> str:
    """What the card says is missing (the first unsaid condition, named with its product)."""
    product, condition = found[0]
    more = f" (y {len(found) - 1} más)" if len(found) > 1 else ""
    return f"Decir las condiciones de «{product.name}» al ofrecerlo: {condition}{more}"


def better_text(found: list[tuple[CatalogEntry, str]], cliente: str) -> str:
    """A model line that says the unsaid conditions, product by product (the card's «Mejor» when
    they are all that failed; a template with «…» holes taught nothing: lead play, session 20)."""
    by_product: dict[str, list[str]] = {}
    for product, condition in found:
        by_product.setdefault(product.name, []).append(condition[:1].lower() + condition[1:])
    parts = [f"{name}: {'; '.join(conditions)}" for name, conditions in by_product.items()]
    lead = "una condición importante" if len(found) == 1 else "las condiciones importantes"
    named = f", {cliente}" if cliente and not cliente.startswith("(") else ""
    return f"Le comento {lead}{named}. {'. '.join(parts)}. ¿Tiene alguna duda?"
