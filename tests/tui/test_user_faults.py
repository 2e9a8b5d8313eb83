"""Faults met playing the app as a trainee and as a formador (session 17), each kept fixed.

The wrap-up says «Terminar» where it said «Colgar»; the trainee's home has a visible way out for
the next person at the station; the formador sees scenario titles, not ids; a missing field reads
«Falta: Capturar…», not «Falta: Falta capturar…»; repeated faults say in how many calls.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable, Static

from simulator.tui.app import SimuladorApp
from simulator.tui.screens.call_phone import WRAPUP_PLACEHOLDER
from simulator.tui.widgets.scorecard_view import missing_line
from tests.tui.fakes import FakeServices, make_settings
from tests.tui.formador_data import build_room
from tests.tui.formador_pilot import enter_as_formador, formador_app, on_screen, open_trainee
from tests.tui.pilot_helpers import login, open_scenario, settle, wait_for

SIZE = (100, 34)


async def test_after_hanging_up_the_footer_and_the_talk_line_say_how_to_finish(clock: Any) -> None:
    app = SimuladorApp(services=FakeServices(), settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        call: Any = await open_scenario(pilot, "internet-veloz-hogar")
        await pilot.press("f2", "f3")
        await pilot.pause()
        assert call.active_bindings["f6"].binding.description == "Colgar"
        await pilot.press("f6")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmModal")
        await pilot.click("#yes")
        await wait_for(pilot, lambda: call.phase == "wrapup", "(tipificación)")
        assert call.active_bindings["f6"].binding.description == "Terminar"
        assert call.say.placeholder == WRAPUP_PLACEHOLDER
        assert "F6" in call.say.placeholder


async def test_escape_on_the_home_asks_and_then_signs_the_trainee_out(clock: Any) -> None:
    app = SimuladorApp(services=FakeServices(), settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        home = app.screen
        assert home.active_bindings["escape"].binding.description == "Salir"
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmModal")
        assert "Mariana" in str(app.screen.query_one(Static).render())
        await pilot.press("escape")  # «Seguir aquí»: nothing changes
        await settle(pilot)
        assert app.screen is home and app.trainee is not None
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmModal")
        await pilot.click("#yes")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "LoginScreen", "(entrada)")
        assert app.trainee is None


async def test_the_trainee_detail_names_scenarios_by_title(services: Any, clock: Any) -> None:
    build_room(services)
    titles = {e.scenario_id: e.title for e in services.assignment_form().scenarios}
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await enter_as_formador(pilot)
        await open_trainee(pilot, 1)
        assert on_screen(pilot, "FormadorTraineeScreen")
        screen: Any = app.screen
        calls = screen.query_one("#calls", DataTable)
        shown = {str(calls.get_row_at(i)[1]) for i in range(calls.row_count)}
        assert shown and shown <= set(titles.values())
        assignments = str(screen.query_one("#trainee-assignments", Static).render())
        assert not any(f"• {scenario_id} ·" in assignments for scenario_id in titles)
        assert any(f"• {title} ·" in assignments for title in titles.values())


def test_a_missing_field_is_not_prefixed_twice() -> None:
    line = missing_line("Falta capturar el campo «teléfono»")
    assert "Falta:[/] Capturar el campo «teléfono»" in line
    assert "Falta capturar" not in line
    assert missing_line("Nombre de la empresa").endswith("Falta:[/] Nombre de la empresa")


async def test_repeated_faults_say_in_how_many_calls(clock: Any) -> None:
    app = SimuladorApp(services=FakeServices(), settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        app.action_progress()
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ProgressScreen")
        await settle(pilot)
        faults = str(app.screen.query_one("#faults", Static).render())
        assert "— en 4 llamadas · reincidente" in faults
        assert "4 veces" not in faults and ") (" not in faults


def test_a_covered_service_is_shown_without_cost_not_as_zero_pesos() -> None:
    from simulator.tui.widgets.catalog_sheet import money

    assert money(0, "MXN") == "sin costo para el cliente"
    assert money(499, "MXN", "mes") == "$499 MXN al mes"


async def test_the_side_panel_grows_on_a_wide_screen(clock: Any) -> None:
    app = SimuladorApp(services=FakeServices(), settings=make_settings(), clock=clock)
    async with app.run_test(size=(160, 40)) as pilot:
        await login(pilot)
        call: Any = await open_scenario(pilot, "internet-veloz-hogar")
        assert call.query_one("#side").size.width == 40  # a quarter: captured names fit


async def test_a_capture_by_a_short_name_shows_in_its_own_form_field(clock: Any) -> None:
    """«/dato email=…» goes to the field «correo» and the form shows it there (lead's play,
    session 19: «/dato linea=…» was captured but the form still showed «Línea: —»); an unknown
    field is a message that lists the fields, and the form keeps what it had."""
    from textual.widgets import Input

    from tests.tui.pilot_helpers import say

    app = SimuladorApp(services=FakeServices(), settings=make_settings(), clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await login(pilot)
        call: Any = await open_scenario(pilot, "internet-veloz-hogar")
        await pilot.press("f2", "f3")
        await settle(pilot)
        await say(pilot, "/dato email=rosa.hm@correo.mx")
        await say(pilot, "/dato domicilio=Av. Juárez 145, Centro")
        values = {w.name: w.value for w in call.capture_form.query(Input)}
        assert values["correo"] == "rosa.hm@correo.mx"
        assert values["direccion"] == "Av. Juárez 145, Centro"
        assert call.session.captured["correo"] == "rosa.hm@correo.mx"
        await say(pilot, "/dato mascota=Firulais")
        assert "mascota" not in {w.name for w in call.capture_form.query(Input)}
        assert "mascota" not in call.session.captured
