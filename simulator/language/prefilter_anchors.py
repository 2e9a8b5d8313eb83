"""The anchors of a regex: literal words and strings one of which every match must contain.

Why: ``prefilter`` skips a search when the text holds none of a regex's anchors, and a rule added
to a lexicon must get its anchors with no one writing them; so this module reads them off the
parsed regex (``re._parser``). Anchors come only from what a match consumes: literal runs, small
character classes and alternations; a word is an anchor only where the regex itself bounds it (a
space, ``\\b``, ``(?<![a-z0-9])``, ``^``…), so it is a whole ``[a-z0-9]+`` token of any text the
regex matches. A regex that may match without consuming an anchor (``\\w+``, empty matches,
case-insensitive flags) gets None and keeps no prefilter. The analysis costs seconds for the
largest lexicons, so ``prefilter`` keeps its result in the regex cache.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import cache
from importlib import resources
from itertools import product
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, cast

# Largest set of exact strings kept for one stretch of a regex; most substring anchors kept.
MAX_EXACT = 64
MAX_SUBSTRINGS = 64
MAX_RANGE = 10
MIN_STRONG = 4  # shorter words and substrings are in most texts
_MARK = "\x00"  # a zero-width boundary: no [a-z0-9] run goes across it
_GAP = "\x01"  # one or more characters, none of them [a-z0-9] («\\s+»)
_SPACE_CATEGORIES = {sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE}
_ATOMIC = getattr(sre, "ATOMIC_GROUP", None)
_REPEATS = tuple(
    op for op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) if op
)
_BOUNDARY_AT = {
    sre.AT_BEGINNING,
    sre.AT_BEGINNING_STRING,
    sre.AT_END,
    sre.AT_END_STRING,
    sre.AT_BOUNDARY,
    sre.AT_UNI_BOUNDARY,
    sre.AT_LOC_BOUNDARY,
}
_WORD_CATEGORIES = {sre.CATEGORY_WORD, sre.CATEGORY_UNI_WORD, sre.CATEGORY_LOC_WORD}
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_TOKEN = re.compile(r"[a-z0-9]+")

Strings = frozenset[str]


class _Unsupported(Exception):
    """A construct whose literals cannot be trusted (case folding)."""


@cache
def _weak_words() -> frozenset[str]:
    """Function words (``stopwords.yaml``): an anchor that is one of them is in most turns."""
    from simulator.datafiles import parse

    text = resources.files("simulator.language").joinpath("es/stopwords.yaml").read_text("utf-8")
    return frozenset(str(w) for w in parse(text)["stopwords"])


def _items(seq: Any) -> Iterator[tuple[Any, Any]]:
    """The items of a parsed sequence with groups flattened (a group consumes its content)."""
    for op, av in seq:
        if op == sre.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                raise _Unsupported
            yield from _items(av[3])
        elif _ATOMIC is not None and op == _ATOMIC:
            yield from _items(av)
        else:
            yield op, av


def _covers_alnum(charset: Any) -> bool:
    """The class holds every [a-z0-9] character (so its negation holds none of them)."""
    chars: set[str] = set()
    for kind, value in charset:
        if kind == sre.NEGATE:
            return False
        if kind == sre.CATEGORY and value in _WORD_CATEGORIES:
            return True
        if kind == sre.LITERAL:
            chars.add(chr(value))
        elif kind == sre.RANGE:
            chars.update(chr(c) for c in range(value[0], value[1] + 1) if chr(c) in _ALNUM)
    return chars >= _ALNUM


def _no_alnum(op: Any, av: Any) -> bool:
    """The item consumes one character that is never [a-z0-9] (a space, a comma, «\\s»)."""
    if op == sre.LITERAL:
        return chr(av) not in _ALNUM
    if op != sre.IN:
        return False
    for kind, value in av:
        if kind == sre.LITERAL and chr(value) in _ALNUM:
            return False
        if kind == sre.RANGE and any(chr(c) in _ALNUM for c in range(value[0], value[1] + 1)):
            return False
        if kind == sre.CATEGORY and value not in _SPACE_CATEGORIES:
            return False
        if kind not in (sre.LITERAL, sre.RANGE, sre.CATEGORY):
            return False
    return True


def _zero_width(op: Any, av: Any) -> Strings | None:
    """{_MARK} for an assertion that puts a boundary here, {""} for another one, None otherwise."""
    if op == sre.AT:
        return frozenset({_MARK if av in _BOUNDARY_AT else ""})
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        inner = list(av[1])
        bound = (
            op == sre.ASSERT_NOT
            and len(inner) == 1
            and inner[0][0] == sre.IN
            and _covers_alnum(inner[0][1])
        )
        return frozenset({_MARK if bound else ""})
    return None


_memo: dict[int, tuple[Any, Strings | None]] = {}  # id(av) → (av, strings) during one anchors()
_lock = threading.Lock()


def _exact(op: Any, av: Any) -> Strings | None:
    """Every string the item can consume (boundaries as _MARK), when that is a small set."""
    if isinstance(av, int):
        return _exact_item(op, av)
    hit = _memo.get(id(av))
    if hit is not None and hit[0] is av:
        return hit[1]
    strings = _exact_item(op, av)
    _memo[id(av)] = (av, strings)
    return strings


def _exact_item(op: Any, av: Any) -> Strings | None:
    zero = _zero_width(op, av)
    if zero is not None:
        return zero
    if op == sre.LITERAL:
        return frozenset({chr(av)})
    if op == sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind == sre.LITERAL:
                chars.add(chr(value))
            elif kind == sre.RANGE and value[1] - value[0] < MAX_RANGE:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None
        return frozenset(chars)
    if op == sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = _exact_seq(branch)
            if strings is None:
                return None
            out |= strings
            if len(out) > MAX_EXACT:
                return None
        return frozenset(out)
    if op in _REPEATS:
        low, high, inner = av
        if high != low and len(inner) == 1 and _no_alnum(*inner[0]):
            return frozenset({"", _GAP}) if low == 0 else frozenset({_GAP})
        if high != low and not (low == 0 and high == 1):
            return None
        strings = _exact_seq(inner)
        if strings is None:
            return None
        return strings | {""} if low == 0 else _power(strings, low)
    return None


def _join(left: Strings, right: Strings) -> Strings:
    return frozenset(a + b for a, b in product(left, right))


def _power(strings: Strings, times: int) -> Strings | None:
    out: Strings = frozenset({""})
    for _ in range(times):
        out = _join(out, strings)
        if len(out) > MAX_EXACT:
            return None
    return out


def _exact_seq(seq: Any) -> Strings | None:
    out: Strings = frozenset({""})
    for op, av in _items(seq):
        strings = _exact(op, av)
        if strings is None:
            return None
        out = _join(out, strings)
        if len(out) > MAX_EXACT:
            return None
    return out


def _bounded(ch: str) -> bool:
    return ch not in _ALNUM  # _MARK and _GAP too


def _ends_bounded(op: Any, av: Any, before: bool) -> bool:
    """Whatever the item consumes, the character just before the end is no [a-z0-9] (or it
    consumed nothing and ``before`` held)."""
    if _no_alnum(op, av):
        return True
    if op == sre.BRANCH:
        return all(_seq_ends_bounded(branch, before) for branch in av[1])
    if op in _REPEATS:
        inner = _seq_ends_bounded(av[2], False)
        return inner and (before or av[0] >= 1)
    return False


def _starts_bounded(items: list[tuple[Any, Any]], idx: int, right: bool) -> bool:
    """Whatever ``items[idx:]`` consume, the first character is no [a-z0-9] (or they consume
    nothing and ``right`` held)."""
    for pos in range(idx, len(items)):
        op, av = items[pos]
        strings = _exact(op, av)
        if strings is not None:
            if not all(_bounded(x[0]) for x in strings if x):
                return False
            if "" not in strings:
                return True
            continue
        if _no_alnum(op, av):
            return True
        if op in _REPEATS:
            rest = _starts_bounded(items, pos + 1, right)
            inner = _starts_bounded(list(_items(av[2])), 0, rest)
            return inner and (rest or av[0] >= 1)
        if op == sre.BRANCH:
            rest = _starts_bounded(items, pos + 1, right)
            return all(_starts_bounded(list(_items(b)), 0, rest) for b in av[1])
        return False
    return right


def _seq_ends_bounded(seq: Any, before: bool) -> bool:
    state = before
    for op, av in _items(seq):
        strings = _exact(op, av)
        if strings is None:
            state = _ends_bounded(op, av, state)
        elif strings == {_MARK}:
            state = True
        else:
            state = all(_bounded(x[-1]) for x in strings if x) and (state or "" not in strings)
    return state


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


def _required(seq: Any, left: bool, right: bool) -> Tracks:
    """Two sets of anchors, each such that every match of ``seq`` holds one of it (``left`` /
    ``right``: a boundary is known just before/after ``seq``): the fewest common anchors, and the
    smallest share of them. Both hold, so a text must pass both."""
    items = list(_items(seq))
    candidates: list[frozenset[str] | None] = []
    run: Strings = frozenset({_MARK if left else ""})
    bounded = left  # the end of what was consumed so far is a boundary
    for idx, (op, av) in enumerate(items):
        strings = _exact(op, av)
        if strings is not None:
            joined = _join(run, strings)
            if len(joined) <= MAX_EXACT:
                run = joined
            else:
                candidates.append(_anchors_of(run))
                run = _join(frozenset({_MARK if bounded else ""}), strings)
            bounded = all(x and _bounded(x[-1]) for x in run)
            continue
        candidates.append(_anchors_of(run))
        rbound = _starts_bounded(items, idx + 1, right)
        if op == sre.BRANCH:
            parts = [_required(branch, bounded, rbound) for branch in av[1]]
            candidates.append(_union([p[0] for p in parts]))
            candidates.append(_union([p[1] for p in parts]))
        elif op in _REPEATS and av[0] >= 1:
            candidates.extend(_required(av[2], False, False))
            least = _exact_seq(av[2])  # «o+»: the stretch so far, then one «o» at least
            least = _power(least, av[0]) if least is not None else None
            if least is not None and len(run) * len(least) <= MAX_EXACT:
                candidates.append(_anchors_of(_join(run, least)))
        bounded = _ends_bounded(op, av, bounded)
        run = frozenset({_MARK if bounded else ""})
    candidates.append(_anchors_of(_join(run, frozenset({_MARK if right else ""}))))
    return _tracks(candidates)


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


Found = tuple[frozenset[str], dict[str, tuple[str, ...]], tuple[str, ...]]


def anchors(pattern: str, flags: int = 0) -> tuple[Found, ...] | None:
    """Requirements every match of ``pattern`` meets, each as (whole words, {whole word:
    substrings checked when it is there}, substrings): a match holds one of the words, or one
    keyed substring with its word, or one of the substrings. None if none can be told."""
    if flags & re.IGNORECASE:
        return None
    with _lock:
        try:
            parsed = _parser.parse(pattern, flags)
            if parsed.state.flags & re.IGNORECASE:
                return None
            tracks = _required(parsed, False, False)
        except (_Unsupported, RecursionError):
            return None
        finally:
            _memo.clear()
    out: list[Found] = []
    for track in dict.fromkeys(t for t in tracks if t):  # the two may be the same set
        found = _found(track)
        if found is not None:
            out.append(found)
    out.sort(key=lambda f: (len(f[2]), len(f[1])))  # the cheaper test first
    return tuple(out) or None


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
