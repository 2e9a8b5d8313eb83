"""The customer's stance toward the offer, as a state machine: a decision holds until an event.

Blind panel P (session 22) heard customers reverse their own last word with nothing new in
between: «Mmm, sí» to «¿lo hacemos ahora?» and, to the next turn's «¿me autoriza?», «Todavía no
me convence» (u-04); «sí vale la pena» and two turns later «ninguna de las dos me convence»
(sd-05); «así sí sé a qué atenerme» and then a flat «No, en absoluto» (sb-06); «Mejor lo dejamos
así» to an agent who had just earned its trust (sc-06). A person changes its mind for a reason,
and says it.

The stance is one of ``interested`` (the start), ``hesitating``, ``refusing`` and ``accepted``;
``CustomerState.stance_warm`` notes that the last stance said leaned toward the offer (a buying
signal, a doubt settled). Each reply's pieces say a stance or none (``es/stance.yaml``). A move
away from a yes — from ``accepted`` to anything short of it, or from a warm ``interested`` to a
refusal — needs an event of the call: a reason said in the same line (an objection of the
persona's agenda, a proof asked, a wrong figure caught), a fault of the agent's turn (pressure,
an insult), or, for a mere hesitation, a figure the customer had not heard (``stance.moved``).
Without one, the reversal is not said: a close gets the yes already given, and a warm customer
who is not ready says *why* (the reason still open: ``closing_moves.voice_blocker``) instead of
a bare no. Every move is recorded in ``CustomerState.stance_moves`` with its trigger, so a test
can check that no reversal happens without one.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from simulator.customer import (
    choice_lists,
    choice_moves,
    closing_moves,
    cues,
    objections,
    planner,
    stance,
)
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize

STANCES = ("interested", "hesitating", "refusing", "accepted")
ASKING = frozenset({"close", "trial_close"})
NEGATIVE = frozenset({"hesitating", "refusing"})
CHOSEN = frozenset({"choice_answer", "choice_not_first"})


@cache
def config() -> dict[str, Any]:
    data = resource_yaml("simulator.customer", "es/stance.yaml")
    return data if isinstance(data, dict) else {}


def _set(key: str) -> frozenset[str]:
    return frozenset(str(x) for x in config().get(key, []))


def reason(name: str) -> bool:
    """The piece says why the customer moves away from a yes (``es/stance.yaml``, reasons)."""
    return name in _set("reasons") or name.startswith(tuple(config().get("reason_prefixes", [])))


def stops(intent: Intent) -> bool:
    """A chosen option that turns the offer down («Pues lo detengo»: ``stop_words``)."""
    option = normalize(str(intent.slots.get("option", "")))
    return bool(option) and cues.contains_any(option, list(_set("stop_words")))


def intent_stance(intent: Intent, asking: bool) -> str | None:
    """The stance one reply piece says, its chosen option's words included."""
    if intent.name in CHOSEN and stops(intent):
        return "refusing"
    return piece_stance(intent.name, asking)


def piece_stance(name: str, asking: bool) -> str | None:
    """The stance one reply piece says (``warm`` for a lean toward the offer), or None."""
    if name in _set("accepted") or (asking and name in _set("yes_to_close")):
        return "accepted"
    if name in _set("refusing") or (asking and name in _set("no_to_close")):
        return "refusing"
    if name in _set("hesitating") or (reason(name) and name.startswith("objection")):
        return "hesitating"
    if name in _set("warm"):
        return "warm"
    return None


def said(intents: list[Intent], asking: bool) -> str | None:
    """The stance a whole reply says: a refusal outweighs a doubt, a doubt a yes, a yes a lean."""
    found = {intent_stance(i, asking) for i in intents} - {None}
    for rank in ("refusing", "hesitating", "accepted", "warm"):
        if rank in found:
            return rank
    return None


def reversal(before: str, warm: bool, now: str | None) -> bool:
    """Moving from ``before`` (warm or not) to ``now`` takes back the customer's own last word."""
    if now is None:
        return False
    if before == "accepted":
        return now in NEGATIVE
    if before == "interested" and warm:
        return now == "refusing"
    if before == "refusing":
        return now in ("accepted", "warm")
    return False


def trigger(t: Turn, names: list[str], now: str | None) -> str | None:
    """The event of the call that licenses this move, or None."""
    if any(reason(name) for name in names):
        return "reason"
    faults = set(t.causes) & _set("agent_faults")
    if faults:
        return f"fault:{sorted(faults)[0]}"
    if t.s.hung_up and t.s.patience <= 0:
        return "patience"
    if now in ("accepted", "warm"):  # back from a no: something new was said or answered
        if t.acts & {"benefit", "feature", "offer", "presentation"} or stance.moved(t):
            return "new_information"
        return None
    if now == "hesitating" and stance.moved(t):
        return "new_figure"
    return None


def keep(t: Turn, intents: list[Intent], was_accepted: bool) -> list[Intent]:
    """The reply with no reversal of the customer's stance that lacks its event; records the
    stance it says (and what moved it) in the state."""
    s = t.s
    before = "accepted" if was_accepted and s.stance != "refusing" else s.stance
    asking = bool(t.acts & ASKING)
    names = [i.name for i in intents]
    now = said(intents, asking)
    why = trigger(t, names, now)
    if now == "hesitating" and why is None and asking and before == "interested":
        intents = _with_reason(t, intents)  # «todavía no» at a close says why
        names = [i.name for i in intents]
        why = trigger(t, names, now)
    if reversal(before, s.stance_warm, now) and why is None and before != "refusing":
        intents = _hold(t, intents, before, asking)
        names = [i.name for i in intents]
        now = said(intents, asking)
        why = trigger(t, names, now) or ("reason" if any(reason(n) for n in names) else None)
    elif _fault_unsaid(now, why, names):  # the agent's fault moved it: the line says so
        intents = [Intent(name="annoyed"), *intents]
    planner.fit_words(t, intents)  # the pieces added here keep to the call's memory too
    t.stance_why = why
    return intents


