"""The exam service of ``FakeServices``: the real plan and no attempts.

The exam's screens are tested on real services over a temporary SQLite database (the draw, the
calls and the verdict are the real ones: ``tests/tui/test_exam_*.py``); with the fakes the plan
screen opens and any attempt is refused with a Spanish message, so no fake verdict is ever shown.
"""

from __future__ import annotations

from simulator.errors import InputError
from simulator.exam.models import ExamAttempt, QuestionnaireResult
from simulator.exam.plan import ExamPlan, load_plan
from simulator.services.exam import ExamReport
from simulator.services.results import LiveCall

NO_EXAM = "Las autoevaluaciones necesitan la base de datos del simulador."


class FakeExam:
    def plan(self) -> ExamPlan:
        return load_plan()

    def start(self, trainee_id: int, seed: int | None = None) -> ExamAttempt:
        raise InputError(NO_EXAM)

    def get(self, attempt_id: int) -> ExamAttempt:
        raise InputError(NO_EXAM)

    def attempts(self, trainee_id: int) -> list[ExamAttempt]:
        return []

    def current(self, trainee_id: int) -> ExamAttempt | None:
        return None

    def start_call(self, attempt_id: int) -> LiveCall:
        raise InputError(NO_EXAM)

    def record_call(self, attempt_id: int, call_id: int) -> ExamAttempt:
        raise InputError(NO_EXAM)

    def save_draft(self, attempt_id: int, answers: dict[str, int]) -> None:
        raise InputError(NO_EXAM)

    def submit_answers(self, attempt_id: int, answers: dict[str, int]) -> QuestionnaireResult:
        raise InputError(NO_EXAM)

    def report(self, attempt_id: int, viewer_id: int | None = None) -> ExamReport:
        raise InputError(NO_EXAM)

    def validate(self, attempt_id: int, formador_id: int, agree: bool, note: str) -> ExamAttempt:
        raise InputError(NO_EXAM)
