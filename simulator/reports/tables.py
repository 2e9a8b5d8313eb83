"""CSV files for spreadsheets: UTF-8 with BOM (Excel detects the accents), one header row, and
cells that cannot run as formulas.

A file name or a quote from a call such as ``=HYPERLINK(...)`` would be a live formula when the
formador opens the CSV in a spreadsheet (CSV injection); such cells get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from simulator.reports.files import write_text

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """``value`` as CSV text that a spreadsheet shows as text, never evaluates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sí" if value else "no"
    text = f"{value:.1f}" if isinstance(value, float) else str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The CSV document (without BOM) for ``header`` and ``rows``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write ``rows`` under ``header`` to ``path`` (a Spanish ``InputError`` if it cannot)."""
    write_text(path, csv_text(header, rows), encoding="utf-8-sig")
