"""The talk line of the call screen: what the trainee says, slash commands, customer replies.

Replies are computed in a worker thread (``asyncio.to_thread``) so typing never waits for the
customer; each result is checked against the call's generation counter before it is shown (a reply
that arrives after the call ended is dropped). Session calls made meanwhile (capture, sale) wait in
``deferred`` because the session is not thread-safe. Mixed into ``CallScreen``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen
from textual.widgets import Input, Static

from simulator.errors import SimuladorError
from simulator.language.safe_text import escape_textual
from simulator.session.fields import resolve_field
from simulator.tui.app_api import app_of
from simulator.tui.widgets.capture_form import CaptureForm

if TYPE_CHECKING:
    from simulator.customer.simulator import CustomerReply
    from simulator.models.content import Scenario
    from simulator.services.protocols import CallSessionProtocol

    _MixinBase = Screen[None]
else:
    _MixinBase = object


class CallTalk(_MixinBase):
    """Mixin for ``CallScreen``; uses its widgets (``say``, ``typing``…) and session.

    The declarations below tell mypy what ``CallScreen`` provides; at run time the mixin is a plain
    class and ``CallScreen`` defines all of them.
    """

    if TYPE_CHECKING:
        session: CallSessionProtocol
        scenario: Scenario
        exam: bool
        phase: str
        waiting: bool
        generation: int
        hold_t0: float | None
        hints_shown: int
        answer_label: str
        deferred: list[Callable[[], None]]
        say: Input
        typing: Static
        hint_line: Static
        capture_form: CaptureForm

        def action_hold(self) -> None: ...
        def action_sale(self, product: str | None = None) -> None: ...
        def action_hangup(self) -> None: ...
        def _turn(self, speaker: str, text: str) -> None: ...
        def _system(self, text: str) -> None: ...
        def _error(self, error: Exception) -> None: ...
        def _sync_status(self) -> None: ...
        def _show_mood(self) -> None: ...
        def _hang_up(self) -> None: ...
        def _captured(self, event: CaptureForm.Captured) -> None: ...
        def voice_answered(self) -> None: ...

    def _capture(self, field: str, value: str) -> None:
        """Put a datum in the system (the capture tab or «/dato»); a bad one is a message."""
        try:
            self.session.capture(field, value)
        except SimuladorError as error:
            self._error(error)

    def _flush_capture(self) -> None:
        for name, value in self.capture_form.flush():
            self._capture(name, value)

    def said(self, text: str, spoken: tuple[float, float] | None = None) -> None:
        """The trainee pressed Enter on the talk line (a slash command or words to the customer), or
        said a line with voice on (``spoken``: when, in call seconds; the talk line is left as is)."""
        text = text.strip()
        if not text:
            return
        if self.phase == "before":
            self._keep(text, spoken)
            self.notify(
                f"Primero póngase Disponible (F2) y {self.answer_label.lower()} (F3).",
                severity="warning",
            )
            return
        if self.phase != "live":
            self._keep(text, spoken)
            self.notify("La llamada ya terminó. Presione F6 para terminar.", severity="warning")
            return
        if text.startswith("/") and spoken is None:
            self._command(text)
            return
        if self.waiting:
            self._keep(text, spoken)
            heard = f": «{escape_textual(text)}»" if spoken is not None else ""
            self.notify(f"Espere la respuesta del cliente… (no se envió{heard})")
            return
        if self.hold_t0 is not None:  # talking takes the customer off hold
            self.action_hold()
        self._turn("agent", text)
        self.waiting = True
        self.typing.display = True
        self._reply(self.generation, text, spoken)

    def _keep(self, text: str, spoken: tuple[float, float] | None) -> None:
        """A typed line that was not sent goes back to the talk line (Enter emptied it), unless
        the trainee already typed something else there."""
        if spoken is None and not self.say.value:
            self.say.value = text
            self.say.cursor_position = len(text)

    def _command(self, text: str) -> None:
        """The slash commands of ``simulador play`` also work here (keyboard shortcuts too)."""
        name, _, rest = text.partition(" ")
        name = name.lower()
        if name == "/espera":
            self.action_hold()
        elif name == "/venta":
            self.action_sale(rest.strip() or None)
        elif name == "/colgar":
            self.action_hangup()
        elif name == "/dato":
            field, sep, value = rest.partition("=")
            field = field.strip().lower()
            if not sep or not field or not value.strip():
                self.notify("Use /dato CAMPO=VALOR (por ejemplo: /dato telefono=5512345678).")
                return
            try:  # «/dato linea=…» is the form's «numero_linea»: show it where it went
                field = resolve_field(self.scenario, field)
            except SimuladorError as error:
                self._error(error)
                return
            widgets = [w for w in self.capture_form.query(Input) if w.name == field]
            if widgets:  # show it in the form too, then send what changed
                widgets[0].value = value.strip()
                for pair in self.capture_form.flush():
                    self._captured(CaptureForm.Captured(*pair))
            else:
                self._captured(CaptureForm.Captured(field, value.strip()))
        else:
            self.notify(
                "Comandos: /espera, /dato CAMPO=VALOR, /venta, /colgar "
                "(o las teclas F4, F7, F5, F6).",
                severity="warning" if name != "/ayuda" else "information",
            )

    @work(group="reply")
    async def _reply(
        self, generation: int, text: str, spoken: tuple[float, float] | None = None
    ) -> None:
        app = app_of(self)
        try:
            reply = await asyncio.to_thread(
                self._reply_blocking, text, app.slow_reply_seconds, spoken
            )
        except Exception as error:  # never crash mid-call: the journal already holds the turn
            if not isinstance(error, SimuladorError):
                self.log.error(f"customer reply failed: {error!r}")
                error = SimuladorError(f"El cliente simulado no pudo responder: {error}")
            if generation == self.generation:
                self.waiting = False
                self.typing.display = False
                self._run_deferred()
                self._error(error)
                self.voice_answered()
            return
        if generation != self.generation or not self.is_mounted:
            return  # stale: the call ended or the screen left while the customer "typed"
        self.waiting = False
        self.typing.display = False
        self._run_deferred()
        self._show_reply(generation, reply)
        self.voice_answered()  # voice listens again once the answer is out

    def _run_deferred(self) -> None:
        pending, self.deferred = self.deferred, []
        for action in pending:
            action()

    def _reply_blocking(
        self, text: str, delay: float, spoken: tuple[float, float] | None = None
    ) -> CustomerReply:
        if delay:
            import time

            time.sleep(delay)
        return self.session.agent_says(text, spoken)

    def _show_reply(self, generation: int, reply: CustomerReply) -> None:
        if reply.text:
            self._turn("customer", reply.text)
        self._sync_status()
        self._show_mood()
        hint = self.session.hint() if not self.exam else None
        if hint:
            self.hints_shown += 1
            self.hint_line.update(f"Pista: {escape_textual(hint)}")
            self.hint_line.display = True
        else:
            self.hint_line.display = False
        if reply.hung_up or self.session.ended:
            self._system("El cliente colgó.")
            self._hang_up()
