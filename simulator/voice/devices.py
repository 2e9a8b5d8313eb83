"""Where the audio comes from and goes to: the sound card, or WAV files.

``WavMicrophone`` and ``WavSpeaker`` let a whole voice call run headless (tests, CI, benches).
The sound-card backend uses sounddevice (PortAudio); with no sound card, no microphone or a busy
device it raises ``VoiceError`` with a Spanish message, and the call goes on in text. Speakers
play in the background (``play`` queues and returns) and ``stop`` cuts the customer off when the
trainee talks over them (barge-in).
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from simulator.errors import VoiceError
from simulator.voice.audio import (
    STT_RATE,
    Audio,
    concat,
    read_wav,
    resample,
    silence,
    write_wav,
)

CHUNK_SECONDS = 0.1
REPLY_WAIT_SECONDS = 4.0  # a polite WAV trainee goes on when the customer does not answer


CustomerSpeech = Callable[[], "tuple[float, float] | None"]


@dataclass
class WavMicrophone:
    """Plays WAV files as if the trainee spoke them, in chunks, with silence in between.

    Given ``customer`` (the call's ``customer_speech``: when the customer's last words start and
    end, stream seconds), it behaves like a polite trainee: each line waits until the customer has
    finished and ``gap_seconds`` more. Lines listed in ``interrupt`` (index → seconds) instead start
    that long after the customer starts answering the previous line: the trainee talks over them.
    """

    paths: list[Path]
    gap_seconds: float = 1.0
    customer: CustomerSpeech | None = None
    interrupt: dict[int, float] = field(default_factory=dict)
    max_wait_seconds: float = 30.0

    def audio(self) -> Audio:
        parts: list[Audio] = [silence(0.3)]
        for path in self.paths:
            parts += [read_wav(path), silence(self.gap_seconds)]
        return concat(parts, STT_RATE)

    def __iter__(self) -> Iterator[Audio]:
        if self.customer is None:
            yield from _chunks(self.audio())
            return
        now, line_end = 0.0, 0.0
        for chunk in _chunks(silence(0.3)):
            now += chunk.seconds
            yield chunk
        for index, path in enumerate(self.paths):
            line = read_wav(path)
            waited = 0.0
            while not self._ready(index, now, line_end) and waited < self.max_wait_seconds:
                chunk = silence(CHUNK_SECONDS)
                now += chunk.seconds
                waited += chunk.seconds
                yield chunk
            for chunk in _chunks(line):
                now += chunk.seconds
                yield chunk
            line_end = now
        for chunk in _chunks(silence(self.gap_seconds)):
            yield chunk

    def _ready(self, index: int, now: float, line_end: float) -> bool:
        speech = self.customer() if self.customer else None
        answered = speech is not None and speech[0] >= line_end
        if index in self.interrupt:
            return speech is not None and answered and now >= speech[0] + self.interrupt[index]
        if now < line_end + self.gap_seconds:
            return False
        if speech is not None and now < speech[1] + self.gap_seconds:
            return False  # the customer is still talking, or has just finished
        return answered or index == 0 or now >= line_end + REPLY_WAIT_SECONDS


def _chunks(whole: Audio) -> Iterator[Audio]:
    samples = resample(whole, STT_RATE).samples
    step = int(CHUNK_SECONDS * STT_RATE)
    for start in range(0, len(samples), step):
        yield Audio(samples[start : start + step], STT_RATE)


@dataclass
class WavSpeaker:
    """Keeps what would have been played; ``save`` writes it as one WAV.

    With ``clock`` (the call's stream clock) each clip occupies stream time after the previous
    one, and ``stop`` cuts what had not been heard yet, as a sound card would."""

    clips: list[Audio] = field(default_factory=list)
    clock: Callable[[], float] | None = None
    stops: int = 0
    _starts: list[float] = field(default_factory=list)

    def play(self, audio: Audio) -> None:
        now = self.clock() if self.clock else 0.0
        start = max([now] + [s + c.seconds for s, c in zip(self._starts, self.clips, strict=True)])
        self.clips.append(audio)
        self._starts.append(start)

    @property
    def busy(self) -> bool:
        return self.clock is not None and any(
            s + c.seconds > self.clock() for s, c in zip(self._starts, self.clips, strict=True)
        )

    def stop(self) -> None:
        """Stop now: the clip being heard is cut, those queued after it are dropped."""
        self.stops += 1
        if self.clock is None:
            return
        now = self.clock()
        kept = [(s, c) for s, c in zip(self._starts, self.clips, strict=True) if s < now]
        self._starts = [s for s, _ in kept]
        self.clips = [c.slice(0.0, now - s) if s + c.seconds > now else c for s, c in kept]

    def finish(self) -> None:
        """Nothing to wait for: the clips are kept, not played."""

    def save(self, path: Path) -> None:
        write_wav(path, concat(self.clips, STT_RATE))


def _sounddevice() -> Any:
    try:
        import sounddevice
    except (ImportError, OSError) as error:
        raise VoiceError(
            "No hay soporte de audio (sounddevice/PortAudio): "
            f"{error}. Instale libportaudio2 y el extra de voz; la llamada sigue en texto."
        ) from None
    return sounddevice


def check_devices() -> list[str]:
    """Spanish lines describing the default speaker and microphone; ``VoiceError`` when either
    is missing."""
    sd = _sounddevice()
    try:
        devices = sd.query_devices()
        out_dev = sd.query_devices(kind="output")
        in_dev = sd.query_devices(kind="input")
    except Exception as error:  # noqa: BLE001 - PortAudio errors vary by platform
        raise VoiceError(
            f"No se encontró bocina o micrófono ({error}). Conecte unos audífonos con micrófono;"
            " mientras tanto practique en texto."
        ) from None
    if not len(devices):
        raise VoiceError("Este equipo no tiene tarjeta de sonido: practique en texto.")
    return [f"Bocina: {out_dev['name']}", f"Micrófono: {in_dev['name']}"]


OUTPUT_RATE = 22_050  # espeak-ng's own rate; telephone (8 kHz) and Piper clips are resampled


@dataclass
class DeviceSpeaker:
    """The default speaker, fed from a queue in PortAudio's callback: ``play`` returns at once
    (the microphone is read while the customer talks) and ``stop`` silences it mid-word."""

    rate: int = OUTPUT_RATE
    _pending: deque[np.ndarray] = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stream: Any = None

    def play(self, audio: Audio) -> None:
        samples = resample(audio, self.rate).samples.astype(np.float32)
        with self._lock:
            self._pending.append(samples)
        if self._stream is None:
            self._open()

    @property
    def busy(self) -> bool:
        with self._lock:
            return bool(self._pending)

    def stop(self) -> None:
        with self._lock:
            self._pending.clear()

    def finish(self, timeout: float = 30.0) -> None:
        """Let the last words be heard, then close the device."""
        waited = 0.0
        while self.busy and waited < timeout:
            time.sleep(0.05)
            waited += 0.05
        if self._stream is not None:
            try:
                self._stream.stop()
                self._stream.close()
            except Exception:  # noqa: BLE001 - closing a vanished device is not an error
                pass
            self._stream = None

    def _open(self) -> None:
        sd = _sounddevice()
        try:
            self._stream = sd.OutputStream(
                samplerate=self.rate, channels=1, dtype="float32", callback=self._fill
            )
            self._stream.start()
        except Exception as error:  # noqa: BLE001
            self._stream = None
            raise VoiceError(f"No se pudo reproducir el audio: {error}.") from None

    def _fill(self, out: np.ndarray, frames: int, when: Any, status: Any) -> None:
        filled = 0
        with self._lock:
            while filled < frames and self._pending:
                head = self._pending[0]
                take = min(frames - filled, len(head))
                out[filled : filled + take, 0] = head[:take]
                filled += take
                if take == len(head):
                    self._pending.popleft()
                else:
                    self._pending[0] = head[take:]
        out[filled:, 0] = 0.0


@dataclass
class DeviceMicrophone:
    """The default microphone at 16 kHz, in chunks, until ``stop()``."""

    _queue: queue.Queue[np.ndarray] = field(default_factory=queue.Queue)
    _running: bool = True

    def stop(self) -> None:
        self._running = False

    @property
    def backlog_seconds(self) -> float:
        """Audio heard but not read yet: how far the call's clock is behind real time."""
        return self._queue.qsize() * CHUNK_SECONDS

    def __iter__(self) -> Iterator[Audio]:
        sd = _sounddevice()

        def collect(data: np.ndarray, frames: int, when: Any, status: Any) -> None:
            self._queue.put(data[:, 0].copy())

        try:
            stream = sd.InputStream(
                samplerate=STT_RATE,
                channels=1,
                dtype="float32",
                blocksize=int(CHUNK_SECONDS * STT_RATE),
                callback=collect,
            )
        except Exception as error:  # noqa: BLE001
            raise VoiceError(
                f"No se pudo abrir el micrófono ({error}): ¿está conectado o lo usa otro programa?"
            ) from None
        with stream:
            while self._running:
                try:
                    yield Audio(self._queue.get(timeout=0.5), STT_RATE)
                except queue.Empty:
                    continue
