"""Trainees sign in with a PIN: right, wrong, the pause after 5 wrong tries, the first-time choice
with «obligatorio», and the formador giving, replacing and removing a PIN in the drill-down."""

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
from tests.tui.pilot_helpers import settle, wait_for
from tests.tui.pin_pilot import ANA_PIN, give_pin, login_status, obligatory, pin_room

WRONG = "Nombre o PIN incorrectos."


@pytest.fixture()
def strict(data_dir: Path) -> Iterator[Any]:
    yield from obligatory(data_dir)


async def test_a_trainee_with_a_pin_is_asked_for_it_masked(services: Any, clock: Any) -> None:
    pin_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await type_name(pilot, "ana lopez")
        assert on_screen(pilot, "LoginScreen") and app.trainee is None
        field = app.screen.query_one("#password", Input)
        assert field.display and field.password and field.has_focus
        assert not app.screen.query_one("#pin-repeat", Input).display


async def test_the_right_pin_enters_and_a_wrong_one_does_not(services: Any, clock: Any) -> None:
    room, _ = pin_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await type_name(pilot, "Ana López")
        await give_pin(pilot, "9999")
        assert on_screen(pilot, "LoginScreen") and app.trainee is None
        assert WRONG in login_status(pilot)
        assert app.screen.query_one("#password", Input).value == ""
        await give_pin(pilot, ANA_PIN)
        await wait_for(pilot, lambda: on_screen(pilot, "HomeScreen"), "(inicio)")
        assert app.trainee is not None and app.trainee.id == room.trainees["Ana López"]


async def test_five_wrong_pins_pause_the_name_for_30_seconds(services: Any, clock: Any) -> None:
    _, signin_clock = pin_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await type_name(pilot, "Ana López")
        for _ in range(4):
            await give_pin(pilot, "0000")
            assert WRONG in login_status(pilot)
        await give_pin(pilot, "0000")
        assert "Demasiados intentos fallidos. Espere 30 segundos" in login_status(pilot)
        signin_clock.advance(10)
        await give_pin(pilot, ANA_PIN)  # even the right PIN waits for the pause
        assert "Espere 20 segundos" in login_status(pilot)
        assert on_screen(pilot, "LoginScreen") and app.trainee is None
        signin_clock.advance(21)
        await give_pin(pilot, ANA_PIN)
        await wait_for(pilot, lambda: on_screen(pilot, "HomeScreen"), "(inicio)")


async def test_a_name_that_does_not_exist_gets_the_same_answer_and_pause(
    services: Any, clock: Any
) -> None:
    """Nothing tells whether a name exists: an unknown formador name is refused and paused
    exactly like a known one with a wrong password."""
    pin_room(services)
    app = formador_app(services, clock)
    answers = []
    for name in ("Marta", "Nadie Existe"):
        for _ in range(5):
            try:
                services.desk.authenticate(name, "equivocada")
            except Exception as error:  # noqa: BLE001 - the message is what is compared
                answers.append((name, str(error)))
    assert [a for n, a in answers if n == "Marta"] == [a for n, a in answers if n != "Marta"]
    assert answers[-1][1].startswith("Demasiados intentos fallidos")
    async with app.run_test(size=(100, 34)) as pilot:
        await type_name(pilot, "Marta")
        await give_pin(pilot, "secreta123")  # the right password, during the pause
        assert "Demasiados intentos fallidos" in login_status(pilot)
        assert app.trainee is None


async def test_without_a_pin_and_opcional_a_trainee_enters_by_name(
    services: Any, clock: Any
) -> None:
    room, _ = pin_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await type_name(pilot, "Beto Ruiz")
        await wait_for(pilot, lambda: on_screen(pilot, "HomeScreen"), "(inicio)")
        assert app.trainee is not None and app.trainee.id == room.trainees["Beto Ruiz"]


