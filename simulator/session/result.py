"""What a finished call hands back (outcome, transcript, scorecard) and the transcript skeleton.

The skeleton carries everything the scorer needs from the scenario (kind, company, catalog,
required fields, true customer data, maximum hold), so a transcript can be scored on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from simulator.content.transcripts import KIND_TO_CALL, catalog_entries, customer_data
from simulator.models.content import Scenario
from simulator.models.transcript import Transcript

if TYPE_CHECKING:
    from simulator.customer.state import CustomerState
    from simulator.models.scorecard import Scorecard


@dataclass
class CallResult:
    outcome: str
    transcript: Transcript
    scorecard: Scorecard | None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "transcript": self.transcript.model_dump(mode="json"),
            "scorecard": self.scorecard.model_dump(mode="json") if self.scorecard else None,
        }


def skeleton(scenario: Scenario, agent_name: str | None) -> Transcript:
    """The transcript of a call that has not started: everything the scorer needs from the scenario."""
    return Transcript(
        kind=KIND_TO_CALL[scenario.kind],
        scenario=scenario.id,
        company=scenario.company.name,
        agent_name=agent_name or scenario.agent_name,
        catalog=catalog_entries(scenario),
        required_fields=list(scenario.required_fields),
        customer_data=customer_data(scenario),
        current_payment=scenario.customer.current_payment,
        max_hold_seconds=scenario.max_hold_seconds,
        complete=False,
        preparation_applicable=True,
        mode="text",  # explicit: simulated turn times are not speech (no voice metrics)
    )


def decide_outcome(scenario: Scenario, state: CustomerState, transcript: Transcript) -> str:
    """sale / no_sale for sales; resolved needs the goal reached and every required field captured.

    A sale is the customer's yes *and* the agent's registration: an agent who hears «no, para
    nada» to «¿registro ya la contratación?» and sends a quote instead made no sale (panel t-09)."""
    capture = transcript.capture
    registered = any(e.type == "sale_registered" for e in transcript.events)
    if scenario.goal == "sale":
        if state.accepted and registered:
            return "sale"
        return "hung_up" if state.hung_up else "no_sale"
    captured = all(capture.get(f) for f in scenario.required_fields)
    done = state.payment_promise if scenario.goal == "payment_promise" else state.resolved
    if done and captured:
        return "resolved"
    return "hung_up" if state.hung_up else "unresolved"
