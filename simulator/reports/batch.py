"""Batch scoring for QA analysts (``simulador score CARPETA --csv salida.csv``): one row per file
and the summary of the batch.

A row holds what a spreadsheet needs of a scorecard (verdict, overall, PEC and PENC of the call,
critical error codes, elements not met); a file that could not be scored is a row with its Spanish
error, so the CSV always lists every file of the folder.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from simulator.language.display import display
from simulator.models.scorecard import Scorecard
from simulator.reports.tables import write_csv

CSV_HEADER = (
    "archivo",
    "escenario",
    "veredicto",
    "calificacion",
    "pec",
    "penc",
    "errores_criticos",
    "elementos_no_cumplidos",
    "error",
)
TOP = 5


@dataclass(frozen=True, slots=True)
class BatchRow:
    """One file of the batch: its judgement, or ``error`` (Spanish) when it could not be scored.

    ``pec`` is 100 when the call has no critical error, else 0 (the batch's PEC is their mean);
    ``penc`` is the call's share of non-critical items met, 0–100 (None when none applied).
    """

    file: str
    scenario: str = ""
    verdict: str | None = None
    overall: int | None = None
    pec: int | None = None
    penc: float | None = None
    critical_errors: tuple[str, ...] = ()
    missed_elements: tuple[str, ...] = ()
    error: str = ""

    @property
    def scored(self) -> bool:
        return not self.error

    def cells(self) -> tuple[object, ...]:
        return (
            self.file,
            self.scenario,
            display("verdict", self.verdict),
            self.overall,
            self.pec,
            self.penc,
            ";".join(self.critical_errors),
            ";".join(self.missed_elements),
            self.error,
        )


def row_for(file: str, card: Scorecard, scenario: str | None = None) -> BatchRow:
    """The row of a scored file."""
    penc = card.metrics.get("penc")
    return BatchRow(
        file=file,
        scenario=scenario or "",
        verdict=card.verdict,
        overall=card.overall,
        pec=0 if card.critical_errors else 100,
        penc=round(float(penc) * 100, 1) if penc is not None else None,
        critical_errors=tuple(dict.fromkeys(e.code for e in card.critical_errors)),
        missed_elements=tuple(k for k, e in card.elements.items() if e.met is False),
    )


def failed_row(file: str, message: str) -> BatchRow:
    """The row of a file that could not be scored (``message``: the Spanish reason)."""
    return BatchRow(file=file, error=message)


@dataclass(frozen=True, slots=True)
class BatchSummary:
    files: int
    scored: int
    failed: int
    competent: int
    not_yet_competent: int
    mean_overall: float | None
    pec: float | None  # share (0–100) of scored calls with no critical error
    penc: float | None  # mean of the calls' PENC (0–100)
    # (Spanish name, number of calls), most frequent first, at most TOP of each
    top_critical_errors: list[tuple[str, int]] = field(default_factory=list)
    top_missed_elements: list[tuple[str, int]] = field(default_factory=list)


def _top(counter: Counter[str], group: str) -> list[tuple[str, int]]:
    ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    return [(display(group, key), count) for key, count in ranked]


def summarize(rows: Sequence[BatchRow]) -> BatchSummary:
    """Counts, means and the most frequent faults of a batch (failed rows only count as files)."""
    scored = [row for row in rows if row.scored]
    overall = [row.overall for row in scored if row.overall is not None]
    pencs = [row.penc for row in scored if row.penc is not None]
    critical: Counter[str] = Counter(code for row in scored for code in row.critical_errors)
    missed: Counter[str] = Counter(key for row in scored for key in row.missed_elements)
    return BatchSummary(
        files=len(rows),
        scored=len(scored),
        failed=len(rows) - len(scored),
        competent=sum(row.verdict == "competent" for row in scored),
        not_yet_competent=sum(row.verdict == "not_yet_competent" for row in scored),
        mean_overall=sum(overall) / len(overall) if overall else None,
        pec=sum(row.pec or 0 for row in scored) / len(scored) if scored else None,
        penc=sum(pencs) / len(pencs) if pencs else None,
        top_critical_errors=_top(critical, "critical_error"),
        top_missed_elements=_top(missed, "element"),
    )


def _calls(count: int) -> str:
    return f"{count} llamada" if count == 1 else f"{count} llamadas"


def summary_lines(summary: BatchSummary) -> list[str]:
    """The summary in Spanish, one line each (printed after the batch)."""
    mean = f"{summary.mean_overall:.1f}" if summary.mean_overall is not None else "—"
    lines = [
        f"Llamadas: {summary.scored}   Promedio: {mean}   Competentes: {summary.competent}   "
        f"Todavía no competentes: {summary.not_yet_competent}"
    ]
    rates = []
    if summary.pec is not None:
        rates.append(f"PEC (sin error crítico): {summary.pec:.0f}%")
    if summary.penc is not None:
        rates.append(f"PENC (no críticos cumplidos): {summary.penc:.0f}%")
    if rates:
        lines.append("   ".join(rates))
    if summary.failed:
        lines.append(f"Archivos que no se pudieron calificar: {summary.failed} de {summary.files}")
    if summary.top_critical_errors:
        lines.append("Errores críticos más frecuentes:")
        lines += [f"  • {name}: {_calls(count)}" for name, count in summary.top_critical_errors]
    else:
        lines.append("Errores críticos más frecuentes: ninguno")
    if summary.top_missed_elements:
        lines.append("Elementos no cumplidos más frecuentes:")
        lines += [f"  • {name}: {_calls(count)}" for name, count in summary.top_missed_elements]
    return lines


def write_batch_csv(path: Path, rows: Sequence[BatchRow]) -> None:
    """One CSV row per file, in the order of ``rows``."""
    write_csv(path, CSV_HEADER, (row.cells() for row in rows))
