"""«Completamente gratis» said of one named thing, not of everything (issue 12, helper score-p).

Why: the ``free`` promise («todo gratis», «completamente gratis») is checked, in a call without a
catalog, against any cost the call brings later. When the intensified «gratis» qualifies a thing
the agent names in the same breath («además le subimos 50 megas a su paquete completamente
gratis»), that thing is what is promised free: a later price of the product itself (the plan's
monthly fee) does not make the add-on's gift false. The same check as ``free_said`` then applies:
false only when the call gives that same thing a cost.
"""

from __future__ import annotations

from simulator.scoring import text as tx

_EVERYTHING = frozenset({"todo", "toda", "todos", "todas", "nada", "ni"})
_BEFORE = 6  # words before the span that may name the thing


def named_span(folded: str, span: str) -> str | None:
    """The words naming what a ``free`` span calls free, shaped as a ``free_said`` span
    («paquete de internet es completamente gratis»); None when the span says «todo»/«nada»
    or nothing is named right before it."""
    words = tx.fold(span).split()
    if not words or _EVERYTHING & set(words):
        return None
    at = folded.find(" ".join(words))
    if at <= 0:
        return None
    before = folded[:at].split()[-_BEFORE:]
    if not before or _EVERYTHING & set(before):
        return None  # «le sale todo completamente gratis»
    return " ".join([*before, "es", *words])
