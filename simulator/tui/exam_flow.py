"""The certification self-assessment's way through the app: plan → calls → questionnaire → verdict.

Mixed into ``SimuladorApp`` (as ``RecoveryFlow`` is) so the screens ask the app to move on and the
app keeps one screen stack: home → exam plan, replaced by the attempt's progress screen; each
practical call's ``CallScreen`` is pushed on top of the progress screen and, once saved, recorded in
the attempt and popped (no practice results, no coaching hints: a short «Llamada registrada»). The
questionnaire and the verdict are pushed on top of progress too. Service calls run in workers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import App

from simulator.errors import SimuladorError
from simulator.tui.views import new_seed

if TYPE_CHECKING:
    from simulator.exam.models import ExamAttempt
    from simulator.services.protocols import AppServicesProtocol
    from simulator.services.results import LiveCall, PendingCall, SavedCall, TraineeInfo
    from simulator.tui.screens.exam_progress import ExamProgressScreen

    _MixinBase = App[None]
else:
    _MixinBase = object

CALL_RECORDED = "Llamada registrada en su autoevaluación."


class ExamFlow(_MixinBase):
    """The exam part of ``SimuladorApp`` (the declarations tell mypy what the app provides)."""

    if TYPE_CHECKING:
        trainee: TraineeInfo | None
        exam_drafts: dict[int, dict[str, int]]

        @property
        def ready_services(self) -> AppServicesProtocol: ...

        @property
        def current_trainee(self) -> TraineeInfo: ...

    def action_exam(self) -> None:
        """The trainee's entry: the exam plan (what is evaluated and how), then «Comenzar»."""
        from simulator.tui.screens.exam_plan import ExamPlanScreen

        if self.trainee is None or self.trainee.role == "formador":
            return
        if not isinstance(self.screen, ExamPlanScreen):
            self.push_screen(ExamPlanScreen())

    @work(thread=True, exclusive=True, group="exam")
    def begin_exam(self) -> None:
        """Start an attempt (or take the one in progress) and show its progress."""
        try:
            attempt = self.ready_services.exam.start(self.current_trainee.id, seed=new_seed())
        except SimuladorError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        self.call_from_thread(self.show_exam_progress, attempt.id)

    def _progress_screen(self, attempt_id: int) -> ExamProgressScreen | None:
        from simulator.tui.screens.exam_progress import ExamProgressScreen

        for screen in self.screen_stack:
            if isinstance(screen, ExamProgressScreen) and screen.attempt_id == attempt_id:
                return screen
        return None

    def show_exam_progress(self, attempt_id: int, message: str = "") -> None:
        """Back to (or to) the progress screen of the attempt, reloaded; ``message`` is notified."""
        from simulator.tui.screens.call import CallScreen
        from simulator.tui.screens.exam_plan import ExamPlanScreen
        from simulator.tui.screens.exam_progress import ExamProgressScreen

        screen = self._progress_screen(attempt_id)
        if screen is not None:
            while self.screen is not screen and len(self.screen_stack) > 1:
                self.pop_screen()
            screen.reload()
        elif isinstance(self.screen, (ExamPlanScreen, CallScreen)):  # a recovered exam call too
            self.switch_screen(ExamProgressScreen(attempt_id))
        else:
            self.push_screen(ExamProgressScreen(attempt_id))
        if message:
            self.notify(message)

    @work(thread=True, exclusive=True, group="exam")
    def start_exam_call(self, attempt_id: int) -> None:
        """Open the attempt's next practical call (mode exam, softphone preparation included)."""
        try:
            live = self.ready_services.exam.start_call(attempt_id)
        except SimuladorError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        self.call_from_thread(self._open_exam_call, attempt_id, live)

    def _open_exam_call(self, attempt_id: int, live: LiveCall) -> None:
        from simulator.tui.screens.call import CallScreen
        from simulator.tui.views import CallRequest

        request = CallRequest(
            scenario_id=live.scenario_id,
            persona_id=live.persona_id,
            seed=live.seed,
            mode="exam",
            title=live.scenario.title,
            exam_attempt=attempt_id,
        )
        self.push_screen(CallScreen(live, request))

    @work(thread=True, exclusive=True, group="exam")
    def record_exam_call(self, saved: SavedCall, attempt_id: int) -> None:
        """A practical call was saved: it becomes the attempt's call; back to the progress."""
        try:
            self.ready_services.exam.record_call(attempt_id, saved.call_id)
        except SimuladorError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            self.call_from_thread(self.show_exam_progress, attempt_id)
            return
        self.call_from_thread(self.show_exam_progress, attempt_id, CALL_RECORDED)

    def exam_attempt_of(self, pending: PendingCall) -> int | None:
        """The attempt whose next practical call ``pending`` is (mode exam; same scenario, customer
        and seed), so a call recovered after a crash goes back to its attempt instead of to the
        practice results. Called from the recovery worker."""
        if pending.mode != "exam":
            return None
        try:
            attempt = self.ready_services.exam.current(pending.trainee_id)
        except SimuladorError:
            return None
        slot = attempt.next_slot if attempt is not None else None
        if attempt is None or slot is None:
            return None
        drawn = (slot.scenario_id, slot.persona_id, slot.seed)
        return (
            attempt.id if drawn == (pending.scenario_id, pending.persona_id, pending.seed) else None
        )

    def show_exam_questionnaire(self, attempt: ExamAttempt) -> None:
        from simulator.tui.screens.exam_questionnaire import ExamQuestionnaireScreen

        # kept if the trainee leaves; what an earlier session saved comes back from the attempt
        answers = self.exam_drafts.setdefault(attempt.id, dict(attempt.draft))
        self.push_screen(ExamQuestionnaireScreen(attempt, answers))

    def show_exam_verdict(self, attempt_id: int, *, formador: bool = False) -> None:
        from simulator.tui.screens.exam_verdict import ExamVerdictScreen

        self.push_screen(ExamVerdictScreen(attempt_id, formador=formador))
