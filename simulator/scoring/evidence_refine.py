"""Evidence a trainer recognises: the greeting is no proof of needs detection.

Panel J (issue 12, session 17, helper score-h) read «Detecta necesidades: cumplido (evidencia
T1)» where T1 was «¿en qué le puedo ayudar?» and the real probes were the quick closed checks
that followed («¿sigue saliendo agua?»). When needs detection is met, the opening turn is left
out of its evidence as long as an agent turn remains to show the element — the closed probes
before the offer, if nothing else does.
"""

from __future__ import annotations

from simulator.scoring import metric_counts
from simulator.scoring.context import CallContext
from simulator.scoring.judged import Judged, dedupe


def apply(ctx: CallContext, elements: dict[str, Judged]) -> None:
    needs = elements.get("needs_detection")
    if needs is None or needs.result.met is not True or not ctx.agent_turns:
        return
    opening = ctx.agent_turns[0]
    evidence = needs.result.evidence
    if not any(e.turn == opening for e in evidence):
        return
    kept = [e for e in evidence if e.turn != opening]
    if not any(e.speaker == "agent" for e in kept):
        kept = [ctx.evidence(n) for n in metric_counts.closed_probes_before(ctx)[:3]] + kept
    if any(e.speaker == "agent" for e in kept):
        needs.result.evidence = dedupe(kept)
