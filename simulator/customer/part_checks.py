"""Checks ``every_part`` makes on each asked part and the reply line meant for it (task cust-f,
session 21; split from ``every_part`` to keep both small).

Blind panel N still heard half answers to double questions: «¿cuántas personas se conectan…?»
answered with who but no number, an either/or left unanswered because a reply line shared one
word with both of its sides, and a pick said after the answer to the part asked after it. Here:
``counts`` (a line that says how many), ``may_answer`` (a line no part took may answer a closed
part — an either/or only when it names what one side says), ``words`` (what tells a side) and
``picks_in_order`` (each pick where its either/or came in the question).
"""

from __future__ import annotations

import re

from simulator.customer import choice_options, closed_parts, cues, part_words
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

# a few people said in digits, not an age, an amount or a speed («tengo 42 años», «450 pesos»)
_FEW = re.compile(r"\b(?:[1-9]|1\d)\b(?! (?:anos|pesos|mil|megas|dias|meses|de la))")


def counts(said: str) -> bool:
    """The line says how many («somos tres», «mis dos hijos y yo», «4»; ``count_answer_words``
    in es/brain.yaml)."""
    listed = [str(x) for x in cues.config().get("count_answer_words", [])]
    return bool(_FEW.search(normalize(said))) or cues.contains_any(normalize(said), listed)


def words(norm: str) -> set[str]:
    """Content words cut to five letters, short names kept («imss»): what tells a side."""
    stop = set(cues.phrases("question_stopwords"))
    return {w[:5] for w in norm.split() if len(w) >= 4 and w not in stop}


def may_answer(t: Turn, part: str, intent: Intent) -> bool:
    """A reply line no part took may answer this closed part; an either/or only by naming what
    one side says, not by a word both share (panel N ue-01). A need counts only when every line
    the mouth may say for it does."""
    pieces = choice_options.SPLIT_O.split(part)
    if len(pieces) < 2:
        return closed_parts.may_answer(t, part, intent)
    sides = [words(" o ".join(pieces[:-1])), words(pieces[-1])]
    need = next((n for n in t.scenario.needs if n.id == intent.ref), None)
    if intent.name == "need_statement" and need is not None and need.statements:
        said = [normalize(str(x)) for x in need.statements]
    else:
        said = [part_words.text_of(t, intent)]
    return all((sides[0] ^ sides[1]) & words(x) for x in said)


def picks_in_order(
    intents: list[Intent], got: list[int | None], movable: frozenset[str]
) -> tuple[list[Intent], list[int | None]]:
    """A pick (``movable``) said where its either/or came in the question — after the answer to
    the part before it, before the answer to the part after it (panel N ua-04, ub-03); ``got``
    (part → reply index) follows the lines moved."""
    order = list(range(len(intents)))
    for n, k in enumerate(got):
        if k is None or intents[k].name not in movable:
            continue
        before = [order.index(x) for x in got[:n] if x is not None and x != k]
        after = [order.index(x) for x in got[n + 1 :] if x is not None and x != k]
        at, lo = order.index(k), max(before, default=-1)
        hi = min(after, default=len(order))
        if lo < hi and not lo < at < hi or (lo >= 0 and at > lo + 1 and not after):
            order.pop(at)
            order.insert(lo + 1 if at > lo else lo, k)
    where = {old: new for new, old in enumerate(order)}
    return [intents[i] for i in order], [None if k is None else where[k] for k in got]
