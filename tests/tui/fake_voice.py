"""A voice channel without audio for the TUI tests (``VoiceProtocol``, ``VoiceLinkProtocol``).

``FakeLink.run`` reports «listening» and then hands over, from its own thread like the real one,
each line a test queues with ``hear``; what the customer should say is kept in ``spoken``. A
``FakeVoice`` built with ``error`` refuses to open, like a machine with no sound card.
"""

from __future__ import annotations

import builtins
import queue
import threading
from collections.abc import Callable
from pathlib import Path

from simulator.errors import VoiceError
from simulator.models.transcript import Turn
from simulator.services.results import LiveCall
from simulator.settings import VoiceMode


class FakeLink:
    def __init__(self) -> None:
        self.now = 0.0
        self.mode: VoiceMode = "hands_free"
        self.spoken: list[str] = []
        self.presses: list[str | None] = []
        self.taken: list[bool] = []  # what the screen answered to each line heard
        self.answers = threading.Event()
        self.latched = False
        self.stopped = threading.Event()
        self._lines: queue.Queue[tuple[str, float, float]] = queue.Queue()
        self.in_session: Callable[[Callable[[], object]], object] | None = None
        self.save_link: Callable[[], object] | None = None  # a change ``save`` makes in_session
        self.save_started = threading.Event()
        self.save_may_end = threading.Event()
        self.save_may_end.set()

    def clock(self) -> float:
        return self.now

    def hear(self, text: str, start: float, end: float) -> None:
        self._lines.put((text, start, end))

    def run(
        self,
        on_heard: Callable[[str, float, float], object],
        on_stage: Callable[[str], object],
        in_session: Callable[[Callable[[], object]], object] | None = None,
    ) -> None:
        self.in_session = in_session
        on_stage("listening")
        while not self.stopped.is_set():
            try:
                text, start, end = self._lines.get(timeout=0.05)
            except queue.Empty:
                continue
            self.now = end
            on_stage("transcribing")
            self.answers.clear()
            taken = bool(on_heard(text, start, end))
            self.taken.append(taken)
            if taken:
                self.answers.wait(5)
            on_stage("listening")

    def start_at(self, seconds: float) -> None:
        self.now = seconds

    def say(self, text: str, turn: Turn | None = None) -> None:
        self.spoken.append(text)

    def answered(self) -> None:
        self.answers.set()

    def set_mode(self, mode: VoiceMode) -> None:
        self.mode = mode

    def press_talk(self) -> str | None:
        event = None if self.mode != "push_to_talk" else ("stop" if self.latched else "start")
        self.latched = event == "start"
        self.presses.append(event)
        return event

    def stop(self) -> None:
        self.stopped.set()

    def save(self, recording: Path) -> builtins.list[Path]:
        """Like the real one: slow file writing here, then the transcript's links in_session."""
        self.save_started.set()
        self.save_may_end.wait(120)  # the test releases it (a bound only against a hang)
        if self.save_link is not None and self.in_session is not None:
            self.in_session(self.save_link)
        return []


class FakeVoice:
    def __init__(self, error: str | None = None, default_mode: VoiceMode = "off") -> None:
        self.error = error
        self.default_mode: VoiceMode = default_mode
        self.links: list[FakeLink] = []

    def recording_path(self, live: LiveCall) -> Path:
        return Path("/nonexistent/simulador-tui-fakes/grabaciones") / f"{live.key}.wav"

    def open(self, live: LiveCall, mode: VoiceMode) -> FakeLink:
        if self.error:
            raise VoiceError(self.error)
        link = FakeLink()
        link.set_mode(mode)
        self.links.append(link)
        return link
