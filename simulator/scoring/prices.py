"""Checks every money amount the agent states against the transcript's catalog.

An amount is "money" when the language layer says so or a price cue surrounds it (pesos, al mes,
cuesta…). It must equal the price of a product named in the same turn, or — when no product is
named — some catalog price, a sum of up to three prices, twelve months of one, or an amount the
customer said before. Savings and differences ("le ahorra 150") are not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import combinations

from simulator.models.transcript import CatalogEntry
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

TOLERANCE = 1.0
NEAR_WORDS = 4
_NUMBER = re.compile(r"^\d+$")


@dataclass(frozen=True)
class PriceMismatch:
    turn: int
    said: float
    said_text: str
    product: CatalogEntry | None
    correct: list[CatalogEntry]


def _distinctive_tokens(catalog: list[CatalogEntry]) -> list[set[str]]:
    return [set(t) for t in _distinctive(tuple(p.name for p in catalog))]


@cache
def _distinctive(names: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    token_sets = [set(tx.fold(name).split()) for name in names]
    common: set[str] = set.intersection(*token_sets) if len(token_sets) > 1 else set()
    out = []
    for tokens in token_sets:
        distinct = {t for t in tokens - common if t not in tx.stopwords()}
        out.append(frozenset(distinct or tokens))
    return tuple(out)


def products_named(ctx: CallContext, n: int, amounts_values: set[float]) -> list[CatalogEntry]:
    """Catalog products named in turn ``n`` (by distinctive words, numbers or aliases)."""
    key = f"named:{n}"
    if key not in ctx.memo:
        ctx.memo[key] = _products_named(ctx, n, amounts_values)
    return list(ctx.memo[key])


def _products_named(ctx: CallContext, n: int, amounts_values: set[float]) -> list[CatalogEntry]:
    catalog = ctx.transcript.catalog
    if not catalog:
        return []
    folded = ctx.folded[n - 1]
    words = set(folded.split())
    named = []
    for product, tokens in zip(catalog, _distinctive_tokens(catalog), strict=True):
        if any(tx.fold(alias) and tx.fold(alias) in folded for alias in product.aliases):
            named.append(product)
            continue
        ok = True
        for token in tokens:
            if token in words:
                continue
            if _NUMBER.match(token) and float(token) in amounts_values:
                continue
            ok = False
            break
        if ok:
            named.append(product)
    return named


def _is_money(folded: str, amount_text: str, flagged: bool) -> bool:
    if flagged:
        return True
    needle = tx.fold(amount_text)
    if not needle:
        return False
    idx = folded.find(needle)
    if idx < 0:
        return False
    after = folded[idx + len(needle) :]
    before = folded[max(0, idx - 40) : idx]
    return bool(tx.cue("money_after").search(after) or tx.cue("money_before").search(before))


def _not_a_price(folded: str, amount_text: str) -> bool:
    """A cap, deductible, saving, income… named right around the amount."""
    needle = tx.fold(amount_text)
    idx = folded.find(needle) if needle else -1
    if idx < 0:
        return False
    before = " ".join(folded[:idx].split()[-NEAR_WORDS:])
    after = " ".join(folded[idx + len(needle) :].split()[:NEAR_WORDS])
    return bool(tx.cue("not_a_price").search(before) or tx.cue("not_a_price").search(after))


def _derived(prices: set[float]) -> set[float]:
    """A price said per day, per year or per month of a yearly fee."""
    out = set(prices)
    for p in prices:
        out |= {p * 12, p / 12, p / 30, p / 31}
    return out


def _allowed(ctx: CallContext, upto: int) -> set[float]:
    prices = [p.price for p in ctx.transcript.catalog if p.price is not None]
    allowed: set[float] = set(prices)
    for product in ctx.transcript.catalog:
        allowed |= condition_amounts(product)
    for size in (2, 3):
        for combo in combinations(prices[:8], size):
            allowed.add(sum(combo))
    allowed |= _derived(set(prices))
    return allowed | _customer_amounts(ctx, upto)


def _customer_amounts(ctx: CallContext, upto: int) -> set[float]:
    said: set[float] = set()
    for n in ctx.customer_turns:
        if n >= upto:
            break
        said |= {a.value for a in ctx.amounts(n)}
    return said


def _close(value: float, targets: set[float]) -> bool:
    return any(abs(value - t) <= TOLERANCE for t in targets)


def check_prices(ctx: CallContext) -> tuple[list[PriceMismatch], list[int]]:
    """Mismatches, and the agent turns where a catalog price was stated correctly."""
    catalog = [p for p in ctx.transcript.catalog if p.price is not None]
    if not catalog:
        return [], []
    mismatches: list[PriceMismatch] = []
    correct_turns: list[int] = []
    for n in ctx.agent_turns:
        amounts = ctx.amounts(n)
        if not amounts:
            continue
        folded = ctx.folded[n - 1]
        values = {a.value for a in amounts}
        named = [p for p in products_named(ctx, n, values) if p.price is not None]
        derived = bool(tx.cue("derived_amount").search(folded))
        for amount in amounts:
            if not _is_money(folded, amount.text, amount.is_money):
                continue
            if _not_a_price(folded, amount.text):
                continue
            if any(
                _NUMBER.match(t) and float(t) == amount.value
                for p in named
                for t in tx.fold(p.name).split()
            ):
                continue  # "200" in "Plan Hogar 200 megas" is the product name
            if named:
                targets = {p.price for p in named if p.price is not None}
                targets.add(sum(targets))
                if _close(amount.value, _derived(targets)):
                    correct_turns.append(n)
                    continue
                if _close(amount.value, set().union(*(condition_amounts(p) for p in named))):
                    continue
                if derived or _close(amount.value, _customer_amounts(ctx, n)):
                    continue
                mismatches.append(PriceMismatch(n, amount.value, amount.text, named[0], named))
            else:
                if _close(amount.value, {p.price for p in catalog if p.price is not None}):
                    correct_turns.append(n)
                    continue
                if derived or _close(amount.value, _allowed(ctx, n)):
                    continue
                mismatches.append(PriceMismatch(n, amount.value, amount.text, None, catalog))
    return mismatches, sorted(set(correct_turns))


def condition_amounts(product: CatalogEntry) -> set[float]:
    """Amounts written in the product's conditions (caps, deposits, promotions)."""
    return set(_condition_amounts(tuple(product.conditions)))


@cache
def _condition_amounts(conditions: tuple[str, ...]) -> frozenset[float]:
    from simulator.language.numbers import extract_amounts

    return frozenset(a.value for text in conditions for a in extract_amounts(text))


def price_text(product: CatalogEntry) -> str:
    if not product.price:
        return "sin costo"
    period = f" al {product.period}" if product.period else ""
    return f"{product.price:g} pesos{period}"


def cost_phrase(product: CatalogEntry) -> str:
    """«cuesta 499 pesos al mes» or «no tiene costo»."""
    return "no tiene costo" if not product.price else f"cuesta {price_text(product)}"
