"""Hand-built scorecards for the report tests: exact inputs, so tests can assert exact figures."""

from __future__ import annotations

from simulator.models.scorecard import (
    ELEMENT_KEYS,
    SKILL_KEYS,
    CoachingPlan,
    Drill,
    ElementResult,
    ErrorFinding,
    PlanPriority,
    Scorecard,
)


def card(
    overall: int,
    *,
    critical: tuple[str, ...] = (),
    non_critical: tuple[str, ...] = (),
    missed: tuple[str, ...] = (),
    skills: dict[str, int | None] | None = None,
    penc: float | None = 1.0,
    plan_skill: str | None = None,
) -> Scorecard:
    """A scorecard with these errors, these elements not met (others met) and these skills."""
    elements = {key: ElementResult(met=key not in missed) for key in ELEMENT_KEYS}
    verdict = "competent" if not critical and not missed else "not_yet_competent"
    plan = CoachingPlan()
    if plan_skill is not None:
        plan = CoachingPlan(
            priorities=[
                PlanPriority(
                    skill=plan_skill,
                    score=(skills or {}).get(plan_skill),
                    gap=20,
                    goal="Haga al menos 3 preguntas abiertas (hoy 1)",
                    drills=[
                        Drill(scenario_kind="outbound_sale", customer_type="indeciso", difficulty=2)
                    ],
                    tips=["Empiece con «¿qué…?» o «¿cómo…?»."],
                    repeated="reincidente",
                )
            ],
            checkpoint="Revise en 3 llamadas: Sondeo.",
            repeated_faults=["Sondeo bajo en 3 llamadas seguidas"],
            history_calls=2,
        )
    return Scorecard(
        overall=overall,
        verdict=verdict,
        critical_errors=[
            ErrorFinding(code=code, turn=3, evidence="«cita»", explanation="explicación")
            for code in critical
        ],
        non_critical_errors=[
            ErrorFinding(code=code, turn=None, evidence="", explanation="explicación")
            for code in non_critical
        ],
        elements=elements,
        skills={key: (skills or {}).get(key) for key in SKILL_KEYS},
        metrics={"penc": penc},
        coaching_plan=plan,
    )
