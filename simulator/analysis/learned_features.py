"""The feature vector the learned head reads of one agent turn (spec ``FEATURE_VERSION``).

Kept apart from the model loading (``learned_model.py``) and the combination with the rules
(``learned.py``) because the training script (``bench/train_learned.py``) and the runtime must
compute exactly the same numbers: this module is the one definition. The blocks, in order:

1. the rules' acts of the turn (one per ``AGENT_ACTS``), then 5 extras (question mark, length,
   has context, share of the turn's content words the customer said, shared words / 5);
2. hashed words: ``w:<word>``, ``b:<word>_<word>``, ``f:<first>``, ``f2:<first>_<second>``;
3. hashed endings: ``l:<last>``, ``l2:…``, ``l3:…`` (a question said without «?» often ends like one:
   «…, no», «…, verdad», «o no»);
4. hashed character 3-5-grams inside words (spelling variants and speech-recognition forms);
5. the sentence embedding of the turn's first ``embed_words`` words and of its last ones (zeros
   unless the head's ``tail_embedding``);
6. the cosine of both with the embedding of the customer's previous words (a reflection restates
   what the customer just said), 0 without context or unless the head's ``context_cosine``.

The head file says which embeddings it reads, so a head that does not use one costs nothing for
it (the shipped head reads only the first words: the others did not pay on the dev half).

Hashed blocks use crc32 with the sign from bit 31 and are L2-normalised; no vocabulary is stored,
so the head file holds no third-party text.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from typing import Any

from simulator.analysis.learned_model import EMBED_DIM
from simulator.models.acts import AGENT_ACTS

FEATURE_VERSION = 2
HASH_BUCKETS = 2048
LAST_BUCKETS = 512
CHAR_BUCKETS = 4096
CHAR_GRAMS = (3, 4, 5)
EXTRAS = ("has_question_mark", "words/20", "has_context", "shared/own", "shared/5")
_PUNCT = re.compile(r"[?¿.,!¡;:]")


def mode_of(text: str) -> str:
    """``typed`` when the turn carries any punctuation, else ``asr`` (speech recognition)."""
    return "typed" if _PUNCT.search(text) else "asr"


def asr_form(text: str) -> str:
    """``text`` as speech recognition delivers it: lowercase, no accents, no punctuation."""
    from simulator.language.normalize import normalize

    return " ".join(normalize(text).replace("?", " ").split())


def embed_text(text: str, limit: int, *, tail: bool = False) -> str:
    """What is embedded of a text: its first ``limit`` words (``tail``: its last ones; 0: all),
    which bounds the cost of long turns."""
    words = text.split()
    if not limit or len(words) <= limit:
        return text
    return " ".join(words[-limit:] if tail else words[:limit])


def _signed(feats: Sequence[str], buckets: int) -> dict[int, float]:
    out: dict[int, float] = {}
    for feat in feats:
        h = zlib.crc32(feat.encode("utf-8"))
        idx = h % buckets
        out[idx] = out.get(idx, 0.0) + (1.0 if (h >> 31) & 1 else -1.0)
    norm2 = sum(v * v for v in out.values()) ** 0.5
    return {k: v / norm2 for k, v in out.items()} if norm2 else {}


def _word_grams(tokens: list[str]) -> list[str]:
    feats = [f"w:{t}" for t in tokens]
    feats += [f"b:{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    if tokens:
        feats.append(f"f:{tokens[0]}")
    if len(tokens) > 1:
        feats.append(f"f2:{tokens[0]}_{tokens[1]}")
    return feats


def _endings(norm: str) -> list[str]:
    toks = norm.replace("?", " ? ").split()
    feats = []
    if toks:
        feats.append("l:" + toks[-1])
    if len(toks) > 1:
        feats.append("l2:" + toks[-2] + "_" + toks[-1])
    if len(toks) > 2:
        feats.append("l3:" + "_".join(toks[-3:]))
    return feats


def _char_grams(norm: str) -> list[str]:
    feats: list[str] = []
    for word in norm.replace("?", " ? ").split():
        padded = f" {word} "
        for n in CHAR_GRAMS:
            feats.extend("c:" + padded[i : i + n] for i in range(len(padded) - n + 1))
    return feats


def feature_size() -> int:
    return (
        len(AGENT_ACTS)
        + len(EXTRAS)
        + HASH_BUCKETS
        + LAST_BUCKETS
        + CHAR_BUCKETS
        + 2 * EMBED_DIM
        + 2
    )


def features(
    text: str,
    context: str | None,
    acts: Sequence[str],
    emb_head: Any,
    emb_tail: Any | None,
    emb_ctx: Any | None,
) -> Any:
    """The feature vector of one agent turn (blocks in the module docstring)."""
    import numpy as np

    from simulator.analysis.overlap import content_lemmas, shared_words
    from simulator.language.normalize import normalize

    vec = np.zeros(feature_size(), dtype=np.float32)
    present = set(acts)
    for i, act in enumerate(AGENT_ACTS):
        vec[i] = 1.0 if act in present else 0.0
    base = len(AGENT_ACTS)
    norm = normalize(text)
    tokens = norm.replace("?", " ").split()
    own = content_lemmas(norm)
    shared = shared_words(norm, context) if context else 0
    vec[base : base + len(EXTRAS)] = (
        1.0 if ("?" in text or "¿" in text) else 0.0,
        min(len(tokens), 60) / 20.0,
        1.0 if context else 0.0,
        shared / max(1, len(own)),
        min(shared, 5) / 5.0,
    )
    base += len(EXTRAS)
    for grams, buckets in (
        (_word_grams(tokens), HASH_BUCKETS),
        (_endings(norm), LAST_BUCKETS),
        (_char_grams(norm), CHAR_BUCKETS),
    ):
        for idx, value in _signed(grams, buckets).items():
            vec[base + idx] = value
        base += buckets
    vec[base : base + EMBED_DIM] = emb_head
    base += EMBED_DIM
    if emb_tail is not None:
        vec[base : base + EMBED_DIM] = emb_tail
    base += EMBED_DIM
    if emb_ctx is not None:
        vec[base] = float(np.dot(emb_head, emb_ctx))
        if emb_tail is not None:
            vec[base + 1] = float(np.dot(emb_tail, emb_ctx))
    return vec
