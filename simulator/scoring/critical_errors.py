"""Critical errors found over the turns: disrespect, confidential disclosure, do-not-call ignored.

(``inaccurate_information`` comes from ``elements_product`` and ``sale_without_consent`` from
``elements_closing``, where the facts they need are computed.) Any critical error fails the call.
"""

from __future__ import annotations

from simulator.models.scorecard import ErrorFinding
from simulator.scoring import text as tx
from simulator.scoring.context import SELLING_ACTS, CallContext, slots
from simulator.scoring.elements_objections import is_do_not_call
from simulator.scoring.judged import example


def _error(ctx: CallContext, code: str, n: int, explanation: str) -> ErrorFinding:
    return ErrorFinding(
        code=code,
        turn=n,
        evidence=tx.quote(ctx.text(n)),
        explanation=explanation,
        better_phrasing=example(code, slots(ctx), kind="critical"),
    )


def disrespect(ctx: CallContext) -> list[ErrorFinding]:
    return [
        _error(
            ctx, "disrespect", n, "El agente faltó al respeto al cliente (burla, culpa o lo calla)."
        )
        for n in ctx.agent_turns
        if ctx.has(n, "disrespect")
    ]


def _asks_third_party(ctx: CallContext, n: int) -> bool:
    folded = ctx.folded[n - 1]
    return bool(tx.cue("third_party_request").search(folded)) and bool(
        tx.cue("confidential_data").search(folded)
    )


def _gives_data(ctx: CallContext, a: int) -> bool:
    folded = ctx.folded[a - 1]
    if tx.cue("refusal").search(folded):
        return False
    from simulator.scoring import lang

    text = ctx.text(a)
    if lang.phone(text, folded) or lang.email(text, folded):
        return True
    if any(amount.is_money for amount in ctx.amounts(a)):
        return True
    return bool(tx.cue("disclosure").search(folded))


def confidential_disclosure(ctx: CallContext) -> list[ErrorFinding]:
    found = []
    for n in ctx.customer_turns:
        if not _asks_third_party(ctx, n):
            continue
        for a in ctx.next_agent(n, 2):
            if _gives_data(ctx, a):
                found.append(
                    _error(
                        ctx,
                        "confidential_disclosure",
                        a,
                        f"En el turno {n} el cliente pidió datos de otra persona o cuenta y el agente los dio.",
                    )
                )
                break
            if tx.cue("refusal").search(ctx.folded[a - 1]):
                break
    return found


def ignores_do_not_call(ctx: CallContext) -> list[ErrorFinding]:
    for n in ctx.customer_turns:
        if not is_do_not_call(ctx, n):
            continue
        for a in ctx.agent_turns:
            if a > n and ctx.acts[a - 1] & SELLING_ACTS:
                return [
                    _error(
                        ctx,
                        "ignores_do_not_call",
                        a,
                        f"En el turno {n} el cliente pidió que no le volvieran a llamar y el agente siguió vendiendo.",
                    )
                ]
    return []


def find(ctx: CallContext) -> list[ErrorFinding]:
    return disrespect(ctx) + confidential_disclosure(ctx) + ignores_do_not_call(ctx)
