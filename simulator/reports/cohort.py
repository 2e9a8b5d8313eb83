"""What the cohort report and the cohort CSV show, read from the dashboard the services built.

The heatmap cells carry a symbol and a word for their level besides the colour class, so the
table reads in black and white. The CSV has one row per trainee (calls, mean score, PEC, PENC,
flags, assignments). No figure is computed here: shares, PEC, PENC, trend, flags and assignment
counts are the dashboard's (``simulator.services.dashboard``, overrides applied).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.reports.figures import (
    Level,
    fault_label,
    flags,
    level,
    mean_score,
    percent,
    percent_value,
)
from simulator.reports.tables import write_csv
from simulator.services.dashboard import CohortDashboard, TraineeRow

if TYPE_CHECKING:
    from simulator.services import Services

TREND_SHOWN = 5
CSV_HEADER = (
    "aprendiz",
    "llamadas",
    "promedio",
    "pec",
    "penc",
    "alertas",
    "faltas_reincidentes",
    "asignaciones_cumplidas",
    "asignaciones_total",
    "asignaciones_vencidas",
    "avance",
)


@dataclass(frozen=True, slots=True)
class HeatCell:
    text: str  # «85%» or «—»
    level: Level


@dataclass(frozen=True, slots=True)
class CohortLine:
    """One trainee of the cohort report."""

    row: TraineeRow
    cells: tuple[HeatCell, ...]  # in the order of ``CohortReport.element_names``
    average: float | None
    trend: tuple[int, ...]  # the last scores, oldest first
    flags: tuple[str, ...]
    reincidente: tuple[str, ...]  # Spanish fault names
    repeating: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CohortReport:
    name: str
    generated_at: datetime
    window: int
    element_names: tuple[str, ...]
    lines: tuple[CohortLine, ...]
    pec: float | None
    penc: float | None
    assignments_total: int
    assignments_done: int
    assignments_overdue: int

    @property
    def flagged(self) -> tuple[CohortLine, ...]:
        return tuple(line for line in self.lines if line.flags or line.repeating)


def _line(board: CohortDashboard, row: TraineeRow) -> CohortLine:
    return CohortLine(
        row=row,
        cells=tuple(
            HeatCell(percent(row.elements.get(key)), level(row.elements.get(key)))
            for key in board.element_keys
        ),
        average=mean_score(row),
        trend=row.trend[-TREND_SHOWN:],
        flags=tuple(flags(row)),
        reincidente=tuple(fault_label(f) for f in row.reincidente),
        repeating=tuple(fault_label(f) for f in row.repeating),
    )


def build_cohort_report(
    board: CohortDashboard, *, window: int, generated_at: datetime
) -> CohortReport:
    """Pure: the report view of a cohort's dashboard."""
    return CohortReport(
        name=board.cohort_name,
        generated_at=generated_at,
        window=window,
        element_names=tuple(board.element_names[key] for key in board.element_keys),
        lines=tuple(_line(board, row) for row in board.rows),
        pec=board.pec,
        penc=board.penc,
        assignments_total=board.assignments_total,
        assignments_done=board.assignments_done,
        assignments_overdue=board.assignments_overdue,
    )


def gather_cohort(
    services: Services,
    name: str,
    *,
    window: int = 10,
    today: date | None = None,
    now: datetime | None = None,
) -> CohortReport:
    """The report of the cohort called ``name`` (Spanish ``InputError`` when there is none)."""
    cohort = services.formador.cohort(name)
    board = services.dashboard(cohort.id, window=window, today=today)
    return build_cohort_report(board, window=window, generated_at=now or datetime.now(UTC))


def completion(row: TraineeRow) -> float | None:
    """Share of the trainee's assignments done (None without assignments)."""
    return row.assignments_done / row.assignments_total if row.assignments_total else None


def csv_row(line: CohortLine) -> tuple[object, ...]:
    row = line.row
    return (
        row.name,
        row.calls,
        line.average,
        percent_value(row.pec),
        percent_value(row.penc),
        ";".join(line.flags),
        ";".join(line.reincidente),
        row.assignments_done,
        row.assignments_total,
        row.assignments_overdue,
        percent_value(completion(row)),
    )


def write_cohort_csv(path: Path, lines: Sequence[CohortLine]) -> None:
    """One CSV row per trainee (percentages 0–100, empty when there is nothing to measure)."""
    write_csv(path, CSV_HEADER, (csv_row(line) for line in lines))
