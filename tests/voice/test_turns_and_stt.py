"""Turn-taking and the trainee's speech (issue 9 items 3-4): Silero VAD cuts utterances, a short
«sí» does not wait as long as a long turn, a click is no turn; Whisper base (shipped on PyPI)
understands espeak-ng's Spanish and drops what it makes up from silence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from simulator.language.normalize import normalize
from simulator.voice.audio import Audio, concat, read_wav, silence
from simulator.voice.stt import WhisperSTT, clean_transcription
from tests.voice.conftest import needs_voice_extra


def _detector(silence_seconds: float = 0.6):  # type: ignore[no-untyped-def]
    needs_voice_extra()
    from simulator.voice.turns import TurnDetector

    return TurnDetector(silence_seconds=silence_seconds)


def _feed(detector, audio: Audio) -> list:  # type: ignore[no-untyped-def]
    out = []
    step = int(0.1 * audio.rate)
    for start in range(0, len(audio.samples), step):
        out += list(detector.feed(Audio(audio.samples[start : start + step], audio.rate)))
    return out + list(detector.flush())


def test_utterances_are_cut_at_the_silences(speak_lines: Callable[[list[str]], list[Path]]) -> None:
    long, short = (read_wav(p) for p in speak_lines(["Buenas tardes, le habla Mariana.", "Sí."]))
    stream = concat([silence(0.5), long, silence(1.2), short, silence(1.2)])
    found = _feed(_detector(), stream)
    assert len(found) == 2
    first, second = found
    assert 0.2 <= first.start <= 0.6
    assert abs(first.end - (0.5 + long.seconds)) < 0.5
    assert second.start > first.end + 0.8
    assert second.audio.seconds < first.audio.seconds


def test_a_short_answer_is_taken_before_a_long_turns_silence(
    speak_lines: Callable[[list[str]], list[Path]],
) -> None:
    (short,) = (read_wav(p) for p in speak_lines(["Sí."]))
    # 0.45 s of silence after «sí» is enough to end it, though a long turn needs 1.0 s
    found = _feed(_detector(silence_seconds=1.0), concat([silence(0.4), short, silence(0.45)]))
    assert len(found) == 1


def test_a_click_is_no_turn() -> None:
    click = np.zeros(16000, np.float32)
    click[8000:8040] = 0.9
    assert _feed(_detector(), Audio(click, 16000)) == []


@pytest.mark.parametrize(
    ("made_up", "kept"),
    [
        ("¡Suscríbete al canal!", ""),
        ("Gracias por ver.", ""),
        ("   ", ""),
        ("Buenas tardes. Gracias por ver el video", "Buenas tardes"),
        ("¿Me da su nombre, por favor?", "¿Me da su nombre, por favor?"),
    ],
)
def test_whispers_inventions_are_dropped(made_up: str, kept: str) -> None:
    assert clean_transcription(made_up) == kept


def test_whisper_understands_the_trainee(
    whisper: WhisperSTT, speak_lines: Callable[[list[str]], list[Path]]
) -> None:
    (path,) = speak_lines(["¿Cómo usan el internet en su casa?"])
    heard = normalize(whisper.transcribe(read_wav(path)))
    assert "internet" in heard
    assert "casa" in heard


def test_silence_is_heard_as_nothing(whisper: WhisperSTT) -> None:
    assert whisper.transcribe(silence(2.0)) == ""
    assert whisper.transcribe(silence(0.05)) == ""
