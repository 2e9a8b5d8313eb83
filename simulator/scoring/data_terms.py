"""A captured value that names the registered product in the catalog's own terms, a date said
another way, or a value the customer confirmed.

The registry of a service call holds the product («cobertura: plomería de emergencia»); an agent
who types its terms («sin costo hasta 1,500 pesos por evento») captured the same thing (blind
panel u-06: «no coincide con el registro del cliente» while the «pruebe decir» read back exactly
those terms).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from simulator.language.extract import MONTHS
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

TERMS_SHARE = 0.6  # of the capture's words that must be the catalog entry's own


def catalog_terms_of(ctx: CallContext, expected: str, captured: str) -> bool:
    """The capture describes the registered product in the catalog's own terms («cobertura:
    sin costo hasta 1,500 pesos por evento» for «plomería de emergencia», panel u-06)."""
    wanted = tx.fold(expected)
    words = [w for w in tx.fold(captured).split() if len(w) > 3]
    for entry in ctx.transcript.catalog:
        if tx.fold(entry.name) != wanted and wanted not in [tx.fold(a) for a in entry.aliases]:
            continue
        terms = set(tx.fold(" ".join([entry.name, *entry.conditions])).split())
        if words and sum(w in terms for w in words) / len(words) >= TERMS_SHARE:
            return True
    return False


_MONTHS = MONTHS
_ISO = re.compile(r"\b(\d{4})[- ](\d{1,2})[- ](\d{1,2})\b")
_SPOKEN = re.compile(r"\b(\d{1,2}) de (" + "|".join(_MONTHS) + r")\b")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/\d{2,4})?\b")  # before folding


def day_month(text: str) -> tuple[int, int] | None:
    """The first date in ``text`` as (day, month): «2027-01-05», «5 de enero», «05/01»."""
    folded = tx.fold(text)
    found: tuple[int, int] | None = None
    if m := _SLASHED.search(text):
        found = int(m.group(1)), int(m.group(2))
    elif m := _ISO.search(folded):
        found = int(m.group(3)), int(m.group(2))
    elif m := _SPOKEN.search(folded):
        found = int(m.group(1)), _MONTHS.index(m.group(2)) + 1
    if found is None or not (1 <= found[0] <= 31 and 1 <= found[1] <= 12):
        return None
    return found


def same_date(value: str, text: str) -> bool:
    """``value`` is a date and ``text`` says the same day and month («2027-01-05» is «el 5 de
    enero», panel o-06: the read-back of the move date was not recognised)."""
    date = day_month(value)
    return date is not None and day_month(text) == date


def customer_confirmed(ctx: CallContext, reads_back: Callable[[int], bool]) -> int | None:
    """The customer turn that said yes to an agent question reading the value back («¿es el 5 de
    enero?» — «Así es»): what the customer confirmed is what the agent had to capture, even when
    the account's record says otherwise (panel o-06)."""
    from simulator.scoring.consent import says_yes

    for n in ctx.agent_turns:
        asks = n < ctx.n_turns and "?" in ctx.text(n) and ctx.speaker(n + 1) == "customer"
        if asks and reads_back(n) and says_yes(ctx, n + 1):
            return n + 1
    return None
