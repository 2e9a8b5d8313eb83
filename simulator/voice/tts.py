"""The customer's voice: espeak-ng, one persona one voice, sentence by sentence.

Each persona file has a ``voice`` block (espeak voice and variant, rate in words per minute,
pitch), so an impatient man and a chatty woman sound different. A long reply is synthesized one
sentence at a time: the first sentence plays while the rest is still being made. The telephone
option band-limits the voice to 300–3400 Hz at 8 kHz, as a call centre headset hears it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from simulator.errors import VoiceError
from simulator.models.content import Voice
from simulator.voice.audio import PHONE_RATE, Audio, from_wav_bytes, resample

_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[¿¡«\"A-ZÁÉÍÓÚÑ0-9])")
_TIMEOUT_SECONDS = 20
_MAX_CHARS = 1000


def sentences(text: str) -> list[str]:
    """The sentences of a reply, in order («Sí, claro. ¿Y cuánto cuesta?» → two)."""
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]


def phone_band(audio: Audio) -> Audio:
    """The voice as a phone line carries it: 300–3400 Hz, 8 kHz."""
    narrow = resample(audio, PHONE_RATE)
    spectrum = np.fft.rfft(narrow.samples)
    freqs = np.fft.rfftfreq(len(narrow.samples), d=1.0 / PHONE_RATE)
    spectrum[(freqs < 300) | (freqs > 3400)] = 0
    return Audio(np.fft.irfft(spectrum, n=len(narrow.samples)).astype(np.float32), PHONE_RATE)


@dataclass(frozen=True)
class EspeakTTS:
    """espeak-ng with one persona's voice settings."""

    voice: Voice
    telephone: bool = False
    binary: str = "espeak-ng"

    def available(self) -> bool:
        return shutil.which(self.binary) is not None

    def synthesize(self, text: str) -> Audio:
        if not self.available():
            raise VoiceError(
                "No se encontró espeak-ng, la voz del cliente. Instálelo (make run lo instala en"
                " Debian: apt-get install espeak-ng); mientras tanto la llamada sigue en texto."
            )
        command = [
            self.binary,
            "--stdout",
            "-v",
            self.voice.tts_voice,
            "-s",
            str(self.voice.rate),
            "-p",
            str(self.voice.pitch),
            text[:_MAX_CHARS],
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=_TIMEOUT_SECONDS, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise VoiceError(f"espeak-ng no pudo hablar: {error}.") from None
        if done.returncode != 0 or not done.stdout:
            detail = done.stderr.decode("utf-8", "replace").strip() or f"código {done.returncode}"
            raise VoiceError(
                f"espeak-ng no pudo hablar con la voz «{self.voice.tts_voice}»: {detail}."
            )
        audio = from_wav_bytes(done.stdout, "espeak-ng")
        return phone_band(audio) if self.telephone else audio

    def stream(self, text: str) -> Iterator[Audio]:
        """One clip per sentence, each ready as soon as it is made."""
        for sentence in sentences(text):
            yield self.synthesize(sentence)
