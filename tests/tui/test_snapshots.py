"""Snapshot tests of every screen at fixed sizes (80×24 for home and call, 100×34 for the rest).

Deterministic: fake services with a scripted customer, a frozen clock, a fixed seed. Regenerate
with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and look at the SVGs before committing.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input

from simulator.tui.app import SimuladorApp
from tests.tui.fakes import FakeServices, FixedClock, fake_pending, make_settings
from tests.tui.pilot_helpers import capture, login, open_scenario, register, say, settle, wait_for

SMALL = (80, 24)
LARGE = (100, 34)


@pytest.fixture(autouse=True)
def _fixed_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("simulator.tui.screens.start_call.new_seed", lambda: 4242)


async def _steady(pilot: Any) -> None:
    """Finish pending work and stop cursor blinking so the snapshot does not depend on timing."""
    await settle(pilot)
    for screen in pilot.app.screen_stack:
        for widget in screen.query(Input):
            widget.cursor_blink = False
    await pilot.pause()


def steady(run_before: Any) -> Any:
    async def wrapped(pilot: Any) -> None:
        await run_before(pilot)
        await _steady(pilot)

    return wrapped


def make_app(services: FakeServices | None = None, clock: FixedClock | None = None) -> SimuladorApp:
    return SimuladorApp(
        services=services or FakeServices(), settings=make_settings(), clock=clock or FixedClock()
    )


async def _logged_in(pilot: Any) -> None:
    await login(pilot, "Mariana")


async def _in_call(pilot: Any, clock: FixedClock, mode: str = "practice") -> Any:
    await login(pilot, "Mariana")
    call = await open_scenario(pilot, "internet-veloz-hogar", seed=4242, mode=mode)
    await pilot.press("f2", "f3")
    await pilot.pause()
    clock.advance(5)
    await say(
        pilot, "Buenos días, le llamo de Internet Veloz, soy Mariana. ¿Hablo con la señora Rosa?"
    )
    clock.advance(40)
    await say(pilot, "¿Cómo usan el internet en su casa?")
    await say(pilot, "Con 200 megas sus hijos toman clases sin cortes. Cuesta 499 al mes.")
    await capture(pilot, "nombre", "Rosa Hernández Martínez")
    call.say.focus()
    return call


async def _finished(pilot: Any, clock: FixedClock) -> None:
    await _in_call(pilot, clock)
    await register(pilot)
    await pilot.press("f6")
    await pilot.pause()
    await pilot.click("#yes")
    await settle(pilot)
    await pilot.press("f6")
    await settle(pilot)


def test_login_first_run(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=steady(settle))


def test_login_known_trainees(snap_compare: Any) -> None:
    services = FakeServices()
    services.trainees.get_or_create("Luis Pérez")
    services.trainees.get_or_create("Mariana")
    assert snap_compare(make_app(services), terminal_size=LARGE, run_before=steady(settle))


def test_home_small(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=steady(_logged_in))


def test_home_with_suggestion(snap_compare: Any) -> None:
    services = FakeServices()
    services.calls.saved.append(object())  # type: ignore[arg-type]

    async def run_before(pilot: Any) -> None:
        await _logged_in(pilot)
        await pilot.press("b", "down")  # from the assignments to the library's second row

    assert snap_compare(make_app(services), terminal_size=LARGE, run_before=steady(run_before))


def test_start_call_modal(snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await _logged_in(pilot)
        pilot.app.choose_call("internet-veloz-hogar")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SMALL, run_before=steady(run_before))


def test_call_before_start(snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await _logged_in(pilot)
        await open_scenario(pilot, "internet-veloz-hogar", seed=4242)

    assert snap_compare(make_app(), terminal_size=SMALL, run_before=steady(run_before))


def test_call_in_progress_small(snap_compare: Any) -> None:
    clock = FixedClock()

    async def run_before(pilot: Any) -> None:
        await _in_call(pilot, clock)
        await say(pilot, "¿Le parece bien si lo contratamos hoy?")

    assert snap_compare(make_app(clock=clock), terminal_size=SMALL, run_before=steady(run_before))


def test_call_on_hold_large(snap_compare: Any) -> None:
    clock = FixedClock()

    async def run_before(pilot: Any) -> None:
        await _in_call(pilot, clock)
        await pilot.press("f4")
        clock.advance(25)
        pilot.app.screen._tick()
        await pilot.pause()

    assert snap_compare(make_app(clock=clock), terminal_size=LARGE, run_before=steady(run_before))


def test_register_product_list(snap_compare: Any) -> None:
    clock = FixedClock()

    async def run_before(pilot: Any) -> None:
        await _in_call(pilot, clock)
        await pilot.press("f5")
        await pilot.pause()

    assert snap_compare(make_app(clock=clock), terminal_size=LARGE, run_before=steady(run_before))


def test_call_exam_mode(snap_compare: Any) -> None:
    clock = FixedClock()

    async def run_before(pilot: Any) -> None:
        await _in_call(pilot, clock, mode="exam")
        await say(pilot, "¿Le parece bien si lo contratamos hoy?")

    assert snap_compare(make_app(clock=clock), terminal_size=SMALL, run_before=steady(run_before))


def test_results(snap_compare: Any) -> None:
    clock = FixedClock()
    assert snap_compare(
        make_app(clock=clock), terminal_size=LARGE, run_before=steady(lambda p: _finished(p, clock))
    )


def test_results_small(snap_compare: Any) -> None:
    clock = FixedClock()
    assert snap_compare(
        make_app(clock=clock), terminal_size=SMALL, run_before=steady(lambda p: _finished(p, clock))
    )


def test_review(snap_compare: Any) -> None:
    clock = FixedClock()

    async def run_before(pilot: Any) -> None:
        await _finished(pilot, clock)
        await pilot.press("t")
        await pilot.pause()

    assert snap_compare(make_app(clock=clock), terminal_size=LARGE, run_before=steady(run_before))


def test_progress(snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await _logged_in(pilot)
        await pilot.press("p")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=LARGE, run_before=steady(run_before))


def test_help(snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await _logged_in(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=LARGE, run_before=steady(run_before))


def test_recovery_modal(snap_compare: Any) -> None:
    services = FakeServices()
    services.recovery.items.append(fake_pending())
    assert snap_compare(make_app(services), terminal_size=LARGE, run_before=steady(settle))


def test_light_theme_home(snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await _logged_in(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SMALL, run_before=steady(run_before))


def test_results_light_theme(snap_compare: Any) -> None:
    clock = FixedClock()

    async def run_before(pilot: Any) -> None:
        await _finished(pilot, clock)
        pilot.app.theme = "textual-light"
        # Let the theme's restyle and re-layout finish before scrolling: a page-down sent while
        # the layout is still being recomputed scrolled by a different amount under load.
        await settle(pilot)
        results = pilot.app.screen.query_one("#results", VerticalScroll)
        target = 2 * results.scrollable_content_region.height
        results.scroll_to(y=target, animate=False, immediate=True)
        await wait_for(pilot, lambda: results.scroll_y == min(target, results.max_scroll_y))
        await settle(pilot)
        assert pilot.app.animation_level == "none"

    assert snap_compare(make_app(clock=clock), terminal_size=LARGE, run_before=steady(run_before))
