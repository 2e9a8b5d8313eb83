"""The coaching plan (plan de acción): up to 3 skills with the largest gap to target, each with a
measurable goal, drills (scenario kind + customer type + difficulty), tips, and a checkpoint.

Only a skill that falls short is practised: a skill at or above its target, not evaluated, or
whose measurable goal today's call already reached is never a priority (panel of session 10: a
plan that asks for «≥ 1 cierre con aceptación» after a yes, or lists a skill at 100, is noise a
trainer would strike out).

Each goal's «hoy» reads the values the scorecard shows (panels F and G: «hoy: 2» next to
«Preguntas abiertas: 3», «hoy: 2 reflejos» for a goal of 2), says what is still missing when the
count alone was reached, and the probing quota follows the situation (``situation.py``): a
customer in a hurry, one who told the need unasked or dodged the questions needs one good probe,
not three.

History (earlier scorecards) raises skills that were already weak (reincidente) and flags the
plan when the trainee keeps making different faults (recurrente).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from simulator.coaching.history import repeated_faults, weak_skill_reincidente
from simulator.coaching.plan_texts import plan_data
from simulator.language.display import display
from simulator.language.plural import count as plural_count
from simulator.models.scorecard import SKILL_KEYS, CoachingPlan, Drill, PlanPriority, Scorecard

if TYPE_CHECKING:
    from simulator.coaching.situation import Probing

PRIORITIES = 3
TALK_GOAL = 0.65  # the talk-share goal of active listening (plan.yaml says the same)
REPEAT_BOOST = 10


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
        said = plural_count(int(m.get("close_attempts") or 0), "intento")
        if m.get("close_attempts") and _unaccepted(card):
            said += ", sin aceptación explícita del cliente"
        return said
    if metric == "minor":
        said = plural_count(len(card.non_critical_errors), "error no crítico")
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
        said = plural_count(wrong, "error de precio")
        element = card.elements.get("product_information")
        if not wrong and element is not None and element.met is False and element.missing:
            # no wrong fact: say what the element missed, or the goal reads as already met
            said += "; faltó: " + element.missing[0][:1].lower() + element.missing[0][1:]
        return said
    if metric == "fields":
        said = f"{m.get('fields_confirmed') or 0} de {m.get('fields_required') or 0} confirmados"
        element = card.elements.get("data_management")
        if element is not None and element.met is False and element.missing:
            said += "; faltó: " + element.missing[0][:1].lower() + element.missing[0][1:]
        return said
    if metric == "monologue":
        return f"monólogo de {m.get('longest_monologue_words') or 0} palabras"
    return "—"


def _unaccepted(card: Scorecard) -> bool:
    """A sale registered without the customer's explicit yes."""
    closing = card.elements.get("call_closing")
    return any(e.code == "sale_without_consent" for e in card.critical_errors) or (
        closing is not None and any("aceptación" in x for x in closing.missing)
    )


def _reflections(card: Scorecard) -> int:
    m = card.metrics
    return int(m.get("paraphrases") or 0) + int(m.get("empathy_statements") or 0)


def _talk_over(card: Scorecard, talk_counts: bool) -> bool:
    """The agent talked over the goal share, where the share counts (not with a terse customer,
    whose one-word answers make any explaining agent talk most of the call)."""
    share = card.metrics.get("agent_talk_share")
    return talk_counts and isinstance(share, float) and share > TALK_GOAL


def _goal_met(
    metric: str,
    card: Scorecard,
    probe: Probing | None,
    need: int,
    talk_counts: bool = True,
    hurried: bool = False,
) -> bool:
    """Whether today's call already reached the skill's measurable goal (with a customer in a
    hurry one short reflection is the listening asked for: panel J, «no me dé el discurso»)."""
    m = card.metrics
    if metric == "reflections" and hurried:
        return _reflections(card) >= 1
    if metric == "open_before":
        if probe is not None:
            return probe.asked >= probe.need
        return int(m.get("open_questions") or 0) >= need
    if metric == "reflections":
        return _reflections(card) >= 2 and not _talk_over(card, talk_counts)
    if metric == "signals":
        return int(m.get("buying_signals_followed") or 0) >= int(m.get("buying_signals") or 0)
    if metric == "closes":
        # the agent asked for the decision and registered nothing without a yes: the goal «≥ 1
        # intento de cierre … con aceptación explícita» is met even if the customer chose to
        # decide later (score-o, panel M ve-04 T16: «hoy: 1 intento» set as the goal)
        return int(m.get("close_attempts") or 0) >= 1 and not _unaccepted(card)
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


def quota(kinds: Sequence[str]) -> int:
    """The probing goal's number of questions for this kind of call (plan.yaml ``need``)."""
    return int(_entry("probing", kinds).get("need", 0))


def _difficulty(score: int | None, base: int) -> int:
    """The drills' level: one easier than the call for a skill far from its target (under 50),
    else the call's own. Never harder: a skill in the plan is still under its target (a 75 in
    closing on a level-2 call asked for level-3 drills — ux-c, session 17)."""
    if score is None or score < 50:
        return max(1, base - 1)
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
        # the call's own scenario only at its own difficulty: a drill one level easier or harder
        # that names the same scenario would start a call of another level than it says
        same = kind == hint.get("kind") and level == base
        scenario = hint.get("scenario") if same else None
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


