"""Snapshots of the PIN screens at 120×34 on real services over a temporary SQLite database: the
login asking a trainee's PIN after a wrong one, the first-time choice of a PIN («obligatorio»), and
the formador's «Asignar PIN» modal. Regenerate with
``pytest tests/tui/test_pin_snapshots.py --snapshot-update`` and look at the SVGs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.tui.formador_data import build_room
from tests.tui.formador_pilot import (
    enter_as_formador,
    formador_app,
    on_screen,
    open_trainee,
    type_name,
)
from tests.tui.pilot_helpers import wait_for
from tests.tui.pin_pilot import give_pin, obligatory, pin_room
from tests.tui.test_formador_snapshots import SIZE, steady


@pytest.fixture()
def strict(data_dir: Path) -> Iterator[Any]:
    yield from obligatory(data_dir)


def test_login_wrong_pin(snap_compare: Any, services: Any, clock: Any) -> None:
    pin_room(services)

    async def run_before(pilot: Any) -> None:
        await type_name(pilot, "Ana López")
        await give_pin(pilot, "0000")

    app = formador_app(services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_login_choose_pin(snap_compare: Any, strict: Any, clock: Any) -> None:
    build_room(strict, calls_each=1)

    async def run_before(pilot: Any) -> None:
        await type_name(pilot, "Beto Ruiz")
        pilot.app.screen.query_one("#password", Input).value = "2468"

    app = formador_app(strict, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_formador_pin_modal(snap_compare: Any, services: Any, clock: Any) -> None:
    pin_room(services)

    async def run_before(pilot: Any) -> None:
        await enter_as_formador(pilot)
        await open_trainee(pilot, 0)  # Ana López, who has a PIN: «Restablecer»
        await pilot.press("p")
        await wait_for(pilot, lambda: on_screen(pilot, "PinModal"))
        pilot.app.screen.query_one("#pin", Input).value = "8642"

    app = formador_app(services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))
