"""One way to write a critical error found on a turn: the code, the turn, its quote as evidence, the
explanation and the critical «Mejor:» example of the call (shared by every critical detector)."""

from __future__ import annotations

from simulator.models.scorecard import ErrorFinding
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext


def critical_finding(ctx: CallContext, code: str, n: int, explanation: str) -> ErrorFinding:
    # imported here: the examples read the call's slots, whose modules import the detectors' peers
    from simulator.scoring.judged import example
    from simulator.scoring.slots import slots

    return ErrorFinding(
        code=code,
        turn=n,
        evidence=tx.quote(ctx.text(n)),
        explanation=explanation,
        better_phrasing=example(code, slots(ctx), kind="critical"),
    )
