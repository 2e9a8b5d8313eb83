"""The service interfaces the TUI codes against, as ``typing.Protocol``s.

Why this module exists: the TUI must not depend on how the services are built (database, content
folders, journals), and its tests drive it with small fakes. Both the real ``Services`` and the
fakes in ``tests/tui/fakes.py`` are checked by mypy against these Protocols, so a renamed field or
a changed signature is a type error in whichever side drifted — not a screen that silently shows
nothing. Return types are the concrete result types of ``simulator.services.results`` (frozen
dataclasses) and the pydantic models of ``simulator.models``; the screens read their attributes
directly, one name per field.

Imports are for type checking only: importing this module costs nothing at start-up. The call
session's Protocol lives in ``live_session`` (the result types refer to it) and is re-exported.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Protocol

from simulator.services.live_session import CallSessionProtocol

__all__ = [
    "AppServicesProtocol",
    "CallSessionProtocol",
    "CallsProtocol",
    "ExamProtocol",
    "FormadorDeskProtocol",
    "PersonaCatalogProtocol",
    "RecoveryProtocol",
    "SignInProtocol",
    "TraineesProtocol",
    "VoiceLinkProtocol",
    "VoiceProtocol",
]

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import date
    from pathlib import Path

    from simulator.exam.models import ExamAttempt, QuestionnaireResult
    from simulator.exam.plan import ExamPlan
    from simulator.models.content import Persona
    from simulator.models.scorecard import Scorecard
    from simulator.models.transcript import Turn
    from simulator.services.assign_form import AssignForm
    from simulator.services.dashboard import CohortDashboard, TraineeDrilldown
    from simulator.services.exam import ExamReport
    from simulator.services.formador import CalibrationRow, CohortInfo
    from simulator.services.formador_desk import FormadorCallView
    from simulator.services.results import (
        HomeData,
        LiveCall,
        Mode,
        PendingCall,
        ProgressData,
        SavedCall,
        SuggestedDrill,
        TraineeInfo,
    )
    from simulator.services.signin import PinStep
    from simulator.session.result import CallResult
    from simulator.settings import VoiceMode
    from simulator.storage import AssignmentRecord


class TraineesProtocol(Protocol):
    """Who uses the app (``simulator.services.trainees.TraineeService``)."""

    def list(self) -> builtins.list[TraineeInfo]: ...

    def get_or_create(self, name: str) -> TraineeInfo: ...


class SignInProtocol(Protocol):
    """Trainees' PINs at the login (``simulator.services.signin.SignInService``)."""

    def pin_step(self, trainee_id: int) -> PinStep: ...

    def sign_in(self, trainee_id: int, pin: str | None) -> TraineeInfo: ...

    def choose_pin(self, trainee_id: int, pin: str, repeat: str) -> TraineeInfo: ...


class CallsProtocol(Protocol):
    """Start, finish, abandon and read calls (``simulator.services.calls.CallService``)."""

    def start(
        self,
        trainee_id: int,
        scenario_id: str,
        persona_id: str | None = None,
        seed: int | None = None,
        mode: Mode | None = None,
    ) -> LiveCall: ...

    def finish(self, live: LiveCall, result: CallResult | None = None) -> SavedCall: ...

    def abandon(self, live: LiveCall) -> None: ...

    def get(self, call_id: int) -> SavedCall: ...


class RecoveryProtocol(Protocol):
    """Calls left unfinished (``simulator.services.recovery.RecoveryService``)."""

    def pending(self, trainee_id: int | None = None) -> list[PendingCall]: ...

    def resume(self, pending: PendingCall) -> LiveCall: ...

    def score_partial(self, pending: PendingCall) -> SavedCall: ...

    def discard(self, pending: PendingCall) -> None: ...


class PersonaCatalogProtocol(Protocol):
    """The part of the content library the TUI reads (``simulator.content.library.Library``)."""

    @property
    def personas(self) -> Mapping[str, Persona]: ...


