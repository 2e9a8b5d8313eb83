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
from itertools import product
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from simulator.language.prefilter_choice import (
    _ALNUM,
    _GAP,
    _MARK,
    Found,
    Strings,
    Tracks,
    _anchors_of,
    _bounded,
    _found,
    _tracks,
    _union,
)

# Largest set of exact strings kept for one stretch of a regex; most substring anchors kept.
MAX_EXACT = 64
MAX_RANGE = 10
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


class _Unsupported(Exception):
    """A construct whose literals cannot be trusted (case folding)."""


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
