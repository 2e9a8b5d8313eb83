"""Drive the login as a trainee with a PIN, and give PINs as a formador (real services, temporary
SQLite): a room where «Ana López» has the PIN 4321 and «Beto Ruiz» has none, and a clock for the
pause after wrong tries that the test moves by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.tui.formador_data import Room, build_room
from tests.tui.pilot_helpers import settle

ANA_PIN = "4321"


class MovingClock:
    """The sign-in service's clock (UTC datetimes), moved by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def pin_room(services: Any) -> tuple[Room, MovingClock]:
    room = build_room(services, calls_each=2)
    services.desk.set_pin(room.formador_id, room.trainees["Ana López"], ANA_PIN)
    clock = MovingClock()
    services.signin.clock = clock
    return room, clock


def obligatory(data_dir: Any) -> Iterator[Any]:
    """Services whose setting ``trainee_pin`` is «obligatorio» (``simulador serve``'s default)."""
    from simulator.services import build_services
    from simulator.settings import load_settings

    built = build_services(load_settings(trainee_pin="obligatorio"))
    yield built
    built.close()


async def give_pin(pilot: Pilot[Any], pin: str, repeat: str | None = None) -> None:
    screen = pilot.app.screen
    field = screen.query_one("#password", Input)
    field.value = pin
    if repeat is not None:
        screen.query_one("#pin-repeat", Input).value = repeat
    field.focus()
    await pilot.press("enter")  # with both fields filled, Enter in the first one checks them
    await settle(pilot)


def login_status(pilot: Pilot[Any]) -> str:
    return str(pilot.app.screen.query_one("#login-status", Static).render())
