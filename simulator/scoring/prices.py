"""Checks every money amount the agent states against the transcript's catalog.

An amount is "money" when the language layer says so or a price cue surrounds it (pesos, al mes,
cuesta…). Fair tolerances (rubric ``inaccurate_information``): amounts the customer said before,
what the customer pays today (``current_payment`` or «hoy paga / le cobran / su compañía
actual…»), differences and sums of catalog prices and those amounts (499 − 450 = 49), multiples
over a period (499 × 12 al año), amounts in catalog conditions, caps, savings… are not prices of
ours. A price said right next to one of OUR products must be that product's price (or a multiple
of it); a difference («49 pesos más») next to a product is accepted when it is a real difference.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations

from simulator.analysis import claims
from simulator.models.transcript import CatalogEntry
from simulator.scoring import price_arithmetic, price_clauses
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

TOLERANCE = 1.0
NEAR_WORDS = 4
RELATIVE_WORDS = 9  # «la diferencia con el de 200 megas es de 49»: the cue may open the clause
PROVIDER_WORDS_BEFORE = 6
MAX_AMOUNTS_PER_TURN = 60
MAX_COMBO_PRICES = 8
PERIOD_MULTIPLES = (2, 3, 6, 12, 18, 24, 36)
_NUMBER = re.compile(r"^\d+$")
_DATA_KEYS = ("pago_actual", "pago", "current_payment", "renta_actual", "mensualidad_actual")


@dataclass(frozen=True)
class PriceMismatch:
    turn: int
    said: float
    said_text: str
    product: CatalogEntry | None
    correct: list[CatalogEntry]


@dataclass
class _Book:
    """Per-call price facts, built once: catalog prices, derived sets and known amounts."""

    prices: frozenset[float]
    conditions: frozenset[float]
    derived: frozenset[float]  # prices, sums of prices, per-period multiples
    totals: frozenset[float]  # totals of the catalog's instalment plans (12 pagos de 870)
    known: set[float] = field(default_factory=set)  # customer-said and current-provider amounts


@cache
def _ordered(token_sets: tuple[frozenset[str], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(sorted(t, key=lambda w: (bool(_NUMBER.match(w)), w))) for t in token_sets)


@cache
def _distinctive(names: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    token_sets = [set(tx.fold(name).split()) for name in names]
    common: set[str] = set.intersection(*token_sets) if len(token_sets) > 1 else set()
    out = []
    for tokens in token_sets:
        distinct = {t for t in tokens - common if t not in tx.stopwords()}
        out.append(frozenset(distinct or tokens))
    return tuple(out)


@cache
def _folded_aliases(aliases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(a for a in (tx.fold(alias) for alias in aliases) if a)


def products_named(
    ctx: CallContext, n: int, amounts_values: set[float] | None = None
) -> list[CatalogEntry]:
    """Catalog products named in turn ``n`` (by distinctive words, numbers or aliases).

    The turn's amounts (numbers said in words: «doscientos megas») are read only when needed.
    """
    key = f"named:{n}"
    if key not in ctx.memo:
        values: Container[float] = _LazyValues(ctx, n) if amounts_values is None else amounts_values
        ctx.memo[key] = _named_in(ctx.transcript.catalog, ctx.folded[n - 1], values)
    return list(ctx.memo[key])


class _LazyValues:
    """``value in values`` over a turn's amounts, extracted on first use."""

    def __init__(self, ctx: CallContext, n: int) -> None:
        self._ctx, self._n = ctx, n
        self._values: set[float] | None = None

    def __contains__(self, value: object) -> bool:
        if self._values is None:
            self._values = {a.value for a in self._ctx.amounts(self._n)}
        return value in self._values


_Index = tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[float, ...]], ...]


