"""The trainee's current coaching plan as the reports show it: the plan the coaching package made
for the newest scored call (``Scorecard.coaching_plan``, built with the trainee's history), with
every key turned into its Spanish name. The HTML report and the Markdown export read this view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from simulator.language.display import display
from simulator.models.scorecard import CoachingPlan, Drill


@dataclass(frozen=True, slots=True)
class PriorityView:
    number: int
    skill: str  # Spanish name
    score: int | None
    gap: int
    goal: str
    repeated: str | None  # «reincidente» | «recurrente»
    drills: tuple[str, ...]
    tips: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlanView:
    """The plan and the call it was made for."""

    call_id: int
    call_date: datetime
    scenario: str
    priorities: tuple[PriorityView, ...]
    checkpoint: str
    repeated_faults: tuple[str, ...]
    history_calls: int

    @property
    def empty(self) -> bool:
        return not self.priorities and not self.repeated_faults and not self.checkpoint


def drill_text(drill: Drill, scenarios: dict[str, str] | None = None) -> str:
    """«Venta saliente con cliente indeciso (dificultad 2)», with the scenario when it names one."""
    kind = display("scenario_kind", drill.scenario_kind)
    customer = display("customer_type", drill.customer_type).lower()
    text = f"{kind} con cliente {customer} (dificultad {drill.difficulty})"
    if drill.scenario:
        text += f": «{(scenarios or {}).get(drill.scenario, drill.scenario)}»"
    return text


def plan_view(
    plan: CoachingPlan,
    *,
    call_id: int,
    call_date: datetime,
    scenario: str,
    scenarios: dict[str, str] | None = None,
) -> PlanView:
    """The Spanish view of ``plan`` (``scenarios``: scenario id → title, for drills naming one)."""
    priorities: Sequence[PriorityView] = [
        PriorityView(
            number=i,
            skill=display("skill", p.skill),
            score=p.score,
            gap=p.gap,
            goal=p.goal,
            repeated=p.repeated,
            drills=tuple(drill_text(d, scenarios) for d in p.drills),
            tips=tuple(p.tips),
        )
        for i, p in enumerate(plan.priorities, start=1)
    ]
    return PlanView(
        call_id=call_id,
        call_date=call_date,
        scenario=scenario,
        priorities=tuple(priorities),
        checkpoint=plan.checkpoint,
        repeated_faults=tuple(plan.repeated_faults),
        history_calls=plan.history_calls,
    )
