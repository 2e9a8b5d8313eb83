"""Where an amount sits in an agent turn: its clause, its span and the words around it.

``prices.check_prices`` reads each amount inside its own clause («…, y …» splits a turn), so that
a product named in another clause does not claim it, and looks at the few words next to it with
our products' names taken out («Cobertura Amplia cuesta» is a price, not a coverage amount).
"""

from __future__ import annotations

import re

from simulator.models.transcript import CatalogEntry
from simulator.scoring import text as tx

NEAR_WORDS = 4
CLAUSE_CHARS = 160  # a clause is read at most this far around an amount (bounded work)
# A clause ends at punctuation, but not at the separators inside a number («150,000», «1.5») nor at
# a colon that introduces the amount («el Plus sí tiene deducible: 12,000 pesos»).
_CLAUSE_END = re.compile(r"[;!?¿¡—\n]|[.,](?!\d)")
# «los 1,850 o el convenio»: an amount belongs to the option it is said with, not to the product
# named after «o»/«u» (an alternative) or «y» (another item); «o sea» restates, it joins nothing.
_JOINER = re.compile(
    r"(?:^| )(?:y|pero|mientras que|mientras|en cambio|aunque|o bien|o(?! sea\b)|u)(?: |$)"
)


def clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The folded words before and after ``text[start:end]`` inside its clause («…, y …» splits)."""
    window = max(0, start - CLAUSE_CHARS)
    left = max((m.end() for m in _CLAUSE_END.finditer(text, window, start)), default=window)
    right_match = _CLAUSE_END.search(text, end, end + CLAUSE_CHARS)
    right = right_match.start() if right_match else min(len(text), end + CLAUSE_CHARS)
    before = _JOINER.split(tx.fold(text[left:start]))[-1]
    after = _JOINER.split(tx.fold(text[end:right]))[0]
    return before.strip(), after.strip()


def lead(text: str, start: int) -> str:
    """The folded words of the amount's clause before it, «y» and «pero» included: «si uno de
    sus hijos se fractura y la cuenta es de» (the condition that makes it an example)."""
    window = max(0, start - CLAUSE_CHARS)
    left = max((m.end() for m in _CLAUSE_END.finditer(text, window, start)), default=window)
    return tx.fold(text[left:start]).strip()


def spans(text: str, amounts: list[object]) -> list[tuple[int, int]]:
    """Where each amount sits in ``text`` (in order; repeated numbers found one after another)."""
    out = []
    cursor = 0
    for amount in amounts:
        said = str(getattr(amount, "text", ""))
        idx = text.find(said, cursor) if said else -1
        if idx < 0:
            idx = text.find(said) if said else -1
        if idx < 0:
            out.append((-1, -1))
            continue
        out.append((idx, idx + len(said)))
        cursor = idx + len(said)
    return out


def unnamed(words: str, catalog: list[CatalogEntry]) -> str:
    """``words`` without our products' names: «Cobertura Amplia cuesta» is no coverage amount."""
    folded = tx.fold(words)
    for product in catalog:
        folded = folded.replace(tx.fold(product.name), " ")
    return folded


def window(before: str, after: str) -> tuple[str, str]:
    """The few words before and after an amount («el deducible de» · «por evento»)."""
    return " ".join(before.split()[-NEAR_WORDS:]), " ".join(after.split()[:NEAR_WORDS])
