"""Where the simulator keeps its files (config, data, database, journals, user content).

One module answers "where is X" so the CLI (`simulador locate`), the settings and the services agree,
and tests can redirect everything with two environment seams: ``SIMULADOR_DATA_DIR`` (data folder)
and ``SIMULADOR_CONFIG_FILE`` (the TOML settings file). Pure functions: nothing is created on import;
directories are made only by :func:`ensure_dirs`.

Privacy: trainees' calls are personal data, so every folder the simulator creates is owner-only
(``DIR_MODE`` 0700) and every file it writes is owner-only (``FILE_MODE`` 0600) — the database
(SQLite gives its ``-wal``/``-shm`` files the database's mode), journals, metadata and settings.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "simulador"
CONFIG_FILE_NAME = "config.toml"
DB_FILE_NAME = "simulador.db"

DIR_MODE = 0o700
FILE_MODE = 0o600

DATA_DIR_ENV = "SIMULADOR_DATA_DIR"
CONFIG_FILE_ENV = "SIMULADOR_CONFIG_FILE"
CACHE_DIR_ENV = "SIMULADOR_CACHE_DIR"


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The user's data folder: ``$SIMULADOR_DATA_DIR`` or the platform's user data path."""
    override = _env_path(DATA_DIR_ENV)
    if override is not None:
        return override
    import platformdirs

    return Path(platformdirs.user_data_path(APP_NAME))


def cache_dir() -> Path:
    """Rebuildable caches (no personal data): ``$SIMULADOR_CACHE_DIR`` or the platform's cache path."""
    override = _env_path(CACHE_DIR_ENV)
    if override is not None:
        return override
    import platformdirs

    return Path(platformdirs.user_cache_path(APP_NAME))


def config_dir() -> Path:
    """The folder holding ``config.toml`` (the parent of ``$SIMULADOR_CONFIG_FILE`` if set)."""
    override = _env_path(CONFIG_FILE_ENV)
    if override is not None:
        return override.parent
    import platformdirs

    return Path(platformdirs.user_config_path(APP_NAME))


def config_file() -> Path:
    """The TOML settings file: ``$SIMULADOR_CONFIG_FILE`` or ``<config dir>/config.toml``."""
    override = _env_path(CONFIG_FILE_ENV)
    if override is not None:
        return override
    return config_dir() / CONFIG_FILE_NAME


def database_file(base: Path | None = None) -> Path:
    """The default SQLite file, ``<data>/simulador.db``."""
    return (base or data_dir()) / DB_FILE_NAME


def default_database_url(base: Path | None = None) -> str:
    """SQLAlchemy URL of the default SQLite database."""
    return f"sqlite:///{database_file(base).as_posix()}"


def journals_dir(base: Path | None = None) -> Path:
    """Folder of the turn-by-turn journals of calls in progress (``<data>/journals``)."""
    return (base or data_dir()) / "journals"


def discarded_journals_dir(base: Path | None = None) -> Path:
    """Where discarded journals go; they are moved, never deleted (nothing typed is lost)."""
    return journals_dir(base) / "discarded"


def finished_journals_dir(base: Path | None = None) -> Path:
    """Where the journals of saved calls are archived."""
    return journals_dir(base) / "finished"


def content_dir(base: Path | None = None) -> Path:
    """The user's own content: ``<data>/content`` with ``scenarios/`` and ``personas/``."""
    return (base or data_dir()) / "content"


def make_private_dir(folder: Path) -> Path:
    """Create ``folder`` (and its missing parents) owner-only (0700) if it does not exist."""
    if folder.is_dir():
        return folder
    missing = [folder, *(p for p in folder.parents if not p.exists())]
    for path in reversed(missing):
        try:
            path.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if not path.is_dir():
                raise
    return folder


def create_private_file(path: Path) -> None:
    """Create an empty owner-only (0600) file if none exists (an existing one is left alone)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


def write_private_text(path: Path, text: str, *, sync: bool = False) -> None:
    """Write ``text`` to ``path`` atomically (temporary file, rename) with owner-only mode."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    if os.name == "posix":
        os.fchmod(fd, FILE_MODE)  # a leftover temporary file keeps its old mode otherwise
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        if sync:
            handle.flush()
            os.fsync(handle.fileno())
    tmp.replace(path)


def ensure_dirs(base: Path | None = None) -> Path:
    """Create the data folder and its sub-folders (owner-only) if missing; return the data folder."""
    root = base or data_dir()
    for folder in (
        root,
        journals_dir(root),
        content_dir(root) / "scenarios",
        content_dir(root) / "personas",
    ):
        make_private_dir(folder)
    return root
