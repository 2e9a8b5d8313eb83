"""The cohort heatmap: one row per trainee, one column per element of the standard (or, in the
skills view, per destreza), plus calls, PEC, PENC, assignments, the trend of the last calls and the
flags.

A ``DataTable`` (row cursor; Enter selects a trainee). Cells carry a symbol and a percentage as
well as a colour (``formador_views.heat_cell``), so the map reads without colour. It only shows
what ``CohortDashboard`` already computed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import DataTable

from simulator.language.safe_text import clean
from simulator.tui.formador_views import (
    assignments_text,
    element_header,
    flags_short,
    heat_cell,
    percent,
    skill_cell,
    skill_header,
    sparkline,
)

if TYPE_CHECKING:
    from simulator.services.dashboard import CohortDashboard, TraineeRow


class CohortHeatmap(DataTable[Text | str]):
    """Trainees × elements of one cohort (``show(board)``); row keys are trainee ids."""

    DEFAULT_CSS = """
    CohortHeatmap {
        height: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, cell_padding=0)
        self.rows_by_key: dict[str, TraineeRow] = {}

    def show(self, board: CohortDashboard, view: str = "elements") -> None:
        """Fill the table; ``view`` "elements" (share of calls met) or "skills" (mean score)."""
        skills = view == "skills"
        self.clear(columns=True)
        self.rows_by_key = {}
        self.add_column(" Aprendiz", key="name")
        self.add_column(" Alertas", key="flags")
        self.add_column(" Llam.", key="calls")
        if skills:
            for key in board.skill_keys:
                self.add_column(f" {skill_header(key)}", key=f"sk-{key}")
        else:
            for key in board.element_keys:
                self.add_column(f" {element_header(key)}", key=f"el-{key}")
        for label, key in (
            (" PEC", "pec"),
            (" PENC", "penc"),
            (" Tendencia", "trend"),
            (" Asig.", "assign"),
        ):
            self.add_column(label, key=key)
        for row in board.rows:
            key = str(row.trainee_id)
            self.rows_by_key[key] = row
            flags = flags_short(row)
            self.add_row(
                Text(f" {clean(row.name)[:14]}"),
                Text(f" {flags}", style="bold" if flags != "—" else "dim"),
                Text(f" {row.calls} ", justify="right"),
                *(
                    (skill_cell(row.skills.get(k)) for k in board.skill_keys)
                    if skills
                    else (heat_cell(row.elements.get(k)) for k in board.element_keys)
                ),
                Text(f" {percent(row.pec)} ", justify="right"),
                Text(f" {percent(row.penc)} ", justify="right"),
                Text(f" {sparkline(row.trend, width=5)} "),
                Text(
                    " "
                    + assignments_text(
                        row.assignments_total, row.assignments_done, row.assignments_overdue
                    )
                ),
                key=key,
            )

    def row_at_cursor(self) -> TraineeRow | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self.rows_by_key.get(str(key))
