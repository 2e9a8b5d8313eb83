"""What the formador's screens of the TUI ask for, in one facade over the formador use cases.

Why this module exists: the TUI never reads storage records, and the formador's screens need a
few things that live in different places (``FormadorService`` for roles, cohorts, overrides and
calibration; ``services.dashboard`` for the cohort figures and the trainee drill-down;
``CallService.get`` for a call's transcript). ``FormadorDesk`` hands them over as frozen result
types; every figure is computed here or below, never in the TUI. The formador's id is checked by
the use cases (``require_formador``) on each formador-only action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from simulator.services.backend import Backend
from simulator.services.results import SavedCall, TraineeInfo

if TYPE_CHECKING:
    from collections.abc import Sequence

    from simulator.models.scorecard import Scorecard
    from simulator.services.calls import CallService
    from simulator.services.dashboard import CohortDashboard, TraineeDrilldown
    from simulator.services.formador import CalibrationRow, CohortInfo, FormadorService
    from simulator.services.signin import SignInService
    from simulator.storage import AssignmentRecord


@dataclass(frozen=True, slots=True)
class OverrideView:
    """One formador correction (or confirmation) of a judgement, as the review screen shows it."""

    kind: str  # "element" | "critical_error"
    code: str
    original_value: str
    new_value: str
    note: str
    formador_name: str
    created_at: datetime | None
    in_force: bool  # the newest one for its judgement (it decides the effective value)


@dataclass(frozen=True, slots=True)
class FormadorCallView:
    """A call as the formador reviews it: transcript, the scorer's original card (never changed),
    the effective card (overrides applied) and the corrections."""

    saved: SavedCall
    trainee_name: str
    original: Scorecard | None
    effective: Scorecard | None
    overrides: tuple[OverrideView, ...]


class FormadorDesk:
    """The formador's side of the app (``Services.desk``)."""

    def __init__(
        self,
        backend: Backend,
        formador: FormadorService,
        calls: CallService,
        signin: SignInService,
    ) -> None:
        self._backend = backend
        self._formador = formador
        self._calls = calls
        self._signin = signin

    def authenticate(self, name: str, password: str) -> TraineeInfo:
        """The formador ``name`` if the password is theirs (``PermissionDeniedError`` if not;
        paused for 30 s after 5 wrong tries)."""
        return self._signin.authenticate_formador(name, password)

    def set_pin(self, actor_id: int, trainee_id: int, pin: str | None) -> TraineeInfo:
        """Give a trainee a new PIN (or password); ``None`` removes it."""
        return self._signin.set_pin(actor_id, trainee_id, pin)

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
    ) -> list[AssignmentRecord]:
        """Assign scenarios to a trainee or a cohort (``FormadorService.assign``, one batch)."""
        return self._formador.assign(
            actor_id, scenario_ids, trainee_id=trainee_id, cohort_id=cohort_id,
            due_date=due_date, target_score=target_score, mode=mode, max_attempts=max_attempts,
        )  # fmt: skip

    def cohorts(self, actor_id: int) -> list[CohortInfo]:
        self._formador.require_formador(actor_id)
        return self._formador.list_cohorts()

    def dashboard(
        self, actor_id: int, cohort_id: int, *, window: int = 10, today: date | None = None
    ) -> CohortDashboard:
        from simulator.services.dashboard import build_dashboard

        self._formador.require_formador(actor_id)
        return build_dashboard(self._backend, cohort_id, window=window, today=today)

    def drilldown(
        self, actor_id: int, trainee_id: int, *, window: int = 10, today: date | None = None
    ) -> TraineeDrilldown:
        from simulator.services.dashboard import trainee_drilldown

        self._formador.require_formador(actor_id)
        return trainee_drilldown(self._backend, trainee_id, window=window, today=today)

    def call(self, actor_id: int, call_id: int) -> FormadorCallView:
        from simulator.services.review import in_force

        self._formador.require_formador(actor_id)
        review = self._formador.call_review(actor_id, call_id)
        saved = self._calls.get(call_id)
        trainees = self._backend.repos.trainees
        names: dict[int, str] = {}

        def name_of(trainee_id: int | None) -> str:
            if trainee_id is None:
                return "—"
            if trainee_id not in names:
                record = trainees.get(trainee_id)
                names[trainee_id] = record.name if record else f"#{trainee_id}"
            return names[trainee_id]

        deciding = {o.id for o in in_force(review.overrides).values()}
        overrides = tuple(
            OverrideView(
                kind=o.target_kind,
                code=o.code,
                original_value=o.original_value,
                new_value=o.new_value,
                note=o.note,
                formador_name=name_of(o.formador_id),
                created_at=o.created_at,
                in_force=o.id in deciding,
            )
            for o in sorted(review.overrides, key=lambda o: o.id)
        )
        return FormadorCallView(
            saved=saved,
            trainee_name=name_of(review.call.trainee_id),
            original=review.original,
            effective=review.effective,
            overrides=overrides,
        )

    def override(
        self, actor_id: int, call_id: int, kind: str, code: str, new_value: str, note: str
    ) -> None:
        """Correct (or confirm) one judgement with a required note; the original is kept."""
        self._formador.override(actor_id, call_id, kind, code, new_value, note)

    def calibration(self, actor_id: int) -> list[CalibrationRow]:
        self._formador.require_formador(actor_id)
        return self._formador.calibration_log()
