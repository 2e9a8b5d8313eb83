"""How the reports show the dashboard's figures: percentages, heatmap levels, fault names and the
mean score of a row. One place, so the HTML reports and the CSV export never disagree.

Every number here comes from ``simulator.services.dashboard`` (the one definition of the
dashboard's figures); these functions only format or summarize a row it returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from simulator.coaching.history import (
    ELEMENT_PREFIX,
    RECURRENTE_FAULTS,
    RECURRENTE_MIN,
    REINCIDENTE_MIN,
    fault_name,
)
from simulator.language.display import display
from simulator.services.dashboard import FLAG_WINDOW, TraineeRow

HIGH = 0.8  # a share at or above it is «alto»
MID = 0.6  # at or above it (and under HIGH) is «medio»; under it «bajo»


@dataclass(frozen=True, slots=True)
class Level:
    """A heatmap cell: a symbol and a word that say the level without colour, and a CSS class."""

    symbol: str
    word: str
    css: str


LEVELS = {
    "high": Level("●", "alto", "high"),
    "mid": Level("◐", "medio", "mid"),
    "low": Level("○", "bajo", "low"),
    "none": Level("—", "sin datos", "none"),
}


def level(share: float | None) -> Level:
    """The heatmap level of a share met (0..1)."""
    if share is None:
        return LEVELS["none"]
    if share >= HIGH:
        return LEVELS["high"]
    return LEVELS["mid"] if share >= MID else LEVELS["low"]


def percent(share: float | None) -> str:
    """A share (0..1) as «75%»; «—» when there is nothing to measure."""
    return "—" if share is None else f"{round(share * 100)}%"


def percent_value(share: float | None) -> float | None:
    """A share (0..1) as a number 0–100 with one decimal (CSV cells)."""
    return None if share is None else round(share * 100, 1)


def mean_score(row: TraineeRow) -> float | None:
    """The mean overall score of the row's window (its trend), one decimal."""
    return round(sum(row.trend) / len(row.trend), 1) if row.trend else None


def fault_label(fault: str) -> str:
    """A dashboard fault («element:call_closing», «critical_error:disrespect») in Spanish."""
    kind, _, code = fault.partition(":")
    if kind == "element":
        return fault_name(ELEMENT_PREFIX + code)
    if kind == "non_critical_error":
        return f"{display('non_critical_error', code)} (error no crítico)"
    return f"{display('critical_error', code)} (error crítico)"


def flags(row: TraineeRow) -> list[str]:
    """The row's flags as words: «reincidente», «recurrente»."""
    found = []
    if row.reincidente:
        found.append("reincidente")
    if row.recurrente:
        found.append("recurrente")
    return found


def when(moment: datetime) -> str:
    """A call's date and time as the reports print it."""
    return moment.strftime("%Y-%m-%d %H:%M")


FLAG_HELP = {
    "reincidente": (
        f"la misma falta en al menos {REINCIDENTE_MIN} de las últimas {FLAG_WINDOW} llamadas"
    ),
    "recurrente": (
        f"{RECURRENTE_FAULTS} o más faltas distintas, cada una en al menos {RECURRENTE_MIN} "
        f"de las últimas {FLAG_WINDOW} llamadas"
    ),
}
