"""The agent's claims about the offer checked against the transcript's catalog (issue 12 item 3).

``simulator.analysis.claims`` reads the words (a condition said to be absent, a coverage promised,
a delivery time, a discount); this module decides, per claim, which products it is about (named in
the turn, else the last ones named in the call, else the whole catalog) and whether their
conditions contradict it:
- a condition said to be absent («no tiene anualidad») that a product's condition states; when the
  catalog's own absence is qualified («sin anualidad el primer año» and «anualidad … a partir del
  segundo año») the claim must carry a qualifier too;
- a coverage promised («le cubre desde el primer día») that a condition excludes («no cubre…»,
  «periodo de espera…»);
- a delivery, installation, activation or refund time shorter than the catalog's («llega en media
  hora» against «7 a 10 días hábiles»; «hoy mismo» against «un máximo de 72 horas»);
- a discount or promotion the catalog never mentions.
Where the catalog is silent, nothing is invented: no finding. Without a catalog, nothing here runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from simulator.analysis import claims, limits
from simulator.models.transcript import CatalogEntry
from simulator.scoring import catalog_limits
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.turn_products import products_about

LOOK_BACK = 8  # turns searched back for the product a claim is about
SAME_DAY_HOURS = 12.0  # «hoy mismo», «en media hora»: a promise inside the day
DAY_WINDOW_HOURS = 24.0  # a catalog window of a day or more is not a same-day promise


@dataclass(frozen=True)
class Contradiction:
    said: str
    condition: str
    why: str  # "condition", "coverage", "delivery" or "discount"


def _products(ctx: CallContext, n: int) -> list[CatalogEntry]:
    """The products a claim in turn ``n`` is about: named there, else the last named before."""
    return products_about(ctx, n, LOOK_BACK)


def _naming(product: CatalogEntry, names: tuple[str, ...], features: bool = False) -> list[str]:
    texts = (*product.conditions, *product.features) if features else product.conditions
    return [c for c in texts if any(name in tx.fold(c) + " " for name in names)]


def _condition(product: CatalogEntry, claim: claims.Claim, qualified: bool) -> str | None:
    """The product's condition that contradicts a condition said to be absent, if any. A
    feature states a condition too («Daños materiales con deducible de 5 %» against «no paga
    deducible»)."""
    features = claim.topic in limits.feature_topics()
    naming = _naming(product, claims.condition_names(claim.topic), features=features)
    present = [c for c in naming if not claims.states_absent(c)]
    if not present:
        return None  # silent, or the catalog itself says it is absent
    absent = [c for c in naming if claims.states_absent(c)]
    if absent and qualified:
        return None  # «sin anualidad el primer año» said as the catalog says it
    return present[0]


def _figures_said(condition: str, text: str) -> bool:
    """Every figure of ``condition`` («10 meses») is said in the turn too."""
    figures = re.findall(r"\d+", condition)
    said = set(re.findall(r"\d+", text.replace(",", "")))
    return bool(figures) and all(f in said for f in figures)


def _absent_in_catalog(product: CatalogEntry, claim: claims.Claim) -> str | None:
    """The product's condition saying a condition claimed present is absent («le cobran
    penalización» against «Sin plazo forzoso»), if any."""
    for condition in _naming(product, claims.condition_names(claim.topic)):
        if claims.says_absent(claim.topic, condition):
            return condition
    return None


def _coverage(product: CatalogEntry, claim: claims.Claim) -> str | None:
    """The product's exclusion that contradicts a coverage promised, if any."""
    for condition in _naming(product, claims.condition_names(claim.topic)):
        if claims.excludes(condition):
            return condition
    return None


def _delivery(product: CatalogEntry, hours: float) -> str | None:
    """The product's time condition that a promised time undercuts, if any."""
    # «Llegada estimada de 90 minutos» is a feature of the product as much as a condition
    for condition in (*product.conditions, *product.features):
        window = claims.duration_window(condition)
        if window is None:
            continue
        low, high = window
        if low > 0 and hours < low:
            return condition
        if low == 0 and hours <= SAME_DAY_HOURS and high >= DAY_WINDOW_HOURS:
            return condition
    return None


def _catalog_mentions_discount(ctx: CallContext) -> bool:
    texts = [
        text
        for entry in ctx.transcript.catalog
        for text in (entry.name, *entry.aliases, *entry.conditions)
    ]
    return any(claims.offers_discount(text) for text in texts)


_GIFT_HEAD = re.compile(
    r"^(?:\w+ ){1,2}?(?:regalo|regalamos|obsequio|obsequiamos|incluyo|incluimos|doy|damos|dejo|"
    r"pongo|agrego|agregamos|activo|activamos)(?: gratis)? (?:(?:ademas|tambien|el|la|los|las|un|"
    r"una|su|sus|de|pilon) )*"
)
_FREE = re.compile(r"\b(?:gratis|sin costo|incluid[oa]s?|de regalo|cortesia)\b")


