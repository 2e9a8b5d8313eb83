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

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import normalize

STEM = 5  # a single concept word this long matches the words that start with it
KEY = "fact:"  # ``state.play`` key prefix of a fact said (shape.situation_facts' prefix too)
SIMILAR = 0.55  # least cosine with a fact's example question (unrelated ones: ≤ 0.45)


@dataclass(frozen=True)
class Fact:
    """One fact of a scenario's customer."""

    key: str
    asks: tuple[frozenset[str], ...]
    lines: tuple[str, ...]
    answered_by: tuple[str, ...]
    examples: tuple[str, ...]
    denies: tuple[str, ...] = ()


def _read(name: str) -> dict[str, Any]:
    text = resources.files("simulator.customer").joinpath(f"es/{name}").read_text("utf-8")
    data = parse_yaml(text)
    return data if isinstance(data, dict) else {}


@cache
def concepts() -> dict[str, tuple[str, ...]]:
    """Each concept with its normalized ways of being asked."""
    conf = _read("fact_concepts.yaml").get("concepts", {})
    return {str(k): tuple(normalize(str(x)) for x in v) for k, v in conf.items()}


@cache
def facts(scenario_id: str) -> tuple[Fact, ...]:
    """The facts of a scenario (none for a scenario the model does not cover)."""
    spec = _read("fact_model.yaml").get(scenario_id) or {}
    return tuple(
        Fact(
            key=str(key),
            asks=tuple(frozenset(str(c) for c in alt) for alt in body.get("asks", [])),
            lines=tuple(str(x) for x in body.get("lines", [])),
            answered_by=tuple(normalize(str(x)) for x in body.get("answered_by", [])),
            examples=tuple(str(x) for x in body.get("examples", [])),
            denies=tuple(normalize(str(x)) for x in body.get("denies", [])),
        )
        for key, body in spec.items()
    )


def _has(padded: str, words: list[str], phrase: str) -> bool:
    if " " in phrase or len(phrase) < STEM:
        return f" {phrase} " in padded
    return any(w.startswith(phrase) for w in words)


def concepts_of(part: str) -> frozenset[str]:
    """The concepts a question part holds (``part`` in any form: it is normalized here)."""
    norm = normalize(part).replace("?", " ").replace("¿", " ")
    padded, words = f" {norm} ", norm.split()
    return frozenset(
        name for name, ways in concepts().items() if any(_has(padded, words, w) for w in ways)
    )


def _lexical(part: str, scenario_id: str) -> Fact | None:
    held = concepts_of(part)
    best, size = None, 0
    for fact in facts(scenario_id):
        for alt in fact.asks:
            if alt and alt <= held and len(alt) > size:
                best, size = fact, len(alt)
    return best


def _embedder() -> Any:
    """The analyzer's loaded sentence embeddings (``learned_model.embed``), or None when they are
    not loaded yet (never loaded here: the reply must not wait for them)."""
    try:
        from simulator.analysis import learned_model
    except ImportError:  # pragma: no cover - the analysis package ships with the customer
        return None
    if getattr(learned_model._STATE, "embedder", None) is None:
        return None
    return learned_model.embed


def _by_embedding(part: str, scenario_id: str) -> Fact | None:
    embed = _embedder()
    pool = [(f, x) for f in facts(scenario_id) for x in f.examples]
    if embed is None or not pool or not part.strip():
        return None
    try:
        rows = embed([part, *[x for _, x in pool]])
    except Exception:  # a broken embedder: the lexical match stands
        return None
    scored = [(float(rows[0] @ row), f) for (f, _), row in zip(pool, rows[1:], strict=True)]
    score, fact = max(scored, key=lambda x: x[0])
    return fact if score >= SIMILAR else None


def match(part: str, scenario_id: str) -> Fact | None:
    """The fact of the scenario a question part asks for, by its concepts, else (when loaded) by
    the sentence embeddings of the facts' example questions; None when nothing fits."""
    return _lexical(part, scenario_id) or _by_embedding(part, scenario_id)


def said(play: dict[str, str], fact: Fact) -> str | None:
    """The line this call already said for ``fact``."""
    return play.get(KEY + fact.key)


def line(play: dict[str, str], fact: Fact, turn: int) -> tuple[str, bool]:
    """The line that says ``fact`` now and whether it was said before (then it is the same line:
    a fact said once stays the fact). The first line is chosen by ``turn``."""
    before = said(play, fact)
    if before:
        return before, True
    chosen = fact.lines[turn % len(fact.lines)] if fact.lines else ""
    if chosen:
        play[KEY + fact.key] = chosen
    return chosen, False


def says(fact: Fact, text: str) -> bool:
    """Whether a reply line already says ``fact`` (one of its ``answered_by`` words)."""
    padded = f" {normalize(text)} "
    return any(w and w in padded for w in fact.answered_by)


# Parts that ask when to call back are the plausible ``callback_*`` parts', not a fact of the
# customer's day («¿a qué hora le marco?» is no «¿a qué hora se conectan más?»).
NOT_FACTS = frozenset({"callback_time", "callback_day"})


def _askable(t: Turn, part: str) -> Fact | None:
    from simulator.customer import plausible  # plausible asks this model: imported late

    if plausible.part_kind(part) in NOT_FACTS:
        return None
    return match(part, t.scenario.id)


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
    from simulator.customer import plausible

    situation = {key for key, _ in plausible.fact_parts(normalize(part), t.scenario.id)}
    return any(i.slots.get("kind") in situation for i in intents) or _reply_says(t, fact, intents)


def _reply_says(t: Turn, fact: Fact, intents: list[Intent], every: bool = True) -> bool:
    """Whether a line of the reply says ``fact``: a value that does, or a need whose every line
    does (the mouth picks one later; ``every=False``: any of its lines)."""
    test = all if every else any
    for intent in intents:
        value = str(intent.slots.get("value", ""))
        if value and says(fact, value):
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
    text, again = line(t.s.play, fact, t.s.turn)
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
