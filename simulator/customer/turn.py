"""One agent turn as the customer brain sees it, plus helpers every move shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.customer import cues
from simulator.customer.state import CustomerState, Intent
from simulator.models.content import Persona, Scenario


def clamp(value: float) -> int:
    return int(max(0, min(100, round(value))))


@dataclass
class Turn:
    text: str
    norm: str
    acts: set[str]
    s: CustomerState
    scenario: Scenario
    persona: Persona
    intents: list[Intent] = field(default_factory=list)
    # What wore the customer's patience down this turn (the reason of a hang-up).
    causes: list[str] = field(default_factory=list)
    # Fields the agent proposed with the customer's own value this turn («de 9 a 13, ¿le queda?»).
    proposed: list[str] = field(default_factory=list)
    # The offer of this turn was already heard (a close that presents reacts to it first).
    presentation_heard: bool = False
    # The customer had said yes before this turn: a second «me convenció» is no new decision.
    accepted_before: bool = False
    # What moved the customer's stance this turn (customer/stance_machine.py), once decided.
    stance_why: str | None = None

    @property
    def words(self) -> int:
        return len([w for w in self.norm.split() if w != "?"])

    def say(self, name: str, ref: str | None = None, **slots: str) -> None:
        self.intents.append(Intent(name=name, ref=ref, slots=dict(slots)))

    @property
    def ctype(self) -> str:
        return self.persona.customer_type


def benefit_ties(t: Turn, revealed_only: bool) -> list[str]:
    ids = []
    for need in t.scenario.needs:
        if revealed_only and need.id not in t.s.revealed_needs:
            continue
        if cues.need_keyword_hit(t.norm, need.benefit_keywords):
            ids.append(need.id)
    return ids


def tied_benefits(t: Turn) -> list[str]:
    """Interest from benefits tied to needs the customer told (more the first time each)."""
    s = t.s
    ties = benefit_ties(t, revealed_only=True)
    gain = 0
    for need_id in ties:
        flag = f"benefit:{need_id}"
        gain += 3 if flag in s.once_flags else 9
        if flag not in s.once_flags:
            s.once_flags.append(flag)
    s.interest = clamp(s.interest + min(gain, 16))
    return ties