def note(t: Turn, intents: list[Intent], was_accepted: bool) -> None:
    """Record the stance the final reply says (after the decision was recorded: a choice of the
    offer or data handed over for it is a yes) and what moved it."""
    s = t.s
    before = "accepted" if was_accepted and s.stance != "refusing" else s.stance
    now = said(intents, bool(t.acts & ASKING))
    if s.accepted and not was_accepted and now != "refusing":
        now = "accepted"
    record(s, now, t.stance_why, before)


def _fault_unsaid(now: str | None, why: str | None, names: list[str]) -> bool:
    """A turn-away the agent's fault licensed, said with no reason of its own."""
    if now not in NEGATIVE or not why or not why.startswith("fault:"):
        return False
    return not any(map(reason, names)) and not set(names) & SELF_EXPLAINED


# Turn-aways that say their own reason («Yo no le he dicho que sí», «ya no tengo tiempo»).
SELF_EXPLAINED = frozenset({"hangup", "unconsented_protest", "objection_do_not_call"})


def _hold(t: Turn, intents: list[Intent], before: str, asking: bool) -> list[Intent]:
    """Take the unlicensed turn-away out of the reply. A yes given stands (a close gets it
    again); a warm customer not ready says the reason still open, or, with none left, takes
    the offer it leaned to."""
    s = t.s
    kept = [i for i in intents if intent_stance(i, asking) not in NEGATIVE]
    if len(kept) < len(intents) and (pick := _pick(t)) is not None:
        kept.insert(0, pick)  # «¿Con cuál nos quedamos?» to a warm customer: the one it leans to
    for gone in intents:
        if gone not in kept and gone.name == "refusal":
            s.refused = False
    if before == "accepted":
        if len(kept) < len(intents):  # a need told as the hesitation goes with it
            kept = [i for i in kept if i.name not in ("need_statement", "need_lead_in")]
        if asking and not any(piece_stance(i.name, asking) == "accepted" for i in kept):
            kept.insert(0, Intent(name="acceptance" if "close" in t.acts else "short_yes"))
            if "close" in t.acts:
                s.accepted = True
        return kept or [Intent(name="filler_ack")]
    if asking:
        more = len(t.intents)
        if closing_moves.voice_blocker(t):
            return kept + t.intents[more:]
        if "close" in t.acts and t.scenario.goal == "sale" and closing_moves.reasons_exhausted(t):
            s.accepted = True
            return [Intent(name="acceptance"), *kept]
        return [*kept, Intent(name="not_ready")]
    return kept or [Intent(name="filler_ack")]


def _with_reason(t: Turn, intents: list[Intent]) -> list[Intent]:
    """A bare «todavía no» to a close with the reason the customer still has: the doubt its
    agenda holds for the close (``consultar con la esposa``), one crowded out earlier, or why it
    is not ready (``closing_moves.voice_blocker``); unchanged when it has none left."""
    more = len(t.intents)
    if (
        objections.raise_triggered(t, "close")
        or objections.raise_pending(t)
        or closing_moves.voice_blocker(t)
    ):
        said_now = t.intents[more:]
        rest = [i for i in intents if i.name not in _set("hesitating")]
        return [*rest, *said_now]
    return intents


def _pick(t: Turn) -> Intent | None:
    """The option a customer who took or leaned to the offer picks when asked which: one of the
    options listed that does not turn the offer down, else a product the turn names."""
    if not (choice_lists.asks_which(t.text) or len(choice_lists.listed_options(t.text)) > 1):
        return None
    options = choice_lists.listed_options(t.text) or choice_lists.which_options(t)
    options = [o for o in options if not stops(Intent(name="choice_answer", slots={"option": o}))]
    if options:
        return choice_lists.pick(t, options, choice_moves.leaning)
    names = [p.name for p in cues.products_named(t.norm, t.scenario.catalog)]
    if not names:
        return None
    choice = choice_moves.leaning(t, names) or names[0]
    return Intent(name="choice_answer", slots={"option": choice})


def record(s: CustomerState, now: str | None, why: str | None, before: str) -> None:
    """Note the stance the reply said and, when it moved, what moved it."""
    if now is None:
        return
    if now == "warm":
        s.stance_warm = True
        if s.stance != "interested" and s.stance != "accepted":
            s.stance_moves.append(f"{s.turn}:{s.stance}>interested:{why or '-'}")
            s.stance = "interested"
        return
    if now == "accepted" and s.stance == "accepted":
        return
    s.stance_warm = now == "accepted"
    if now != s.stance:
        s.stance_moves.append(f"{s.turn}:{before}>{now}:{why or '-'}")
        s.stance = now


def unlicensed_reversals(s: CustomerState) -> list[str]:
    """The recorded moves that took back a yes (or a warm lean) with no event: none expected."""
    out = []
    for move in s.stance_moves:
        _, change, why = move.split(":", 2)
        before, now = change.split(">")
        if why == "-" and before == "accepted" and now in NEGATIVE:
            out.append(move)
    return out
