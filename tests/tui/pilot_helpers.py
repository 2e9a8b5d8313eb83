"""Drive the app like a trainee: log in, pick a scenario, talk, capture, hold, sell, hang up.

Typing through ``pilot.press`` costs ~80 ms a key, so lines are put in ``Input.value`` and sent
with Enter, which goes through the same handlers as real typing.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for every worker (customer replies, loading, saving) and the resulting refresh."""
    app = pilot.app
    for _ in range(4):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def login(pilot: Pilot[Any], name: str = "Mariana") -> None:
    await settle(pilot)
    pilot.app.screen.query_one("#name", Input).value = name
    await pilot.press("enter")
    await settle(pilot)


async def open_scenario(
    pilot: Pilot[Any], scenario_id: str, seed: int = 7, mode: str = "practice"
) -> Any:
    """Choose a scenario from home, fill the start modal and start; returns the CallScreen."""
    app: Any = pilot.app
    app.choose_call(scenario_id)
    await pilot.pause()
    modal = app.screen
    modal.query_one("#seed", Input).value = str(seed)
    if mode == "exam":
        modal.query_one("#exam").value = True
    await pilot.pause()
    await pilot.click("#start")
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
            await pilot.press("f5")
            await pilot.pause()
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
    await pilot.press("f6")
    await pilot.pause()
    await pilot.click("#yes")
    await settle(pilot)
    await pilot.press("f6")
    await settle(pilot)
