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
from functools import lru_cache
from typing import Any

from simulator.analysis.learned_model import EMBED_DIM
from simulator.language.normalize import MAX_CHARS
from simulator.models.acts import AGENT_ACTS

FEATURE_VERSION = 2
HASH_BUCKETS = 2048
LAST_BUCKETS = 512
CHAR_BUCKETS = 4096
CHAR_GRAMS = (3, 4, 5)
HASHED = HASH_BUCKETS + LAST_BUCKETS + CHAR_BUCKETS
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
    return _signed_hashes([zlib.crc32(feat.encode("utf-8")) for feat in feats], buckets)


def _signed_hashes(hashes: Sequence[int], buckets: int) -> dict[int, float]:
    out: dict[int, float] = {}
    for h in hashes:
        idx = h % buckets
        out[idx] = out.get(idx, 0.0) + (1.0 if (h >> 31) & 1 else -1.0)
    norm2 = sum(v * v for v in out.values()) ** 0.5
    return {k: v / norm2 for k, v in out.items()} if norm2 else {}


@lru_cache(maxsize=4096)
def char_block(norm: str, buckets: int) -> dict[int, float]:
    """``_signed_hashes(_char_hashes(norm), buckets)`` once per normalised turn: the acts' head
    and the critical head read the same block of the same turn (read-only: do not mutate)."""
    return _signed_hashes(_char_hashes(norm), buckets)


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


@lru_cache(maxsize=32768)
def _word_char_hashes(word: str) -> tuple[int, ...]:
    """The crc32 of every ``_char_grams`` feature of one word (words repeat: hashed once)."""
    padded = f" {word} "
    return tuple(
        zlib.crc32(("c:" + padded[i : i + n]).encode("utf-8"))
        for n in CHAR_GRAMS
        for i in range(len(padded) - n + 1)
    )


def _char_hashes(norm: str) -> list[int]:
    """``crc32`` of ``_char_grams(norm)``, in the same order."""
    out: list[int] = []
    for word in norm.replace("?", " ? ").split():
        out.extend(_word_char_hashes(word))
    return out


def embedding_start() -> int:
    """Where the embedding block (both embeddings and the two cosines) starts in the vector."""
    return len(AGENT_ACTS) + len(EXTRAS) + HASHED


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


def sparse(text: str, context: str | None, acts: Sequence[str]) -> tuple[Any, Any]:
    """Blocks 1–4 of the vector (everything but the embeddings) as (indices, values): the runtime
    takes its dot products with the heads' weights from these, ``features`` fills a dense vector."""
    import numpy as np

    from simulator.analysis.overlap import content_lemmas, shared_words
    from simulator.language.normalize import normalize

    present = set(acts)
    idx = [i for i, act in enumerate(AGENT_ACTS) if act in present]
    val = [1.0] * len(idx)
    base = len(AGENT_ACTS)
    norm = normalize(text)
    tokens = norm.replace("?", " ").split()
    # content_lemmas and shared_words normalize their input: the raw text gives the same sets and
    # shares the cache of the rules, which read the same turn
    own = content_lemmas(text)
    shared = shared_words(text, context) if context else 0
    idx += range(base, base + len(EXTRAS))
    val += (
        1.0 if ("?" in text or "¿" in text) else 0.0,
        min(len(tokens), 60) / 20.0,
        1.0 if context else 0.0,
        shared / max(1, len(own)),
        min(shared, 5) / 5.0,
    )
    base += len(EXTRAS)
    for signed, buckets in (
        (_signed(_word_grams(tokens), HASH_BUCKETS), HASH_BUCKETS),
        (_signed(_endings(norm), LAST_BUCKETS), LAST_BUCKETS),
        (char_block(norm, CHAR_BUCKETS), CHAR_BUCKETS),
    ):
        idx += [base + i for i in signed]
        val += signed.values()
        base += buckets
    return np.asarray(idx, dtype=np.intp), np.asarray(val, dtype=np.float32)


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

    vec = np.zeros(feature_size(), dtype=np.float32)
    idx, val = sparse(text, context, acts)
    vec[idx] = val
    vec[embedding_start() :] = embedding_block(emb_head, emb_tail, emb_ctx)
    return vec


def embedding_block(emb_head: Any, emb_tail: Any | None, emb_ctx: Any | None) -> Any:
    """The last block of the vector (blocks 5 and 6 of the module docstring): what the embeddings
    add; the runtime adds its share to the rest of the logit only when it can matter."""
    import numpy as np

    block = np.zeros(2 * EMBED_DIM + 2, dtype=np.float32)
    block[:EMBED_DIM] = emb_head
    if emb_tail is not None:
        block[EMBED_DIM : 2 * EMBED_DIM] = emb_tail
    if emb_ctx is not None:
        block[2 * EMBED_DIM] = float(np.dot(emb_head, emb_ctx))
        if emb_tail is not None:
            block[2 * EMBED_DIM + 1] = float(np.dot(emb_tail, emb_ctx))
    return block


# Interrogatives written with their accent: a question that carries one is never a mere tag.
_ACCENTED_WH = re.compile(r"\b(?:qué|cómo|cuándo|dónde|cuál|cuáles|quién|quiénes|cuánt[oa]s?)\b")


def weak_question(text: str) -> bool:
    """Whether the head may remove the rules' question from ``text`` (policy ``remove``): only
    when the turn has no «?» (speech form, unpunctuated) or its question is weak — no «¿», no
    accented interrogative and no open question (a «…, vale?» tag or «Te parece?»). A question the
    agent wrote as one («¿Cómo usa el internet en su casa?») is never taken away (panel a-01)."""
    if "?" not in text:
        return True
    if "¿" in text or _ACCENTED_WH.search(text.lower()):
        return False
    from simulator.analysis.clauses import clauses_of, is_open

    return not any(c.question and is_open(c) for c in clauses_of(text[:MAX_CHARS]))
