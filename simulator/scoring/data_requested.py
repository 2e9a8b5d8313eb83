"""Element ``data_management``: what the customer asked to have on record is data to manage.

Why: in a call from outside the simulator (no capture form), an expert judges data management
also by what the customer asked the company to record — «no me vuelvan a llamar», «llámeme en
otro momento» — and fails an agent who lets it pass without saying it is recorded or agreeing
when to call (issue 12 item 9, external dev labels: «nunca dice que registrará la petición», «no
agenda la llamada en otro momento que la clienta pide»). The simulator's own calls are judged on
their capture form (``elements_data``) and are left as they are.
"""

from __future__ import annotations

import re

from simulator.analysis.customer import is_do_not_call_text
from simulator.models.scorecard import ElementResult
from simulator.scoring import data_owed, elements_data
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.judged import Judged, dedupe

_PIECES = re.compile(r"(?<=[.!?;…,])\s+|\s+pero\s+")
MISSING = {
    "do_not_call": "Confirmar al cliente que se registra su petición de no volver a llamarle",
    "callback": "Acordar cuándo volver a llamar y confirmarlo, como pidió el cliente",
    "cancel": "Registrar la solicitud de cancelación (o canalizarla) y confirmárselo al cliente",
}
BETTER = {
    "do_not_call": "Con gusto, registro su número para que no le volvamos a llamar.",
    "callback": "Claro, ¿a qué hora le puedo llamar mañana? Le marco a las cinco, como me pide.",
    "cancel": "Entendido, levanto su solicitud de cancelación; su folio es el 3307.",
}


def customer_requests(ctx: CallContext) -> list[tuple[int, str]]:
    """(turn, what) for each customer turn asking not to be called again or to be called later."""
    found = []
    for n in ctx.customer_turns:
        folded = ctx.folded[n - 1]
        pieces = [p for p in _PIECES.split(ctx.text(n)[:2000]) if p.strip()]
        if ctx.objection_type(n) == "do_not_call" or any(is_do_not_call_text(p) for p in pieces):
            found.append((n, "do_not_call"))
        elif tx.cue("callback_request").search(folded):
            found.append((n, "callback"))
        elif tx.cue("cancel_request").search(folded):
            found.append((n, "cancel"))
    return found


def honoured(ctx: CallContext, n: int, what: str) -> int | None:
    """The agent turn after request ``n`` that puts it on record, or None."""
    for a in ctx.agent_turns:
        if a <= n:
            continue
        folded = ctx.folded[a - 1]
        if tx.cue("request_recorded").search(folded) or tx.cue("record_action").search(folded):
            return a
        if what == "callback" and tx.cue("callback").search(folded):
            return a
        if what == "cancel" and tx.cue("case_recorded").search(folded):
            return a
    return None


def judge(ctx: CallContext) -> Judged:
    judged = elements_data.judge(ctx)
    if not ctx.imported or ctx.transcript.required_fields:
        return judged
    # a request in the customer's last words («voy a colgar, no me llamen más») left the agent
    # no turn to answer it
    requests = [(n, what) for n, what in customer_requests(ctx) if ctx.next_agent(n)]
    if not requests:
        return data_owed.owed(ctx, judged)
    kept = {n: honoured(ctx, n, what) for n, what in requests}
    unkept = [(n, what) for n, what in requests if kept[n] is None]
    if not unkept:
        if judged.result.met is not None:
            return judged
        evidence = [ctx.evidence(t) for t in dict.fromkeys(v for v in kept.values() if v)]
        out = Judged(ElementResult(met=True, evidence=evidence[:4]), 1.0, judged.errors)
        out.facts.update(judged.facts, requests=requests)
        return out
    first, what = unkept[0]
    missing = (
        [*judged.result.missing, MISSING[what]] if judged.result.met is False else [MISSING[what]]
    )
    after = ctx.next_agent(first)
    evidence = dedupe([*judged.result.evidence, ctx.evidence(first), *map(ctx.evidence, after)])
    result = ElementResult(
        met=False,
        evidence=evidence[:8],
        missing=list(dict.fromkeys(missing)),
        better_phrasing=judged.result.better_phrasing or BETTER[what],
    )
    out = Judged(result, 0.0, judged.errors)
    out.facts.update(judged.facts, requests=requests)
    return out
