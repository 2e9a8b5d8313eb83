"""Collections calls close on a promise to pay: amount, date or channel proposed and confirmed.

The act analyzer tags sales closes («¿se lo activo hoy?»); a collections close reads differently
(«¿me confirma que el 27 realiza el pago de 1,850 pesos?», «¿en qué fecha puede cubrir el
mínimo?»). A QA lead counts that question as the call's close, so this module adds the ``close``
act to those agent turns once per call, before any element reads them: the close attempt, the
customer's consent to the registered promise and the coaching all see the same close.
"""

from __future__ import annotations

import re

from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.lang import amounts_in

_QUESTION = re.compile(r"¿[^?¿]*\?|[^.!?¿]*\?")


def is_promise_close(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` of a collections call asks the customer to commit to a payment."""
    if ctx.kind != "collections" or ctx.speaker(n) != "agent" or "?" not in ctx.text(n):
        return False
    # the question asks for the commitment; the debt stated before it does not (panel u-01:
    # «…en total 1,850 pesos. ¿Me platica qué ha pasado?» and «¿Qué le impidió pagar estos dos
    # meses?» were counted as closes, so the probing that followed came «after the close»)
    question = " ".join(_QUESTION.findall(ctx.text(n))) or ctx.text(n)
    folded = tx.fold(question)
    if not tx.cue("promise_payment").search(folded) or tx.cue("cause_question").search(folded):
        return False
    money = any(a.is_money for a in amounts_in(question, folded))
    return money or bool(tx.cue("promise_when").search(folded))


def mark_closes(ctx: CallContext) -> None:
    """Add ``close`` to the acts of every promise-to-pay question (collections calls only)."""
    if ctx.kind != "collections":
        return
    for n in ctx.agent_turns:
        if "close" not in ctx.acts[n - 1] and is_promise_close(ctx, n):
            ctx.acts[n - 1] = ctx.acts[n - 1] | {"close"}
