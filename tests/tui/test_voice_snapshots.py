"""The call screen with voice on (hands-free, listening; push-to-talk, recording), 80×24."""

from __future__ import annotations

from typing import Any

from tests.tui.fakes import FakeServices, FixedClock
from tests.tui.pilot_helpers import settle, wait_for
from tests.tui.test_snapshots import SMALL, _fixed_seed, make_app, steady  # noqa: F401
from tests.tui.test_snapshots import _in_call as in_call


async def _voice_on(pilot: Any, clock: FixedClock) -> Any:
    call = await in_call(pilot, clock)
    await pilot.press("f9")
    await wait_for(pilot, lambda: call.voice_link is not None)
    await wait_for(pilot, lambda: call.voice_stage == "listening")
    await settle(pilot)
    return call


def test_call_with_voice_hands_free(snap_compare: Any) -> None:
    clock = FixedClock()
    services = FakeServices()

    async def run_before(pilot: Any) -> None:
        call = await _voice_on(pilot, clock)
        link = services.voice.links[-1]
        link.hear("¿Le gustaría contratarlo hoy?", 50.0, 52.0)
        await wait_for(pilot, lambda: len(link.taken) == 1)
        await wait_for(pilot, lambda: call.voice_stage == "listening")
        await settle(pilot)

    assert snap_compare(
        make_app(services, clock), terminal_size=SMALL, run_before=steady(run_before)
    )


def test_call_with_push_to_talk_recording(snap_compare: Any) -> None:
    clock = FixedClock()
    services = FakeServices()

    async def run_before(pilot: Any) -> None:
        call = await _voice_on(pilot, clock)
        await pilot.press("f9")  # pulsar para hablar
        await pilot.pause()
        call.say.value = ""
        await pilot.press("space")
        await settle(pilot)

    assert snap_compare(
        make_app(services, clock), terminal_size=SMALL, run_before=steady(run_before)
    )
