"""The practical calls of an evidence portfolio as it prints them: what the portfolio needs of a
call (``CallInput``), and the call's header with its full transcript — time, speaker and words of
every turn, and between the turns the events of the call (the agent's status, each captured field,
the sale registered, holds, who hung up), so the lista de cotejo's evidence can be found in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from simulator.language.display import display
from simulator.language.names import field_label
from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Event, Transcript
from simulator.reports.portfolio_texts import PortfolioTexts, clock, portfolio_texts

# events of the call the transcript shows between the words (the others are the scorer's business)
SHOWN_EVENTS = ("status", "capture", "sale_registered", "hold_start", "hold_end", "hangup")


@dataclass(frozen=True, slots=True)
class CallInput:
    """A practical call as the portfolio needs it (scorecard with the formadores' corrections)."""

    call_id: int
    label: str  # «Llamada de venta»
    scenario: str  # title
    persona: str  # name (and customer type)
    started_at: datetime
    outcome: str  # Spanish
    transcript: Transcript
    scorecard: Scorecard | None


@dataclass(frozen=True, slots=True)
class Line:
    """A line of a transcript: a turn (``turn`` set) or an event of the call."""

    turn: int | None
    time: str
    speaker: str
    text: str

    @property
    def event(self) -> bool:
        return self.turn is None


@dataclass(frozen=True, slots=True)
class CallView:
    label: str
    scenario: str
    persona: str
    started_at: datetime
    outcome: str
    overall: int | None
    verdict: str
    complete: bool
    lines: tuple[Line, ...]


def event_text(texts: PortfolioTexts, event: Event) -> str:
    """What the transcript says for an event («Venta registrada: Plan Hogar 200 megas»)."""
    value = event.value or ""
    if event.type == "capture" and "=" in value:
        field, _, given = value.partition("=")
        value = f"{field_label(field)}: {given}"
    text: str = getattr(texts.events, event.type).format(value=value)
    return text.rstrip(": ").strip() if not value else text


def _lines(texts: PortfolioTexts, transcript: Transcript) -> tuple[Line, ...]:
    events: dict[int, list[Event]] = {}
    for event in transcript.events:
        if event.type in SHOWN_EVENTS:
            events.setdefault(event.after_turn or 0, []).append(event)
    speaker = texts.events.speaker
    lines = [Line(None, clock(e.t), speaker, event_text(texts, e)) for e in events.pop(0, [])]
    for number, turn in enumerate(transcript.turns, start=1):
        lines.append(Line(number, clock(turn.start), texts.speaker_name(turn.speaker), turn.text))
        lines += [
            Line(None, clock(e.t), speaker, event_text(texts, e)) for e in events.pop(number, [])
        ]
    for rest in events.values():  # events placed after the last turn
        lines += [Line(None, clock(e.t), speaker, event_text(texts, e)) for e in rest]
    return tuple(lines)


def call_view(call: CallInput) -> CallView:
    """The call's header and its transcript as the portfolio prints them."""
    texts = portfolio_texts()
    card = call.scorecard
    return CallView(
        label=call.label,
        scenario=call.scenario,
        persona=call.persona,
        started_at=call.started_at,
        outcome=call.outcome,
        overall=card.overall if card else None,
        verdict=display("verdict", card.verdict) if card else "—",
        complete=call.transcript.complete,
        lines=_lines(texts, call.transcript),
    )
