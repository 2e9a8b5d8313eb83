"""Calls left unfinished by a closed or killed app: offered at start (and from the palette).

Mixed into ``SimuladorApp``: once the services are loaded the app checks the journal folder and,
if a call is pending, asks to resume, score or discard it (``screens.recovery.RecoveryModal``);
the choice runs in a worker thread because resuming or scoring reads and grades a journal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import App

if TYPE_CHECKING:
    from simulator.services.protocols import AppServicesProtocol
    from simulator.services.results import LiveCall, PendingCall, SavedCall, TraineeInfo
    from simulator.tui.views import CallRequest

    _MixinBase = App[None]
else:
    _MixinBase = object


class RecoveryFlow(_MixinBase):
    """The recovery part of ``SimuladorApp`` (the declarations tell mypy what the app provides)."""

    if TYPE_CHECKING:
        trainee: TraineeInfo | None

        @property
        def ready_services(self) -> AppServicesProtocol: ...

        def open_call(self, request: CallRequest, live: LiveCall) -> None: ...
        def exam_attempt_of(self, pending: PendingCall) -> int | None: ...
        def record_exam_call(self, saved: SavedCall, attempt_id: int) -> object: ...
        def show_results(self, saved: SavedCall, request: CallRequest | None) -> None: ...

    def action_pending(self) -> None:
        self.check_recovery(announce_none=True)

    def check_recovery(self, announce_none: bool = False) -> None:
        try:
            pending = self.ready_services.recovery.pending()
        except Exception as error:  # recovery must never block the app
            self.notify(f"No se pudo revisar llamadas pendientes: {error}", severity="warning")
            return
        if not pending:
            if announce_none:
                self.notify("No hay llamadas pendientes.")
            return
        from simulator.tui.screens.recovery import RecoveryModal

        self.push_screen(RecoveryModal(pending[0], len(pending)), self._recovery_chosen)

    def _recovery_chosen(self, choice: tuple[str, PendingCall] | None) -> None:
        if choice is None:
            return
        action, pending = choice
        self.run_recovery(action, pending)

    @work(thread=True, exclusive=True, group="recovery")
    def run_recovery(self, action: str, pending: PendingCall) -> None:
        from simulator.tui.views import CallRequest, as_mode

        try:
            recovery = self.ready_services.recovery
            exam_attempt = self.exam_attempt_of(pending)  # a practical call of a self-assessment
            if action == "resume":
                live = recovery.resume(pending)
                request = CallRequest(
                    scenario_id=pending.scenario_id,
                    persona_id=pending.persona_id,
                    seed=pending.seed,
                    mode=as_mode(pending.mode),
                    title=pending.scenario_title,
                    exam_attempt=exam_attempt,
                )
                self.call_from_thread(self._adopt_trainee_of, pending)
                self.call_from_thread(self.open_call, request, live)
            elif action == "score":
                saved = recovery.score_partial(pending)
                self.call_from_thread(self._adopt_trainee_of, pending)
                if exam_attempt is not None:  # no practice results in an exam
                    self.call_from_thread(self.record_exam_call, saved, exam_attempt)
                else:
                    self.call_from_thread(self.show_results, saved, None)
            elif action == "discard":
                recovery.discard(pending)
                self.call_from_thread(self.notify, "Llamada pendiente descartada.")
        except Exception as error:
            self.call_from_thread(self.notify, f"No se pudo recuperar: {error}", severity="error")

    def _adopt_trainee_of(self, pending: PendingCall) -> None:
        if self.trainee is not None:
            return
        for trainee in self.ready_services.trainees.list():
            if trainee.id == pending.trainee_id:
                self.trainee = trainee
                return
