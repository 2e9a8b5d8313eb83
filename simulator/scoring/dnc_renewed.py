"""A do-not-call request renewed in other words (imported calls).

Why: «no me llame más» is read by the objection lexicon, but a customer whose first request was
overridden rarely says it the same way twice: «ya le dije, ya me han marcado mil veces», «le
vuelvo a repetir, si me siguen molestando me cambio de compañía». After a first request, a turn
that says the customer already said it (a repeat marker) together with no yes, or that complains
of the calls themselves, is the same request again, and the agent's persistence after it is a
second ``ignores_do_not_call``. Read on imported calls only: a simulated customer's request comes
from its own bank, which the objection lexicon already reads. Concepts: ``dnc_repeat_marker`` and
``dnc_contacted_me`` in ``scoring/es/cues.yaml``.
"""

from __future__ import annotations

from simulator.analysis.customer import affirms
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.elements_objections import is_do_not_call
from simulator.scoring.reactions import imported


def renewed(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` renews an earlier do-not-call request of the call."""
    if not imported(ctx) or not any(is_do_not_call(ctx, m) for m in ctx.customer_turns if m < n):
        return False
    folded = ctx.folded[n - 1]
    if tx.cue("dnc_contacted_me").search(folded):
        return True
    if not tx.cue("dnc_repeat_marker").search(folded):
        return False
    return ctx.has(n, "refusal") or (" no " in f" {folded} " and not affirms(ctx.text(n)))
