"""Use cases shared by the TUI and the CLI; ``build_services`` is the one composition root.

Nothing else in the program builds database engines or loads the content library: the TUI and
the CLI call ``build_services(settings)`` and use the returned ``Services``. Building is cheap — the
database is opened and migrated, and the library loaded, on first use (``warm_up`` forces it).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from simulator.services.backend import Backend
from simulator.services.calls import CallService
from simulator.services.recovery import RecoveryService
from simulator.services.results import (
    AssignmentItem,
    CallSummary,
    FilterOption,
    HomeData,
    LibraryEntry,
    LiveCall,
    PendingCall,
    ProgressData,
    ProgressPoint,
    RepeatedFault,
    SavedCall,
    SuggestedDrill,
    TraineeInfo,
)
from simulator.services.signin import SignInService
from simulator.services.trainees import TraineeService
from simulator.settings import Settings, load_settings

if TYPE_CHECKING:
    from simulator.content.library import Library
    from simulator.models.scorecard import Scorecard
    from simulator.services.assign_form import AssignForm
    from simulator.services.dashboard import CohortDashboard, TraineeDrilldown
    from simulator.services.exam import ExamService
    from simulator.services.formador import FormadorService
    from simulator.services.formador_desk import FormadorDesk
    from simulator.services.voice import VoiceService

__all__ = [
    "AssignmentItem",
    "CallSummary",
    "FilterOption",
    "HomeData",
    "LibraryEntry",
    "LiveCall",
    "PendingCall",
    "ProgressData",
    "ProgressPoint",
    "RepeatedFault",
    "SavedCall",
    "Services",
    "SuggestedDrill",
    "TraineeInfo",
    "build_services",
]


class Services:
    """Facade over every use case; hold one per process (thread-safe lazy resources)."""

    def __init__(self, backend: Backend) -> None:
        from simulator.analysis import learned

        self._backend = backend
        learned.configure(backend.settings.learned_acts)
        self.settings: Settings = backend.settings
        self.trainees = TraineeService(backend)
        self.signin = SignInService(backend)
        self.calls = CallService(backend)
        self.recovery = RecoveryService(backend)
        self._formador: FormadorService | None = None
        self._desk: FormadorDesk | None = None
        self._exam: ExamService | None = None
        self._voice: VoiceService | None = None

    @property
    def formador(self) -> FormadorService:
        """Roles, cohorts, assignments, overrides and calibration (``services/formador.py``)."""
        if self._formador is None:
            from simulator.services.formador import FormadorService

            self._formador = FormadorService(self._backend)
        return self._formador

    @property
    def exam(self) -> ExamService:
        """The certification self-assessment (``services/exam.py``)."""
        if self._exam is None:
            from simulator.services.exam import ExamService

            self._exam = ExamService(self._backend, self.calls, self.formador)
        return self._exam

    @property
    def voice(self) -> VoiceService:
        """Voice on the call screen (``services/voice.py``); engines load when voice is turned on."""
        if self._voice is None:
            from simulator.services.voice import VoiceService

            self._voice = VoiceService(self._backend.settings)
        return self._voice

    @property
    def desk(self) -> FormadorDesk:
        """What the formador's TUI screens ask for (``services/formador_desk.py``)."""
        if self._desk is None:
            from simulator.services.formador_desk import FormadorDesk

            self._desk = FormadorDesk(self._backend, self.formador, self.calls, self.signin)
        return self._desk

    def dashboard(
        self, cohort_id: int, *, window: int = 10, today: date | None = None
    ) -> CohortDashboard:
        """A cohort's dashboard data (``services/dashboard.py``)."""
        from simulator.services.dashboard import build_dashboard

        return build_dashboard(self._backend, cohort_id, window=window, today=today)

    def trainee_drilldown(
        self, trainee_id: int, *, window: int = 10, today: date | None = None
    ) -> TraineeDrilldown:
        """One trainee's dashboard row and scored calls, overrides applied (``services/dashboard``)."""
        from simulator.services.dashboard import trainee_drilldown

        return trainee_drilldown(self._backend, trainee_id, window=window, today=today)

    @property
    def library(self) -> Library:
        """The content library (bundled + user + configured folders), loaded on first use."""
        return self._backend.library

    def reload_library(self) -> Library:
        return self._backend.reload_library()

    def home(self, trainee_id: int) -> HomeData:
        """Assignments, library rows with filters, and the suggested drill for the home screen."""
        from simulator.services.home import build_home

        trainee = self.trainees.get(trainee_id)
        pending = len(self.recovery.pending(trainee_id))
        return build_home(self._backend, trainee, pending)

    def assignment_form(self) -> AssignForm:
        """Scenarios, trainees and cohorts for the formador's «nueva asignación» screen."""
        from simulator.services.assign_form import build_assign_form

        return build_assign_form(self._backend)

    def progress(self, trainee_id: int) -> ProgressData:
        """Scores over time, PEC/PENC and repeated faults of one trainee."""
        from simulator.services.progress import build_progress

        return build_progress(self._backend, self.trainees.get(trainee_id))

    def assign(
        self,
        scenario_id: str,
        *,
        trainee_id: int | None = None,
        persona_id: str | None = None,
        due_date: date | None = None,
        target_score: int | None = None,
        created_by: int | None = None,
    ) -> int:
        """Create an assignment (for one trainee, or the cohort when ``trainee_id`` is None).

        ``created_by``, when given, must be a formador (``PermissionDeniedError`` otherwise).
        """
        from simulator.errors import PermissionDeniedError

        if created_by is not None and self.trainees.get(created_by).role != "formador":
            raise PermissionDeniedError("Solo un formador puede asignar escenarios.")
        if trainee_id is not None:
            self.trainees.get(trainee_id)
        scenario = self.library.scenario(scenario_id)
        if persona_id is not None:
            self.library.persona(persona_id)
        record = self._backend.repos.assignments.add(
            scenario_id=scenario.id,
            trainee_id=trainee_id,
            persona_id=persona_id,
            due_date=due_date,
            target_score=target_score,
            created_by=created_by,
        )
        return record.id

    def suggest_drill(self, scorecard: Scorecard) -> SuggestedDrill | None:
        """The library scenario + persona for the first drill of this scorecard's coaching plan
        (the results screen's "ir a la práctica sugerida")."""
        from simulator.services.home import drill_from_plan

        return drill_from_plan(self.library, scorecard)

    def last_trainee(self) -> TraineeInfo | None:
        """The trainee named in the settings (who used the app last), if they still exist."""
        name = self.settings.trainee
        return self.trainees.find(name) if name else None

    def save_preferences(self, *, theme: str | None = None, trainee: str | None = None) -> None:
        """Remember the theme and/or the last trainee in the settings file."""
        from simulator.settings import normalize_theme, save_settings

        changes: dict[str, str] = {}
        if theme is not None:
            changes["theme"] = normalize_theme(theme)
        if trainee is not None:
            changes["trainee"] = " ".join(trainee.split())
        if not changes:
            return
        updated = self.settings.model_copy(update=changes)
        save_settings(updated, fields=tuple(changes))  # validates before writing
        self.settings = updated
        self._backend.settings = updated

    def warm_up(self) -> None:
        """Open the database (migrating it) and load the library now, e.g. in a TUI worker; the
        learned acts' embedding model loads in its own background thread."""
        from simulator.analysis import learned

        learned.warm_up_in_background()
        _ = self._backend.repos
        _ = self._backend.library

    def close(self) -> None:
        """Release the database connections."""
        self._backend.dispose()


def build_services(settings: Settings | None = None) -> Services:
    """The composition root: settings → backend (lazy engine + library) → use cases."""
    return Services(Backend(settings if settings is not None else load_settings()))
