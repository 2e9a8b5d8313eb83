"""Build a ``VoiceCall`` from the settings and the command line, with Spanish errors.

One place decides where the audio comes from (the microphone, or WAV files with the trainee's
lines), where the customer's voice goes (the speaker, or a WAV file), which Whisper model listens,
which voice speaks (espeak-ng, or a Piper voice file), whether the customer sounds like a phone
line and how much talking over the customer makes them stop (barge-in).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.session.call import CallSession
from simulator.voice.call import BARGE_IN_SECONDS, StreamClock, VoiceCall
from simulator.voice.devices import (
    DeviceMicrophone,
    DeviceSpeaker,
    WavMicrophone,
    WavSpeaker,
    check_devices,
)
from simulator.voice.endpoint import HESITATION_SECONDS, EndOfTurn
from simulator.voice.piper import customer_voice
from simulator.voice.stt import WhisperSTT
from simulator.voice.turns import TurnDetector


@dataclass(frozen=True)
class VoiceOptions:
    inputs: tuple[Path, ...] = ()  # WAV files instead of the microphone
    output: Path | None = None  # the customer's voice to this WAV instead of the speaker
    recording: Path | None = None  # both sides of the call
    telephone: bool = False
    stt_model: str = "base"
    early_seconds: float = 0.2  # transcribe from this pause on (0: only at the end of turn)
    hesitation_seconds: float = HESITATION_SECONDS
    silence_seconds: float = 0.6
    barge_in_seconds: float = BARGE_IN_SECONDS  # 0: the customer never stops
    piper_model: Path | None = None  # a Piper voice (.onnx + .onnx.json) instead of espeak-ng


def build_voice_call(
    session: CallSession,
    options: VoiceOptions,
    clock: StreamClock,
    stt: WhisperSTT | None = None,
) -> tuple[VoiceCall, Any]:
    """The call and its microphone; ``clock`` is the one the session was made with; ``stt`` a
    model already loaded, if any. Devices are checked first (``VoiceError`` in Spanish). A Piper
    voice that cannot be used leaves the reason in ``call.notes`` and the customer speaks with
    espeak-ng."""
    if not options.inputs or options.output is None:
        check_devices()
    speaker: Any = WavSpeaker(clock=clock) if options.output is not None else DeviceSpeaker()
    tts, note = customer_voice(
        session.persona.voice, telephone=options.telephone, piper_model=options.piper_model
    )
    if stt is None:
        stt = WhisperSTT(model=options.stt_model)
    stt.load()
    call = VoiceCall(
        session=session,
        speaker=speaker,
        stt=stt,
        early_seconds=options.early_seconds or None,
        end_of_turn=EndOfTurn(hesitation_seconds=options.hesitation_seconds),
        tts=tts,
        detector=TurnDetector(silence_seconds=options.silence_seconds),
        clock=clock,
        barge_in_seconds=options.barge_in_seconds or None,
    )
    if note:
        call.notes.append(note)
    microphone: Any = DeviceMicrophone()
    if options.inputs:
        # a polite trainee: each recorded line waits for the customer to finish (the pause must
        # outlast the silence that ends a turn, or a line would start before the answer)
        gap = max(1.0, options.silence_seconds + 0.5)
        microphone = WavMicrophone(list(options.inputs), gap, customer=lambda: call.customer_speech)
    return call, microphone
