"""Every form: Enter submits (from a field, from the option already chosen, from the button) and
Escape cancels; a list keeps Enter to open itself (session 16: the start dialog only started with
Ctrl+S, Enter on the mode did nothing and Tab went through an invisible scroll box)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from textual.widgets import Input, Static

from simulator.tui.app import SimuladorApp
from simulator.tui.screens.exam_validate import ExamValidateModal
from tests.tui.fakes import FakeServices, FixedClock, make_settings
from tests.tui.pilot_helpers import login, settle, wait_for

SIZE = (80, 24)


def make_app() -> SimuladorApp:
    return SimuladorApp(services=FakeServices(), settings=make_settings(), clock=FixedClock())


async def start_dialog(pilot: Any) -> Any:
    await login(pilot)
    pilot.app.choose_call("internet-veloz-hogar")
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "StartCallModal")
    await settle(pilot)
    return pilot.app.screen


def screen_name(pilot: Any) -> str:
    return type(pilot.app.screen).__name__


@pytest.mark.parametrize(
    ("field", "keys", "mode"),
    [
        ("#seed", ("enter",), "practice"),
        ("#mode", ("enter",), "practice"),
        ("#start", ("enter",), "practice"),
        ("#mode", ("right", "enter", "enter"), "exam"),  # the first Enter chooses «Examen»
    ],
)
async def test_enter_starts_the_call_from_the_seed_the_mode_and_the_button(
    field: str, keys: tuple[str, ...], mode: str
) -> None:
    app: Any = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await start_dialog(pilot)
        dialog.query_one(field).focus()
        await pilot.press(*keys)
        await wait_for(pilot, lambda: screen_name(pilot) == "CallScreen", "(llamada)")
        assert pilot.app.screen.request.mode == mode


async def test_enter_on_the_other_mode_chooses_it_and_stays() -> None:
    app: Any = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await start_dialog(pilot)
        dialog.query_one("#mode").focus()
        await pilot.press("right", "enter")
        await settle(pilot)
        assert screen_name(pilot) == "StartCallModal"
        assert dialog.request().mode == "exam"


async def test_the_persona_list_keeps_enter_and_escape_cancels() -> None:
    app: Any = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await start_dialog(pilot)
        persona = dialog.query_one("#persona")
        persona.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(pilot) == "StartCallModal"
        assert persona.expanded  # the list opened, nothing started
        await pilot.press("escape")  # closes the list
        await pilot.press("escape")  # cancels the dialog
        await wait_for(pilot, lambda: screen_name(pilot) == "HomeScreen", "(inicio)")


async def test_tab_goes_only_through_the_fields_and_the_dialog_says_its_keys() -> None:
    app: Any = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await start_dialog(pilot)
        chain = [widget.id for widget in dialog.focus_chain]
        assert chain == ["persona", "seed", "mode", "start", "cancel"]
        keys = str(dialog.query_one("#start-keys", Static).render())
        assert "Enter: iniciar" in keys and "Esc: cancelar" in keys


async def test_enter_on_the_chosen_decision_asks_for_the_note_then_saves() -> None:
    app: Any = make_app()
    chosen: list[Any] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        attempt: Any = SimpleNamespace(id=3, trainee_name="Mariana")
        app.push_screen(ExamValidateModal(attempt), chosen.append)
        await wait_for(pilot, lambda: screen_name(pilot) == "ExamValidateModal")
        modal: Any = app.screen
        await pilot.press("enter")  # chooses «Valido el resultado»
        await pilot.press("enter")  # submits: a note is missing
        await settle(pilot)
        assert "necesita un motivo" in str(modal.query_one("#validate-error", Static).render())
        assert app.focused is modal.query_one("#note", Input)
        modal.query_one("#note", Input).value = "Cumple el estándar."
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(chosen))
        assert chosen[0].agree and chosen[0].note == "Cumple el estándar."