def _tips(entry: dict[str, Any], hint: dict[str, Any], card: Scorecard | None = None) -> list[str]:
    """The skill's tips, without those about another customer type than the call's, nor those
    about an element the call met (no opening drill after a complete opening, panel G zu-07)."""
    own = hint.get("customer_type")
    typed = dict(plan_data().get("tip_customer_types", {}))
    met = {
        key
        for key, element in (card.elements.items() if card is not None else ())
        if element.met is not False
    }
    about = dict(plan_data().get("tip_elements", {}))
    shown = card.metrics if card is not None else {}
    done = {
        lead
        for lead, rule in dict(plan_data().get("tip_metrics", {})).items()
        if int(shown.get(rule["metric"]) or 0) >= int(rule["at_least"])
    }
    return [
        tip
        for tip in entry["tips"]
        if (
            not own
            or all(not str(tip).startswith(lead) or kind == own for lead, kind in typed.items())
        )
        and not any(str(tip).startswith(lead) and key in met for lead, key in about.items())
        and not any(str(tip).startswith(lead) for lead in done)
    ]


def _goal(
    entry: dict[str, Any],
    skill: str,
    card: Scorecard,
    probe: Probing | None,
    hurried: bool = False,
) -> str:
    """The goal with today's value, in the scorecard's own numbers."""
    data = plan_data()
    metric = entry["metric"]
    if metric == "reflections" and hurried:
        return str(data["listening_hurry"]).format(actual=_actual(skill, card))
    if metric == "open_before" and probe is not None:
        actual = f"{probe.asked} antes de presentar"
        total = int(card.metrics.get("open_questions") or 0)
        if total != probe.asked:
            actual += f"; preguntas abiertas en toda la llamada: {total}"
        if probe.reason:  # one short probe was what the situation asked for
            return str(data["probing_brief"][probe.reason]).format(actual=actual)
        return str(entry["goal"]).format(actual=actual)
    if metric == "reflections" and _reflections(card) >= 2:
        # the reflections were there: only the talk share is left to work on
        share = float(card.metrics.get("agent_talk_share") or 0)
        return str(data["talk_goal"]).format(actual=f"{share:.2f}")
    return str(entry["goal"]).format(actual=_actual(skill, card))


def build(
    card: Scorecard,
    history: list[Scorecard] | None = None,
    scenario_hint: dict[str, Any] | None = None,
    open_before: int | None = None,
    kinds: Sequence[str] = (),
    probe: Probing | None = None,
    talk_counts: bool = True,
    hurried: bool = False,
) -> CoachingPlan:
    """``kinds``: the call's phrasing keys (``scoring.kinded.keys_for``), most specific first;
    ``probe``: the probing counted and needed (``situation.probing``; without it the open
    questions before presenting, ``open_before``, against the kind's quota); ``talk_counts``:
    whether the talk share is judged (not with a terse customer, ``scoring.skills``);
    ``hurried``: the customer was in a hurry (``situation.pressed_for_time``)."""
    history = list(history or [])
    hint = dict(scenario_hint or {})
    data = plan_data()
    if probe is None and open_before is not None:
        from simulator.coaching.situation import Probing

        probe = Probing(open_before, quota(kinds))
    lines, reincidente, recurrente = repeated_faults(card, history)
    ranked = []
    for skill in SKILL_KEYS:
        target = int(data["skills"][skill]["target"])
        score = card.skills.get(skill)
        if score is None or score >= target:
            continue  # not evaluated, or already at target: nothing to practise
        entry = _entry(skill, kinds)
        need = int(entry.get("need", 0))
        if _goal_met(entry["metric"], card, probe, need, talk_counts, hurried):
            continue  # the measurable goal was reached today: the plan would contradict itself
        gap = target - score
        repeated = None
        if history:
            if weak_skill_reincidente(skill, history, target):
                repeated = "reincidente"
            elif recurrente:
                repeated = "recurrente"
        rank = gap + (REPEAT_BOOST if repeated == "reincidente" else 0)
        ranked.append((rank, skill, score, gap, target, repeated))
    ranked.sort(key=lambda r: r[0], reverse=True)
    priorities = []
    for _rank, skill, score, gap, _target, repeated in ranked[:PRIORITIES]:
        entry = _entry(skill, kinds)
        priorities.append(
            PlanPriority(
                skill=skill,
                score=score,
                gap=gap,
                goal=_goal(entry, skill, card, probe, hurried),
                drills=_drills(entry, score, hint),
                tips=(
                    [str(t) for t in data["talk_tips"]]
                    if entry["metric"] == "reflections" and (_reflections(card) >= 2 or hurried)
                    else _tips(entry, hint, card)
                ),
                repeated=repeated,
            )
        )
    calls = int(data.get("review_calls", 3))
    goals = "; ".join(
        f"{display('skill', p.skill)}: {p.goal.split(' (hoy')[0]}" for p in priorities
    ) or _pending(card, data)
    return CoachingPlan(
        priorities=priorities,
        checkpoint=f"Revise en {calls} llamadas: {goals}.",
        repeated_faults=lines,
        history_calls=len(history),
    )


def _pending(card: Scorecard, data: dict[str, Any]) -> str:
    """The checkpoint when no skill falls short: «mantenga lo logrado» only for a competent
    call; a call not yet competent names the elements it missed and its critical errors (panel
    L wa-06, score-k: «mantenga lo logrado» under «Todavía no competente»)."""
    keep = str(data.get("keep", "mantenga lo logrado en esta llamada"))
    if getattr(card, "verdict", "competent") == "competent":
        return keep
    missed = [display("element", k) for k, e in card.elements.items() if e.met is False]
    missed += [display("critical_error", e.code) for e in card.critical_errors]
    if not missed:
        return keep
    lead = str(data.get("pending", "cumpla lo que faltó en esta llamada"))
    return f"{lead}: {', '.join(dict.fromkeys(missed))}"
