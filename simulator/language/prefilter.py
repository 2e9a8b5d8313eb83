"""A literal prefilter in front of the lexicon regexes: skip a search that cannot match.

Why: scoring a call runs thousands of searches of long act alternations (``compile_list``) over
turns and clauses, and most find nothing; Python's regex engine tries every alternative at every
position before saying so, so the cost grows with every rule added to a lexicon. Every match of
such a regex holds one of its *anchors* (``prefilter_anchors``: whole words such as «ayudar», or
literal strings), read off the regex itself, so a new rule is covered with no one writing them.
When the text holds none of them (a set test over the text's words, computed once per text, plus
a few substring tests), no search, match, ``finditer`` … can match, and the answer is given
without running the regex: results are identical by construction (``bench/bench_identity.py``,
``tests/unit/test_prefilter.py``). ``SIMULADOR_PREFILTER=0`` turns it off (benchmarks compare).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from simulator.language import prefilter_anchors, regex_cache
from simulator.language.prefilter_anchors import Found, anchors

ENV_OFF = "SIMULADOR_PREFILTER"
# Below this many characters a regex runs about as fast as the prefilter's test: left alone.
MIN_CHARS = 300
# texts remembered per regex (the answers of one call's turns and clauses; cleared when full)
SEEN_MAX = 4096
_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8192)
def tokens(text: str) -> frozenset[str]:
    """The [a-z0-9]+ runs of a text (shared by every prefiltered regex asked about it)."""
    return frozenset(_TOKEN.findall(text))


class Prefiltered:
    """A compiled regex behind its anchors: same methods and results as ``re.Pattern``."""

    __slots__ = ("_regex", "_tests", "_seen")

    def __init__(self, regex: re.Pattern[str], found: tuple[Found, ...]) -> None:
        self._regex = regex
        self._tests = tuple((words, frozenset(keyed), keyed, subs) for words, keyed, subs in found)
        # the answer per text: rules ask one regex about one turn several times (speed-21)
        self._seen: dict[str, bool] = {}

    def _absent(self, string: str) -> bool:
        """The text lacks every anchor of one of the requirements: no match is possible."""
        seen = self._seen.get(string)
        if seen is None:
            if len(self._seen) >= SEEN_MAX:
                self._seen.clear()
            seen = self._seen[string] = self._test(string)
        return seen

    def _test(self, string: str) -> bool:
        present = tokens(string)
        for words, keys, keyed, substrings in self._tests:
            if not words.isdisjoint(present):
                continue
            if any(piece in string for key in keys & present for piece in keyed[key]):
                continue
            if any(anchor in string for anchor in substrings):
                continue
            return True
        return False

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._absent(string):
            return None
        return self._regex.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._absent(string):
            return None
        return self._regex.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        if self._absent(string):
            return None
        return self._regex.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if self._absent(string):
            return iter(())
        return self._regex.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        if self._absent(string):
            return []
        return self._regex.findall(string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        if self._absent(string):
            return string
        return self._regex.sub(repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        if self._absent(string):
            return string, 0
        return self._regex.subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        if self._absent(string):
            return [string]
        return self._regex.split(string, maxsplit)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # unset slots while unpickling, dunder probes
            raise AttributeError(name)
        return getattr(self._regex, name)  # pattern, flags, groups, groupindex, scanner…

    def __repr__(self) -> str:
        return f"Prefiltered({self._regex!r})"


def _enabled() -> bool:
    return os.environ.get(ENV_OFF, "").strip().lower() not in ("0", "false", "no", "off")


def wrap(regex: re.Pattern[str], min_chars: int = MIN_CHARS) -> re.Pattern[str]:
    """``regex`` behind its anchors when it is long and has some (typed as the regex it stands
    for: it answers every method the same way)."""
    if len(regex.pattern) < min_chars or not _enabled():
        return regex
    stored = regex_cache.remember(_KIND, regex.pattern, regex.flags, lambda: _stored(regex))
    if stored is None:
        return regex
    try:
        found = tuple(
            (frozenset(words), {k: tuple(v) for k, v in keyed}, tuple(substrings))
            for words, keyed, substrings in stored
        )
    except (TypeError, ValueError):  # an entry of another layout: analyse again
        found = anchors(regex.pattern, regex.flags) or ()
    return cast(re.Pattern[str], Prefiltered(regex, found)) if found else regex


def _kind() -> str:
    """The cache key's kind: the text of the analysis, so a changed one never reads old entries
    (taken when this module is imported, so it names the code that runs)."""
    source = Path(__file__).read_bytes() + Path(prefilter_anchors.__file__).read_bytes()
    return "prefilter-" + hashlib.sha256(source).hexdigest()[:16]


_KIND = _kind()


def _stored(regex: re.Pattern[str]) -> tuple[Any, ...] | None:
    """The anchors as ``marshal`` stores them (tuples of strings)."""
    found = anchors(regex.pattern, regex.flags)
    if found is None:
        return None
    return tuple(
        (tuple(sorted(words)), tuple(keyed.items()), substrings)
        for words, keyed, substrings in found
    )
