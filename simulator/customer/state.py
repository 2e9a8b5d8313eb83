"""The customer's hidden state during one call, as data.

``CustomerState`` is everything the brain knows and remembers; it is a strict pydantic model so a
call can be journaled after every turn, saved and resumed, and two runs with the same seed produce
the same states. The brain never mutates a state in place: it returns a new one.
"""

from __future__ import annotations

import random

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OpenObjection(_Strict):
    """An objection on the stack. Popped only when both acknowledged and responded to (LAER)."""

    id: str
    type: str
    intent: str = "objection"
    acknowledged: bool = False
    responded: bool = False
    explored: bool = False
    repeats: int = 0
    raised_turn: int = 0


class Intent(_Strict):
    """One customer act chosen by the brain, realized into Spanish by a mouth.

    ``ref`` points at the scenario item that supplies the words when the intent is composed
    (a need id, an objection id, a buying-signal id, a trap id); ``slots`` fill ``{braces}``.
    """

    name: str
    ref: str | None = None
    slots: dict[str, str] = Field(default_factory=dict)


class CustomerState(_Strict):
    seed: int = 0
    rng_counter: int = 0
    turn: int = 0
    # The call's date (ISO): the scenario's yearless dates are the next such days after it.
    call_date: str = ""

    interest: int = Field(30, ge=0, le=100)
    trust: int = Field(50, ge=0, le=100)
    patience: int = Field(60, ge=0, le=100)

    greeted: bool = False
    identity_confirmed: bool = False
    purpose_known: bool = False
    reason_stated: bool = False
    empathy_received: bool = False

    revealed_needs: list[str] = Field(default_factory=list)
    hinted_needs: list[str] = Field(default_factory=list)
    objections: list[OpenObjection] = Field(
        default_factory=list, description="open stack, top last"
    )
    objections_raised: list[str] = Field(default_factory=list)
    objections_handled: list[str] = Field(default_factory=list)
    objections_ignored: int = 0
    # Memory of the call: resolve keywords of not-yet-raised objections the agent already said
    # (an objection answered before it is raised is not raised), by objection id.
    heard_answers: dict[str, list[str]] = Field(default_factory=dict)
    # Topics the agent already answered (``answered_topics`` in es/brain.yaml): not asked again.
    topics_heard: list[str] = Field(default_factory=list)
    # ``mentioned_topics`` the agent has brought up (a line about «la bonificación» needs one)
    topics_mentioned: list[str] = Field(default_factory=list)
    # Facts the agent's words established (customer/presuppose.py, es/presuppositions.yaml), and
    # the length of its last turn: what the customer's lines may presuppose.
    facts_heard: list[str] = Field(default_factory=list)
    agent_words: int = 0
    signals_given: list[str] = Field(default_factory=list)
    traps_fired: list[str] = Field(default_factory=list)
    once_flags: list[str] = Field(default_factory=list, description="one-shot persona moves used")
    # What the customer type remembers of its own play (persona_play.py): the expert's question
    # and its true figure, the talkative customer's drift, the distrustful one's proofs heard.
    play: dict[str, str] = Field(default_factory=dict)

    fields_given: dict[str, str] = Field(default_factory=dict)
    fields_confirmed: list[str] = Field(default_factory=list)
    fields_corrected: list[str] = Field(default_factory=list)

    presented: bool = False
    products_mentioned: list[str] = Field(default_factory=list)
    price_mentioned: bool = False
    wrong_facts: int = 0
    close_attempts: int = 0
    closes_refused: int = 0
    questions_asked: list[str] = Field(
        default_factory=list, description="normalized agent questions"
    )
    monologues: int = 0

    on_hold: bool = False
    hold_permission: bool = False
    holds: int = 0
    long_holds: int = 0

    # The customer's stance toward the offer (customer/stance_machine.py): interested, hesitating,
    # refusing or accepted; whether its last stance leaned toward the offer; each move with what
    # moved it («turn:before>after:trigger»).
    stance: str = "interested"
    stance_warm: bool = False
    stance_moves: list[str] = Field(default_factory=list)

    accepted: bool = False
    refused: bool = False
    hung_up: bool = False
    do_not_call: bool = False
    resolved: bool = False
    payment_promise: bool = False
    farewell_said: bool = False
    # The decisions the scorer needs, written by the session as transcript events: this turn's
    # answer to a close (accepted | refused | hesitated, and what was done instead) and why the
    # customer hung up (one of models.transcript.HANGUP_REASONS).
    decision: str | None = None
    decision_reason: str | None = None
    hangup_reason: str | None = None

    last_intents: list[str] = Field(default_factory=list)
    last_text: str = ""
    used_keys: list[str] = Field(default_factory=list, description="utterance keys already said")
    used_texts: list[str] = Field(default_factory=list, description="whole lines already said")

    def rng(self) -> random.Random:
        """A generator for the next random draw; bumps the counter so draws never repeat."""
        self.rng_counter += 1
        return random.Random(f"{self.seed}:{self.rng_counter}")

    def open_objection(self) -> OpenObjection | None:
        return self.objections[-1] if self.objections else None
