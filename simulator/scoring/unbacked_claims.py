"""Claims of performance, contents or stock with nothing to back them: a non-critical error.

Blind panel L (session 19, helper score-k) read calls where the agent won the customer over with
words nobody can back: «tiene el doble de velocidad» to a customer whose speed the agent never
asked, «ya no se traban», «sí, claro, trae todo», «se están acabando», «con el técnico se
arregla», «si quiere cancelar tiene que esperar a la visita». A QA analyst notes them; as a
critical error they would fail excellent agents who say them in passing, so they are the
non-critical ``unbacked_claim`` (at most two findings per call). A sentence that
hedges («no le puedo asegurar que ya no se trabe») or asks is not a claim.
"""

from __future__ import annotations

import re

from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

MAX_FOUND = 2
_SENTENCES = re.compile(r"[^.!?¿;]+[.!;]?|¿[^?]*\?")


def _claims(ctx: CallContext, n: int) -> bool:
    said_speed = any(
        tx.cue("current_speed").search(ctx.folded[c - 1]) for c in ctx.customer_turns if c < n
    )
    for sentence in _SENTENCES.findall(ctx.text(n)):
        if "?" in sentence:
            continue
        folded = tx.fold(sentence)
        if not folded or tx.cue("claim_hedge").search(folded):
            continue
        if tx.cue("unbacked_claim").search(folded):
            return True
        if not said_speed and tx.cue("speed_multiple").search(folded):
            return True
    return False


def turns(ctx: CallContext) -> list[int]:
    """The first ``MAX_FOUND`` agent turns that state an unbacked claim."""
    if ctx.imported:
        return []  # calls from outside have no product sheet to hold the claim against
    return [n for n in ctx.agent_turns if _claims(ctx, n)][:MAX_FOUND]
