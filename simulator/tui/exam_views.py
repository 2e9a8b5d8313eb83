"""What the certification self-assessment screens show, as Textual markup built from the exam core.

The exam screens (``screens/exam_*.py``) read ``simulator.exam`` models (plan, attempt, verdict,
questionnaire result) through these functions, so the wording lives in one place and is tested
without a terminal. Every text that comes from data (scenario titles, quotes, questions, notes) is
escaped: a «[/]» in a quote must never break the markup. Plain Python, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulator.language.safe_text import escape_textual as escape
from simulator.tui.views import fmt_clock, fmt_when

if TYPE_CHECKING:
    from simulator.exam.models import (
        CallChecklist,
        ElementVerdict,
        EvidenceLine,
        ExamAttempt,
        ExamVerdict,
        QuestionnaireResult,
    )
    from simulator.exam.plan import ExamPlan

QUESTIONNAIRE_KEY = "questionnaire"
QUESTIONNAIRE_LABEL = "Cuestionario de conocimientos"
OK, BAD, NA = "[$success]✔[/]", "[$error]✘[/]", "[dim]–[/]"


def mark(value: bool | None) -> str:
    """✔ met, ✘ not met, – not applicable / not observed."""
    return NA if value is None else (OK if value else BAD)


# --------------------------------------------------------------------------- plan


def plan_markup(plan: ExamPlan) -> str:
    """The exam plan as the candidate reads it before starting: what, how, how long, the verdict."""
    lines = [f"[b]{escape(plan.title)}[/b]", f"[i]{escape(plan.subtitle)}[/i]", ""]
    for section in plan.sections:
        lines += [f"[b $accent]{escape(section.title)}[/]", escape(section.text), ""]
    parts = ", ".join(escape(p.label.lower()) for p in plan.practical)
    lines.append(f"[b]Duración:[/b] {escape(plan.duration)}")
    lines.append(
        f"[b]Partes:[/b] {parts} y un cuestionario de {plan.questions_per_exam} preguntas "
        f"(aprueba con {round(plan.pass_mark * 100)} %)."
    )
    return "\n".join(lines)


# --------------------------------------------------------------------------- progress


@dataclass(frozen=True)
class PartRow:
    """One part of an attempt as the progress screen lists it."""

    key: str
    label: str
    detail: str
    done: bool

    @property
    def status(self) -> str:
        return "✔ Hecha" if self.done else "Pendiente"


def part_rows(attempt: ExamAttempt) -> list[PartRow]:
    """The practical calls in plan order, then the questionnaire (the scenario stays unknown until
    the call starts, as in the real evaluation)."""
    rows = []
    for slot in attempt.slots:
        done = slot.call_id is not None
        detail = "llamada registrada" if done else "sin pistas; cliente al azar"
        rows.append(PartRow(slot.key, slot.label, detail, done))
    total = len(attempt.questionnaire.questions)
    if attempt.answers is not None:
        detail = f"{total} preguntas · enviado"
    else:
        detail = f"{total} preguntas de opción múltiple"
    rows.append(
        PartRow(QUESTIONNAIRE_KEY, QUESTIONNAIRE_LABEL, detail, attempt.answers is not None)
    )
    return rows


def next_part(attempt: ExamAttempt) -> str | None:
    """The key of the first part still to do (calls first, in order), None when all are done."""
    for row in part_rows(attempt):
        if not row.done:
            return row.key
    return None


def parts_done_text(attempt: ExamAttempt) -> str:
    """«Llamada de venta ✔ · Llamada de servicio pendiente · Cuestionario pendiente»."""
    return " · ".join(
        f"{escape(r.label)} {'✔' if r.done else 'pendiente'}" for r in part_rows(attempt)
    )


def progress_markup(attempt: ExamAttempt) -> str:
    """The head of the progress screen: which attempt, when, what to do next."""
    done = sum(r.done for r in part_rows(attempt))
    total = len(attempt.slots) + 1
    lines = [
        f"[b]Autoevaluación n.º {attempt.id}[/b] · iniciada el {fmt_when(attempt.started_at)} · "
        f"{done} de {total} partes hechas"
    ]
    following = next_part(attempt)
    if following is None:
        lines.append("[$success]Terminó todas las partes.[/] Presione Enter para ver su resultado.")
    elif following == QUESTIONNAIRE_KEY:
        lines.append("Siguiente: el cuestionario. Presione Enter para empezarlo.")
    else:
        slot = next(s for s in attempt.slots if s.key == following)
        lines.append(
            f"Siguiente: la {escape(slot.label.lower())}, sin pistas. Presione Enter; en el "
            "softphone ingrese y póngase Disponible (F2) antes de marcar o contestar (F3)."
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- questionnaire


def answered_text(answered: int, total: int) -> str:
    left = total - answered
    tail = "todas respondidas" if not left else f"faltan {left}"
    return f"Respondidas: {answered} de {total} ({tail})"


def unanswered_question(left: int) -> str:
    """The confirmation asked when «Enviar» is pressed with questions left unanswered."""
    if left == 1:
        which = "queda 1 pregunta sin responder; contará como incorrecta"
    else:
        which = f"quedan {left} preguntas sin responder; contarán como incorrectas"
    return f"Todavía {which}. ¿Enviar el cuestionario de todos modos?"


def questionnaire_summary(result: QuestionnaireResult) -> str:
    """Score, pass or not, and the score per topic."""
    percent = round(result.score * 100)
    needed = round(result.pass_mark * 100)
    state = "[b $success]Aprobado[/]" if result.passed else "[b $error]No aprobado[/]"
    lines = [
        f"{state}: {result.correct} de {result.total} correctas ({percent} %; "
        f"se requiere {needed} %)."
    ]
    for topic in result.topics:
        good = topic.correct == topic.total
        lines.append(
            f"  {OK if good else BAD} {escape(topic.label)}: {topic.correct} de {topic.total}"
        )
    return "\n".join(lines)


def answers_markup(result: QuestionnaireResult) -> str:
    """Every question with the candidate's answer, the right one and why."""
    letters = "abcdefgh"
    blocks = []
    for number, q in enumerate(result.questions, start=1):
        lines = [f"{mark(q.correct)} [b]{number}. {escape(q.question)}[/b]"]
        for index, option in enumerate(q.options):
            tags = []
            if index == q.answer:
                tags.append("[$success]correcta[/]")
            if q.chosen == index:
                tags.append("su respuesta")
            tag = f"  ← {', '.join(tags)}" if tags else ""
            lines.append(f"   {letters[index]}) {escape(option)}{tag}")
        if q.chosen is None:
            lines.append("   [$warning]Sin responder.[/]")
        lines.append(f"   [$accent]Por qué:[/] {escape(q.explanation)}")
        lines.append(f"   [dim]Referencia: {escape(q.reference)}[/]")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


