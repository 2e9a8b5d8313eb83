"""Rich rendering of a graded scorecard in Spanish, for ``simulador score`` (and any terminal view).

Verdict and overall first, then the element checklist with evidence quotes, skills, errors, key
metrics, feedback and the coaching plan. Returns Rich renderables; printing is the caller's job.
Quotes come from transcripts (ASR text such as ``[/inaudible]``, or terminal escapes), so every
string is shown as plain ``Text`` stripped of control sequences, never parsed as markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from simulator.language.display import display
from simulator.language.safe_text import strip_controls
from simulator.models.scorecard import Scorecard

KEY_METRICS = (
    "agent_talk_share",
    "open_questions",
    "closed_questions",
    "paraphrases",
    "empathy_statements",
    "longest_monologue_words",
    "buying_signals",
    "buying_signals_followed",
    "objections",
    "objections_addressed",
    "close_attempts",
    "holds",
    "customer_name_uses",
    "fillers_per_100_words",
    "fields_required",
    "fields_correct",
    "fields_confirmed",
    "penc",
)


def _plain(text: str, style: str = "") -> Text:
    """File-supplied text as a Rich ``Text``: no markup parsing, no terminal control sequences."""
    return Text(strip_controls(text), style=style)


def _mark(met: bool | None) -> Text:
    if met is None:
        return Text("— no aplica", style="dim")
    return Text("✔ cumplido", style="green") if met else Text("✘ no cumplido", style="red")


def _fmt(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def header(card: Scorecard, title: str = "") -> Panel:
    shown = _plain(title, "") if title else "Resultado de la llamada"
    color = "green" if card.verdict == "competent" else "red"
    text = Text()
    text.append(display("verdict", card.verdict), style=f"bold {color}")
    text.append(f"   Calificación global: {card.overall}/100", style="bold")
    text.append(f"   Errores críticos: {len(card.critical_errors)}")
    text.append(f"   No críticos: {len(card.non_critical_errors)}")
    return Panel(text, title=shown, border_style=color)


def elements_table(card: Scorecard) -> Table:
    table = Table(title="Elementos (desempeños)", show_lines=True, expand=True)
    table.add_column("Elemento", style="bold", no_wrap=True)
    table.add_column("Resultado", no_wrap=True)
    table.add_column("Evidencia y lo que faltó")
    for key, element in card.elements.items():
        parts = [f"T{e.turn} «{e.quote}»" for e in element.evidence[:3]]
        parts += [e.clip.label for e in element.evidence if e.clip is not None]
        parts += [f"Faltó: {m}" for m in element.missing]
        if element.met is None and element.not_applicable_reason:
            parts.append(f"No aplica: {element.not_applicable_reason}")
        if element.better_phrasing and element.met is False:
            parts.append(f"Mejor: «{element.better_phrasing}»")
        table.add_row(display("element", key), _mark(element.met), _plain("\n".join(parts) or "—"))
    return table


def skills_table(card: Scorecard) -> Table:
    table = Table(title="Destrezas (0–100)")
    table.add_column("Destreza")
    table.add_column("Puntos", justify="right")
    for key, value in card.skills.items():
        shown = "no evaluada" if value is None else str(value)
        style = (
            "dim"
            if value is None
            else ("green" if value >= 80 else "yellow" if value >= 60 else "red")
        )
        table.add_row(display("skill", key), Text(shown, style=style))
    return table


def metrics_table(card: Scorecard) -> Table:
    table = Table(title="Métricas clave")
    table.add_column("Métrica")
    table.add_column("Valor", justify="right")
    for key in KEY_METRICS:
        if key in card.metrics:
            table.add_row(display("metric", key), _fmt(card.metrics[key]))
    return table


def errors_table(card: Scorecard) -> RenderableType:
    if not card.critical_errors and not card.non_critical_errors:
        return Text("Sin errores críticos ni no críticos.", style="green")
    table = Table(title="Errores", show_lines=True, expand=True)
    table.add_column("Tipo", no_wrap=True)
    table.add_column("Turno", justify="right")
    table.add_column("Detalle")
    for error in card.critical_errors:
        table.add_row(
            Text("CRÍTICO", style="bold red"),
            str(error.turn or "—"),
            _plain(
                f"{display('critical_error', error.code)}: {error.explanation}\n«{error.evidence}»"
            ),
        )
    for error in card.non_critical_errors:
        table.add_row(
            Text("no crítico", style="yellow"),
            str(error.turn or "—"),
            _plain(f"{display('non_critical_error', error.code)}: {error.explanation}"),
        )
    return table


def feedback_panel(card: Scorecard) -> Panel:
    lines = Text()
    for item in card.feedback.strengths:
        lines.append("✔ ", style="green")
        lines.append(strip_controls(f"(T{item.turn}) {item.message}"))
        if item.quote:
            lines.append(strip_controls(f" «{item.quote}»"), style="italic")
        lines.append("\n")
    for item in card.feedback.improvements:
        lines.append("➜ ", style="yellow")
        where = f"(T{item.turn}) " if item.turn else ""
        lines.append(strip_controls(f"{where}{item.message}"))
        if item.quote:
            lines.append(strip_controls(f" «{item.quote}»"), style="italic")
        lines.append(strip_controls(f"\n   Por qué: {item.why}\n"), style="dim")
        if item.try_saying:
            lines.append(strip_controls(f"   Intente: «{item.try_saying}»\n"), style="cyan")
    return Panel(lines or Text("—"), title="Retroalimentación")


def plan_panel(card: Scorecard) -> Panel:
    plan = card.coaching_plan
    lines = Text()
    for i, p in enumerate(plan.priorities, start=1):
        flag = f" [{p.repeated}]" if p.repeated else ""
        lines.append(f"{i}. {display('skill', p.skill)} ({_fmt(p.score)}){flag}\n", style="bold")
        lines.append(strip_controls(f"   Meta: {p.goal}\n"))
        drills = ", ".join(
            f"{display('scenario_kind', d.scenario_kind)} con cliente {display('customer_type', d.customer_type).lower()} (dificultad {d.difficulty})"
            for d in p.drills
        )
        lines.append(f"   Practique: {drills}\n")
        for tip in p.tips[:2]:
            lines.append(strip_controls(f"   • {tip}\n"), style="dim")
    for fault in plan.repeated_faults:
        lines.append(strip_controls(f"⚠ {fault}\n"), style="magenta")
    if plan.checkpoint:
        lines.append(strip_controls(plan.checkpoint), style="italic")
    return Panel(lines or Text("—"), title="Plan de acción")


def scorecard(card: Scorecard, title: str = "") -> Group:
    return Group(
        header(card, title),
        elements_table(card),
        skills_table(card),
        errors_table(card),
        metrics_table(card),
        feedback_panel(card),
        plan_panel(card),
    )
