"""A scorecard as the formador reviews it: the effective judgements (with the formador's
corrections applied), each corrected one marked «Corregido por formador: …» next to the scorer's
original judgement, the evidence the scorer cited, and the history of corrections.

Markup only (Textual content markup); the data is ``FormadorCallView`` from the services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.language.display import display
from simulator.language.safe_text import escape_textual as escape
from simulator.models.scorecard import CRITICAL_CODES, ELEMENT_KEYS
from simulator.tui.formador_views import kind_name, rule_name, value_name
from simulator.tui.views import fmt_when
from simulator.tui.widgets.scorecard_view import missing_line

if TYPE_CHECKING:
    from simulator.services.formador_desk import FormadorCallView, OverrideView


def _correction(override: OverrideView) -> str:
    if override.new_value == override.original_value:
        head = f"[b $accent]Confirmado por formador:[/] {value_name(override.new_value)}"
    else:
        head = (
            f"[b $warning]Corregido por formador: {value_name(override.new_value)}[/] "
            f"(juicio original del evaluador: {value_name(override.original_value)})"
        )
    return f"     {head}\n     [dim]{escape(override.formador_name)}:[/] «{escape(override.note)}»"


def verdict_line(view: FormadorCallView) -> str:
    saved = view.saved
    head = (
        f"[b]{escape(view.trainee_name)}[/b] · {escape(saved.scenario_title or saved.scenario_id)}"
        f" · {fmt_when(saved.started_at)} · {escape(saved.outcome_name or '—')}"
    )
    if view.original is None or view.effective is None:
        return head + "\n[$error]La llamada no tiene calificación.[/]"
    original = display("verdict", view.original.verdict)
    effective = display("verdict", view.effective.verdict)
    line = f"Calificación del evaluador: [b]{view.original.overall}[/b]/100 · {original}"
    if effective != original:
        line += f" → con correcciones: [b]{effective}[/b]"
    return f"{head}\n{line}"


def card_markup(view: FormadorCallView) -> str:
    """Elements and critical errors (effective), with corrections and the scorer's evidence."""
    original, effective = view.original, view.effective
    if original is None or effective is None:
        return "Sin calificación que revisar."
    deciding = {(o.kind, o.code): o for o in view.overrides if o.in_force}
    lines = ["[b $accent]Los siete elementos del estándar[/]"]
    for key in ELEMENT_KEYS:
        result = effective.elements.get(key)
        name = display("element", key)
        if result is None or result.met is None:
            lines.append(f"[dim]–  {name}: no aplica / no evaluado[/]")
        else:
            mark = "[$success]✔[/]" if result.met else "[$error]✘[/]"
            lines.append(f"{mark}  [b]{name}[/b]")
        scored = original.elements.get(key)
        if scored is not None:
            for ev in scored.evidence[:2]:
                lines.append(f"     [dim]T{ev.turn}[/] «{escape(ev.quote)}»")
            for ev in scored.evidence:
                if ev.clip is not None:
                    lines.append(f"     [$accent]♪[/] {escape(ev.clip.label)}")
            for missing in scored.missing[:2]:
                lines.append(missing_line(missing))
        if ("element", key) in deciding:
            lines.append(_correction(deciding[("element", key)]))
    lines.append("")
    lines.append("[b $accent]Errores críticos[/]")
    present = {e.code: e for e in effective.critical_errors}
    for code in CRITICAL_CODES:
        override = deciding.get(("critical_error", code))
        if code not in present and override is None:
            continue
        finding = present.get(code)
        if finding is not None:
            where = f"T{finding.turn} " if finding.turn else ""
            lines.append(f"[$error]‼[/]  [b]{display('critical_error', code)}[/b]")
            lines.append(f"     [dim]{where}[/]{escape(finding.evidence)}")
        else:
            lines.append(f"[$success]✔[/]  {display('critical_error', code)}: ausente")
        if override is not None:
            lines.append(_correction(override))
    if not present and not any(k == "critical_error" for k, _ in deciding):
        lines.append("[$success]Sin errores críticos.[/]")
    return "\n".join(lines)


def history_markup(view: FormadorCallView) -> str:
    if not view.overrides:
        return "[dim]Sin correcciones. Presione C para corregir o confirmar un juicio.[/]"
    lines = []
    for o in view.overrides:
        state = "" if o.in_force else " [dim](reemplazada)[/]"
        lines.append(
            f"• {fmt_when(o.created_at)} · {kind_name(o.kind)}: {rule_name(o.kind, o.code)} · "
            f"{value_name(o.original_value)} → {value_name(o.new_value)} · "
            f"{escape(o.formador_name)}: «{escape(o.note)}»{state}"
        )
    return "\n".join(lines)
