"""The products an agent turn speaks of, for the checks that judge what it claims about them
(catalog claims, a confirmed false premise): one helper instead of two copies."""

from __future__ import annotations

from simulator.models.transcript import CatalogEntry
from simulator.scoring.context import CallContext
from simulator.scoring.prices import products_named


def products_about(ctx: CallContext, n: int, look_back: int) -> list[CatalogEntry]:
    """The products turn ``n`` speaks of: named there, else the last named in the ``look_back``
    turns before, else the whole catalog."""
    for m in range(n, max(0, n - look_back), -1):
        named = products_named(ctx, m)
        if named:
            return named
    return list(ctx.transcript.catalog)
