"""Database engine and migrations: SQLite (WAL, busy timeout) by default, PostgreSQL by URL.

``make_engine`` builds the engine (no connection yet); ``migrate`` brings the schema to the newest
Alembic revision programmatically (the scripts live in the package, no ``alembic.ini``). Database
failures surface as ``StorageError`` with a Spanish message; a database written by a newer
version of the program (unknown revision) as ``DatabaseVersionError``. A new SQLite file is created
owner-only (0600) before SQLite opens it, and SQLite gives its ``-wal``/``-shm`` files the same mode.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from simulator.errors import DatabaseVersionError, StorageError

BUSY_TIMEOUT_MS = 5000
_MIGRATION_LOCK = threading.Lock()

T = TypeVar("T")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see _sqlite_begin):
    # the sqlite3 module would otherwise run DDL outside any transaction, and a migration killed
    # half-way would leave tables without their revision.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        _set_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _set_wal(cursor: Any) -> None:
    """Switch to WAL (persistent in the file). Switching ignores the busy timeout, so a brand-new
    database opened by two processes at once needs a few retries."""
    import sqlite3

    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_begin(connection: Any) -> None:
    # IMMEDIATE takes the write lock up front (waiting up to the busy timeout) instead of failing
    # with "database is locked" when a read transaction later tries to write.
    immediate = connection.get_execution_options().get("sqlite_immediate", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _describe(url: str) -> str:
    return describe_url(url)


def describe_url(url: str) -> str:
    """``url`` safe to show: the password masked (``postgresql://ana:***@host/db``)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return _mask_unparsed(url)


def _mask_unparsed(url: str) -> str:
    """Best effort for a URL SQLAlchemy cannot parse: mask what sits between ``user:`` and ``@``."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    credentials, at, host = rest.rpartition("@")
    user, colon, _password = credentials.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}{at}{host}"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL mode, a busy timeout and foreign keys.

    The parent folder of a SQLite file must exist (``locations.ensure_dirs`` makes the default one).
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(
            f"La dirección de la base de datos no es válida: «{describe_url(url)}»."
        ) from None
    try:
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database or ""
            memory = database in ("", ":memory:") or database.startswith("file::memory:")
            if memory:
                engine = create_engine(
                    url, connect_args={"check_same_thread": False}, poolclass=StaticPool
                )
            else:
                if not Path(database).parent.exists():
                    raise StorageError(
                        f"No existe la carpeta de la base de datos: {Path(database).parent}."
                    )
                _create_private(Path(database))
                engine = create_engine(
                    url,
                    connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
                )
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError) as error:
        raise StorageError(
            f"No se pudo preparar la base de datos {_describe(url)}: {error}."
        ) from None


def _create_private(database: Path) -> None:
    """Create a missing SQLite file owner-only (0600); SQLite would create it 0644."""
    from simulator.locations import create_private_file

    try:
        create_private_file(database)
    except OSError as error:
        raise StorageError(
            f"No se pudo crear la base de datos {database}: {error.strerror or error}."
        ) from None


def _script_location() -> str:
    return str(resources.files("simulator.storage").joinpath("migrations"))


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision stored in the database, or None for a new (empty) database."""
    with engine.connect() as connection:
        if not engine.dialect.has_table(connection, "alembic_version"):
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return str(row[0]) if row else None


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest revision (``alembic upgrade head``), in one transaction.

    If another process migrates the same database at the same moment and wins, the loser's failure
    is ignored once the database is found at the newest revision.
    """
    from simulator.storage.migrations import HEAD_REVISION, KNOWN_REVISIONS

    try:
        found = current_revision(engine)
        if found == HEAD_REVISION:
            return
        if found is not None and found not in KNOWN_REVISIONS:
            raise DatabaseVersionError(
                f"La base de datos {describe_url(str(engine.url))} fue creada por una versión más "
                f"nueva del simulador (revisión «{found}»; esta versión conoce hasta la "
                f"«{HEAD_REVISION}»). Actualice el simulador, o use otra carpeta de datos "
                "(SIMULADOR_DATA_DIR). No se modificó nada."
            )
        with _MIGRATION_LOCK:  # Alembic's context is process-global: one migration at a time
            try:
                _upgrade(engine)
            except SQLAlchemyError:
                if current_revision(engine) != HEAD_REVISION:
                    raise
    except SQLAlchemyError as error:
        raise StorageError(
            f"No se pudo abrir o actualizar la base de datos {_describe(str(engine.url))}: "
            f"{error.__class__.__name__}: {getattr(error, 'orig', error)}."
        ) from None


def _upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _script_location())
    with engine.connect() as base:
        connection = base.execution_options(sqlite_immediate=True)
        with connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def storage_errors(action: str) -> Iterator[None]:
    """Turn database failures inside the block into ``StorageError`` («No se pudo {action}…»)."""
    try:
        yield
    except SQLAlchemyError as error:
        reason = getattr(error, "orig", None) or error.__class__.__name__
        raise StorageError(f"No se pudo {action} en la base de datos: {reason}.") from None


def run_in_session(factory: sessionmaker[Session], action: str, work: Callable[[Session], T]) -> T:
    """Run ``work`` in a session that commits on success; failures become ``StorageError``."""
    with storage_errors(action), factory.begin() as session:
        return work(session)
