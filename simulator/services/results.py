"""Plain result types the services hand to the TUI and the CLI (they only render them).

Frozen dataclasses with Spanish display names already resolved, so screens need no lookups. Models
from ``simulator.models`` (Transcript, Scorecard) are carried as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript

if TYPE_CHECKING:
    from simulator.models.content import Persona, Scenario
    from simulator.services.live_session import CallSessionProtocol
    from simulator.session.result import CallResult

Mode = Literal["practice", "exam"]


@dataclass(frozen=True, slots=True)
class TraineeInfo:
    id: int
    name: str
    role: str  # "trainee" | "formador"
    created_at: datetime
    has_password: bool = False


@dataclass(slots=True)
class LiveCall:
    """A call in progress: the ``CallSession`` plus the ids the services need to save it.

    The TUI drives ``session`` directly (``set_status``, ``start``, ``agent_says``, ``hold_start``,
    ``capture``, ``register_sale``, ``hang_up``…) and hands the LiveCall back to ``calls.finish``.
    """

    key: str  # journal key (uuid hex); names the journal and its metadata file
    trainee_id: int
    scenario_id: str
    persona_id: str
    seed: int
    mode: Mode
    started_at: datetime
    journal_path: Path
    scenario: Scenario
    persona: Persona
    session: CallSessionProtocol  # a simulator.session.call.CallSession
    resumed: bool = False
    saved_call_id: int | None = None  # set by ``calls.finish``


@dataclass(frozen=True, slots=True)
class SavedCall:
    """A call as stored: what ``calls.finish``, ``calls.get`` and ``recovery.score_partial`` return."""

    call_id: int
    trainee_id: int
    scenario_id: str
    scenario_title: str
    persona_id: str
    seed: int
    mode: str
    started_at: datetime
    ended_at: datetime | None
    outcome: str | None
    outcome_name: str
    complete: bool
    transcript: Transcript
    scorecard: Scorecard | None
    result: CallResult | None = None  # the session's result, only right after ``finish``

    @property
    def overall(self) -> int | None:
        return self.scorecard.overall if self.scorecard else None

    @property
    def verdict(self) -> str | None:
        return self.scorecard.verdict if self.scorecard else None


@dataclass(frozen=True, slots=True)
class CallSummary:
    """One row of a trainee's call list."""

    call_id: int
    started_at: datetime
    scenario_id: str
    scenario_title: str
    kind: str | None
    kind_name: str
    persona_id: str
    customer_type: str | None
    customer_type_name: str
    mode: str
    overall: int | None
    verdict: str | None
    verdict_name: str
    outcome: str | None
    outcome_name: str
    complete: bool


@dataclass(frozen=True, slots=True)
class PendingCall:
    """A journal left by an app that was closed or killed mid-call."""

    key: str
    journal_path: Path
    meta_path: Path
    trainee_id: int
    trainee_name: str
    scenario_id: str
    scenario_title: str
    persona_id: str
    seed: int
    mode: str
    started_at: datetime
    turns: int
    ended: bool = False  # the call had ended but was not saved: score it, do not resume it
    readable: bool = True  # False: the journal is damaged; it can only be discarded
    damage: str = ""  # Spanish: which lines could not be read (empty: nothing was lost)


# --------------------------------------------------------------------------- home


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    scenario_id: str
    title: str
    kind: str
    kind_name: str
    difficulty: int
    skills: tuple[str, ...]
    skill_names: tuple[str, ...]
    default_persona_id: str
    customer_type: str | None
    customer_type_name: str
    briefing: str = ""
    persona_ids: tuple[str, ...] = ()  # ids of the personas that fit, the default first


@dataclass(frozen=True, slots=True)
class AssignmentItem:
    """One assignment as the trainee's home shows it (``FormadorService.assignment_status``)."""

    assignment_id: int
    scenario_id: str
    scenario_title: str
    kind: str | None
    kind_name: str
    persona_id: str | None
    due_date: date | None
    target_score: int | None
    attempts: int
    best_score: int | None
    done: bool
    overdue: bool
    cohort: bool  # assigned to a cohort or to everybody rather than to this trainee
    mode: Mode = "practice"
    max_attempts: int | None = None  # None = unlimited
    attempts_left: int | None = None  # None = unlimited
    status: str = "pending"  # "overdue" | "pending" | "done" | "exhausted"

    @property
    def can_start(self) -> bool:
        """An exam with no attempts left cannot be taken again."""
        return not (self.mode == "exam" and self.attempts_left == 0)


