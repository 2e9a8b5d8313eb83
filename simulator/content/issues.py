"""One problem found in a content file, printable as ``file:line: mensaje``.

Validation collects every problem of a folder (not only the first), so authors fix a file in one
pass; loading raises the first one as a ``ContentError``.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.errors import ContentError


@dataclass(frozen=True, slots=True)
class ContentIssue:
    """A problem in ``path`` at ``line`` (1-based, ``None`` when the whole file is concerned)."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"

    def to_error(self) -> ContentError:
        """The same problem as an exception for callers that stop at the first one."""
        return ContentError(self.message, path=self.path, line=self.line)
