"""Progress: the trainee's calls over time, a chart per skill, PEC/PENC and the faults that repeat."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, Static
from textual_plotext import PlotextPlot

from simulator.language.display import display
from simulator.language.safe_text import clean
from simulator.language.safe_text import escape_textual as escape
from simulator.tui.app_api import app_of
from simulator.tui.views import ProgressView, percent, progress_view

OVERALL = "__overall__"


class ProgressScreen(Screen[None]):
    CSS_PATH = "progress.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Volver")]

    def __init__(self) -> None:
        super().__init__()
        self.view = ProgressView()

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="progress"):
            yield Static("Cargando su progreso…", id="summary")
            yield Select([("Calificación general", OVERALL)], id="series", allow_blank=False)
            yield PlotextPlot(id="chart")
            yield Static("Llamadas (Enter abre sus resultados)", classes="section-title")
            yield DataTable(id="calls", cursor_type="row", zebra_stripes=True)
            yield Static("Faltas que se repiten", classes="section-title")
            yield Static("", id="faults")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Progreso"
        self._load()

    @work(thread=True, exclusive=True, group="progress")
    def _load(self) -> None:
        from simulator.errors import SimuladorError

        app = app_of(self)
        try:
            data = app.ready_services.progress(app.current_trainee.id)
        except SimuladorError as error:
            app.call_from_thread(self.notify, str(error), severity="error")
            return
        app.call_from_thread(self._loaded, progress_view(data))

    def _loaded(self, view: ProgressView) -> None:
        self.view = view
        summary = self.query_one("#summary", Static)
        if not view.calls:
            summary.update("Aún no tiene llamadas calificadas. ¡Haga su primera práctica!")
        else:
            last = view.overall[-1]
            best = max(view.overall)
            summary.update(
                f"Llamadas calificadas: [b]{len(view.calls)}[/b] · última: [b]{last}[/b] · "
                f"mejor: [b]{best}[/b]\n"
                f"PEC (sin error crítico): [b]{percent(view.pec)}[/b] · "
                f"PENC (puntos no críticos cumplidos): [b]{percent(view.penc)}[/b]"
            )
        options = [("Calificación general", OVERALL)] + [
            (display("skill", key), key)
            for key, values in view.series.items()
            if any(v is not None for v in values)
        ]
        select = self.query_one("#series", Select)
        select.set_options(options)
        select.value = OVERALL
        self._draw(OVERALL)
        self._fill_calls()
        faults = view.repeated
        self.query_one("#faults", Static).update(
            "\n".join(f"• {escape(f)}" for f in faults) if faults else "Ninguna falta se repite."
        )

    def _fill_calls(self) -> None:
        table = self.query_one("#calls", DataTable)
        table.clear(columns=True)
        table.add_columns("Fecha", "Escenario", "Calif.", "Veredicto")
        rows = list(zip(self.view.calls, self.view.call_ids, strict=False))
        # date 16, score 6, verdict 21, cell padding 8, scrollbar 2 and the screen's padding
        width = max(24, min(76, self.size.width - 55))
        for (when, title, score, verdict), call_id in reversed(rows):
            title = clean(title)
            short = title if len(title) <= width else title[: width - 1] + "…"
            key = str(call_id)
            cells = (when, short, str(score), verdict)
            table.add_row(*(Text(clean(cell)) for cell in cells), key=key)
        table.display = bool(rows)

    @on(DataTable.RowSelected, "#calls")
    def _call_chosen(self, event: DataTable.RowSelected) -> None:
        key = str(event.row_key.value)
        if key.isdigit():
            self._open_call(int(key))

    @work(thread=True, exclusive=True, group="open-call")
    def _open_call(self, call_id: int) -> None:
        app = app_of(self)
        try:
            saved = app.ready_services.calls.get(call_id)
        except Exception as error:
            app.call_from_thread(self.notify, str(error), severity="error")
            return
        app.call_from_thread(app.show_results, saved, None)

    @on(Select.Changed, "#series")
    def _series_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL:
            self._draw(str(event.value))

    def _draw(self, key: str) -> None:
        chart = self.query_one("#chart", PlotextPlot)
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        if key == OVERALL:
            values: list[int | None] = list(self.view.overall)
            name = "Calificación general"
        else:
            values = list(self.view.series.get(key, []))
            name = display("skill", key)
        points = [(i, v) for i, v in enumerate(values, start=1) if v is not None]
        plt.title(name)
        plt.ylim(0, 100)
        plt.xlabel("llamada")
        if points:
            xs: list[float] = [p[0] for p in points]
            plt.plot(xs, [p[1] for p in points], marker="braille")
            plt.scatter(xs, [p[1] for p in points], marker="dot")
            plt.xticks(xs)
        chart.refresh()
