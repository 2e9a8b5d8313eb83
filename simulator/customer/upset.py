"""The upset customer hears empathy: enough of it opens the gate, a first bare «lo siento» not.

Split from ``brain._empathy_gate`` (personas/README.md, molesto): a caller who only vented says
why it calls once it is heard (panel p-02); otherwise a first bare apology is one dose of the
``persona_play.empathy_needed`` it needs before its data (``persona_play.enough_empathy``).
"""

from __future__ import annotations

from collections.abc import Callable

from simulator.customer import cues, persona_play
from simulator.customer.turn import Turn, clamp


def empathy_heard(t: Turn, name_if_asked: Callable[[Turn], None]) -> bool:
    """The agent's turn was empathetic (or took charge after a first apology). True when the
    rest of the turn may go on (the gate is open); False when the reply is said."""
    s = t.s
    enough = persona_play.enough_empathy(t)  # a bare first «lo siento» is not enough
    grievance_only = "reason_untold" in s.once_flags and (
        "?" not in t.text or cues.contains_any(t.norm, cues.phrases("what_happens"))
    )
    inbound = t.scenario.kind in ("inbound_sale", "service")
    first_word = (not s.reason_stated or grievance_only) and inbound
    if not enough and not first_word:
        persona_play.more_empathy_wanted(t)  # «Sí, lo siente, pero ¿qué va a hacer?»
        return False
    s.empathy_received = enough
    s.trust = clamp(s.trust + 10)
    s.patience = clamp(s.patience + 5)
    t.say("empathy_thanks" if enough else "empathy_partial")
    if first_word:
        # a caller who only vented says why it calls (and its name if asked): panel p-02
        s.reason_stated = True
        if grievance_only:
            s.once_flags.remove("reason_untold")
        t.say("state_reason")
        name_if_asked(t)
        return False
    return True


def reason_when_asked(t: Turn) -> bool:
    """A caller who only vented and is now asked what it wants («¿qué necesita, cancelar o
    qué?») says why it calls, still sore, instead of a fifth grievance in a row (blind panel J
    yg-01). True when that is the reply; a request for its data is still resisted."""
    s = t.s
    if "reason_untold" not in s.once_flags or "?" not in t.text:
        return False
    if "data_request" in t.acts or t.scenario.kind not in ("inbound_sale", "service"):
        return False
    s.once_flags.remove("reason_untold")
    t.say("state_reason")
    return True
