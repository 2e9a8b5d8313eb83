"""Rich renderables for the parts of a scorecard (elements, skills, errors, metrics, feedback, plan).

Kept out of the results screen so the review screen and any future report view reuse them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from simulator.language.display import display
from simulator.language.safe_text import clean
from simulator.language.safe_text import escape_textual as escape
from simulator.models.scorecard import ELEMENT_KEYS, SKILL_KEYS
from simulator.tui.views import metric_rows, plan_drill_text, skill_bar, unjudged_metrics

if TYPE_CHECKING:
    from simulator.models.scorecard import ErrorFinding, Scorecard


def missing_line(missing: str) -> str:
    """«Falta: …» for what an element lacked; a text that already says «Falta …» (a field not
    captured) is not prefixed twice."""
    words = missing.split(" ", 1)
    if len(words) == 2 and words[0].lower() in ("falta", "faltó"):
        missing = words[1][:1].upper() + words[1][1:]
    return f"     [$warning]Falta:[/] {escape(missing)}"


def elements_markup(card: Scorecard) -> str:
    lines = []
    for key in ELEMENT_KEYS:
        result = card.elements.get(key)
        name = display("element", key)
        if result is None or result.met is None:
            lines.append(f"[dim]–  {name}: no aplica / no evaluado[/]")
            continue
        mark = "[$success]✔[/]" if result.met else "[$error]✘[/]"
        lines.append(f"{mark}  [b]{name}[/b]")
        for ev in result.evidence[:2]:
            lines.append(f"     [dim]T{ev.turn}[/] «{escape(ev.quote)}»")
        for ev in result.evidence:
            if ev.clip is not None:  # the recorded explicit acceptance of a voice call
                lines.append(f"     [$accent]♪[/] {escape(ev.clip.label)}")
        if not result.met:
            for missing in result.missing:
                lines.append(missing_line(missing))
            if result.better_phrasing:
                lines.append(f"     [$accent]Pruebe decir:[/] «{escape(result.better_phrasing)}»")
    return "\n".join(lines)


def skills_markup(card: Scorecard, width: int = 20) -> str:
    lines = []
    for key in SKILL_KEYS:
        if key not in card.skills:
            continue
        score = card.skills[key]
        color = (
            "dim"
            if score is None
            else ("green" if score >= 80 else "yellow" if score >= 60 else "red")
        )
        lines.append(f"{display('skill', key):<27.27} [{color}]{skill_bar(score, width)}[/]")
    return "\n".join(lines)


def _error_lines(errors: list[ErrorFinding], group: str, mark: str, *, phrasing: bool) -> list[str]:
    """One line per error (turn, Spanish name, explanation) and its quote or better phrasing."""
    lines = []
    for err in errors:
        where = f"T{err.turn} " if err.turn else ""
        lines.append(
            f"  {mark} {where}[b]{display(group, err.code)}[/b]: {escape(err.explanation)}"
        )
        if phrasing and err.better_phrasing:
            lines.append(f"     [$accent]Pruebe decir:[/] «{escape(err.better_phrasing)}»")
        elif not phrasing and err.evidence:
            lines.append(f"     «{escape(err.evidence)}»")
    return lines


def errors_markup(card: Scorecard) -> str:
    lines = []
    if card.critical_errors:
        lines.append("[b $error]Errores críticos (reprueban la llamada)[/]")
        lines += _error_lines(card.critical_errors, "critical_error", "‼", phrasing=False)
    else:
        lines.append("[$success]Sin errores críticos.[/]")
    if card.non_critical_errors:
        lines.append("[b $warning]Errores no críticos[/]")
        lines += _error_lines(card.non_critical_errors, "non_critical_error", "!", phrasing=True)
    else:
        lines.append("[$success]Sin errores no críticos.[/]")
    return "\n".join(lines)


def metrics_table(card: Scorecard) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False, expand=False)
    table.add_column("Métrica", style="bold", no_wrap=True)
    table.add_column("Valor", justify="right")
    table.add_column("Meta", style="dim")
    sale = card.skills.get("closing") is not None  # closing is judged in sales only
    for name, value, target in metric_rows(card.metrics, unjudged_metrics(card), sale):
        table.add_row(Text(clean(name)), Text(clean(value)), Text(clean(target)))
    return table


def feedback_markup(card: Scorecard) -> str:
    lines = []
    feedback = card.feedback
    if feedback.strengths:
        lines.append("[b $success]Lo que hizo bien[/]")
        for item in feedback.strengths:
            quote = f" [dim]T{item.turn}[/] «{escape(item.quote)}»" if item.quote else ""
            lines.append(f"  + {escape(item.message)}{quote}")
    if feedback.improvements:
        lines.append("[b $warning]Para mejorar[/]")
        for item in feedback.improvements:
            quote = f" [dim]T{item.turn}[/] «{escape(item.quote)}»" if item.quote else ""
            lines.append(f"  → {escape(item.message)}{quote}")
            if item.why:
                lines.append(f"     [dim]{escape(item.why)}[/]")
            if item.try_saying:
                lines.append(f"     [$accent]Pruebe decir:[/] «{escape(item.try_saying)}»")
    return "\n".join(lines) or "Sin comentarios."


def plan_markup(card: Scorecard) -> str:
    plan = card.coaching_plan
    lines = []
    for number, priority in enumerate(plan.priorities, start=1):
        score = "no evaluada" if priority.score is None else f"{priority.score}"
        flag = f" [$error]({priority.repeated})[/]" if priority.repeated else ""
        lines.append(
            f"{number}. [b]{display('skill', priority.skill)}[/b] ({score}){flag}: {escape(priority.goal)}"
        )
        for tip in priority.tips:
            lines.append(f"   • {escape(tip)}")
        for drill in priority.drills[:1]:
            lines.append(f"   ➜ Practique: {escape(plan_drill_text(drill))}")
    if plan.checkpoint:
        lines.append(f"[b]Meta de control:[/b] {escape(plan.checkpoint)}")
    return "\n".join(lines) or "Sin prioridades: ¡siga así!"
