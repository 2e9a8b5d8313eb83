"""``grade``: score a transcript, then add feedback and the coaching plan (history-aware)."""

from __future__ import annotations

from typing import Any

from simulator.coaching import feedback, plan, situation, suggest
from simulator.models.scorecard import Scorecard, TurnActs
from simulator.models.transcript import Transcript
from simulator.scoring.domain import placed_by_agent
from simulator.scoring.engine import score_with_context
from simulator.scoring.skills import talk_share_counts


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
    card.feedback = feedback.build(ctx, card, hint)
    kinds = suggest.keys(ctx)
    share = card.metrics.get("agent_talk_share")
    card.coaching_plan = plan.build(
        card,
        history,
        hint,
        kinds=kinds,
        probe=situation.probing(ctx, kinds, plan.quota(kinds), hint),
        talk_counts=talk_share_counts(ctx, None if share is None else float(share)),
        hurried=situation.pressed_for_time(ctx, hint),
    )
    return card
