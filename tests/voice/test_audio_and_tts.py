"""Audio plumbing and the customer's voice (issue 9 item 2): WAV in and out, resampling, the
telephone band, one voice per persona, sentence by sentence."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.content.library import load_library
from simulator.errors import InputError, VoiceError
from simulator.models.content import Voice
from simulator.voice.audio import Audio, from_wav_bytes, read_wav, resample, to_wav_bytes
from simulator.voice.tts import EspeakTTS, phone_band, sentences
from tests.voice.conftest import needs_espeak


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(-1.0, 1.0, width=32), min_size=0, max_size=400),
    st.sampled_from([8000, 16000, 22050]),
)
def test_wav_round_trip_keeps_the_samples(values: list[float], rate: int) -> None:
    audio = Audio(np.array(values, dtype=np.float32), rate)
    back = from_wav_bytes(to_wav_bytes(audio))
    assert back.rate == rate
    assert len(back.samples) == len(values)
    assert np.allclose(back.samples, audio.samples, atol=1e-4)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=200))
def test_garbage_is_a_spanish_input_error(data: bytes) -> None:
    try:
        from_wav_bytes(data, "grabacion.wav")
    except InputError as error:
        assert str(error).startswith("grabacion.wav: ")
        assert "WAV" in str(error) or "16 bits" in str(error)


def test_a_missing_file_is_a_spanish_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no se pudo leer el audio"):
        read_wav(tmp_path / "no-existe.wav")


def test_resampling_keeps_the_duration() -> None:
    tone = Audio(np.sin(np.linspace(0, 2000, 22050)).astype(np.float32), 22050)
    for rate in (8000, 16000, 44100):
        out = resample(tone, rate)
        assert out.rate == rate
        assert abs(out.seconds - 1.0) < 0.01


def test_the_telephone_band_drops_what_a_phone_line_cannot_carry() -> None:
    t = np.arange(16000) / 16000
    low, mid = np.sin(2 * np.pi * 100 * t), np.sin(2 * np.pi * 1000 * t)
    narrow = phone_band(Audio((0.4 * low + 0.4 * mid).astype(np.float32), 16000))
    assert narrow.rate == 8000
    spectrum = np.abs(np.fft.rfft(narrow.samples))
    freqs = np.fft.rfftfreq(len(narrow.samples), 1 / 8000)
    assert spectrum[np.argmin(abs(freqs - 100))] < 0.01 * spectrum[np.argmin(abs(freqs - 1000))]


def test_a_reply_is_spoken_sentence_by_sentence() -> None:
    assert sentences("Sí, claro. ¿Y cuánto cuesta al mes? Ok… bueno.") == [
        "Sí, claro.",
        "¿Y cuánto cuesta al mes?",
        "Ok… bueno.",
    ]
    assert sentences("  ") == []


def test_each_persona_sounds_different() -> None:
    needs_espeak()
    library = load_library()
    line = "Pues fíjese que ahorita no tengo mucho tiempo, ¿de qué se trata?"
    seconds = {
        name: EspeakTTS(library.persona(name).voice).synthesize(line).seconds
        for name in ("impaciente", "callado")
    }
    # the impatient man talks faster than the quiet one (190 vs 135 words a minute)
    assert seconds["impaciente"] < 0.85 * seconds["callado"]
    voices = {p.voice.tts_voice for p in library.personas.values()}
    assert len(voices) >= 3


def test_the_telephone_option_speaks_at_8_khz() -> None:
    needs_espeak()
    audio = EspeakTTS(Voice(), telephone=True).synthesize("Bueno, ¿quién habla?")
    assert audio.rate == 8000
    assert audio.seconds > 0.5
    assert float(np.abs(audio.samples).max()) > 0.05


def test_no_espeak_is_a_spanish_voice_error() -> None:
    with pytest.raises(VoiceError, match="No se encontró espeak-ng"):
        EspeakTTS(Voice(), binary="espeak-ng-que-no-existe").synthesize("Hola")