@cache
def _index(key: tuple[tuple[str, tuple[str, ...]], ...]) -> _Index:
    """Per product (name, aliases): folded aliases, distinctive words, distinctive numbers."""
    out = []
    tokens_per_product = _ordered(_distinctive(tuple(k[0] for k in key)))
    for (_name, aliases), tokens in zip(key, tokens_per_product, strict=True):
        words = tuple(t for t in tokens if not _NUMBER.match(t))
        numbers = tuple(float(t) for t in tokens if _NUMBER.match(t))
        out.append((_folded_aliases(aliases), words, numbers))
    return tuple(out)


def _named_in(
    catalog: list[CatalogEntry], folded: str, amounts_values: Container[float]
) -> list[CatalogEntry]:
    if not catalog or not folded:
        return []
    words = set(folded.split())
    index = _index(tuple((p.name, tuple(p.aliases)) for p in catalog))
    named = []
    for product, (aliases, names, numbers) in zip(catalog, index, strict=True):
        if (
            aliases
            and any(alias in folded for alias in aliases)
            or all(w in words for w in names)
            and all(f"{v:g}" in words or v in amounts_values for v in numbers)
        ):
            named.append(product)
    return named


def _is_money(before: str, after: str, flagged: bool) -> bool:
    if flagged:
        return True
    return bool(tx.cue("money_after").search(after) or tx.cue("money_before").search(before))


def _near(before: str, after: str, cue_name: str, words_before: int = NEAR_WORDS) -> bool:
    """Cue ``cue_name`` within a few words around an amount (same clause)."""
    pattern = tx.cue(cue_name)
    near_before = " ".join(before.split()[-words_before:])
    near_after = " ".join(after.split()[:NEAR_WORDS])
    return bool(pattern.search(near_before) or pattern.search(near_after))


def _derived(prices: set[float] | frozenset[float]) -> set[float]:
    """Prices said per day, per month of a yearly fee, or over a period (× 12 al año…)."""
    out = set(prices)
    for p in prices:
        out |= {p * k for k in PERIOD_MULTIPLES}
        out |= {p / 12, p / 30, p / 31}
    return out


def _book(ctx: CallContext) -> _Book:
    if "price_book" not in ctx.memo:
        catalog = ctx.transcript.catalog
        prices = [p.price for p in catalog if p.price is not None]
        conditions: set[float] = set()
        for product in catalog:
            conditions |= condition_amounts(product)
        sums = {sum(c) for size in (2, 3) for c in combinations(prices[:MAX_COMBO_PRICES], size)}
        book = _Book(
            prices=frozenset(prices),
            conditions=frozenset(conditions),
            derived=frozenset(_derived(set(prices) | sums)),
            totals=price_arithmetic.instalment_totals(catalog),
        )
        book.known |= _current_payment(ctx)
        ctx.memo["price_book"] = book
    book = ctx.memo["price_book"]
    assert isinstance(book, _Book)
    return book


def _current_payment(ctx: CallContext) -> set[float]:
    """What the customer pays today, when the transcript (or its customer data) says it."""
    t = ctx.transcript
    out: set[float] = set()
    if t.current_payment:
        out.add(float(t.current_payment))
    for key in _DATA_KEYS:
        raw = t.customer_data.get(key, "")
        try:
            number = float(raw.replace("$", "").replace(",", "").strip()) if raw else 0.0
        except ValueError:
            continue
        if number > 0:
            out.add(number)
    return out


def _relations(book: _Book) -> set[float]:
    """Differences and sums between our prices (and condition totals: panel Q ra-06) and the
    known amounts (499 − 450 = 49), per period."""
    bases = set(book.prices) | book.known
    out: set[float] = set()
    for a in bases | {c for c in book.conditions if c > 1}:
        for b in bases:
            if a > b:
                out.add(a - b)
        for p in book.prices:
            out.add(a + p)
    return out | {r / 12 for r in out} | {r * 12 for r in out}


def _catalog_amounts(book: _Book) -> set[float]:
    """Every amount our catalog states: prices, their period multiples, condition amounts."""
    return set(book.prices) | set(book.derived) | set(book.conditions)


