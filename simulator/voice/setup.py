"""Build a ``VoiceCall`` from the settings and the command line, with Spanish errors.

One place decides where the audio comes from (the microphone, or WAV files with the trainee's
lines), where the customer's voice goes (the speaker, or a WAV file), which Whisper model listens
and whether the customer sounds like a phone line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.session.call import CallSession
from simulator.voice.call import StreamClock, VoiceCall
from simulator.voice.devices import (
    DeviceMicrophone,
    DeviceSpeaker,
    WavMicrophone,
    WavSpeaker,
    check_devices,
)
from simulator.voice.stt import WhisperSTT
from simulator.voice.tts import EspeakTTS
from simulator.voice.turns import TurnDetector


@dataclass(frozen=True)
class VoiceOptions:
    inputs: tuple[Path, ...] = ()  # WAV files instead of the microphone
    output: Path | None = None  # the customer's voice to this WAV instead of the speaker
    recording: Path | None = None  # both sides of the call
    telephone: bool = False
    stt_model: str = "base"
    silence_seconds: float = 0.6


def build_voice_call(
    session: CallSession, options: VoiceOptions, clock: StreamClock
) -> tuple[VoiceCall, Any]:
    """The call and its microphone; ``clock`` is the one the session was made with. Devices are
    checked first (``VoiceError`` in Spanish)."""
    if not options.inputs or options.output is None:
        check_devices()
    speaker: Any = WavSpeaker() if options.output is not None else DeviceSpeaker()
    microphone: Any = WavMicrophone(list(options.inputs)) if options.inputs else DeviceMicrophone()
    tts = EspeakTTS(session.persona.voice, telephone=options.telephone)
    stt = WhisperSTT(model=options.stt_model)
    stt.load()
    call = VoiceCall(
        session=session,
        speaker=speaker,
        stt=stt,
        tts=tts,
        detector=TurnDetector(silence_seconds=options.silence_seconds),
        clock=clock,
    )
    return call, microphone
