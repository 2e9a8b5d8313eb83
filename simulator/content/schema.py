"""JSON Schemas of the scenario and persona files and of the transcript format, for editor
completion and for integrators (the transcript schema lists every event type).

The schemas are committed under ``schemas/`` and a test fails when they drift from the models;
``simulador content schema`` regenerates them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from simulator.models.content import Persona, Scenario
from simulator.models.transcript import Transcript

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "scenario.schema.json": Scenario,
    "persona.schema.json": Persona,
    "transcript.schema.json": Transcript,
}


def schema_text(model: type[BaseModel]) -> str:
    """The JSON Schema of ``model`` as stable, pretty-printed text (trailing newline)."""
    schema: dict[str, Any] = model.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    """Write the files of ``SCHEMA_FILES`` (scenario, persona, transcript) into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMA_FILES.items():
        path = out_dir / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
