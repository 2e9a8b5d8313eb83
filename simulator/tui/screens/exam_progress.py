"""Progress of one self-assessment: its parts (the practical calls, the questionnaire), done or not.

Enter goes on with the next part: the next practical call opens the normal call screen in mode exam
(no hints; softphone preparation included) and comes back here when the call is saved; then the
questionnaire; when every part is done, the result. Reloaded whenever the app comes back to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from simulator.errors import SimuladorError
from simulator.language.safe_text import clean
from simulator.language.safe_text import escape_textual as escape
from simulator.tui.app_api import app_of
from simulator.tui.exam_views import QUESTIONNAIRE_KEY, next_part, part_rows, progress_markup

if TYPE_CHECKING:
    from simulator.exam.models import ExamAttempt


class ExamProgressScreen(Screen[None]):
    """The parts of the attempt; Enter: the next one (or the result when all are done)."""

    CSS_PATH = "exam_progress.tcss"
    AUTO_FOCUS = "#parts"
    BINDINGS = [
        Binding("enter", "next", "Siguiente parte"),
        Binding("v", "verdict", "Resultado"),
        Binding("escape", "leave", "Inicio"),
    ]

    def __init__(self, attempt_id: int) -> None:
        super().__init__()
        self.attempt_id = attempt_id
        self.attempt: ExamAttempt | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Cargando su autoevaluación…", id="progress-head")
        yield DataTable(id="parts", cursor_type="row")
        yield Static(
            "Las llamadas son sin pistas, como en la evaluación real. Al terminar cada llamada "
            "se registra aquí; su resultado se ve al final, con el de las demás partes.",
            id="progress-note",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Autoevaluación de certificación"
        table = self.query_one("#parts", DataTable)
        table.add_column("Parte", key="part", width=30)
        table.add_column("Detalle", key="detail", width=36)
        table.add_column("Estado", key="status", width=10)
        self.reload()

    def reload(self) -> None:
        self._load()

    def on_screen_resume(self) -> None:
        """Back from the questionnaire or the result: the cursor goes to the part to do now."""
        if self.attempt is not None:
            self.reload()

    @work(thread=True, exclusive=True, group="exam-progress")
    def _load(self) -> None:
        app = app_of(self)
        try:
            attempt = app.ready_services.exam.get(self.attempt_id)
        except SimuladorError as error:
            app.call_from_thread(self._failed, str(error))
            return
        app.call_from_thread(self._show, attempt)

    def _failed(self, message: str) -> None:
        self.query_one("#progress-head", Static).update(f"[b $error]{escape(message)}[/]")

    def _show(self, attempt: ExamAttempt) -> None:
        self.attempt = attempt
        self.query_one("#progress-head", Static).update(progress_markup(attempt))
        table = self.query_one("#parts", DataTable)
        table.clear()
        rows = part_rows(attempt)
        following = next_part(attempt)
        for row in rows:
            style = "green" if row.done else ("bold" if row.key == following else "")
            table.add_row(
                Text(clean(row.label), style=style),
                Text(clean(row.detail), style=style),
                Text(row.status, style=style),
                key=row.key,
            )
        table.refresh(layout=True)  # its height follows its rows (``height: auto``)
        keys = [r.key for r in rows]
        table.move_cursor(row=keys.index(following) if following in keys else len(keys) - 1)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "verdict":  # shown dimmed until every part is done
            return None if self.attempt is None or next_part(self.attempt) else True
        return True

    @on(DataTable.RowSelected, "#parts")
    def _part_selected(self, event: DataTable.RowSelected) -> None:
        self.open_part(str(event.row_key.value))

    def action_next(self) -> None:
        if self.attempt is None:
            return
        following = next_part(self.attempt)
        if following is None:
            self.action_verdict()
        else:
            self.open_part(following)

    def open_part(self, key: str) -> None:
        """Start the part ``key`` if it is the one to do now, else say why not."""
        attempt = self.attempt
        if attempt is None:
            return
        app = app_of(self)
        if next_part(attempt) is None:
            app.show_exam_verdict(attempt.id)
            return
        if key == QUESTIONNAIRE_KEY:
            if attempt.answers is not None:
                self.notify("El cuestionario ya se envió; su resultado se ve al final.")
            else:
                app.show_exam_questionnaire(attempt)
            return
        slot = next((s for s in attempt.slots if s.key == key), None)
        if slot is None:
            return
        if slot.call_id is not None:
            self.notify(f"La {slot.label.lower()} ya está registrada.")
        elif attempt.next_slot is not None and attempt.next_slot.key != key:
            self.notify(f"Primero haga la {attempt.next_slot.label.lower()}.", severity="warning")
        else:
            app.start_exam_call(attempt.id)

    def action_leave(self) -> None:
        """Home; after a call recovered at start-up (no home below yet), back to what is below."""
        from simulator.tui.screens.home import HomeScreen

        if any(isinstance(screen, HomeScreen) for screen in self.app.screen_stack):
            app_of(self).go_home()
        else:
            self.app.pop_screen()

    def action_verdict(self) -> None:
        if self.attempt is None:
            return
        if next_part(self.attempt) is not None:
            self.notify("El resultado se ve cuando termine todas las partes.")
            return
        app_of(self).show_exam_verdict(self.attempt.id)
