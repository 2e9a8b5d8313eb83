"""The transcript interchange format ``simulador.transcript/1`` (docs/formats.md §1).

A transcript is the only thing the scorer reads (plus, optionally, the scenario it names), so the
same scorer grades simulated calls and real imported calls.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

TRANSCRIPT_FORMAT = "simulador.transcript/1"
# /2 = /1 plus what a spoken call records: ``interruption``, ``recording`` and ``acceptance_clip``
# events and the events' ``end``. A transcript is written as /1 unless it uses them.
TRANSCRIPT_FORMAT_2 = "simulador.transcript/2"
SUPPORTED_FORMATS = (TRANSCRIPT_FORMAT, TRANSCRIPT_FORMAT_2)
FORMAT_2_EVENTS: tuple[str, ...] = ("interruption", "recording", "acceptance_clip")

Speaker = Literal["agent", "customer"]
CallKind = Literal["sale", "service", "complaint", "collections"]
EventType = Literal[
    "status",
    "hold_start",
    "hold_end",
    "sale_registered",
    "capture",
    "hangup",
    "call_start",
    "call_end",
    "consent",
    "interruption",
    "recording",
    "acceptance_clip",
]
# ``consent`` events: the simulated customer's answer to a close, written by the session right
# after the customer's turn (``after_turn`` is that turn). The scorer trusts them over its own
# reading of the words, so the outcome and ``sale_without_consent`` come from one decision.
ConsentValue = Literal["accepted", "refused", "hesitated"]
CONSENT_VALUES: tuple[str, ...] = ("accepted", "refused", "hesitated")
# ``interruption`` (voice calls): the agent talked over the customer's turn ``after_turn`` at ``t``;
# ``value`` who interrupted (``agente``), ``reason`` ``yielded`` (the customer stopped there, their
# turn ends at ``t``) or ``kept_talking`` (a persona that does not yield).
INTERRUPTION_REASONS: tuple[str, ...] = ("yielded", "kept_talking")
# Why the simulated customer hung up (``reason`` of a ``hangup`` event with value «cliente»).
HANGUP_REASONS: tuple[str, ...] = (
    "insulted",
    "fraud_suspected",
    "do_not_call_ignored",
    "pressure",
    "objection_ignored",
    "repetition",
    "monologue",
    "long_hold",
    "hold_without_permission",
    "impatience",
)

MAX_TURNS = 2000
MAX_TURN_CHARS = 20_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MustSayEntry(_Strict):
    """A condition to say whenever the product is offered and the patterns that say it."""

    condition: str
    said_as: list[str] = Field(default_factory=list)


class CatalogEntry(_Strict):
    """A product as the transcript knows it: enough to check what the agent said about it."""

    name: str
    price: float | None = None
    currency: str = "MXN"
    period: str | None = None
    aliases: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    # What the product offers (a cap, a deductible, a sum insured): an amount said of the product
    # that one of these states is no price error.
    features: list[str] = Field(default_factory=list)
    # Conditions the agent must say whenever the product is offered, each with the patterns
    # (folded text) that say it: product information is not met without them.
    must_say: list[MustSayEntry] = Field(default_factory=list)


class Turn(_Strict):
    speaker: Speaker
    text: str = Field(max_length=MAX_TURN_CHARS)
    start: float | None = None
    end: float | None = None


class Event(_Strict):
    """Something that happened in the call besides words (status, hold, capture, sale, hang-up,
    the simulated customer's answer to a close)."""

    type: EventType = Field(
        description=(
            "status (value: the agent's status), hold_start, hold_end (value: seconds), "
            "sale_registered (value: product), capture (value: field=value), hangup (value: "
            "cliente|agente; reason: why the customer hung up), call_start, call_end, consent "
            "(simulated calls only: the customer's answer to a close; value: accepted|refused|"
            "hesitated; after_turn: the customer's turn; reason: what they did instead); "
            "format /2, voice calls: interruption (value: who interrupted, agente; after_turn: "
            "the customer's turn talked over; reason: yielded|kept_talking), recording (value: "
            "the WAV of the whole call), acceptance_clip (value: the WAV of the customer's "
            "acceptance; after_turn: that turn; t and end: where it is in the call)"
        )
    )
    t: float = 0.0
    value: str | None = None
    # Index (1-based) of the last turn before the event; lets the scorer place events in text calls.
    after_turn: int | None = Field(
        None, description="1-based index of the last turn before the event"
    )
    # ``hangup`` by the customer: why (one of HANGUP_REASONS); ``consent`` other than accepted:
    # what the customer did instead (objection, not_ready, refusal…). Absent in imported calls.
    reason: str | None = Field(
        None,
        description=(
            "hangup by the customer: insulted, fraud_suspected, do_not_call_ignored, pressure, "
            "objection_ignored, repetition, monologue, long_hold, hold_without_permission, "
            "impatience; consent not accepted: objection, not_ready, refusal; interruption: "
            "yielded, kept_talking"
        ),
    )
    # absent (not null) when unset, so a /1 transcript is written exactly as /1 readers expect
    end: float | None = Field(
        None,
        description="format /2: acceptance_clip, the second of the call where it ends",
        exclude_if=lambda value: value is None,
    )

    @model_validator(mode="after")
    def _known_consent(self) -> Event:
        if self.type == "consent" and self.value not in CONSENT_VALUES:
            raise ValueError(
                f"evento «consent» con valor «{self.value}»; se admite: {', '.join(CONSENT_VALUES)}"
            )
        if self.type == "interruption" and self.reason not in INTERRUPTION_REASONS:
            raise ValueError(
                f"evento «interruption» con motivo «{self.reason}»; se admite: "
                f"{', '.join(INTERRUPTION_REASONS)}"
            )
        if self.type in ("recording", "acceptance_clip") and not self.value:
            raise ValueError(f"el evento «{self.type}» necesita el archivo de audio en «value»")
        return self

    @property
    def needs_format_2(self) -> bool:
        return self.type in FORMAT_2_EVENTS or self.end is not None


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

    @model_validator(mode="after")
    def _spoken_when_timed(self) -> Transcript:
        """An imported call that does not say its mode and has a start and an end on every turn is
        speech-recognition output: record ``voice`` so the mode survives saving and reloading."""
        timed = bool(self.turns) and all(
            t.start is not None and t.end is not None for t in self.turns
        )
        if "mode" not in self.model_fields_set and timed:
            self.mode = "voice"
        return self

    @model_validator(mode="after")
    def _format_of_events(self) -> Transcript:
        """Events of format /2 make it /2 (a spoken call's file always reads back)."""
        self.upgrade_format()
        return self

    def upgrade_format(self) -> None:
        """Mark the transcript /2 when it uses what /2 added (call after adding such events)."""
        if self.format == TRANSCRIPT_FORMAT and any(e.needs_format_2 for e in self.events):
            self.format = TRANSCRIPT_FORMAT_2
