"""Wrong sign-ins counted per name in the database, for the pause after too many wrong tries.

Why in the database and not in memory: ``simulador serve`` runs one app process per browser tab, so
a count kept in memory would start again with every reload. Names are counted by ``name_key``
whether or not such a person exists (nothing tells who exists). Each method is one transaction;
a concurrent first failure from two seats (both inserting the row) is retried once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from simulator.errors import StorageError
from simulator.storage.engine import run_in_session
from simulator.storage.models import NAME_KEY_MAX_LENGTH, LoginFailure
from simulator.storage.repositories import name_key


def login_key(name: str) -> str:
    """The key a name's failures are counted under (the trainees' ``name_key``; never an error,
    even for a name too long to exist)."""
    return name_key(name)[:NAME_KEY_MAX_LENGTH]


class LoginFailureRepo:
    """Failures per name and the pause they lead to."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def paused_until(self, name: str, now: datetime) -> datetime | None:
        """When the pause of ``name`` ends, if it is paused at ``now``."""
        key = login_key(name)

        def work(session: Session) -> datetime | None:
            row = session.get(LoginFailure, key)
            if row is None or row.paused_until is None or row.paused_until <= now:
                return None
            return row.paused_until

        return run_in_session(self._factory, "leer los intentos de entrada", work)

    def record_failure(
        self, name: str, now: datetime, *, limit: int, pause: timedelta
    ) -> datetime | None:
        """Count one wrong try; at ``limit`` failures the name is paused until ``now + pause``
        (returned) and the count starts again."""
        key = login_key(name)

        def work(session: Session) -> datetime | None:
            row = session.get(LoginFailure, key, with_for_update=True)
            if row is None:
                row = LoginFailure(name_key=key, failures=0, paused_until=None, updated_at=now)
                session.add(row)
            if row.paused_until is not None and row.paused_until <= now:
                row.paused_until = None
            row.failures += 1
            row.updated_at = now
            if row.failures >= limit:
                row.failures = 0
                row.paused_until = now + pause
            return row.paused_until

        try:
            return run_in_session(self._factory, "guardar el intento de entrada", work)
        except StorageError:  # another seat inserted the row first: count on it
            return run_in_session(self._factory, "guardar el intento de entrada", work)

    def clear(self, name: str) -> None:
        """A right sign-in: forget the failures of ``name``."""
        key = login_key(name)

        def work(session: Session) -> None:
            row = session.get(LoginFailure, key)
            if row is not None:
                session.delete(row)

        run_in_session(self._factory, "guardar el intento de entrada", work)

    def failures(self, name: str) -> int:
        """Wrong tries counted since the last pause or right sign-in."""
        key = login_key(name)

        def work(session: Session) -> int:
            row = session.get(LoginFailure, key)
            return row.failures if row else 0

        return run_in_session(self._factory, "leer los intentos de entrada", work)
