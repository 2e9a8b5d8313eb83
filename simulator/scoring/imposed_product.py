"""A product imposed after an outright refusal: in imported calls without a registered sale, the
customer refuses a product and the agent's next turn sends, issues, activates or charges it anyway
(a ``sale_without_consent``; split from ``critical_errors`` to keep modules small)."""

from __future__ import annotations

from simulator.models.scorecard import ErrorFinding
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.findings import critical_finding


def find(ctx: CallContext) -> list[ErrorFinding]:
    """Imported calls without a registered sale: the customer refuses a product outright and the
    agent's next turn sends, issues, activates or charges it anyway («no quiero una Mastercard,
    no me la envíen» — «es política del banco, debemos enviársela»)."""
    t = ctx.transcript
    if ctx.sale_registered or t.outcome is not None or t.events:
        return []
    for n in ctx.customer_turns:
        if not tx.cue("refuses_product").search(ctx.folded[n - 1]):
            continue
        for a in ctx.next_agent(n, 1):
            if tx.cue("imposes_product").search(ctx.folded[a - 1]):
                why = (
                    f"En el turno {n} el cliente rechazó el producto y el agente lo envía, emite o "
                    "activa de todos modos: un producto sin consentimiento."
                )
                return [critical_finding(ctx, "sale_without_consent", a, why)]
    return []
