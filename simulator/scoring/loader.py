"""Loads a transcript file (or JSON text) and turns every problem into a Spanish TranscriptError.

Bad JSON reports the line and column; schema problems name the field path (``turns[3].speaker``)
and what was expected; an unknown ``format`` version is named as such. Never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from simulator.errors import TranscriptError
from simulator.models.transcript import SUPPORTED_FORMATS, Transcript

MAX_BYTES = 50_000_000

_MESSAGES = {
    "missing": "falta este campo obligatorio",
    "extra_forbidden": "campo desconocido (no es parte del formato)",
    "string_type": "se esperaba un texto",
    "float_type": "se esperaba un número",
    "float_parsing": "se esperaba un número",
    "int_type": "se esperaba un número entero",
    "int_parsing": "se esperaba un número entero",
    "bool_type": "se esperaba true o false",
    "bool_parsing": "se esperaba true o false",
    "list_type": "se esperaba una lista [...]",
    "dict_type": "se esperaba un objeto {...}",
    "model_type": "se esperaba un objeto {...}",
    "model_attributes_type": "se esperaba un objeto {...}",
}


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(raíz)"


def _describe(error: Any) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "literal_error":
        return (
            f"valor no válido {error.get('input')!r}; se espera uno de: {ctx.get('expected', '')}"
        )
    if kind in ("too_long", "string_too_long"):
        limit = ctx.get("max_length")
        return f"demasiado largo (máximo {limit})"
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", "")))
    return _MESSAGES.get(kind, str(error.get("msg", "valor no válido")))


def _turn_hint(loc: tuple[int | str, ...]) -> str:
    if len(loc) >= 2 and loc[0] == "turns" and isinstance(loc[1], int):
        return f" (turno {loc[1] + 1})"
    return ""


def validate(data: Any, name: str) -> Transcript:
    """Validate parsed JSON as a transcript, raising TranscriptError in Spanish."""
    if not isinstance(data, dict):
        raise TranscriptError("el transcript debe ser un objeto JSON {...}", path=name)
    version = data.get("format")
    if version is not None and version not in SUPPORTED_FORMATS:
        raise TranscriptError(
            f"versión de formato desconocida «{version}»; se admite: {', '.join(SUPPORTED_FORMATS)}",
            path=name,
        )
    try:
        return Transcript.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors()[:5]:
            loc = tuple(error.get("loc", ()))
            problems.append(f"campo «{_path(loc)}»{_turn_hint(loc)}: {_describe(error)}")
        more = exc.error_count() - len(problems)
        suffix = f" (y {more} problema(s) más)" if more > 0 else ""
        raise TranscriptError(
            "transcript no válido: " + "; ".join(problems) + suffix, path=name
        ) from None


def parse_text(text: str, name: str = "<texto>") -> Transcript:
    """Parse JSON text as a transcript."""
    if not text.strip():
        raise TranscriptError("el archivo está vacío; se esperaba un transcript JSON", path=name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptError(
            f"JSON no válido (columna {exc.colno}): {_json_reason(exc.msg)}",
            path=name,
            line=exc.lineno,
        ) from None
    return validate(data, name)


def _json_reason(msg: str) -> str:
    table = {
        "Expecting value": "se esperaba un valor",
        "Expecting property name enclosed in double quotes": "se esperaba un nombre de campo entre comillas dobles",
        "Expecting ',' delimiter": "falta una coma «,»",
        "Expecting ':' delimiter": "faltan los dos puntos «:»",
        "Unterminated string starting at": "texto sin comillas de cierre",
        "Extra data": "hay datos sobrantes después del objeto",
        "Invalid control character at": "carácter de control no válido",
    }
    for key, value in table.items():
        if msg.startswith(key):
            return value
    return msg


def load_transcript(source: str | Path) -> Transcript:
    """Load a transcript from a file path, or from JSON text when ``source`` starts with ``{``."""
    if isinstance(source, str) and source.lstrip().startswith("{"):
        return parse_text(source)
    path = Path(source)
    name = str(source)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise TranscriptError("el archivo es demasiado grande (máximo 50 MB)", path=name)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise TranscriptError("no existe el archivo", path=name) from None
    except IsADirectoryError:
        raise TranscriptError("es una carpeta, no un archivo", path=name) from None
    except OSError as exc:
        raise TranscriptError(f"no se pudo leer el archivo ({exc.strerror})", path=name) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TranscriptError("el archivo no está en UTF-8", path=name) from None
    return parse_text(text, name)
