"""Grade the files of a ``simulador score`` batch on several processes, results in file order.

Why: scoring is CPU-bound Python, so one process grades one file at a time on one core however
many the machine has (DESIGN §performance: batch ≥ 100 calls/s). The parent grades the first file
itself, which loads the lexicons, regexes and models, then forks the workers, which inherit all of
it (Linux ``fork``; elsewhere, or with one core, the batch stays sequential). The workers run the
very same per-file function, so rows, cards and the Spanish error of a bad file are the ones a
sequential batch gives; ``imap`` hands them back in the order of the files. The pool is made
before any progress bar starts its thread, so no worker is forked holding a terminal lock.

``SIMULADOR_WORKERS``: how many processes (1: sequential); unset, one per usable core, and only
for batches of at least ``MIN_FILES`` files (smaller ones do not repay the fork).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import chain
from typing import Any

ENV = "SIMULADOR_WORKERS"
MIN_FILES = 8
MAX_WORKERS = 8

Job = Callable[[str], tuple[Any, Any]]
# the per-file function of the batch in course, inherited by the forked workers
_job: Job | None = None


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def workers_for(files: int) -> int:
    """Processes for a batch of ``files`` files (1: grade them in this process)."""
    if not _can_fork():
        return 1
    raw = os.environ.get(ENV, "").strip()
    if raw:
        try:
            wanted = int(raw)
        except ValueError:
            wanted = 1
        return max(1, min(wanted, MAX_WORKERS, files - 1))
    if files < MIN_FILES:
        return 1
    return max(1, min(_cores(), MAX_WORKERS, files - 1))


def _run(source: str) -> tuple[Any, Any]:
    assert _job is not None
    return _job(source)


@contextmanager
def graded(
    sources: list[str], job: Job, workers: int | None = None
) -> Iterator[Iterator[tuple[Any, Any]]]:
    """``job(source)`` for every source, in order: in this process, or the first here and the
    rest on a pool of forked workers (entered before any thread of the caller starts).
    ``workers`` overrides ``workers_for`` (the bench compares both)."""
    global _job
    workers = workers_for(len(sources)) if workers is None else workers
    if workers <= 1 or len(sources) < 2 or not _can_fork():
        yield (job(source) for source in sources)
        return
    first = job(sources[0])  # loads everything once, before the fork
    _job = job
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield chain([first], pool.imap(_run, sources[1:], chunksize=1))
    finally:
        _job = None
