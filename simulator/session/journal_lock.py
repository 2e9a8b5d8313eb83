"""The lock on a live call's journal: ``<journal>.lock`` held with ``fcntl.flock``.

Split from ``journal.py`` (which re-exports these names): a second app on the same data folder must
neither offer a live journal as pending nor write to it, and the operating system drops the lock
when its process dies, so a killed app's journal is never stuck.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from simulator.errors import InputError, SimuladorError

LOCK_SUFFIX = ".lock"
FILE_MODE = 0o600
# A lock file still empty after this long was left by a process that died while creating it.
EMPTY_LOCK_GRACE_SECONDS = 5.0


class JournalLockedError(SimuladorError):
    """The journal is open in another running app (or another window of this one)."""


def _open_private(path: Path, flags: int) -> int:
    """``os.open`` with owner-only permissions (0600) for a file it creates."""
    fd = os.open(path, flags, FILE_MODE)
    try:
        if os.name == "posix" and (os.fstat(fd).st_mode & 0o077):
            os.fchmod(fd, FILE_MODE)  # created earlier by an older version, or a loose umask
    except OSError:
        pass
    return fd


class JournalLock:
    """An exclusive lock on one journal: ``<journal>.lock``, held while the call is open.

    POSIX: ``fcntl.flock`` on the lock file (released by the OS when the owner dies, so a lock
    left by a killed app is stale by construction and simply taken over). Elsewhere: the file is
    created with ``O_EXCL`` and holds the owner's pid; it is stale when that process is gone.
    """

    def __init__(self, journal_path: str | Path) -> None:
        self.path = Path(str(journal_path) + LOCK_SUFFIX)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, attempts: int = 5) -> JournalLock:
        """Take the lock or raise ``JournalLockedError`` (a short retry covers a probe)."""
        if self._fd is not None:
            return self
        for attempt in range(attempts):
            try:
                fd = self._try_acquire()
            except OSError as error:
                raise InputError(
                    f"no se pudo bloquear el diario ({error.strerror or error})",
                    path=str(self.path),
                ) from None
            if fd is not None:
                self._fd = fd
                return self
            if attempt + 1 < attempts:
                time.sleep(0.02)
        owner = _read_pid(self.path)
        who = f" (proceso {owner})" if owner else ""
        raise JournalLockedError(
            "Esta llamada está abierta en otra ventana del simulador"
            f"{who}; termínela ahí o cierre esa ventana."
        )

    def _try_acquire(self) -> int | None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            return self._try_acquire_exclusive()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = _open_private(self.path, os.O_RDWR | os.O_CREAT)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                return None
            except BaseException:
                os.close(fd)
                raise
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if not same:  # released (unlinked) between our open and our flock: start again
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())  # for the message only: flock is the lock
            return fd

    def _try_acquire_exclusive(self) -> int | None:  # pragma: no cover - not POSIX
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            try:
                fd = _open_private(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL)
            except FileExistsError:
                if not self._stale():
                    return None
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
                continue
            os.write(fd, f"{os.getpid()}\n".encode())
            os.fsync(fd)
            return fd
        return None

    def _stale(self) -> bool:
        """(Without flock) the lock's process is dead, or it died before writing its pid."""
        pid = _read_pid(self.path)
        if pid is None:
            try:
                age = time.time() - self.path.stat().st_mtime
            except OSError:
                return True
            return age > EMPTY_LOCK_GRACE_SECONDS
        return not _pid_alive(pid)

    def release(self) -> None:
        """Drop the lock (the file is removed first, so nobody takes over a dying lock)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(fd)


def is_locked(journal_path: str | Path) -> bool:
    """True when a running process holds the journal's lock (its call is open somewhere)."""
    lock_path = Path(str(journal_path) + LOCK_SUFFIX)
    if not lock_path.exists():
        return False
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return not JournalLock(journal_path)._stale()
    try:
        fd = os.open(lock_path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # closing drops a probe's shared lock at once
    return False


def _read_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _pid_alive(pid: int) -> bool:  # pragma: no cover - used without flock only
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True
