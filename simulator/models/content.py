"""Scenarios and personas as validated data (docs/formats.md §5).

A *persona* is who the customer is (type, traits, how they speak); a *scenario* is what happens
(company, catalog, true customer data, hidden needs, objections, buying signals, traps). One YAML
file per object, ``id`` equal to the file slug, unknown keys rejected.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
)

from simulator.models.acts import ObjectionType

CustomerType = Literal[
    "amable",
    "indeciso",
    "impaciente",
    "molesto",
    "desconfiado",
    "platicador",
    "experto",
    "callado",
    "regateador",
]
ScenarioKind = Literal["outbound_sale", "inbound_sale", "service", "collections"]
Goal = Literal["sale", "resolved", "payment_promise"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- bank lines


class Line(str):
    """An authored customer line that declares what it presupposes about the call.

    In YAML a line is a plain string, or ``{say: "…", requires: [...], unless: [...]}``: the
    facts (``customer/es/presuppositions.yaml``) that must hold, or must not hold, for the line to
    make sense («Soy cliente cumplido» needs ``existing_customer`` and ``customer_male``). The
    value stays a ``str`` for every reader; the customer's mouth reads the two sets.
    """

    requires: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()


LINE_KEYS = frozenset({"say", "requires", "unless"})


def as_line(value: Any) -> str:
    """A bank entry as a string: plain, or a :class:`Line` when it declares presuppositions."""
    if not isinstance(value, dict):
        return str(value)
    line = Line(str(value.get("say", "")))
    line.requires = frozenset(str(x) for x in value.get("requires") or [])
    line.unless = frozenset(str(x) for x in value.get("unless") or [])
    return line


def _line(value: Any, handler: ValidatorFunctionWrapHandler, _: ValidationInfo) -> str:
    if not isinstance(value, dict):
        return str(handler(value))
    unknown = set(value) - LINE_KEYS
    if unknown or not isinstance(value.get("say"), str):
        raise ValueError(f"una línea es un texto o {{say, requires, unless}}: {sorted(unknown)}")
    for key in ("requires", "unless"):
        facts = value.get(key) or []
        if not isinstance(facts, list) or not all(isinstance(x, str) for x in facts):
            raise ValueError(f"«{key}» es una lista de hechos (textos)")
    return as_line({**value, "say": handler(value["say"])})


_LINE_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "properties": {
                "say": {"type": "string"},
                "requires": {"type": "array", "items": {"type": "string"}},
                "unless": {"type": "array", "items": {"type": "string"}},
            },
            "required": ["say"],
            "additionalProperties": False,
        },
    ]
}
BankLine = Annotated[str, WrapValidator(_line), WithJsonSchema(_LINE_SCHEMA)]


# --------------------------------------------------------------------------- persona


class Traits(_Strict):
    """0–100 dials the brain reads. Reactions say how strongly the customer reacts."""

    patience: int = Field(60, ge=0, le=100)
    verbosity: int = Field(50, ge=0, le=100)
    trust: int = Field(50, ge=0, le=100)
    price_sensitivity: int = Field(50, ge=0, le=100)
    openness: int = Field(50, ge=0, le=100, description="How readily needs are revealed")
    empathy_reaction: int = Field(50, ge=0, le=100)
    pressure_reaction: int = Field(50, ge=0, le=100)
    interruption_reaction: int = Field(50, ge=0, le=100)
    repetition_reaction: int = Field(50, ge=0, le=100)
    monologue_tolerance_words: int = Field(60, ge=10, le=400)
    needs_empathy_first: bool = False
    asks_for_guarantees: bool = False
    haggles: bool = False
    digresses: bool = False
    short_answers_to_closed: bool = False
    tests_knowledge: bool = False


class Voice(_Strict):
    tts_voice: str = "es-419"
    rate: int = Field(160, ge=80, le=260)
    pitch: int = Field(50, ge=0, le=99)
    yields_to_interruption: bool = Field(
        True,
        description="In a voice call, the customer stops talking when the trainee talks over "
        "them (false: they keep talking; the interruption is recorded either way)",
    )


class Speech(_Strict):
    """Utterance banks keyed by mouth intent (see the persona README); ``{slots}`` are filled."""

    banks: dict[str, list[BankLine]] = Field(default_factory=dict)
    fillers: list[str] = Field(default_factory=list)
    regional: list[str] = Field(default_factory=list)


class Persona(_Strict):
    id: str
    name: str
    customer_type: CustomerType
    description: str
    coaching_tip: str = ""
    traits: Traits = Field(default_factory=Traits)
    speech: Speech = Field(default_factory=Speech)
    voice: Voice = Field(default_factory=Voice)


# --------------------------------------------------------------------------- scenario


OpeningItem = Literal["greeting", "company_id", "agent_id", "offer_help", "confirm_identity"]
ClosingItem = Literal["offer_more", "thanks", "farewell"]


def _default_opening() -> list[OpeningItem]:
    return ["greeting", "company_id", "agent_id", "offer_help"]


def _default_closing() -> list[ClosingItem]:
    return ["offer_more", "thanks", "farewell"]


class Protocol(_Strict):
    opening: list[OpeningItem] = Field(default_factory=_default_opening)
    closing: list[ClosingItem] = Field(default_factory=_default_closing)
    opening_example: str = ""
    closing_example: str = ""


class Company(_Strict):
    name: str
    area: str = ""
    protocol: Protocol = Field(default_factory=Protocol)


class MustSay(_Strict):
    """A condition the agent must tell the customer whenever the product is offered (a card
    blocked during an agreement, a fee per late payment): product information is not met
    without it. ``said_as``: patterns (on folded text, no accents) of the ways to say it."""

    condition: str
    said_as: list[str] = Field(default_factory=list)


class Product(_Strict):
    id: str
    name: str
    price: float | None = None
    currency: str = "MXN"
    period: str | None = None
    aliases: list[str] = Field(default_factory=list)
    features: list[str] = Field(default_factory=list)
    benefits: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    must_say: list[MustSay] = Field(
        default_factory=list, description="conditions to say whenever the product is offered"
    )
    in_stock: bool = True
    substitutes: list[str] = Field(default_factory=list, description="ids of substitute products")
    addon: bool = False


class CustomerProfile(_Strict):
    """The true data of the customer; what they say when asked, what capture must match."""

    name: str
    first_name: str
    title: str = ""
    data: dict[str, str] = Field(default_factory=dict)
    situation: str = ""
    current_provider: str = ""
    current_payment: float | None = None


class Need(_Strict):
    id: str
    description: str
    reveal: Literal["open", "probe"] = "open"
    probe_keywords: list[str] = Field(default_factory=list)
    benefit_keywords: list[str] = Field(default_factory=list)
    statements: list[BankLine] = Field(min_length=1)


class Objection(_Strict):
    id: str
    type: ObjectionType
    trigger: Literal["opening", "presentation", "price", "close", "data_request"] = "presentation"
    resolve_keywords: list[str] = Field(default_factory=list)
    statements: list[BankLine] = Field(min_length=1)
    after_resolved: list[BankLine] = Field(default_factory=list)


class BuyingSignal(_Strict):
    id: str
    threshold: int = Field(60, ge=0, le=100)
    statements: list[BankLine] = Field(min_length=1)


class Trap(_Strict):
    id: str
    type: Literal["confidential_request", "wrong_price_bait", "do_not_call", "pressure_bait"]
    trigger: Literal["opening", "presentation", "close", "data_request", "end"] = "presentation"
    statements: list[BankLine] = Field(min_length=1)
    expected: str = Field(description="what a competent agent does, shown in feedback")
    refusal_keywords: list[str] = Field(default_factory=list)


class Scenario(_Strict):
    id: str
    title: str
    kind: ScenarioKind
    difficulty: int = Field(ge=1, le=3)
    goal: Goal = "sale"
    briefing: str
    skills: list[str] = Field(default_factory=list, description="skill keys this scenario trains")
    company: Company
    agent_name: str = "Agente"
    catalog: list[Product] = Field(default_factory=list)
    customer: CustomerProfile
    reason: str = Field("", description="why the customer calls (inbound/service) or is called")
    default_persona: str
    personas: list[str] = Field(
        default_factory=list, description="persona ids that fit; empty = any"
    )
    needs: list[Need] = Field(default_factory=list)
    objections: list[Objection] = Field(default_factory=list)
    buying_signals: list[BuyingSignal] = Field(default_factory=list)
    required_fields: list[str] = Field(default_factory=list)
    max_hold_seconds: int = Field(60, ge=5, le=600)
    traps: list[Trap] = Field(default_factory=list)
    banks: dict[str, list[BankLine]] = Field(
        default_factory=dict, description="scenario-specific utterances keyed by mouth intent"
    )
