"""Mono audio as numpy arrays, and the WAV files that carry it in and out.

Every stage (TTS, VAD, STT, recording) speaks this one type: float32 samples in [-1, 1] at a known
rate. WAV I/O uses the standard ``wave`` module (16-bit PCM), so no audio library is needed to
read a test recording or to save a call.
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from simulator.errors import InputError

STT_RATE = 16_000  # Whisper and the VAD both take 16 kHz
PHONE_RATE = 8_000  # the telephone band
_INT16 = 32767.0


@dataclass(frozen=True)
class Audio:
    samples: np.ndarray  # float32, mono, in [-1, 1]
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate if self.rate else 0.0

    def slice(self, start: float, end: float) -> Audio:
        a, b = int(start * self.rate), int(end * self.rate)
        return Audio(self.samples[max(a, 0) : max(b, 0)], self.rate)


def silence(seconds: float, rate: int = STT_RATE) -> Audio:
    return Audio(np.zeros(int(seconds * rate), dtype=np.float32), rate)


def concat(parts: list[Audio], rate: int = STT_RATE) -> Audio:
    same = [resample(p, rate).samples for p in parts]
    return Audio(np.concatenate(same) if same else np.zeros(0, np.float32), rate)


def resample(audio: Audio, rate: int) -> Audio:
    """``audio`` at ``rate`` (linear interpolation; downsampling first removes what the lower rate
    cannot carry with a moving average, enough for speech)."""
    if audio.rate == rate or not len(audio.samples):
        return Audio(audio.samples.astype(np.float32), rate)
    samples = audio.samples.astype(np.float32)
    if rate < audio.rate:
        width = max(int(round(audio.rate / rate)), 1)
        kernel = np.ones(width, np.float32) / width
        samples = np.convolve(samples, kernel, mode="same").astype(np.float32)
    n = int(round(len(samples) * rate / audio.rate))
    old = np.linspace(0.0, 1.0, num=len(samples), endpoint=False)
    new = np.linspace(0.0, 1.0, num=n, endpoint=False)
    return Audio(np.interp(new, old, samples).astype(np.float32), rate)


def from_wav_bytes(data: bytes, source: str = "audio") -> Audio:
    """Decode a 16-bit PCM WAV (mono or the first channel of stereo)."""
    try:
        with wave.open(io.BytesIO(data)) as wav:
            width, channels, rate = wav.getsampwidth(), wav.getnchannels(), wav.getframerate()
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as error:
        raise InputError(f"no es un archivo WAV válido ({error}).", path=source) from None
    if width != 2:
        raise InputError("se esperaba audio PCM de 16 bits.", path=source)
    samples = np.frombuffer(frames, dtype="<i2").astype(np.float32) / _INT16
    if channels > 1:
        samples = samples[::channels]
    return Audio(samples, rate)


def to_wav_bytes(audio: Audio) -> bytes:
    clipped = np.clip(audio.samples, -1.0, 1.0)
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(audio.rate)
        wav.writeframes((clipped * _INT16).astype("<i2").tobytes())
    return out.getvalue()


def read_wav(path: Path) -> Audio:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"no se pudo leer el audio ({error.strerror}).", path=str(path)) from None
    return from_wav_bytes(data, str(path))


def write_wav(path: Path, audio: Audio) -> None:
    """Write atomically: a half-written recording never replaces a good one."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(to_wav_bytes(audio))
    tmp.replace(path)
