"""Sparse live hints for practice mode: one short nudge about the most pressing thing."""

from __future__ import annotations

from simulator.customer.simulator import CustomerReply
from simulator.customer.state import CustomerState
from simulator.models.content import Persona, Scenario


def hint_key(
    s: CustomerState,
    reply: CustomerReply | None,
    persona: Persona,
    scenario: Scenario,
    agent_turns: int,
) -> str | None:
    """Which hint (key in ``es/session.yaml``) fits the call now, if any."""
    if persona.traits.needs_empathy_first and not s.empathy_received and agent_turns >= 1:
        return "needs_empathy"
    if reply is not None and "trap" in reply.intent_names:
        return "trap"
    if reply is not None and "annoyed" in reply.intent_names:
        return "annoyed"
    if s.objections and any(o.raised_turn < s.turn for o in s.objections):
        return "objection_open"
    if reply is not None and reply.buying_signal and scenario.goal == "sale":
        # a service, complaint or collections call has no buying-signal skill to practise
        return "buying_signal"
    if s.patience < 25:
        return "low_patience"
    if agent_turns >= 4 and not s.revealed_needs and scenario.needs:
        return "ask_open"
    if (
        scenario.goal == "sale"
        and s.presented
        and not s.objections
        and not s.accepted
        and s.interest >= 60
        and s.close_attempts == 0
    ):
        return "ready_to_close"
    if s.fields_given and not s.fields_confirmed and agent_turns >= 6:
        return "confirm_data"
    return None
