"""Home: the trainee's assignments first, then the library, with filters and the suggested drill.

The «Mis asignaciones» table is shown only when the trainee has assignments (otherwise the home is
the library alone); Enter on one starts its scenario in the assignment's mode (and persona, if it
fixes one), so the call counts as an attempt. An exam with no attempts left cannot be started.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, Static

from simulator.language.display import display, names
from simulator.language.plural import count as plural_count
from simulator.language.safe_text import clean, escape_textual
from simulator.models.scorecard import SKILL_KEYS
from simulator.tui import views
from simulator.tui.app_api import app_of
from simulator.tui.assignment_rows import assignment_rows, blocked_message, detail_text, start_note
from simulator.tui.views import KIND_KEYS, HomeView, LibraryRow, drill_note, home_view
from simulator.tui.widgets.exam_entry import ExamEntry

if TYPE_CHECKING:
    from simulator.services.results import AssignmentItem
    from simulator.tui.views import CallRequest

DIFFICULTY_NAMES = {1: "Básica", 2: "Intermedia", 3: "Avanzada"}


def difficulty_dots(level: int) -> str:
    return "●" * level + "○" * (3 - level)


class HomeScreen(Screen[None]):
    """The scenario library; Enter on a row asks persona/seed/mode and starts the call."""

    CSS_PATH = "home.tcss"
    AUTO_FOCUS = "#library"
    BINDINGS = [
        ("enter", "start", "Practicar"),
        Binding("s", "suggested", "Sugerida", show=False),  # the banner says «(tecla S)»
        ("p", "app.progress", "Progreso"),
        ("x", "clear_filters", "Quitar filtros"),
        Binding("e,E", "app.exam", "Autoevaluación", show=False),  # named by the exam entry
        ("a", "focus_assignments", "Asignaciones"),
        Binding("b", "focus_library", "Biblioteca", show=False),  # named in the table's title
        Binding("escape", "app.sign_out", "Salir"),  # asked first: the next person's station
    ]

    table = getters.query_one("#library", DataTable)
    assigned = getters.query_one("#assignments", DataTable)
    banner = getters.query_one("#suggestion", Static)

    def __init__(self) -> None:
        super().__init__()
        self.view = HomeView(rows=[])
        self._loading_generation = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="suggestion")
        yield Static(
            "[b]Mis asignaciones[/b] — Enter: iniciar · B: biblioteca", id="assignments-title"
        )
        yield DataTable(id="assignments", cursor_type="row")
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
        yield ExamEntry()
        yield Footer(compact=True)  # room for «esc Salir» and F1 at 80 columns

    def on_screen_resume(self) -> None:  # the practice day next to the trainee's name
        self.sub_title = views.home_subtitle(self.app.sub_title)

    def on_mount(self) -> None:
        self.query_one("#assignments-title").display = False
        self.assigned.display = False
        for label, key, width in (
            ("Estado", "status", 10),
            ("Escenario", "title", self._assignment_title_width()),
            ("Modo", "mode", 8),
            ("Vence", "due", 10),
            ("Meta", "target", 4),
            ("Intentos", "attempts", 12),
        ):
            self.assigned.add_column(label, key=key, width=width)
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
                f"[b]Tiene {plural_count(view.pending, 'llamada sin terminar')}.[/b] "
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
        self._fill_assignments()
        self._fill_table()
        self.refresh_bindings()

    def _fill_assignments(self) -> None:
        """The assignments table, above the library; hidden when there are none."""
        table = self.assigned
        rows = assignment_rows(self.view.assignments)
        first_time = not table.display and not table.row_count
        width = self._assignment_title_width()
        column = table.columns.get("title")  # type: ignore[call-overload]
        if column is not None and column.width != width:
            column.width = width
        table.clear()
        for row in rows:
            cells = list(row.cells())
            title = clean(cells[1])
            cells[1] = title if len(title) <= width else title[: width - 1] + "…"
            table.add_row(
                *[Text(clean(c), style=row.style) for c in cells], key=str(row.assignment_id)
            )
        table.display = bool(rows)
        self.query_one("#assignments-title").display = bool(rows)
        if rows and first_time and self.focused is self.table:
            table.focus()  # the trainee's assignments come first

    def _assignment_title_width(self) -> int:
        # status 10, mode 8, due 10, target 4, attempts 12, cell padding 12, scrollbar 2
        return max(16, min(76, self.size.width - 58))

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
        return max(24, min(76, self.size.width - 44))

    def on_resize(self) -> None:
        if self.table.columns:
            self._fill_assignments()
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

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        self._show_detail()

    def on_descendant_focus(self) -> None:
        self._show_detail()

    def _cursor_key(self, table: DataTable[Any]) -> str | None:
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _show_detail(self) -> None:
        """About the highlighted assignment (when its table has focus) or library row."""
        detail = self.query_one("#row-detail", Static)
        if self.assigned.has_focus:
            key = self._cursor_key(self.assigned)
            item = self.assignment_for(int(key)) if key is not None else None
            detail.update(escape_textual(detail_text(item)) if item is not None else "")
            return
        key = self._cursor_key(self.table)
        row = self.row_for(key) if key is not None else None
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_assignments":
            return bool(self.view.assignments)  # no assignments: the home as before
        return True

    def action_focus_assignments(self) -> None:
        if self.assigned.display:
            self.assigned.focus()

    def action_focus_library(self) -> None:
        self.table.focus()

    def action_clear_filters(self) -> None:
        self.preset_filters()
        self.table.focus()

    @on(DataTable.RowSelected, "#library")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        app_of(self).choose_call(str(event.row_key.value))

    def assignment_for(self, assignment_id: int) -> AssignmentItem | None:
        for item in self.view.assignments:
            if item.assignment_id == assignment_id:
                return item
        return None

    @on(DataTable.RowSelected, "#assignments")
    def _assignment_selected(self, event: DataTable.RowSelected) -> None:
        self.start_assignment(int(str(event.row_key.value)))

    def start_assignment(self, assignment_id: int) -> None:
        """Ask the seed (mode and persona fixed by the assignment), then start its call; an exam
        with no attempts left is refused with a Spanish message."""
        from simulator.errors import SimuladorError
        from simulator.tui.screens.start_call import StartCallModal
        from simulator.tui.views import persona_choices

        item = self.assignment_for(assignment_id)
        if item is None:
            return
        if not item.can_start:
            self.notify(blocked_message(item), severity="error")
            return
        row = self.row_for(item.scenario_id)
        if row is None:
            self.notify(
                f"El escenario «{item.scenario_id}» ya no está en la biblioteca; "
                "avise a su formador.",
                severity="error",
            )
            return
        app = app_of(self)
        try:
            names = persona_choices(app.ready_services.library.personas)
        except SimuladorError:
            names = {}

        def chosen(request: CallRequest | None) -> None:
            if request is not None:
                app.start_call(request)

        modal = StartCallModal(
            row,
            names,
            persona_id=item.persona_id,
            note=start_note(item),
            fixed_mode=item.mode,
            fixed_persona=item.persona_id is not None,
        )
        self.app.push_screen(modal, chosen)

    def action_start(self) -> None:
        if self.assigned.has_focus and self.assigned.row_count:
            key = self.assigned.coordinate_to_cell_key(self.assigned.cursor_coordinate).row_key
            self.start_assignment(int(str(key.value)))
            return
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
