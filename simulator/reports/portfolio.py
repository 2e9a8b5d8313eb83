"""The evidence portfolio of a certification self-assessment (issue 10, item 5): what the HTML and
the PDF show, built from one exam attempt.

A cover (candidate, dates, overall verdict and the validation banner), the guía de observación
(each of the seven desempeños in each practical call: met / not met / does not apply, with the
evidence quotes, their turn and their time mm:ss), the lista de cotejo of products, the
questionnaire (score, per topic, each question with the candidate's answer, the right one and the
explanation) and the full transcripts.

``build_portfolio`` is pure: it reads the exam's records and the calls' transcripts and scorecards
(the corrected ones, so a formador's correction shows) and returns plain frozen dataclasses that
both renderers read; ``portfolio_export`` gathers them from the services and writes the files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from simulator.exam.models import (
    CallChecklist,
    EvidenceLine,
    ExamAttempt,
    ExamVerdict,
    QuestionnaireResult,
)
from simulator.language.display import display
from simulator.models.scorecard import ELEMENT_KEYS, Evidence
from simulator.models.transcript import Transcript
from simulator.reports.portfolio_calls import CallInput, CallView, call_view, event_text
from simulator.reports.portfolio_texts import PortfolioTexts, clock, portfolio_texts


@dataclass(frozen=True, slots=True)
class Quote:
    turn: int | None
    time: str  # mm:ss from the start of the call, «—» when unknown
    speaker: str  # Spanish
    text: str

    def shown(self, limit: int = 0) -> str:
        """The quote between «» (unless it quotes inside already), cut at ``limit`` characters."""
        text = self.text
        if limit and len(text) > limit:
            text = text[: limit - 1].rstrip() + "…"
        return text if "«" in text else f"«{text}»"


@dataclass(frozen=True, slots=True)
class Observation:
    """One desempeño in one call."""

    call: str
    status: str  # met | not_met | not_applicable
    word: str  # Spanish
    evidence: tuple[Quote, ...]
    notes: tuple[str, ...]  # what was missing, or why it does not apply
    better: str | None


@dataclass(frozen=True, slots=True)
class Performance:
    key: str
    label: str
    competent: bool | None  # None = not observed in any call
    word: str
    reasons: tuple[str, ...]
    observations: tuple[Observation, ...]


@dataclass(frozen=True, slots=True)
class CriticalRow:
    call: str
    name: str
    quote: Quote | None
    explanation: str


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    call: str
    label: str
    status: str  # met | not_met | not_applicable
    word: str
    detail: str
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class TopicRow:
    label: str
    correct: int
    total: int


@dataclass(frozen=True, slots=True)
class QuestionRow:
    number: int
    topic: str
    question: str
    chosen: str | None  # None = not answered
    right: str
    correct: bool
    explanation: str
    reference: str


@dataclass(frozen=True, slots=True)
class QuestionnaireView:
    summary: str  # «Calificación: 17 de 20 (85 %); mínimo para aprobar 80 %.»
    passed: bool
    word: str
    topics: tuple[TopicRow, ...]
    questions: tuple[QuestionRow, ...]


@dataclass(frozen=True, slots=True)
class Portfolio:
    texts: PortfolioTexts
    attempt_id: int
    candidate: str
    started_at: datetime
    finished_at: datetime | None
    generated_at: datetime
    competent: bool
    verdict: str  # Competente / Todavía no competente
    reasons: tuple[str, ...]
    status: str  # Spanish status of the attempt
    banner: str  # «Autoevaluación — pendiente de validación…» or who validated it and when
    validation: str  # pending | validated | not_validated
    note: str  # the formador's note ("" when not reviewed)
    earlier: tuple[str, ...]  # the reviews before the latest, newest first (a changed decision)
    performances: tuple[Performance, ...]
    critical: tuple[CriticalRow, ...]
    checklist: tuple[ChecklistRow, ...]
    questionnaire: QuestionnaireView | None
    calls: tuple[CallView, ...]


def _percent(share: float) -> str:
    return f"{round(share * 100)} %"


def _turn_time(transcript: Transcript, turn: int | None) -> str:
    if turn is None or not 1 <= turn <= len(transcript.turns):
        return "—"
    return clock(transcript.turns[turn - 1].start)


def _quote(texts: PortfolioTexts, transcript: Transcript, evidence: Evidence) -> Quote:
    return Quote(
        turn=evidence.turn,
        time=_turn_time(transcript, evidence.turn),
        speaker=texts.speaker_name(evidence.speaker),
        text=evidence.quote,
    )


def _evidence_line(texts: PortfolioTexts, calls: dict[int, CallInput], line: EvidenceLine) -> Quote:
    time = clock(line.at)
    call = calls.get(line.call_id)
    if line.at is None and call is not None:
        time = _turn_time(call.transcript, line.turn)
    return Quote(line.turn, time, texts.speaker_name(line.speaker), line.quote)


def _status(met: bool | None) -> str:
    return "not_applicable" if met is None else ("met" if met else "not_met")


def _status_steps(texts: PortfolioTexts, call: CallInput) -> tuple[Quote, ...]:
    """The agent's softphone steps before the call (the evidence of «prepara las herramientas»,
    which the scorer reads from the status events, not from a turn)."""
    return tuple(
        Quote(None, clock(e.t), texts.events.speaker, event_text(texts, e))
        for e in call.transcript.events
        if e.type == "status" and not e.after_turn
    )


def _observation(texts: PortfolioTexts, call: CallInput, key: str) -> Observation:
    element = call.scorecard.elements.get(key) if call.scorecard else None
    if element is None:
        return Observation(call.label, "not_applicable", texts.status.not_applicable, (), (), None)
    status = _status(element.met)
    notes = tuple(element.missing)
    if element.met is None and element.not_applicable_reason:
        notes = (element.not_applicable_reason,)
    evidence = tuple(_quote(texts, call.transcript, e) for e in element.evidence)
    if key == "preparation" and element.met is not None and not evidence:
        evidence = _status_steps(texts, call)
    return Observation(
        call=call.label,
        status=status,
        word=texts.status_word(status),
        evidence=evidence,
        notes=notes,
        better=element.better_phrasing if element.met is False else None,
    )


def _performances(
    texts: PortfolioTexts, verdict: ExamVerdict, calls: Sequence[CallInput]
) -> tuple[Performance, ...]:
    judged = {element.key: element for element in verdict.elements}
    found = []
    for key in ELEMENT_KEYS:
        element = judged.get(key)
        competent = element.competent if element else None
        word = (
            texts.element.not_observed
            if competent is None
            else (texts.element.competent if competent else texts.element.not_yet)
        )
        found.append(
            Performance(
                key=key,
                label=element.label if element else display("element", key),
                competent=competent,
                word=word,
                reasons=tuple(element.reasons) if element else (),
                observations=tuple(_observation(texts, call, key) for call in calls),
            )
        )
    return tuple(found)


def _critical(texts: PortfolioTexts, calls: Sequence[CallInput]) -> tuple[CriticalRow, ...]:
    rows = []
    for call in calls:
        for error in call.scorecard.critical_errors if call.scorecard else ():
            quote = None
            if error.evidence:
                time = _turn_time(call.transcript, error.turn)
                quote = Quote(error.turn, time, texts.speaker.agent, error.evidence)
            rows.append(
                CriticalRow(
                    call.label, display("critical_error", error.code), quote, error.explanation
                )
            )
    return tuple(rows)


def _checklist(
    texts: PortfolioTexts, checklists: Sequence[CallChecklist], calls: dict[int, CallInput]
) -> tuple[ChecklistRow, ...]:
    rows = []
    for checklist in checklists:
        for item in checklist.items:
            status = _status(item.met)
            rows.append(
                ChecklistRow(
                    call=checklist.call_label,
                    label=item.label,
                    status=status,
                    word=texts.status_word(status),
                    detail=item.detail,
                    evidence=tuple(_evidence_line(texts, calls, e) for e in item.evidence),
                )
            )
    return tuple(rows)


def _questionnaire(texts: PortfolioTexts, result: QuestionnaireResult) -> QuestionnaireView:
    labels = texts.labels
    return QuestionnaireView(
        summary=labels.score.format(
            correct=result.correct,
            total=result.total,
            percent=_percent(result.score),
            pass_mark=_percent(result.pass_mark),
        ),
        passed=result.passed,
        word=labels.passed if result.passed else labels.failed,
        topics=tuple(TopicRow(t.label, t.correct, t.total) for t in result.topics),
        questions=tuple(
            QuestionRow(
                number=number,
                topic=next((t.label for t in result.topics if t.topic == q.topic), q.topic),
                question=q.question,
                chosen=None if q.chosen is None else q.options[q.chosen],
                right=q.options[q.answer],
                correct=q.correct,
                explanation=q.explanation,
                reference=q.reference,
            )
            for number, q in enumerate(result.questions, start=1)
        ),
    )


def _banner(texts: PortfolioTexts, attempt: ExamAttempt, self_assessment: str) -> tuple[str, str]:
    review = attempt.validation
    if review is None:
        return self_assessment, "pending"
    when = review.at.strftime("%d/%m/%Y %H:%M")
    if review.agree:
        return texts.cover.validated_by.format(name=review.formador_name, when=when), "validated"
    return texts.cover.not_validated_by.format(name=review.formador_name, when=when), (
        "not_validated"
    )


def _earlier(texts: PortfolioTexts, attempt: ExamAttempt) -> tuple[str, ...]:
    """Every review before the latest one, newest first: a formador who changed the decision
    leaves the earlier one on the record, as the exam screen shows it."""
    lines = []
    for old in reversed(attempt.validations[:-1]):
        decision = texts.cover.validated_word if old.agree else texts.cover.not_validated_word
        lines.append(
            texts.cover.earlier_line.format(
                when=old.at.strftime("%d/%m/%Y %H:%M"),
                name=old.formador_name,
                decision=decision,
                note=f": «{old.note}»" if old.note else "",
            )
        )
    return tuple(lines)


def build_portfolio(
    attempt: ExamAttempt,
    calls: Sequence[CallInput],
    checklists: Sequence[CallChecklist],
    questionnaire: QuestionnaireResult | None,
    verdict: ExamVerdict,
    *,
    generated_at: datetime,
    self_assessment: str,
) -> Portfolio:
    """Pure: the portfolio of ``attempt`` (``self_assessment``: the banner of an attempt that no
    formador has reviewed yet, from the exam plan)."""
    texts = portfolio_texts()
    by_id = {call.call_id: call for call in calls}
    banner, validation = _banner(texts, attempt, self_assessment)
    return Portfolio(
        texts=texts,
        attempt_id=attempt.id,
        candidate=attempt.trainee_name,
        started_at=attempt.started_at,
        finished_at=attempt.finished_at,
        generated_at=generated_at,
        competent=verdict.competent,
        verdict=texts.element.competent if verdict.competent else texts.element.not_yet,
        reasons=tuple(verdict.reasons),
        status=attempt.status_name,
        banner=banner,
        validation=validation,
        note=attempt.validation.note if attempt.validation else "",
        earlier=_earlier(texts, attempt),
        performances=_performances(texts, verdict, calls),
        critical=_critical(texts, calls),
        checklist=_checklist(texts, checklists, by_id),
        questionnaire=_questionnaire(texts, questionnaire) if questionnaire else None,
        calls=tuple(call_view(call) for call in calls),
    )
