"""What moment of the call the agent's last turn is at: a goodbye is only a goodbye at the end.

Blind panel M (session 19, vg-02) heard «Bueno, pues hasta luego» in the middle of a complaint:
the agent had said «al terminar le voy a dar un folio… para que tenga un comprobante» and asked
for the account number, and the goodbye tagged on a clause about the end of the call made the
customer take its leave. A reply piece that presupposes the end of the call needs the agent's
last turn to be closing it: a turn that goes on asking the customer something (a datum, a
question, a close) other than «¿algo más?» is not a farewell, whatever a clause of it says.
"""

from __future__ import annotations

from simulator.analysis.agent import tag_agent
from simulator.customer import cues

GOING_ON = frozenset({"data_request", "open_question", "closed_question", "close", "trial_close"})


def fit_acts(text: str, acts: set[str]) -> set[str]:
    """The turn's acts without ``farewell`` when its questions go on with the call."""
    if "farewell" not in acts:
        return acts
    asked = [set(tag_agent(f"¿{q}?")) for q in cues.question_sentences(text)]
    if any(a & GOING_ON and "offer_more" not in a for a in asked):
        return acts - {"farewell"}
    return acts
