"""Where the simulator keeps its files (config, data, database, journals, user content).

One module answers "where is X" so the CLI (`simulador locate`), the settings and the services agree,
and tests can redirect everything with two environment seams: ``SIMULADOR_DATA_DIR`` (data folder)
and ``SIMULADOR_CONFIG_FILE`` (the TOML settings file). Pure functions: nothing is created on import;
directories are made only by :func:`ensure_dirs`.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "simulador"
CONFIG_FILE_NAME = "config.toml"
DB_FILE_NAME = "simulador.db"

DATA_DIR_ENV = "SIMULADOR_DATA_DIR"
CONFIG_FILE_ENV = "SIMULADOR_CONFIG_FILE"


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


def ensure_dirs(base: Path | None = None) -> Path:
    """Create the data folder and its sub-folders if missing; return the data folder."""
    root = base or data_dir()
    for folder in (
        root,
        journals_dir(root),
        content_dir(root) / "scenarios",
        content_dir(root) / "personas",
    ):
        folder.mkdir(parents=True, exist_ok=True)
    return root
