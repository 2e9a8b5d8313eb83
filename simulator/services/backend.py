"""The lazily built resources behind the services: database repositories and the content library.

Nothing is opened when the services are built: the first use creates the data folder, the engine,
runs the migrations and loads the library (thread-safe, once). This keeps the TUI's start fast and
lets it warm things up in a worker (``Services.warm_up``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator import locations
from simulator.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from simulator.content.library import Library
    from simulator.customer.mouth import Mouth
    from simulator.storage import AssignmentRepo, CallRepo, TraineeRepo


@dataclass(frozen=True, slots=True)
class Repos:
    trainees: TraineeRepo
    calls: CallRepo
    assignments: AssignmentRepo
    engine: Engine


class Backend:
    """Owns the engine and the library; built by ``build_services`` only."""

    def __init__(self, settings: Settings, library: Library | None = None) -> None:
        self.settings = settings
        self._lock = threading.RLock()
        self._repos: Repos | None = None
        self._library: Library | None = library
        # Journal keys of the calls open in this process: never offered as "pending".
        self.live_keys: set[str] = set()
        self._mouth: Mouth | None = None

    @property
    def journals_dir(self) -> Path:
        return locations.journals_dir(self.settings.data_dir)

    def ensure_data_dir(self) -> None:
        from simulator.errors import StorageError

        try:
            locations.ensure_dirs(self.settings.data_dir)
        except OSError as error:
            raise StorageError(
                f"No se pudo crear la carpeta de datos {self.settings.data_dir}: {error.strerror}."
            ) from None

    @property
    def repos(self) -> Repos:
        if self._repos is None:
            with self._lock:
                if self._repos is None:
                    self._repos = self._open_database()
        return self._repos

    def _open_database(self) -> Repos:
        from simulator.storage import (
            AssignmentRepo,
            CallRepo,
            TraineeRepo,
            make_engine,
            make_session_factory,
            migrate,
        )

        self.ensure_data_dir()
        engine = make_engine(self.settings.database_url)
        migrate(engine)
        factory = make_session_factory(engine)
        return Repos(TraineeRepo(factory), CallRepo(factory), AssignmentRepo(factory), engine)

    @property
    def library(self) -> Library:
        if self._library is None:
            with self._lock:
                if self._library is None:
                    self._library = self._load_library()
        return self._library

    def _content_dirs(self) -> list[Path]:
        dirs: list[Path] = []
        user = locations.content_dir(self.settings.data_dir)
        if user.is_dir():
            dirs.append(user)
        for folder in self.settings.content_dirs:
            if folder not in dirs:
                dirs.append(folder)
        return dirs

    def _load_library(self) -> Library:
        from simulator.content.library import load_library

        return load_library(extra_dirs=self._content_dirs())

    def reload_library(self) -> Library:
        with self._lock:
            self._library = self._load_library()
            return self._library

    def mouth(self) -> Mouth | None:
        """The customer's mouth the settings ask for, built once and shared by every call: None
        for the template mouth (the default); a language-model mouth starts loading its model in
        a background thread the first time (``simulator.customer.llm``)."""
        if self.settings.llm_backend == "none":
            return None
        with self._lock:
            if self._mouth is None:
                from simulator.customer.llm import LLMConfig, build_mouth

                self._mouth = build_mouth(LLMConfig.from_settings(self.settings))
            return self._mouth

    def scenario_title(self, scenario_id: str) -> str:
        scenario = self.library.scenarios.get(scenario_id)
        return scenario.title if scenario is not None else scenario_id

    def dispose(self) -> None:
        with self._lock:
            if self._repos is not None:
                self._repos.engine.dispose()
                self._repos = None

    def describe(self) -> dict[str, Any]:
        return {
            "data_dir": str(self.settings.data_dir),
            "database_url": _masked(self.settings.database_url),
            "journals_dir": str(self.journals_dir),
        }


def _masked(url: str) -> str:
    """The database URL without its password (``postgresql://ana:***@host/db``)."""
    from simulator.storage.engine import describe_url

    return describe_url(url)
