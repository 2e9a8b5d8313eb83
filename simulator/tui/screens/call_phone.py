"""The softphone of the call screen: Disponible (F2), Marcar/Contestar (F3), Espera (F4), the
register key (F5: venta, solicitud o acuerdo), Colgar (F6) and the clock and hold timer it shows.

Split from ``call.py`` (one module a responsibility); mixed into ``CallScreen``, whose softphone
buttons and F keys both run these actions. Session calls made while a reply is on its way wait in
``deferred`` (see ``call_talk``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static, TabbedContent

from simulator.errors import SimuladorError
from simulator.language.display import display as display_name
from simulator.session.folio import case_folio
from simulator.session.product_choice import chosen_product
from simulator.tui.app_api import app_of
from simulator.tui.views import mood_text

if TYPE_CHECKING:
    from simulator.customer.simulator import CustomerReply
    from simulator.models.content import Scenario
    from simulator.services.protocols import CallSessionProtocol
    from simulator.services.results import LiveCall
    from simulator.session.result import CallResult
    from simulator.tui.widgets.softphone import Softphone

    _MixinBase = Screen[None]
else:
    _MixinBase = object

OUTBOUND = ("outbound_sale", "collections")
WRAPUP_PLACEHOLDER = "Llamada terminada: complete la captura (F7) y presione F6 para terminar"

# softphone button id -> the action its F key runs
SOFTPHONE_BUTTONS = {
    "sp-ready": "available",
    "sp-answer": "answer",
    "sp-hold-btn": "hold",
    "sp-sale": "sale",
    "sp-hangup": "hangup",
}


class CallPhone(_MixinBase):
    """Mixin for ``CallScreen``; the declarations tell mypy what ``CallScreen`` provides."""

    if TYPE_CHECKING:
        live: LiveCall
        session: CallSessionProtocol
        scenario: Scenario
        exam: bool
        phase: str
        waiting: bool
        generation: int
        t_start: float | None
        t_end: float | None
        hold_t0: float | None
        hold_warned: bool
        sale_done: bool
        result: CallResult | None
        deferred: list[Callable[[], None]]
        softphone: Softphone
        say: Input
        typing: Static

        def _system(self, text: str) -> None: ...
        def _turn(self, speaker: str, text: str) -> None: ...
        def _error(self, error: Exception) -> None: ...
        def _show_reply(self, generation: int, reply: CustomerReply) -> None: ...
        def _run_deferred(self) -> None: ...
        def _flush_capture(self) -> None: ...
        def _finish(self) -> None: ...
        def voice_off(self) -> None: ...

    # ----------------------------------------------------------------- what the softphone shows

    def _tick(self) -> None:
        now = app_of(self).clock()
        if self.t_start is not None:
            self.softphone.elapsed = (self.t_end or now) - self.t_start
        if self.hold_t0 is not None:
            left = float(self.scenario.max_hold_seconds) - (now - self.hold_t0)
            self.softphone.hold_left = left
            if left < 0 and not self.hold_warned:
                self.hold_warned = True
                self.notify(
                    f"La espera pasó del máximo ({self.scenario.max_hold_seconds} s): "
                    "regrese con el cliente (F4).",
                    severity="warning",
                )
        else:
            self.softphone.hold_left = None

    def _sync_status(self) -> None:
        self.softphone.status = self.session.status

    def _show_mood(self) -> None:
        if not self.exam:
            self.softphone.mood = mood_text(self.session.mood)

    # ----------------------------------------------------------------- softphone actions

    def action_available(self) -> None:
        if self.session.status != "Desconectado":
            self.notify(f"Ya está en estado {self.session.status}.")
            return
        try:
            self.session.set_status("Disponible")
        except SimuladorError as error:
            self._error(error)
            return
        self._sync_status()
        self._system("Sesión iniciada. Estado: Disponible.")

    def action_answer(self) -> None:
        if self.phase != "before":
            self.notify("La llamada ya está en curso.")
            return
        if self.session.status != "Disponible":
            self.notify("Primero inicie sesión y póngase Disponible (F2).", severity="warning")
            return
        app = app_of(self)
        try:
            lines = self.session.start()
        except SimuladorError as error:
            self._error(error)
            return
        self.phase = "live"
        self.t_start = app.clock()
        self._sync_status()
        self._system(
            "Marcando… el cliente contesta."
            if self.scenario.kind in OUTBOUND
            else "Entra una llamada."
        )
        for line in lines:
            self._turn("customer", line)
        self._show_mood()
        self.say.focus()

    def action_hold(self) -> None:
        if self.phase != "live":
            self.notify("No hay una llamada en curso.", severity="warning")
            return
        if self.waiting:
            self.notify("Espere a que el cliente termine de hablar.")
            return
        app = app_of(self)
        try:
            if self.hold_t0 is None:
                self.session.hold_start()
                self.hold_t0 = app.clock()
                self.hold_warned = False
                self._system(f"Cliente en espera (máximo {self.scenario.max_hold_seconds} s).")
            else:
                seconds = max(0.0, app.clock() - self.hold_t0)
                self.hold_t0 = None
                reply = self.session.hold_end(seconds=seconds)
                self._system(f"Regresó de la espera ({seconds:.0f} s).")
                if reply is not None:
                    self._show_reply(self.generation, reply)
        except SimuladorError as error:
            self._error(error)
        self._sync_status()
        self._tick()

    def action_sale(self, product: str | None = None) -> None:
        """F5 opens the catalog list; «/venta NOMBRE» typed in the talk line registers that one."""
        if self.phase != "live" or self.sale_done:
            done, kind = self.sale_done, self.scenario.kind
            said = display_name("register_again", kind) if done else "Solo se registra en llamada."
            self.notify(said, severity="information" if done else "warning")
            return
        if product is not None:
            try:
                chosen = chosen_product(product, self.scenario)
            except SimuladorError as error:
                self.notify(str(error), severity="warning")
                return
            self._register_chosen(chosen.name)
            return
        if len(self.scenario.catalog) > 1:  # which product: the agent picks it on a list
            from simulator.tui.screens.register_modal import RegisterModal

            modal = RegisterModal(self.scenario, self.session.sale_candidate())
            self.app.push_screen(modal, self._register_chosen)
            return
        self._register_chosen(None)

    def _register_chosen(self, product: str | None) -> None:
        if len(self.scenario.catalog) > 1 and product is None:
            return  # Esc on the list: nothing registered
        if self.phase != "live" or self.sale_done:
            return
        if self.waiting:
            self.sale_done = True
            self.deferred.append(lambda: self._register_sale(product))
            return
        self._register_sale(product)

    def _register_sale(self, product: str | None = None) -> None:
        try:
            self.session.register_sale(product)
        except SimuladorError as error:
            self._error(error)
            return
        self.sale_done = True
        said = display_name("registered", self.scenario.kind).rstrip(".")
        registered = [e for e in self.session.transcript.events if e.type == "sale_registered"]
        what = registered[-1].value if registered else None
        said = f"{said}: {what}." if what else f"{said}."
        folio = case_folio(self.scenario, self.live.seed)
        self._system(f"{said} Folio: {folio}." if folio else said)

    def action_hangup(self) -> None:
        if self.phase == "live" and self.waiting:
            self.notify("Espere a que el cliente termine de hablar.")
        elif self.phase == "live":
            from simulator.tui.screens.confirm import ConfirmModal

            self.app.push_screen(
                ConfirmModal("¿Colgar la llamada?", "Colgar", "Seguir en la llamada"),
                self._hangup_confirmed,
            )
        elif self.phase == "wrapup":
            self._finish()
        elif self.phase == "before":
            self.notify("La llamada todavía no empieza.", severity="warning")

    def show_wrapup_keys(self) -> None:
        """After hanging up F6 ends the wrap-up: the footer and the talk line say so too."""
        self._bindings.key_to_bindings["f6"] = [Binding("f6", "hangup", "Terminar")]
        self.say.placeholder = WRAPUP_PLACEHOLDER
        self.refresh_bindings()

    def _hangup_confirmed(self, yes: bool | None) -> None:
        if yes:
            self._hang_up()

    def _hang_up(self) -> None:
        app = app_of(self)
        self.generation += 1  # any reply still on its way is now stale
        self.waiting = False
        self.typing.display = False
        self._run_deferred()
        self.voice_off()  # the customer's last words are still spoken, then it is saved
        self._flush_capture()
        if self.hold_t0 is not None:
            self.action_hold()
        try:
            self.result = self.session.hang_up(score=False)
        except SimuladorError as error:
            self._error(error)
            return
        self.phase = "wrapup"
        self.t_end = app.clock()
        self.show_wrapup_keys()
        self._sync_status()
        self._tick()
        self._system(
            "Llamada terminada. Tipificación: complete la captura y presione F6 para terminar."
        )
        self.query_one(TabbedContent).active = "tab-capture"
