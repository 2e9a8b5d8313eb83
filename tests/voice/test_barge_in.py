"""Barge-in (issue 9 item 4): when the trainee talks over the customer, playback stops (except for
personas that do not yield), the customer's turn ends where they stopped, the interruption is
recorded as an event and counts in the voice metrics and the ENC item «Interrumpe al cliente».

The trainee's lines are spoken by espeak-ng into WAV files; a polite WAV microphone waits for the
customer to finish, except on the line marked to interrupt, which starts while they talk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from simulator.content.library import load_library
from simulator.models.transcript import Event, Transcript, Turn
from simulator.scoring.engine import score_with_context
from simulator.scoring.metrics import interruptions
from simulator.session.call import CallSession
from simulator.voice.audio import Audio
from simulator.voice.call import CustomerSpeech, StreamClock, VoiceCall
from simulator.voice.devices import WavMicrophone, WavSpeaker
from simulator.voice.tts import EspeakTTS
from tests.voice.conftest import needs_voice_extra

LINES = [
    "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa?",
    "Le llamo porque tenemos un plan de internet para su casa. ¿Cómo usan el internet en su casa?",
    "Perdón, ¿cuántas personas se conectan?",
    "Muchas gracias por su tiempo, que tenga buena tarde.",
]
TALKS_OVER = {2: 0.8}  # this line starts 0.8 s after the customer starts answering the one before
GREETING_TALKED_OVER = {0: 0.5}  # the first line starts 0.5 s into the customer's «¿Bueno?…»


class ScriptedSTT:
    """Hears the lines in order (the VAD still decides when the trainee talks and stops)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = list(lines)

    def transcribe(self, audio: Audio) -> str:
        return self.lines.pop(0) if self.lines else ""


def _call(persona_id: str, stt: Any, barge_in: float | None = 0.3) -> tuple[VoiceCall, WavSpeaker]:
    needs_voice_extra()
    from simulator.voice.turns import TurnDetector

    library = load_library()
    persona = library.persona(persona_id)
    clock = StreamClock()
    session = CallSession(library.scenario("internet-veloz-hogar"), persona, seed=7, clock=clock)
    session.set_status("Disponible", automatic=True)
    speaker = WavSpeaker(clock=clock)
    call = VoiceCall(
        session=session,
        speaker=speaker,
        stt=stt,
        tts=EspeakTTS(persona.voice),
        detector=TurnDetector(silence_seconds=0.6),
        clock=clock,
        barge_in_seconds=barge_in,
        # a scripted recognizer hears one line per transcription: no early guesses at pauses
        early_seconds=None if isinstance(stt, ScriptedSTT) else 0.2,
    )
    return call, speaker


def _talk(call: VoiceCall, paths: list[Path], interrupt: dict[int, float] = TALKS_OVER) -> None:
    call.open()
    call.run(WavMicrophone(paths, 1.1, customer=lambda: call.customer_speech, interrupt=interrupt))


def _interruptions(call: VoiceCall) -> list[Event]:
    return [e for e in call.session.transcript.events if e.type == "interruption"]


def test_a_customer_who_yields_stops_when_talked_over(
    whisper: Any, speak_lines: Callable[[list[str]], list[Path]]
) -> None:
    # real Whisper hears the trainee; the greeting «¿Bueno? Buenas tardes.» is talked over
    call, speaker = _call("amable", whisper)
    _talk(call, speak_lines(LINES), GREETING_TALKED_OVER)
    turns = call.session.transcript.turns
    (event,) = _interruptions(call)
    assert event.value == "agente" and event.reason == "yielded"
    assert event.after_turn == 1
    cut = turns[0]
    assert cut.speaker == "customer"
    assert cut.end == event.t  # the customer's turn ends where they stopped
    assert cut.text.endswith("…")
    assert cut.start is not None and 0.6 < event.t - cut.start < 1.5  # 0.5 s + the 0.3 s threshold
    # the interrupting line is heard as the trainee's next turn, and answered
    after = turns[1]
    assert after.speaker == "agent" and after.start is not None and after.start < event.t
    assert after.text == call.heard[0]
    assert turns[2].speaker == "customer"
    assert len([t for t in turns if t.speaker == "agent"]) == len(LINES)
    assert speaker.stops == 1
    # the rest of the customer's words are neither played nor recorded; the trainee still is
    next_start = turns[event.after_turn + 1].start  # type: ignore[operator]
    assert next_start is not None and next_start > event.t + 0.5
    rate = call.recording.rate
    until = int((next_start - 0.01) * rate)  # turn times are kept to 0.01 s
    customer = call.recording.customer[int((event.t + 0.05) * rate) : until]
    trainee = call.recording.agent[int((event.t + 0.05) * rate) : until]
    assert float(np.abs(customer).max(initial=0.0)) == 0.0
    assert float(np.abs(trainee).max(initial=0.0)) > 0.05
    assert call.session.transcript.format == "simulador.transcript/2"
    card = call.session.hang_up().scorecard
    assert card is not None
    assert card.metrics["interruptions"] == 1
    assert "interrupting" in [e.code for e in card.non_critical_errors]
    # and the transcript with its event reads back
    again = Transcript.model_validate_json(call.session.transcript.model_dump_json())
    assert [e.reason for e in again.events if e.type == "interruption"] == ["yielded"]


