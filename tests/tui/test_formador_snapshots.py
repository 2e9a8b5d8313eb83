"""Snapshots of the formador's screens (login with password, dashboard, trainee, call review,
correction modal, calibration log) at 120×34, on real services over a temporary SQLite database
with fixed data (``formador_data.py``). Regenerate with
``pytest tests/tui/test_formador_snapshots.py --snapshot-update`` and look at the SVGs.

Stable under load: every capture waits for the workers and the refresh (``settle``), cursors do
not blink, notifications are cleared, animations are off (``conftest.py``).
"""

from __future__ import annotations

from typing import Any

from tests.tui.formador_data import build_room
from tests.tui.formador_pilot import (
    enter_as_formador,
    formador_app,
    give_password,
    on_screen,
    open_call,
    open_trainee,
    type_name,
)
from tests.tui.pilot_helpers import steady, wait_for

SIZE = (120, 34)


def test_formador_wrong_password(snap_compare: Any, services: Any, clock: Any) -> None:
    build_room(services)

    async def run_before(pilot: Any) -> None:
        await type_name(pilot, "Marta")
        await give_password(pilot, "equivocada")

    app = formador_app(services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_formador_dashboard(snap_compare: Any, services: Any, clock: Any) -> None:
    build_room(services)

    async def run_before(pilot: Any) -> None:
        await enter_as_formador(pilot)
        pilot.app.screen.query_one("#heatmap").move_cursor(row=1)

    app = formador_app(services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_formador_dashboard_skills(snap_compare: Any, services: Any, clock: Any) -> None:
    build_room(services)

    async def run_before(pilot: Any) -> None:
        await enter_as_formador(pilot)
        await pilot.press("d")
        pilot.app.screen.query_one("#heatmap").move_cursor(row=1)

    app = formador_app(services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_formador_dashboard_without_cohorts(snap_compare: Any, services: Any, clock: Any) -> None:
    services.formador.create_formador("Marta", "secreta123")
    app = formador_app(services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(enter_as_formador))


def test_formador_trainee(snap_compare: Any, services: Any, clock: Any) -> None:
    build_room(services)

    async def run_before(pilot: Any) -> None:
        await enter_as_formador(pilot)
        await open_trainee(pilot, 1)

    app = formador_app(services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_formador_call_corrected(snap_compare: Any, services: Any, clock: Any) -> None:
    room = build_room(services)
    call_id = room.calls["Beto Ruiz"][-1]
    services.formador.override(
        room.formador_id, call_id, "element", "opening_protocol", "not_met",
        "No confirmó con quién hablaba.",
    )  # fmt: skip

    async def run_before(pilot: Any) -> None:
        await enter_as_formador(pilot)
        await open_trainee(pilot, 1)
        await open_call(pilot, 0)

    app = formador_app(services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_formador_override_modal(snap_compare: Any, services: Any, clock: Any) -> None:
    build_room(services)

    async def run_before(pilot: Any) -> None:
        await enter_as_formador(pilot)
        await open_trainee(pilot, 1)
        await open_call(pilot, 0)
        await pilot.press("c")
        await wait_for(pilot, lambda: on_screen(pilot, "OverrideModal"))
        pilot.app.screen.select("element:call_closing", "met", "Se despidió según el protocolo.")

    app = formador_app(services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_formador_calibration(snap_compare: Any, services: Any, clock: Any) -> None:
    room = build_room(services)
    marta, beto = room.formador_id, room.calls["Beto Ruiz"]
    services.formador.override(marta, beto[0], "element", "needs_detection", "met", "Sondeó.")
    services.formador.override(marta, beto[1], "element", "call_closing", "not_met", "Bien.")

    async def run_before(pilot: Any) -> None:
        await enter_as_formador(pilot)
        await pilot.press("l")
        await wait_for(pilot, lambda: on_screen(pilot, "FormadorCalibrationScreen"))

    app = formador_app(services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))
