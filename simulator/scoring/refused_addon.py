"""An add-on the customer stopped, then announced as part of the order: ``sale_without_consent``.

Why: panel K (xf-05) — the agent put «la funda con mica» on the order with «¿va?», the customer
answered «No, no, no tan rápido», accepted only the phone later, and the agent announced «ya quedó
su Nova X con la funda y mica». The customer's yes was to the phone; the add-on was registered
without consent. ``consent`` reads whether there was a yes at all and ``consent_scope`` whether
the registration names another product than the yes; this module reads the one case between
them: the yes covered the main product, and a product the customer had stopped rides along.
"""

from __future__ import annotations

from simulator.models.scorecard import ErrorFinding
from simulator.scoring import consent
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.findings import critical_finding
from simulator.scoring.prices import _named_in, products_named

WHY = (
    "En el turno {stopped} el cliente frenó «{addon}» («{said}») y sólo aceptó después "
    "{agreed}; el agente anunció el pedido con «{addon}» incluido sin que el cliente lo aceptara."
)
AFTER = 2  # agent turns after the registration read for the order being announced


def _names(ctx: CallContext, n: int | None) -> set[str]:
    return {p.name for p in products_named(ctx, n)} if n else set()


def _stopped(ctx: CallContext, name: str, before: int) -> int | None:
    """The customer turn that stopped ``name`` right after the agent offered it with a question
    (the last such offer before turn ``before``), or None."""
    for c in range(before - 1, 1, -1):
        if ctx.speaker(c) != "agent" or name not in _names(ctx, c):
            continue
        if not ctx.text(c).rstrip().endswith("?") or c + 1 >= before:
            return None
        reply = c + 1
        if ctx.speaker(reply) != "customer" or consent.says_yes(ctx, reply):
            return None
        stop = tx.cue("addon_brake").search(ctx.folded[reply - 1])
        return reply if stop is not None or consent.declines(ctx, reply) else None
    return None


def _announced(ctx: CallContext, start: int) -> list[int]:
    """Agent statements (not questions) right after the registration."""
    turns = [a for a in ctx.agent_turns if a > start][:AFTER]
    return [a for a in turns if not ctx.text(a).rstrip().endswith("?")]


def _included(ctx: CallContext, a: int, name: str) -> bool:
    """``name`` is named in a clause of agent turn ``a`` that does not leave it out."""
    for clause in tx.fold(ctx.text(a)).split(","):
        if any(p.name == name for p in _named_in(ctx.transcript.catalog, clause, set())):
            return tx.cue("addon_left_out").search(clause) is None
    return False


def find(ctx: CallContext) -> list[ErrorFinding]:
    if ctx.kind != "sale" or not ctx.sale_registered or not ctx.transcript.catalog:
        return []
    found = consent.consent(ctx)
    yes, close = found.accepted, found.close
    start = consent.sale_turn(ctx)
    if yes is None or close is None or start is None:
        return []
    agreed = _names(ctx, close) | _names(ctx, yes)
    if not agreed:
        return []
    for a in _announced(ctx, start):
        for name in sorted(_names(ctx, a) - agreed):
            stopped = _stopped(ctx, name, yes)
            if stopped is None or not _included(ctx, a, name):
                continue
            why = WHY.format(
                stopped=stopped,
                addon=name,
                said=ctx.text(stopped).strip()[:80],
                agreed=" y ".join(f"«{p}»" for p in sorted(agreed)),
            )
            return [critical_finding(ctx, "sale_without_consent", a, why)]
    return []
