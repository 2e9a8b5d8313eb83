"""Memoised, pre-checked calls from scoring into the language and analysis layers.

Scoring asks the same questions about the same turn text many times (and a live call is
re-scored as it grows, for hints), while the language functions fold and segment the text on
every call. These wrappers cache results by text and skip the call outright when a cheap test
on the already-folded text proves the answer is empty (no digit or number word → no amount).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from simulator.scoring import text as tx

CACHE_SIZE = 16_384
_REPEATS = re.compile(r"([a-z])\1{2,}")
_TAG_HINT = re.compile(
    r"(?i)(?:v+e+r+d+a+d+|n+o+|s+[ií]+|e+x+p+l+i+c+o+|e+n+t+i+e+n+d+e+|s+i+g+u+e+|o+k+|s+a+l+e+)"
    r"[\s.,;:…!¡¿-]*\?"
)
_ESTE_PAUSE = re.compile(r"(?i)[eé]ste\s*(?:,|\.\.\.|…|-)")
_LAST_TAG = re.compile(r"(?:verdad|explico)$")
_TRIPLE = re.compile(r"([a-z])\1\1")


@lru_cache(maxsize=CACHE_SIZE)
def amounts(text: str) -> tuple[Any, ...]:
    """``language.numbers.extract_amounts`` (as a tuple), cached by text."""
    from simulator.language.numbers import extract_amounts

    return tuple(extract_amounts(text))


def amounts_in(text: str, folded: str) -> tuple[Any, ...]:
    """Amounts of ``text``; ``folded`` (its ``text.fold``) rules out turns with no number."""
    if not tx.cue("number_hint").search(folded):
        return ()
    return amounts(text)


@lru_cache(maxsize=CACHE_SIZE)
def _field_value(name: str, text: str) -> str | None:
    from simulator.language import extract as lx

    value = lx.extract_field_value(name, text)
    return None if value is None else str(value)


def field_value(name: str, text: str, folded: str) -> str | None:
    """``extract_field_value`` with pre-checks: an e-mail needs «@»/«arroba», a phone a number."""
    kind = field_kind(name)
    if kind == "email" and "@" not in text and "arroba" not in folded:
        return None
    if kind in ("phone", "digits") and not tx.cue("number_hint").search(folded):
        return None
    return _field_value(name, text)


@lru_cache(maxsize=256)
def field_kind(name: str) -> str:
    from simulator.language import extract as lx

    return lx.field_kind(name)


@lru_cache(maxsize=CACHE_SIZE)
def _phone(text: str) -> str | None:
    from simulator.language import extract as lx

    return lx.extract_phone(text)


def phone(text: str, folded: str) -> str | None:
    """``extract_phone``; no number in the folded text → no phone."""
    if not tx.cue("number_hint").search(folded):
        return None
    return _phone(text)


@lru_cache(maxsize=CACHE_SIZE)
def _email(text: str) -> str | None:
    from simulator.language import extract as lx

    return lx.extract_email(text)


def email(text: str, folded: str) -> str | None:
    if "@" not in text and "arroba" not in folded:
        return None
    return _email(text)


@lru_cache(maxsize=CACHE_SIZE)
def _fillers(text: str) -> int:
    from simulator.analysis import fillers as count_fillers

    return int(count_fillers(text))


def fillers(text: str, folded: str) -> int:
    """Muletillas in ``text``; 0 without calling the counter when no filler can be there.

    The pre-check is a superset of ``analysis.fillers``: its own «always» patterns over the folded
    text (repeated letters collapsed), «este,» / «este…» pauses, tag questions before «?», and a
    final «verdad» / «me explico».
    """
    words = folded.split()
    if _filler_words().isdisjoint(words) and not _TRIPLE.search(folded):
        # No filler word, and so no «este,» pause either: only a tag question can be left.
        if "?" not in text or not _TAG_HINT.search(text):
            return 0
    elif not _always().search(_REPEATS.sub(r"\1", folded)):
        tag = "?" in text and _TAG_HINT.search(text)
        if not tag and not _ESTE_PAUSE.search(text) and not _LAST_TAG.search(folded):
            return 0
    return _fillers(text)


@lru_cache(maxsize=1)
def _filler_words() -> frozenset[str]:
    """Every word the filler lexicon can match, letters repeated at most twice (3+ → _TRIPLE)."""
    return tx.word_set("filler_words")


@lru_cache(maxsize=1)
def _always() -> re.Pattern[str]:
    from simulator.analysis.lexicon import filler_patterns

    return filler_patterns()[0]


@lru_cache(maxsize=CACHE_SIZE)
def name_mentions(text: str, full_name: str) -> int:
    from simulator.language.names import name_mentions as mentions

    found: Any = mentions(text, full_name)
    return len(found) if isinstance(found, list | tuple) else int(found)
