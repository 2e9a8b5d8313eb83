"""Options the agent said in a statement before a which-question («El técnico llega de 9 a 13 o
de 14 a 18. ¿Cuál le acomoda?»): the last «X o Y» of the turn, each side short.

Split from ``choice_lists`` (one module a responsibility). The left side of a long clause is its
tail that starts as the right side starts («…en un horario de 9 a 2 o de 2 a 6» → «de 9 a 2»):
without it the which-question went to the options of an earlier question (lead s23).
"""

from __future__ import annotations

import re

from simulator.customer import choice_options

_SPLIT_O = choice_options.SPLIT_O
_CLAUSE = re.compile(r"[.:;!]\s+|,\s+")

SAID_OPTION_WORDS = 6  # «de 14 a 18 horas», «el de 200 megas»


def said_options(body: str) -> list[str]:
    """The last «X o Y» said in a statement, each side short («de 9 a 13 o de 14 a 18 horas»)."""
    for clause in reversed([c for c in _CLAUSE.split(body.strip()) if c.strip()]):
        parts = _SPLIT_O.split(clause.strip(" .;:,"))
        if len(parts) == 2:
            parts = [_parallel_tail(parts[0], parts[1]), parts[1]]
        if len(parts) == 2 and all(0 < len(p.split()) <= SAID_OPTION_WORDS for p in parts):
            return [p.strip() for p in parts]
    return []


def _parallel_tail(left: str, right: str) -> str:
    """The left option of «El técnico llega en un horario de 9 a 2 o de 2 a 6» is «de 9 a 2»:
    the tail of the clause that starts as the right option starts (lead s23: the long left side
    sent the which-question to the plan options of turns before)."""
    words, first = left.split(), (right.split() or [""])[0].lower()
    if len(words) <= SAID_OPTION_WORDS or not first:
        return left
    starts = [i for i, w in enumerate(words) if w.lower() == first]
    return " ".join(words[starts[-1] :]) if starts else left
