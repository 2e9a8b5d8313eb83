"""Cohort dashboard data for formadores: trainees × rubric elements (or × skills), PEC/PENC, trends
and flags.

Headless and pure at its core (``trainee_row`` and ``cohort_totals`` take plain records and
scorecards), so tests build scorecards by hand and the TUI/HTML reports only render.

Definitions (issue 8):
- element share: over the trainee's last ``window`` scored calls, met / judged (``met`` None is not
  judged; ``None`` share when never judged). Scorecards are the *effective* ones (overrides).
- skill score: the mean 0–100 score of the skill over the window's calls where it was scored
  (``None`` = not evaluated, e.g. closing in a service call, never counted as 0).
- PEC: share of those calls without a critical error; PENC: mean of ``metrics["penc"]``.
  Cohort PEC/PENC pool every member's calls in the window.
- faults of a call: elements not met (``element:<key>``), critical and non-critical error codes
  (``critical_error:<code>``, ``non_critical_error:<code>``).
- reincidente: ``coaching.history.reincidentes`` (the one definition: a fault in >= 3 of the
  last 5 calls); recurrente: >= 3 different faults each in >= 2 of the last 5 calls.

API: ``build_dashboard(backend, cohort_id, *, window=10, today=None) -> CohortDashboard``,
``trainee_drilldown(backend, trainee_id, *, window=10) -> TraineeDrilldown``; the call drill-down
is ``FormadorService.call_review``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from simulator.coaching.history import (
    WINDOW,
    is_recurrente,
    recurrentes,
    reincidentes,
)
from simulator.language.display import display
from simulator.models.scorecard import ELEMENT_KEYS, SKILL_KEYS, Scorecard
from simulator.services.backend import Backend
from simulator.services.calls import load_scorecard
from simulator.services.formador import (
    AssignmentStatus,
    FormadorService,
    apply_overrides,
    assignment_status,
)
from simulator.services.results import TraineeInfo

if TYPE_CHECKING:
    from simulator.storage import CallRecord, OverrideRecord

FLAG_WINDOW = WINDOW


@dataclass(frozen=True, slots=True)
class ScoredCall:
    """One scored call as the dashboard uses it (effective scorecard)."""

    call_id: int
    started_at: datetime
    scenario_id: str
    card: Scorecard
    overridden: bool = False


@dataclass(frozen=True, slots=True)
class TraineeRow:
    trainee_id: int
    name: str
    calls: int  # scored calls in the window
    elements: dict[str, float | None]  # element key -> share met (0..1)
    pec: float | None
    penc: float | None
    trend: tuple[int, ...]  # overall scores of the window, oldest first
    reincidente: tuple[str, ...]  # faults «kind:code» in >= 3 of the last 5 calls
    recurrente: bool
    repeating: tuple[str, ...]  # faults in >= 2 of the last 5 calls
    assignments_total: int
    assignments_done: int
    assignments_overdue: int
    skills: dict[str, float | None] = field(default_factory=dict)  # key -> mean score 0..100


@dataclass(frozen=True, slots=True)
class CohortDashboard:
    cohort_id: int
    cohort_name: str
    element_keys: tuple[str, ...]
    element_names: dict[str, str]
    rows: tuple[TraineeRow, ...]
    pec: float | None
    penc: float | None
    assignments_total: int
    assignments_done: int
    assignments_overdue: int
    skill_keys: tuple[str, ...] = SKILL_KEYS
    skill_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TraineeDrilldown:
    trainee: TraineeInfo
    row: TraineeRow
    calls: tuple[ScoredCall, ...]  # all scored calls, newest first
    assignments: tuple[AssignmentStatus, ...]


def faults_of(card: Scorecard) -> set[str]:
    found = {f"critical_error:{e.code}" for e in card.critical_errors}
    found |= {f"non_critical_error:{e.code}" for e in card.non_critical_errors}
    found |= {f"element:{k}" for k, e in card.elements.items() if e.met is False}
    return found


def _penc(card: Scorecard) -> float | None:
    value = card.metrics.get("penc")
    return float(value) if value is not None else None


def trainee_row(
    trainee_id: int,
    name: str,
    calls: Sequence[ScoredCall],
    assignments: Sequence[AssignmentStatus] = (),
    *,
    window: int = 10,
) -> TraineeRow:
    """Pure: one dashboard row from the trainee's scored calls (oldest first)."""
    recent = list(calls)[-window:] if window > 0 else []
    elements: dict[str, float | None] = {}
    for key in ELEMENT_KEYS:
        judged = [c.card.elements[key].met for c in recent if key in c.card.elements]
        judged_values = [m for m in judged if m is not None]
        elements[key] = sum(judged_values) / len(judged_values) if judged_values else None
    skills: dict[str, float | None] = {}
    for key in SKILL_KEYS:
        scored = [c.card.skills[key] for c in recent if c.card.skills.get(key) is not None]
        skills[key] = sum(v for v in scored if v is not None) / len(scored) if scored else None
    pencs = [p for p in (_penc(c.card) for c in recent) if p is not None]
    last = list(calls)[-FLAG_WINDOW:]
    found = [faults_of(call.card) for call in last]
    reincidente = tuple(sorted(reincidentes(found)))
    repeating = tuple(sorted(recurrentes(found)))
    return TraineeRow(
        trainee_id=trainee_id,
        name=name,
        calls=len(recent),
        elements=elements,
        skills=skills,
        pec=(sum(1 for c in recent if not c.card.critical_errors) / len(recent))
        if recent
        else None,
        penc=sum(pencs) / len(pencs) if pencs else None,
        trend=tuple(c.card.overall for c in recent),
        reincidente=reincidente,
        recurrente=is_recurrente(found),
        repeating=repeating,
        assignments_total=len(assignments),
        assignments_done=sum(1 for a in assignments if a.status == "done"),
        assignments_overdue=sum(1 for a in assignments if a.status == "overdue"),
    )


