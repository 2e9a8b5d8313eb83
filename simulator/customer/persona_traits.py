"""Traits of a customer type that show in what it does at a given moment of the call.

Blind panel P (session 22, issue 7 item 4) found the customer types alike in play: the impatient
caller on his third call about the same fault closed with «No, nada más» and no reference to hold
on to (sa-04); the distrustful one said «Ok.» to «si se pasa, la diferencia sí, pero casi nunca
pasa» (sb-01) and «Mmm, sí» to an extra plan with its price (se-01). Each trait here is a rule on
the final reply, read from ``es/persona_traits.yaml`` (who has it, the words it listens for):

- the impatient caller asks for a reference (the folio) before a service call ends, once, when
  the agent wraps up («¿algo más?») and gave none;
- the undecided customer says one doubt of its own before its first yes of the call;
- the distrustful customer does not let a hedge about money or a condition pass («¿cómo que
  "casi nunca"?»), and meets an offer with its price with a question about its terms, not a
  bare yes.

The experto's own figures live with the facts (``es/fact_model.yaml``, ``by_persona``); the
regateador's haggle in ``haggling.py``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from simulator.customer import cues
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize

REFERENCE_FLAG = "trait:reference_asked"
UPSELL_FLAG = "trait:upsell_doubted"
ENDING = frozenset({"nothing_else", "farewell"})
# An agent turn that puts an offer up (with its price, the distrustful customer asks first).
OFFERING = frozenset({"feature", "benefit", "trial_close", "close"})


@cache
def config() -> dict[str, Any]:
    data = resource_yaml("simulator.customer", "es/persona_traits.yaml")
    return data if isinstance(data, dict) else {}


def _words(key: str) -> list[str]:
    return [normalize(str(x)) for x in config().get(key, [])]


def fit(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The reply with the customer type's trait played where this moment calls for it."""
    intents = reference(t, intents)
    intents = doubt_before_yes(t, intents)
    return distrust(t, intents)


DOUBT_FLAG = "trait:doubt_before_yes"


def doubt_before_yes(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The undecided customer's first yes of the call comes after one doubt of its own said
    aloud («¿usted cree que sí me conviene?»): a call where it has not hesitated yet gets the
    doubt instead of the yes, and the agent's reassurance earns the yes at the next close."""
    s = t.s
    if t.ctype not in config().get("doubts_before_yes", []) or DOUBT_FLAG in s.once_flags:
        return intents
    if t.accepted_before or any(_doubts(t, i) for i in intents):
        s.once_flags.append(DOUBT_FLAG)  # it doubts now (or took the offer before): no more
        return intents
    yes = set(config().get("yes_pieces", []))
    if not any(i.name in yes for i in intents):
        return intents
    s.once_flags.append(DOUBT_FLAG)
    s.accepted = s.payment_promise = False
    kept = [i for i in intents if i.name not in yes and not i.name.startswith("data_")]
    return [*kept, Intent(name="indecisive_doubt")]


def _doubts(t: Turn, intent: Intent) -> bool:
    """The piece is a doubt about the decision (not a doubt about who calls or a trust worry)."""
    if intent.name in config().get("doubt_pieces", []):
        return True
    if not intent.name.startswith("objection") or intent.ref is None:
        return False
    spec = next((o for o in t.scenario.objections if o.id == intent.ref), None)
    kinds = config().get("doubt_objection_types", [])
    return spec is not None and str(spec.type) in kinds


def reference(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«¿Algo más?» at the end of a service call that gave no reference: the caller who wants one
    asks for the folio (once) instead of «No, nada más»."""
    s = t.s
    if t.ctype not in config().get("wants_reference", []) or REFERENCE_FLAG in s.once_flags:
        return intents
    if t.scenario.goal != "resolved" or not (s.accepted or s.resolved):
        return intents
    if "folio_given" in s.facts_heard or s.hung_up:
        return intents
    names = [i.name for i in intents]
    if "nothing_else" not in names:
        return intents
    s.once_flags.append(REFERENCE_FLAG)
    kept = [i for i in intents if i.name not in ENDING]
    return [*kept, Intent(name="reference_request")]


def distrust(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The distrustful customer questions a hedge about a cost or a condition, and an extra offer
    with its price gets a doubt, not a bare yes."""
    if t.ctype not in config().get("doubts_hedges", []) or t.s.hung_up:
        return intents
    names = {i.name for i in intents}
    bare = set(config().get("bare_yes", []))
    if not names or not names <= bare:
        return intents
    hedge = said_hedge(t.norm)
    if hedge is not None:
        return [Intent(name="hedge_doubt", slots={"hedge": hedge})]
    selling = t.scenario.goal == "sale"  # no «¿lo puedo cancelar?» of an emergency's coverage
    if selling and cues.amounts(t.text) and t.acts & OFFERING and UPSELL_FLAG not in t.s.once_flags:
        t.s.once_flags.append(UPSELL_FLAG)
        return [Intent(name="offer_terms_doubt")]
    return intents


def said_hedge(norm: str) -> str | None:
    """The hedge of the agent's turn that dodges a cost or a condition («casi nunca pasa» next to
    «la diferencia»), as said; None when it dodged nothing."""
    padded = f" {norm} "
    if not any(f" {w} " in padded for w in _words("hedge_topics")):
        return None
    return next((h for h in _words("hedges") if f" {h} " in padded), None)
