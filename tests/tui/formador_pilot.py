"""Drive the app as a formador: enter with the password, open a trainee, a call, a correction."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from simulator.tui.app import SimuladorApp
from tests.tui.formador_data import PASSWORD
from tests.tui.pilot_helpers import settle, wait_for


def formador_app(services: Any, clock: Any) -> SimuladorApp:
    return SimuladorApp(services=services, settings=services.settings, clock=clock)


def on_screen(pilot: Pilot[Any], name: str) -> bool:
    return type(pilot.app.screen).__name__ == name


async def type_name(pilot: Pilot[Any], name: str) -> None:
    app: Any = pilot.app
    await wait_for(pilot, lambda: on_screen(pilot, "LoginScreen"))
    await settle(pilot)
    app.screen.query_one("#name", Input).value = name
    await pilot.press("enter")
    await settle(pilot)


async def give_password(pilot: Pilot[Any], password: str) -> None:
    field = pilot.app.screen.query_one("#password", Input)
    field.value = password
    field.focus()
    await pilot.press("enter")
    await settle(pilot)


async def enter_as_formador(pilot: Pilot[Any], name: str = "Marta") -> None:
    await type_name(pilot, name)
    await give_password(pilot, PASSWORD)
    await wait_for(pilot, lambda: on_screen(pilot, "FormadorDashboardScreen"), "(tablero)")
    await settle(pilot)


async def open_trainee(pilot: Pilot[Any], row: int) -> None:
    screen: Any = pilot.app.screen
    heatmap = screen.query_one("#heatmap")
    heatmap.move_cursor(row=row)
    heatmap.focus()
    await pilot.press("enter")
    await wait_for(pilot, lambda: on_screen(pilot, "FormadorTraineeScreen"), "(aprendiz)")
    await settle(pilot)


async def open_call(pilot: Pilot[Any], row: int = 0) -> None:
    screen: Any = pilot.app.screen
    table = screen.query_one("#calls")
    table.move_cursor(row=row)
    table.focus()
    await pilot.press("enter")
    await wait_for(pilot, lambda: on_screen(pilot, "FormadorCallScreen"), "(revisión)")
    await settle(pilot)
