"""One trainee as the formador sees them: figures of their recent calls, flags, assignments, their
certification self-assessments and every scored call; Enter on a call opens its review
(``formador_call.py``), Enter on a self-assessment its result, where the formador validates it. Key p
gives the trainee a PIN («Asignar PIN») or replaces or removes theirs («Restablecer PIN»), in
``pin_modal.py``.

Data from ``FormadorDesk.drilldown`` (``services/dashboard.trainee_drilldown``) and the exam
service's attempts and verdicts, in a worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from simulator.errors import SimuladorError
from simulator.language.display import display
from simulator.language.plural import count as plural_count
from simulator.language.safe_text import clean
from simulator.language.safe_text import escape_textual as escape
from simulator.tui.app_api import SimuladorAppAPI, app_of
from simulator.tui.formador_views import (
    assignments_text,
    flags_detail,
    percent,
    sparkline,
)
from simulator.tui.views import fmt_when

if TYPE_CHECKING:
    from simulator.exam.models import ExamAttempt
    from simulator.services.dashboard import TraineeDrilldown
    from simulator.services.formador_desk import FormadorCallView
    from simulator.tui.screens.pin_modal import PinRequest

STATUS_NAMES = {
    "overdue": "VENCIDA",
    "pending": "pendiente",
    "done": "cumplida",
    "exhausted": "sin intentos",
}


class FormadorTraineeScreen(Screen[None]):
    """A trainee's summary, assignments and calls (newest first)."""

    CSS_PATH = "formador_trainee.tcss"
    BINDINGS = [
        Binding("enter", "open_call", "Revisar llamada"),
        Binding("p", "assign_pin", "Asignar PIN"),
        Binding("p", "reset_pin", "Restablecer PIN"),
        Binding("e", "focus_exams", "Autoevaluaciones"),
        Binding("escape", "app.pop_screen", "Volver"),
    ]

    def __init__(self, trainee_id: int, name: str) -> None:
        super().__init__()
        self.trainee_id = trainee_id
        self.trainee_name = name
        self.data: TraineeDrilldown | None = None
        self.exams: list[ExamRow] = []
        self.titles: dict[str, str] = {}  # scenario id → title (ids are not for people)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Cargando…", id="trainee-summary")
        yield Static("", id="trainee-assignments")
        yield Static(
            "Autoevaluaciones de certificación (E) — Enter abre el resultado, donde V la valida",
            id="exams-title",
            classes="pane-title",
        )
        yield DataTable(id="exams", cursor_type="row")
        yield Static("Llamadas calificadas — Enter abre la revisión", classes="pane-title")
        yield DataTable(id="calls", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Aprendiz: {clean(self.trainee_name)}"
        self.query_one("#exams-title").display = False  # shown when the trainee has attempts
        self.query_one("#exams", DataTable).display = False
        self.reload()

    def reload(self) -> None:
        self._load()

    def on_screen_resume(self) -> None:
        """Back from a call review or a self-assessment's validation: show what changed."""
        if self.data is not None:
            self.reload()

    @work(thread=True, exclusive=True, group="trainee")
    def _load(self) -> None:
        app = app_of(self)
        try:
            data = app.ready_services.desk.drilldown(app.current_trainee.id, self.trainee_id)
            exams = exam_rows(app, self.trainee_id)
            if not self.titles:
                form = app.ready_services.assignment_form()
                self.titles = {entry.scenario_id: entry.title for entry in form.scenarios}
        except SimuladorError as error:
            app.call_from_thread(self._failed, str(error))
            return
        app.call_from_thread(self._show_both, data, exams)

    def _show_both(self, data: TraineeDrilldown, exams: list[ExamRow]) -> None:
        """Calls and exams in one UI step: the screen never lays out with one and not the other."""
        self._show(data)
        self._show_exams(exams)

    def _failed(self, message: str) -> None:
        self.query_one("#trainee-summary", Static).update(f"[b $error]{escape(message)}[/]")

    def _show(self, data: TraineeDrilldown) -> None:
        self.data = data
        self.refresh_bindings()
        row = data.row
        pin = "PIN asignado" if data.trainee.has_password else "sin PIN"
        assignments = assignments_text(
            row.assignments_total, row.assignments_done, row.assignments_overdue
        )
        self.query_one("#trainee-summary", Static).update(
            f"[b]{escape(data.trainee.name)}[/b] · últimas {row.calls} llamadas · "
            f"PEC {percent(row.pec)} · PENC {percent(row.penc)} · "
            f"tendencia {sparkline(row.trend)} · asignaciones cumplidas {assignments} · {pin}\n"
            f"{escape(flags_detail(row))}"
        )
        lines = []
        for status in data.assignments:
            a = status.assignment
            due = f"vence {fmt_when(a.due_date)}" if a.due_date else "sin fecha"
            target = f"meta {a.target_score}" if a.target_score is not None else "sin meta"
            mode = "examen" if a.mode == "exam" else "práctica"
            best = (
                f"mejor {status.best_score}" if status.best_score is not None else "sin calificar"
            )
            used = plural_count(status.attempts_used, "intento usado")
            if a.max_attempts:
                used += f" de {a.max_attempts}"
            lines.append(
                f"• {escape(self.titles.get(a.scenario_id, a.scenario_id))} · {mode} · {due} · {target} · "
                f"{used} · {best} · "
                f"[b]{STATUS_NAMES.get(status.status, status.status)}[/b]"
            )
        self.query_one("#trainee-assignments", Static).update(
            "[b]Asignaciones[/b]\n" + "\n".join(lines) if lines else "Sin asignaciones."
        )
        table = self.query_one("#calls", DataTable)
        table.clear(columns=True)
        for label in ("Fecha", "Escenario", "Calificación", "Veredicto", "Errores críticos", ""):
            table.add_column(label)
        for call in data.calls:
            card = call.card
            table.add_row(
                fmt_when(call.started_at),
                clean(self.titles.get(call.scenario_id, call.scenario_id)),
                Text(str(card.overall), justify="right"),
                display("verdict", card.verdict),
                Text(str(len(card.critical_errors)), justify="right"),
                "corregida por formador" if call.overridden else "",
                key=str(call.call_id),
            )
        if not data.calls:
            table.add_row("—", "Todavía no tiene llamadas calificadas.", "", "", "", "")
        table.focus()

    def _show_exams(self, exams: list[ExamRow]) -> None:
        self.exams = exams
        table = self.query_one("#exams", DataTable)
        table.clear(columns=True)
        for label in ("N.º", "Iniciada", "Estado", "Resultado"):
            table.add_column(label)
        for row in exams:
            attempt = row.attempt
            table.add_row(
                Text(str(attempt.id), justify="right"),
                fmt_when(attempt.started_at),
                attempt.status_name,
                row.result,
                key=str(attempt.id),
            )
        self.query_one("#exams-title").display = table.display = bool(exams)
        table.refresh(layout=True)  # its height follows its rows (``height: auto``)
        self.refresh_bindings()

    def action_focus_exams(self) -> None:
        self.query_one("#exams", DataTable).focus()

    @on(DataTable.RowSelected, "#exams")
    def _exam_selected(self, event: DataTable.RowSelected) -> None:
        app_of(self).show_exam_verdict(int(str(event.row_key.value)), formador=True)

    @on(DataTable.RowSelected, "#calls")
    def _call_selected(self) -> None:
        self.action_open_call()

    def action_open_call(self) -> None:
        table = self.query_one("#calls", DataTable)
        if self.data is None or not self.data.calls or not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            self._open_call(int(key))

    @work(thread=True, exclusive=True, group="open-call")
    def _open_call(self, call_id: int) -> None:
        app = app_of(self)
        try:
            view = app.ready_services.desk.call(app.current_trainee.id, call_id)
        except SimuladorError as error:
            app.call_from_thread(self.notify, str(error), severity="error")
            return
        app.call_from_thread(self._push_call, view)

    def _push_call(self, view: FormadorCallView) -> None:
        from simulator.tui.screens.formador_call import FormadorCallScreen

        self.app.push_screen(FormadorCallScreen(view))

    # -- PIN ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Key p reads «Asignar PIN» for a trainee without PIN, «Restablecer PIN» otherwise; key e
        is there when the trainee has self-assessments."""
        if action == "focus_exams":
            return bool(self.exams)
        if action in ("assign_pin", "reset_pin"):
            if self.data is None:
                return False
            return self.data.trainee.has_password == (action == "reset_pin")
        return True

    def action_assign_pin(self) -> None:
        self._open_pin_modal()

    def action_reset_pin(self) -> None:
        self._open_pin_modal()

    def _open_pin_modal(self) -> None:
        from simulator.tui.screens.pin_modal import PinModal

        if self.data is None:
            return
        trainee = self.data.trainee
        self.app.push_screen(PinModal(trainee.name, trainee.has_password), self._pin_chosen)

    def _pin_chosen(self, request: PinRequest | None) -> None:
        if request is not None:
            self._save_pin(request.pin)

    @work(thread=True, exclusive=True, group="pin")
    def _save_pin(self, pin: str | None) -> None:
        app = app_of(self)
        try:
            trainee = app.ready_services.desk.set_pin(app.current_trainee.id, self.trainee_id, pin)
        except SimuladorError as error:
            app.call_from_thread(self.notify, str(error), severity="error")
            return
        name = clean(trainee.name)
        if pin is None:
            message = f"PIN de {name} quitado."
        else:
            message = f"PIN de {name} guardado; entréguelo en persona."
        app.call_from_thread(self.notify, message)
        app.call_from_thread(self.reload)


@dataclass(frozen=True)
class ExamRow:
    attempt: ExamAttempt
    result: str  # «Competente», «Todavía no competente» or «—» while in progress


def exam_rows(app: SimuladorAppAPI, trainee_id: int) -> list[ExamRow]:
    """The trainee's self-assessments, newest first, with the verdict of the finished ones."""
    exam = app.ready_services.exam
    viewer = app.current_trainee.id
    rows = []
    for attempt in exam.attempts(trainee_id):
        result = "—"
        if attempt.status != "en_curso":
            competent = exam.report(attempt.id, viewer).verdict.competent
            result = "Competente" if competent else "Todavía no competente"
        rows.append(ExamRow(attempt, result))
    return rows
