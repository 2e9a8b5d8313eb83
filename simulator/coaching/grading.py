"""``grade``: score a transcript, then add feedback and the coaching plan (history-aware)."""

from __future__ import annotations

from typing import Any

from simulator.coaching import feedback, plan, suggest
from simulator.models.scorecard import Scorecard, TurnActs
from simulator.models.transcript import Transcript
from simulator.scoring.domain import placed_by_agent
from simulator.scoring.elements_needs import probing_count
from simulator.scoring.engine import score_with_context


def grade(
    transcript: Transcript,
    history: list[Scorecard] | None = None,
    scenario_hint: dict[str, Any] | None = None,
    turn_acts: list[TurnActs] | None = None,
) -> Scorecard:
    """Score ``transcript`` and attach feedback and a coaching plan (earlier calls in ``history``)."""
    card, ctx = score_with_context(transcript, turn_acts)
    hint = dict(scenario_hint or {})
    if "kind" not in hint:
        hint["kind"] = {
            "service": "service",
            "complaint": "service",
            "collections": "collections",
        }.get(transcript.kind, "outbound_sale" if placed_by_agent(ctx) else "inbound_sale")
    card.feedback = feedback.build(ctx, card)
    kinds = suggest.keys(ctx)
    card.coaching_plan = plan.build(
        card, history, hint, open_before=probing_count(ctx, kinds), kinds=kinds
    )
    return card