def test_a_customer_who_does_not_yield_keeps_talking(
    speak_lines: Callable[[list[str]], list[Path]],
) -> None:
    call, speaker = _call("molesto", ScriptedSTT(LINES))
    assert call.session.persona.voice.yields_to_interruption is False
    _talk(call, speak_lines(LINES))
    turns = call.session.transcript.turns
    (event,) = _interruptions(call)
    assert event.reason == "kept_talking"
    talked_over = turns[event.after_turn - 1]  # type: ignore[operator]
    assert talked_over.end is not None and talked_over.end > event.t + 0.5  # not cut
    assert not talked_over.text.endswith("…")
    assert speaker.stops == 0
    # the answer to the interrupting line waits until the customer has finished
    answer = turns[event.after_turn + 1]  # type: ignore[operator]
    assert answer.speaker == "customer" and answer.start is not None
    assert answer.start >= talked_over.end
    card = call.session.hang_up().scorecard
    assert card is not None and card.metrics["interruptions"] == 1


def test_without_barge_in_the_customer_is_never_stopped(
    speak_lines: Callable[[list[str]], list[Path]],
) -> None:
    call, speaker = _call("amable", ScriptedSTT(LINES), barge_in=None)
    _talk(call, speak_lines(LINES))
    assert _interruptions(call) == []
    assert speaker.stops == 0
    assert call.session.transcript.format == "simulador.transcript/1"


def test_a_cut_turn_keeps_the_words_said_by_then() -> None:
    speech = CustomerSpeech(
        turn=3, parts=[("Sí, claro.", 10.0, 11.0), ("Mis niños están en clases.", 11.0, 13.0)]
    )
    assert speech.said_until(13.0) == "Sí, claro. Mis niños están en clases."
    assert speech.said_until(12.0) == "Sí, claro. Mis niños…"
    assert speech.said_until(10.1) == "Sí,…"  # at least the first word
    speech.cut(12.0)
    assert speech.end == 12.0


def test_the_wav_speaker_stops_mid_clip() -> None:
    clock = StreamClock()
    speaker = WavSpeaker(clock=clock)
    one = Audio(np.ones(16000, np.float32) * 0.1, 16000)
    speaker.play(one)
    speaker.play(one)  # queued after the first: 1.0–2.0 s
    clock.now = 0.5
    assert speaker.busy
    speaker.stop()
    assert [round(c.seconds, 2) for c in speaker.clips] == [0.5]
    assert not speaker.busy


def test_the_sound_card_speaker_plays_in_the_background(monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.voice import devices

    opened: list[Any] = []

    class Stream:
        def __init__(self, **kwargs: Any) -> None:
            self.callback = kwargs["callback"]
            self.rate = kwargs["samplerate"]
            opened.append(self)

        def start(self) -> None: ...
        def stop(self) -> None: ...
        def close(self) -> None: ...

    class FakeSoundDevice:
        OutputStream = Stream

    monkeypatch.setattr(devices, "_sounddevice", lambda: FakeSoundDevice)
    speaker = devices.DeviceSpeaker()
    speaker.play(Audio(np.full(22050, 0.5, np.float32), 22050))  # returns at once
    assert speaker.busy and len(opened) == 1
    out = np.zeros((1000, 1), np.float32)
    opened[0].callback(out, 1000, None, None)
    assert np.allclose(out[:, 0], 0.5)  # the card pulls what was queued
    speaker.stop()  # barge-in: the rest is dropped
    assert not speaker.busy
    opened[0].callback(out, 1000, None, None)
    assert np.allclose(out[:, 0], 0.0)
    speaker.finish()


def test_an_interruption_event_counts_even_without_overlapping_times() -> None:
    transcript = Transcript(
        mode="voice",
        turns=[
            Turn(speaker="customer", text="¿Bueno?", start=0.0, end=1.0),
            Turn(speaker="agent", text="Buenas tardes.", start=2.0, end=3.0),
            Turn(speaker="customer", text="Mis niños…", start=3.5, end=4.7),
            Turn(speaker="agent", text="¿Cuántos se conectan?", start=4.7, end=6.0),
            Turn(speaker="customer", text="Cuatro.", start=6.5, end=7.0),
        ],
        events=[Event(type="interruption", t=4.7, value="agente", after_turn=3, reason="yielded")],
    )
    assert transcript.format == "simulador.transcript/2"  # an event of /2 makes it /2
    card, ctx = score_with_context(transcript)
    assert interruptions(ctx) == [4]  # the agent turn after the customer turn talked over
    assert card.metrics["interruptions"] == 1
    (error,) = [e for e in card.non_critical_errors if e.code == "interrupting"]
    assert error.turn == 4


def test_personas_that_do_not_yield() -> None:
    library = load_library()
    stubborn = {p.id for p in library.personas.values() if not p.voice.yields_to_interruption}
    assert stubborn == {"molesto", "platicador"}


def test_a_sound_card_microphone_behind_real_time_delays_the_customer_on_the_clock(
    speak_lines: Callable[[list[str]], list[Path]],
) -> None:
    """While a turn is transcribed the sound card keeps recording; the customer starts speaking
    when the stream's clock has caught up, so their turn (and barge-in) is placed that much later."""
    paths = speak_lines(LINES[:1])

    class LateMicrophone:
        backlog_seconds = 0.4

        def __iter__(self):  # type: ignore[no-untyped-def]
            return iter(WavMicrophone(paths, 1.5))

    starts = []
    for microphone in (WavMicrophone(paths, 1.5), LateMicrophone()):
        call, _ = _call("amable", ScriptedSTT(LINES))
        call.open()
        call.run(microphone)
        agent, answer = call.session.transcript.turns[1:3]
        assert answer.speaker == "customer" and answer.start is not None
        starts.append(answer.start)
    assert starts[1] - starts[0] == pytest.approx(0.4, abs=0.02)
