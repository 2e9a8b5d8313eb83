"""A request the agent promised to register after the last registration: the case is not resolved.

Why: blind panel N (ug-02 T15/T17, ue-04; issue 12, score-s) read «Resultado: resuelto» for a
complaint whose second request (the refund of a double charge) the agent only promised in words
(«entonces le meto la aclaración también») after registering the first one: nothing was put in the
system for it, and a QA lead counts the case unresolved. A service call is resolved only when every
request the agent says he raises after the last registration event is followed by one. The phrases
that promise a request are data (``es/session.yaml``, ``promises_request``).
"""

from __future__ import annotations

import re
from functools import cache

from simulator.language.normalize import normalize
from simulator.models.transcript import Transcript
from simulator.session import texts


@cache
def _promises() -> re.Pattern[str]:
    return re.compile(str(texts.data_value("promises_request")))


def unregistered_turn(transcript: Transcript) -> int | None:
    """The agent turn (1-based) that promises a request after the last registration with no
    registration after it, or ``None``. Calls with no registration at all are left to the
    customer's own verdict (nothing was registered for any request)."""
    marks = [
        e.after_turn
        for e in transcript.events
        if e.type == "sale_registered" and e.after_turn is not None
    ]
    if not marks:
        return None
    last = max(marks)
    for n, turn in enumerate(transcript.turns, start=1):
        if n > last and turn.speaker == "agent" and _promises().search(normalize(turn.text)):
            return n
    return None
