"""What the trainee report shows, gathered from the services: history of scored calls, the
dashboard row (trend, element shares, PEC/PENC, flags), mean skill scores and the current
coaching plan.

``build_trainee_report`` is pure (tests feed it hand-built scorecards); ``gather_trainee`` asks the
services for the trainee's drill-down, which applies the formadores' overrides, so every score
shown is the corrected one and corrected calls are marked as such.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from simulator.errors import InputError
from simulator.language.display import display
from simulator.models.scorecard import ELEMENT_KEYS, SKILL_KEYS
from simulator.reports.charts import Bar
from simulator.reports.figures import fault_label, mean_score
from simulator.reports.plan import PlanView, plan_view
from simulator.services.dashboard import ScoredCall, TraineeDrilldown, TraineeRow

if TYPE_CHECKING:
    from simulator.services import Services
    from simulator.services.results import TraineeInfo


@dataclass(frozen=True, slots=True)
class CallNames:
    """What a call's ids are called: scenario title and persona name."""

    scenario: str
    persona: str


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    call_id: int
    started_at: datetime
    scenario: str
    persona: str
    overall: int
    verdict: str  # Spanish
    competent: bool
    corrected: bool  # a formador overrode a judgement of this call


@dataclass(frozen=True, slots=True)
class TraineeReport:
    name: str
    generated_at: datetime
    window: int
    row: TraineeRow
    history: tuple[HistoryEntry, ...]  # every scored call, newest first
    trend_labels: tuple[str, ...]  # one per score of ``row.trend``
    element_bars: tuple[Bar, ...]  # the dashboard's share met per element, 0–100
    skill_bars: tuple[Bar, ...]  # mean skill score over the window's calls
    reincidente: tuple[str, ...]  # Spanish names of the faults
    repeating: tuple[str, ...]  # every fault in >= 2 of the last 5 calls (reincidente ones too)
    plan: PlanView | None

    @property
    def also_repeating(self) -> tuple[str, ...]:
        """Repeating faults that are not reincidente."""
        return tuple(f for f in self.repeating if f not in self.reincidente)

    @property
    def average(self) -> float | None:
        return mean_score(self.row)

    @property
    def corrected_calls(self) -> int:
        return sum(entry.corrected for entry in self.history)


def skill_means(calls: list[ScoredCall]) -> dict[str, float | None]:
    """Mean score of each skill over ``calls`` (skills not evaluated are left out)."""
    means: dict[str, float | None] = {}
    for key in SKILL_KEYS:
        values = [c.card.skills[key] for c in calls if c.card.skills.get(key) is not None]
        means[key] = sum(v for v in values if v is not None) / len(values) if values else None
    return means


def _names(call: ScoredCall, names: Mapping[int, CallNames]) -> CallNames:
    return names.get(call.call_id) or CallNames(call.scenario_id, "")


def build_trainee_report(
    drill: TraineeDrilldown,
    names: Mapping[int, CallNames],
    *,
    window: int,
    generated_at: datetime,
    scenarios: dict[str, str] | None = None,
) -> TraineeReport:
    """Pure: the report of ``drill`` (``names``: call id → scenario and persona names;
    ``scenarios``: scenario id → title, for the plan's drills)."""
    row = drill.row
    history = tuple(
        HistoryEntry(
            call_id=call.call_id,
            started_at=call.started_at,
            scenario=_names(call, names).scenario,
            persona=_names(call, names).persona,
            overall=call.card.overall,
            verdict=display("verdict", call.card.verdict),
            competent=call.card.verdict == "competent",
            corrected=call.overridden,
        )
        for call in drill.calls
    )
    recent = list(drill.calls[: row.calls])  # the window the row was computed on, newest first
    means = skill_means(recent)
    plan = None
    if drill.calls:
        newest = drill.calls[0]
        plan = plan_view(
            newest.card.coaching_plan,
            call_id=newest.call_id,
            call_date=newest.started_at,
            scenario=_names(newest, names).scenario,
            scenarios=scenarios,
        )
    return TraineeReport(
        name=drill.trainee.name,
        generated_at=generated_at,
        window=window,
        row=row,
        history=history,
        trend_labels=tuple(c.started_at.strftime("%d/%m") for c in reversed(recent)),
        element_bars=tuple(
            Bar(
                display("element", key),
                None if row.elements.get(key) is None else (row.elements[key] or 0.0) * 100,
            )
            for key in ELEMENT_KEYS
        ),
        skill_bars=tuple(Bar(display("skill", key), means[key]) for key in SKILL_KEYS),
        reincidente=tuple(fault_label(f) for f in row.reincidente),
        repeating=tuple(fault_label(f) for f in row.repeating),
        plan=plan,
    )


def find_trainee(services: Services, name: str) -> TraineeInfo:
    """The trainee called ``name``; a Spanish ``InputError`` (exit code 2) when there is none."""
    trainee = services.trainees.find(name) if name.strip() else None
    if trainee is None:
        raise InputError(f"No existe el aprendiz «{name}».")
    return trainee


def call_names(services: Services, trainee_id: int) -> dict[int, CallNames]:
    """Scenario titles and persona names of the trainee's calls."""
    personas = services.library.personas
    found = {}
    for summary in services.calls.list_for(trainee_id):
        persona = personas.get(summary.persona_id)
        shown = persona.name if persona else summary.persona_id
        if summary.customer_type_name:
            shown += f" ({summary.customer_type_name.lower()})"
        found[summary.call_id] = CallNames(summary.scenario_title, shown)
    return found


def gather_trainee(
    services: Services,
    name: str,
    *,
    window: int = 10,
    today: date | None = None,
    now: datetime | None = None,
) -> TraineeReport:
    """The report of the trainee called ``name`` (overrides applied)."""
    trainee = find_trainee(services, name)
    drill = services.trainee_drilldown(trainee.id, window=window, today=today)
    scenarios = {s.id: s.title for s in services.library.scenarios.values()}
    return build_trainee_report(
        drill,
        call_names(services, trainee.id),
        window=window,
        generated_at=now or datetime.now(UTC),
        scenarios=scenarios,
    )
