"""Pilot tests with the real services: the formador's «Nueva asignación» screen.

A formador, a cohort and trainees are made through ``FormadorService`` on a private SQLite
database; what the screen creates is read back with ``FormadorService.my_assignments``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.widgets import Input, Select, SelectionList

from simulator.tui.app import SimuladorApp
from simulator.tui.commands import SimuladorCommands
from simulator.tui.screens.assign import AssignScreen
from tests.tui.formador_data import PASSWORD
from tests.tui.formador_pilot import enter_as_formador
from tests.tui.pilot_helpers import settle, wait_for

SIZE = (100, 34)
TODAY = date(2026, 12, 5)


def world(services: Any) -> dict[str, Any]:
    formador = services.formador
    rosa = formador.create_formador("Rosa Formadora", PASSWORD)
    ana = services.trainees.get_or_create("Ana")
    beto = services.trainees.get_or_create("Beto")
    group = formador.create_cohort(rosa.id, "Grupo A")
    formador.add_to_cohort(rosa.id, group.id, ana.id)
    formador.add_to_cohort(rosa.id, group.id, beto.id)
    return {"rosa": rosa, "ana": ana, "beto": beto, "group": group}


async def open_assign(pilot: Any, who: Any) -> Any:
    """The app with ``who`` signed in, on the assignment screen (loaded)."""
    app = pilot.app
    await wait_for(pilot, lambda: type(app.screen).__name__ == "LoginScreen")
    await settle(pilot)
    app.trainee = who
    app.push_screen(AssignScreen(today=lambda: TODAY))
    await wait_for(pilot, lambda: type(app.screen).__name__ == "AssignScreen")
    await settle(pilot)
    return app.screen


def fill(screen: Any, **values: str) -> None:
    for field, value in values.items():
        screen.query_one(f"#{field}", Input).value = value


def status(screen: Any) -> str:
    return str(screen.last_message)


async def test_a_formador_assigns_two_scenarios_to_a_whole_cohort(
    services: Any, clock: Any
) -> None:
    people = world(services)
    app = SimuladorApp(services=services, settings=services.settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_assign(pilot, people["rosa"])
        scenarios = screen.query_one("#scenarios", SelectionList)
        assert scenarios.option_count == len(services.library.scenarios)
        assert app.focused is scenarios
        await pilot.press("space", "down", "space")  # mark the first two
        chosen = list(scenarios.selected)
        assert len(chosen) == 2
        await pilot.click("#to-cohort")
        await pilot.pause()
        assert screen.query_one("#cohort").display and not screen.query_one("#trainee").display
        screen.query_one("#cohort", Select).value = people["group"].id
        fill(screen, due="15/12/2026", target="80", attempts="2")
        await pilot.click("#exam")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert status(screen) == (
            "Listo: 2 escenarios asignados a la cohorte «Grupo A» en modo examen, "
            "vence 15/12/2026, meta 80, 2 intentos."
        )
        assert any("Listo: 2 escenarios" in n.message for n in app._notifications)
        assert list(scenarios.selected) == []  # pressing again does not assign twice
    for trainee in (people["ana"], people["beto"]):
        mine = services.formador.my_assignments(trainee.id, today=TODAY)
        assert sorted(s.assignment.scenario_id for s in mine) == sorted(chosen)
        assert {
            (s.assignment.mode, s.assignment.max_attempts, s.assignment.target_score) for s in mine
        } == {("exam", 2, 80)}
        assert {s.assignment.due_date for s in mine} == {date(2026, 12, 15)}
        assert {s.assignment.cohort_id for s in mine} == {people["group"].id}


async def test_bad_input_gets_a_spanish_message_and_assigns_nothing(
    services: Any, clock: Any
) -> None:
    people = world(services)
    app = SimuladorApp(services=services, settings=services.settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_assign(pilot, people["rosa"])
        await pilot.press("ctrl+s")
        assert status(screen) == "Marque al menos un escenario (Espacio sobre la lista)."
        await pilot.press("space")
        await pilot.press("ctrl+s")
        assert status(screen) == "Elija al aprendiz que recibe la asignación."
        screen.query_one("#trainee", Select).value = people["ana"].id
        cases = [
            ({"due": "31/02/2026"}, "Fecha límite «31/02/2026» no válida"),
            ({"due": "mañana"}, "Fecha límite «mañana» no válida; escriba día/mes/año"),
            ({"due": "01/12/2026"}, "La fecha límite 01/12/2026 ya pasó"),
            ({"due": "", "target": "120"}, "Calificación meta «120» no válida"),
            ({"target": "", "attempts": "0"}, "Intentos «0» no válidos"),
        ]
        for values, message in cases:
            fill(screen, **values)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert status(screen).startswith(message), status(screen)
        assert services.formador.my_assignments(people["ana"].id) == []
        fill(screen, attempts="")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert status(screen) == (
            "Listo: 1 escenario asignado a «Ana» en modo práctica, intentos sin límite."
        )
    (made,) = services.formador.my_assignments(people["ana"].id, today=TODAY)
    assert made.assignment.trainee_id == people["ana"].id and made.assignment.due_date is None
    assert services.formador.my_assignments(people["beto"].id) == []


async def test_a_trainee_cannot_assign_and_escape_goes_back(services: Any, clock: Any) -> None:
    people = world(services)
    app = SimuladorApp(services=services, settings=services.settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_assign(pilot, people["ana"])
        await pilot.press("space")
        screen.query_one("#trainee", Select).value = people["beto"].id
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "no es formador" in status(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "LoginScreen"
    assert services.formador.my_assignments(people["beto"].id) == []


async def test_only_a_formador_finds_it_in_the_command_palette(services: Any, clock: Any) -> None:
    people = world(services)
    app = SimuladorApp(services=services, settings=services.settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: type(app.screen).__name__ == "LoginScreen")
        await settle(pilot)
        app.trainee = people["ana"]
        names = [name for name, _, _ in SimuladorCommands(app.screen)._commands()]
        assert "Nueva asignación" not in names
        app.trainee = people["rosa"]
        commands = {name: run for name, _, run in SimuladorCommands(app.screen)._commands()}
        commands["Nueva asignación"]()
        await wait_for(pilot, lambda: type(app.screen).__name__ == "AssignScreen")
        await settle(pilot)
        assert "Marque escenarios" in status(app.screen)


async def test_key_a_on_the_formador_dashboard_opens_it_and_escape_returns(
    services: Any, clock: Any
) -> None:
    people = world(services)
    app = SimuladorApp(services=services, settings=services.settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await enter_as_formador(pilot, "Rosa Formadora")
        assert "a" in app.screen.active_bindings
        await pilot.press("a")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "AssignScreen")
        await settle(pilot)
        screen: Any = app.screen
        await pilot.press("space")
        screen.query_one("#trainee", Select).value = people["beto"].id
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert status(screen).startswith("Listo: 1 escenario asignado a «Beto»")
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "FormadorDashboardScreen")
    (made,) = services.formador.my_assignments(people["beto"].id)
    assert made.assignment.created_by == people["rosa"].id


async def test_enter_in_a_field_assigns_like_ctrl_s(services: Any, clock: Any) -> None:
    people = world(services)
    app = SimuladorApp(services=services, settings=services.settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_assign(pilot, people["rosa"])
        screen.query_one("#attempts", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert status(screen) == "Marque al menos un escenario (Espacio sobre la lista)."
        screen.last_message = ""
        await pilot.press("shift+tab")  # the mode: Enter on the option already chosen assigns
        assert app.focused is screen.query_one("#mode")
        await pilot.press("enter")
        await settle(pilot)
        assert status(screen).startswith("Marque al menos un escenario")
        scenarios = screen.query_one("#scenarios", SelectionList)
        scenarios.select(scenarios.get_option_at_index(0).value)
        screen.query_one("#trainee", Select).value = people["ana"].id
        screen.query_one("#attempts", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert status(screen).startswith("Listo: 1 escenario asignado a «Ana»")
