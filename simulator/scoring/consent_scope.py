"""What a yes covered: a registration that goes beyond the customer's acceptance.

Why: ``consent`` decides whether the customer said yes to a close before the sale was registered.
Outside QA leads also mark ``sale_without_consent`` when there was a yes but to something else:
the customer chose one plan and another was registered; the yes was to receiving information,
not to buying; the yes came on the condition that nothing be charged and the registration carries
a charge; or, in a service call, a paid product nobody mentioned was put on the account next to
the service the customer asked for. Kept apart from ``consent`` (which recognises the yes itself)
so each reads one question. Runs only where ``consent`` found a yes (or, outside sales, where
``cross_sell`` found nothing), so a registration is never reported twice.
"""

from __future__ import annotations

from simulator.models.scorecard import ErrorFinding
from simulator.scoring import consent
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext, states_registration
from simulator.scoring.findings import critical_finding
from simulator.scoring.prices import products_named

WHY = {
    "product": "El cliente aceptó {agreed} y el agente registró {registered}: el registro debe ser "
    "exactamente lo que el cliente aceptó.",
    "info": "En el turno {yes} el cliente aceptó recibir información, no contratar; el agente "
    "registró el producto de todos modos.",
    "charge": "En el turno {yes} el cliente aceptó con la condición de que no se le cobrara nada, "
    "y el agente registró un cargo.",
    "unoffered": "El cliente pidió otra cosa y el agente dio de alta un producto con costo que "
    "nunca ofreció ni el cliente aceptó.",
}


def _registration(ctx: CallContext) -> int | None:
    """The agent turn that says the product was registered (imported calls of any kind)."""
    if ctx.kind == "sale":
        return ctx.registered_in_words
    t = ctx.transcript
    if t.outcome is not None or any(e.type in ("sale_registered", "consent") for e in t.events):
        return None
    return next((a for a in ctx.agent_turns if states_registration(ctx.text(a))), None)


def _names(ctx: CallContext, n: int) -> set[str]:
    return {p.name for p in products_named(ctx, n)}


def _sale_scope(ctx: CallContext, a: int) -> str | None:
    found = consent.consent(ctx)
    yes = found.accepted
    if yes is None or yes >= a:
        return None
    said = tx.fold(ctx.text(yes))
    agreed, registered = _names(ctx, yes), _names(ctx, a)
    if agreed and registered and not agreed & registered:
        return WHY["product"].format(
            agreed=" y ".join(f"«{p}»" for p in sorted(agreed)),
            registered=" y ".join(f"«{p}»" for p in sorted(registered)),
        )
    # the close the yes answered (or, for a yes given before any close, the agent's turn before)
    close = found.close if found.close is not None else ctx.prev_agent(yes - 1)
    options = _choice(ctx, close, yes, a)
    if options is not None:
        return WHY["product"].format(agreed=f"«{options[0]}»", registered=f"«{options[1]}»")
    if (
        close is not None
        and tx.cue("scope_info_offer").search(ctx.folded[close - 1])
        and not tx.cue("scope_buy_words").search(said)
    ):
        return WHY["info"].format(yes=yes)
    if tx.cue("scope_no_charge").search(said) and tx.cue("scope_charge").search(ctx.folded[a - 1]):
        return WHY["charge"].format(yes=yes)
    return None


def _choice(ctx: CallContext, close: int | None, yes: int, a: int) -> tuple[str, str] | None:
    """Without a catalog: the close offered options told apart by a number («¿el de 100 o el de
    200?»), the yes chose one and the registration names another of them (chosen, registered)."""
    if close is None:
        return None
    options = {x.value for x in ctx.amounts(close)}
    if len(options) < 2:
        return None
    chosen = {x.value for x in ctx.amounts(yes)} & options
    registered = {x.value for x in ctx.amounts(a)} & options
    if chosen and registered and not chosen & registered:
        return f"{min(chosen):g}", f"{min(registered):g}"
    return None


def _unoffered(ctx: CallContext, a: int) -> str | None:
    """Service or complaint: the registration names a product with a charge that no earlier
    turn mentioned (the customer asked for something else)."""
    if ctx.kind not in ("service", "complaint"):
        return None
    folded = ctx.folded[a - 1]
    if not tx.cue("scope_charge").search(folded):
        return None
    nouns = {m.group(0) for m in tx.cue("scope_product_nouns").finditer(folded)}
    earlier = " ".join(ctx.folded[: a - 1])
    if nouns and not any(noun in earlier for noun in nouns):
        return WHY["unoffered"]
    return None


def find(ctx: CallContext) -> list[ErrorFinding]:
    a = _registration(ctx)
    if a is None:
        return []
    why = _sale_scope(ctx, a) if ctx.kind == "sale" else _unoffered(ctx, a)
    if why is None:
        return []
    return [critical_finding(ctx, "sale_without_consent", a, why)]
