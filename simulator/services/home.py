"""Home use case: the trainee's assignments first, then the library, and the suggested next drill.

The drill comes from the latest coaching plan (first priority, first drill) and is mapped to the
library scenario and persona that best match its kind, customer type and difficulty.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from simulator.language.display import display
from simulator.services.backend import Backend
from simulator.services.calls import load_scorecard
from simulator.services.formador import assignment_status, status_order
from simulator.services.results import (
    AssignmentItem,
    HomeData,
    LibraryEntry,
    SuggestedDrill,
    TraineeInfo,
)

if TYPE_CHECKING:
    from simulator.content.library import Library
    from simulator.models.content import Persona, Scenario
    from simulator.models.scorecard import Drill, PlanPriority, Scorecard
    from simulator.storage import AssignmentRecord, CallRecord


def library_entries(library: Library) -> list[LibraryEntry]:
    """Every scenario as a home-screen row, by kind, difficulty and title."""
    entries = []
    for scenario in library.scenarios.values():
        persona = library.personas.get(scenario.default_persona)
        customer_type = persona.customer_type if persona else None
        entries.append(
            LibraryEntry(
                scenario_id=scenario.id,
                title=scenario.title,
                kind=scenario.kind,
                kind_name=display("scenario_kind", scenario.kind),
                difficulty=scenario.difficulty,
                skills=tuple(scenario.skills),
                skill_names=tuple(display("skill", skill) for skill in scenario.skills),
                default_persona_id=scenario.default_persona,
                customer_type=customer_type,
                customer_type_name=display("customer_type", customer_type),
                briefing=scenario.briefing,
                persona_ids=tuple(p.id for p in library.personas_for(scenario)),
            )
        )
    order = {"outbound_sale": 0, "inbound_sale": 1, "service": 2, "collections": 3}
    entries.sort(key=lambda e: (order.get(e.kind, 9), e.difficulty, e.title.lower()))
    return entries


def assignment_items(
    library: Library,
    assignments: list[AssignmentRecord],
    calls: list[CallRecord],
    today: date | None = None,
) -> list[AssignmentItem]:
    """The trainee's assignments with the attempts used since each was made and the best score,
    as the formador's dashboard counts them (``assignment_status``): overdue first, then pending
    by due date, then done, then exhausted."""
    today = today or datetime.now(UTC).date()
    ordered = sorted((assignment_status(a, calls, today) for a in assignments), key=status_order)
    items = []
    for status in ordered:
        assignment = status.assignment
        scenario = library.scenarios.get(assignment.scenario_id)
        items.append(
            AssignmentItem(
                assignment_id=assignment.id,
                scenario_id=assignment.scenario_id,
                scenario_title=scenario.title if scenario else assignment.scenario_id,
                kind=scenario.kind if scenario else None,
                kind_name=display("scenario_kind", scenario.kind) if scenario else "",
                persona_id=assignment.persona_id,
                due_date=assignment.due_date,
                target_score=assignment.target_score,
                attempts=status.attempts_used,
                best_score=status.best_score,
                done=status.status == "done",
                overdue=status.status == "overdue",
                cohort=assignment.trainee_id is None,
                mode="exam" if assignment.mode == "exam" else "practice",
                max_attempts=assignment.max_attempts,
                attempts_left=status.attempts_left,
                status=status.status,
            )
        )
    return items


def _persona_for_type(library: Library, scenario: Scenario, customer_type: str) -> Persona | None:
    for persona in library.personas_for(scenario):
        if persona.customer_type == customer_type:
            return persona
    return None


def match_drill(
    library: Library, drill: Drill, skill: str | None = None
) -> tuple[Scenario, Persona] | None:
    """The scenario + persona of the library that best fit a coaching drill (None if empty)."""
    if drill.scenario and drill.scenario in library.scenarios:
        scenario = library.scenarios[drill.scenario]
        persona = _persona_for_type(library, scenario, drill.customer_type)
        fallback = library.personas.get(scenario.default_persona)
        chosen = persona or fallback
        return (scenario, chosen) if chosen is not None else None
    candidates: list[tuple[float, str, Scenario, Persona]] = []
    for scenario in library.scenarios.values():
        persona = _persona_for_type(library, scenario, drill.customer_type)
        score = 0.0
        if scenario.kind == drill.scenario_kind:
            score += 4
        if persona is not None:
            score += 3
        else:
            persona = library.personas.get(scenario.default_persona)
            if persona is None:
                continue
        score += 2 - abs(scenario.difficulty - drill.difficulty)
        if skill and skill in scenario.skills:
            score += 1
        candidates.append((score, scenario.id, scenario, persona))
    if not candidates:
        return None
    _, _, scenario, persona = min(candidates, key=lambda c: (-c[0], c[1]))
    return scenario, persona


def latest_priority(calls: list[CallRecord]) -> PlanPriority | None:
    """First priority of the newest coaching plan that has one."""
    for call in reversed(calls):
        card = load_scorecard(call.scorecard_json)
        if card is not None and card.coaching_plan.priorities:
            return card.coaching_plan.priorities[0]
    return None


def _drill_for(library: Library, priority: PlanPriority | None) -> SuggestedDrill | None:
    if priority is None or not priority.drills:
        return None
    match = match_drill(library, priority.drills[0], priority.skill)
    if match is None:
        return None
    scenario, persona = match
    return SuggestedDrill(
        scenario_id=scenario.id,
        persona_id=persona.id,
        scenario_title=scenario.title,
        skill=priority.skill,
        skill_name=display("skill", priority.skill),
        goal=priority.goal,
        kind=scenario.kind,
        customer_type=persona.customer_type,
        difficulty=scenario.difficulty,
    )


def suggested_drill(library: Library, calls: list[CallRecord]) -> SuggestedDrill | None:
    """The drill of the newest coaching plan, mapped to the library."""
    return _drill_for(library, latest_priority(calls))


def drill_from_plan(library: Library, card: Scorecard) -> SuggestedDrill | None:
    """The drill of one scorecard's plan (first priority), mapped to the library."""
    priorities = card.coaching_plan.priorities
    return _drill_for(library, priorities[0] if priorities else None)


def build_home(backend: Backend, trainee: TraineeInfo, pending_calls: int = 0) -> HomeData:
    library = backend.library
    repos = backend.repos
    calls = repos.calls.list_for(trainee.id)
    return HomeData(
        trainee=trainee,
        assignments=assignment_items(library, repos.assignments.list_for(trainee.id), calls),
        library=library_entries(library),
        suggested_drill=suggested_drill(library, calls),
        pending_calls=pending_calls,
    )
