"""«Lo más barato es el de 349» when the catalog sells a cheaper plan: inaccurate information.

Why: blind panel O (ta-03 T11) — a retention agent answered «si me lo deja en 299 me quedo» with
«en 299 no hay nada igual, lo más barato es el de 349» while the catalog sells Conecta 8 at 249;
the customer left with a false picture of the offer at the moment of deciding, and the scorer
saw no claim. A sentence of the agent that calls a price the lowest (cue ``cheapest``), not
narrowed by what the plan brings (``cheapest_narrowed``), names a catalog price, and the catalog
sells a product of the same kind (a word of its name shared: a plan against plans, never
against an add-on) and period for less: the critical error ``inaccurate_information``.
"""

from __future__ import annotations

import re

from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

_SENTENCES = re.compile(r"[^.!?¿]+[.!?]?")
_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?![\d])")
WHY = (
    "El agente dijo «{said}», pero el catálogo tiene {product} en {price}: la oferta más barata "
    "no era la que dijo."
)


def _name_words(name: str) -> set[str]:
    """The words of a product's name that say what kind of product it is («plan», «hogar»)."""
    return {w for w in tx.fold(name).split() if len(w) >= 4 and not w.isdigit()}


def _price(raw: str) -> float:
    return float(raw.replace(",", ""))


def contradicted(ctx: CallContext, a: int) -> tuple[str, str, str] | None:
    """(the sentence, the cheaper product, its price) when agent turn ``a`` calls a catalog price
    the lowest and the catalog sells the same period for less."""
    catalog = [p for p in ctx.transcript.catalog if p.price]
    if not catalog:
        return None
    for sentence in _SENTENCES.findall(ctx.text(a)):
        folded = tx.fold(sentence)
        if not tx.cue("cheapest").search(folded) or tx.cue("cheapest_narrowed").search(folded):
            continue
        said = {_price(m) for m in _NUMBER.findall(sentence)}
        named = [p for p in catalog if p.price in said]
        for product in named:
            kin = _name_words(product.name)
            cheaper = [
                p
                for p in catalog
                if p.period == product.period
                and p.currency == product.currency
                and (p.price or 0) < (product.price or 0)
                and _name_words(p.name) & kin  # a plan against plans, not against an add-on
            ]
            if cheaper:
                low = min(cheaper, key=lambda p: p.price or 0)
                money = "pesos" if low.currency == "MXN" else low.currency
                per = f" al {low.period}" if low.period else ""
                return sentence.strip(), low.name, f"{low.price:,.0f} {money}{per}"
    return None


def finding(ctx: CallContext, a: int) -> tuple[str | None, str | None]:
    """(why, the true lowest offer as the model answer says it) of the error in agent turn
    ``a``, or (None, None)."""
    lowest = contradicted(ctx, a)
    if lowest is None:
        return None, None
    said, product, price = lowest
    return WHY.format(said=said, product=product, price=price), (
        f"lo más económico es {product}, en {price}"
    )
