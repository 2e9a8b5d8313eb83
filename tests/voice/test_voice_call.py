"""A whole spoken call, headless (issue 9 item 8): espeak-ng says the trainee's lines into WAV
files, the call hears them through VAD + Whisper, the customer answers through espeak-ng, the
transcript keeps when each turn was spoken, both sides are recorded, and the call is scored."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.language.normalize import normalize
from simulator.session.call import CallSession
from simulator.voice.call import StreamClock, VoiceCall
from simulator.voice.devices import WavMicrophone, WavSpeaker
from simulator.voice.stt import WhisperSTT
from simulator.voice.tts import EspeakTTS
from tests.voice.conftest import needs_voice_extra

LINES = [
    "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa?",
    "Le llamo porque tenemos un plan de internet para su casa. ¿Cómo usan el internet?",
    "Muchas gracias por su tiempo, que tenga buena tarde.",
]


@pytest.mark.parametrize("early", [None, 0.2], ids=["at-end-of-turn", "from-a-pause"])
def test_a_spoken_call_runs_end_to_end(
    whisper: WhisperSTT,
    speak_lines: Callable[[list[str]], list[Path]],
    tmp_path: Path,
    early: float | None,
) -> None:
    needs_voice_extra()
    from simulator.voice.turns import TurnDetector

    library = load_library()
    scenario = library.scenario("internet-veloz-hogar")
    persona = library.persona("amable")
    clock = StreamClock()
    session = CallSession(scenario, persona, seed=7, clock=clock)
    session.set_status("Disponible", automatic=True)
    speaker = WavSpeaker()
    call = VoiceCall(
        session=session,
        speaker=speaker,
        stt=whisper,
        tts=EspeakTTS(persona.voice),
        detector=TurnDetector(silence_seconds=0.6),
        clock=clock,
        early_seconds=early,
    )
    call.open()
    call.run(WavMicrophone(speak_lines(LINES), gap_seconds=1.2))

    agent = [t for t in session.transcript.turns if t.speaker == "agent"]
    customer = [t for t in session.transcript.turns if t.speaker == "customer"]
    assert len(agent) == len(LINES)
    assert "internet" in normalize(agent[1].text)
    assert all(t.start is not None and t.end is not None and t.end > t.start for t in agent)
    assert [t.start for t in agent] == sorted(t.start for t in agent)  # type: ignore[type-var]
    assert len(customer) >= len(LINES)  # the greeting, then an answer to every line
    assert len(call.timings) == len(LINES)
    assert all(t.stt > 0 and t.first_audio > 0 for t in call.timings)
    assert len(speaker.clips) >= len(customer)
    # both sides recorded: longer than the trainee's own audio
    assert call.recording.audio().seconds >= clock.now
    speaker.save(tmp_path / "cliente.wav")
    assert (tmp_path / "cliente.wav").stat().st_size > 10_000
    assert all(t.end is not None and t.start is not None and t.end > t.start for t in customer)
    card = session.hang_up().scorecard
    assert card is not None
    assert card.elements  # the spoken call is scored like a typed one
    # and gets the voice metrics of a spoken call
    assert session.transcript.mode == "voice"
    assert card.metrics["speech_rate_wpm"] is not None
    assert 60 < card.metrics["speech_rate_wpm"] < 260
    assert card.metrics["response_gap_ms"] is not None
    assert card.metrics["longest_monologue_seconds"] is not None
    assert 0 < card.metrics["agent_talk_share"] < 1
