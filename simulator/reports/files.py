"""Writing report files: one place that turns an operating-system error into Spanish.

Every report or export is written whole to a temporary file next to the target and then renamed
over it, so an interrupted export never leaves half a file behind. Reports hold personal data
(names, calls, verdicts): a new file is readable by its owner only (``FILE_MODE``), and a file that
is replaced keeps the permissions its owner gave it.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from simulator.errors import InputError
from simulator.locations import FILE_MODE

_WHY = {
    errno.ENOENT: "la carpeta donde se quiere guardar no existe",
    errno.EACCES: "no tiene permiso para escribir ahí",
    errno.EPERM: "no tiene permiso para escribir ahí",
    errno.EISDIR: "es una carpeta, no un archivo",
    errno.ENOTDIR: "una parte de la ruta no es una carpeta",
    errno.ENOSPC: "no queda espacio en el disco",
    errno.EROFS: "el disco es de solo lectura",
}


def why(error: OSError) -> str:
    """A Spanish reason for a failed write."""
    return _WHY.get(error.errno or 0, f"error del sistema ({error.strerror or error})")


def write_text(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically; a Spanish ``InputError`` (exit code 2) if it fails."""
    write_bytes(path, text.encode(encoding))


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; a Spanish ``InputError`` (exit code 2) if it fails."""
    if path.is_dir():
        raise InputError("no se pudo escribir: " + _WHY[errno.EISDIR], path=str(path))
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else FILE_MODE
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        temporary.chmod(mode)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InputError(f"no se pudo escribir: {why(error)}", path=str(path)) from None
