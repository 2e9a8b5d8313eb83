"""Batch rows and summary (``simulator.reports.batch``) from hand-built scorecards: exact figures."""

from __future__ import annotations

import csv
from pathlib import Path

from simulator.reports.batch import (
    CSV_HEADER,
    failed_row,
    row_for,
    summarize,
    summary_lines,
    write_batch_csv,
)
from simulator.reports.tables import safe_cell
from tests.reports.cards import card


def test_row_of_a_scored_call_has_exact_values() -> None:
    row = row_for(
        "a.json",
        card(61, critical=("disrespect", "disrespect"), missed=("call_closing",), penc=0.75),
        "internet-veloz-hogar",
    )
    assert row.scenario == "internet-veloz-hogar"
    assert (row.verdict, row.overall, row.pec, row.penc) == ("not_yet_competent", 61, 0, 75.0)
    assert row.critical_errors == ("disrespect",)  # one code once, however many findings
    assert row.missed_elements == ("call_closing",)
    assert row.scored and row.error == ""


def test_summary_counts_means_and_most_frequent_faults() -> None:
    rows = [
        row_for("a.json", card(90, penc=1.0)),
        row_for("b.json", card(60, critical=("disrespect",), missed=("call_closing",), penc=0.5)),
        row_for(
            "c.json",
            card(
                30,
                critical=("disrespect", "inaccurate_information"),
                missed=("call_closing", "needs_detection"),
                penc=None,
            ),
        ),
        failed_row("d.json", "d.json: el archivo está vacío"),
    ]
    summary = summarize(rows)
    assert (summary.files, summary.scored, summary.failed) == (4, 3, 1)
    assert (summary.competent, summary.not_yet_competent) == (1, 2)
    assert summary.mean_overall == 60.0
    assert summary.pec == 100 / 3
    assert summary.penc == 75.0  # the call without PENC is left out, not counted as 0
    assert summary.top_critical_errors == [
        ("Falta de respeto al cliente", 2),
        ("Información incorrecta (precio o condición)", 1),
    ]
    assert summary.top_missed_elements == [("Cierra la llamada", 2), ("Detecta necesidades", 1)]
    lines = summary_lines(summary)
    assert lines[0].startswith("Llamadas: 3   Promedio: 60.0   Competentes: 1")
    assert "Archivos que no se pudieron calificar: 1 de 4" in lines
    assert "  • Falta de respeto al cliente: 2 llamadas" in lines


def test_summary_of_nothing_scored_has_no_means() -> None:
    summary = summarize([failed_row("x.json", "mal")])
    assert summary.mean_overall is None and summary.pec is None and summary.penc is None
    assert summary_lines(summary)[0].startswith("Llamadas: 0   Promedio: —")


def test_csv_reads_back_one_row_per_file_with_the_error(tmp_path: Path) -> None:
    path = tmp_path / "lote.csv"
    write_batch_csv(
        path,
        [
            row_for("a.json", card(88, missed=("needs_detection", "call_closing"), penc=0.5)),
            failed_row("=malo.json", "=malo.json: no es JSON válido (línea 1)"),
        ],
    )
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[1] == [
        "a.json",
        "",
        "Todavía no competente",
        "88",
        "100",
        "50.0",
        "",
        "needs_detection;call_closing",
        "",
    ]
    # a name that a spreadsheet would run as a formula is kept as text
    assert rows[2][0] == "'=malo.json" and rows[2][-1].startswith("'=malo.json: no es JSON")
    assert rows[2][2:8] == ["", "", "", "", "", ""]


def test_safe_cell_leaves_numbers_and_plain_text_alone() -> None:
    assert safe_cell(-3) == "-3" and safe_cell(2.25) == "2.2" and safe_cell(None) == ""
    assert safe_cell("+52 55") == "'+52 55" and safe_cell("@x") == "'@x"
    assert safe_cell("Ana López") == "Ana López" and safe_cell(True) == "sí"
