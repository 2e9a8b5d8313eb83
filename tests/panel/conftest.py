"""Panel replays start from the learned state a fresh process has: unit tests in the same xdist
worker load fake or real embedders and heads (and restore what they can), and a panel verdict
must not depend on which tests ran before it in that worker (session 16: zc-08 flipped)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from simulator.analysis import critical_head, learned_model


@pytest.fixture(autouse=True)
def fresh_learned_state() -> Iterator[None]:
    learned_model.reset()
    critical_head.use_heads(None)
    yield
