"""The transcript interchange format ``simulador.transcript/1`` (DESIGN.md §5).

A transcript is the only thing the scorer reads (plus, optionally, the scenario it names), so the
same scorer grades simulated calls and real imported calls.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

TRANSCRIPT_FORMAT = "simulador.transcript/1"
SUPPORTED_FORMATS = (TRANSCRIPT_FORMAT,)

Speaker = Literal["agent", "customer"]
CallKind = Literal["sale", "service", "collections"]
EventType = Literal[
    "status",
    "hold_start",
    "hold_end",
    "sale_registered",
    "capture",
    "hangup",
    "call_start",
    "call_end",
]

MAX_TURNS = 2000
MAX_TURN_CHARS = 20_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CatalogEntry(_Strict):
    """A product as the transcript knows it: enough to check what the agent said about it."""

    name: str
    price: float | None = None
    currency: str = "MXN"
    period: str | None = None
    aliases: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)


class Turn(_Strict):
    speaker: Speaker
    text: str = Field(max_length=MAX_TURN_CHARS)
    start: float | None = None
    end: float | None = None


class Event(_Strict):
    type: EventType
    t: float = 0.0
    value: str | None = None
    # Index (1-based) of the last turn before the event; lets the scorer place events in text calls.
    after_turn: int | None = None


class Transcript(_Strict):
    format: str = TRANSCRIPT_FORMAT
    language: str = "es"
    kind: CallKind = "sale"
    scenario: str | None = None
    company: str | None = None
    agent_name: str | None = None
    catalog: list[CatalogEntry] = Field(default_factory=list)
    required_fields: list[str] = Field(default_factory=list)
    customer_data: dict[str, str] = Field(default_factory=dict)
    # What the customer pays today to their current provider (scenario); not a price of ours.
    current_payment: float | None = None
    capture: dict[str, str] = Field(default_factory=dict)
    max_hold_seconds: float | None = None
    turns: list[Turn] = Field(default_factory=list, max_length=MAX_TURNS)
    events: list[Event] = Field(default_factory=list)
    # Filled by the simulator; absent in imported calls.
    complete: bool = True
    outcome: str | None = None
    mode: Literal["text", "voice"] = "text"
    preparation_applicable: bool = False

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        if value not in SUPPORTED_FORMATS:
            raise ValueError(
                f"versión de formato desconocida «{value}»; se admite: {', '.join(SUPPORTED_FORMATS)}"
            )
        return value
