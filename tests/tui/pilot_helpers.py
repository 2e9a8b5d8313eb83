"""Drive the app like a trainee: log in, pick a scenario, talk, capture, hold, sell, hang up.

Typing through ``pilot.press`` costs ~80 ms a key, so lines are put in ``Input.value`` and sent
with Enter, which goes through the same handlers as real typing.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

AppT = TypeVar("AppT", bound=App[Any])
# A guard against a hung test, not a speed requirement: generous for a loaded 2-core machine.
PATIENCE_SECONDS = 60.0


def quiet(app: AppT) -> AppT:
    """No animations: a scroll lands where it is going at once, however busy the machine is."""
    app.animation_level = "none"
    return app


# Voice listens in a worker for as long as it is on: waiting for "no work pending" skips it.
LISTENING_GROUP = "voice-listen"


def _work(app: App[Any]) -> list[Any]:
    return [worker for worker in app.workers if worker.group != LISTENING_GROUP]


def _busy(app: App[Any]) -> bool:
    return any(not worker.is_finished for worker in _work(app))


async def _finish_work(app: App[Any]) -> None:
    work = _work(app)
    if work:  # an empty list would mean "every worker" to wait_for_complete
        await app.workers.wait_for_complete(work)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until no worker runs (customer replies, loading, saving) and the screen is refreshed.

    A worker's result may start another worker (load → show → load more), so this loops until a
    refresh finds nothing running.
    """
    app = pilot.app
    deadline = time.monotonic() + PATIENCE_SECONDS
    while True:
        await _finish_work(app)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        if not _busy(app):
            await pilot.pause()
            if not _busy(app):
                return
        if time.monotonic() > deadline:
            raise AssertionError("la aplicación no terminó su trabajo pendiente")


async def wait_for(pilot: Pilot[Any], condition: Callable[[], object], what: str = "") -> None:
    """Let the app run until ``condition()`` is true (workers finished, screens refreshed)."""
    deadline = time.monotonic() + PATIENCE_SECONDS
    while True:
        try:
            if condition():
                await pilot.pause()
                return
        except Exception:  # a widget not mounted yet
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"no se cumplió la condición esperada {what}".strip())
        await app_step(pilot)


async def app_step(pilot: Pilot[Any]) -> None:
    if _busy(pilot.app):
        await _finish_work(pilot.app)
    await pilot.pause(0.01)


async def login(pilot: Pilot[Any], name: str = "Mariana") -> None:
    app: Any = pilot.app
    await wait_for(pilot, lambda: type(app.screen).__name__ == "LoginScreen")
    await settle(pilot)
    app.screen.query_one("#name", Input).value = name
    await pilot.press("enter")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen", "(inicio)")
    await settle(pilot)


async def open_scenario(
    pilot: Pilot[Any], scenario_id: str, seed: int = 7, mode: str = "practice"
) -> Any:
    """Choose a scenario from home, fill the start modal and start; returns the CallScreen."""
    app: Any = pilot.app
    app.choose_call(scenario_id)
    await wait_for(pilot, lambda: type(app.screen).__name__ == "StartCallModal")
    modal = app.screen
    modal.query_one("#seed", Input).value = str(seed)
    if mode == "exam":
        modal.query_one("#exam").value = True
    await pilot.pause()
    await pilot.click("#start")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "CallScreen", "(llamada)")
    await settle(pilot)
    return app.screen


async def say(pilot: Pilot[Any], text: str) -> None:
    screen: Any = pilot.app.screen
    screen.say.value = text
    screen.say.focus()
    await pilot.press("enter")
    await settle(pilot)


async def capture(pilot: Pilot[Any], field: str, value: str) -> None:
    screen: Any = pilot.app.screen
    widget = screen.query_one(f"#cap-{field}", Input)
    widget.value = value
    widget.focus()
    await pilot.press("enter")
    await pilot.pause()


async def play_script(pilot: Pilot[Any], lines: list[str], clock: Any = None) -> None:
    """Play a harness script through the UI (/dato, /venta, /espera N, /colgar)."""
    for line in lines:
        if line.startswith("/dato "):
            field, _, value = line[len("/dato ") :].partition("=")
            await capture(pilot, field.strip(), value.strip())
        elif line.startswith("/venta"):
            await register(pilot, line[len("/venta") :].strip() or None)
        elif line.startswith("/espera"):
            seconds = float(line.split()[1]) if len(line.split()) > 1 else 10.0
            await pilot.press("f4")
            await pilot.pause()
            if clock is not None:
                clock.advance(seconds)
            await pilot.press("f4")
            await settle(pilot)
        elif line.startswith("/colgar"):
            return
        else:
            await say(pilot, line)


async def hang_up_and_finish(pilot: Pilot[Any]) -> None:
    app: Any = pilot.app
    await pilot.press("f6")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmModal")
    await pilot.click("#yes")
    await wait_for(pilot, lambda: getattr(app.screen, "phase", None) == "wrapup", "(tipificación)")
    await pilot.press("f6")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "ResultsScreen", "(resultados)")
    await settle(pilot)


def steady(run_before: Callable[[Any], Awaitable[None]]) -> Callable[[Any], Awaitable[None]]:
    """A snapshot's ``run_before`` that ends still: work finished, notifications gone, no blinking
    cursor (so the picture does not depend on timing)."""

    async def wrapped(pilot: Any) -> None:
        await run_before(pilot)
        await settle(pilot)
        pilot.app.clear_notifications()
        for screen in pilot.app.screen_stack:
            for widget in screen.query(Input):
                widget.cursor_blink = False
        await pilot.pause()
        await settle(pilot)

    return wrapped


async def register(pilot: Any, product: str | None = None) -> None:
    """F5, then on the product list (catalogs with more than one product) Enter on the product
    named (default: the one the list preselects, the last the agent spoke of)."""
    from simulator.tui.screens.register_modal import RegisterModal

    await pilot.press("f5")
    await pilot.pause()
    screen = pilot.app.screen
    if not isinstance(screen, RegisterModal):
        return
    if product is not None:
        from simulator.session.product_choice import chosen_product

        name = chosen_product(product, screen.scenario).name
        names = [p.name for p in screen.scenario.catalog]
        screen.query_one("#register-products").highlighted = names.index(name)
    await pilot.press("enter")
    await pilot.pause()
