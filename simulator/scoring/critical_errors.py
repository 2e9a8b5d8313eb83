"""Critical errors found over the turns: disrespect, confidential disclosure, do-not-call ignored.

(``inaccurate_information`` comes from ``elements_product`` and ``sale_without_consent`` from
``consent`` through ``elements_closing``, where the facts they need are computed.) Any critical
error fails the call. What counts as disrespect, persuasion, a secret or an account detail is read
through ``simulator.analysis.conduct`` — the same lexicon the simulated customer reacts to.
"""

from __future__ import annotations

from simulator.analysis import conduct
from simulator.models.scorecard import ErrorFinding
from simulator.scoring import text as tx
from simulator.scoring.context import SELLING_ACTS, CallContext
from simulator.scoring.elements_objections import is_do_not_call
from simulator.scoring.elements_opening import is_identity_check
from simulator.scoring.judged import example
from simulator.scoring.slots import slots

DISRESPECT_WHY = {
    "threat": "El agente amenazó o intimidó al cliente (cárcel, embargo, avisar en su trabajo, "
    "llamar hasta que pague): prohibido en cobranza.",
    "insult": "El agente insultó al cliente.",
    "mockery": "El agente se burló del cliente.",
    "condescension": "El agente trató al cliente con condescendencia (como si no entendiera).",
    "blame": "El agente culpó al cliente.",
    "silencing": "El agente calló o cortó al cliente.",
    "hang_up": "El agente invitó al cliente a colgar o a irse con otra compañía.",
    "calm_down": "El agente le pidió al cliente que se calmara en lugar de reconocer su molestia.",
    "pressure": "El agente presionó al cliente para que decidiera («decídase ya», «usted se lo pierde»).",
}
DISRESPECT_DEFAULT = "El agente faltó al respeto al cliente (burla, culpa o lo calla)."


def _error(ctx: CallContext, code: str, n: int, explanation: str) -> ErrorFinding:
    return ErrorFinding(
        code=code,
        turn=n,
        evidence=tx.quote(ctx.text(n)),
        explanation=explanation,
        better_phrasing=example(code, slots(ctx), kind="critical"),
    )


def disrespect(ctx: CallContext) -> list[ErrorFinding]:
    found = []
    for n in ctx.agent_turns:
        if not ctx.has(n, "disrespect"):
            continue
        kind = conduct.disrespect_kind(ctx.text(n))
        found.append(
            _error(ctx, "disrespect", n, DISRESPECT_WHY.get(kind or "", DISRESPECT_DEFAULT))
        )
    return found


def _asks_third_party(ctx: CallContext, n: int) -> bool:
    folded = ctx.folded[n - 1]
    return bool(tx.cue("third_party_request").search(folded)) and bool(
        tx.cue("confidential_data").search(folded)
    )


def _gives_data(ctx: CallContext, a: int) -> bool:
    text = ctx.text(a)
    if conduct.refuses_disclosure(text):
        return False
    from simulator.scoring import lang

    folded = ctx.folded[a - 1]
    if lang.phone(text, folded) or lang.email(text, folded):
        return True
    if any(amount.is_money for amount in ctx.amounts(a)):
        return True
    return bool(tx.cue("disclosure").search(folded)) or conduct.states_account_detail(text)


def _asked_for_someone(ctx: CallContext, n: int) -> bool:
    """The agent turn before customer turn ``n`` asked for a person («¿se encuentra…?»)."""
    a = ctx.prev_agent(n)
    return a is not None and is_identity_check(ctx, a)


def _third_party_turns(ctx: CallContext) -> set[int]:
    """Agent turns spoken while the listener is known not to be the account holder."""
    listener_is_third_party = False
    turns: set[int] = set()
    for n in range(1, ctx.n_turns + 1):
        text = ctx.text(n)
        if ctx.speaker(n) == "customer":
            if conduct.holder_present(text):
                listener_is_third_party = False
            elif conduct.holder_absent(text, _asked_for_someone(ctx, n)):
                listener_is_third_party = True
        elif listener_is_third_party:
            turns.add(n)
    return turns


def confidential_disclosure(ctx: CallContext) -> list[ErrorFinding]:
    found: dict[int, ErrorFinding] = {}
    for a in ctx.agent_turns:
        if conduct.asks_secret(ctx.text(a)):
            found[a] = _error(
                ctx,
                "confidential_disclosure",
                a,
                "El agente pidió un dato secreto (NIP, CVV, contraseña o el número completo de la "
                "tarjeta), que ninguna empresa pide por teléfono.",
            )
    for n in ctx.customer_turns:
        if not _asks_third_party(ctx, n):
            continue
        for a in ctx.next_agent(n, 2):
            if _gives_data(ctx, a):
                found.setdefault(
                    a,
                    _error(
                        ctx,
                        "confidential_disclosure",
                        a,
                        f"En el turno {n} el cliente pidió datos de otra persona o cuenta y el agente los dio.",
                    ),
                )
                break
            if conduct.refuses_disclosure(ctx.text(a)):
                break
    for a in sorted(_third_party_turns(ctx)):
        text = ctx.text(a)
        if a in found or not conduct.states_account_detail(text):
            continue
        found[a] = _error(
            ctx,
            "confidential_disclosure",
            a,
            "El agente dio detalles de la cuenta o la deuda del titular a otra persona (familiar, "
            "vecino o compañero) sin haber confirmado que hablaba con el titular.",
        )
    return [found[a] for a in sorted(found)]


def ignores_do_not_call(ctx: CallContext) -> list[ErrorFinding]:
    for n in ctx.customer_turns:
        if not is_do_not_call(ctx, n):
            continue
        for a in ctx.agent_turns:
            if a > n and (ctx.acts[a - 1] & SELLING_ACTS or conduct.persuades(ctx.text(a))):
                return [
                    _error(
                        ctx,
                        "ignores_do_not_call",
                        a,
                        f"En el turno {n} el cliente pidió que no le volvieran a llamar y el agente siguió insistiendo.",
                    )
                ]
    return []


def find(ctx: CallContext) -> list[ErrorFinding]:
    return disrespect(ctx) + confidential_disclosure(ctx) + ignores_do_not_call(ctx)
