"""The words of the evidence portfolio, typed: one data file (``es/portfolio.yaml``) that the HTML
template and the PDF writer both read, so the two formats never say a judgement differently.

Also the two small formatters both formats share: a time in the call as mm:ss and a date as the
portfolio prints it. The file is read on first use, never at import.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from pydantic import BaseModel, ConfigDict

from simulator.datafiles import resource_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CoverTexts(_Strict):
    candidate: str
    attempt: str
    started: str
    finished: str
    generated: str
    verdict: str
    status: str
    calls: str
    questionnaire: str
    reasons: str
    validated_by: str
    not_validated_by: str
    note: str
    earlier: str
    earlier_line: str
    validated_word: str
    not_validated_word: str
    time_zone: str


class SectionTexts(_Strict):
    guide: str
    guide_intro: str
    critical: str
    no_critical: str
    checklist: str
    checklist_intro: str
    questionnaire: str
    no_questionnaire: str
    transcripts: str
    transcripts_intro: str


class StatusTexts(_Strict):
    met: str
    not_met: str
    not_applicable: str


class ElementTexts(_Strict):
    competent: str
    not_yet: str
    not_observed: str


class SpeakerTexts(_Strict):
    agent: str
    customer: str


class ColumnTexts(_Strict):
    performance: str
    call: str
    result: str
    evidence: str
    turn: str
    time: str
    speaker: str
    text: str
    product: str
    detail: str
    topic: str
    correct: str
    error: str


class LabelTexts(_Strict):
    missing: str
    better: str
    reason: str
    no_evidence: str
    chosen: str
    right: str
    explanation: str
    reference: str
    unanswered: str
    answer_right: str
    answer_wrong: str
    score: str
    passed: str
    failed: str
    scenario: str
    persona: str
    outcome: str
    overall: str
    call_verdict: str
    started: str
    incomplete: str


class EventTexts(_Strict):
    """What the transcript shows for an event of the call (besides the words)."""

    speaker: str
    status: str
    capture: str
    sale_registered: str
    hold_start: str
    hold_end: str
    hangup: str


class PortfolioTexts(_Strict):
    title: str
    standard: str
    cover: CoverTexts
    sections: SectionTexts
    status: StatusTexts
    element: ElementTexts
    speaker: SpeakerTexts
    columns: ColumnTexts
    labels: LabelTexts
    events: EventTexts
    page: str

    def speaker_name(self, speaker: str) -> str:
        return self.speaker.agent if speaker == "agent" else self.speaker.customer

    def status_word(self, status: str) -> str:
        return str(getattr(self.status, status))


@cache
def portfolio_texts() -> PortfolioTexts:
    """The bundled texts (``es/portfolio.yaml``), read once."""
    return PortfolioTexts.model_validate(resource_yaml("simulator.reports", "es/portfolio.yaml"))


def clock(seconds: float | None) -> str:
    """A moment of the call as «mm:ss» («h:mm:ss» past an hour); «—» when unknown."""
    if seconds is None or seconds < 0:
        return "—"
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def day_time(moment: datetime | None) -> str:
    """A date and time as the portfolio prints it: «05/12/2026 19:30»; «—» when unknown."""
    return "—" if moment is None else moment.strftime("%d/%m/%Y %H:%M")
