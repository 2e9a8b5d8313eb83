"""Exporting a trainee's calls as transcript files (``simulador export transcripts``).

One JSON file per call in the documented transcript format (``simulador.transcript/1``,
docs/formats.md §1), so ``simulador score CARPETA`` grades the exported folder again. File names
start with the call number and date, so the folder lists the calls in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.errors import InputError
from simulator.locations import make_private_dir
from simulator.reports.files import why, write_text
from simulator.reports.trainee import find_trainee

if TYPE_CHECKING:
    from simulator.services import Services

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class ExportResult:
    written: tuple[Path, ...]
    skipped: tuple[str, ...]  # Spanish reasons, one per call that could not be exported


def file_name(call_id: int, started_at: datetime, scenario_id: str) -> str:
    """«0007_20261201-1000_internet-veloz-hogar.json» (safe on every file system)."""
    scenario = _UNSAFE.sub("-", scenario_id).strip("-")[:60] or "llamada"
    return f"{call_id:04d}_{started_at:%Y%m%d-%H%M}_{scenario}.json"


def prepare_folder(folder: Path) -> None:
    """Create ``folder`` if needed, owner-only like every folder of personal data (an existing
    one is left as it is); a Spanish ``InputError`` when it cannot hold the files."""
    if folder.exists() and not folder.is_dir():
        raise InputError("no se pudo escribir: es un archivo, no una carpeta", path=str(folder))
    try:
        make_private_dir(folder)
    except OSError as error:
        raise InputError(f"no se pudo crear la carpeta: {why(error)}", path=str(folder)) from None


def export_transcripts(services: Services, name: str, folder: Path) -> ExportResult:
    """Write every call of the trainee called ``name`` into ``folder``, oldest first."""
    trainee = find_trainee(services, name)
    summaries = list(reversed(services.calls.list_for(trainee.id)))
    prepare_folder(folder)
    written: list[Path] = []
    skipped: list[str] = []
    for summary in summaries:
        try:
            saved = services.calls.get(summary.call_id)
        except ValueError:  # a stored transcript that no longer validates
            skipped.append(f"llamada {summary.call_id}: la transcripción guardada no es válida")
            continue
        target = folder / file_name(summary.call_id, summary.started_at, summary.scenario_id)
        write_text(target, saved.transcript.model_dump_json(indent=2) + "\n")
        written.append(target)
    return ExportResult(tuple(written), tuple(skipped))
