"""Where the audio comes from and goes to: the sound card, or WAV files.

``WavMicrophone`` and ``WavSpeaker`` let a whole voice call run headless (tests, CI, benches).
The sound-card backend uses sounddevice (PortAudio); with no sound card, no microphone or a busy
device it raises ``VoiceError`` with a Spanish message, and the call goes on in text.
"""

from __future__ import annotations

import queue
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from simulator.errors import VoiceError
from simulator.voice.audio import STT_RATE, Audio, concat, read_wav, silence, write_wav

CHUNK_SECONDS = 0.1


@dataclass
class WavMicrophone:
    """Plays WAV files as if the trainee spoke them, in chunks, with silence in between."""

    paths: list[Path]
    gap_seconds: float = 1.0

    def audio(self) -> Audio:
        parts: list[Audio] = [silence(0.3)]
        for path in self.paths:
            parts += [read_wav(path), silence(self.gap_seconds)]
        return concat(parts, STT_RATE)

    def __iter__(self) -> Iterator[Audio]:
        whole = self.audio()
        step = int(CHUNK_SECONDS * whole.rate)
        for start in range(0, len(whole.samples), step):
            yield Audio(whole.samples[start : start + step], whole.rate)


@dataclass
class WavSpeaker:
    """Keeps what would have been played; ``save`` writes it as one WAV."""

    clips: list[Audio] = field(default_factory=list)

    def play(self, audio: Audio) -> None:
        self.clips.append(audio)

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


@dataclass
class DeviceSpeaker:
    def play(self, audio: Audio) -> None:
        sd = _sounddevice()
        try:
            sd.play(audio.samples, audio.rate, blocking=True)
        except Exception as error:  # noqa: BLE001
            raise VoiceError(f"No se pudo reproducir el audio: {error}.") from None


@dataclass
class DeviceMicrophone:
    """The default microphone at 16 kHz, in chunks, until ``stop()``."""

    _queue: queue.Queue[np.ndarray] = field(default_factory=queue.Queue)
    _running: bool = True

    def stop(self) -> None:
        self._running = False

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
