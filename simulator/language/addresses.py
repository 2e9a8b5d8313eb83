"""Addresses as customers say them, for comparing what was said with what was captured.

Why: a customer dictates «Calle Fresno 118, colonia Santa María la Ribera, en la Ciudad de
México, señorita» and the agent writes «Calle Fresno 118, col. Santa María la Ribera, Ciudad de
México» (blind panel G): the vocative closing the turn is not part of the address, and linking
words («en la») are said or left out freely. A different house number, though, is a different
address however alike the rest reads. ``extract`` uses this for the address field kind.
"""

from __future__ import annotations

import re

from simulator.language.names import field_lexicon
from simulator.language.normalize import normalize

_NUMBER = re.compile(r"\d+")


def _words(key: str) -> set[str]:
    return {str(w) for w in field_lexicon()[key]}  # type: ignore[attr-defined]


def without_vocative(value: str) -> str:
    """The address without trailing comma parts that only address the listener or close the turn
    («…, Ciudad de México, señorita», «…, joven, por favor»)."""
    tail = _words("address_tail_words") | _words("name_titles")
    parts = value.split(",")
    while len(parts) > 1:
        words = normalize(parts[-1]).split()
        if not words or not all(w in tail for w in words):
            break
        parts.pop()
    return ",".join(parts)


def same_address(a: str, b: str) -> bool | None:
    """Two normalized addresses (abbreviations expanded): True when they are the same words but
    for linking words, False when their house numbers differ, None when undecided here."""
    linking = _words("address_linking_words")
    if [w for w in a.split() if w not in linking] == [w for w in b.split() if w not in linking]:
        return True  # «…, en la Ciudad de México» is «…, Ciudad de México»
    numbers_a, numbers_b = set(_NUMBER.findall(a)), set(_NUMBER.findall(b))
    if numbers_a and numbers_b and not (numbers_a <= numbers_b or numbers_b <= numbers_a):
        return False  # «Olivo 23» is not «Olivo 32»
    return None
