"""How the customer reacts to being wronged: a sale registered without its yes, an insult.

A person whose «sí» was never given and hears «listo, ya quedó dado de alta» protests; one who was
talked down to does not concede the point in the same breath; and neither says goodbye warmly
(«Que Dios le bendiga» after a card was registered without consent and «se la cancela después»:
blind panel E zl-03, zj-02). The wrong is kept in the customer's memory (``state.play``) so the
farewell fits it.
"""

from __future__ import annotations

import re

from simulator.customer import cues
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn, clamp
from simulator.language.normalize import normalize

KEY = "wronged"
UNCONSENTED_TRUST = 25
SOUR_TRUST = 35  # below it a goodbye is curt, never warm
# What an insulted customer does not say in the turn that insulted it.
CONCESSIONS = frozenset(
    {"objection_softened", "acceptance", "buying_signal", "buying_signal_generic", "empathy_thanks"}
)
# a sentence with its tag question («Ya se la dejo tramitada, ¿sale?» asks: it is a close)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def registered_without_yes(t: Turn) -> bool:
    """The agent states it registered the sale (not asks: «¿se la dejo tramitada?») while the
    customer never said yes."""
    s = t.s
    if t.scenario.goal != "sale" or s.accepted or s.refused:
        return False
    if not states_registered(t):
        return False
    if consented_by_conduct(s):
        s.accepted = True  # what it went along with is registered: its yes, by its conduct
        return False
    return True


def states_registered(t: Turn) -> bool:
    """The agent's turn says (not asks) that the sale is registered."""
    done = cues.phrases("registered_phrases")
    for sentence in _SENTENCE.findall(t.text):
        if sentence.rstrip().endswith("?"):
            continue
        if cues.contains_any(normalize(sentence), done):
            return True
    return False


# What the customer hands over for the change it leaned to (``state.stance_warm``).
HANDED_OVER = frozenset({"data_given", "data_confirm_yes"})


def consented_by_conduct(s: CustomerState) -> bool:
    """The customer leaned to the offer («si me respeta las llamadas a Estados Unidos, me quedo»)
    and, asked for its data for the change, handed them over with no doubt since: the agent's
    «listo, ya quedó su cambio» registers what it went along with (blind panel P sa-05, where
    «Lo pensé mejor… deténgalo» came one turn after its condition was met)."""
    return (
        s.stance_warm
        and s.stance == "interested"
        and not s.objections
        and bool(set(s.last_intents) & HANDED_OVER)
    )


def react(t: Turn) -> bool:
    """Protest a registration without consent (the whole reply); True when it did. Remembers an
    insult of this turn, and takes back what an insulted customer would not concede now."""
    s = t.s
    if registered_without_yes(t):
        for intent in t.intents:  # data handed over in this breath are not handed over
            if intent.name == "data_given" and intent.ref:
                s.fields_given.pop(intent.ref, None)
        s.trust = clamp(s.trust - UNCONSENTED_TRUST)
        s.play[KEY] = "unconsented"
        t.causes.append("pressure")
        t.intents = [i for i in t.intents if i.name == "hangup"]
        t.say("unconsented_protest")
        return True
    if "insulted" in t.causes:
        s.play.setdefault(KEY, "insulted")
        t.intents = [i for i in t.intents if i.name not in CONCESSIONS]
        if not t.intents:
            t.say("annoyed")
    return False


def fit_hangup(t: Turn) -> None:
    """A hang-up line gives a reason the call did give: «No tengo tiempo para datos incorrectos»
    only after a wrong fact (panel E zm-07 hung up over a plan registered without his yes)."""
    if t.s.wrong_facts:
        return
    unfit = "|".join(cues.phrases("wrong_fact_hangups"))
    for intent in t.intents:
        if intent.name == "hangup" and unfit:
            mine = intent.slots.get("unasked")
            intent.slots["unasked"] = f"{mine}|{unfit}" if mine else unfit


def sour(s: CustomerState) -> bool:
    """The call's mood at its end is sour (persona-a, panel L: «que le vaya bonito» after a rude
    agent left a threat to leave unanswered): a grievance or objection still open or brushed
    aside with nothing agreed, or trust worn down — whatever the words of the last turn."""
    settled = s.accepted or s.resolved or s.payment_promise
    open_grievance = bool(s.objections) or s.objections_ignored > 0
    return (open_grievance and not settled) or s.trust < SOUR_TRUST


def cold_farewell(t: Turn) -> None:
    """A wronged customer's goodbye names the wrong (``farewell_<wrong>``), never a warm one; a
    customer whose call ends sour says a curt one (``farewell_sour``)."""
    wrong = t.s.play.get(KEY) or ("sour" if sour(t.s) else None)
    if wrong:
        t.intents = [
            Intent(name=f"farewell_{wrong}") if i.name == "farewell" else i for i in t.intents
        ]
