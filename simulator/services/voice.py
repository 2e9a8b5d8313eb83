"""Voice for a call the TUI drives: devices checked, engines loaded, one Whisper per process.

The call screen turns voice on in a worker thread with ``VoiceService.open``; anything missing (no
sound card, no microphone, a busy device, no espeak-ng, no speech-to-text model) is a ``VoiceError``
in Spanish and the call goes on in text. The ``VoiceLink`` it returns is the call's voice: ``run``
listens in a worker thread and hands each line heard to the screen, which sends it through the same
path as a typed line; ``say`` speaks the customer's answers; ``set_mode``/``press_talk`` switch
between hands-free (a pause ends the turn) and push-to-talk. The recording of both sides is saved
in ``<data>/grabaciones`` when the call ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator import locations
from simulator.errors import VoiceError
from simulator.settings import Settings, VoiceMode

if TYPE_CHECKING:
    from simulator.models.transcript import Turn
    from simulator.services.results import LiveCall
    from simulator.voice.call import StreamClock, VoiceCall
    from simulator.voice.ptt import PushToTalkGate
    from simulator.voice.stt import WhisperSTT
    from simulator.voice.turns import TurnDetector

RECORDINGS_FOLDER = "grabaciones"
VOICE_MODES: tuple[VoiceMode, ...] = ("off", "hands_free", "push_to_talk")


def recordings_dir(data_dir: Path) -> Path:
    """Where the recordings of voice calls made in the app are kept (``<data>/grabaciones``)."""
    return data_dir / RECORDINGS_FOLDER


@dataclass
class VoiceLink:
    """One live call's voice. ``run`` blocks (call it from a worker thread); the other methods may
    be called from any thread."""

    call: VoiceCall
    microphone: Any
    clock: StreamClock
    hands_free: TurnDetector
    push_to_talk: PushToTalkGate
    output: Path | None = None  # the customer's voice goes to this WAV instead of the speaker
    mode: VoiceMode = "hands_free"
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def run(
        self,
        on_heard: Callable[[str, float, float], object],
        on_stage: Callable[[str], object],
        in_session: Callable[[Callable[[], object]], object] | None = None,
    ) -> None:
        """Listen until ``stop`` or the end of the microphone. ``on_heard(text, start, end)`` gets
        each line (times in call seconds) and returns true when it took it: listening then waits
        for ``answered``. ``on_stage`` gets listening / hearing / transcribing / speaking.
        ``in_session(change)`` runs a change to the call's transcript on the thread that owns the
        session (a barge-in, and the recording's links in ``save``)."""
        self.call.on_heard = lambda text, utterance: on_heard(text, utterance.start, utterance.end)
        self.call.on_stage = on_stage
        if in_session is not None:
            self.call.in_session = in_session
        self.call.run(self.microphone)

    def start_at(self, seconds: float) -> None:
        """Start hearing at ``seconds`` of the call (voice turned on mid-call): the microphone's
        clock, the turn detection and the recording then share the transcript's time line."""
        from simulator.voice.devices import WavMicrophone

        self.clock.now = seconds
        self.hands_free._clock = seconds
        self.push_to_talk._stream = seconds
        microphone, call = self.microphone, self.call
        if isinstance(microphone, WavMicrophone) and microphone.customer is not None:
            # a WAV trainee counts its own time from 0: it waits for the customer on that count
            def customer() -> tuple[float, float] | None:
                speech = call.customer_speech
                return None if speech is None else (speech[0] - seconds, speech[1] - seconds)

            microphone.customer = customer

    def say(self, text: str, turn: Turn | None = None) -> None:
        """Speak the customer's ``text`` (``turn`` gets the times it was heard)."""
        self.call.say_later(text, turn)

    def answered(self) -> None:
        """The customer's answer to the last line taken has been shown (and given to ``say``)."""
        self.call.answered()

    def set_mode(self, mode: VoiceMode) -> None:
        """Hands-free or push-to-talk from now on (an utterance half heard is dropped)."""
        with self._lock:
            self.mode = mode
            self.push_to_talk.ptt.cancel()
            self.call.detector = self.push_to_talk if mode == "push_to_talk" else self.hands_free

    def press_talk(self) -> str | None:
        """The push-to-talk key was pressed (or repeated): "start", "stop" or None."""
        if self.mode != "push_to_talk":
            return None
        return self.push_to_talk.press()

    @property
    def latched(self) -> bool:
        """Push-to-talk started by a tap: the next tap sends."""
        return self.push_to_talk.latched

    def stop(self) -> None:
        self.call.stop(self.microphone)

    def save(self, recording: Path) -> list[Path]:
        """Write both sides of the call to ``recording`` (owner-only), and the customer's voice to
        the configured output WAV; returns the files written. Call after ``run`` returned."""
        from simulator.voice.devices import WavSpeaker

        written: list[Path] = []
        try:
            locations.make_private_dir(recording.parent)
            # the acceptance clip is cut next to it, both linked from the transcript (clips.py)
            clip = self.call.save_recording(recording)
            for path in (recording, clip):
                if path is not None:
                    path.chmod(locations.FILE_MODE)  # a trainee's voice is personal data
                    written.append(path)
            speaker = self.call.speaker
            if self.output is not None and isinstance(speaker, WavSpeaker):
                speaker.save(self.output)
                written.append(self.output)
        except OSError as error:
            raise VoiceError(
                f"No se pudo guardar la grabación en {recording} ({error.strerror})."
            ) from None
        return written


class VoiceService:
    """Opens the voice of live calls; keeps one speech-to-text model loaded for the process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.stt: WhisperSTT | None = None  # loaded on first use (tests hand in a loaded one)
        self._lock = threading.Lock()

    @property
    def default_mode(self) -> VoiceMode:
        return self.settings.voice_mode

    def recording_path(self, live: LiveCall) -> Path:
        stamp = live.started_at.strftime("%Y%m%d-%H%M%S")
        return recordings_dir(self.settings.data_dir) / f"{stamp}-{live.key[:8]}.wav"

    def _speech_to_text(self) -> WhisperSTT:
        from simulator.voice.stt import WhisperSTT

        with self._lock:
            if self.stt is None:
                stt = WhisperSTT(model=self.settings.voice_stt_model)
                stt.load()  # seconds; VoiceError in Spanish when the model is missing
                self.stt = stt
            return self.stt

    def open(self, live: LiveCall, mode: VoiceMode) -> VoiceLink:
        """Check the devices and engines and build the call's voice (blocking: a worker calls it).
        ``VoiceError`` says in Spanish what is missing; nothing of the call is touched."""
        from simulator.voice.call import StreamClock
        from simulator.voice.ptt import PushToTalk, PushToTalkGate
        from simulator.voice.setup import VoiceOptions, build_voice_call

        settings = self.settings
        for path in settings.voice_input_wavs:
            if not path.is_file():
                raise VoiceError(f"No existe el audio de entrada {path} (voice_input_wavs).")
        options = VoiceOptions(
            inputs=tuple(settings.voice_input_wavs),
            output=settings.voice_output_wav,
            telephone=settings.voice_telephone,
            stt_model=settings.voice_stt_model,
            early_seconds=settings.voice_early_seconds,
            hesitation_seconds=settings.voice_hesitation_seconds,
            silence_seconds=settings.voice_silence_seconds,
            barge_in_seconds=settings.voice_barge_in_seconds,
            piper_model=settings.voice_piper_model,
        )
        clock = StreamClock()
        # devices first (no sound card, no microphone: Spanish message), then the engines
        call, microphone = build_voice_call(
            live.session,  # type: ignore[arg-type]  # read only: lines go through the UI
            options,
            clock,
            stt=self._speech_to_text(),
        )
        call.tts.synthesize("Bueno.")  # the customer's voice works (espeak-ng installed…)
        gate = PushToTalkGate(PushToTalk(release_seconds=settings.voice_ptt_release_seconds))
        link = VoiceLink(call, microphone, clock, call.detector, gate, output=options.output)  # type: ignore[arg-type]
        link.set_mode(mode if mode != "off" else "hands_free")
        return link