def is_catalog_amount(ctx: CallContext, value: float) -> bool:
    """``value`` is one our catalog states (a price, its period multiple, a condition amount):
    quoting it tells nothing about any customer."""
    return _close(value, _catalog_amounts(_book(ctx)))


def _sums_with(named: list[CatalogEntry], book: _Book) -> set[float]:
    """A named product's price plus another price of the catalog (an add-on's total)."""
    own = {p.price for p in named if p.price is not None}
    return {a + b for a in own for b in book.prices}


def _close(value: float, targets: set[float] | frozenset[float]) -> bool:
    return any(abs(value - t) <= TOLERANCE for t in targets)


def _product_number(value: float, named: list[CatalogEntry]) -> bool:
    """«200» in «Plan Hogar 200 megas» is the product's name, not a price."""
    return any(
        _NUMBER.match(t) and float(t) == value for p in named for t in tx.fold(p.name).split()
    )


def _strict_ok(value: float, named: list[CatalogEntry]) -> bool:
    """A price said next to our product: that product's price (or a period multiple, a sum)."""
    if not named:
        return False
    targets = {p.price for p in named if p.price is not None}
    targets.add(sum(targets))
    if _close(value, _derived(targets)):
        return True
    return _close(value, set().union(*(condition_amounts(p) for p in named)))


