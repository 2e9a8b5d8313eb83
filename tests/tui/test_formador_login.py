"""Login with roles: a formador needs their password, a trainee enters with their name."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Static

from tests.tui.formador_data import build_room
from tests.tui.formador_pilot import (
    enter_as_formador,
    formador_app,
    give_password,
    on_screen,
    type_name,
)
from tests.tui.pilot_helpers import settle, wait_for


async def test_a_formador_is_asked_for_a_masked_password(services: Any, clock: Any) -> None:
    build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await type_name(pilot, "marta")
        assert on_screen(pilot, "LoginScreen")
        field = app.screen.query_one("#password", Input)
        assert field.display and field.password and field.has_focus
        assert app.trainee is None


async def test_a_wrong_password_gives_a_spanish_message_and_no_entry(
    services: Any, clock: Any
) -> None:
    build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await type_name(pilot, "Marta")
        await give_password(pilot, "no-es-la-buena")
        assert on_screen(pilot, "LoginScreen")
        assert app.trainee is None
        status = str(app.screen.query_one("#login-status", Static).render())
        assert "Formador o contraseña incorrectos." in status
        assert app.screen.query_one("#password", Input).value == ""


async def test_the_right_password_opens_the_formador_dashboard(services: Any, clock: Any) -> None:
    room = build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await enter_as_formador(pilot)
        assert app.trainee is not None and app.trainee.id == room.formador_id
        assert "formador" in app.sub_title


async def test_choosing_a_formador_from_the_list_asks_the_password(
    services: Any, clock: Any
) -> None:
    build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await wait_for(pilot, lambda: on_screen(pilot, "LoginScreen"))
        await settle(pilot)
        known: Any = app.screen.query_one("#known")
        labels = [str(known.get_option_at_index(i).prompt) for i in range(known.option_count)]
        index = next(i for i, label in enumerate(labels) if label.startswith("Marta"))
        assert labels[index] == "Marta (formador)"
        known.highlighted = index
        known.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert on_screen(pilot, "LoginScreen") and app.trainee is None
        assert app.screen.query_one("#password", Input).display
        await pilot.press("escape")  # leave the password question, stay on the login
        await settle(pilot)
        assert on_screen(pilot, "LoginScreen")
        assert not app.screen.query_one("#password", Input).display


async def test_a_trainee_enters_without_a_password_and_sees_their_home(
    services: Any, clock: Any
) -> None:
    room = build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await type_name(pilot, "Ana López")
        await wait_for(pilot, lambda: on_screen(pilot, "HomeScreen"), "(inicio)")
        assert app.trainee is not None and app.trainee.id == room.trainees["Ana López"]
        assert app.trainee.role == "trainee"
