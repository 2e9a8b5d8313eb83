"""Compiled regexes of the lexicons kept across processes, so a command does not recompile them.

The act lexicons are a few hundred long alternations; Python compiles a regex in pure Python
(parser and code generator), which costs a scripted call a good part of its run time. CPython's
``_sre.compile`` builds a pattern object from the compiled code list, which ``marshal`` stores and
reads back in milliseconds; this module keeps ``{pattern text: compiled code}`` in the user's cache
folder (``locations.cache_dir()``).

Never stale, never fatal:
- the key of an entry is the pattern text itself, so an edited lexicon simply misses and compiles;
  the file's name carries the Python version and the regex engine's ``MAGIC``, so another Python
  never reads it; it is rewritten (atomically) only when a process compiled something new, and
  starts over when it holds far more entries than the lexicons have (old versions);
- any failure (unreadable file, another engine layout) falls back to ``re.compile``; a restored
  pattern is equal to ``re.compile``'s (CPython compares flags, text and code), which
  ``tests/unit/test_regex_cache.py`` checks, failing loudly if the private layout changes.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = 1
MAX_ENTRIES = 4000
ENV_OFF = "SIMULADOR_REGEX_CACHE"  # "0" turns the cache off (benchmarks compare both)

_lock = threading.Lock()
_entries: dict[tuple[Any, ...], Any] | None = None
_dirty = False
_registered = False
_broken = False


def _file(root: Path | None = None) -> Path:
    import _sre  # type: ignore[import-not-found]

    from simulator.locations import cache_dir

    version = "".join(str(x) for x in sys.version_info[:3])
    return (root or cache_dir()) / f"regex-{FORMAT}-py{version}-sre{_sre.MAGIC}.marshal"


def _enabled() -> bool:
    return os.environ.get(ENV_OFF, "").strip().lower() not in ("0", "false", "no", "off")


def _load() -> dict[tuple[Any, ...], Any]:
    global _entries
    if _entries is None:
        try:
            data = marshal.loads(_file().read_bytes())
            _entries = data if isinstance(data, dict) else {}
        except (OSError, EOFError, ValueError, TypeError):
            _entries = {}
    return _entries


def _build(pattern: str, flags: int) -> tuple[re.Pattern[str], tuple[Any, ...]]:
    """Compile as ``re._compiler.compile`` does, keeping the pieces ``_sre.compile`` needs."""
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # named constants are ints
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    parts = (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    return _sre.compile(pattern, *parts), parts


def _restore(pattern: str, parts: tuple[Any, ...]) -> re.Pattern[str]:
    import _sre

    compiled: re.Pattern[str] = _sre.compile(pattern, *parts)
    return compiled


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cross-process cache when it holds this pattern."""
    global _dirty, _broken, _registered
    if _broken or not _enabled():
        return re.compile(pattern, flags)
    with _lock:
        try:
            entries = _load()
            parts = entries.get((pattern, flags))
            if parts is not None:
                return _restore(pattern, parts)
            compiled, parts = _build(pattern, flags)
        except re.error:
            raise
        except Exception:  # noqa: BLE001 - another engine layout: plain re from now on
            _broken = True
            return re.compile(pattern, flags)
        entries[(pattern, flags)] = parts
        _dirty = True
        if not _registered:
            atexit.register(flush)
            _registered = True
        return compiled


def remember(kind: str, pattern: str, flags: int, build: Callable[[], Any]) -> Any:
    """A value derived from a pattern (anything ``marshal`` stores), kept in the same file under
    its own key ``(pattern, flags, kind)``; ``build()`` runs when the file does not hold it."""
    global _dirty, _registered
    if _broken or not _enabled():
        return build()
    key = (pattern, flags, kind)
    with _lock:
        entries = _load()
        if key in entries:
            return entries[key]
    value = build()
    with _lock:
        entries[key] = value  # type: ignore[index]
        _dirty = True
        if not _registered:
            atexit.register(flush)
            _registered = True
    return value


def flush(root: Path | None = None) -> None:
    """Write the entries if this process compiled anything new (atomic replace; errors ignored)."""
    global _dirty
    with _lock:
        if not _dirty or _entries is None:
            return
        entries = _entries
        if len(entries) > MAX_ENTRIES:  # mostly patterns of older lexicons: keep this run's only
            entries = dict(list(entries.items())[-MAX_ENTRIES // 2 :])
        try:
            from simulator.locations import DIR_MODE

            target = _file(root)
            target.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
            fd, tmp = tempfile.mkstemp(prefix=".regex-", dir=target.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(marshal.dumps(entries))
                os.replace(tmp, target)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            _dirty = False
        except (OSError, ValueError, ImportError):
            pass


def reset() -> None:
    """Forget what was read (tests point the cache folder elsewhere between cases)."""
    global _entries, _dirty, _broken
    with _lock:
        _entries, _dirty, _broken = None, False, False
