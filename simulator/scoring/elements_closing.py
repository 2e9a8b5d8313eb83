"""Element ``call_closing``: offer of more help, thanks and farewell; consent for a sale.

When a sale is registered (event ``sale_registered`` or outcome ``sale``) the customer must have
accepted explicitly after a close; otherwise it is the critical error ``sale_without_consent``.
"""

from __future__ import annotations

from simulator.models.scorecard import ErrorFinding
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext, slots
from simulator.scoring.judged import Judged, example, judged, not_applicable

CLOSING_WINDOW = 2
MISSING = {
    "offer_more": "Ofrecer más ayuda («¿algo más en que le pueda ayudar?»)",
    "thanks": "Agradecer al cliente",
    "farewell": "Despedirse según el protocolo",
    "acceptance": "Obtener la aceptación explícita del cliente antes de registrar la venta",
}


def closing_turns(ctx: CallContext) -> list[int]:
    return ctx.agent_turns[-CLOSING_WINDOW:]


def acceptance_turn(ctx: CallContext) -> tuple[int | None, int | None]:
    """(close turn, customer acceptance right after it), or Nones.

    The acceptance that counts is the last one before the sale was registered (an early «sí»
    to a mid-call question is not the consent to the sale)."""
    last_close: int | None = None
    pairs: list[tuple[int, int]] = []
    for n in range(1, ctx.n_turns + 1):
        if ctx.speaker(n) == "agent":
            if ctx.has(n, "close"):
                last_close = n
        elif last_close is not None and says_yes(ctx, n):
            pairs.append((last_close, n))
    if not pairs:
        return None, None
    limit = _sale_turn(ctx) if ctx.sale_registered else None
    before = [p for p in pairs if limit is None or p[1] <= limit]
    close, accepted = (before or pairs)[-1]
    return close, accepted


def says_yes(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` accepts: tagged so, or an explicit «sí, contrátemelo» without objection."""
    if ctx.has(n, "acceptance"):
        return True
    if ctx.has(n, "objection", "refusal", "question"):
        return False
    return bool(tx.cue("explicit_yes").search(ctx.folded[n - 1]))


def _sale_turn(ctx: CallContext) -> int | None:
    for event in ctx.transcript.events:
        if event.type == "sale_registered" and event.after_turn:
            return min(max(event.after_turn, 1), ctx.n_turns) if ctx.n_turns else None
    return ctx.n_turns or None


def judge(ctx: CallContext) -> Judged:
    if (
        ctx.customer_hung_up
        and not ctx.sale_registered
        and ctx.n_turns
        and ctx.speaker(ctx.n_turns) == "customer"
    ):
        return not_applicable("customer hung up")
    window = closing_turns(ctx)
    found = {
        act: next((n for n in reversed(window) if ctx.has(n, act)), None)
        for act in ("offer_more", "thanks", "farewell")
    }
    parts = {act: found[act] is not None for act in found}
    cited = {n for n in found.values() if n}
    if window and not all(parts.values()):
        cited.add(window[-1])  # the agent's last words: where the missing part belonged
    evidence = [ctx.evidence(n) for n in sorted(cited)]
    errors: list[ErrorFinding] = []
    close, accepted = acceptance_turn(ctx)
    if ctx.sale_registered:
        parts["acceptance"] = accepted is not None
        if close is not None and accepted is not None:
            evidence.append(ctx.evidence(accepted))
        else:
            turn = _sale_turn(ctx)
            quote = tx.quote(ctx.text(turn)) if turn else ""
            why = (
                "Se registró la venta sin una pregunta de cierre seguida de un «sí» explícito del cliente."
                if close is None
                else f"Hubo un cierre en el turno {close}, pero el cliente no lo aceptó explícitamente."
            )
            errors.append(
                ErrorFinding(
                    code="sale_without_consent",
                    turn=turn,
                    evidence=quote,
                    explanation=why,
                    better_phrasing=example("sale_without_consent", slots(ctx), kind="critical"),
                )
            )
    if not evidence and window:
        evidence = [ctx.evidence(window[-1])]
    result = judged(parts, MISSING, evidence, "call_closing", slots(ctx))
    result.errors = errors
    result.facts.update(found=found, close=close, accepted=accepted)
    return result
