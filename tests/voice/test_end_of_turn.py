"""The end of the trainee's turn (issue 9 item 4): short answers and finished questions do not wait
the long silence, a hesitation or a pause mid-sentence does not cut the trainee, and Whisper's
trimmed window stays within its bounds. The call tests use a loudness VAD and a scripted STT, so
they are exact and need no model; ``test_voice_call.py`` runs the real ones end to end."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.content.library import load_library
from simulator.errors import SimuladorError
from simulator.session.call import CallSession
from simulator.voice.audio import Audio, concat, silence
from simulator.voice.call import StreamClock, VoiceCall
from simulator.voice.devices import WavSpeaker
from simulator.voice.endpoint import EndOfTurn, _plain, words
from simulator.voice.stt import (
    BUCKET_FRAMES,
    FULL_FRAMES,
    MIN_FRAMES,
    PAD_FRAMES,
    _compression_ratio,
    window_frames,
)
from simulator.voice.turns import TurnDetector, Utterance


@pytest.mark.parametrize(
    ("heard", "verdict"),
    [
        ("Sí.", "now"),
        ("¡Ajá!", "now"),
        ("De acuerdo", "now"),
        ("¿Cómo usan el internet en su casa?", "now"),
        ("Me regala su nombre completo, por favor.", "now"),
        ("Muchas gracias por su tiempo, que tenga excelente tarde.", "now"),
        ("Le llamo porque", "hold"),
        ("El plan cuesta 499 pesos al mes y", "hold"),
        ("Este...", "hold"),
        ("Le comento que el plan incluye…", "hold"),
        ("Eh", "hold"),
        ("Buenas tardes, le habla Mariana de Internet Veloz.", "wait"),
        ("Perfecto.", "wait"),  # an opener: the trainee usually goes on
        ("", "wait"),
        ("   ", "wait"),
    ],
)
def test_what_was_heard_decides_the_end_of_turn(heard: str, verdict: str) -> None:
    assert EndOfTurn().verdict(heard) == verdict


@given(st.text(max_size=200))
def test_any_text_gets_a_verdict(text: str) -> None:
    assert EndOfTurn().verdict(text) in ("now", "wait", "hold")


def test_the_word_lists_are_written_normalized() -> None:
    lists = words()
    for entry in lists.answers + lists.closings + lists.hesitations:
        assert entry == _plain(entry), entry


@given(
    st.integers(min_value=0, max_value=5000),
    st.sampled_from([0, 100, PAD_FRAMES, 300]),
    st.sampled_from([0, MIN_FRAMES, 1000]),
)
def test_the_trimmed_window_covers_the_speech_in_whole_seconds(
    frames: int, pad: int, minimum: int
) -> None:
    size = window_frames(frames, pad, minimum)
    assert minimum <= size <= FULL_FRAMES
    assert size % BUCKET_FRAMES == 0
    assert size >= min(frames + pad, FULL_FRAMES)


def test_a_looping_transcription_is_recognised() -> None:
    assert _compression_ratio("sí claro " * 12) > 2.4
    assert _compression_ratio("¿Me regala su nombre completo, por favor?") < 2.4


class LoudnessVAD:
    """Speech is anything louder than a whisper: exact, and no model to load."""

    window_size_samples = 512

    def process(self, data: memoryview) -> float:
        return float(np.abs(np.frombuffer(data, np.float32)).max() > 0.05)


def tone(seconds: float) -> Audio:
    t = np.arange(int(seconds * 16000)) / 16000
    return Audio((0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), 16000)


def _feed(detector: TurnDetector, audio: Audio) -> list[Utterance]:
    out: list[Utterance] = []
    for start in range(0, len(audio.samples), 1600):
        out += list(detector.feed(Audio(audio.samples[start : start + 1600], 16000)))
    return out


def test_cut_ends_the_utterance_where_the_speech_stopped() -> None:
    detector = TurnDetector(silence_seconds=0.6, vad=LoudnessVAD())
    assert detector.cut() is None
    assert _feed(detector, concat([silence(0.5), tone(1.0), silence(0.3)])) == []
    utterance = detector.cut()
    assert utterance is not None
    assert utterance.start == pytest.approx(0.3, abs=0.1)  # with the pre-roll
    assert utterance.end == pytest.approx(1.5, abs=0.07)
    assert detector.cut() is None  # nothing open any more


def test_an_utterance_ends_where_its_early_guess_said_so_the_guess_is_reused() -> None:
    detector = TurnDetector(silence_seconds=0.6, vad=LoudnessVAD())
    assert _feed(detector, concat([tone(1.0), silence(0.3)])) == []
    pending = detector.pending(0.2)
    assert pending is not None
    (finished,) = _feed(detector, silence(0.6))
    assert finished.end == pending.end


def test_hold_keeps_a_hesitating_trainee_talking_until_the_longer_silence() -> None:
    detector = TurnDetector(silence_seconds=0.6, vad=LoudnessVAD())
    assert _feed(detector, concat([tone(1.0), silence(0.3)])) == []
    detector.hold(1.2)
    assert _feed(detector, silence(0.7)) == []  # 1.0 s of silence: more than 0.6, less than 1.2
    # talking again: the next pause is judged by the usual silence
    found = _feed(detector, concat([tone(1.0), silence(0.7)]))
    assert len(found) == 1
    assert found[0].audio.seconds > 2.5  # one utterance with the pause inside


@dataclass
class ScriptedSTT:
    """Says ``long`` for audio longer than ``split`` seconds, else ``short``; counts its calls."""

    short: str
    long: str = ""
    split: float = 99.0
    calls: list[float] = field(default_factory=list)

    def transcribe(self, audio: Audio) -> str:
        self.calls.append(audio.seconds)
        return self.long if audio.seconds > self.split else self.short


def _call(stt: ScriptedSTT, early: float | None = 0.2) -> VoiceCall:
    library = load_library()
    clock = StreamClock()
    session = CallSession(
        library.scenario("internet-veloz-hogar"), library.persona("amable"), seed=5, clock=clock
    )
    session.set_status("Disponible", automatic=True)

    class Mute:
        def synthesize(self, text: str) -> Audio:
            return silence(0.1)

    return VoiceCall(
        session=session,
        speaker=WavSpeaker(),
        stt=stt,  # type: ignore[arg-type]
        tts=Mute(),  # type: ignore[arg-type]
        detector=TurnDetector(silence_seconds=0.6, vad=LoudnessVAD()),
        clock=clock,
        early_seconds=early,
    )


def _run(call: VoiceCall, audio: Audio) -> None:
    """Feed ``audio`` in 100 ms chunks; speech to text answers before the next chunk, as it does
    in real time (where a guess takes about a tenth of a second)."""

    def microphone() -> Iterator[Audio]:
        for start in range(0, len(audio.samples), 1600):
            yield Audio(audio.samples[start : start + 1600], 16000)
            guess: Callable[[], object] | None = call._guess[1].result if call._guess else None
            if guess is not None:
                guess()

    call.open()
    call.run(microphone())


def _agent(call: VoiceCall) -> list[str]:
    return [t.text for t in call.session.transcript.turns if t.speaker == "agent"]


def test_a_finished_question_does_not_wait_the_long_silence() -> None:
    stt = ScriptedSTT("¿Me regala su nombre completo, por favor?")
    call = _call(stt)
    _run(call, concat([silence(0.3), tone(2.0), silence(1.5)]))
    assert _agent(call) == ["¿Me regala su nombre completo, por favor?"]
    (timing,) = call.timings
    assert timing.end_of_turn < 0.45  # stream seconds: ended on the early guess, not after 0.6 s
    assert len(stt.calls) == 1  # the guess was the transcription


def test_a_plain_sentence_waits_the_usual_silence_and_reuses_the_guess() -> None:
    stt = ScriptedSTT("Le llamo de Internet Veloz.")
    call = _call(stt)
    _run(call, concat([silence(0.3), tone(2.0), silence(1.5)]))
    (timing,) = call.timings
    assert timing.end_of_turn >= 0.6
    assert len(stt.calls) == 1  # transcribed once, at the pause, while the silence went on


def test_a_pause_mid_sentence_does_not_cut_the_trainee() -> None:
    audio = concat([silence(0.3), tone(1.5), silence(0.9), tone(1.5), silence(2.0)])
    stt = ScriptedSTT("Le llamo porque", long="Le llamo porque tenemos un plan.", split=2.5)
    call = _call(stt)
    _run(call, audio)
    assert _agent(call) == ["Le llamo porque tenemos un plan."]
    # the same pause with no early transcription is taken as the end of the turn
    without = _call(ScriptedSTT("Le llamo porque", long="Le llamo porque tenemos un plan."), None)
    _run(without, audio)
    assert len(_agent(without)) == 2


def test_an_answer_too_long_for_the_short_silence_still_ends_on_the_guess() -> None:
    stt = ScriptedSTT("Sí, claro.")
    call = _call(stt)
    _run(call, concat([silence(0.3), tone(1.2), silence(1.0)]))  # past the short-answer time
    assert _agent(call) == ["Sí, claro."]
    assert call.timings[0].end_of_turn < 0.5  # not the 0.6 s of a long turn


def test_the_end_of_turn_is_configured_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.commands.play import _voice_options

    monkeypatch.setenv("SIMULADOR_VOICE_EARLY_SECONDS", "0.3")
    monkeypatch.setenv("SIMULADOR_VOICE_HESITATION_SECONDS", "2.0")
    options = _voice_options(None, None, None)
    assert (options.early_seconds, options.hesitation_seconds) == (0.3, 2.0)
    monkeypatch.setenv("SIMULADOR_VOICE_EARLY_SECONDS", "-1")
    with pytest.raises(SimuladorError):
        _voice_options(None, None, None)
