"""An offer put up for a yes in words the act classifier does not read as a close.

«¿Se lo agrego a la Amplia?», «Se lo cambio de una vez, ¿va?», «Se lleva ese, ¿no?»: the agent asks
for the decision, so the customer answers a close (yes when ready, «todavía no» when not) instead
of a random «Sí, ya» to a closed question that the brain then did not count as consent (blind
panel J yi-02: «Sí, ya» and later «Yo no acepté nada»). The offer stays on the table: a customer
who later lets its doubt go and hands over its data («si es igual de bueno, no tengo problema.
22 21…», panel J yj-04) has taken it.
"""

from __future__ import annotations

import re

from simulator.customer import cues
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

KEY = "offer_put"  # ``state.play``: the turn the agent last put the offer up for a yes
# a sentence with its end mark; a tag question («…, ¿va?») makes the whole sentence ask
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
# Replies that take the offer on the table once its doubts are gone.
GOES_ALONG = frozenset({"data_given", "short_yes", "data_confirm_yes"})
# Replies that leave it on the table unanswered or turn it down.
TURNS_DOWN = frozenset({"refusal", "not_ready", "objection_must_consult", "hangup"})


def puts_offer(t: Turn) -> bool:
    """The agent's turn asks the customer to take the offer (a question or a tagged sentence)."""
    if t.scenario.goal != "sale" or t.s.accepted or t.s.refused:
        return False
    phrases, unfit = cues.phrases("offer_put_phrases"), cues.phrases("offer_put_not")
    for sentence in _SENTENCE.findall(t.text):
        norm = normalize(sentence)
        if (
            sentence.rstrip().endswith("?")
            and cues.contains_any(norm, phrases)
            and not cues.contains_any(norm, unfit)  # «¿se lo dejo en su correo?» sends, not sells
        ):
            return True
    return False


def note(t: Turn) -> None:
    """Read an offer put up for a yes as the close it is, and remember it is on the table."""
    if "close" in t.acts or not puts_offer(t):
        return
    t.acts = t.acts | {"close"}
    t.s.play[KEY] = str(t.s.turn)


def taken(t: Turn, intents: list[Intent]) -> bool:
    """The offer still on the table is taken: no doubt left open, the last one let go in this
    reply, and the data handed over (or a yes) with it."""
    s = t.s
    if KEY not in s.play or s.accepted or s.refused or s.objections:
        return False
    names = {i.name for i in intents}
    if names & TURNS_DOWN:
        s.play.pop(KEY, None)
        return False
    return "objection_softened" in names and bool(names & GOES_ALONG)
