"""Push-to-talk in a terminal, where a key can be pressed but its release is never reported.

Terminals send a key again and again while it is held (auto-repeat: first repeat after the
keyboard's delay, 0.25–0.66 s on common systems, then one every ~30–40 ms), and nothing when it is
let go. ``PushToTalk`` reads both ways of using one key from those presses alone:

* **hold**: repeats arrive, so the key is held; the turn ends when no repeat has come for
  ``release_seconds`` (the key was let go);
* **tap**: no repeat within ``first_repeat_seconds`` of the press, so it was a tap; recording goes
  on until the key is tapped again (press once to talk, press again to send).

``PushToTalkGate`` applies it to the microphone: it takes the place of the turn detector (same
``feed``/``flush``/``pending``/``talking``) and yields what was said while the key was down as one
utterance. Key times come from a clock that tests replace.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal, Protocol

import numpy as np

from simulator.voice.audio import STT_RATE, Audio, resample
from simulator.voice.turns import Utterance

RELEASE_SECONDS = 0.5  # no repeat for this long after repeats began: the key was let go
FIRST_REPEAT_SECONDS = 0.9  # no repeat this long after the press: a tap, not a hold
PRE_ROLL_CHUNKS = 1  # audio kept from just before the press, so the first syllable is not cut

Stage = Literal["idle", "pressed", "holding", "latched"]


class Detector(Protocol):
    """Cuts the trainee's utterances: ``TurnDetector`` (hands-free) or ``PushToTalkGate``."""

    @property
    def talking(self) -> bool: ...

    @property
    def voiced_seconds(self) -> float: ...

    def feed(self, audio: Audio) -> Iterator[Utterance]: ...

    def flush(self) -> Iterator[Utterance]: ...

    def pending(self, quiet_seconds: float) -> Utterance | None: ...


# What the call is doing, for an indicator (``on_stage``): waiting for speech, hearing the
# trainee, transcribing, the customer speaking.
LISTENING, HEARING, TRANSCRIBING, SPEAKING = "listening", "hearing", "transcribing", "speaking"


@dataclass
class PushToTalk:
    """The key's state from its presses (and repeats) alone. Times are seconds of any clock."""

    release_seconds: float = RELEASE_SECONDS
    first_repeat_seconds: float = FIRST_REPEAT_SECONDS
    stage: Stage = "idle"
    _last: float = 0.0  # time of the last press or repeat
    _sent: bool = False  # the last tap sent the turn (its repeats must not start another)

    @property
    def talking(self) -> bool:
        return self.stage != "idle"

    def press(self, now: float) -> Literal["start", "stop"] | None:
        """A key event (a first press or an auto-repeat). Returns "start" when talking begins and
        "stop" when a tap ends a tapped turn."""
        self.poll(now)  # a tap not yet noticed as one
        if self.stage == "idle":
            if self._sent and now - self._last <= self.first_repeat_seconds:
                self._last = now  # repeats of the key that just sent the turn (the first comes
                return None  # after the keyboard's delay)
            self.stage, self._last, self._sent = "pressed", now, False
            return "start"
        if self.stage == "latched":
            if now - self._last < self.release_seconds:
                self._last = now  # repeats of the tap that latched it, or of a held key
                return None
            self.stage, self._last, self._sent = "idle", now, True
            return "stop"
        if self.stage == "pressed" and now - self._last <= self.first_repeat_seconds:
            self.stage = "holding"  # a repeat: the key is held down
        self._last = now
        return None

    def poll(self, now: float) -> Literal["stop"] | None:
        """Called as time passes. Returns "stop" when a held key has been let go."""
        if self.stage == "pressed" and now - self._last > self.first_repeat_seconds:
            self.stage = "latched"  # it was a tap: keep talking until the next tap
        elif self.stage == "holding" and now - self._last > self.release_seconds:
            self.stage = "idle"
            return "stop"
        return None

    def released_for(self, now: float) -> float:
        """Seconds since the last key event (how long ago a held key was let go)."""
        return max(now - self._last, 0.0)

    def cancel(self) -> None:
        self.stage, self._sent = "idle", False


@dataclass
class PushToTalkGate:
    """The microphone heard only while the key is down; one utterance per turn.

    ``press`` is called from the UI thread, ``feed`` from the voice thread: a lock keeps them
    apart. Stream times (``Utterance.start``/``end``) count the audio fed, like ``TurnDetector``.
    """

    ptt: PushToTalk = field(default_factory=PushToTalk)
    clock: Callable[[], float] = time.monotonic
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stream: float = 0.0
    _parts: list[np.ndarray] = field(default_factory=list)
    _pre: list[np.ndarray] = field(default_factory=list)
    _start: float | None = None

    def press(self) -> Literal["start", "stop"] | None:
        with self._lock:
            return self.ptt.press(self.clock())

    @property
    def talking(self) -> bool:
        return self.ptt.talking

    @property
    def latched(self) -> bool:
        """Talking after a tap: the next tap sends."""
        return self.ptt.stage == "latched"

    @property
    def voiced_seconds(self) -> float:
        """Seconds recorded in this turn (talking over the customer interrupts them)."""
        return sum(len(part) for part in self._parts) / STT_RATE if self._start is not None else 0.0

    def pending(self, quiet_seconds: float) -> Utterance | None:
        return None  # the turn ends when the key says so, never on a guess

    def feed(self, audio: Audio) -> Iterator[Utterance]:
        with self._lock:
            now = self.clock()
            stopped = self.ptt.poll(now) == "stop"
            lag = self.ptt.released_for(now) if stopped else 0.0
            talking = self.ptt.talking
        samples = resample(audio, STT_RATE).samples
        at = self._stream
        self._stream += len(samples) / STT_RATE
        if talking:
            if self._start is None:
                self._parts = list(self._pre)
                self._start = max(at - sum(len(p) for p in self._pre) / STT_RATE, 0.0)
            self._parts.append(samples)
            return
        if self._start is not None:
            yield self._finish(end=max(at - lag, self._start))
        self._pre = [*self._pre, samples][-PRE_ROLL_CHUNKS:] if PRE_ROLL_CHUNKS else []

    def flush(self) -> Iterator[Utterance]:
        if self._start is not None:
            yield self._finish(end=self._stream)
        with self._lock:
            self.ptt.cancel()

    def _finish(self, end: float) -> Utterance:
        start = self._start or 0.0
        audio = Audio(np.concatenate(self._parts).astype(np.float32), STT_RATE)
        self._parts, self._start = [], None
        return Utterance(audio=audio, start=round(start, 3), end=round(max(end, start), 3))
