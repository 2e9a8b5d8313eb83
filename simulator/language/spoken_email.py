"""E-mails said aloud: «rosa punto hdz arroba gmail punto com», «h-salinas…», «hache salinas…».

An agent confirms an e-mail by reading it back in words, and often spells a part of it: a lone
letter joined by a written hyphen («h-salinas», the way a script marks «hache, salinas») or said
by its Spanish name («hache salinas»). A read-back check must see the captured value in all of
these (blind panel I, yc-06: «h-salinas arroba outlook punto com», confirmed by the customer,
was judged not read back), while «h guion salinas» still says a hyphen the value does not have.
"""

from __future__ import annotations

import re
from functools import cache

from simulator.language.names import field_lexicon
from simulator.language.normalize import MAX_CHARS, fold

__all__ = ["email_spelled_in", "email_word_patterns"]

# a written hyphen joined to a lone letter or digit marks spelling («h-salinas», «n-x-r»)
_SPELLING_HYPHEN = re.compile(
    r"(?<![a-z0-9])([a-z0-9])-(?=[a-z0-9])|(?<=[a-z0-9])-([a-z0-9])(?![a-z0-9])"
)
_SQUEEZE = re.compile(r"[\s,;:]+")


@cache
def email_word_patterns() -> list[tuple[re.Pattern[str], str]]:
    """The spoken e-mail words («arroba», «guion bajo»…) as patterns and their symbols."""
    words = field_lexicon()["email_words"]
    assert isinstance(words, dict)
    ordered = sorted(words.items(), key=lambda kv: len(str(kv[0])), reverse=True)
    return [(re.compile(r"\s*\b" + re.escape(str(k)) + r"\b\s*"), str(v)) for k, v in ordered]


@cache
def _letter_names() -> list[tuple[re.Pattern[str], str]]:
    """Spanish names of letters and digits («hache», «doble u», «cuatro»), longest first."""
    table = field_lexicon()["spelled_symbols"]
    assert isinstance(table, dict)
    named = [(str(k), str(v)) for k, v in table.items() if len(str(k)) > 1]
    named.sort(key=lambda kv: len(kv[0]), reverse=True)
    return [(re.compile(r"\b" + re.escape(k) + r"\b"), v) for k, v in named]


def _spoken(folded: str) -> str:
    for pattern, symbol in email_word_patterns():
        folded = pattern.sub(symbol, folded)
    return _SQUEEZE.sub("", folded)


def _spelled(folded: str) -> str:
    """``folded`` with its spelling undone: letter names as letters, spelling hyphens dropped."""
    for pattern, symbol in _letter_names():
        folded = pattern.sub(symbol, folded)
    return _SPELLING_HYPHEN.sub(lambda m: m.group(1) or m.group(2), folded)


def email_spelled_in(email: str, text: str) -> bool:
    """``text`` says ``email`` back, however it is spaced: in words with its parts apart («h
    salinas arroba outlook punto com»), spelled letter by letter («p, a, t, y, punto…»), with a
    letter by its name («hache salinas…») or joined by a spelling hyphen («h-salinas…»)."""
    wanted = re.sub(r"\s+", "", fold(email))
    if "@" not in wanted:
        return False
    folded = fold(text[:MAX_CHARS])
    return wanted in _spoken(folded) or wanted in _spoken(_spelled(folded))
