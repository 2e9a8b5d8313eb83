"""The one error family of the project.

Every expected failure (bad file, unknown id, invalid transcript) is a ``SimuladorError`` with a
Spanish message meant for the user; the CLI and the TUI show ``str(error)`` and never a traceback.
"""

from __future__ import annotations


class SimuladorError(Exception):
    """Base of every error the user may see. The message is Spanish and self-contained."""

    exit_code: int = 1


class InputError(SimuladorError):
    """Input (file, JSON, YAML, transcript) that cannot be used as given."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{message}")


class TranscriptError(InputError):
    """A transcript that does not follow the simulador.transcript format."""


class ContentError(InputError):
    """A scenario or persona file that is invalid."""


class UnknownIdError(SimuladorError):
    """An id (scenario, persona, trainee) that does not exist; the message lists the valid ones."""

    exit_code = 2

    def __init__(self, what: str, given: str, valid: list[str]) -> None:
        self.given = given
        self.valid = sorted(valid)
        listing = ", ".join(self.valid) if self.valid else "(ninguno)"
        super().__init__(f"No existe {what} «{given}». Los válidos son: {listing}.")


class StorageError(SimuladorError):
    """The database could not be opened, migrated or written."""


class DatabaseVersionError(StorageError):
    """The database was written by a newer version of the program (an unknown schema revision).

    Nothing can be done with it safely: the CLI and the TUI stop with this message (exit code 2).
    """

    exit_code = 2


class PermissionDeniedError(SimuladorError):
    """An action that needs the formador role."""


class VoiceError(SimuladorError):
    """A voice engine or audio device is missing or busy. The message says what to do; a call
    goes on in text."""
