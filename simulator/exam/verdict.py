"""The verdict of an exam: each desempeño across the practical calls, then the whole.

*Competente* only when every part was done, no call has a critical error, every element is met in
every call where it applies (and was observed at least once), every checklist item that applies is
met and the questionnaire reaches the pass mark. Otherwise *Todavía no competente*, with one reason
per failing part and the quotes behind it. The formador's corrections of a call reach the verdict
because the caller passes the effective scorecards.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.exam.checklist import line
from simulator.exam.models import (
    CallChecklist,
    ElementVerdict,
    EvidenceLine,
    ExamVerdict,
    PracticalSlot,
    QuestionnaireResult,
)
from simulator.language.display import display
from simulator.models.scorecard import ELEMENT_KEYS, Scorecard
from simulator.models.transcript import Transcript

MAX_EVIDENCE = 4  # quotes per element in the verdict (the portfolio shows every call's own)


@dataclass(frozen=True)
class PlayedCall:
    """A practical call as the verdict needs it (the effective scorecard: overrides applied)."""

    slot: PracticalSlot
    transcript: Transcript
    scorecard: Scorecard
    checklist: CallChecklist

    @property
    def call_id(self) -> int:
        return self.slot.call_id or 0


def _element(key: str, calls: list[PlayedCall]) -> ElementVerdict:
    verdict = ElementVerdict(key=key, label=display("element", key), competent=None)
    for call in calls:
        result = call.scorecard.elements.get(key)
        met = result.met if result is not None else None
        verdict.per_call[call.slot.label] = met
        if result is None or met is None:
            continue
        quotes = [
            line(call.transcript, call.call_id, call.slot.label, ev.turn, ev.quote)
            for ev in result.evidence
        ]
        if met:
            verdict.competent = verdict.competent is not False
            verdict.evidence += quotes[:2]
        else:
            verdict.competent = False
            missing = "; ".join(result.missing) or "no se cumplió"
            verdict.reasons.append(f"{call.slot.label}: {missing}")
            verdict.evidence = [*quotes[:2], *verdict.evidence]
    verdict.evidence = verdict.evidence[:MAX_EVIDENCE]
    if verdict.competent is None:
        verdict.reasons.append("No se observó en ninguna de las llamadas.")
    return verdict


def _critical(calls: list[PlayedCall]) -> list[EvidenceLine]:
    found = []
    for call in calls:
        for error in call.scorecard.critical_errors:
            evidence = line(
                call.transcript, call.call_id, call.slot.label, error.turn, error.evidence
            )
            found.append(
                evidence.model_copy(
                    update={"quote": f"{display('critical_error', error.code)}: «{evidence.quote}»"}
                )
            )
    return found


def exam_verdict(
    slots: list[PracticalSlot],
    calls: list[PlayedCall],
    questionnaire: QuestionnaireResult | None,
) -> ExamVerdict:
    """The verdict from what has been done so far (``complete`` says whether anything is missing)."""
    reasons: list[str] = []
    played = {c.slot.key for c in calls}
    for slot in slots:
        if slot.key not in played:
            reasons.append(f"Falta la {slot.label.lower()} de la parte práctica.")
    for call in calls:
        if not call.transcript.complete:
            reasons.append(f"La {call.slot.label.lower()} quedó incompleta.")
    critical = _critical(calls)
    for error in critical:
        reasons.append(f"Error crítico en la {error.call_label.lower()}: {error.quote}")
    elements = [_element(key, calls) for key in ELEMENT_KEYS]
    for element in elements:
        if element.competent is False:
            reasons.append(f"{element.label}: " + " | ".join(element.reasons))
        elif element.competent is None and calls:
            reasons.append(f"{element.label}: no se observó en ninguna llamada.")
    checklist_met: bool | None = None
    if calls:
        checklist_met = all(c.checklist.met for c in calls)
        for call in calls:
            for item in call.checklist.items:
                if item.met is False:
                    reasons.append(f"Lista de cotejo, {call.slot.label.lower()}: {item.detail}")
    knowledge = questionnaire.passed if questionnaire is not None else None
    if questionnaire is None:
        reasons.append("Falta el cuestionario de conocimientos.")
    elif not questionnaire.passed:
        reasons.append(
            f"Cuestionario: {questionnaire.correct} de {questionnaire.total} "
            f"({round(questionnaire.score * 100)} %); se requiere al menos "
            f"{round(questionnaire.pass_mark * 100)} %."
        )
    complete = len(played) == len(slots) and questionnaire is not None
    return ExamVerdict(
        competent=complete and not reasons,
        complete=complete,
        elements=elements,
        critical_errors=critical,
        checklist_met=checklist_met,
        knowledge_passed=knowledge,
        reasons=reasons,
    )
