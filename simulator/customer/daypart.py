"""The part of the day the customer's greetings and farewells name: the one the agent named.

The persona banks say «buenas tardes» and «que tenga bonita tarde» whatever the hour; after an
agent's «buenos días» a «bonita tarde» at the close is out of step with the call (blind panel I,
yc-03). The agent's first greeting that names a part of the day («buenos días», «buenas
noches») is kept in the customer's memory (``state.play``), and the customer's lines say the same
part of the day (``dayparts`` in es/address.yaml). With no such greeting the lines are left as
written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from simulator.customer import address
from simulator.customer.state import CustomerState
from simulator.language.normalize import normalize

KEY = "daypart"


def note_agent(agent_turn: str, state: CustomerState) -> None:
    """Remember the part of the day the agent's greeting names (the first one stands)."""
    if KEY in state.play:
        return
    said = f" {normalize(agent_turn)} "
    for part, rule in address.config().get("dayparts", {}).items():
        if any(f" {normalize(g)} " in said for g in rule.get("agent", [])):
            state.play[KEY] = str(part)
            return


def fit(text: str, state: CustomerState) -> str:
    """The line with its greetings and farewells in the agent's part of the day."""
    rule = address.config().get("dayparts", {}).get(state.play.get(KEY, ""), {})
    for wrong, right in rule.get("say", {}).items():
        text = re.sub(rf"\b{re.escape(wrong)}\b", _case(right), text, flags=re.IGNORECASE)
    return text


def _case(right: str) -> Callable[[re.Match[str]], str]:
    """A replacement that keeps the capital of the words it replaces."""

    def replace(match: re.Match[str]) -> str:
        return right[:1].upper() + right[1:] if match.group(0)[:1].isupper() else right

    return replace
