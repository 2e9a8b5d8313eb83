"""A fact model per scenario: what the customer knows about itself, found by what a question means.

Five blind panels (G–K) found one class of incoherent customer line on every panel: an open
question the brain could not map to a scenario fact got «no sabría decirle», the customer's own
agenda (a need said again, an objection) or a plausible line against the scenario — an owner
renewing his car insurance who «does not know» his car, an independent worker who works «en una
empresa», «¿qué le preocupa?» answered «de eso no tengo bien el dato». Patching single lines never
moved it: each panel asks in new words.

This module holds, as data (``es/fact_model.yaml``), each scenario's facts — who, household, work,
usage, history, budget, worry, what it would improve, what it still needs to know, what matters —
each with the meanings that ask for it as sets of concepts (``es/fact_concepts.yaml``: phrases and
word stems). ``match`` reads a question part's concepts and returns the fact whose meaning it holds
best. When the analyzer's sentence embeddings are already loaded (never waited for: the reply path
must not block), a part no concept set matches is compared with the facts' example questions.

A fact said once is the fact: ``line`` keeps the first line said in ``state.play`` and says it
again as told before. ``plausible.part_lines`` asks this model first, so the plausible lines of a
scenario derive from the same facts.
"""

from __future__ import annotations

# The model's data and matching live in ``fact_match`` (no turn types).
from simulator.customer import fact_match, plausible, referents
from simulator.customer.fact_match import Fact, facts, line, match, says
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

# Parts that ask when to call back are the plausible ``callback_*`` parts', not a fact of the
# customer's day («¿a qué hora le marco?» is no «¿a qué hora se conectan más?»).
NOT_FACTS = frozenset({"callback_time", "callback_day"})


def requests(text: str) -> list[str]:
    """The turn's requests that are no question (customer-z; ``fact_match.requests``)."""
    return fact_match.requests(text)


def _askable(t: Turn, part: str) -> Fact | None:
    if plausible.part_kind(part) in NOT_FACTS:
        return None
    return match(part, t.scenario.id)


def fact_of(t: Turn, part: str) -> Fact | None:
    """The fact of the scenario's model the part asks for (None: none)."""
    return _askable(t, part)


def owns(t: Turn, part: str, intents: list[Intent]) -> bool:
    """The part asks a fact of this scenario's model: it gets that fact (``fill``; nothing more
    when the reply says it already), not whichever answer of the reply is left over
    (every_part's in-order assignment). ``intents``: the reply so far (kept for the hook's
    signature: what the reply says is checked by ``fill``)."""
    del intents
    return _askable(t, part) is not None


def _told(t: Turn, part: str, fact: Fact, intents: list[Intent]) -> bool:
    """The reply already answers the part with this fact or with a situation fact of
    ``plausible.fact_parts`` asked by the same words (one fact, never said twice in a line)."""

    situation = {key for key, _ in plausible.fact_parts(normalize(part), t.scenario.id)}
    return any(i.slots.get("kind") in situation for i in intents) or _reply_says(t, fact, intents)


def _reply_says(t: Turn, fact: Fact, intents: list[Intent], every: bool = True) -> bool:
    """Whether a line of the reply says ``fact``: a value that does, or a need whose every line
    does (the mouth picks one later; ``every=False``: any of its lines)."""
    test = all if every else any
    for intent in intents:
        value = str(intent.slots.get("value", "") or intent.slots.get("provider", ""))
        if value and says(fact, value):  # customer-z: «con otra compañía de cable» says it too
            return True
        need = next((n for n in t.scenario.needs if n.id == intent.ref), None)
        lines = [str(x) for x in need.statements] if need is not None else []
        if intent.name == "need_statement" and lines and test(says(fact, x) for x in lines):
            return True
    return False


def fill(t: Turn, part: str, intents: list[Intent]) -> Intent | None:
    """The answer to an open question part from the scenario's fact model (said as told before
    when the fact was already said), or None when the model has no fact for it."""
    fact = _askable(t, part)
    if fact is None or _told(t, part, fact, intents):
        return None
    return _telling(t, fact)


def _telling(t: Turn, fact: Fact) -> Intent | None:
    """The part answer that says ``fact`` (as told before, when it was)."""
    # a line whose referent the call has not said gives way («cuál se parece al Nova X» before
    # the agent said it is sold out: blind panel O tb-02)
    known = frozenset(t.s.facts_heard) | referents.facts(t.s, t.scenario)
    text, again = line(
        t.s.play, fact, t.s.turn, lambda x: referents.fits(x, known), persona=t.ctype
    )
    if not text:
        return None
    lower = text[:1].lower() + text[1:]
    if again:
        text, lower = f"Como le dije, {lower}", f"como le dije, {lower}"
    return Intent(
        name="part_answer", slots={"value": text, "value_lc": lower, "kind": f"model:{fact.key}"}
    )


def _denied(t: Turn, option: str) -> Fact | None:
    """The fact of the scenario an option contradicts (its ``denies`` phrases), else None."""
    padded = f" {normalize(option)} "
    for fact in facts(t.scenario.id):
        if any(f" {w} " in padded for w in fact.denies):
            return fact
    return None


def consistent(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The reply with no pick that contradicts the scenario's facts: «¿trabaja por su cuenta o en
    una empresa?» is never «en una empresa» from an independent worker (blind panels J and K).
    The pick gives way to the fact, said unless the reply already says it."""
    out: list[Intent] = []
    for intent in intents:
        option = str(intent.slots.get("option", ""))
        fact = _denied(t, option) if option else None
        if fact is None:
            out.append(intent)
            continue
        if _reply_says(t, fact, intents, every=False):
            continue  # the fact is in the reply already: the contradicting pick goes
        told = _telling(t, fact)
        if told is not None and all(i.slots.get("kind") != told.slots["kind"] for i in out):
            out.append(told)
    return out