async def test_obligatorio_a_trainee_without_pin_chooses_one_typed_twice(
    strict: Any, clock: Any
) -> None:
    room = build_room(strict, calls_each=1)
    beto = room.trainees["Beto Ruiz"]
    app = formador_app(strict, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await type_name(pilot, "Beto Ruiz")
        repeat = app.screen.query_one("#pin-repeat", Input)
        assert repeat.display and repeat.password
        await give_pin(pilot, "2468", "2469")
        assert "Los dos PIN no coinciden" in login_status(pilot)
        await give_pin(pilot, "12", "12")
        assert "de 4 a 8 dígitos" in login_status(pilot)
        assert app.trainee is None
        await give_pin(pilot, "2468", "2468")
        await wait_for(pilot, lambda: on_screen(pilot, "HomeScreen"), "(inicio)")
        assert app.trainee is not None and app.trainee.id == beto
    assert strict.signin.pin_step(beto) == "pin"
    assert strict.signin.sign_in(beto, "2468").id == beto


async def test_enter_in_the_first_pin_field_moves_to_the_second_and_says_so(
    strict: Any, clock: Any
) -> None:
    room = build_room(strict, calls_each=1)
    app = formador_app(strict, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await type_name(pilot, "Beto Ruiz")
        assert room.trainees["Beto Ruiz"]
        field = app.screen.query_one("#password", Input)
        assert app.focused is field
        await pilot.press(*"2468", "enter")
        await settle(pilot)
        repeat = app.screen.query_one("#pin-repeat", Input)
        assert app.focused is repeat and field.value == "2468" and not repeat.value
        assert "Escriba el mismo PIN otra vez" in login_status(pilot)
        await pilot.press(*"2468", "enter")
        await wait_for(pilot, lambda: on_screen(pilot, "HomeScreen"), "(inicio)")


async def test_obligatorio_a_new_name_chooses_a_pin_before_entering(
    strict: Any, clock: Any
) -> None:
    app = formador_app(strict, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await type_name(pilot, "Diana Nueva")
        assert on_screen(pilot, "LoginScreen") and app.trainee is None
        await give_pin(pilot, "13579", "13579")
        await wait_for(pilot, lambda: on_screen(pilot, "HomeScreen"), "(inicio)")
    found = strict.trainees.find("diana nueva")
    assert found is not None and found.has_password


async def test_escape_leaves_the_pin_question(services: Any, clock: Any) -> None:
    pin_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await type_name(pilot, "Ana López")
        await pilot.press("escape")
        await settle(pilot)
        assert on_screen(pilot, "LoginScreen")
        assert not app.screen.query_one("#password", Input).display
        assert app.screen.query_one("#name", Input).has_focus


async def _open_pin_modal(pilot: Any, row: int) -> None:
    await enter_as_formador(pilot)
    await open_trainee(pilot, row)
    await pilot.press("p")
    await wait_for(pilot, lambda: on_screen(pilot, "PinModal"), "(PIN)")
    await settle(pilot)


async def test_the_formador_gives_a_pin_then_resets_and_removes_it(
    services: Any, clock: Any
) -> None:
    room = build_room(services, calls_each=2)
    carla = room.trainees["Carla Díaz"]
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 34)) as pilot:
        await _open_pin_modal(pilot, 2)
        assert "Asignar PIN a Carla Díaz" in str(app.screen.query_one("#pin-title").render())
        assert not app.screen.query("#remove")
        app.screen.query_one("#pin", Input).value = "1357"
        app.screen.query_one("#pin-repeat", Input).value = "7531"
        await pilot.click("#save")
        await settle(pilot)
        assert on_screen(pilot, "PinModal")  # the two differ: nothing saved
        assert "no coinciden" in str(app.screen.query_one("#pin-error").render())
        assert services.signin.pin_step(carla) == "enter"
        app.screen.query_one("#pin", Input).value = "1357"
        app.screen.query_one("#pin-repeat", Input).value = "1357"
        app.screen.query_one("#pin-repeat", Input).focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: on_screen(pilot, "FormadorTraineeScreen"))
        await settle(pilot)
        assert services.signin.sign_in(carla, "1357").id == carla
        summary = str(app.screen.query_one("#trainee-summary").render())
        assert "PIN asignado" in summary
        # Now key p resets it: a new PIN replaces the old one.
        await pilot.press("p")
        await wait_for(pilot, lambda: on_screen(pilot, "PinModal"))
        await settle(pilot)
        assert "Restablecer el PIN de Carla Díaz" in str(
            app.screen.query_one("#pin-title").render()
        )
        await pilot.click("#remove")
        await wait_for(pilot, lambda: on_screen(pilot, "FormadorTraineeScreen"))
        # the summary is refreshed by a worker after the removal: wait for it, do not race it
        await wait_for(
            pilot,
            lambda: "sin PIN" in str(app.screen.query_one("#trainee-summary").render()),
            "(resumen con «sin PIN»)",
        )
    assert services.signin.pin_step(carla) == "enter"


async def test_a_reset_pin_replaces_the_old_one_and_lifts_the_pause(
    services: Any, clock: Any
) -> None:
    room, signin_clock = pin_room(services)
    ana = room.trainees["Ana López"]
    for _ in range(5):
        with pytest.raises(Exception, match="incorrectos|Demasiados"):
            services.signin.sign_in(ana, "0000")
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 34)) as pilot:
        await _open_pin_modal(pilot, 0)
        app.screen.query_one("#pin", Input).value = "8642"
        app.screen.query_one("#pin-repeat", Input).value = "8642"
        await pilot.click("#save")
        await wait_for(pilot, lambda: on_screen(pilot, "FormadorTraineeScreen"))
        await settle(pilot)
    with pytest.raises(Exception, match=WRONG):
        services.signin.sign_in(ana, ANA_PIN)
    assert services.signin.sign_in(ana, "8642").id == ana