# --------------------------------------------------------------------------- verdict


def validation_banner(attempt: ExamAttempt) -> str:
    """Self-assessment until a formador validates it; who validated it, when, and their note."""
    validation = attempt.validation
    if attempt.status == "en_curso":
        return "[b $warning]Autoevaluación en curso — faltan partes por hacer[/]"
    if validation is None:
        return "[b $warning]Autoevaluación — pendiente de validación por un formador[/]"
    when = fmt_when(validation.at)
    who = escape(validation.formador_name or "un formador")
    note = f"\nNota del formador: «{escape(validation.note)}»" if validation.note else ""
    earlier = _earlier_validations(attempt)
    if validation.agree:
        return f"[b $success]Validada por {who} el {when}[/]{note}{earlier}"
    return f"[b $error]Revisada por {who} el {when}: no validada[/]{note}{earlier}"


def _earlier_validations(attempt: ExamAttempt) -> str:
    """The validations before the latest one, newest first: a changed decision stays visible."""
    lines = []
    for old in reversed(attempt.validations[:-1]):
        who = escape(old.formador_name or "un formador")
        decision = "validada" if old.agree else "no validada"
        note = f": «{escape(old.note)}»" if old.note else ""
        lines.append(f"  • {fmt_when(old.at)}, {who}: {decision}{note}")
    return "\n[dim]Antes:[/]\n" + "\n".join(lines) if lines else ""


def overall_markup(verdict: ExamVerdict) -> str:
    """The overall verdict and every reason it is not (yet) competent."""
    if verdict.competent:
        return "[b $success]✔ Competente[/]\nCumplió cada parte de la evaluación."
    lines = ["[b $error]✘ Todavía no competente[/]"]
    if not verdict.complete:
        lines.append("[$warning]La autoevaluación no está completa.[/]")
    lines += [f"  • {escape(reason)}" for reason in verdict.reasons]
    return "\n".join(lines)


def evidence_text(line: EvidenceLine) -> str:
    """«quote» (llamada de venta, turno 4, 01:12)."""
    where = [escape(line.call_label.lower())]
    if line.turn is not None:
        where.append(f"turno {line.turn}")
    if line.at is not None:
        where.append(fmt_clock(line.at))
    return f"«{escape(line.quote)}» [dim]({', '.join(where)})[/]"


def element_markup(element: ElementVerdict) -> str:
    if element.competent is None:
        state = "[dim]no observado[/]"
    elif element.competent:
        state = "[$success]Competente[/]"
    else:
        state = "[$error]Todavía no competente[/]"
    per_call = " · ".join(f"{escape(label)} {mark(met)}" for label, met in element.per_call.items())
    lines = [f"{mark(element.competent)} [b]{escape(element.label)}[/b]: {state}"]
    if per_call:
        lines.append(f"   [dim]{per_call}[/]")
    if element.competent is not True:
        lines += [f"   [$warning]Motivo:[/] {escape(reason)}" for reason in element.reasons]
    lines += [f"   {evidence_text(line)}" for line in element.evidence]
    return "\n".join(lines)


def elements_markup(verdict: ExamVerdict) -> str:
    """The seven desempeños, each with its verdict, reasons and quotes from the calls."""
    return "\n".join(element_markup(e) for e in verdict.elements)


def critical_markup(verdict: ExamVerdict) -> str:
    if not verdict.critical_errors:
        return f"{OK} Ningún error crítico en las llamadas."
    return "\n".join(f"{BAD} {evidence_text(line)}" for line in verdict.critical_errors)


def checklist_markup(checklists: list[CallChecklist]) -> str:
    """The lista de cotejo of each practical call: item, met or not, why, and the evidence."""
    if not checklists:
        return "[dim]Todavía no hay llamadas calificadas.[/]"
    lines = []
    for checklist in checklists:
        lines.append(f"[b]{escape(checklist.call_label)}[/b]")
        for item in checklist.items:
            lines.append(f"  {mark(item.met)} {escape(item.label)}")
            if item.detail:
                lines.append(f"     [dim]{escape(item.detail)}[/]")
            lines += [f"     {evidence_text(line)}" for line in item.evidence[:2]]
    return "\n".join(lines)
