"""Turn-by-turn journal of a live call, so a crash or a kill never loses what was typed.

One JSON object per line, appended, flushed and fsynced per event: a header (scenario, persona,
seed, mode, agent, start time and the transcript skeleton), every agent turn (written BEFORE the
customer's reply is computed), every customer turn, event and capture, and the customer state
after each exchange. ``Journal.recover`` rebuilds an incomplete transcript and the last state so
the call can be resumed (``CallSession.resume``) or scored as a partial call.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from simulator.customer.state import CustomerState
from simulator.errors import InputError
from simulator.models.transcript import Event, Transcript, Turn

JOURNAL_FORMAT = "simulador.journal/1"


class Journal:
    """Append-only JSONL writer; every record is on disk when the method returns."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("a", encoding="utf-8")

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

    @staticmethod
    def recover(path: str | Path) -> RecoveredCall:
        return recover(Path(path))


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

    @property
    def scenario_id(self) -> str:
        return str(self.header.get("scenario", ""))

    @property
    def persona_id(self) -> str:
        return str(self.header.get("persona", ""))

    @property
    def seed(self) -> int:
        return int(self.header.get("seed", 0))

    @property
    def mode(self) -> str:
        return str(self.header.get("mode", "practice"))


def recover(path: Path) -> RecoveredCall:
    """Rebuild a call from its journal. A torn last line (killed mid-write) is skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(
            f"no se pudo leer el diario ({error.strerror or error})", path=str(path)
        ) from None
    header: dict[str, Any] | None = None
    turns: list[Turn] = []
    events: list[Event] = []
    capture: dict[str, str] = {}
    state: CustomerState | None = None
    ended, outcome, skipped = False, None, []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
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
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError, ValidationError):
            skipped.append(number)
    if header is None:
        raise InputError(
            "el diario no tiene encabezado; no es un diario de llamada", path=str(path)
        )
    skeleton = dict(header.get("transcript") or {})
    skeleton.update(
        turns=[t.model_dump() for t in turns],
        events=[e.model_dump() for e in events],
        capture=capture,
        complete=ended,
        outcome=outcome,
    )
    try:
        transcript = Transcript.model_validate(skeleton)
    except ValidationError as error:
        raise InputError(
            f"el diario no forma una transcripción válida ({error.error_count()} errores)",
            path=str(path),
        ) from None
    agent_turns = sum(1 for t in turns if t.speaker == "agent")
    answered = state.turn if state is not None else 0
    pending = agent_turns > answered and turns[-1].speaker == "agent" and not ended
    return RecoveredCall(
        path=path,
        header=header,
        transcript=transcript,
        state=state,
        ended=ended,
        outcome=outcome,
        pending_agent_turn=pending,
        skipped_lines=skipped,
    )
