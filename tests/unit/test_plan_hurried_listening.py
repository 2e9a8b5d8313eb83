"""The listening goal of the practice plan with a customer in a hurry (panel J, session 16): one
short reflection is what such a call asks for, never «≥ 2 parafraseos» to someone who said «no me
dé el discurso»; without the hurry the usual goal stands."""

from __future__ import annotations

from simulator.coaching import plan
from simulator.models.scorecard import Scorecard


def _card(reflections: int) -> Scorecard:
    card = Scorecard.model_construct(
        skills={"active_listening": 40},
        metrics={"paraphrases": reflections, "empathy_statements": 0, "agent_talk_share": 0.8},
        elements={},
        critical_errors=[],
        non_critical_errors=[],
    )
    return card


def _listening(card: Scorecard, hurried: bool) -> list[str]:
    built = plan.build(card, hurried=hurried)
    return [p.goal for p in built.priorities if p.skill == "active_listening"]


def test_one_reflection_is_enough_with_a_hurried_customer() -> None:
    assert _listening(_card(1), hurried=True) == []


def test_a_hurried_customer_without_reflection_gets_the_short_goal() -> None:
    goals = _listening(_card(0), hurried=True)
    assert goals and "prisa" in goals[0] and "≥ 2" not in goals[0]


def test_without_hurry_the_usual_goal_stands() -> None:
    goals = _listening(_card(1), hurried=False)
    assert goals and "≥ 2" in goals[0]
