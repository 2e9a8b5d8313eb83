"""The exam's records: what was drawn for an attempt, the candidate's results and the verdict.

These are stored as JSON in the ``exam_attempts`` table and read by the TUI and the portfolio, so
they are strict pydantic models (``extra="forbid"``) like the transcript and the scorecard.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

AttemptStatus = Literal["en_curso", "autoevaluacion", "validada", "no_validada"]
STATUS_NAMES: dict[str, str] = {
    "en_curso": "En curso",
    "autoevaluacion": "Autoevaluación (pendiente de validar)",
    "validada": "Validada por un formador",
    "no_validada": "No validada por el formador",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PracticalSlot(_Strict):
    """A call of the practical part as drawn: scenario, customer and seed; ``call_id`` once played."""

    key: str
    label: str
    scenario_id: str
    persona_id: str
    seed: int
    call_id: int | None = None


class DrawnQuestion(_Strict):
    """A question as shown in this exam: options in the drawn order, ``answer`` a 0-based index."""

    id: str
    topic: str
    question: str
    options: list[str]
    answer: int = Field(ge=0)
    explanation: str
    reference: str


class Questionnaire(_Strict):
    seed: int
    questions: list[DrawnQuestion]


class QuestionResult(_Strict):
    id: str
    topic: str
    question: str
    options: list[str]
    chosen: int | None  # 0-based; None = not answered
    answer: int
    correct: bool
    explanation: str
    reference: str


class TopicScore(_Strict):
    topic: str
    label: str
    correct: int
    total: int


class QuestionnaireResult(_Strict):
    correct: int
    total: int
    score: float = Field(ge=0, le=1)
    pass_mark: float
    passed: bool
    topics: list[TopicScore]
    questions: list[QuestionResult]


class EvidenceLine(_Strict):
    """A quote that supports a judgement: which call, which turn, when it was said."""

    call_id: int
    call_label: str
    turn: int | None
    speaker: Literal["agent", "customer"] = "agent"
    quote: str
    at: float | None = None  # seconds from the start of the call, when known


class ChecklistItem(_Strict):
    key: str
    label: str
    met: bool | None  # None = does not apply to this call
    detail: str = ""
    evidence: list[EvidenceLine] = Field(default_factory=list)


class CallChecklist(_Strict):
    call_id: int
    call_label: str
    items: list[ChecklistItem]

    @property
    def met(self) -> bool:
        return all(item.met is not False for item in self.items)


class ElementVerdict(_Strict):
    """One desempeño across the practical calls."""

    key: str
    label: str
    competent: bool | None  # None = not observed in any call
    reasons: list[str] = Field(default_factory=list)
    evidence: list[EvidenceLine] = Field(default_factory=list)
    per_call: dict[str, bool | None] = Field(default_factory=dict)  # call label -> met


class ExamVerdict(_Strict):
    competent: bool
    complete: bool  # every part was done
    elements: list[ElementVerdict]
    critical_errors: list[EvidenceLine] = Field(default_factory=list)
    checklist_met: bool | None = None
    knowledge_passed: bool | None = None
    reasons: list[str] = Field(default_factory=list)  # why not competent (empty when competent)


class Validation(_Strict):
    formador_id: int | None  # None once the formador's account was deleted
    formador_name: str
    agree: bool
    note: str
    at: datetime


class ExamAttempt(_Strict):
    """One self-assessment of a candidate, as stored (the verdict is computed when asked for, so a
    formador's correction of a call's judgement reaches it)."""

    id: int
    trainee_id: int
    trainee_name: str
    started_at: datetime
    finished_at: datetime | None = None
    status: AttemptStatus = "en_curso"
    slots: list[PracticalSlot]
    questionnaire: Questionnaire
    answers: dict[str, int] | None = None  # question id -> chosen 0-based option
    draft: dict[str, int] = {}  # answers chosen but not yet sent (kept across sessions)
    validation: Validation | None = None  # the latest validation
    validations: list[Validation] = []  # every validation, oldest first

    @property
    def next_slot(self) -> PracticalSlot | None:
        return next((s for s in self.slots if s.call_id is None), None)

    @property
    def practical_done(self) -> bool:
        return self.next_slot is None

    @property
    def questionnaire_done(self) -> bool:
        return self.answers is not None

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]