def _priced_gift(ctx: CallContext, span: str) -> str | None:
    """«Le regalo el auto sustituto»: the catalog product named in the words given away, when it
    has a price and nothing in its own texts makes it free or a promotion («Nombre: 900 al año»)."""
    # The thing given is what follows the verb («le incluimos el módem del Plan 200 sin costo»
    # gives the modem, not the plan): the product's name must open it, after an article.
    given = _GIFT_HEAD.sub("", tx.fold(span), count=1)
    for entry in ctx.transcript.catalog:
        names = [tx.fold(n) for n in (entry.name, *entry.aliases) if len(n) >= 4]
        if not entry.price or entry.price <= 0 or not any(given.startswith(n) for n in names):
            continue
        texts = (entry.name, *entry.aliases, *entry.conditions, *entry.features)
        if any(claims.offers_discount(t) or _FREE.search(tx.fold(t)) for t in texts):
            continue
        per = f" por {entry.period}" if entry.period else ""
        return f"{entry.name}: {entry.price:,.0f} {entry.currency}{per}"
    return None


def contradictions(ctx: CallContext, n: int) -> list[Contradiction]:
    """What the catalog contradicts among the claims of agent turn ``n`` (empty without one)."""
    if not ctx.transcript.catalog:
        return []
    text = ctx.text(n)
    found: list[Contradiction] = []
    products: list[CatalogEntry] | None = None
    for claim in claims.extract(text):
        if claim.kind == "promise":
            continue
        if claim.kind == "discount":
            if not _catalog_mentions_discount(ctx):
                found.append(Contradiction(claim.span, "", "discount"))
            continue
        if claim.kind == "gift":
            given = _priced_gift(ctx, claim.span)
            if given is not None:
                found.append(Contradiction(claim.span, given, "gift"))
            continue
        if products is None:
            products = _products(ctx, n)
        checks: list[str | None]
        if claim.kind == "condition_absent":
            qualified = claims.qualified(text)
            # «El Total tiene deducible; el Básico lo tiene sin deducible»: a claim is about the
            # products its own clause names, when it names some
            # (only where features count: elsewhere the turn's products judge, as before)
            scoped = products
            if claim.topic in limits.feature_topics():
                scoped = catalog_limits.clause_products(ctx, text, claim.span) or products
            checks = [_condition(p, claim, qualified) for p in scoped]
            # the same turn states the condition with its figures («…tienen un periodo de espera
            # de 10 meses… Un accidente, en cambio, no tiene ese periodo de espera»): the denial
            # is an exception the agent scoped, not a false condition (blind panel P sg-05)
            checks = [c if c is None or not _figures_said(c, text) else None for c in checks]
            if scoped is not products:
                spoken = [c for c in checks if c is not None]
                judged = [
                    p
                    for p, c in zip(scoped, checks, strict=True)
                    if c is not None or _speaks(p, claim)
                ]
                if spoken and len(spoken) == len(judged):
                    found.append(Contradiction(claim.span, spoken[0], "condition"))
                continue
            why = "condition"
        elif claim.kind == "condition_present":
            checks = [_absent_in_catalog(p, claim) for p in products]
            why = "condition"
        elif claim.kind == "coverage":
            checks = [_coverage(p, claim) for p in products]
            checks = [c if c is None or not _figures_said(c, text) else None for c in checks]
            why = "coverage"
        elif claim.kind == "delivery":
            hours = claims.promised_hours(claim.span)
            if hours is None:
                continue
            checks = [_delivery(p, hours) for p in products]
            why = "delivery"
        else:
            continue
        # Every product the claim may be about contradicts it (one that agrees makes it ambiguous;
        # products silent on the topic do not count either way).
        spoken = [c for c in checks if c is not None]
        judged = [
            p for p, c in zip(products, checks, strict=True) if c is not None or _speaks(p, claim)
        ]
        if spoken and len(spoken) == len(judged):
            found.append(Contradiction(claim.span, spoken[0], why))
    # limits of other shapes (only with, some cards, a cap, blocked, at purchase, sold out, an
    # exclusion in everyday words): ``catalog_limits``
    found += [
        Contradiction(said, cond, "condition")
        for said, cond in catalog_limits.contradictions(ctx, n)
    ]
    return found


def _speaks(product: CatalogEntry, claim: claims.Claim) -> bool:
    """The product's conditions say something about the claim's topic (agree or not)."""
    if claim.kind == "delivery":
        texts = (*product.conditions, *product.features)
        return any(claims.duration_window(c) is not None for c in texts)
    return bool(_naming(product, claims.condition_names(claim.topic)))
