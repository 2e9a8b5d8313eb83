"""Turn-by-turn journal of a live call, so a crash or a kill never loses what was typed.

One JSON object per line, appended, flushed and fsynced per event: a header (scenario, persona,
seed, mode, agent, start time and the transcript skeleton), every agent turn (written BEFORE the
customer's reply is computed), every customer turn, event and capture, and the customer state
after each exchange. ``Journal.recover`` rebuilds an incomplete transcript and the last state so
the call can be resumed (``CallSession.resume``) or scored as a partial call. Recovery reads line
by line: a damaged line (invalid bytes, a torn write) is reported by number and what it seemed to
hold, and every other line is kept.

A live journal is locked (``JournalLock``: ``<journal>.lock`` held with ``fcntl.flock``) so a
second app on the same data folder neither offers it as pending nor writes to it; the operating
system drops the lock when its process dies, so a killed app's journal is never stuck.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from simulator.customer.state import CustomerState
from simulator.errors import InputError
from simulator.models.transcript import Event, Transcript, Turn
from simulator.session.journal_lock import JournalLock, _open_private

JOURNAL_FORMAT = "simulador.journal/1"


class Journal:
    """Append-only JSONL writer (0600, locked); every record is on disk when the method returns."""

    def __init__(self, path: str | Path, *, lock: bool = True) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(
                f"no se pudo crear la carpeta del diario ({error.strerror or error})",
                path=str(self.path),
            ) from None
        self._lock = JournalLock(self.path).acquire() if lock else None
        try:
            fd = _open_private(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
            self._file = os.fdopen(fd, "a", encoding="utf-8")
        except OSError as error:
            if self._lock is not None:
                self._lock.release()
            raise InputError(
                f"no se pudo abrir el diario ({error.strerror or error})", path=str(self.path)
            ) from None
        except BaseException:
            if self._lock is not None:
                self._lock.release()
            raise

    def write(self, record: dict[str, Any]) -> None:
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def header(
        self,
        *,
        scenario: str,
        persona: str,
        seed: int,
        mode: str,
        agent_name: str | None,
        started_at: str,
        skeleton: dict[str, Any],
    ) -> None:
        self.write(
            {
                "type": "header",
                "format": JOURNAL_FORMAT,
                "scenario": scenario,
                "persona": persona,
                "seed": seed,
                "mode": mode,
                "agent_name": agent_name,
                "started_at": started_at,
                "transcript": skeleton,
            }
        )

    def turn(self, turn: Turn, intents: list[str] | None = None) -> None:
        record: dict[str, Any] = {"type": "turn", "turn": turn.model_dump(exclude_none=True)}
        if intents is not None:
            record["intents"] = intents
        self.write(record)

    def event(self, event: Event) -> None:
        self.write({"type": "event", "event": event.model_dump(exclude_none=True)})

    def capture(self, field_key: str, value: str) -> None:
        self.write({"type": "capture", "field": field_key, "value": value})

    def state(self, state: CustomerState) -> None:
        self.write({"type": "state", "state": state.model_dump(mode="json")})

    def end(self, outcome: str) -> None:
        self.write({"type": "end", "outcome": outcome})

    def close(self) -> None:
        if not self._file.closed:
            self._file.close()
        if self._lock is not None:
            self._lock.release()

    @staticmethod
    def recover(path: str | Path, fallback_header: dict[str, Any] | None = None) -> RecoveredCall:
        return recover(Path(path), fallback_header)


@dataclass(frozen=True, slots=True)
class DamagedLine:
    """A journal line that could not be read: its number, what it seemed to hold and why."""

    number: int
    holds: str  # e.g. «un turno del agente», «un evento», «un registro desconocido»
    reason: str  # e.g. «no es texto UTF-8 válido», «quedó incompleta»

    def describe(self) -> str:
        return f"línea {self.number} ({self.holds}): {self.reason}"


@dataclass
class RecoveredCall:
    """What a journal holds: the transcript so far (``complete`` False unless it ended)."""

    path: Path
    header: dict[str, Any]
    transcript: Transcript
    state: CustomerState | None
    ended: bool = False
    outcome: str | None = None
    pending_agent_turn: bool = False
    skipped_lines: list[int] = field(default_factory=list)
    damaged: list[DamagedLine] = field(default_factory=list)

    @property
    def scenario_id(self) -> str:
        return str(self.header.get("scenario", ""))

    @property
    def persona_id(self) -> str:
        return str(self.header.get("persona", ""))

    @property
    def seed(self) -> int:
        try:
            return int(self.header.get("seed", 0))
        except (TypeError, ValueError):
            return 0

    @property
    def mode(self) -> str:
        return str(self.header.get("mode", "practice"))

    def damage_report(self) -> str:
        """Spanish: exactly what could not be read, or an empty string when nothing was lost."""
        return damage_report(self.damaged)


def damage_report(damaged: list[DamagedLine]) -> str:
    if not damaged:
        return ""
    if len(damaged) == 1:
        return f"No se pudo leer la {damaged[0].describe()}; todo lo demás se recuperó."
    listed = "; ".join(d.describe() for d in damaged)
    return f"No se pudieron leer {len(damaged)} líneas — {listed}; todo lo demás se recuperó."


_TYPE_RE = re.compile(r'"type"\s*:\s*"([a-z_]+)"')
_SPEAKER_RE = re.compile(r'"speaker"\s*:\s*"(agent|customer)"')
_HOLDS = {
    "header": "el encabezado",
    "event": "un evento",
    "capture": "un dato capturado",
    "state": "el estado del cliente",
    "end": "el cierre de la llamada",
}


def _guess_holds(raw: bytes) -> str:
    """What a damaged line seems to hold, from the readable part of its bytes."""
    text = raw[:4000].decode("utf-8", errors="replace")
    kind = _TYPE_RE.search(text)
    if kind is None:
        return "contenido desconocido"
    if kind.group(1) == "turn":
        speaker = _SPEAKER_RE.search(text)
        if speaker is None:
            return "un turno"
        return "un turno del agente" if speaker.group(1) == "agent" else "un turno del cliente"
    return _HOLDS.get(kind.group(1), "un registro desconocido")


def recover(path: Path, fallback_header: dict[str, Any] | None = None) -> RecoveredCall:
    """Rebuild a call from its journal, line by line: a damaged line is reported, the rest kept.

    ``fallback_header`` (built from the call's metadata file) stands in for a damaged header.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(
            f"no se pudo leer el diario ({error.strerror or error})", path=str(path)
        ) from None
    header: dict[str, Any] | None = None
    turns: list[Turn] = []
    events: list[Event] = []
    capture: dict[str, str] = {}
    state: CustomerState | None = None
    ended, outcome = False, None
    damaged: list[DamagedLine] = []
    raw_lines = data.split(b"\n")
    torn_tail = not data.endswith(b"\n")
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            damaged.append(DamagedLine(number, _guess_holds(raw), "no es texto UTF-8 válido"))
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise TypeError("not an object")
            kind = record.get("type")
            if kind == "header":
                header = record
            elif kind == "turn":
                turns.append(Turn.model_validate(record["turn"]))
            elif kind == "event":
                events.append(Event.model_validate(record["event"]))
            elif kind == "capture":
                capture[str(record["field"])] = str(record["value"])
            elif kind == "state":
                state = CustomerState.model_validate(record["state"])
            elif kind == "end":
                ended, outcome = True, record.get("outcome")
            else:
                raise KeyError("type")
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
            last = number == len(raw_lines) and torn_tail
            if last and isinstance(error, ValueError) and not isinstance(error, ValidationError):
                reason = "quedó incompleta (la aplicación se cerró mientras escribía)"
            elif isinstance(error, ValidationError):
                reason = "sus datos no tienen la forma esperada"
            elif isinstance(error, ValueError | RecursionError):
                reason = "no es JSON válido"
            else:
                reason = "no es un registro de diario"
            damaged.append(DamagedLine(number, _guess_holds(raw), reason))
    if header is None:
        if fallback_header is None or not turns:  # nothing of a call in it
            raise InputError(
                "el diario no tiene encabezado; no es un diario de llamada", path=str(path)
            )
        header = fallback_header
    body: dict[str, Any] = {
        "turns": [t.model_dump() for t in turns],
        "events": [e.model_dump() for e in events],
        "capture": capture,
        "complete": ended,
        "outcome": outcome,
    }
    candidates = [header] + ([fallback_header] if fallback_header not in (None, header) else [])
    transcript: Transcript | None = None
    errors = 0
    for candidate in candidates:
        try:
            transcript = _transcript(candidate or {}, body)
        except ValidationError as error:
            errors = error.error_count()
            continue
        header = candidate or {}
        break
    if transcript is None:
        raise InputError(
            f"el diario no forma una transcripción válida ({errors} errores)",
            path=str(path),
        )
    agent_turns = sum(1 for t in turns if t.speaker == "agent")
    answered = state.turn if state is not None else 0
    pending = bool(turns) and agent_turns > answered and turns[-1].speaker == "agent" and not ended
    return RecoveredCall(
        path=path,
        header=header,
        transcript=transcript,
        state=state,
        ended=ended,
        outcome=outcome,
        pending_agent_turn=pending,
        skipped_lines=[d.number for d in damaged],
        damaged=damaged,
    )


def _transcript(header: dict[str, Any], body: dict[str, Any]) -> Transcript:
    skeleton = header.get("transcript")
    data = dict(skeleton) if isinstance(skeleton, dict) else {}
    data.update(body)
    return Transcript.model_validate(data)
