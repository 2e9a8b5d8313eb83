"""The exam plan: what the certification self-assessment evaluates and how, before it starts.

Texts come from the exam plan (``simulator/exam/es/plan.yaml``) through the exam service. «Comenzar»
draws a new attempt; with an attempt in progress the button reads «Reanudar» and the screen says
which parts are done. The trainee's earlier attempts are listed; Enter opens one's result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Static

from simulator.errors import SimuladorError
from simulator.language.safe_text import escape_textual as escape
from simulator.tui.app_api import app_of
from simulator.tui.exam_views import parts_done_text, plan_markup
from simulator.tui.views import fmt_when

if TYPE_CHECKING:
    from simulator.exam.models import ExamAttempt
    from simulator.exam.plan import ExamPlan


class ExamPlanScreen(Screen[None]):
    """Plan texts, the attempt in progress (if any), earlier attempts, «Comenzar» / «Reanudar»."""

    CSS_PATH = "exam_plan.tcss"
    AUTO_FOCUS = "#begin"
    BINDINGS = [
        Binding("c", "begin", "Comenzar"),
        Binding("escape", "app.pop_screen", "Volver"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.plan: ExamPlan | None = None
        self.current: ExamAttempt | None = None
        self.attempts: list[ExamAttempt] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="plan-scroll"):
            yield Static("Cargando el plan de la evaluación…", id="plan-text")
        yield Static("", id="plan-current")
        yield Static("Sus autoevaluaciones — Enter abre el resultado", id="attempts-title")
        yield DataTable(id="attempts", cursor_type="row")
        with Horizontal(id="plan-buttons"):
            yield Button("Comenzar", id="begin", variant="primary", disabled=True)
            yield Button("Volver", id="back")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Autoevaluación de certificación"
        self.query_one("#attempts-title").display = False
        table = self.query_one("#attempts", DataTable)
        table.display = False
        for label in ("N.º", "Iniciada", "Estado", "Partes"):
            table.add_column(label)
        self._load()

    @work(thread=True, exclusive=True, group="exam-plan")
    def _load(self) -> None:
        app = app_of(self)
        try:
            exam = app.ready_services.exam
            trainee = app.current_trainee.id
            plan, attempts = exam.plan(), exam.attempts(trainee)
        except SimuladorError as error:
            app.call_from_thread(self._failed, str(error))
            return
        app.call_from_thread(self._show, plan, attempts)

    def _failed(self, message: str) -> None:
        self.query_one("#plan-text", Static).update(f"[b $error]{escape(message)}[/]")

    def _show(self, plan: ExamPlan, attempts: list[ExamAttempt]) -> None:
        self.plan, self.attempts = plan, attempts
        self.current = next((a for a in attempts if a.status == "en_curso"), None)
        self.query_one("#plan-text", Static).update(plan_markup(plan))
        begin = self.query_one("#begin", Button)
        begin.disabled = False
        current = self.query_one("#plan-current", Static)
        if self.current is not None:
            begin.label = "Reanudar"
            current.update(
                f"[b]Tiene una autoevaluación en curso[/b] (n.º {self.current.id}, iniciada el "
                f"{fmt_when(self.current.started_at)}): {parts_done_text(self.current)}.\n"
                "Presione «Reanudar» (C) para seguir donde se quedó."
            )
        else:
            begin.label = "Comenzar"
            current.update("Cuando esté listo, presione «Comenzar» (C).")
        finished = [a for a in attempts if a.status != "en_curso"]
        table = self.query_one("#attempts", DataTable)
        table.clear()
        for attempt in finished:
            parts = sum(s.call_id is not None for s in attempt.slots) + (
                attempt.answers is not None
            )
            table.add_row(
                Text(str(attempt.id), justify="right"),
                fmt_when(attempt.started_at),
                attempt.status_name,
                f"{parts} de {len(attempt.slots) + 1}",
                key=str(attempt.id),
            )
        table.display = bool(finished)
        table.refresh(layout=True)  # its height follows its rows (``height: auto``)
        self.query_one("#attempts-title").display = bool(finished)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "begin":
            return self.plan is not None
        return True

    @on(Button.Pressed, "#begin")
    def action_begin(self) -> None:
        if self.plan is None:
            return
        app = app_of(self)
        if self.current is not None:
            app.show_exam_progress(self.current.id)
        else:
            app.begin_exam()

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.app.pop_screen()

    @on(DataTable.RowSelected, "#attempts")
    def _attempt_selected(self, event: DataTable.RowSelected) -> None:
        app_of(self).show_exam_verdict(int(str(event.row_key.value)))
