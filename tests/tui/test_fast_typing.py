"""A fast typist's keys go where they were meant, however fast they come (ux-d, session 18).

A terminal hands the app every key typed ahead at once; ``pilot.press`` waits for the app between
keys and would never see the problem. ``burst`` sends a whole run of keys at once, like typeahead:
the keys typed right after Enter used to land in the field Enter left (the next capture field took
focus only once Enter's message came round) or were wiped with it (the talk line was cleared after
the keys typed behind Enter were already in it), and a PIN typed behind the name went into the
name field, in clear.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from simulator.tui.app import SimuladorApp
from tests.tui.fakes import FakeServices, make_settings
from tests.tui.formador_pilot import formador_app, on_screen
from tests.tui.pilot_helpers import login, open_scenario, settle, wait_for
from tests.tui.pin_pilot import ANA_PIN, pin_room

SIZE = (100, 34)


async def burst(pilot: Pilot[Any], keys: str | list[str]) -> None:
    """Send every key at once (no pause between them), then let the app catch up."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        name = {"\n": "enter", " ": "space"}.get(key, key)
        char = {"enter": "\r", "space": " "}.get(name, key if len(key) == 1 else None)
        event = events.Key(name, char)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await settle(pilot)


async def _on_a_call(pilot: Any) -> Any:
    """Logged in, the internet sale opened and dialled: the call screen, talking."""
    await login(pilot)
    call: Any = await open_scenario(pilot, "internet-veloz-hogar")
    await pilot.press("f2", "f3")
    await settle(pilot)
    return call


async def _capture_fields(pilot: Any, call: Any) -> list[Input]:
    """The capture form opened: its fields, in order."""
    call.action_capture()
    await settle(pilot)
    return list(call.capture_form.query(Input))


async def test_keys_after_enter_go_to_the_next_capture_field(clock: Any) -> None:
    app = SimuladorApp(services=FakeServices(), settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        call = await _on_a_call(pilot)
        fields = await _capture_fields(pilot, call)
        assert len(fields) >= 2 and fields[0].has_focus
        await burst(pilot, list("Rosa") + ["enter"] + list("5512"))
        assert (fields[0].value, fields[1].value) == ("Rosa", "5512")
        assert call.session.captured[str(fields[0].name)] == "Rosa"  # never half of it


async def test_keys_after_enter_on_the_talk_line_are_kept(clock: Any) -> None:
    app = SimuladorApp(services=FakeServices(), settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        call = await _on_a_call(pilot)
        call.say.focus()
        await settle(pilot)
        await burst(pilot, list("Hola") + ["enter"] + list("Que"))
        assert call.say.value == "Que"


async def test_a_pin_typed_behind_the_name_goes_to_the_pin_field(services: Any, clock: Any) -> None:
    pin_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on_screen(pilot, "LoginScreen"))
        await settle(pilot)
        app.screen.query_one("#name", Input).focus()
        await burst(pilot, list("ana lopez") + ["enter"] + list(ANA_PIN))
        screen: Any = app.screen
        if on_screen(pilot, "LoginScreen"):
            assert screen.query_one("#name", Input).value == "ana lopez"
            assert screen.query_one("#password", Input).value == ANA_PIN
        await burst(pilot, ["enter"])
        await wait_for(pilot, lambda: on_screen(pilot, "HomeScreen"), "(inicio)")


async def test_keys_after_enter_on_the_last_capture_field_go_to_the_talk_line(clock: Any) -> None:
    app = SimuladorApp(services=FakeServices(), settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        call = await _on_a_call(pilot)
        fields = await _capture_fields(pilot, call)
        call.set_focus(fields[-1])
        await settle(pilot)
        await burst(pilot, list("Roma") + ["enter"] + list("Listo"))
        assert fields[-1].value == "Roma"
        assert call.say.value == "Listo" and call.say.has_focus
        assert call.session.captured[str(fields[-1].name)] == "Roma"
