"""The formador desk of ``FakeServices``: a room with no formador accounts.

The trainee's screens never use it; the formador's screens are tested on real services over a
temporary SQLite database (``tests/tui/formador_data.py``). Every formador action is refused with
the real Spanish message, so a fake app can never enter as a formador.
"""

from __future__ import annotations

from datetime import date

from simulator.errors import PermissionDeniedError
from simulator.services.dashboard import CohortDashboard, TraineeDrilldown
from simulator.services.formador import CalibrationRow, CohortInfo
from simulator.services.formador_desk import FormadorCallView
from simulator.services.results import TraineeInfo

NO_FORMADOR = "Formador o contraseña incorrectos."


class FakeDesk:
    def authenticate(self, name: str, password: str) -> TraineeInfo:
        raise PermissionDeniedError(NO_FORMADOR)

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
