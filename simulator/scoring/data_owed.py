"""Data a call from outside owes by its kind, when nothing was asked, given or captured.

Why (issue 12, session 23): on the external calls ``data_management`` was left «not applicable»
whenever no data was asked or given, where a QA analyst still judges it by what the call is: a
complaint is put on record with a folio (external dev: «no abre reclamo ni da número de
incidencia»), a debtor's identity is checked with something beyond the name before the debt is
spoken of («no valida identidad (sólo nombra a la señora)»), and an agent who says the case is
documented or a report is opened has managed the customer's data («documenta el caso»). A
service call where nothing needed recording stays not applicable. Only imported calls with no
capture form are read here; the simulator's calls are judged on their form (``elements_data``).
The words are concepts in ``es/cues.yaml`` (``case_recorded``); whom the agent reached is
``applicability`` (a third party keeps the element not applicable).
"""

from __future__ import annotations

from simulator.models.scorecard import ElementResult
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.judged import Judged

MISSING = {
    "complaint": "Registrar la queja y darle al cliente su número de folio o de reporte",
    "collections": "Verificar la identidad del titular con un dato además del nombre antes de "
    "hablar del adeudo",
}
BETTER = {
    "complaint": "Queda registrada su queja con el folio 4821; con ese número le damos "
    "seguimiento.",
    "collections": "Antes de continuar, ¿me confirma su fecha de nacimiento, por favor?",
}


def recorded_turns(ctx: CallContext) -> list[int]:
    """Agent turns that say the customer's case is put on record (a report, a folio, a case)."""
    return [a for a in ctx.agent_turns if tx.cue("case_recorded").search(ctx.folded[a - 1])]


def owed(ctx: CallContext, judged: Judged) -> Judged:
    """``judged`` unless an imported call left the element not applicable while its kind (or
    the agent's own words) say there was data to manage."""
    if judged.facts.get("na") != "no data handled" or not ctx.imported:
        return judged  # judged, or not applicable for another reason (the data was refused…)
    recorded = recorded_turns(ctx)
    if recorded:
        out = Judged(
            ElementResult(met=True, evidence=[ctx.evidence(a) for a in recorded[:3]]),
            1.0,
            judged.errors,
        )
    elif ctx.kind in MISSING and len(ctx.agent_turns) > 1 and ctx.customer_turns:
        out = Judged(
            ElementResult(
                met=False,
                evidence=[ctx.evidence(a) for a in ctx.agent_turns[:2]],
                missing=[MISSING[ctx.kind]],
                better_phrasing=BETTER[ctx.kind],
            ),
            0.0,
            judged.errors,
        )
    else:
        return judged
    out.facts.update(judged.facts, owed_by=ctx.kind)
    return out
