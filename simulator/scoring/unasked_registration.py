"""Service and complaint calls: a product, change or charge registered right after the customer
held back.

Why: in a service call the registration is usually what the customer called for, so ``consent``
treats it as requested unless the customer refused outright. An agent who upsells in a service call
(«ya le activé la asistencia», «ya quedó el cambio al plan de 200») right after the customer
hesitated («déjeme verlo con mi esposa»), objected, asked what it costs or only made a listening
noise («ajá», «hmm») registered something nobody said yes to: ``sale_without_consent``. Only
imported calls (no events, no outcome: a simulated call carries the customer's own decision), and
only a registration of what is sold (``registers_sale`` cues; reports, visits and removals are
excluded there).
"""

from __future__ import annotations

from simulator.analysis.customer import affirms
from simulator.models.scorecard import ErrorFinding
from simulator.scoring import text as tx
from simulator.scoring.consent import declines, weak_yes
from simulator.scoring.context import CallContext, states_registration
from simulator.scoring.findings import critical_finding

KINDS = ("service", "complaint")
WHY = (
    "En el turno {n} el cliente no aceptó (dudó, objetó, preguntó el costo o solo escuchaba) y el "
    "agente dio por contratado o cargado un producto o cambio que el cliente no pidió."
)


def _held_back(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` gives no yes: it declines or hesitates, is a hedged or listening «sí»,
    or asks what the offer costs or includes."""
    text = ctx.text(n)
    if declines(ctx, n) or ctx.has(n, "refusal"):
        return True
    if tx.cue("asks_offer_terms").search(ctx.folded[n - 1]):
        return True
    if tx.cue("weak_yes").search(ctx.folded[n - 1]):
        return True  # «no sé», «déjeme ver», «luego»: not a yes
    if affirms(text):
        return weak_yes(text)
    return bool(tx.cue("listening_only").fullmatch(ctx.folded[n - 1].strip()))


def find(ctx: CallContext) -> list[ErrorFinding]:
    t = ctx.transcript
    if ctx.kind not in KINDS or t.outcome is not None or t.events:
        return []
    for a in ctx.agent_turns:
        n = a - 1
        if n < 1 or ctx.speaker(n) != "customer" or not states_registration(ctx.text(a)):
            continue
        if _held_back(ctx, n):
            return [critical_finding(ctx, "sale_without_consent", a, WHY.format(n=n))]
    return []