@dataclass(frozen=True, slots=True)
class SuggestedDrill:
    scenario_id: str
    persona_id: str
    scenario_title: str
    skill: str
    skill_name: str
    goal: str
    kind: str
    customer_type: str
    difficulty: int


@dataclass(frozen=True, slots=True)
class FilterOption:
    key: str
    name: str


@dataclass(frozen=True, slots=True)
class HomeData:
    trainee: TraineeInfo
    assignments: list[AssignmentItem]
    library: list[LibraryEntry]
    suggested_drill: SuggestedDrill | None
    pending_calls: int = 0

    def filter(
        self,
        *,
        kind: str | None = None,
        customer_type: str | None = None,
        difficulty: int | None = None,
        skill: str | None = None,
    ) -> list[LibraryEntry]:
        """Library entries matching every given criterion (``None`` = any)."""
        return [
            entry
            for entry in self.library
            if (kind is None or entry.kind == kind)
            and (customer_type is None or entry.customer_type == customer_type)
            and (difficulty is None or entry.difficulty == difficulty)
            and (skill is None or skill in entry.skills)
        ]

    def kinds(self) -> list[FilterOption]:
        return _options((e.kind, e.kind_name) for e in self.library)

    def customer_types(self) -> list[FilterOption]:
        return _options((e.customer_type, e.customer_type_name) for e in self.library)

    def difficulties(self) -> list[FilterOption]:
        return _options((str(e.difficulty), f"Nivel {e.difficulty}") for e in self.library)

    def skills(self) -> list[FilterOption]:
        pairs: list[tuple[str, str]] = []
        for entry in self.library:
            pairs.extend(zip(entry.skills, entry.skill_names, strict=False))
        return _options(pairs)


def _options(pairs: Iterable[tuple[str | None, str]]) -> list[FilterOption]:
    seen: dict[str, str] = {}
    for key, name in pairs:
        if key is not None and key not in seen:
            seen[key] = name
    return sorted((FilterOption(k, v) for k, v in seen.items()), key=lambda o: o.name)


# --------------------------------------------------------------------------- progress


@dataclass(frozen=True, slots=True)
class ProgressPoint:
    call_id: int
    started_at: datetime
    scenario_id: str
    scenario_title: str
    overall: int | None
    verdict: str | None
    complete: bool
    skills: dict[str, int | None]
    critical_errors: int
    penc: float | None


@dataclass(frozen=True, slots=True)
class RepeatedFault:
    code: str
    family: Literal["critical_error", "non_critical_error", "element"]
    name: str
    count: int
    call_ids: tuple[int, ...]
    # «reincidente» when it is by the one rule (``coaching.history.reincidentes``); a fault seen
    # in two calls long apart is listed without a flag
    flag: Literal["reincidente", "recurrente"] | None


@dataclass(frozen=True, slots=True)
class ProgressData:
    trainee: TraineeInfo
    points: list[ProgressPoint]
    pec: float | None  # share of scored calls without a critical error (0–1)
    penc: float | None  # mean of metrics["penc"] over the calls that have it
    repeated_faults: list[RepeatedFault] = field(default_factory=list)
    recurrente: bool = False  # different faults committed call after call
    skill_names: dict[str, str] = field(default_factory=dict)

    @property
    def skill_series(self) -> dict[str, list[int | None]]:
        """Every skill's scores over time (oldest first), ``None`` where not evaluated."""
        return {skill: self.series(skill) for skill in self.skill_names}

    def series(self, skill: str) -> list[int | None]:
        """Scores of one skill over time (oldest first), ``None`` where not evaluated."""
        return [point.skills.get(skill) for point in self.points]

    def overall_series(self) -> list[int | None]:
        return [point.overall for point in self.points]
