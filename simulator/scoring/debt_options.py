"""Collections: the debtor hears the real payment options, not only the one the agent wants.

Why: blind panel N (ua-06 T6, ue-0x T6, issue 12, score-s) judged «Brinda información cumplido;
Conocimiento del producto 100» unfair when the agent named only the overdue minimum and never the
payment that avoids interest or the agreement the scenario lists («Ofrezca las opciones reales»):
a QA lead marks the information incomplete. When a simulated collections call's catalog lists
several payment options, product information asks that the agent name at least two of them (by
name, alias or amount); an imported call without a catalog asks for nothing.
"""

from __future__ import annotations

import re

from simulator.models.transcript import CatalogEntry
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

# at least this many options named for the debtor to have a choice
ENOUGH = 2
# an amount this small is no option's price («3 pagos», «5 días»)
MIN_PRICE = 100


def _named(ctx: CallContext, entry: CatalogEntry) -> bool:
    names = [tx.fold(x) for x in (entry.name, *entry.aliases) if x.strip()]
    pattern = re.compile("|".join(rf"\b{re.escape(x)}\b" for x in names)) if names else None
    for n in ctx.agent_turns:
        if pattern is not None and pattern.search(ctx.folded[n - 1]):
            return True
        if (
            entry.price
            and entry.price >= MIN_PRICE
            and any(abs(float(a.value) - float(entry.price)) < 1 for a in ctx.amounts(n))
        ):
            return True
    return False


def owed(ctx: CallContext) -> bool:
    """The call owes the debtor a choice: collections, simulated, with several options listed,
    and not cut short by the customer (a hang-up before any offer is no offer made, c-03)."""
    return (
        ctx.kind == "collections"
        and not ctx.imported
        and len(ctx.transcript.catalog) >= ENOUGH
        and ctx.transcript.outcome != "hung_up"
    )


def unnamed(ctx: CallContext) -> list[CatalogEntry]:
    """The catalog's options the agent never named, when fewer than ``ENOUGH`` were named."""
    catalog = list(ctx.transcript.catalog)
    missing = [p for p in catalog if not _named(ctx, p)]
    return missing if len(catalog) - len(missing) < ENOUGH else []


def missing_text(missing: list[CatalogEntry]) -> str:
    names = ", ".join(f"«{p.name}»" for p in missing)
    return f"Ofrecer las opciones reales de pago, no solo una (faltó: {names})"
