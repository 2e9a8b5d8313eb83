"""A call as the formador reviews it: transcript with the acts of each turn, the judgements that
cite turns (the trainee's review screen, reused), and the scorecard with its evidence; C opens
the correction of a judgement (``override_modal.py``) with a required note. The scorer's
original judgement is kept and a correction is shown as such («Corregido por formador: …»).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static

from simulator.errors import SimuladorError
from simulator.tui.app_api import app_of
from simulator.tui.screens.review import ReviewScreen
from simulator.tui.views import judgements
from simulator.tui.widgets.formador_card import card_markup, history_markup, verdict_line

if TYPE_CHECKING:
    from simulator.services.formador_desk import FormadorCallView
    from simulator.services.results import SavedCall
    from simulator.tui.screens.override_modal import OverrideRequest


class FormadorCallScreen(ReviewScreen):
    """Transcript and judgements on the left, the scorecard and corrections on the right."""

    CSS_PATH = "formador_call.tcss"
    BINDINGS = [
        Binding("c", "correct", "Corregir juicio"),
        Binding("escape", "app.pop_screen", "Volver"),
        Binding("j", "focus_judgements", "Juicios"),
        Binding("k", "focus_turns", "Turnos"),
    ]

    def __init__(self, view: FormadorCallView) -> None:
        super().__init__(self._as_saved(view))
        self.view = view

    @staticmethod
    def _as_saved(view: FormadorCallView) -> SavedCall:
        """The call with its effective scorecard (what the judgement list shows)."""
        return replace(view.saved, scorecard=view.effective)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(verdict_line(self.view), id="call-head")
        with Horizontal(id="call-body"):
            with Vertical(id="call-left"):
                yield Static("Transcripción (turno · quién · actos)", classes="pane-title")
                yield OptionList(*self._turn_options(), id="turns")
                yield Static("Juicios — Enter salta al turno", classes="pane-title")
                yield OptionList(*self._judgement_options(), id="judgements")
            with VerticalScroll(id="call-card"):
                yield Static(card_markup(self.view), id="card")
                yield Static("Correcciones del formador", classes="section-title")
                yield Static(history_markup(self.view), id="history")
        yield Footer()

    def on_mount(self) -> None:
        # Textual also runs ReviewScreen.on_mount (after this one), which sets its own title.
        self.call_after_refresh(self._set_title)

    def _set_title(self) -> None:
        self.title = "Revisión del formador"

    def action_correct(self) -> None:
        from simulator.tui.screens.override_modal import OverrideModal

        if self.view.effective is None:
            self.notify("Esta llamada no tiene calificación que corregir.", severity="warning")
            return
        self.app.push_screen(OverrideModal(self.view.effective), self._corrected)

    def _corrected(self, request: OverrideRequest | None) -> None:
        if request is not None:
            self._save(request)

    @work(thread=True, exclusive=True, group="override")
    def _save(self, request: OverrideRequest) -> None:
        app = app_of(self)
        call_id = self.view.saved.call_id
        try:
            actor = app.current_trainee.id
            desk = app.ready_services.desk
            desk.override(
                actor, call_id, request.kind, request.code, request.new_value, request.note
            )
            view = desk.call(actor, call_id)
        except SimuladorError as error:
            app.call_from_thread(self.notify, str(error), severity="error")
            return
        app.call_from_thread(self._show, view)

    async def _show(self, view: FormadorCallView) -> None:
        self.view = view
        self.saved = self._as_saved(view)
        self.card = self.saved.scorecard
        self.judgements = judgements(self.card) if self.card else []
        await self.recompose()
        self.query_one("#judgements", OptionList).focus()
        self.notify("Corrección guardada; el juicio original se conserva.")
