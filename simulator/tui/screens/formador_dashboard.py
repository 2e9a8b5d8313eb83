"""The formador's dashboard: pick a cohort, see its trainees × elements heatmap (``d``: × skills), PEC/PENC,
assignments, trends and flags; Enter on a trainee opens their calls.

Every figure comes from ``FormadorDesk.dashboard`` (``services/dashboard.py``), loaded in a worker;
the screen only shows it. Empty states tell the formador which command creates what is missing.
"""

from __future__ import annotations

from importlib.util import find_spec
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Select, Static

from simulator.errors import SimuladorError
from simulator.language.plural import count as plural_count
from simulator.language.safe_text import clean
from simulator.language.safe_text import escape_textual as escape
from simulator.tui.app_api import app_of
from simulator.tui.formador_views import (
    assignments_text,
    flags_detail,
    formador_labels,
    percent,
)
from simulator.tui.widgets.heatmap import CohortHeatmap

if TYPE_CHECKING:
    from simulator.services.dashboard import CohortDashboard
    from simulator.services.formador import CohortInfo


def _assign_screen_available() -> bool:
    """The assignment screen (``screens/assign.py``) is built by another part of the app."""
    return find_spec("simulator.tui.screens.assign") is not None


class FormadorDashboardScreen(Screen[None]):
    """Cohort picker, heatmap, cohort totals, legend and the highlighted trainee's flags."""

    CSS_PATH = "formador_dashboard.tcss"
    BINDINGS = [
        Binding("enter", "open_trainee", "Ver aprendiz"),
        Binding("c", "pick_cohort", "Cohorte"),
        Binding("d", "toggle_view", "Destrezas/Desempeños"),
        Binding("l", "calibration", "Calibración"),
        Binding("a", "assign", "Asignar"),
        Binding("r", "reload", "Actualizar"),
        Binding("escape", "app.switch_user", "Salir"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.cohorts: list[CohortInfo] = []
        self.board: CohortDashboard | None = None
        self._request = 0
        self._filling = False
        self.view = "elements"  # or "skills": the heatmap's columns

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="dash-top"):
            yield Label("Cohorte:", id="cohort-label")
            yield Select[int]([], id="cohort", prompt="Elija una cohorte", allow_blank=True)
            yield Static("Enter en un aprendiz: ver sus llamadas y revisarlas.", id="dash-hint")
        yield Static("Cargando…", id="summary")
        yield Static("", id="dash-empty")
        yield CohortHeatmap(id="heatmap")
        yield Static("", id="trainee-flags")
        yield Static(formador_labels()["legend"], id="legend")
        yield Static(formador_labels()["flags_help"], id="flags-help")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Tablero del formador"
        self.query_one("#dash-empty").display = False
        self.reload()

    # ----------------------------------------------------------------- loading

    def reload(self, cohort_id: int | None = None) -> None:
        self._request += 1
        self._load(self._request, cohort_id if cohort_id is not None else self.current_cohort)

    @property
    def current_cohort(self) -> int | None:
        value = self.query_one("#cohort", Select).value
        return value if isinstance(value, int) else None

    @work(thread=True, exclusive=True, group="dashboard")
    def _load(self, request: int, cohort_id: int | None) -> None:
        app = app_of(self)
        try:
            actor = app.current_trainee.id
            desk = app.ready_services.desk
            cohorts = desk.cohorts(actor)
            if cohort_id is None or all(c.id != cohort_id for c in cohorts):
                cohort_id = cohorts[0].id if cohorts else None
            board = desk.dashboard(actor, cohort_id) if cohort_id is not None else None
        except SimuladorError as error:
            app.call_from_thread(self._failed, request, str(error))
            return
        app.call_from_thread(self._show, request, cohorts, board)

    def _failed(self, request: int, message: str) -> None:
        if request == self._request:
            self.query_one("#summary", Static).update(f"[b $error]{escape(message)}[/]")

    def _show(self, request: int, cohorts: list[CohortInfo], board: CohortDashboard | None) -> None:
        if request != self._request:  # a newer request is on its way
            return
        self.cohorts = cohorts
        self.board = board
        select = self.query_one("#cohort", Select)
        self._filling = True
        select.set_options([(clean(c.name), c.id) for c in cohorts])
        if board is not None:
            select.value = board.cohort_id
        self._filling = False
        heatmap = self.query_one("#heatmap", CohortHeatmap)
        empty = self.query_one("#dash-empty", Static)
        formador = clean(app_of(self).current_trainee.name)
        if board is None:
            heatmap.clear(columns=True)
            heatmap.display = False
            empty.update(escape(formador_labels()["empty_no_cohorts"].format(formador=formador)))
            empty.display = True
            self.query_one("#summary", Static).update("Sin cohortes.")
            self.query_one("#trainee-flags", Static).update("")
            return
        self.query_one("#summary", Static).update(self._summary(board))
        if not board.rows:
            heatmap.clear(columns=True)
            heatmap.display = False
            text = formador_labels()["empty_no_members"]
            empty.update(escape(text.format(cohort=clean(board.cohort_name), formador=formador)))
            empty.display = True
            self.query_one("#trainee-flags", Static).update("")
            return
        empty.display = False
        heatmap.display = True
        heatmap.show(board, self.view)
        heatmap.focus()
        self._show_flags()

    def _summary(self, board: CohortDashboard) -> str:
        assignments = assignments_text(
            board.assignments_total, board.assignments_done, board.assignments_overdue
        )
        members = plural_count(len(board.rows), "aprendiz")
        return (
            f"[b]Cohorte «{escape(board.cohort_name)}»[/b] · {members} · "
            f"PEC {percent(board.pec)} · PENC {percent(board.penc)} · "
            f"asignaciones cumplidas {assignments}"
        )

    def _show_flags(self) -> None:
        row = self.query_one("#heatmap", CohortHeatmap).row_at_cursor()
        text = "" if row is None else f"[b]{escape(row.name)}[/b]: {escape(flags_detail(row))}"
        self.query_one("#trainee-flags", Static).update(text)

    # ----------------------------------------------------------------- events and actions

    @on(Select.Changed, "#cohort")
    def _cohort_changed(self, event: Select.Changed) -> None:
        if self._filling or not isinstance(event.value, int):
            return
        if self.board is not None and self.board.cohort_id == event.value:
            return
        self.reload(event.value)

    @on(DataTable.RowHighlighted, "#heatmap")
    def _row_highlighted(self) -> None:
        self._show_flags()

    @on(DataTable.RowSelected, "#heatmap")
    def _row_selected(self) -> None:
        self.action_open_trainee()

    def action_open_trainee(self) -> None:
        from simulator.tui.screens.formador_trainee import FormadorTraineeScreen

        row = self.query_one("#heatmap", CohortHeatmap).row_at_cursor()
        if row is None:
            self.notify("No hay aprendices en esta cohorte.", severity="warning")
            return
        self.app.push_screen(FormadorTraineeScreen(row.trainee_id, row.name))

    def action_toggle_view(self) -> None:
        """Switch the heatmap between the seven desempeños and the nine destrezas."""
        self.view = "skills" if self.view == "elements" else "elements"
        legend = formador_labels()["legend_skills" if self.view == "skills" else "legend"]
        self.query_one("#legend", Static).update(legend)
        heatmap = self.query_one("#heatmap", CohortHeatmap)
        if self.board is not None and self.board.rows:
            row = heatmap.cursor_row
            heatmap.show(self.board, self.view)
            heatmap.move_cursor(row=row)

    def action_pick_cohort(self) -> None:
        self.query_one("#cohort", Select).focus()

    def action_reload(self) -> None:
        self.reload()

    def action_calibration(self) -> None:
        from simulator.tui.screens.formador_calibration import FormadorCalibrationScreen

        self.app.push_screen(FormadorCalibrationScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "assign":
            return _assign_screen_available()
        return True

    def action_assign(self) -> None:
        from importlib import import_module

        if not _assign_screen_available():
            return
        screen = import_module("simulator.tui.screens.assign").AssignScreen()
        self.app.push_screen(screen)
