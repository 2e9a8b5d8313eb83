"""Snapshots of the trainee's home with assignments and of the formador's assignment screen.

Deterministic: fake services (fixed data), animations off, workers finished and cursors still
before capture. Regenerate with ``pytest tests/tui/test_assign_snapshots.py --snapshot-update``
and look at the SVGs before committing.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from simulator.tui.app import SimuladorApp
from tests.tui import fake_data
from tests.tui.fakes import FakeServices, FixedClock, make_settings
from tests.tui.pilot_helpers import login, settle

SMALL = (80, 24)
LARGE = (100, 34)


def make_app(services: FakeServices) -> SimuladorApp:
    return SimuladorApp(services=services, settings=make_settings(), clock=FixedClock())


async def steady(pilot: Any) -> None:
    await settle(pilot)
    for screen in pilot.app.screen_stack:
        for widget in screen.query(Input):
            widget.cursor_blink = False
    await pilot.pause()


def test_home_with_assignments(snap_compare: Any) -> None:
    services = FakeServices()
    services.assignments = fake_data.assignment_mix()

    async def run_before(pilot: Any) -> None:
        await login(pilot, "Mariana")
        await pilot.press("down", "down", "down")  # the exhausted exam: why it cannot start
        await steady(pilot)

    assert snap_compare(make_app(services), terminal_size=SMALL, run_before=run_before)