class FormadorDeskProtocol(Protocol):
    """Everything a formador does in the TUI (``simulator.services.formador_desk.FormadorDesk``):
    sign in, dashboards, reviews and corrections, calibration, assignments and trainees' PINs."""

    def authenticate(self, name: str, password: str) -> TraineeInfo: ...

    def set_pin(self, actor_id: int, trainee_id: int, pin: str | None) -> TraineeInfo: ...

    def assign(
        self,
        actor_id: int,
        scenario_ids: Sequence[str],
        *,
        trainee_id: int | None = None,
        cohort_id: int | None = None,
        due_date: date | None = None,
        target_score: int | None = None,
        mode: str = "practice",
        max_attempts: int | None = None,
    ) -> builtins.list[AssignmentRecord]: ...

    def cohorts(self, actor_id: int) -> list[CohortInfo]: ...

    def dashboard(
        self, actor_id: int, cohort_id: int, *, window: int = 10, today: date | None = None
    ) -> CohortDashboard: ...

    def drilldown(
        self, actor_id: int, trainee_id: int, *, window: int = 10, today: date | None = None
    ) -> TraineeDrilldown: ...

    def call(self, actor_id: int, call_id: int) -> FormadorCallView: ...

    def override(
        self, actor_id: int, call_id: int, kind: str, code: str, new_value: str, note: str
    ) -> None: ...

    def calibration(self, actor_id: int) -> list[CalibrationRow]: ...


class ExamProtocol(Protocol):
    """The certification self-assessment (``simulator.services.exam.ExamService``)."""

    def plan(self) -> ExamPlan: ...

    def start(self, trainee_id: int, seed: int | None = None) -> ExamAttempt: ...

    def get(self, attempt_id: int) -> ExamAttempt: ...

    def attempts(self, trainee_id: int) -> builtins.list[ExamAttempt]: ...

    def current(self, trainee_id: int) -> ExamAttempt | None: ...

    def start_call(self, attempt_id: int) -> LiveCall: ...

    def record_call(self, attempt_id: int, call_id: int) -> ExamAttempt: ...

    def save_draft(self, attempt_id: int, answers: dict[str, int]) -> None: ...

    def submit_answers(self, attempt_id: int, answers: dict[str, int]) -> QuestionnaireResult: ...

    def report(self, attempt_id: int, viewer_id: int | None = None) -> ExamReport: ...

    def validate(
        self, attempt_id: int, formador_id: int, agree: bool, note: str
    ) -> ExamAttempt: ...


class VoiceLinkProtocol(Protocol):
    """One live call's voice (``simulator.services.voice.VoiceLink``)."""

    @property
    def clock(self) -> Callable[[], float]:
        """Seconds of microphone heard: the call's clock while voice is on."""
        ...

    @property
    def latched(self) -> bool: ...

    def run(
        self,
        on_heard: Callable[[str, float, float], object],
        on_stage: Callable[[str], object],
        in_session: Callable[[Callable[[], object]], object] | None = None,
    ) -> None: ...

    def start_at(self, seconds: float) -> None: ...

    def say(self, text: str, turn: Turn | None = None) -> None: ...

    def answered(self) -> None: ...

    def set_mode(self, mode: VoiceMode) -> None: ...

    def press_talk(self) -> str | None: ...

    def stop(self) -> None: ...

    def save(self, recording: Path) -> builtins.list[Path]: ...


class VoiceProtocol(Protocol):
    """Turning voice on for a live call (``simulator.services.voice.VoiceService``)."""

    @property
    def default_mode(self) -> VoiceMode: ...

    def recording_path(self, live: LiveCall) -> Path: ...

    def open(self, live: LiveCall, mode: VoiceMode) -> VoiceLinkProtocol: ...


class AppServicesProtocol(Protocol):
    """Everything the TUI asks of ``simulator.services.Services``."""

    @property
    def trainees(self) -> TraineesProtocol: ...

    @property
    def signin(self) -> SignInProtocol: ...

    @property
    def calls(self) -> CallsProtocol: ...

    @property
    def recovery(self) -> RecoveryProtocol: ...

    @property
    def library(self) -> PersonaCatalogProtocol: ...

    @property
    def desk(self) -> FormadorDeskProtocol: ...

    @property
    def exam(self) -> ExamProtocol: ...

    @property
    def voice(self) -> VoiceProtocol: ...

    def assignment_form(self) -> AssignForm: ...

    def home(self, trainee_id: int) -> HomeData: ...

    def progress(self, trainee_id: int) -> ProgressData: ...

    def suggest_drill(self, scorecard: Scorecard) -> SuggestedDrill | None: ...

    def save_preferences(self, *, theme: str | None = None, trainee: str | None = None) -> None: ...

    def warm_up(self) -> None: ...
