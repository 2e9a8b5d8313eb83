"""Progress: the trainee's calls over time, a chart per skill, PEC/PENC and the faults that repeat."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.table import Table
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Select, Static
from textual_plotext import PlotextPlot

from simulator.language.display import display
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
            yield Static("Llamadas", classes="section-title")
            yield Static("", id="calls")
            yield Static("Faltas que se repiten", classes="section-title")
            yield Static("", id="faults")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Progreso"
        self._load()

    @work(thread=True, exclusive=True, group="progress")
    def _load(self) -> None:
        app: Any = self.app
        data = app.services.progress(app.trainee.id)
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
        self.query_one("#calls", Static).update(self._calls_table())
        faults = view.repeated
        self.query_one("#faults", Static).update(
            "\n".join(f"• {escape(f)}" for f in faults) if faults else "Ninguna falta se repite."
        )

    def _calls_table(self) -> Table | str:
        if not self.view.calls:
            return "—"
        table = Table(box=None, pad_edge=False, show_edge=False)
        table.add_column("Fecha", no_wrap=True)
        table.add_column("Escenario")
        table.add_column("Calif.", justify="right")
        table.add_column("Veredicto")
        for when, title, score, verdict in reversed(self.view.calls):
            table.add_row(when, title, str(score), verdict)
        return table

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
            xs = [p[0] for p in points]
            plt.plot(xs, [p[1] for p in points], marker="braille")
            plt.scatter(xs, [p[1] for p in points], marker="dot")
            plt.xticks(xs)
        chart.refresh()
