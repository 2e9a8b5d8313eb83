"""Reading untrusted input (files, stdin, JSON) with bounds on size, nesting and numbers.

Transcripts, score histories, JSONL batches and call scripts come from outside: a file may be
``/dev/zero`` or ``/dev/urandom``, JSON may nest thousands of levels or carry a number with a
million digits. Python answers those with an endless read, ``RecursionError`` or ``ValueError``
(its 4,300-digit int limit); here every one of them becomes an ``InputError`` (exit code 2) with a
Spanish message, in bounded time and memory. The limits: docs/formats.md §6.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from simulator.errors import InputError

MB = 1_000_000
MAX_DIGITS = 4300  # Python's own int/str conversion limit (sys.int_info.default_max_str_digits)


def _megabytes(limit: int) -> str:
    return f"{limit / MB:g} MB" if limit >= MB else f"{limit // 1000} KB"


def _open(source: str | Path, name: str, error: type[InputError]) -> IO[bytes]:
    if str(source) == "-":
        return sys.stdin.buffer
    try:
        return Path(source).open("rb")
    except FileNotFoundError:
        raise error("no existe el archivo", path=name) from None
    except IsADirectoryError:
        raise error("es una carpeta, no un archivo", path=name) from None
    except PermissionError:
        raise error("no hay permiso para leer el archivo", path=name) from None
    except OSError as exc:
        raise error(f"no se pudo abrir el archivo ({exc.strerror or exc})", path=name) from None


def read_bytes(
    source: str | Path,
    *,
    limit: int,
    name: str | None = None,
    error: type[InputError] = InputError,
) -> bytes:
    """At most ``limit`` bytes of a file (``-`` = stdin); more than that is an error, not a wait.

    Reads ``limit + 1`` bytes at most, so ``/dev/zero``, ``/dev/urandom`` or an endless pipe
    stop at the limit instead of filling the memory.
    """
    shown = name or ("<stdin>" if str(source) == "-" else str(source))
    stream = _open(source, shown, error)
    try:
        data = stream.read(limit + 1)
    except IsADirectoryError:
        raise error("es una carpeta, no un archivo", path=shown) from None
    except OSError as exc:
        raise error(f"no se pudo leer el archivo ({exc.strerror or exc})", path=shown) from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if len(data) > limit:
        raise error(f"el archivo es demasiado grande (máximo {_megabytes(limit)})", path=shown)
    return data


def decode(data: bytes, name: str, error: type[InputError] = InputError) -> str:
    """UTF-8 text (a BOM is skipped); anything else is an error naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(
            f"el archivo no está en UTF-8 (byte {exc.start + 1} no válido)", path=name, line=line
        ) from None


def read_text(
    source: str | Path,
    *,
    limit: int,
    name: str | None = None,
    error: type[InputError] = InputError,
) -> str:
    """``read_bytes`` then ``decode``: bounded UTF-8 text of a file or of stdin (``-``)."""
    shown = name or ("<stdin>" if str(source) == "-" else str(source))
    return decode(read_bytes(source, limit=limit, name=shown, error=error), shown, error)


def read_lines(
    source: str | Path,
    *,
    limit: int,
    line_limit: int,
    name: str | None = None,
    error: type[InputError] = InputError,
) -> Iterator[tuple[int, str]]:
    """``(number, text)`` of each line of a file or stdin, each at most ``line_limit`` bytes and
    ``limit`` bytes in all; a longer line stops with an error naming it (a stream without line
    breaks, such as ``/dev/zero``, fails at its first line)."""
    shown = name or ("<stdin>" if str(source) == "-" else str(source))
    stream = _open(source, shown, error)
    total = 0
    try:
        for number in range(1, sys.maxsize):
            try:
                raw = stream.readline(line_limit + 1)
            except IsADirectoryError:
                raise error("es una carpeta, no un archivo", path=shown) from None
            except OSError as exc:
                reason = exc.strerror or exc
                raise error(f"no se pudo leer el archivo ({reason})", path=shown) from None
            if not raw:
                return
            total += len(raw)
            body = raw.rstrip(b"\r\n")
            if len(body) > line_limit:
                raise error(
                    f"línea demasiado larga (máximo {_megabytes(line_limit)})",
                    path=shown,
                    line=number,
                )
            if total > limit:
                raise error(
                    f"el archivo es demasiado grande (máximo {_megabytes(limit)})", path=shown
                )
            if number == 1 and body.startswith(b"\xef\xbb\xbf"):
                body = body[3:]
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise error(
                    f"la línea no está en UTF-8 (byte {exc.start + 1} no válido)",
                    path=shown,
                    line=number,
                ) from None
            yield number, text
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


class _Refused(ValueError):
    """A JSON value refused by a parse hook (its message is already Spanish)."""


def _constant(name: str) -> Any:
    raise _Refused(f"«{name}» no es un número JSON válido")


def _float(text: str) -> float:
    if len(text) > MAX_DIGITS:
        raise _Refused(f"un número tiene demasiados dígitos (máximo {MAX_DIGITS})")
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"el número {text[:20]}… es demasiado grande")
    return value


def _int(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise _Refused(f"un número tiene demasiados dígitos (máximo {MAX_DIGITS})")
    return int(text)


_JSON_REASONS = {
    "Expecting value": "se esperaba un valor",
    "Expecting property name enclosed in double quotes": (
        "se esperaba un nombre de campo entre comillas dobles"
    ),
    "Expecting ',' delimiter": "falta una coma «,»",
    "Expecting ':' delimiter": "faltan los dos puntos «:»",
    "Unterminated string starting at": "texto sin comillas de cierre",
    "Extra data": "hay datos sobrantes después del objeto",
    "Invalid control character at": "carácter de control no válido",
    "Invalid \\escape": "secuencia de escape «\\» no válida",
    "Invalid \\uXXXX escape": "secuencia «\\u» no válida",
}


def json_reason(msg: str) -> str:
    """The Spanish reason for one of the ``json`` module's error messages."""
    for key, value in _JSON_REASONS.items():
        if msg.startswith(key):
            return value
    return "JSON mal formado"


def parse_json(
    text: str, name: str, *, line: int | None = None, error: type[InputError] = InputError
) -> Any:
    """JSON text as Python values, refusing NaN/Infinity, numbers over 4,300 digits and
    nesting deeper than the interpreter can follow; every problem is an ``error`` in Spanish."""
    try:
        return json.loads(text, parse_constant=_constant, parse_float=_float, parse_int=_int)
    except json.JSONDecodeError as exc:
        where = line if line is not None else exc.lineno
        raise error(
            f"JSON no válido (columna {exc.colno}): {json_reason(exc.msg)}", path=name, line=where
        ) from None
    except _Refused as exc:
        raise error(f"JSON no válido: {exc}", path=name, line=line) from None
    except RecursionError:
        raise error(
            "JSON no válido: está anidado a demasiada profundidad", path=name, line=line
        ) from None
    except ValueError:  # e.g. an int the C scanner could not convert
        raise error(
            "JSON no válido: contiene un número que no se puede leer", path=name, line=line
        ) from None
