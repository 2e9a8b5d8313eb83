"""Home: assigned scenarios first, then the library, with filters and the suggested drill."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, Static

from simulator.language.display import display, names
from simulator.language.safe_text import clean, escape_textual
from simulator.models.scorecard import SKILL_KEYS
from simulator.tui.app_api import app_of
from simulator.tui.views import KIND_KEYS, HomeView, LibraryRow, drill_note, home_view

DIFFICULTY_NAMES = {1: "Básica", 2: "Intermedia", 3: "Avanzada"}


def difficulty_dots(level: int) -> str:
    return "●" * level + "○" * (3 - level)


class HomeScreen(Screen[None]):
    """The scenario library; Enter on a row asks persona/seed/mode and starts the call."""

    CSS_PATH = "home.tcss"
    AUTO_FOCUS = "#library"
    BINDINGS = [
        ("enter", "start", "Practicar"),
        ("s", "suggested", "Sugerida"),
        ("p", "app.progress", "Progreso"),
        ("x", "clear_filters", "Quitar filtros"),
    ]

    table = getters.query_one("#library", DataTable)
    banner = getters.query_one("#suggestion", Static)

    def __init__(self) -> None:
        super().__init__()
        self.view = HomeView(rows=[])
        self._loading_generation = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="suggestion")
        with Horizontal(id="filters"):
            yield Select(
                [(display("scenario_kind", k), k) for k in KIND_KEYS],
                prompt="Tipo",
                id="f-kind",
            )
            yield Select(
                [(v, k) for k, v in names("customer_type").items()],
                prompt="Cliente",
                id="f-ctype",
            )
            yield Select(
                [(f"{difficulty_dots(k)} {v}", k) for k, v in DIFFICULTY_NAMES.items()],
                prompt="Dificultad",
                id="f-diff",
            )
            yield Select(
                [(display("skill", k), k) for k in SKILL_KEYS],
                prompt="Destreza",
                id="f-skill",
            )
        yield DataTable(id="library", cursor_type="row", zebra_stripes=True)
        yield Static("", id="home-empty")
        yield Static("", id="row-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.table.add_column(" ", key="mark", width=2)
        self.table.add_column("Escenario", key="title", width=self._title_width())
        self.table.add_column("Tipo", key="kind", width=15)
        self.table.add_column("Cliente", key="ctype", width=11)
        self.table.add_column("Dif.", key="diff")
        self.refresh_data()

    # ----------------------------------------------------------------- data

    def refresh_data(self) -> None:
        self._loading_generation += 1
        self._load(self._loading_generation)

    @work(thread=True, exclusive=True, group="home")
    def _load(self, generation: int) -> None:
        from simulator.errors import SimuladorError

        app = app_of(self)
        try:
            data = app.ready_services.home(app.current_trainee.id)
        except SimuladorError as error:
            app.call_from_thread(self.notify, str(error), severity="error")
            return
        view = home_view(data)
        app.call_from_thread(self._loaded, generation, view)

    def _loaded(self, generation: int, view: HomeView) -> None:
        if generation != self._loading_generation:  # a newer load is on its way
            return
        self.view = view
        if view.pending:
            self.banner.update(
                f"[b]Tiene {view.pending} llamada(s) sin terminar.[/b] "
                "Ctrl+P → «Llamadas pendientes» para reanudarlas o calificarlas."
            )
        elif view.suggestion:
            self.banner.update(
                f"➜ Práctica sugerida: [b]{escape_textual(view.suggestion)}[/b]  (tecla S)"
            )
        else:
            assigned = sum(1 for r in view.rows if r.assigned)
            extra = f"  ★ = asignado ({assigned})" if assigned else ""
            self.banner.update(f"Elija un escenario y presione Enter para practicar.{extra}")
        self._fill_table()

    def _filters(self) -> tuple[str | None, str | None, int | None, str | None]:
        """Kind, customer type, difficulty and skill chosen in the filters (None = any)."""

        def chosen(select_id: str) -> Any:  # the option values given in ``compose``
            value = self.query_one(select_id, Select).value
            return None if value is Select.NULL else value

        return chosen("#f-kind"), chosen("#f-ctype"), chosen("#f-diff"), chosen("#f-skill")

    def visible_rows(self) -> list[LibraryRow]:
        kind, ctype, diff, skill = self._filters()
        return [r for r in self.view.rows if r.matches(kind, ctype, diff, skill)]

    def _title_width(self) -> int:
        # mark 2, kind 15, customer 11, difficulty 4, cell padding 10, scrollbar 2
        return max(24, min(60, self.size.width - 44))

    def on_resize(self) -> None:
        if self.table.columns:
            self._fill_table()

    def _fill_table(self) -> None:
        table = self.table
        width = self._title_width()
        column = table.columns.get("title")  # type: ignore[call-overload]
        if column is not None and column.width != width:
            column.width = width
        table.clear()
        rows = self.visible_rows()
        for row in rows:
            mark = "★" if row.assigned else ("➜" if row.suggested else "")
            title = clean(row.title)
            title = title if len(title) <= width else title[: width - 1] + "…"
            style = "bold" if (row.suggested or row.assigned) else ""
            cells = [
                mark,
                title,
                display("scenario_kind", row.kind),
                display("customer_type", row.customer_type).split(" (")[0],
                difficulty_dots(row.difficulty),
            ]
            table.add_row(*[Text(clean(c), style=style) for c in cells], key=row.scenario_id)
        empty = self.query_one("#home-empty", Static)
        empty.display = not rows
        empty.update(
            "No hay escenarios con esos filtros. Presione X para quitarlos."
            if self.view.rows
            else "Cargando la biblioteca…"
        )

    @on(DataTable.RowHighlighted, "#library")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        row = self.row_for(str(event.row_key.value))
        detail = self.query_one("#row-detail", Static)
        if row is None:
            detail.update("")
            return
        parts = [f"[b]{escape_textual(row.title)}[/b]\n"]
        if row.assigned:
            due = f" · vence {escape_textual(row.due)}" if row.due else ""
            goal = f" · meta {row.target}" if row.target else ""
            state = (
                " · [red]vencida[/]"
                if row.overdue
                else (" · [green]cumplida[/]" if row.done else "")
            )
            parts.append(f"[b]★ Asignado[/b]{due}{goal}{state}")
        if row.suggested:
            parts.append("[b]➜ Práctica sugerida[/b]")
        skills = escape_textual(", ".join(display("skill", s) for s in row.skills) or "—")
        parts.append(f"Entrena: {skills}")
        detail.update("  ".join(parts))

    @on(Select.Changed)
    def _filter_changed(self) -> None:
        self._fill_table()

    def preset_filters(
        self,
        *,
        kind: str | None = None,
        customer_type: str | None = None,
        difficulty: int | None = None,
    ) -> None:
        values: tuple[tuple[str, str | int | None], ...] = (
            ("#f-kind", kind),
            ("#f-ctype", customer_type),
            ("#f-diff", difficulty),
        )
        for select_id, value in values:
            select: Select[Any] = self.query_one(select_id, Select)
            select.value = value if value is not None else Select.NULL
        self.query_one("#f-skill", Select).value = Select.NULL

    def row_for(self, scenario_id: str) -> LibraryRow | None:
        for row in self.view.rows:
            if row.scenario_id == scenario_id:
                return row
        return None

    # ----------------------------------------------------------------- actions

    def action_clear_filters(self) -> None:
        self.preset_filters()
        self.table.focus()

    @on(DataTable.RowSelected, "#library")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        app_of(self).choose_call(str(event.row_key.value))

    def action_start(self) -> None:
        if not self.table.row_count:
            return
        key = self.table.coordinate_to_cell_key(self.table.cursor_coordinate).row_key
        app_of(self).choose_call(str(key.value))

    def action_suggested(self) -> None:
        for row in self.view.rows:
            if row.suggested:
                drill = self.view.drill
                persona = drill.persona_id if drill is not None else None
                app_of(self).choose_call(row.scenario_id, persona, drill_note(drill))
                return
        self.notify("Aún no hay práctica sugerida: haga una llamada primero.")
