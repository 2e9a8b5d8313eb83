"""A tiny deterministic stand-in for the sentence embedder of the learned acts and the learned
critical-error heads: a bag of words hashed into 512 dimensions, L2-normalised, instant."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any

from simulator.analysis.learned_model import EMBED_DIM


def fake_embed(texts: Sequence[str]) -> Any:
    import numpy as np

    out = np.zeros((len(texts), EMBED_DIM), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in text.lower().split():
            out[row, zlib.crc32(word.encode()) % EMBED_DIM] += 1.0
        norm = np.linalg.norm(out[row])
        if norm:
            out[row] /= norm
    return out
