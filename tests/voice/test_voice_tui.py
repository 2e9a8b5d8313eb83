"""Voice on the TUI call screen with the real engines and no sound card: the settings point the
microphone at WAV files espeak-ng made of the trainee's lines and the customer's voice at a WAV
file. F9 turns voice on; each line is heard (Silero VAD + Whisper), goes into the conversation
the typed line's way, the customer answers in the conversation and in the WAV, the turns keep
their spoken times, the recording is saved, and the results show the voice metrics. A machine
with no sound card gets a Spanish message and the call goes on in text."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from simulator.language.normalize import normalize
from simulator.voice.audio import read_wav
from simulator.voice.stt import WhisperSTT
from tests.tui.fakes import FixedClock
from tests.tui.pilot_helpers import hang_up_and_finish, login, open_scenario, say, settle, wait_for
from tests.voice.conftest import needs_voice_extra

SIZE = (100, 34)
LINES = [
    "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa?",
    "Le llamo porque tenemos un plan de internet para su casa. ¿Cómo usan el internet?",
]


@pytest.fixture()
def voice_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "config.toml"))
    monkeypatch.setenv("SIMULADOR_LEARNED_ACTS", "false")
    yield tmp_path / "data"


def build(whisper: WhisperSTT | None = None) -> Any:
    from simulator.services import build_services
    from simulator.settings import load_settings

    services = build_services(load_settings())
    if whisper is not None:
        services.voice.stt = whisper  # one Whisper for the whole test run
    return services


def transcript_text(call: Any) -> str:
    return " ".join(" ".join(strip.text for strip in call.log_view.lines).split())


async def _answered(pilot: Any) -> Any:
    await login(pilot, "Mariana")
    call = await open_scenario(pilot, "internet-veloz-hogar", seed=7)
    await pilot.press("f2", "f3")
    await settle(pilot)
    return call


async def test_a_spoken_line_reaches_the_customer_who_answers_aloud(
    whisper: WhisperSTT,
    speak_lines: Callable[[list[str]], list[Path]],
    voice_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    needs_voice_extra()
    from simulator.tui.app import SimuladorApp

    monkeypatch.setenv(
        "SIMULADOR_VOICE_INPUT_WAVS", json.dumps([str(p) for p in speak_lines(LINES)])
    )
    monkeypatch.setenv("SIMULADOR_VOICE_OUTPUT_WAV", str(tmp_path / "cliente.wav"))
    services = build(whisper)
    app = SimuladorApp(services=services, settings=services.settings, clock=FixedClock())
    try:
        async with app.run_test(size=SIZE) as pilot:
            call = await _answered(pilot)
            await say(pilot, "Hola, buenas tardes.")  # typed first: voice joins a call under way
            await pilot.press("f9")
            await wait_for(pilot, lambda: call.voice_stretches == 1, "(voz encendida)")
            # the WAV microphone ends after the two lines: voice stops by itself, saves the audio
            await wait_for(pilot, lambda: "Grabación guardada" in transcript_text(call), "(fin)")
            await settle(pilot)

            turns = call.session.transcript.turns
            agent = [t for t in turns if t.speaker == "agent"]
            assert len(agent) == 1 + len(LINES), [t.text for t in agent]
            heard = [normalize(t.text) for t in agent[1:]]
            assert "tardes" in heard[0]  # espeak-ng is a robot voice: names come out odd
            assert "internet" in heard[1]
            text = transcript_text(call)
            for turn in agent[1:]:
                assert f"Usted: {turn.text}" in " ".join(text.split())
            # every spoken line got an answer, shown and played
            assert turns[-1].speaker == "customer"
            answers = [t for t in turns if t.speaker == "customer"]
            assert len(answers) >= 1 + 1 + len(LINES)  # greeting, the typed line, the spoken ones
            assert f"Cliente: {answers[-1].text}" in text
            played = read_wav(tmp_path / "cliente.wav")
            assert played.seconds > 2.0
            # one time line: spoken turns are timed by the microphone, after the typed one
            typed_end = float(agent[0].end or 0.0)
            for turn in agent[1:]:
                assert turn.start is not None and turn.end is not None
                assert typed_end <= turn.start < turn.end
            assert call.session.transcript.mode == "voice"
            assert "El micrófono dejó de enviar audio" in text
            assert call.voice_link is None and call.softphone.voice == "Voz: apagada"
            recordings = list((voice_env / "grabaciones").glob("*.wav"))
            assert recordings and recordings[0].stat().st_mode & 0o777 == 0o600
            assert read_wav(recordings[0]).seconds > played.seconds  # both sides

            await say(pilot, "Muchas gracias por su tiempo, que tenga buena tarde.")  # text again
            await hang_up_and_finish(pilot)
            results: Any = app.screen
            assert type(results).__name__ == "ResultsScreen"
            card = results.card
            assert card is not None and card.metrics["speech_rate_wpm"] is not None
            assert card.metrics["response_gap_ms"] is not None
    finally:
        services.close()


async def test_no_sound_card_gives_a_spanish_message_and_the_call_goes_on_in_text(
    voice_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simulator.tui.app import SimuladorApp
    from simulator.voice import devices

    class NoSoundCard:
        def query_devices(self, kind: str | None = None) -> Any:
            if kind is not None:
                raise ValueError("No input device matching")
            return []

    monkeypatch.setattr(devices, "_sounddevice", lambda: NoSoundCard())
    services = build()
    app = SimuladorApp(services=services, settings=services.settings, clock=FixedClock())
    try:
        async with app.run_test(size=SIZE) as pilot:
            call = await _answered(pilot)
            await pilot.press("f9")
            await wait_for(pilot, lambda: not call.voice_opening, "(voz rechazada)")
            await settle(pilot)
            text = transcript_text(call)
            assert "No se pudo encender la voz" in text
            assert "bocina o micrófono" in text or "tarjeta de sonido" in text
            assert "La llamada sigue en texto; nada se perdió." in text
            assert call.voice_link is None and call.softphone.voice == "Voz: apagada"
            before = len(call.session.transcript.turns)
            await say(pilot, "Buenas tardes, ¿hablo con la señora Rosa?")
            assert len(call.session.transcript.turns) == before + 2
            assert call.session.transcript.mode == "text"
    finally:
        services.close()
