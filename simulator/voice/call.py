"""A spoken call: the trainee's microphone in, the customer's voice out, the session in between.

Audio arrives in chunks from a backend (the sound card, or a WAV file in tests). The turn
detector cuts the trainee's utterances; each is transcribed and given to the same ``CallSession``
as a typed line, with the times it was spoken; the customer's reply is spoken sentence by
sentence, in the background, while the microphone is still read. When the trainee talks over the
customer for ``barge_in_seconds`` the customer stops (unless the persona does not yield), their
turn is cut where they stopped, and the interruption is recorded. Stage times (end of turn, STT,
customer, first audio) are measured for every turn, for the latency bench and the README. Both
sides are recorded at the stream's clock; the customer's acceptance of a sale is kept as its own
clip (``clips.py``). Interactive callers (the TUI) take each line heard themselves
(``on_heard``), hand the customer's words back with ``say_later`` and follow the stages with
``on_stage``.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from simulator.models.transcript import Turn
from simulator.session.call import CallSession
from simulator.voice.audio import STT_RATE, Audio, resample
from simulator.voice.endpoint import EndOfTurn
from simulator.voice.ptt import HEARING, LISTENING, SPEAKING, TRANSCRIBING, Detector
from simulator.voice.stt import WhisperSTT
from simulator.voice.tts import sentences
from simulator.voice.turns import Utterance

BARGE_IN_SECONDS = 0.3  # the trainee's speech over the customer that makes them stop


class Speaker(Protocol):
    def play(self, audio: Audio) -> None:
        """Queue ``audio`` and return at once."""

    def stop(self) -> None:
        """Stop now and drop what is queued."""


class CustomerVoice(Protocol):
    def synthesize(self, text: str) -> Audio: ...


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
    """Both sides at 16 kHz, each clip placed where it was heard; the customer on its own track so
    what they did not get to say (barge-in) can be taken out."""

    rate: int = STT_RATE
    agent: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    customer: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))

    def place(self, audio: Audio, at: float, side: str = "agent") -> None:
        clip = resample(audio, self.rate).samples
        start = int(at * self.rate)
        track = self._grown(side, start + len(clip))
        track[start : start + len(clip)] += clip

    def silence_customer(self, start: float, end: float) -> None:
        a, b = int(start * self.rate), int(end * self.rate)
        self.customer[max(a, 0) : max(b, 0)] = 0.0

    def audio(self) -> Audio:
        size = max(len(self.agent), len(self.customer))
        mixed = np.zeros(size, np.float32)
        mixed[: len(self.agent)] += self.agent
        mixed[: len(self.customer)] += self.customer
        return Audio(np.clip(mixed, -1.0, 1.0), self.rate)

    def _grown(self, side: str, size: int) -> np.ndarray:
        track = self.customer if side == "customer" else self.agent
        if size > len(track):
            track = np.concatenate([track, np.zeros(size - len(track), np.float32)])
            if side == "customer":
                self.customer = track
            else:
                self.agent = track
        return track


@dataclass
class CustomerSpeech:
    """The customer's words being heard: their turn (1-based) and each sentence's stream times."""

    turn: int
    parts: list[tuple[str, float, float]]
    interrupted: bool = False

    @property
    def start(self) -> float:
        return self.parts[0][1]

    @property
    def end(self) -> float:
        return self.parts[-1][2]

    def said_until(self, at: float) -> str:
        """What had been said by ``at`` (whole words, by the time they took), «…» when cut."""
        words: list[str] = []
        for sentence, start, end in self.parts:
            if end <= at:
                words += sentence.split()
                continue
            spoken = sentence.split()
            share = (at - start) / (end - start) if end > start else 0.0
            words += spoken[: int(len(spoken) * max(share, 0.0))]
            return " ".join(words or self.parts[0][0].split()[:1]) + "…"
        return " ".join(words)

    def cut(self, at: float) -> None:
        kept = [(text, s, min(e, at)) for text, s, e in self.parts if s < at]
        self.parts = kept or [(self.parts[0][0], self.start, at)]


@dataclass
class VoiceCall:
    session: CallSession
    speaker: Speaker
    stt: WhisperSTT
    tts: CustomerVoice
    detector: Detector
    recording: Recording = field(default_factory=Recording)
    timings: list[TurnTiming] = field(default_factory=list)
    heard: list[str] = field(default_factory=list)  # what STT understood, turn by turn
    notes: list[str] = field(default_factory=list)  # Spanish warnings to show (Piper fell back…)
    clock: StreamClock = field(default_factory=StreamClock)
    # start STT after this pause of the trainee, while the silence goes on; its text decides the end
    # of turn (``end_of_turn``) and is reused when the turn ends there. None: STT only at the end of
    # turn (bench_voice measures both)
    early_seconds: float | None = 0.2
    end_of_turn: EndOfTurn = field(default_factory=EndOfTurn)
    # the trainee's speech over the customer that makes them stop; None: no barge-in
    barge_in_seconds: float | None = None
    _pool: ThreadPoolExecutor | None = None
    _guess: tuple[float, Future[str]] | None = None
    _speech: CustomerSpeech | None = None
    _overlap: float = 0.0
    _microphone: object = None
    # Interactive callers: ``on_heard`` takes each line instead of the session; when it returns
    # true, listening waits for ``answered()`` (the customer's words come through ``say_later``).
    on_heard: Callable[[str, Utterance], object] | None = None
    on_stage: Callable[[str], object] | None = None
    # Runs a change to the session's transcript where the session is owned (the TUI passes its UI
    # thread): a barge-in and the recording's links come from the listening thread.
    in_session: Callable[[Callable[[], object]], object] = field(default=lambda change: change())
    answer_timeout: float = 30.0
    _inbox: queue.Queue[tuple[str, Turn | None]] = field(default_factory=queue.Queue)
    _stopped: threading.Event = field(default_factory=threading.Event)
    _answered: threading.Event = field(default_factory=threading.Event)
    _stage_now: str = ""

    def say_later(self, text: str, turn: Turn | None = None) -> None:
        """Speak ``text`` from the listening thread as soon as it can (any thread may call this);
        ``turn`` gets the times it was heard."""
        self._inbox.put((text, turn))

    def answered(self) -> None:
        self._answered.set()  # the answer to the line ``on_heard`` took is out (any thread)

    def stop(self, microphone: object = None) -> None:
        """End ``run`` at the next chunk (any thread); a sound-card microphone is closed too."""
        self._stopped.set()
        if callable(stop := getattr(microphone, "stop", None)):
            stop()

    def _stage(self, stage: str) -> None:
        if stage != self._stage_now:
            self._stage_now = stage
            if self.on_stage is not None:
                self.on_stage(stage)

    def _speak_waiting(self, final: bool = False) -> None:
        """Speak the lines waiting; ``final``: also after ``stop`` (the customer's last words)."""
        while final or not self._stopped.is_set():
            try:
                text, turn = self._inbox.get_nowait()
            except queue.Empty:
                return
            self._say(text, turn)

    @property
    def customer_speech(self) -> tuple[float, float] | None:
        """When the customer's last words start and end (stream seconds), if they spoke yet."""
        speech = self._speech
        return (speech.start, speech.end) if speech is not None else None

    @property
    def customer_talking(self) -> bool:
        speech = self._speech
        return speech is not None and speech.start <= self.clock.now < speech.end

    def open(self) -> None:
        """Start the call: the customer's first line(s) are spoken."""
        self.session.transcript.mode = "voice"  # turn times are speech: voice metrics apply
        for line in self.session.start():
            self._say(line)

    def run(self, microphone: Iterable[Audio]) -> None:
        """Listen until the microphone ends or the call does."""
        self._microphone = microphone
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="stt") as pool:
            self._pool = pool
            for chunk in microphone:
                if self._stopped.is_set():
                    break
                at = self.clock.now
                self.clock.now += chunk.seconds
                self.recording.place(chunk, at)
                before = self.detector.voiced_seconds
                for utterance in self.detector.feed(chunk):
                    self._exchange(utterance)
                    if self.session.ended:
                        break
                if self.session.ended:
                    break
                self._listen_over(at, before)
                self._speculate()
                if self.session.ended:  # a turn that ended early ended the call
                    break
                self._speak_waiting()
                talking = self.detector.talking
                stage = HEARING if talking else SPEAKING if self.customer_talking else LISTENING
                self._stage(stage)
            for utterance in self.detector.flush():
                if not self.session.ended and not self._stopped.is_set():
                    self._exchange(utterance)
            self._speak_waiting(final=True)
        self._pool = None

    def _speculate(self) -> None:
        """Start speech to text as soon as the trainee pauses (``early_seconds``), while the end of
        turn is still being confirmed, so Whisper's cost overlaps the silence; when the guess is in
        and the trainee is still quiet, it decides: a finished-sounding turn ends now, a hesitation
        gets a longer silence (``endpoint.py``). If the trainee goes on talking, the guess is
        dropped."""
        if self._pool is None or self.early_seconds is None:
            return
        pending = self.detector.pending(self.early_seconds)
        if pending is None:
            return
        if self._guess is None or self._guess[0] != pending.end:
            if self._guess is not None:
                self._guess[1].cancel()  # not started yet: the CPU goes to the new guess
            self._guess = (pending.end, self._pool.submit(self.stt.transcribe, pending.audio))
            return
        if not self._guess[1].done():
            return
        # a voice detector can end or hold the turn; other detectors (a key held) end it themselves
        cut, hold = getattr(self.detector, "cut", None), getattr(self.detector, "hold", None)
        if cut is None or hold is None:
            return
        verdict = self.end_of_turn.verdict(self._guess[1].result())
        if verdict == "hold":
            hold(self.end_of_turn.hesitation_seconds)
        elif verdict == "now" and (utterance := cut()) is not None:
            self._exchange(utterance)

    def _transcribe(self, utterance: Utterance) -> str:
        guess, self._guess = self._guess, None
        if guess is not None and guess[0] == utterance.end:
            return guess[1].result()
        return self.stt.transcribe(utterance.audio)

    def _exchange(self, utterance: Utterance) -> None:
        began = time.perf_counter()
        self._stage(TRANSCRIBING)
        text = self._transcribe(utterance)
        heard = time.perf_counter()
        self._stage(LISTENING)
        if not text:
            return
        self.heard.append(text)
        if self.on_heard is not None:
            self._answered.clear()
            if self.on_heard(text, utterance):
                deadline = time.perf_counter() + self.answer_timeout
                while not self._answered.wait(0.05):
                    if self._stopped.is_set() or time.perf_counter() > deadline:
                        break
                self._speak_waiting()
            return
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

    def _listen_over(self, chunk_start: float, voiced_before: float) -> None:
        """Count the trainee's speech heard while the customer talks; past ``barge_in_seconds``
        the customer is interrupted."""
        voiced = self.detector.voiced_seconds
        if voiced < voiced_before:
            self._overlap = 0.0  # a new utterance
        speech = self._speech
        if voiced == 0.0:
            self._overlap = 0.0  # the trainee is not talking
            return
        if speech is None or speech.interrupted or self.barge_in_seconds is None:
            return
        if speech.start < self.clock.now and speech.end > chunk_start:
            self._overlap += voiced - voiced_before if voiced >= voiced_before else voiced
        if self._overlap >= self.barge_in_seconds:
            self._barge_in(speech, min(self.clock.now, speech.end))

    def _barge_in(self, speech: CustomerSpeech, at: float) -> None:
        """The trainee talked over the customer at ``at``: a customer who yields stops there (the
        rest is not played, not recorded and not in their turn); either way it is recorded."""
        speech.interrupted = True
        said = None
        if self.session.persona.voice.yields_to_interruption:
            self.speaker.stop()
            self.recording.silence_customer(at, speech.end)
            said = speech.said_until(at)
            speech.cut(at)
        turn = speech.turn
        self.in_session(lambda: self.session.interrupted(turn, at, said))

    def _say(self, text: str, turn: Turn | None = None) -> float:
        """Queue ``text`` sentence by sentence, after anything the customer is still saying
        (``turn``: the customer turn it is, else the last one); returns how long the first
        sentence took to synthesize."""
        first: float | None = None
        began = time.perf_counter()
        previous = self._speech
        # a sound-card microphone read behind real time (chunks queued while the trainee's turn
        # was transcribed): the customer is heard that much later on the stream's clock
        lag = float(getattr(self._microphone, "backlog_seconds", 0.0))
        start = max(self.clock.now + lag, previous.end if previous is not None else 0.0)
        at = start
        parts: list[tuple[str, float, float]] = []
        for sentence in sentences(text):
            clip = self.tts.synthesize(sentence)
            if first is None:
                first = time.perf_counter() - began
            self.speaker.play(clip)
            self.recording.place(clip, at, side="customer")
            parts.append((sentence, at, at + clip.seconds))
            at += clip.seconds
        turns = self.session.transcript.turns
        if turn is None and turns and turns[-1].speaker == "customer":
            turn = turns[-1]
        number = next((i + 1 for i, t in enumerate(turns) if t is turn), None)
        if turn is not None and number is not None:  # the turn lasts as long as it sounds
            turn.start, turn.end = round(start, 2), round(at, 2)
            if parts:
                self._speech = CustomerSpeech(turn=number, parts=parts)
                self._overlap = 0.0
        return first or 0.0

    def save_recording(self, path: Path) -> Path | None:
        """Write both sides to ``path`` and the customer's acceptance of the sale next to it,
        linked from the transcript through ``in_session`` (``clips.py``); returns the clip."""
        from simulator.voice.clips import save_owned

        return save_owned(self.session.transcript, self.recording.audio(), path, self.in_session)