def check_prices(ctx: CallContext) -> tuple[list[PriceMismatch], list[int]]:
    """Mismatches, and the agent turns where a catalog price was stated correctly."""
    catalog = [p for p in ctx.transcript.catalog if p.price is not None]
    if not catalog:
        return [], []
    book = _book(ctx)
    mismatches: list[PriceMismatch] = []
    correct_turns: list[int] = []
    customer = iter(ctx.customer_turns)
    pending = [next(customer, None)]

    def known(upto: int) -> set[float]:
        """Amounts the customer said before turn ``upto`` (read lazily), plus current bills."""
        while pending[0] is not None and pending[0] < upto:
            book.known |= {a.value for a in ctx.amounts(pending[0])}
            pending[0] = next(customer, None)
        return book.known

    for n in ctx.agent_turns:
        amounts = ctx.amounts(n)
        if not amounts:
            continue
        text = ctx.text(n)
        values = {a.value for a in amounts}
        savings_talk = bool(tx.cue("derived_amount").search(ctx.folded[n - 1]))
        turn_named = [p for p in products_named(ctx, n, values) if p.price is not None]
        amounts = amounts[:MAX_AMOUNTS_PER_TURN]
        spans = price_clauses.spans(text, amounts)
        for k, (amount, (start, end)) in enumerate(zip(amounts, spans, strict=True)):
            periods = {q for p in amounts[:k] for q in (p.value / 12, p.value * 12)}
            if start < 0 or _close(amount.value, periods):  # «600 al año, como 50 al mes» (L)
                continue
            before, after = price_clauses.clause(text, start, end)
            if not _is_money(before, after, amount.is_money):
                continue
            if tx.cue("denied_amount").search(before):
                continue  # «no tengo ninguna promoción en 3,999»: denied, not claimed
            value = amount.value
            clause_named = _named_in(catalog, f"{before} {after}".strip(), values)
            if _near(before, after, "other_party_amount", PROVIDER_WORDS_BEFORE) and (
                not clause_named or _near(before, after, "other_party_strong", 8)
            ):
                book.known.add(value)  # «hoy paga unos 450»: the customer's current bill
                continue
            if any(
                claims.not_a_price(price_clauses.unnamed(side, catalog))
                for side in price_clauses.window(before, after)
            ):
                continue
            if not clause_named and claims.amount_about_other(f"{before} {after}"):
                continue  # «una cirugía cuesta más de 200 mil», «su deuda es de…»: not our price
            if claims.amount_about_other(before) and not _near(before, "", "own_price"):
                continue  # «si una cirugía costara 150,000 con el plan Plus»: an example
            if claims.example_cost(before) or claims.example_cost(price_clauses.lead(text, start)):
                continue  # «si una cirugía le cuesta 200,000…»: the cost of the example event
            if (
                not clause_named
                and price_arithmetic.worked(text)
                and price_arithmetic.is_result(
                    value, price_arithmetic.without(text, amount.text), book.conditions
                )
            ):
                continue  # «…el 10 % de coaseguro del resto, que serían unos 18,800»: worked out
            if _close(value, book.totals | claims.instalment_totals(text)):
                # «12 mensualidades de 870… el año sale en 10,440»: an instalment plan's total
                correct_turns.append(n)
                continue
            if not clause_named and _close(value, _catalog_amounts(book)):
                # In a clause naming no product, an amount of our catalog (price, period multiple,
                # fee) is right: products named elsewhere («…el de 100 megas queda en 399») do not.
                correct_turns.append(n)
                continue
            named = clause_named or turn_named
            if not _near(before, "", "own_price") and _close(
                value, _stated_amounts(named or catalog)
            ):
                continue  # «…nunca más de 25,000»: a cap or deductible (x-01, G zt-08)
            if _product_number(value, named):
                continue
            if _product_number(value, catalog) and (
                _near(before, "", "plan_choice_lead", 5)
                or not (amount.is_money or _near(before, "", "own_price"))
            ):
                continue  # «si se queda en 100…»: a number of a product's name names the plan
            if named:
                if _strict_ok(value, named) or _strict_ok(value, turn_named):
                    correct_turns.append(n)
                    continue
                if _close(value, _sums_with(named, book)):
                    correct_turns.append(n)  # «si le suma la funda queda en 5,348» (4,999 + 349)
                    continue
                own_price = bool(clause_named) and _near(before, "", "own_price")
                if not own_price and _close(value, known(n)):
                    continue  # an amount the customer said (or pays today)
                if _near(before, after, "relative_amount", RELATIVE_WORDS) and _close(
                    value, _relations(book)
                ):
                    continue  # «la diferencia con el de 200 megas es de 49» (499 − 450)
                mismatches.append(PriceMismatch(n, value, amount.text, named[0], named))
                continue
            if _close(value, book.prices):
                correct_turns.append(n)
                continue
            if _close(value, known(n)):
                continue
            if _close(value, book.derived | book.conditions):
                continue
            # A difference is fine as a difference («100 pesos más»), not as «le queda en 300».
            relative = _near(before, after, "relative_amount")
            if (relative or not _near(before, "", "own_price")) and _close(value, _relations(book)):
                continue
            if savings_talk and not _near(before, "", "own_price"):
                continue  # «al año se ahorraría, comparado con lo que paga, unos 600»
            mismatches.append(PriceMismatch(n, value, amount.text, None, catalog))
    return mismatches, sorted(set(correct_turns))


def condition_amounts(product: CatalogEntry) -> set[float]:
    """Amounts written in the product's conditions (caps, deposits, promotions)."""
    return set(_condition_amounts(tuple(product.conditions)))


@cache
def _condition_amounts(conditions: tuple[str, ...]) -> frozenset[float]:
    from simulator.language.numbers import extract_amounts

    return frozenset(a.value for text in conditions for a in extract_amounts(text))


def _stated_amounts(products: list[CatalogEntry]) -> set[float]:
    """Amounts the products' features and conditions state (caps, deductibles, sums insured)."""
    out: set[float] = set()
    for product in products:
        out |= _condition_amounts(tuple(product.features) + tuple(product.conditions))
    return out


def price_text(product: CatalogEntry) -> str:
    if not product.price:
        return "sin costo"
    period = f" al {product.period}" if product.period else ""
    return f"{product.price:g} pesos{period}"


def cost_phrase(product: CatalogEntry) -> str:
    """«cuesta 499 pesos al mes» or «no tiene costo»."""
    return "no tiene costo" if not product.price else f"cuesta {price_text(product)}"
