"""Voice settings for the app (mode in Spanish or English, from the file or the environment, WAV
seams) and a call that switches to the microphone's clock and back without time going back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.errors import InputError
from simulator.session.call import CallSession
from simulator.settings import load_settings


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    config = tmp_path / "config.toml"
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(config))
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    return config


def test_voice_is_off_unless_asked(env: Path) -> None:
    settings = load_settings()
    assert settings.voice_mode == "off"
    assert settings.voice_input_wavs == [] and settings.voice_output_wav is None
    assert settings.voice_ptt_release_seconds == 0.5


@pytest.mark.parametrize(
    ("written", "mode"),
    [
        ("manos libres", "hands_free"),
        ("Manos-Libres", "hands_free"),
        ("pulsar para hablar", "push_to_talk"),
        ("pulsar", "push_to_talk"),
        ("apagada", "off"),
        ("push_to_talk", "push_to_talk"),
    ],
)
def test_the_voice_mode_may_be_written_in_spanish(env: Path, written: str, mode: str) -> None:
    env.write_text(f'voice_mode = "{written}"\n', "utf-8")
    assert load_settings().voice_mode == mode


def test_environment_seams_for_mode_and_wav_files(
    env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIMULADOR_VOICE_MODE", "manos libres")
    monkeypatch.setenv("SIMULADOR_VOICE_INPUT_WAVS", f'["{tmp_path}/a.wav", "~/b.wav"]')
    monkeypatch.setenv("SIMULADOR_VOICE_OUTPUT_WAV", str(tmp_path / "cliente.wav"))
    settings = load_settings()
    assert settings.voice_mode == "hands_free"
    assert settings.voice_input_wavs[0] == tmp_path / "a.wav"
    assert settings.voice_input_wavs[1] == Path("~/b.wav").expanduser()
    assert settings.voice_output_wav == tmp_path / "cliente.wav"


def test_a_bad_voice_mode_is_a_spanish_error_at_its_line(env: Path) -> None:
    env.write_text('theme = "dark"\nvoice_mode = "a gritos"\n', "utf-8")
    with pytest.raises(InputError) as raised:
        load_settings()
    message = str(raised.value)
    assert "voice_mode" in message and "debe ser uno de" in message and ":2" in message


def test_a_call_takes_the_microphone_clock_and_gives_it_back_without_going_back(
    env: Path,
) -> None:
    library = load_library()
    scenario = library.scenario("internet-veloz-hogar")
    session = CallSession(scenario, library.persona("amable"), seed=3)
    session.set_status("Disponible")
    session.start()
    session.agent_says("Buenas tardes, le habla Mariana de Internet Veloz.")
    typed = session.elapsed
    assert typed > 0

    heard = [typed]  # the microphone's clock starts where the call is (VoiceLink.start_at)
    session.use_clock(lambda: heard[0])
    assert session.elapsed == pytest.approx(typed)
    heard[0] = typed + 4.0
    session.agent_says("¿Cómo usan el internet en su casa?", spoken=(typed + 1.0, typed + 3.5))
    turn = [t for t in session.transcript.turns if t.speaker == "agent"][-1]
    assert (turn.start, turn.end) == (round(typed + 1.0, 2), round(typed + 3.5, 2))
    assert session.elapsed == pytest.approx(typed + 4.0)

    session.use_clock(None)  # voice off: simulated time goes on from there
    assert session.elapsed == pytest.approx(typed + 4.0)
    session.agent_says("Le ofrezco el plan de 200 megas.")
    assert session.elapsed > typed + 4.0
