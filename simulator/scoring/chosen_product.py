"""A product the customer had already chosen, answered with the substitutes in stock.

Why: «es que ya me había decidido por el Nova», said when the agent reports it out of stock, is an
objection (blind panel N uc-03 T8, ug-04 T9, helper score-q); an agent who answers it by putting
the substitutes forward with what they offer handles it (the R of LAER), as the panel's trainers
read it, even without a word of empathy first.
"""

from __future__ import annotations

from simulator.analysis.lexicon import customer_patterns
from simulator.scoring.context import CallContext


def substitute_offered(ctx: CallContext, n: int, a: int) -> bool:
    """Customer turn ``n`` names the product already chosen and agent turn ``a`` answers with
    another product's features."""
    chosen = customer_patterns()["chosen_other"].search(ctx.folded[n - 1])
    return bool(chosen) and ctx.has(a, "feature", "cross_sell")
