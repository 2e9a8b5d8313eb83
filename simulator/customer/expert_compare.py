"""The experto compares: an offer dearer than the rival's figure he told gets his comparison.

Blind panel K (xd-04): an experto who came with «en la otra compañía me dan 299» took the 349
plan without a word about the difference. When the agent prices a catalog product above a rival
figure the customer said in this call (a line of his own with a rival word,
``es/persona_policy.yaml`` ``rival_words``), and the agent's turn does not speak to that figure,
the experto asks what the difference buys him — once a call, never in the reply that says yes
(after a «todavía no», it says why).
The question is an own move (``ask_detail`` with the bank ``expert_compare``): the planner
drops it when a direct question of the agent is still unanswered.
"""

from __future__ import annotations

import re

from simulator.customer import cues, persona_policy
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

_CLAUSE = re.compile(r"[.;:!?]|,(?!\d{3})| y | pero ")
DECIDED = frozenset({"acceptance", "refusal", "hangup", "farewell", "haggle_conceded"})


def _figure(value: float) -> str:
    return f"{value:,.0f}" if value >= 10000 else f"{value:g}"


def rival_figure(t: Turn) -> float | None:
    """The amount in the customer's own earlier line that speaks of a rival offer."""
    words = [normalize(str(w)) for w in persona_policy.policy().get("rival_words", [])]
    for line in t.s.used_texts:  # the clause with the rival word: «pago 599 y allá me dan 299»
        for clause in _CLAUSE.split(line):
            if cues.contains_any(normalize(clause), words):
                found = [a for a in cues.amounts(clause) if a >= 10]
                if found:
                    return found[0]
    return None


def compares(t: Turn) -> None:
    """Add the experto's comparison when the agent priced the offer above his rival figure."""
    s = t.s
    if not t.persona.traits.tests_knowledge or "compared" in s.play or s.accepted:
        return
    if any(i.name in DECIDED for i in t.intents):
        return
    said = cues.amounts(t.text)
    prices = {float(p.price) for p in t.scenario.catalog if p.price}
    if not any(a in prices for a in said):
        return  # no price of the catalog in the agent's turn (cheap check first)
    rival = rival_figure(t)
    if rival is None:
        return
    dearer = [a for a in said if a in prices and a > rival]
    if not dearer or any(abs(a - rival) < 0.5 for a in said):
        return  # no price above his figure, or the agent already spoke to it
    s.play["compared"] = str(s.turn)
    value = f"{_figure(dearer[0])} contra {_figure(rival)}"
    if "close" in t.acts and not any(i.name == "not_ready" for i in t.intents):
        t.say("not_ready", answered=t.norm)  # the close is answered first: «todavía no», why
    t.say("ask_detail", bank="expert_compare", value=value)
