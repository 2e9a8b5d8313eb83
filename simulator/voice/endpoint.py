"""Whether what the trainee has said so far sounds finished: end the turn now, wait, or wait longer.

Silence alone is a slow judge of the end of a turn: waiting the same 0.6 s after «sí» as after a
long explanation makes short answers drag, and a shorter silence cuts a trainee who pauses to
think. A voice call transcribes the utterance at a short pause (``VoiceCall.early_seconds``) while
the silence goes on; this module reads that guess with prosody-free rules from
``es/end_of_turn.yaml``: a short answer («sí», «ajá», «de acuerdo»), a question mark or a closing
phrase («… por favor», «… que tenga buena tarde») ends the turn at once; a hesitation («este…»,
«eh») or a word no sentence ends with («y», «que», «porque») asks for ``hesitation_seconds`` of
silence; anything else waits the usual silence of the turn detector.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize

Verdict = Literal["now", "wait", "hold"]
HESITATION_SECONDS = 1.2
_TRAILING = re.compile(r"(\.\.\.|…)\W*$")


class EndOfTurnWords(BaseModel):
    """``es/end_of_turn.yaml``: normalized words and phrases."""

    model_config = ConfigDict(extra="forbid")

    answers: list[str]
    closings: list[str]
    hesitations: list[str]


@cache
def words() -> EndOfTurnWords:
    return EndOfTurnWords.model_validate(resource_yaml("simulator.voice", "es/end_of_turn.yaml"))


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", normalize(text)).split())


def _ends_with(plain: str, phrases: list[str]) -> bool:
    return any(plain == p or plain.endswith(" " + p) for p in phrases)


@dataclass(frozen=True)
class EndOfTurn:
    """The rules, with how long a hesitating trainee is given (seconds of silence)."""

    hesitation_seconds: float = HESITATION_SECONDS

    def verdict(self, text: str) -> Verdict:
        """``now``: the turn is over; ``hold``: wait ``hesitation_seconds``; ``wait``: as usual."""
        stripped = text.strip()
        plain = _plain(stripped)
        if not plain:
            return "wait"
        vocabulary = words()
        if _TRAILING.search(stripped):
            return "hold"  # Whisper's «…»: the voice trailed off
        if stripped.endswith("?") or plain in vocabulary.answers:
            return "now"
        if _ends_with(plain, vocabulary.hesitations):
            return "hold"
        if _ends_with(plain, vocabulary.closings):
            return "now"
        return "wait"
