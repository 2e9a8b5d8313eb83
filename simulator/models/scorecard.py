"""The scorecard format (docs/formats.md §2): the judgement of a call, with evidence for everything.

Keys are English machine keys; Spanish display names live in ``display.py``. A ``None`` element
``met`` or skill score means "not evaluated", never "failed".
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ELEMENT_KEYS: tuple[str, ...] = (
    "preparation",
    "opening_protocol",
    "needs_detection",
    "product_information",
    "objection_handling",
    "data_management",
    "call_closing",
)
SKILL_KEYS: tuple[str, ...] = (
    "probing",
    "active_listening",
    "buying_signals",
    "objection_handling",
    "closing",
    "phone_etiquette",
    "product_knowledge",
    "data_management",
    "customer_type_handling",
)
CRITICAL_CODES: tuple[str, ...] = (
    "disrespect",
    "inaccurate_information",
    "confidential_disclosure",
    "sale_without_consent",
    "ignores_do_not_call",
)
NON_CRITICAL_CODES: tuple[str, ...] = (
    "no_personalization",
    "hold_without_permission",
    "hold_without_thanks",
    "hold_too_long",
    "missing_farewell",
    "fillers",
    "interrupting",
    "unbacked_claim",
)

Verdict = Literal["competent", "not_yet_competent"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AudioClip(_Strict):
    """Where a turn can be heard: a WAV file and the seconds of the call it covers."""

    file: str
    start: float
    end: float
    label: str = ""  # the Spanish line the views print («Grabación de la aceptación: …»)


class Evidence(_Strict):
    """A quote from the call: 1-based turn number, who spoke, and the words (and, for the
    customer's explicit acceptance in a recorded voice call, its clip)."""

    turn: int
    speaker: Literal["agent", "customer"] = "agent"
    quote: str
    # absent when there is no clip, so scorecards without one are written as before
    clip: AudioClip | None = Field(None, exclude_if=lambda value: value is None)


class ElementResult(_Strict):
    met: bool | None
    evidence: list[Evidence] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    better_phrasing: str | None = None
    not_applicable_reason: str | None = None


class ErrorFinding(_Strict):
    code: str
    turn: int | None
    evidence: str
    explanation: str
    better_phrasing: str | None = None


class TurnActs(_Strict):
    index: int
    speaker: Literal["agent", "customer"]
    acts: list[str]
    objection_type: str | None = None


class FeedbackItem(_Strict):
    skill: str
    turn: int | None
    quote: str | None
    message: str
    why: str
    try_saying: str | None = None


class Feedback(_Strict):
    strengths: list[FeedbackItem] = Field(default_factory=list)
    improvements: list[FeedbackItem] = Field(default_factory=list)


class Drill(_Strict):
    scenario_kind: str
    customer_type: str
    difficulty: int = Field(ge=1, le=3)
    scenario: str | None = None


class PlanPriority(_Strict):
    skill: str
    score: int | None
    gap: int
    goal: str
    drills: list[Drill] = Field(default_factory=list)
    tips: list[str] = Field(default_factory=list)
    repeated: Literal["reincidente", "recurrente"] | None = None


class CoachingPlan(_Strict):
    priorities: list[PlanPriority] = Field(default_factory=list)
    checkpoint: str = ""
    repeated_faults: list[str] = Field(default_factory=list)
    history_calls: int = 0


class Scorecard(_Strict):
    overall: int = Field(ge=0, le=100)
    verdict: Verdict
    critical_errors: list[ErrorFinding] = Field(default_factory=list)
    non_critical_errors: list[ErrorFinding] = Field(default_factory=list)
    elements: dict[str, ElementResult]
    skills: dict[str, int | None]
    metrics: dict[str, float | int | None]
    turns: list[TurnActs] = Field(default_factory=list)
    feedback: Feedback = Field(default_factory=Feedback)
    coaching_plan: CoachingPlan = Field(default_factory=CoachingPlan)
