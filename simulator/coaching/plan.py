"""The coaching plan (plan de acción): up to 3 skills with the largest gap to target, each with a
measurable goal, drills (scenario kind + customer type + difficulty), tips, and a checkpoint.

Only a skill that falls short is practised: a skill at or above its target, not evaluated, or
whose measurable goal today's call already reached is never a priority (panel of session 10: a
plan that asks for «≥ 1 cierre con aceptación» after a yes, or lists a skill at 100, is noise a
trainer would strike out).

History (earlier scorecards) raises skills that were already weak (reincidente) and flags the
plan when the trainee keeps making different faults (recurrente).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from simulator.coaching.history import repeated_faults, weak_before
from simulator.datafiles import parse as parse_yaml
from simulator.language.display import display
from simulator.models.scorecard import SKILL_KEYS, CoachingPlan, Drill, PlanPriority, Scorecard

PRIORITIES = 3
TALK_GOAL = 0.65  # the talk-share goal of active listening (plan.yaml says the same)
REPEAT_BOOST = 10


@cache
def plan_data() -> dict[str, Any]:
    text = resources.files("simulator.coaching").joinpath("es/plan.yaml").read_text("utf-8")
    return dict(parse_yaml(text))


def _actual(skill: str, card: Scorecard) -> str:
    m = card.metrics
    metric = plan_data()["skills"][skill]["metric"]
    if metric == "open_before":
        return str(m.get("open_questions") or 0)
    if metric == "reflections":
        refl = int(m.get("paraphrases") or 0) + int(m.get("empathy_statements") or 0)
        share = m.get("agent_talk_share")
        return (
            f"{refl} reflejos, habla {share:.2f}"
            if isinstance(share, float)
            else f"{refl} reflejos"
        )
    if metric == "signals":
        return f"{m.get('buying_signals_followed') or 0} de {m.get('buying_signals') or 0}"
    if metric == "objections":
        return f"{m.get('objections_addressed') or 0} de {m.get('objections') or 0}"
    if metric == "closes":
        return f"{m.get('close_attempts') or 0} intento(s)"
    if metric == "minor":
        said = f"{len(card.non_critical_errors)} error(es) no crítico(s)"
        rude = [e.turn for e in card.critical_errors if e.code == "disrespect"]
        if rude:
            said += f"; falta de respeto en el turno {rude[0]}" if rude[0] else "; falta de respeto"
        for key in ("opening_protocol", "call_closing"):
            element = card.elements.get(key)
            if element is not None and element.met is False and element.missing:
                said += f"; {display('element', key).lower()}: faltó " + element.missing[0].lower()
        return said
    if metric == "prices":
        wrong = sum(e.code == "inaccurate_information" for e in card.critical_errors)
        return f"{wrong} error(es) de precio"
    if metric == "fields":
        said = f"{m.get('fields_confirmed') or 0} de {m.get('fields_required') or 0} confirmados"
        element = card.elements.get("data_management")
        if element is not None and element.met is False and element.missing:
            said += "; faltó: " + element.missing[0][:1].lower() + element.missing[0][1:]
        return said
    if metric == "monologue":
        return f"monólogo de {m.get('longest_monologue_words') or 0} palabras"
    return "—"


def _goal_met(metric: str, card: Scorecard, open_before: int | None, need: int) -> bool:
    """Whether today's call already reached the skill's measurable goal."""
    m = card.metrics
    if metric == "open_before":
        found = open_before if open_before is not None else int(m.get("open_questions") or 0)
        return found >= need
    if metric == "reflections":
        refl = int(m.get("paraphrases") or 0) + int(m.get("empathy_statements") or 0)
        share = m.get("agent_talk_share")
        return refl >= 2 and (share is None or float(share) <= TALK_GOAL)
    if metric == "signals":
        return int(m.get("buying_signals_followed") or 0) >= int(m.get("buying_signals") or 0)
    if metric == "minor":
        protocol = [card.elements.get(k) for k in ("opening_protocol", "call_closing")]
        return (
            not card.non_critical_errors
            and not any(e.code == "disrespect" for e in card.critical_errors)
            and all(e is None or e.met is not False for e in protocol)
        )
    if metric == "fields":
        element = card.elements.get("data_management")
        required = int(m.get("fields_required") or 0)
        return (
            required > 0
            and int(m.get("fields_confirmed") or 0) >= required
            and int(m.get("fields_correct") or 0) >= required
            and (element is None or element.met is not False)
        )
    return False


def _difficulty(score: int | None, base: int) -> int:
    if score is None or score < 50:
        return max(1, base - 1)
    if score >= 70:
        return min(3, base + 1)
    return base


def _entry(skill: str, kinds: Sequence[str]) -> dict[str, Any]:
    """The skill's plan data, with the most specific ``by_kind`` override for this call."""
    entry = dict(plan_data()["skills"][skill])
    overrides = plan_data().get("by_kind", {}).get(skill, {})
    found: dict[str, Any] = next((overrides[k] for k in kinds if k in overrides), {})
    entry.update(found)
    if "drills" not in found and kinds and kinds[-1] in _OWN_DRILLS:
        # practise the skill in the call's own kind (a collections agent drills collections)
        own = _OWN_DRILLS[kinds[-1]]
        entry["drills"] = [{**d, "kind": own} for d in entry["drills"]]
    return entry


