"""The call's names that fill the rubric's model phrasings: agent, company, customer, product, price.

It sits above ``context`` (the per-call view), ``address`` (how people are named) and ``prices``
(which products a turn names) and imports all three, so those lower modules never import back.
"""

from __future__ import annotations

from simulator.models.transcript import CatalogEntry
from simulator.scoring import text as tx
from simulator.scoring.address import agent_spoken_name, courtesy_name, full_name_phrase
from simulator.scoring.applicability import third_party
from simulator.scoring.context import CallContext
from simulator.scoring.domain import call_domain, placed_by_agent
from simulator.scoring.prices import products_named


def slots(ctx: CallContext) -> dict[str, str]:
    """Names to fill the rubric's model phrasings with (the product the agent talked about)."""
    if "slots" not in ctx.memo:
        ctx.memo["slots"] = _slots(ctx)
    return dict(ctx.memo["slots"])


def _slots(ctx: CallContext) -> dict[str, str]:
    t = ctx.transcript
    product = _main_product(ctx)
    price = ""
    if product is not None and product.price is not None:
        period = f" al {product.period}" if product.period else ""
        price = f"{product.price:g} pesos{period}"
    return {
        "agente": agent_spoken_name(ctx) or t.agent_name or "(su nombre)",
        "empresa": t.company or "(la empresa)",
        "cliente": courtesy_name(ctx),
        "nombre_completo": full_name_phrase(ctx),
        "producto": product.name if product else "(producto)",
        "precio": price or "(precio del catálogo)",
        "tipo": example_kind(ctx),
        "dominio": call_domain(ctx),
        "tercero": "sí" if third_party(ctx) else "",
    }


def example_kind(ctx: CallContext) -> str:
    """The call kind the model phrasings are chosen by (a sale is outbound or inbound)."""
    if ctx.kind == "sale":
        return "sale_outbound" if placed_by_agent(ctx) else "sale_inbound"
    return ctx.kind


def _main_product(ctx: CallContext) -> CatalogEntry | None:
    """The catalog product the agent named most often (the first one when none was named)."""
    catalog = ctx.transcript.catalog
    if not catalog:
        return None
    counts: dict[str, int] = {}
    for n in ctx.agent_turns:
        for p in products_named(ctx, n):
            counts[p.name] = counts.get(p.name, 0) + 1
    # a model phrasing never proposes a product the catalog says is sold out (panel C: «Con lo
    # que me platicó, el Nova X le queda muy bien» for the model out of stock)
    available = [p for p in catalog if not _sold_out(p)] or catalog
    if not any(p.name in counts for p in available):
        return available[0]
    best = max((p for p in available if p.name in counts), key=lambda p: counts[p.name])
    return best


def _sold_out(product: CatalogEntry) -> bool:
    return any(tx.cue("sold_out").search(tx.fold(c)) for c in product.conditions)
