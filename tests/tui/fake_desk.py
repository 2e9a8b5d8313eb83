"""The formador desk of ``FakeServices``: a room with no formador accounts.

The trainee's screens never use it; the formador's screens are tested on real services over a
temporary SQLite database (``tests/tui/formador_data.py``). Signing in and reading the room are
refused with the real Spanish message, so a fake app can never enter as a formador; ``assign`` and
``set_pin`` record what they were asked (``made``, ``pins``) for the screens tested with a fake
formador, and ``refuse`` makes them answer as for someone who is no formador.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date, datetime

from simulator.errors import PermissionDeniedError
from simulator.services.dashboard import CohortDashboard, TraineeDrilldown
from simulator.services.formador import CalibrationRow, CohortInfo
from simulator.services.formador_desk import FormadorCallView
from simulator.services.results import TraineeInfo
from simulator.storage import AssignmentRecord

NO_FORMADOR = "Formador o contraseña incorrectos."
FIXED_WHEN = datetime(2026, 11, 23, 10, 30)


class FakeDesk:
    def __init__(self) -> None:
        self.made: builtins.list[AssignmentRecord] = []
        self.pins: builtins.list[tuple[int, str | None]] = []
        self.refuse = False

    def authenticate(self, name: str, password: str) -> TraineeInfo:
        raise PermissionDeniedError(NO_FORMADOR)

    def set_pin(self, actor_id: int, trainee_id: int, pin: str | None) -> TraineeInfo:
        if self.refuse:
            raise PermissionDeniedError("Solo un formador puede hacer esto.")
        self.pins.append((trainee_id, pin))
        return TraineeInfo(
            id=trainee_id, name="Ana", role="trainee", created_at=FIXED_WHEN,
            has_password=pin is not None,
        )  # fmt: skip

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
    ) -> builtins.list[AssignmentRecord]:
        if self.refuse:
            raise PermissionDeniedError("Solo un formador puede asignar escenarios.")
        batch = [
            AssignmentRecord(
                id=len(self.made) + i + 1,
                trainee_id=trainee_id,
                scenario_id=scenario_id,
                persona_id=None,
                due_date=due_date,
                target_score=target_score,
                created_by=actor_id,
                created_at=FIXED_WHEN,
                cohort_id=cohort_id,
                mode=mode,
                max_attempts=max_attempts,
                batch_id="fake",
            )  # fmt: skip
            for i, scenario_id in enumerate(scenario_ids)
        ]
        self.made.extend(batch)
        return batch

    def cohorts(self, actor_id: int) -> list[CohortInfo]:
        raise PermissionDeniedError(NO_FORMADOR)

    def dashboard(
        self, actor_id: int, cohort_id: int, *, window: int = 10, today: date | None = None
    ) -> CohortDashboard:
        raise PermissionDeniedError(NO_FORMADOR)

    def drilldown(
        self, actor_id: int, trainee_id: int, *, window: int = 10, today: date | None = None
    ) -> TraineeDrilldown:
        raise PermissionDeniedError(NO_FORMADOR)

    def call(self, actor_id: int, call_id: int) -> FormadorCallView:
        raise PermissionDeniedError(NO_FORMADOR)

    def override(
        self, actor_id: int, call_id: int, kind: str, code: str, new_value: str, note: str
    ) -> None:
        raise PermissionDeniedError(NO_FORMADOR)

    def calibration(self, actor_id: int) -> list[CalibrationRow]:
        raise PermissionDeniedError(NO_FORMADOR)
