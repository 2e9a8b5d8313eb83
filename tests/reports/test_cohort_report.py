"""The cohort report and CSV: built from a hand-made dashboard (exact cells, symbols and CSV
cells), the HTML heatmap read back with ``html.parser``, and the CSV read back."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from simulator.language.display import display
from simulator.models.scorecard import ELEMENT_KEYS, Scorecard
from simulator.reports.cohort import (
    CSV_HEADER,
    CohortReport,
    build_cohort_report,
    csv_row,
    write_cohort_csv,
)
from simulator.reports.render import render_cohort
from simulator.services.dashboard import CohortDashboard, ScoredCall, trainee_row
from tests.reports.cards import card
from tests.reports.htmlread import read

T0 = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def _calls(cards: list[Scorecard]) -> list[ScoredCall]:
    return [ScoredCall(i + 1, T0 + timedelta(days=i), "s", c) for i, c in enumerate(cards)]


def _report() -> CohortReport:
    three = ("call_closing", "needs_detection", "data_management")
    faulty = [
        card(50, missed=("call_closing",), penc=0.5),
        card(60, missed=three),
        card(70, missed=three, critical=("disrespect",), penc=0.0),
        card(65),
        card(55),
        card(75),
    ]
    rows = (
        trainee_row(1, "Ana & <Hijos>", _calls(faulty), window=10),
        trainee_row(2, "Beto", _calls([card(90), card(80)]), window=10),
        trainee_row(3, "Caro", [], window=10),
    )
    beto = replace(rows[1], assignments_total=4, assignments_done=3, assignments_overdue=1)
    rows = (rows[0], beto, rows[2])
    board = CohortDashboard(
        cohort_id=1,
        cohort_name="Enero <2027>",
        element_keys=ELEMENT_KEYS,
        element_names={k: display("element", k) for k in ELEMENT_KEYS},
        rows=rows,
        pec=0.9,
        penc=0.8,
        assignments_total=4,
        assignments_done=3,
        assignments_overdue=1,
    )
    return build_cohort_report(board, window=10, generated_at=NOW)


def test_cells_flags_and_means_are_exact() -> None:
    report = _report()
    ana, beto, caro = report.lines
    by_name = dict(zip(report.element_names, ana.cells, strict=True))
    closing = by_name["Cierra la llamada"]
    assert (closing.text, closing.level.symbol, closing.level.word) == ("50%", "○", "bajo")
    detection = by_name["Detecta necesidades"]  # met in 4 of 6
    assert (detection.text, detection.level.symbol, detection.level.css) == ("67%", "◐", "mid")
    assert by_name["Protocolo de inicio"].level.word == "alto"
    assert ana.average == 62.5 and ana.trend == (60, 70, 65, 55, 75)  # the last 5 shown
    assert ana.flags == ("recurrente",)  # 3 faults each in 2 of the last 5, none in 3
    assert ana.reincidente == ()
    assert ana.repeating == (
        "Cierra la llamada (no cumplido)",
        "Gestiona datos (no cumplido)",
        "Detecta necesidades (no cumplido)",
    )
    assert beto.flags == () and beto.average == 85.0
    assert all(cell.level.word == "sin datos" and cell.text == "—" for cell in caro.cells)
    assert caro.average is None
    assert [line.row.name for line in report.flagged] == ["Ana & <Hijos>"]


def test_csv_rows_are_exact_and_read_back(tmp_path: Path) -> None:
    report = _report()
    ana, beto, caro = report.lines
    assert csv_row(beto) == ("Beto", 2, 85.0, 100.0, 100.0, "", "", 3, 4, 1, 75.0)
    assert csv_row(caro) == ("Caro", 0, None, None, None, "", "", 0, 0, 0, None)
    assert csv_row(ana)[5] == "recurrente"
    out = tmp_path / "cohorte.csv"
    write_cohort_csv(out, report.lines)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_HEADER and len(rows) == 4
    assert rows[2] == ["Beto", "2", "85.0", "100.0", "100.0", "", "", "3", "4", "1", "75.0"]
    assert rows[3] == ["Caro", "0", "", "", "", "", "", "0", "0", "0", ""]


def test_html_heatmap_rows_symbols_and_escaping() -> None:
    html = render_cohort(_report())
    page = read(html)
    assert "Tablero de la cohorte «Enero <2027>»" in page.all_text
    rows = page.tables["mapa"]
    header = rows[0]
    assert header[:2] == ["Aprendiz", "Llamadas"] and "Cierra la llamada" in header
    assert [row[0] for row in rows[1:]] == ["Ana & <Hijos>", "Beto", "Caro"]
    ana = dict(zip(header, rows[1], strict=True))
    assert ana["Cierra la llamada"] == "○ 50%" and ana["Promedio"] == "62.5"
    assert ana["Alertas"] == "⚠ recurrente"
    beto = dict(zip(header, rows[2], strict=True))
    assert beto["Asignaciones"] == "3/4 cumplidas, 1 vencida" and beto["PEC"] == "100%"
    caro = dict(zip(header, rows[3], strict=True))
    assert caro["Cierra la llamada"] == "—" and caro["Últimas calificaciones"] == "—"
    assert caro["Asignaciones"] == "sin asignaciones"
    alerts = page.tables["alertas"]
    assert [row[0] for row in alerts[1:]] == ["Ana & <Hijos>"]
    assert page.tags["hijos"] == 0 and page.external == []
    assert "landscape" in html and "@media print" in html
