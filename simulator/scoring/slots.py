"""The call's names that fill the rubric's model phrasings: agent, company, customer, product, price.

It sits above ``context`` (the per-call view), ``address`` (how people are named) and ``prices``
(which products a turn names) and imports all three, so those lower modules never import back.
"""

from __future__ import annotations

import re

from simulator.analysis.fillers import said as fillers_said
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
        "saludo": _time_greeting(ctx),
        "muletillas": _fillers_said(ctx),
    }


def _fillers_said(ctx: CallContext) -> str:
    """The agent's most frequent fillers, quoted («pues» o «ajá»); «este…» when none is found."""
    counts: dict[str, int] = {}
    for n in ctx.agent_turns:
        for word in fillers_said(ctx.text(n)):
            counts[word] = counts.get(word, 0) + 1
    top = sorted(counts, key=lambda w: (-counts[w], w))[:2]
    return " o ".join(f"«{w}»" for w in top) if top else "«este…»"


_GREETING = re.compile(r"\b(buenos dias|buenas tardes|buenas noches)\b")


def _time_greeting(ctx: CallContext) -> str:
    """The greeting of the time of day the agent used first («buenas tardes»), with its accent;
    empty when the agent said none (the model phrasing keeps its own)."""
    for n in ctx.agent_turns[:3]:
        found = _GREETING.search(ctx.folded[n - 1])
        if found:
            return found.group(1).replace("dias", "días")
    return ""


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
