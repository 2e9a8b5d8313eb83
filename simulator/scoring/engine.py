"""``score_transcript``: the pure function transcript (+ acts) → Scorecard, without feedback.

It tags the turns when no acts are given, builds one CallContext and runs the rules in rubric
order: every element and every skill is the function the rule registry (``registry.py``) names
for it, so a rule added to the rubric and the registry is judged and shown without touching this
file. Feedback and the coaching plan are added by ``simulator.coaching.grade``.
"""

from __future__ import annotations

from simulator.models.scorecard import Scorecard, TurnActs
from simulator.models.transcript import Transcript
from simulator.scoring import (
    applicability,
    critical_errors,
    critical_reaction,
    elements_data,
    evidence_fit,
    evidence_functions,
    evidence_refine,
    learned_critical,
    metrics,
    non_critical,
    presentation,
    promise,
    skills,
)
from simulator.scoring.context import CallContext
from simulator.scoring.holds import holds
from simulator.scoring.overall import overall, verdict
from simulator.scoring.registry import rules_of


def _acts(transcript: Transcript, turn_acts: list[TurnActs] | None) -> list[TurnActs]:
    if turn_acts is not None and len(turn_acts) == len(transcript.turns):
        return turn_acts
    from simulator.analysis import analyze_turns

    return list(analyze_turns(transcript.turns, spoken=transcript.mode == "voice"))


def score_transcript(transcript: Transcript, turn_acts: list[TurnActs] | None = None) -> Scorecard:
    """Score one call. ``turn_acts`` (1-based, one per turn) skips the tagging when given."""
    return score_with_context(transcript, turn_acts)[0]


def score_with_context(
    transcript: Transcript, turn_acts: list[TurnActs] | None = None
) -> tuple[Scorecard, CallContext]:
    """Like ``score_transcript`` but also returns the CallContext (reused by coaching)."""
    acts = _acts(transcript, turn_acts)
    ctx = CallContext.build(transcript, acts)
    presentation.refine(ctx)
    promise.mark_closes(ctx)
    elements = {rule.key: rule.function()(ctx) for rule in rules_of("element")}
    applicability.apply(ctx, elements)
    evidence_refine.apply(ctx, elements)
    evidence_fit.apply(ctx, elements)
    evidence_functions.apply(ctx, elements)
    critical = [e for j in elements.values() for e in j.errors] + critical_errors.find(ctx)
    critical += critical_reaction.find(ctx, critical)
    critical += learned_critical.find(ctx, critical)
    critical.sort(key=lambda e: (e.turn or 0, e.code))
    critical_codes = [e.code for e in critical]
    elements["data_management"] = elements_data.after_critical(
        ctx, elements["data_management"], critical
    )
    hold_list = holds(ctx)
    facts = {key: j.facts for key, j in elements.items()}
    m = metrics.compute(ctx, facts, hold_list)
    farewell = elements["call_closing"].facts.get("found", {}).get("farewell")
    minor, penc = non_critical.find(ctx, m, hold_list, farewell)
    m["penc"] = penc
    inputs = skills.SkillInputs(ctx, m, elements, critical_codes, penc)
    skill_scores = {rule.key: rule.function()(inputs) for rule in rules_of("skill")}
    card = Scorecard(
        overall=overall(elements, skill_scores, critical, minor),
        verdict=verdict(elements, critical),
        critical_errors=critical,
        non_critical_errors=minor,
        elements={key: j.result for key, j in elements.items()},
        skills=skill_scores,
        metrics=m,
        turns=[
            TurnActs.model_construct(
                index=a.index,
                speaker=a.speaker,
                acts=list(a.acts),
                objection_type=a.objection_type,
            )
            for a in acts
        ],
    )
    return card, ctx
