"""How the formador's screens write the dashboard's figures: heatmap cells, trends, flags.

Only presentation: every figure (shares, PEC, PENC, flags, assignment counts) comes computed from
``simulator.services.dashboard``; here it becomes a symbol, a percentage, a colour and Spanish
words (``tui/data/formador.yaml``). Plain Python and Rich (no Textual), easy to test.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from rich.text import Text

from simulator.coaching.history import REINCIDENTE_MIN, WINDOW
from simulator.datafiles import parse as parse_yaml
from simulator.language.display import display

if TYPE_CHECKING:
    from simulator.services.dashboard import TraineeRow

SPARK = "▁▂▃▄▅▆▇█"


@cache
def formador_labels() -> dict[str, Any]:
    """The formador screens' Spanish texts (data file ``tui/data/formador.yaml``)."""
    text = resources.files("simulator.tui").joinpath("data/formador.yaml").read_text("utf-8")
    return dict(parse_yaml(text))


def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def level_of(share: float | None) -> dict[str, str]:
    """The heatmap level (symbol, name, style) of a share met (0..1); ``no_data`` for None."""
    labels = formador_labels()
    if share is None:
        return dict(labels["no_data"])
    for level in labels["levels"]:
        if share >= float(level["min"]):
            return dict(level)
    return dict(labels["levels"][-1])


def heat_cell(share: float | None) -> Text:
    """One heatmap cell: symbol and percentage (readable without colour) on the level's colour."""
    level = level_of(share)
    body = f"{level['symbol']}{percent(share):>4}" if share is not None else f"{level['symbol']:^5}"
    return Text(f" {body} ", style=level["style"])  # 7 cells: as wide as the headers


def element_header(key: str) -> str:
    return str(formador_labels()["element_headers"].get(key, display("element", key)))


def skill_header(key: str) -> str:
    return str(formador_labels()["skill_headers"].get(key, display("skill", key)))


def skill_cell(score: float | None) -> Text:
    """A skills-view cell: the mean 0–100 score with the level's symbol and colour."""
    share = None if score is None else score / 100
    level = level_of(share)
    body = f"{level['symbol']}{round(score):>4}" if score is not None else f"{level['symbol']:^5}"
    return Text(f" {body} ", style=level["style"])


def sparkline(trend: tuple[int, ...], width: int = 6) -> str:
    """The last ``width`` overall scores as a sparkline, an arrow (last vs first) and the last."""
    if not trend:
        return "—"
    recent = trend[-width:]
    bars = "".join(
        SPARK[min(len(SPARK) - 1, max(0, score * len(SPARK) // 101))] for score in recent
    )
    arrow = "→"
    if len(recent) > 1:
        arrow = "↑" if recent[-1] > recent[0] else "↓" if recent[-1] < recent[0] else "→"
    return f"{bars} {arrow} {recent[-1]}"


def fault_name(fault: str) -> str:
    """«element:call_closing» → «Cierra la llamada»; «critical_error:x» → «Error crítico: …»."""
    kind, _, code = fault.partition(":")
    if kind == "element":
        return display("element", code)
    if kind == "non_critical_error":
        return f"{display('non_critical_error', code)} (error no crítico)"
    return f"{display('critical_error', code)} (error crítico)"


def flags_short(row: TraineeRow) -> str:
    """«reinc.» (reincidente) and «recurr.» (recurrente), spelled out in the legend."""
    flags = []
    if row.reincidente:
        flags.append("reinc.")
    if row.recurrente:
        flags.append("recurr.")
    return " ".join(flags) or "—"


def flags_detail(row: TraineeRow) -> str:
    """A short Spanish explanation of the trainee's flags, naming the faults."""
    parts = []
    if row.reincidente:
        names = ", ".join(fault_name(f) for f in row.reincidente)
        rule = f"misma falla en {REINCIDENTE_MIN} o más de sus últimas {WINDOW} llamadas"
        parts.append(f"Reincidente ({rule}): {names}.")
    if row.recurrente:
        names = ", ".join(fault_name(f) for f in row.repeating)
        parts.append(f"Recurrente (3 o más fallas distintas que se repiten): {names}.")
    return " ".join(parts) or "Sin alertas en sus últimas 5 llamadas."


def assignments_text(total: int, done: int, overdue: int) -> str:
    if not total:
        return "—"
    text = f"{done}/{total}"
    if overdue:
        text += f" · {overdue} venc."
    return text


def value_name(value: str) -> str:
    return str(formador_labels()["values"].get(value, value))


def kind_name(kind: str) -> str:
    return str(formador_labels()["kinds"].get(kind, kind))


def rule_name(kind: str, code: str) -> str:
    return display("element" if kind == "element" else "critical_error", code)
