"""The agent's workstation: softphone, transcript, input line, capture form and product sheet.

Customer replies are computed in a worker thread (``asyncio.to_thread``) so typing never waits for
the customer; every result is checked against the call's generation counter before it is shown
(a stale reply for a call that already ended is dropped). The screen's parts live in mixins of
their own: the softphone keys in ``call_phone``, the talk line in ``call_talk``, voice in
``call_voice``; this module holds the layout, the transcript log and finishing the call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    RichLog,
    Static,
    TabbedContent,
    TabPane,
)

from simulator.errors import SimuladorError
from simulator.language.display import display as display_name
from simulator.language.safe_text import clean, escape_textual
from simulator.session.texts import call_date_short, call_date_words
from simulator.tui.app_api import app_of
from simulator.tui.screens.call_phone import OUTBOUND, SOFTPHONE_BUTTONS, CallPhone
from simulator.tui.screens.call_talk import CallTalk
from simulator.tui.screens.call_voice import CallVoice, TalkLine
from simulator.tui.views import CallRequest, labels
from simulator.tui.widgets.capture_form import CaptureForm
from simulator.tui.widgets.catalog_sheet import catalog_markup, customer_markup
from simulator.tui.widgets.softphone import Softphone

if TYPE_CHECKING:
    from simulator.services.results import LiveCall
    from simulator.session.result import CallResult


class CallScreen(CallVoice, CallTalk, CallPhone, Screen[None]):
    """One live call. Phases: before (not started) → live → wrap-up (Tipificación) → saving."""

    CSS_PATH = "call.tcss"
    AUTO_FOCUS = "#say"
    BINDINGS = [
        Binding("f2", "available", "Disponible"),
        Binding("f3", "answer", "Contestar"),
        Binding("f4", "hold", "Espera"),
        Binding("f5", "sale", "Venta"),
        Binding("f6", "hangup", "Colgar"),
        Binding("f7", "capture", "Captura", show=False),
        Binding("f8", "products", "Productos", show=False),
        Binding("f9", "voice", "Voz"),
        Binding("space", "talk", "Hablar", show=False),
        Binding("escape", "leave", "Volver", show=False),
    ]

    softphone = getters.query_one(Softphone)
    log_view = getters.query_one("#transcript", RichLog)
    say = getters.query_one("#say", Input)
    typing = getters.query_one("#typing", Static)
    hint_line = getters.query_one("#hint", Static)
    capture_form = getters.query_one(CaptureForm)

    def __init__(self, live: LiveCall, request: CallRequest) -> None:
        super().__init__()
        self.live = live
        self.session = live.session
        self.scenario = live.scenario
        self.request = request
        # the call's date on screen: the brief's «el 27 de este mes» needs a month (panel I, yc-08)
        self.today = call_date_words(self.session.state.call_date)
        self.sale_label = display_name("register_button", self.scenario.kind)  # venta/acuerdo…
        self._bindings.key_to_bindings["f5"] = [Binding("f5", "sale", self.sale_label)]
        self.answer_label = display_name("answer_button", self.scenario.kind)  # marcar/contestar
        self._bindings.key_to_bindings["f3"] = [Binding("f3", "answer", self.answer_label)]
        self.exam = request.mode == "exam"
        self.phase, self.waiting = "before", False
        self.generation = 0
        self.t_start: float | None = None
        self.t_end: float | None = None
        self.hold_t0: float | None = None
        self.hold_warned = False
        self.sale_done = False
        self.result: CallResult | None = None
        self.hints_shown = 0
        # Session calls made while a reply runs in its thread wait here (the session is not
        # thread-safe); they run, in order, as soon as the reply is shown.
        self.deferred: list[Callable[[], None]] = []

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="workspace"):
            with Vertical(id="side"):
                yield Softphone(self.sale_label, self.answer_label)
                with TabbedContent(id="tools"):
                    with TabPane("Captura", id="tab-capture"):
                        yield CaptureForm(list(self.scenario.required_fields))
                    with TabPane("Productos", id="tab-products"), VerticalScroll():
                        yield Static(catalog_markup(self.scenario), id="catalog")
                    with TabPane("Cliente", id="tab-customer"), VerticalScroll():
                        yield Static(customer_markup(self.scenario, self.today), id="customer")
            with Vertical(id="main"):
                mode = labels()["modes"].get(self.request.mode, self.request.mode)
                short = call_date_short(self.session.state.call_date)
                today = f"{escape_textual(short)} · " if short else ""
                yield Static(
                    f"{today}{escape_textual(mode)} · [b]{escape_textual(self.scenario.title)}[/b]",
                    id="call-title",
                )
                yield RichLog(id="transcript", wrap=True, auto_scroll=True, min_width=20)
                yield Static("", id="hint")
                yield Static("✎ El cliente está escribiendo…", id="typing")
                yield TalkLine(
                    placeholder="Hable con el cliente: escriba y presione Enter", id="say"
                )
        yield Footer(show_command_palette=False)  # room for F1 at 80 columns; Ctrl+P still works

    def on_mount(self) -> None:
        app = app_of(self)
        self.title = "Estación de trabajo"
        self.typing.display = False
        self.hint_line.display = False
        self.capture_form.after_last = self.say  # Enter on the last field: back to talking
        session = self.session
        self.softphone.status = session.status
        if session.started:  # a resumed call
            self.phase = "live" if not session.ended else "wrapup"
            if session.ended:
                self.show_wrapup_keys()
            self.t_start = app.clock() - session.elapsed
            self._system("Llamada recuperada del diario; continúe donde se quedó.")
            if session.date_note:
                self._system(escape_textual(session.date_note))
            for turn in session.transcript.turns:
                self._turn(turn.speaker, turn.text)
            self._show_mood()
        else:
            where = "Marque al cliente" if self.scenario.kind in OUTBOUND else "Conteste la llamada"
            self._system(
                "Inicie sesión en el softphone y póngase [b]Disponible[/b] (F2); "
                f"después {where.lower()} con F3."
            )
        self.set_interval(0.5, self._tick)
        self.voice_start()

    # ----------------------------------------------------------------- log helpers

    def _system(self, text: str) -> None:
        self.log_view.write(Text.from_markup(text, style="dim italic"))

    def _turn(self, speaker: str, text: str) -> None:
        """One line of the transcript: plain text (never markup), control sequences removed."""
        if speaker == "agent":
            self.log_view.write(Text.assemble(("Usted:", "b cyan"), " ", clean(text)))
        else:
            self.log_view.write(Text.assemble(("Cliente:", "b magenta"), " ", clean(text)))
            self.voice_speak(text)

    def _error(self, error: Exception) -> None:
        self.notify(str(error), severity="error")

    # ----------------------------------------------------------------- softphone (see call_phone)

    @on(Button.Pressed, "Softphone Button")
    def _softphone_pressed(self, event: Button.Pressed) -> None:
        """A softphone button does what its F key does."""
        action = SOFTPHONE_BUTTONS.get(event.button.id or "")
        if action is not None:
            getattr(self, f"action_{action}")()

    # ----------------------------------------------------------------- tools

    def action_capture(self) -> None:
        self.query_one(TabbedContent).active = "tab-capture"
        inputs = list(self.capture_form.query(Input))
        if inputs:
            inputs[0].focus()

    def action_products(self) -> None:
        self.query_one(TabbedContent).active = "tab-products"

    @on(CaptureForm.Captured)
    def _captured(self, event: CaptureForm.Captured) -> None:
        if self.waiting:
            self.deferred.append(lambda: self._capture(event.field, event.value))
        else:
            self._capture(event.field, event.value)

    @on(CaptureForm.Done)
    def _capture_done(self) -> None:
        self.say.focus()

    # ----------------------------------------------------------------- talking (see call_talk)

    @on(Input.Submitted, "#say")
    def _said(self, event: Input.Submitted) -> None:
        self.said(event.value)

    # ----------------------------------------------------------------- finishing

    def _finish(self) -> None:
        if self.phase != "wrapup":
            return
        if self.voice_still_saving():  # the recording's links go in the saved transcript
            return
        self._flush_capture()
        self.phase = "saving"
        self._system("Calificando la llamada…")
        self._save()

    @work(thread=True, exclusive=True, group="finish")
    def _save(self) -> None:
        app = app_of(self)
        try:
            saved = app.ready_services.calls.finish(self.live, self.result)
        except SimuladorError as error:
            app.call_from_thread(self._save_failed, error)
            return
        app.call_from_thread(app.show_results, saved, self.request)

    def _save_failed(self, error: Exception) -> None:
        self.phase = "wrapup"
        self._error(error)

    def action_leave(self) -> None:
        """Esc: back to the talk line from the side panel; before the call, leave it."""
        app = app_of(self)
        if self.phase != "before" and self.focused is not self.say:
            self.say.focus()
            return
        if self.phase == "before":
            try:
                app.ready_services.calls.abandon(self.live)
            except Exception as error:  # leaving must always work
                self.log.warning(f"abandon failed: {error}")
            app.pop_screen()
        elif self.phase == "live":
            self.notify("Para terminar la llamada use F6 (Colgar).")
        elif self.phase == "wrapup":
            self.notify("Presione F6 para terminar la tipificación y ver su calificación.")