_OWN_DRILLS = {"service": "service", "complaint": "service", "collections": "collections"}


def _drills(entry: dict[str, Any], score: int | None, hint: dict[str, Any]) -> list[Drill]:
    base = int(hint.get("difficulty", 2) or 2)
    base = min(3, max(1, base))
    level = _difficulty(score, base)
    drills: list[Drill] = []
    for item in entry["drills"]:
        drill = Drill(
            scenario_kind=item["kind"], customer_type=item["customer_type"], difficulty=level
        )
        if drill not in drills:
            drills.append(drill)
    hinted = hint.get("customer_type")
    kind = hint.get("kind") or drills[0].scenario_kind
    if hinted and not any(d.customer_type == hinted and d.scenario_kind == kind for d in drills):
        scenario = hint.get("scenario") if kind == hint.get("kind") else None
        drills.insert(
            0,
            Drill(
                scenario_kind=str(kind),
                customer_type=str(hinted),
                difficulty=level,
                scenario=str(scenario) if scenario else None,
            ),
        )
    return drills[:3]


def _tips(entry: dict[str, Any], hint: dict[str, Any]) -> list[str]:
    """The skill's tips, without those about another customer type than the call's."""
    own = hint.get("customer_type")
    typed = dict(plan_data().get("tip_customer_types", {}))
    return [
        tip
        for tip in entry["tips"]
        if not own
        or all(not str(tip).startswith(lead) or kind == own for lead, kind in typed.items())
    ]


def build(
    card: Scorecard,
    history: list[Scorecard] | None = None,
    scenario_hint: dict[str, Any] | None = None,
    open_before: int | None = None,
    kinds: Sequence[str] = (),
) -> CoachingPlan:
    """``kinds``: the call's phrasing keys (``scoring.kinded.keys_for``), most specific first."""
    history = list(history or [])
    hint = dict(scenario_hint or {})
    data = plan_data()
    lines, reincidente, recurrente = repeated_faults(card, history)
    ranked = []
    for skill in SKILL_KEYS:
        target = int(data["skills"][skill]["target"])
        score = card.skills.get(skill)
        if score is None or score >= target:
            continue  # not evaluated, or already at target: nothing to practise
        entry = _entry(skill, kinds)
        if _goal_met(entry["metric"], card, open_before, int(entry.get("need", 0))):
            continue  # the measurable goal was reached today: the plan would contradict itself
        gap = target - score
        repeated = None
        if history:
            if weak_before(skill, history, target):
                repeated = "reincidente"
            elif recurrente:
                repeated = "recurrente"
        rank = gap + (REPEAT_BOOST if repeated == "reincidente" else 0)
        ranked.append((rank, skill, score, gap, target, repeated))
    ranked.sort(key=lambda r: r[0], reverse=True)
    priorities = []
    for _rank, skill, score, gap, _target, repeated in ranked[:PRIORITIES]:
        entry = _entry(skill, kinds)
        actual = (
            str(open_before)
            if entry["metric"] == "open_before" and open_before is not None
            else _actual(skill, card)
        )
        priorities.append(
            PlanPriority(
                skill=skill,
                score=score,
                gap=gap,
                goal=str(entry["goal"]).format(actual=actual),
                drills=_drills(entry, score, hint),
                tips=_tips(entry, hint),
                repeated=repeated,
            )
        )
    calls = int(data.get("review_calls", 3))
    goals = "; ".join(
        f"{display('skill', p.skill)}: {p.goal.split(' (hoy')[0]}" for p in priorities
    ) or str(data.get("keep", "mantenga lo logrado en esta llamada"))
    return CoachingPlan(
        priorities=priorities,
        checkpoint=f"Revise en {calls} llamadas: {goals}.",
        repeated_faults=lines,
        history_calls=len(history),
    )
