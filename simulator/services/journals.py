"""The journal folder: one journal per call in progress plus a small metadata file beside it.

The session's ``Journal`` records the call turn by turn; the metadata file (``<key>.meta.json``)
records who took the call and what was loaded (trainee, scenario, persona, seed, mode), so a
journal left by a killed app can be listed, resumed or scored. Finished journals are moved to
``finished/`` and discarded ones to ``discarded/`` — never deleted, so nothing typed is lost.
Folders are created owner-only (0700) and metadata files 0600, like the journals themselves.
"""

from __future__ import annotations

import json
import shutil
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator import locations
from simulator.errors import StorageError

JOURNAL_SUFFIX = ".journal.jsonl"
META_SUFFIX = ".meta.json"


@dataclass(frozen=True, slots=True)
class JournalMeta:
    key: str
    trainee_id: int
    trainee_name: str
    scenario_id: str
    persona_id: str
    seed: int
    mode: str
    started_at: datetime

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": "simulador.journal-meta/1",
            "key": self.key,
            "trainee_id": self.trainee_id,
            "trainee_name": self.trainee_name,
            "scenario_id": self.scenario_id,
            "persona_id": self.persona_id,
            "seed": self.seed,
            "mode": self.mode,
            "started_at": self.started_at.isoformat(),
        }
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> JournalMeta:
        data = json.loads(text)
        started = datetime.fromisoformat(str(data["started_at"]))
        if started.tzinfo is None:
            started = started.replace(tzinfo=UTC)
        return cls(
            key=str(data["key"]),
            trainee_id=int(data["trainee_id"]),
            trainee_name=str(data.get("trainee_name", "")),
            scenario_id=str(data["scenario_id"]),
            persona_id=str(data["persona_id"]),
            seed=int(data.get("seed", 0)),
            mode=str(data.get("mode", "practice")),
            started_at=started,
        )


def new_key() -> str:
    return uuid.uuid4().hex


def journal_path(folder: Path, key: str) -> Path:
    return folder / f"{key}{JOURNAL_SUFFIX}"


def meta_path(folder: Path, key: str) -> Path:
    return folder / f"{key}{META_SUFFIX}"


def write_meta(folder: Path, meta: JournalMeta) -> Path:
    """Write the metadata file atomically (temporary file, fsync, rename)."""
    path = meta_path(folder, meta.key)
    try:
        locations.make_private_dir(folder)
        locations.write_private_text(path, meta.to_json(), sync=True)
    except OSError as error:
        raise StorageError(
            f"No se pudo escribir el diario de la llamada en {path}: {error}."
        ) from None
    return path


def pending_metas(folder: Path) -> list[tuple[JournalMeta, Path]]:
    """Metadata of the journals still in ``folder`` (calls never finished), oldest first.

    Unreadable metadata files are skipped (they are left in place for a human to inspect).
    """
    if not folder.is_dir():
        return []
    found: list[tuple[JournalMeta, Path]] = []
    for path in folder.glob(f"*{META_SUFFIX}"):
        try:
            found.append((JournalMeta.from_json(path.read_text("utf-8")), path))
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            continue
    return sorted(found, key=lambda item: item[0].started_at)


def archive(folder: Path, key: str, destination: str) -> Path:
    """Move the journal and metadata of ``key`` into ``folder/destination``; return the journal."""
    target_dir = folder / destination
    moved = journal_path(target_dir, key)
    try:
        locations.make_private_dir(target_dir)
        for source in (journal_path(folder, key), meta_path(folder, key)):
            if source.exists():
                shutil.move(str(source), str(target_dir / source.name))
    except OSError as error:
        raise StorageError(f"No se pudo mover el diario de la llamada {key}: {error}.") from None
    return moved


def count_journal_lines(path: Path) -> int:
    """Number of non-empty lines of a journal (a fallback turn count)."""
    try:
        with path.open("r", encoding="utf-8", errors="replace") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0
