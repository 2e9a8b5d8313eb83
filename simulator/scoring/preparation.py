"""Element ``preparation``: status «Disponible» set before the first turn (softphone calls only).

Imported transcripts have no softphone, so the element is ``null`` (not evaluated) for them. In
CLI and script play the simulator sets the status itself (event reason «automatic»): there is no
preparation phase the trainee performed, so a QA lead cannot observe it and the element is
``null`` with that reason — crediting it would reward something the trainee never did.
"""

from __future__ import annotations

from simulator.models.scorecard import ElementResult
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.judged import Judged, example, not_applicable


def _first_turn_time(ctx: CallContext) -> float | None:
    turns = ctx.transcript.turns
    return turns[0].start if turns and turns[0].start is not None else None


def judge(ctx: CallContext) -> Judged:
    t = ctx.transcript
    if not t.preparation_applicable:
        return not_applicable("imported transcript")
    first_t = _first_turn_time(ctx)
    for event in t.events:
        if event.type != "status" or tx.fold(event.value or "") != "disponible":
            continue
        if event.reason == "automatic":
            return not_applicable("status set by simulator")
        before = event.after_turn in (None, 0)
        if event.after_turn is None and first_t is not None:
            before = event.t <= first_t
        if before:
            return Judged(ElementResult(met=True), 1.0)
    return Judged(
        ElementResult(
            met=False,
            missing=["Cambiar el estado a «Disponible» antes de tomar la llamada"],
            better_phrasing=example("preparation", {}),
        ),
        0.0,
    )
