"""Push-to-talk from key presses alone (terminals report no key release), on a fake clock: a held
key (auto-repeat) talks until the repeats stop; a tap talks until the next tap; the gate turns the
microphone into one utterance per turn with its stream times."""

from __future__ import annotations

import numpy as np

from simulator.voice.audio import STT_RATE, Audio
from simulator.voice.ptt import PushToTalk, PushToTalkGate

REPEAT = 0.033  # a typical auto-repeat interval (~30 Hz)


def held(ptt: PushToTalk, start: float, seconds: float, delay: float = 0.5) -> list[object]:
    """Press at ``start`` and hold ``seconds``: the first repeat after ``delay``, then every
    ``REPEAT``; returns what each key event answered."""
    events = [ptt.press(start)]
    t = start + delay
    while t <= start + seconds:
        events.append(ptt.press(t))
        events.append(ptt.poll(t))
        t += REPEAT
    return events


def test_a_held_key_talks_while_it_repeats_and_stops_after_the_release_gap() -> None:
    ptt = PushToTalk(release_seconds=0.5, first_repeat_seconds=0.9)
    events = held(ptt, 10.0, 3.0, delay=0.66)  # X11's default 660 ms delay
    assert events[0] == "start" and "stop" not in events
    assert ptt.stage == "holding"
    last = 10.0 + 3.0
    assert ptt.poll(last + 0.3) is None  # a gap shorter than the release time: still held
    assert ptt.talking
    assert ptt.poll(last + 0.6) == "stop"
    assert not ptt.talking


def test_a_tap_latches_and_the_next_tap_sends() -> None:
    ptt = PushToTalk(release_seconds=0.5, first_repeat_seconds=0.9)
    assert ptt.press(0.0) == "start"
    assert ptt.poll(0.5) is None and ptt.stage == "pressed"
    assert ptt.poll(1.0) is None and ptt.stage == "latched"  # no repeat came: a tap
    assert ptt.poll(30.0) is None and ptt.talking  # talks as long as needed
    assert ptt.press(31.0) == "stop"
    assert not ptt.talking


def test_the_repeats_of_the_key_that_sent_do_not_start_another_turn() -> None:
    ptt = PushToTalk(release_seconds=0.5, first_repeat_seconds=0.9)
    ptt.press(0.0)
    ptt.poll(1.0)  # latched
    assert ptt.press(5.0) == "stop"
    # the trainee keeps the key down a moment: its repeats are not a new press
    assert [ptt.press(5.0 + 0.5 + i * REPEAT) for i in range(5)] == [None] * 5
    assert not ptt.talking
    assert ptt.press(8.0) == "start"  # a real new press later


def test_a_tap_is_noticed_even_without_a_poll_in_between() -> None:
    ptt = PushToTalk(release_seconds=0.5, first_repeat_seconds=0.9)
    ptt.press(0.0)
    assert ptt.press(2.0) == "stop"


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def chunk(value: float = 0.1) -> Audio:
    return Audio(np.full(STT_RATE // 10, value, np.float32), STT_RATE)  # 0.1 s


def test_the_gate_yields_what_was_said_while_the_key_was_down() -> None:
    clock = FakeClock()
    gate = PushToTalkGate(PushToTalk(release_seconds=0.5), clock=clock)
    heard = []
    for step in range(40):  # 4 s of microphone, 0.1 s chunks
        clock.now = step * 0.1
        if step == 10:
            assert gate.press() == "start"  # pressed at 1.0 s
        if 16 <= step <= 25:  # repeats from 1.6 s to 2.5 s, then released
            gate.press()
        heard += list(gate.feed(chunk()))
    assert len(heard) == 1
    utterance = heard[0]
    assert utterance.start == 0.9  # one chunk of pre-roll before the press
    assert 2.4 <= utterance.end <= 2.6  # when the repeats stopped, not when that was noticed
    assert utterance.audio.seconds >= 1.5
    assert not gate.talking


def test_the_gate_hears_nothing_without_the_key_and_flushes_an_open_turn() -> None:
    clock = FakeClock()
    gate = PushToTalkGate(PushToTalk(), clock=clock)
    assert [u for _ in range(10) for u in gate.feed(chunk())] == []
    assert gate.pending(0.2) is None
    gate.press()
    clock.now = 2.0  # a tap: latched
    assert list(gate.feed(chunk())) == []
    assert gate.latched
    flushed = list(gate.flush())
    assert len(flushed) == 1 and flushed[0].end == 1.1
    assert not gate.talking
