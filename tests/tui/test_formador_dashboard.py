"""The formador's dashboard and the trainee drill-down, on real services over temporary SQLite."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable, Static

from tests.tui.formador_data import build_room
from tests.tui.formador_pilot import (
    enter_as_formador,
    formador_app,
    on_screen,
    open_call,
    open_trainee,
)
from tests.tui.pilot_helpers import settle


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _row(table: DataTable[Any], index: int) -> list[str]:
    return [str(cell).strip() for cell in table.get_row_at(index)]


async def test_the_heatmap_shows_every_trainee_with_symbols_percentages_and_flags(
    services: Any, clock: Any
) -> None:
    build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await enter_as_formador(pilot)
        screen: Any = app.screen
        heatmap = screen.query_one("#heatmap", DataTable)
        assert heatmap.row_count == 3
        beto = _row(heatmap, 1)
        assert beto[0] == "Beto Ruiz"
        assert beto[1] == "reinc. recurr."
        # Needs detection never met: symbol of «bajo» and 0 % (readable without colour).
        assert "○  0%" in beto
        ana = _row(heatmap, 0)
        assert ana[1] == "—" and "●100%" in ana
        summary = _text(screen, "#summary")
        assert "Grupo A" in summary and "3 aprendices" in summary
        assert "PEC 67%" in summary and "asignaciones cumplidas 0/6 · 3 venc." in summary
        assert "Leyenda" in _text(screen, "#legend")
        heatmap.move_cursor(row=1)
        await settle(pilot)
        flags = _text(screen, "#trainee-flags")
        assert "Reincidente" in flags and "Información incorrecta" in flags
        assert "Recurrente" in flags


async def test_enter_on_a_trainee_lists_their_calls_and_enter_opens_the_review(
    services: Any, clock: Any
) -> None:
    room = build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await enter_as_formador(pilot)
        await open_trainee(pilot, 1)
        screen: Any = app.screen
        assert screen.trainee_id == room.trainees["Beto Ruiz"]
        calls = screen.query_one("#calls", DataTable)
        assert calls.row_count == 5
        assert _row(calls, 0)[2] == "48"  # newest first
        assert "VENCIDA" in _text(screen, "#trainee-assignments")
        assert "Reincidente" in _text(screen, "#trainee-summary")
        await open_call(pilot, 0)
        assert app.screen.view.saved.call_id == room.calls["Beto Ruiz"][-1]
        await pilot.press("escape")
        await settle(pilot)
        assert on_screen(pilot, "FormadorTraineeScreen")
        await pilot.press("escape")
        await settle(pilot)
        assert on_screen(pilot, "FormadorDashboardScreen")


async def test_no_cohorts_tells_the_formador_the_command(services: Any, clock: Any) -> None:
    services.formador.create_formador("Marta", "secreta123")
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await enter_as_formador(pilot)
        screen: Any = app.screen
        empty = _text(screen, "#dash-empty")
        assert "Todavía no hay cohortes" in empty
        assert "simulador cohorte crear NOMBRE --formador Marta" in empty
        assert not screen.query_one("#heatmap").display


async def test_an_empty_cohort_says_how_to_add_trainees(services: Any, clock: Any) -> None:
    marta = services.formador.create_formador("Marta", "secreta123")
    services.formador.create_cohort(marta.id, "Grupo B")
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await enter_as_formador(pilot)
        empty = _text(app.screen, "#dash-empty")
        assert "«Grupo B» no tiene aprendices" in empty
        assert 'simulador cohorte agregar "Grupo B"' in empty


async def test_the_cohort_picker_switches_the_dashboard(services: Any, clock: Any) -> None:
    room = build_room(services)
    other = services.formador.create_cohort(room.formador_id, "Grupo B")
    services.formador.add_to_cohort(room.formador_id, other.id, room.trainees["Ana López"])
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await enter_as_formador(pilot)
        screen: Any = app.screen
        assert screen.board.cohort_name == "Grupo A"
        screen.query_one("#cohort").value = other.id
        await settle(pilot)
        assert screen.board.cohort_name == "Grupo B"
        assert screen.query_one("#heatmap", DataTable).row_count == 1
        assert "Grupo B" in _text(screen, "#summary")


async def test_escape_on_the_dashboard_goes_back_to_the_login(services: Any, clock: Any) -> None:
    build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await enter_as_formador(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert on_screen(pilot, "LoginScreen") and app.trainee is None


async def test_d_switches_the_heatmap_to_skills_and_back(services: Any, clock: Any) -> None:
    build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await enter_as_formador(pilot)
        screen: Any = app.screen
        heatmap = screen.query_one("#heatmap", DataTable)
        elements = [str(c.label).strip() for c in heatmap.columns.values()]
        assert "Apert." in elements and "Sondeo" not in elements
        await pilot.press("d")
        await settle(pilot)
        skills = [str(c.label).strip() for c in heatmap.columns.values()]
        assert "Sondeo" in skills and "Escuch." in skills and "Apert." not in skills
        assert heatmap.row_count == 3
        ana = _row(heatmap, 0)
        board = screen.board
        probing = board.rows[0].skills["probing"]
        assert probing is not None and any(str(round(probing)) in cell for cell in ana)
        assert "destrezas" in _text(screen, "#legend")
        await pilot.press("d")
        await settle(pilot)
        back = [str(c.label).strip() for c in heatmap.columns.values()]
        assert back == elements
