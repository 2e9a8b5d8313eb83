"""Storage fixtures: ``db_url`` runs a test against SQLite AND against a throwaway PostgreSQL server.

``start_server`` runs ``initdb``/``pg_ctl`` from the Debian packages (``make test`` installs them)
in a temporary folder, on 127.0.0.1 and a free port, as the ``postgres`` user when the tests run as
root (PostgreSQL refuses root); one server per test process, a fresh database per test. The
PostgreSQL case skips with the reason only when the server could not start.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

_counter = itertools.count()


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(folder: Path) -> tuple[str | None, str | Callable[[], None]]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "falta el controlador psycopg (grupo de dependencias test)"
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        return None, "PostgreSQL no está instalado (make test lo instala con apt-get)"
    prefix: list[str] = []
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            return None, "se ejecuta como root y no hay runuser para usar el usuario postgres"
        prefix = [runuser, "-u", "postgres", "--"]
        shutil.chown(folder, "postgres")
        folder.chmod(0o700)
    data, log = folder / "data", folder / "server.log"
    port = _free_port()
    try:
        subprocess.run(
            [*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "simulador", "-E", "UTF8",
             "--no-sync"],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-o", options, "-l", str(log), "-w", "-t", "60",
             "start"],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        return (
            None,
            f"no se pudo iniciar PostgreSQL: {error} {detail.decode(errors='replace')[:300]}",
        )

    def stop() -> None:
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True, timeout=60, check=False,
        )  # fmt: skip

    return f"postgresql+psycopg://simulador@127.0.0.1:{port}/postgres", stop


def fresh_database(server_url: str, name: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    plain = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[tuple[str | None, str]]:
    folder = Path(tempfile.mkdtemp(prefix="simulador-pg-"))
    url, extra = start_server(folder)
    try:
        if url is None:
            yield None, str(extra)
            return
        yield url, ""
        if callable(extra):
            extra()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, postgres_server: tuple[str | None, str]
) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    url, reason = postgres_server
    if url is None:
        pytest.skip(f"PostgreSQL no disponible: {reason}")
    return fresh_database(url, f"t_{os.getpid()}_{next(_counter)}")
