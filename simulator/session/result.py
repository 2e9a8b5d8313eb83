"""What a finished call hands back (outcome, transcript, scorecard) and the transcript skeleton.

The skeleton carries everything the scorer needs from the scenario (kind, company, catalog,
required fields, true customer data, maximum hold), so a transcript can be scored on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from simulator.content.transcripts import KIND_TO_CALL, catalog_entries, customer_data
from simulator.language.normalize import normalize
from simulator.models.content import Scenario
from simulator.models.transcript import Transcript
from simulator.session import texts
from simulator.session.unregistered import unregistered_turn

_QUESTION = re.compile(r"¿?([^¿?.!]*)\?")
_NO = re.compile(r"(?:mmm |este |pues |ay )?no\b")

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
    """The transcript of a call that has not started: everything the scorer needs from the scenario.

    A live call passes the customer's dated scenario: its record then says «27 de diciembre» for
    the scenario's «27 de noviembre» on a call of 6 December (panel I, yc-08: the agent's capture
    of the 27th of December «did not match» the undated record)."""
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
    """sale / no_sale for sales; resolved needs the goal reached, every required field captured
    and no request promised after the last registration left unregistered (panel N ug-02).

    A yes withdrawn before anything was registered is no sale: «Sí, está bien» and then «No, para
    nada» to «¿registro ya la contratación?», with a quote sent instead (panel t-09)."""
    capture = transcript.capture
    if scenario.goal == "sale":
        registered = _registered(transcript)
        # a yes the customer hung up on before anything was registered is no sale (blind panel P
        # se-05 T15: «Le cuelgo» while the agent asked for the plates, model and e-mail)
        if state.accepted and (registered or not (_withdrawn(transcript) or state.hung_up)):
            return "sale"
        return "hung_up" if state.hung_up else "no_sale"
    captured = all(capture.get(f) for f in scenario.required_fields)
    done = state.payment_promise if scenario.goal == "payment_promise" else state.resolved
    if (
        done
        and captured
        and not (scenario.goal == "resolved" and unregistered_turn(transcript) is not None)
    ):
        return "resolved"
    return "hung_up" if state.hung_up else "unresolved"


def _registered(transcript: Transcript) -> bool:
    return any(e.type == "sale_registered" for e in transcript.events)


def _withdrawn(transcript: Transcript) -> bool:
    """After the customer's last yes, a «no» to the agent's question about registering it."""
    yes = [
        e.after_turn
        for e in transcript.events
        if e.type == "consent" and e.value == "accepted" and e.after_turn
    ]
    if not yes:
        return False
    asks = re.compile(str(texts.data_value("registration_question")))
    turns = transcript.turns
    for i in range(max(yes), len(turns)):
        said, before = turns[i], turns[i - 1]
        if said.speaker != "customer" or before.speaker != "agent":
            continue
        asked = _QUESTION.findall(before.text)
        if asked and asks.search(normalize(asked[-1])) and _NO.match(normalize(said.text)):
            return True  # the agent's last question was about registering, and the answer is no
    return False
