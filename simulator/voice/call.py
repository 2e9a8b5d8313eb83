"""A spoken call: the trainee's microphone in, the customer's voice out, the session in between.

Audio arrives in chunks from a backend (the sound card, or a WAV file in tests). The turn
detector cuts the trainee's utterances; each is transcribed and given to the same ``CallSession``
as a typed line, with the times it was spoken; the customer's reply is spoken sentence by
sentence. Stage times (end of turn, STT, customer, first audio) are measured for every turn, for
the latency bench and the README. Both sides are recorded into one track at the stream's clock.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from simulator.session.call import CallSession
from simulator.voice.audio import STT_RATE, Audio, resample
from simulator.voice.stt import WhisperSTT
from simulator.voice.tts import EspeakTTS
from simulator.voice.turns import TurnDetector, Utterance


class Speaker(Protocol):
    def play(self, audio: Audio) -> None: ...


@dataclass
class StreamClock:
    """Seconds of microphone audio heard so far: the call's clock in a voice call (pass it to
    ``CallSession(clock=…)`` so turns and events are timed as they were spoken)."""

    now: float = 0.0

    def __call__(self) -> float:
        return self.now


@dataclass(frozen=True)
class TurnTiming:
    """Seconds each stage of one exchange took (wall clock, this machine)."""

    end_of_turn: float  # silence waited after the trainee stopped (stream time)
    stt: float
    customer: float
    first_audio: float  # TTS of the first sentence
    spoken_end: float = 0.0  # when the trainee stopped talking (stream seconds)
    ready_at: float = 0.0  # perf_counter() when the first customer audio was ready

    @property
    def total(self) -> float:
        return self.end_of_turn + self.stt + self.customer + self.first_audio


@dataclass
class Recording:
    """Both sides on one 16 kHz track, each clip placed where it was heard."""

    rate: int = STT_RATE
    samples: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))

    def place(self, audio: Audio, at: float) -> None:
        clip = resample(audio, self.rate).samples
        start = int(at * self.rate)
        end = start + len(clip)
        if end > len(self.samples):
            self.samples = np.concatenate(
                [self.samples, np.zeros(end - len(self.samples), np.float32)]
            )
        self.samples[start:end] += clip

    def audio(self) -> Audio:
        return Audio(np.clip(self.samples, -1.0, 1.0), self.rate)


@dataclass
class VoiceCall:
    session: CallSession
    speaker: Speaker
    stt: WhisperSTT
    tts: EspeakTTS
    detector: TurnDetector
    recording: Recording = field(default_factory=Recording)
    timings: list[TurnTiming] = field(default_factory=list)
    heard: list[str] = field(default_factory=list)  # what STT understood, turn by turn
    clock: StreamClock = field(default_factory=StreamClock)
    # start STT after this pause; None (default): only at end of turn, which measured faster on 2
    # cores (bench_voice: a dropped guess still holds the CPU the final transcription needs)
    early_seconds: float | None = None
    _pool: ThreadPoolExecutor | None = None
    _guess: tuple[float, Future[str]] | None = None

    def open(self) -> None:
        """Start the call: the customer's first line(s) are spoken."""
        self.session.transcript.mode = "voice"  # turn times are speech: voice metrics apply
        for line in self.session.start():
            self._say(line)

    def run(self, microphone: Iterable[Audio]) -> None:
        """Listen until the microphone ends or the call does."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="stt") as pool:
            self._pool = pool
            for chunk in microphone:
                at = self.clock.now
                self.clock.now += chunk.seconds
                self.recording.place(chunk, at)
                for utterance in self.detector.feed(chunk):
                    self._exchange(utterance)
                    if self.session.ended:
                        return
                self._speculate()
            for utterance in self.detector.flush():
                if not self.session.ended:
                    self._exchange(utterance)
        self._pool = None

    def _speculate(self) -> None:
        """Start speech to text as soon as the trainee pauses (``early_seconds``), while the end of
        turn is still being confirmed: Whisper's fixed cost overlaps the silence. If the trainee
        goes on talking, the guess is dropped."""
        if self._pool is None or self.early_seconds is None:
            return
        pending = self.detector.pending(self.early_seconds)
        if pending is None or (self._guess is not None and self._guess[0] == pending.end):
            return
        self._guess = (pending.end, self._pool.submit(self.stt.transcribe, pending.audio))

    def _transcribe(self, utterance: Utterance) -> str:
        guess, self._guess = self._guess, None
        if guess is not None and guess[0] == utterance.end:
            return guess[1].result()
        return self.stt.transcribe(utterance.audio)

    def _exchange(self, utterance: Utterance) -> None:
        began = time.perf_counter()
        text = self._transcribe(utterance)
        heard = time.perf_counter()
        if not text:
            return
        self.heard.append(text)
        reply = self.session.agent_says(text, spoken=(utterance.start, utterance.end))
        answered = time.perf_counter()
        first_audio = self._say(reply.text) if reply.text else 0.0
        self.timings.append(
            TurnTiming(
                end_of_turn=round(max(self.clock.now - utterance.end, 0.0), 3),
                stt=round(heard - began, 3),
                customer=round(answered - heard, 3),
                first_audio=round(first_audio, 3),
                spoken_end=utterance.end,
                ready_at=answered + first_audio,
            )
        )

    def _say(self, text: str) -> float:
        """Speak ``text``; returns how long the first sentence took to synthesize."""
        first: float | None = None
        began = time.perf_counter()
        at = self.clock.now
        start = at
        for clip in self.tts.stream(text):
            if first is None:
                first = time.perf_counter() - began
            self.speaker.play(clip)
            self.recording.place(clip, at)
            at += clip.seconds
        turns = self.session.transcript.turns
        if turns and turns[-1].speaker == "customer":  # the turn lasts as long as it sounds
            turns[-1].start, turns[-1].end = round(start, 2), round(at, 2)
        return first or 0.0