def cohort_totals(
    rows: Sequence[TraineeRow], calls: Sequence[Sequence[ScoredCall]], window: int = 10
) -> tuple[float | None, float | None]:
    """Pure: cohort PEC and PENC over every member's windowed calls pooled."""
    pooled = [c for member in calls for c in list(member)[-window:]]
    pec = sum(1 for c in pooled if not c.card.critical_errors) / len(pooled) if pooled else None
    pencs = [p for p in (_penc(c.card) for c in pooled) if p is not None]
    return pec, (sum(pencs) / len(pencs) if pencs else None)


def _scored(
    records: Sequence[CallRecord],
    overrides: dict[int, list[OverrideRecord]] | None,
    formador: FormadorService,
    keep: int | None = None,
) -> list[ScoredCall]:
    """The scored calls among ``records`` (oldest first), effective scorecards; with ``keep`` only
    the newest ``keep`` of them are parsed."""
    picked: list[tuple[CallRecord, Scorecard]] = []
    for record in reversed(records):
        if keep is not None and len(picked) >= keep:
            break
        card = load_scorecard(record.scorecard_json)
        if card is not None:
            picked.append((record, card))
    picked.reverse()
    if overrides is None:
        overrides = formador.overrides_repo.for_calls([r.id for r, _ in picked])
    result = []
    for record, card in picked:
        own = overrides.get(record.id, [])
        effective = apply_overrides(card, own) if own else card
        result.append(
            ScoredCall(record.id, record.started_at, record.scenario_id, effective, bool(own))
        )
    return result


def scored_calls(backend: Backend, formador: FormadorService, trainee_id: int) -> list[ScoredCall]:
    """All the trainee's scored calls, oldest first, with overrides applied."""
    return _scored(backend.repos.calls.list_for(trainee_id), None, formador)


def build_dashboard(
    backend: Backend, cohort_id: int, *, window: int = 10, today: date | None = None
) -> CohortDashboard:
    formador = FormadorService(backend)
    cohort = formador.cohort(cohort_id)
    today = today or datetime.now(UTC).date()
    members = formador.cohort_members(cohort.id)
    by_trainee = backend.repos.calls.list_for_trainees([m.id for m in members])
    keep = max(window, FLAG_WINDOW)
    all_ids = [r.id for records in by_trainee.values() for r in records[-keep * 2 :]]
    overrides = formador.overrides_repo.for_calls(all_ids)
    rows: list[TraineeRow] = []
    all_calls: list[list[ScoredCall]] = []
    for member in members:
        records = by_trainee.get(member.id, [])
        calls = _scored(records, overrides, formador, keep)
        statuses = [
            assignment_status(a, records, today)
            for a in backend.repos.assignments.list_for(member.id)
        ]
        rows.append(trainee_row(member.id, member.name, calls, statuses, window=window))
        all_calls.append(calls)
    pec, penc = cohort_totals(rows, all_calls, window)
    return CohortDashboard(
        cohort_id=cohort.id,
        cohort_name=cohort.name,
        element_keys=ELEMENT_KEYS,
        element_names={k: display("element", k) for k in ELEMENT_KEYS},
        rows=tuple(rows),
        skill_keys=SKILL_KEYS,
        skill_names={k: display("skill", k) for k in SKILL_KEYS},
        pec=pec,
        penc=penc,
        assignments_total=sum(r.assignments_total for r in rows),
        assignments_done=sum(r.assignments_done for r in rows),
        assignments_overdue=sum(r.assignments_overdue for r in rows),
    )


def trainee_drilldown(
    backend: Backend, trainee_id: int, *, window: int = 10, today: date | None = None
) -> TraineeDrilldown:
    formador = FormadorService(backend)
    trainee = formador._trainee(trainee_id)
    calls = scored_calls(backend, formador, trainee_id)
    statuses = formador.my_assignments(trainee_id, today=today)
    row = trainee_row(trainee.id, trainee.name, calls, statuses, window=window)
    return TraineeDrilldown(trainee, row, tuple(reversed(calls)), tuple(statuses))
