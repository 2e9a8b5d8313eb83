"""The upset customer hears empathy: enough of it opens the gate, a first bare «lo siento» not.

Split from ``brain._empathy_gate`` (personas/README.md, molesto): a caller who only vented says
why it calls once it is heard (panel p-02); otherwise a first bare apology is one dose of the
``persona_play.empathy_needed`` it needs before its data (``persona_play.enough_empathy``).
"""

from __future__ import annotations

from collections.abc import Callable

from simulator.customer import cues, persona_play
from simulator.customer.state import Intent, OpenObjection
from simulator.customer.turn import Turn, clamp
from simulator.language.normalize import normalize

GRUDGING = "grudging_turn"  # ``state.play``: the turn whose wish to leave was brushed aside
GOING_ALONG = frozenset({"data_given", "choice_answer", "choice_take", "data_confirm_yes"})


def empathy_heard(t: Turn, name_if_asked: Callable[[Turn], None]) -> bool:
    """The agent's turn was empathetic (or took charge after a first apology). True when the
    rest of the turn may go on (the gate is open); False when the reply is said."""
    s = t.s
    enough = persona_play.enough_empathy(t)  # a bare first «lo siento» is not enough
    told = "agenda:reason" in s.once_flags  # said with its first grievance (agenda.py)
    grievance_only = (
        "reason_untold" in s.once_flags
        and not told
        and ("?" not in t.text or cues.contains_any(t.norm, cues.phrases("what_happens")))
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


def grudging(t: Turn, top: OpenObjection) -> None:
    """A wish to leave brushed aside with no word of understanding («si cancela se queda sin
    internet igual. ¿En la mañana o en la tarde?»): when the customer goes along anyway (see
    :func:`go_along`), not without a reaction — «Pues ni modo.» — once (persona-a, panel L: a
    customer who dictated the schedule as if nothing had been said)."""
    flag = f"grudging:{top.id}"
    if top.acknowledged or top.type != "not_interested" or flag in t.s.once_flags:
        return
    t.s.once_flags.append(flag)
    t.s.play[GRUDGING] = str(t.s.turn)


def go_along(t: Turn) -> None:
    """The reply of a turn that brushed a wish to leave aside: «Pues ni modo.» before the data or
    the choice it gives (never before a «no»)."""
    if t.s.play.pop(GRUDGING, "") != str(t.s.turn):
        return
    if any(i.name in GOING_ALONG for i in t.intents):
        t.intents.insert(0, Intent(name="grudging"))


def doubt_too_late(t: Turn, otype: str, trust: bool) -> bool:
    """A doubt about who is calling («luego llaman diciendo que son del banco») comes before the
    customer's data, never after it: once it gave a datum that proves who it is (its birth date,
    account, card — not only its name), it has already trusted the call (persona-a, panel L).
    Only when the scenario's doubt of this type asks who calls (``persona_arc_caller_doubt``)."""
    plain = set(cues.config().get("persona_arc_plain_fields", ["nombre"]))
    if not trust or not set(t.s.fields_given) - plain:
        return False
    said = [
        normalize(str(x)) for o in t.scenario.objections if o.type == otype for x in o.statements
    ]
    marks = [normalize(p) for p in cues.config().get("persona_arc_caller_doubt", [])]
    return any(m in line for line in said for m in marks)
