"""The one rule that splits an external corpus into a dev half and a held-out half.

Learned heads are trained on the dev half only and judged on the held-out half, split by
conversation so that no counsellor or caller is on both sides. Benches and the training script
import this function so that every figure in the repository uses the same halves.

Rule (``split_halves``): take the distinct conversation ids, sort them by the SHA-1 hex digest of
the UTF-8 id, and give even positions (0, 2, 4, …) to ``"dev"`` and odd positions to
``"holdout"``. On ``midas_es_dev.jsonl`` (37 conversations) this gives 19 dev conversations
(383 units) and 18 held-out conversations (388 units).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Literal

Half = Literal["dev", "holdout"]


def split_halves(conversation_ids: Iterable[str]) -> dict[str, Half]:
    """Map every distinct conversation id to ``"dev"`` or ``"holdout"`` (rule in the docstring)."""
    ordered = sorted(
        set(conversation_ids), key=lambda c: hashlib.sha1(c.encode("utf-8")).hexdigest()
    )
    return {cid: ("dev" if i % 2 == 0 else "holdout") for i, cid in enumerate(ordered)}
