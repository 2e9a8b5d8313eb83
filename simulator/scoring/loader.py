"""Loads a transcript file (or JSON text) and turns every problem into a Spanish TranscriptError.

Bad JSON reports the line and column; schema problems name the field path (``turns[3].speaker``)
and what was expected; an unknown ``format`` version is named as such. Never a traceback.
Transcripts are untrusted: reading is bounded (``MAX_BYTES``; ``/dev/zero`` stops there), JSON
nesting, huge numbers and NaN are refused (``simulator.untrusted``), values quoted in messages are
shortened and stripped of control characters, and an event must point at a turn that exists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from simulator.errors import TranscriptError
from simulator.language.plural import count as plural_count
from simulator.language.safe_text import shorten, strip_controls
from simulator.models.transcript import SUPPORTED_FORMATS, Transcript
from simulator.untrusted import decode as _decode
from simulator.untrusted import parse_json, read_bytes

# Scoring is linear in the text (about 5 s per MB on a busy machine); a one-hour call is ~100 KB.
MAX_BYTES = 2_000_000

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
            name = shorten(strip_controls(str(part), newlines=False), 40)  # keys come from the file
            out += f".{name}" if out else name
    return out or "(raíz)"


def _describe(error: Any) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "literal_error":
        given = _quote(error.get("input"))
        return f"valor no válido {given}; se espera uno de: {ctx.get('expected', '')}"
    if kind in ("too_long", "string_too_long"):
        limit = ctx.get("max_length")
        return f"demasiado largo (máximo {limit})"
    if kind == "value_error":
        return shorten(
            strip_controls(str(ctx.get("error", error.get("msg", ""))), newlines=False), 200
        )
    return _MESSAGES.get(kind, str(error.get("msg", "valor no válido")))


def _quote(value: Any) -> str:
    """A short, printable rendering of an input value for a message (never a huge repr)."""
    if isinstance(value, str):
        return repr(shorten(strip_controls(value, newlines=False), 40))
    if isinstance(value, (dict, list)):
        return "{...}" if isinstance(value, dict) else "[...]"
    return shorten(strip_controls(repr(value), newlines=False), 40)


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
        shown = shorten(strip_controls(str(version), newlines=False), 40)
        raise TranscriptError(
            f"versión de formato desconocida «{shown}»; se admite: {', '.join(SUPPORTED_FORMATS)}",
            path=name,
        )
    try:
        transcript = Transcript.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors()[:5]:
            loc = tuple(error.get("loc", ()))
            problems.append(f"campo «{_path(loc)}»{_turn_hint(loc)}: {_describe(error)}")
        more = exc.error_count() - len(problems)
        suffix = f" (y {plural_count(more, 'problema')} más)" if more > 0 else ""
        raise TranscriptError(
            "transcript no válido: " + "; ".join(problems) + suffix, path=name
        ) from None
    _check_events(transcript, name)
    return transcript


def _check_events(transcript: Transcript, name: str) -> None:
    """Every event sits between turns that exist (``after_turn`` in 0..number of turns)."""
    last = len(transcript.turns)
    for index, event in enumerate(transcript.events):
        if event.after_turn is not None and not 0 <= event.after_turn <= last:
            raise TranscriptError(
                f"transcript no válido: campo «events[{index}].after_turn»: el evento "
                f"«{event.type}» dice ir después del turno {_quote(event.after_turn)}, pero el "
                f"transcript tiene {plural_count(last, 'turno')}",
                path=name,
            )


def parse_text(text: str, name: str = "<texto>") -> Transcript:
    """Parse JSON text as a transcript."""
    if len(text) > MAX_BYTES:
        raise TranscriptError("el texto es demasiado grande (máximo 2 MB)", path=name)
    if not text.strip():
        raise TranscriptError("el archivo está vacío; se esperaba un transcript JSON", path=name)
    return validate(parse_json(text, name, error=TranscriptError), name)


def read_transcript_text(source: str | Path, name: str | None = None) -> str:
    """The text of a transcript file, or of stdin for ``-``: at most ``MAX_BYTES``, UTF-8."""
    shown = name or ("<stdin>" if str(source) == "-" else str(source))
    raw = read_bytes(source, limit=MAX_BYTES, name=shown, error=TranscriptError)
    return _decode(raw, shown, TranscriptError)


def load_transcript(source: str | Path) -> Transcript:
    """Load a transcript from a file path (``-`` = stdin), or from JSON text when ``source``
    starts with ``{``."""
    if isinstance(source, str) and source.lstrip().startswith("{"):
        return parse_text(source)
    name = "<stdin>" if str(source) == "-" else str(source)
    return parse_text(read_transcript_text(source, name), name)
