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


async def open_assign(pilot: Any) -> None:
    from datetime import date, datetime

    from simulator.services.results import TraineeInfo
    from simulator.tui.screens.assign import AssignScreen
    from tests.tui.pilot_helpers import wait_for

    app = pilot.app
    await wait_for(pilot, lambda: type(app.screen).__name__ == "LoginScreen")
    await settle(pilot)
    app.trainee = TraineeInfo(
        id=1, name="Rosa Formadora", role="formador", created_at=datetime(2026, 11, 1)
    )
    app.push_screen(AssignScreen(today=lambda: date(2026, 12, 5)))
    await wait_for(pilot, lambda: type(app.screen).__name__ == "AssignScreen")
    await settle(pilot)


def test_assign_screen_with_a_bad_date(snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await open_assign(pilot)
        await pilot.press("space", "down", "down", "space")
        await pilot.click("#to-cohort")
        screen = pilot.app.screen
        screen.query_one("#cohort").value = 1
        for field, value in (("due", "31/11/2026"), ("target", "80"), ("attempts", "2")):
            screen.query_one(f"#{field}", Input).value = value
        await pilot.click("#exam")
        await pilot.press("ctrl+s")
        await steady(pilot)

    assert snap_compare(make_app(FakeServices()), terminal_size=LARGE, run_before=run_before)


def test_assign_screen_confirmed(snap_compare: Any) -> None:
    services = FakeServices()

    async def run_before(pilot: Any) -> None:
        await open_assign(pilot)
        await pilot.press("down", "space")
        pilot.app.screen.query_one("#trainee").value = 3
        pilot.app.screen.query_one("#due", Input).value = "12/12/2026"
        await pilot.press("ctrl+s")
        await steady(pilot)
        pilot.app.clear_notifications()  # the same words are on the status line
        await steady(pilot)

    assert snap_compare(make_app(services), terminal_size=SMALL, run_before=run_before)
    assert [(a.scenario_id, a.trainee_id) for a in services.desk.made] == [
        ("seguro-auto-entrante", 3)
    ]
