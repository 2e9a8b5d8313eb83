"""Pilot tests with the real services: the trainee's assignments come first on the home screen.

The data is made the way a formador makes it (``FormadorService``: formador, cohort, assignments)
and calls are played through ``CallService`` with a harness script, on a private SQLite database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from simulator.session.script import parse_script, run_script
from simulator.tui.app import SimuladorApp
from tests.tui.conftest import SCRIPTS
from tests.tui.pilot_helpers import hang_up_and_finish, login, say, settle, wait_for

SIZE = (100, 34)
SALE = "internet-veloz-hogar"
COLLECTIONS = "cobranza-tarjeta-atrasada"


def make_app(services: Any, clock: Any) -> SimuladorApp:
    return SimuladorApp(services=services, settings=services.settings, clock=clock)


def play_call(services: Any, trainee_id: int, scenario: str, mode: str, script: str) -> Any:
    """A whole call through the services (a harness script), saved and scored."""
    live = services.calls.start(trainee_id, scenario, seed=3, mode=mode)
    text = (SCRIPTS / f"{scenario}.{script}.txt").read_text("utf-8")
    run = run_script(live.session, parse_script(text), score=False)
    return services.calls.finish(live, run.result)


def world(services: Any) -> dict[str, Any]:
    """A formador, a cohort with Mariana, and three assignments for her: an overdue practice,
    a cohort exam with two attempts, and an exam with its only attempt used."""
    formador = services.formador
    rosa = formador.create_formador("Rosa Formadora", "contraseña-larga")
    mariana = services.trainees.get_or_create("Mariana")
    group = formador.create_cohort(rosa.id, "Grupo A")
    formador.add_to_cohort(rosa.id, group.id, mariana.id)
    today = datetime.now(UTC).date()
    formador.assign(
        rosa.id, [SALE], trainee_id=mariana.id, due_date=today - timedelta(days=3), target_score=80
    )
    formador.assign(
        rosa.id, [SALE], cohort_id=group.id, mode="exam", max_attempts=2,
        due_date=today + timedelta(days=7), target_score=90,
    )  # fmt: skip
    formador.assign(
        rosa.id, [COLLECTIONS], trainee_id=mariana.id, mode="exam", max_attempts=1,
        target_score=100,
    )  # fmt: skip
    play_call(services, mariana.id, COLLECTIONS, "exam", "bad")
    return {"rosa": rosa, "mariana": mariana, "group": group}


def cells(table: Any) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_assignments_come_first_overdue_marked_in_words(services: Any, clock: Any) -> None:
    world(services)
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        home: Any = app.screen
        assert home.assigned.display and home.query_one("#assignments-title").display
        assert app.focused is home.assigned  # the assignments come first
        rows = cells(home.assigned)
        assert [r[0] for r in rows] == ["⚠ VENCIDA", "Pendiente", "✘ Agotada"]
        overdue, exam, used = rows
        assert overdue[2:] == ["Práctica", overdue[3], "80", "0 sin límite"]
        assert overdue[3] == (datetime.now(UTC).date() - timedelta(days=3)).strftime("%d/%m/%Y")
        assert exam[2] == "Examen" and exam[4:] == ["90", "0 de 2"]
        assert used[2] == "Examen" and used[3:] == ["—", "100", "1 de 1"]
        assert "bold red" in str(home.assigned.get_row_at(0)[0].style)
        assert "VENCIDA" in str(home.query_one("#row-detail").content)
        # The library is still there, with the assigned scenarios first.
        assert home.table.row_count == len(services.library.scenarios)
        assert {r.scenario_id for r in home.visible_rows()[:2]} == {SALE, COLLECTIONS}


async def test_an_exam_without_attempts_left_cannot_start(services: Any, clock: Any) -> None:
    world(services)
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        home: Any = app.screen
        home.assigned.move_cursor(row=2)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        shown = [note.message for note in app._notifications]
        assert any("Ya usó su único intento del examen" in m for m in shown), shown
        assert "ya no puede iniciarse" in str(home.query_one("#row-detail").content)


async def test_an_exam_assignment_starts_in_exam_mode_and_counts(services: Any, clock: Any) -> None:
    people = world(services)
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        home: Any = app.screen
        home.assigned.move_cursor(row=1)  # the cohort's exam, 0 of 2 attempts
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "StartCallModal")
        modal: Any = app.screen
        assert modal.query_one("#mode").disabled  # the assignment decides the mode
        assert "intento 1 de 2" in modal.note and "meta 90" in modal.note
        request = modal.request()
        assert (request.scenario_id, request.mode) == (SALE, "exam")
        await pilot.click("#start")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "CallScreen", "(llamada)")
        call: Any = app.screen
        assert call.session.mode == "exam"
        await pilot.press("f2", "f3")
        await pilot.pause()
        await say(pilot, "Buenos días, le llamo de Internet Veloz. ¿Hablo con la señora Rosa?")
        assert call.phase == "live"
        await hang_up_and_finish(pilot)
        app.go_home()
        await settle(pilot)
        home = app.screen
        exam = next(a for a in home.view.assignments if a.mode == "exam" and a.scenario_id == SALE)
        assert (exam.attempts, exam.attempts_left) == (1, 1)
        assert "1 de 2" in [str(c) for c in home.assigned.get_row_at(1)]
    statuses = services.formador.my_assignments(people["mariana"].id)
    assert [s.attempts_used for s in statuses if s.assignment.mode == "exam"] == [1, 1]


async def test_a_fixed_persona_is_kept_and_no_assignments_is_the_plain_home(
    services: Any, clock: Any
) -> None:
    rosa = services.formador.create_formador("Rosa Formadora", "contraseña-larga")
    luis = services.trainees.get_or_create("Luis")
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Luis")
        home: Any = app.screen
        assert not home.assigned.display and app.focused is home.table  # the home as before
        assert "a" not in home.active_bindings  # no «Asignaciones» key either
        services.assign(SALE, trainee_id=luis.id, persona_id="amable", created_by=rosa.id)
        app.go_home()
        await settle(pilot)
        assert home.assigned.row_count == 1
        await pilot.press("a", "enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "StartCallModal")
        modal: Any = app.screen
        assert modal.query_one("#persona").disabled
        assert modal.request().persona_id == "amable" and modal.request().mode == "practice"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("b")
        assert app.focused is home.table
