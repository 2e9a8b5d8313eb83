"""Which anchors a prefilter keeps: one per exact string, and the best set per stretch of regex.

Why: ``prefilter_anchors`` walks a parsed regex and finds, for every stretch of it, the strings a
match must consume; this module turns those strings into anchors (a whole word when the regex
bounds one, else a literal piece) and ranks the candidate sets, so the walk and the choice each
stay small. Anchors are encoded for the regex cache: ``w:word``, ``k:word\\x00piece`` (the piece
tested only when the word is in the text), ``s:piece``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import cast

MAX_SUBSTRINGS = 64
MIN_STRONG = 4  # shorter words and substrings are in most texts
_MARK = "\x00"  # a zero-width boundary: no [a-z0-9] run goes across it
_GAP = "\x01"  # one or more characters, none of them [a-z0-9] («\\s+»)
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_TOKEN = re.compile(r"[a-z0-9]+")

Strings = frozenset[str]
Found = tuple[frozenset[str], dict[str, tuple[str, ...]], tuple[str, ...]]


def _bounded(ch: str) -> bool:
    return ch not in _ALNUM  # _MARK and _GAP too


@cache
def _weak_words() -> frozenset[str]:
    """Function words (``stopwords.yaml``): an anchor that is one of them is in most turns."""
    from simulator.datafiles import parse

    text = resources.files("simulator.language").joinpath("es/stopwords.yaml").read_text("utf-8")
    return frozenset(str(w) for w in parse(text)["stopwords"])


def _anchor(text: str) -> str | None:
    """The best anchor of one exact string, encoded for the cache: a strong whole word
    («w:ayudar»); else the longest consumed piece checked only when one of its whole words is in
    the text («k:da\\x00me da »); else that piece alone («s:entendi»); None if it consumes nothing."""
    words = []
    for m in _TOKEN.finditer(text):
        inside = m.start() and m.end() < len(text)
        if inside and _bounded(text[m.start() - 1]) and _bounded(text[m.end()]):
            words.append(m.group(0))
    strong = [w for w in words if len(w) >= MIN_STRONG and w not in _weak_words()]
    if strong:
        return "w:" + max(strong, key=lambda w: (len(w), w))
    piece = max(text.replace(_MARK, "").split(_GAP), key=len)
    if words:
        key = max(words, key=lambda w: (len(w), w))
        return f"k:{key}{_MARK}{piece}" if len(piece) > len(key) else "w:" + key
    return "s:" + piece if piece else None


def _anchors_of(strings: Strings) -> frozenset[str] | None:
    out = set()
    for text in strings:
        anchor = _anchor(text)
        if anchor is None:
            return None
        out.add(anchor)
    return frozenset(out)


def _weakness(anchors: frozenset[str]) -> tuple[int, int, int, int]:
    """(one-character anchors, anchors found in most texts, anchors that cost a substring test,
    all anchors): the least is the best."""
    weak = plain = tiny = 0
    for anchor in anchors:
        kind, body = anchor[0], anchor[2:]
        plain += kind == "s"
        tiny += kind == "s" and _everywhere(body)
        if kind == "w":
            weak += len(body) < MIN_STRONG or body in _weak_words()
        else:  # a phrase of function words («que », «no sea »): common unless long
            weak += len(body.split(_MARK)[-1].strip()) < 2 * MIN_STRONG - 2
    return tiny, weak, plain, len(anchors)


def _rareness(anchors: frozenset[str]) -> tuple[bool, bool, float, int]:
    """Order of the second track: the set with the smallest share of common anchors (a list of
    three thousand rare words beats three function words, though it is longer), unless it needs
    too many substring tests."""
    tiny, weak, plain, total = _weakness(anchors)
    return tiny > 0, plain > MAX_SUBSTRINGS // 4, weak / total, plain


Tracks = tuple[frozenset[str] | None, frozenset[str] | None]


def _tracks(candidates: list[frozenset[str] | None]) -> Tracks:
    usable = [c for c in candidates if c]
    if not usable:
        return None, None
    return min(usable, key=_weakness), min(usable, key=_rareness)


def _union(parts: list[frozenset[str] | None]) -> frozenset[str] | None:
    if any(p is None for p in parts):
        return None
    return frozenset().union(*cast(list[frozenset[str]], parts))


def _everywhere(substring: str) -> bool:
    """A one-character anchor that most texts hold (a letter, a digit, a space)."""
    return len(substring) < 2 and (substring in _ALNUM or substring.isspace())


def _minimal(substrings: set[str]) -> tuple[str, ...]:
    """Drop every substring anchor that contains another one (the shorter is found first)."""
    kept: list[str] = []
    for anchor in sorted(substrings, key=lambda a: (len(a), a)):
        if not any(k in anchor for k in kept):
            kept.append(anchor)
    return tuple(kept)


def _found(anchors: frozenset[str]) -> Found | None:
    words = frozenset(a[2:] for a in anchors if a.startswith("w:"))
    keyed: dict[str, set[str]] = {}
    for anchor in anchors:
        if anchor.startswith("k:"):
            key, piece = anchor[2:].split(_MARK)
            if key not in words:
                keyed.setdefault(key, set()).add(piece)
    substrings = _minimal({a[2:] for a in anchors if a.startswith("s:")})
    if len(substrings) > MAX_SUBSTRINGS or any(_everywhere(a) for a in substrings):
        return None  # too many to test, or one in nearly every text
    return words, {k: _minimal(v) for k, v in sorted(keyed.items())}, substrings
