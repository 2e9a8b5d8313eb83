"""The calibration log: per rule, how many judgements formadores reviewed, agreed with and
overturned; the most overturned rules are on top (``FormadorDesk.calibration``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from simulator.errors import SimuladorError
from simulator.language.safe_text import escape_textual as escape
from simulator.tui.app_api import app_of
from simulator.tui.formador_views import kind_name, rule_name

if TYPE_CHECKING:
    from simulator.services.formador import CalibrationRow

EXPLANATION = (
    "Cada fila es una regla del evaluador. Revisados: juicios que un formador revisó; "
    "de acuerdo: los confirmó; corregidos: los cambió. Arriba, las reglas más corregidas."
)


class FormadorCalibrationScreen(Screen[None]):
    """A table of rules, most overturned first."""

    CSS_PATH = "formador_calibration.tcss"
    BINDINGS = [
        Binding("r", "reload", "Actualizar"),
        Binding("escape", "app.pop_screen", "Volver"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[CalibrationRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(EXPLANATION, id="calibration-help")
        yield Static("", id="calibration-empty")
        yield DataTable(id="calibration", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Bitácora de calibración"
        self.query_one("#calibration-empty").display = False
        self._load()

    def action_reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="calibration")
    def _load(self) -> None:
        app = app_of(self)
        try:
            rows = app.ready_services.desk.calibration(app.current_trainee.id)
        except SimuladorError as error:
            app.call_from_thread(self._failed, str(error))
            return
        app.call_from_thread(self._show, rows)

    def _failed(self, message: str) -> None:
        empty = self.query_one("#calibration-empty", Static)
        empty.update(f"[b $error]{escape(message)}[/]")
        empty.display = True

    def _show(self, rows: list[CalibrationRow]) -> None:
        self.rows = rows
        table = self.query_one("#calibration", DataTable)
        table.clear(columns=True)
        empty = self.query_one("#calibration-empty", Static)
        if not rows:
            empty.update(
                "Todavía no hay juicios revisados. Abra una llamada desde el tablero "
                "(Enter en un aprendiz, Enter en una llamada) y presione C para corregir o "
                "confirmar un juicio."
            )
            empty.display = True
            table.display = False
            return
        empty.display = False
        table.display = True
        for label in ("Regla", "Tipo", "Revisados", "De acuerdo", "Corregidos"):
            table.add_column(label)
        for row in rows:
            table.add_row(
                rule_name(row.kind, row.code),
                kind_name(row.kind),
                Text(str(row.reviewed), justify="right"),
                Text(str(row.agreed), justify="right"),
                Text(str(row.overturned), justify="right", style="bold" if row.overturned else ""),
                key=f"{row.kind}:{row.code}",
            )
        table.focus()
