"""The customer's voice with Piper, when the user points the settings at a Piper voice file.

Piper (the ``piper-tts`` wheel: ONNX Runtime, no torch) sounds far more natural than espeak-ng,
but no Spanish voice can be installed offline, so it is used only when ``voice_piper_model``
names a voice: the ``.onnx`` file with its ``.onnx.json`` next to it. The voice is loaded and
tried once before the call; a missing, unreadable or broken voice is a Spanish message and the
customer speaks with espeak-ng instead (``customer_voice``). Personas keep their pace: the
persona's words per minute become Piper's length scale; multi-speaker voices give each espeak
variant (f3, f4, m3…) its own speaker.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from simulator.errors import VoiceError
from simulator.models.content import Voice
from simulator.voice.audio import Audio
from simulator.voice.tts import EspeakTTS, phone_band

REFERENCE_RATE = 160  # words a minute that Piper's length scale 1.0 stands for
_MAX_CHARS = 1000


def _config_path(model: Path) -> Path:
    return model.with_name(model.name + ".json")


@dataclass
class PiperTTS:
    """One Piper voice with one persona's pace; ``load`` before the call (seconds, once)."""

    model: Path
    voice: Voice = field(default_factory=Voice)
    telephone: bool = False
    _loaded: Any = None

    def load(self) -> Any:
        if self._loaded is not None:
            return self._loaded
        name = str(self.model)
        if self.model.suffix != ".onnx":
            raise VoiceError(f"La voz Piper «{name}» debe ser un archivo .onnx.")
        if not self.model.is_file():
            raise VoiceError(f"No se encontró la voz Piper «{name}».")
        config = _config_path(self.model)
        if not config.is_file():
            raise VoiceError(
                f"Falta «{config.name}» junto a la voz Piper «{name}» (cada voz .onnx trae su"
                " archivo .onnx.json)."
            )
        try:
            json.loads(config.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise VoiceError(f"«{config.name}» no es un JSON válido: {error}.") from None
        try:
            from piper import PiperVoice
        except ImportError:
            raise VoiceError(
                "No está instalado Piper (piper-tts). Instale el extra de voz:"
                " pip install -e '.[voice]'."
            ) from None
        try:
            self._loaded = PiperVoice.load(self.model, config_path=config)
            self._synthesize(self._loaded, "Hola.")  # a broken model fails here, not mid-call
        except VoiceError:
            raise
        except Exception as error:  # noqa: BLE001 - any model failure is a Spanish message
            self._loaded = None
            raise VoiceError(f"La voz Piper «{name}» no funciona: {error}.") from None
        return self._loaded

    def synthesize(self, text: str) -> Audio:
        voice = self.load()
        try:
            audio = self._synthesize(voice, text[:_MAX_CHARS])
        except Exception as error:  # noqa: BLE001
            raise VoiceError(f"Piper no pudo hablar: {error}.") from None
        return phone_band(audio) if self.telephone else audio

    def _synthesize(self, voice: Any, text: str) -> Audio:
        from piper import SynthesisConfig

        config = SynthesisConfig(
            length_scale=REFERENCE_RATE / self.voice.rate, speaker_id=self._speaker(voice)
        )
        chunks = list(voice.synthesize(text, syn_config=config))
        if not chunks:
            raise VoiceError("Piper no produjo audio para esa frase.")
        samples = np.concatenate([c.audio_float_array for c in chunks]).astype(np.float32)
        return Audio(samples, int(chunks[0].sample_rate))

    def _speaker(self, voice: Any) -> int | None:
        speakers = int(getattr(voice.config, "num_speakers", 1) or 1)
        if speakers <= 1:
            return None
        variant = self.voice.tts_voice.partition("+")[2] or "default"
        return sum(variant.encode()) % speakers


def customer_voice(
    voice: Voice, *, telephone: bool = False, piper_model: Path | None = None
) -> tuple[EspeakTTS | PiperTTS, str | None]:
    """The customer's voice and, when a configured Piper voice cannot be used, the Spanish reason
    (the call then speaks with espeak-ng)."""
    espeak = EspeakTTS(voice, telephone=telephone)
    if piper_model is None:
        return espeak, None
    piper = PiperTTS(piper_model, voice, telephone=telephone)
    try:
        piper.load()
    except VoiceError as error:
        return espeak, f"{error} El cliente hablará con espeak-ng."
    return piper, None
