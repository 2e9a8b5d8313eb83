"""Fixtures shared by the unit tests of the learned acts and the learned critical-error heads:
the fake embedder switched on, with the texts it embedded recorded, and the process state put back
as it was afterwards (one copy; test_learned.py and test_critical_head.py each had their own)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest

from simulator.analysis import critical_head, learned_model
from tests.unit.fake_embedder import fake_embed

_SAVED = ("enabled", "embedder", "factory", "failed", "head", "plain", "plain_head")


@pytest.fixture()
def embed_calls() -> list[list[str]]:
    """Every batch of texts the fake embedder was asked for, in order."""
    return []


@pytest.fixture()
def learned_state_restored() -> Iterator[None]:
    """Whatever a test loads (the real embedder, a head), the learned state is put back after: a
    real model left loaded changed the acts of panel replays later in the same worker."""
    state = learned_model._STATE
    saved = {name: getattr(state, name) for name in _SAVED}
    yield
    critical_head.use_heads(None)
    learned_model.use_embedder(None)
    for name, value in saved.items():
        setattr(state, name, value)
    state.weights = {}


@pytest.fixture()
def fake_embedder(embed_calls: list[list[str]], learned_state_restored: None) -> Iterator[None]:
    """Learned acts and heads on, with the fake embedder; the process state is restored after."""
    pytest.importorskip("numpy")

    def factory() -> learned_model.Embedder:
        def embed(texts: Sequence[str]) -> Any:
            embed_calls.append(list(texts))
            return fake_embed(texts)

        return embed

    learned_model.use_embedder(factory)
    learned_model.configure(True)
    yield
