"""A captured value that names the registered product in the catalog's own terms.

The registry of a service call holds the product («cobertura: plomería de emergencia»); an agent
who types its terms («sin costo hasta 1,500 pesos por evento») captured the same thing (blind
panel u-06: «no coincide con el registro del cliente» while the «pruebe decir» read back exactly
those terms).
"""

from __future__ import annotations

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
