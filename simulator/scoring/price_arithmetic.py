"""Amounts a turn computes from its own numbers: a worked example is arithmetic, not a price.

«Si una cirugía le cuesta 200,000, usted paga el deducible de 12,000 y el 10 % de coaseguro del
resto, que serían unos 18,800»: 18,800 = 10 % × (200,000 − 12,000). An agent explaining how a
deductible, a coinsurance, a discount or a monthly split works states results of the numbers in
the same turn (and the catalog's); such results are never a misstated price. Only amounts in a
clause that names none of our products, in a turn that works numbers out, are accepted this way
(``prices.check_prices`` decides).
"""

from __future__ import annotations

import re
from itertools import combinations, permutations

from simulator.analysis.claims import instalment_totals as _totals
from simulator.language.normalize import fold
from simulator.language.numbers import extract_amounts
from simulator.models.transcript import CatalogEntry

TOLERANCE = 0.01  # relative: «unos 18,800» for 18,800.0; rounding in speech
MAX_NUMBERS = 12
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|por ciento)")
PERIODS = (2, 3, 6, 12, 18, 24)
# Words that show the turn is working numbers out (the fold of the text is searched).
_WORKED = re.compile(
    r"%|por ciento|\b(?:resto|restante|serian|seria de|en total|le quedan?|menos|mas|dividido|"
    r"entre \d+|ejemplo|suponga|digamos|imagine)\b"
)


def _percents(text: str) -> set[float]:
    return {float(m.group(1).replace(",", ".")) / 100 for m in _PERCENT.finditer(text)}


def results(text: str, extra: set[float] | frozenset[float] = frozenset()) -> set[float]:
    """Every sum, difference, percentage and period split of the numbers in ``text`` (plus
    ``extra``, e.g. the catalog's amounts), bounded to a few numbers so the work stays small."""
    shares = _percents(text)
    numbers = sorted({a.value for a in extract_amounts(text) if a.value > 0} | set(extra))
    numbers = [v for v in numbers if v not in {p * 100 for p in shares}][:MAX_NUMBERS]
    found: set[float] = set()
    bases = set(numbers)
    for a, b in permutations(numbers, 2):
        if a > b:
            bases.add(a - b)
    for a, b in combinations(numbers, 2):
        found.add(a + b)
    found |= bases
    for base in bases:
        found |= {base * share for share in shares}
        found |= {base * (1 - share) for share in shares}
        found |= {base / k for k in PERIODS} | {base * k for k in PERIODS}
    return found


def worked(text: str) -> bool:
    """The turn works numbers out (a share, a remainder, a total, an example)."""
    return _WORKED.search(fold(text)) is not None


def without(text: str, said: str) -> str:
    """The turn without the amount being judged (it must not be its own operand)."""
    return text.replace(said, " ", 1)


def is_result(value: float, text: str, extra: set[float] | frozenset[float] = frozenset()) -> bool:
    """``value`` is a sum, difference, share or split of the numbers the turn itself gives."""
    return any(abs(value - r) <= max(1.0, TOLERANCE * value) for r in results(text, extra))


def instalment_totals(catalog: list[CatalogEntry]) -> frozenset[float]:
    """Totals of the instalment plans the catalog states («12 pagos mensuales de 870» → 10,440):
    an agent saying what a plan adds up to states an amount of the offer (panel G zs-03)."""
    texts = (text for product in catalog for text in (*product.features, *product.conditions))
    return frozenset(total for text in texts for total in _totals(text))
