"""Snapshots of the certification self-assessment's screens at 100×34 (the formador's at 120×34),
on real services over a temporary SQLite database with the small test bank and fixed times
(``exam_data.py``). Regenerate with ``pytest tests/tui/test_exam_snapshots.py --snapshot-update``
and look at the SVGs.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.tui.exam_data import exam_room, fix_exam_times, play_slot
from tests.tui.exam_pilot import SIZE, exam_app, on_screen, open_plan
from tests.tui.formador_pilot import enter_as_formador, open_trainee
from tests.tui.pilot_helpers import login, settle, steady, wait_for

FORMADOR_SIZE = (120, 34)


@pytest.fixture(autouse=True)
def _fixed(monkeypatch: pytest.MonkeyPatch, exam_seed: int) -> None:
    fix_exam_times(monkeypatch)


async def _to(pilot: Any, name: str) -> None:
    await wait_for(pilot, lambda: on_screen(pilot, name), f"({name})")
    await settle(pilot)


def test_exam_plan(snap_compare: Any, exam_services: Any, clock: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await login(pilot, "Mariana")
        await open_plan(pilot)

    app = exam_app(exam_services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_exam_plan_with_an_attempt_to_resume(
    snap_compare: Any, exam_services: Any, clock: Any
) -> None:
    room = exam_room(exam_services)  # a finished attempt, listed below the plan
    exam_services.exam.validate(room.attempt_id, room.formador_id, True, "Bien hecho.")
    current = exam_services.exam.start(room.trainee_id, seed=5)  # and one in progress,
    play_slot(exam_services, current.id)  # its sale call done

    async def run_before(pilot: Any) -> None:
        await login(pilot, "Mariana")
        await open_plan(pilot)
        pilot.app.screen.query_one("#plan-scroll").scroll_end(animate=False)

    app = exam_app(exam_services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_exam_progress_after_the_first_call(
    snap_compare: Any, exam_services: Any, clock: Any
) -> None:
    room = exam_room(exam_services, calls=1, questionnaire=False)

    async def run_before(pilot: Any) -> None:
        await login(pilot, "Mariana")
        pilot.app.show_exam_progress(room.attempt_id)
        await _to(pilot, "ExamProgressScreen")

    app = exam_app(exam_services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_exam_questionnaire(snap_compare: Any, exam_services: Any, clock: Any) -> None:
    room = exam_room(exam_services, questionnaire=False)

    async def run_before(pilot: Any) -> None:
        await login(pilot, "Mariana")
        pilot.app.show_exam_questionnaire(exam_services.exam.get(room.attempt_id))
        await _to(pilot, "ExamQuestionnaireScreen")
        await pilot.press("2", "s", "3", "s")  # two answered, now on the third question

    app = exam_app(exam_services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_exam_questionnaire_confirm_unanswered(
    snap_compare: Any, exam_services: Any, clock: Any
) -> None:
    room = exam_room(exam_services, questionnaire=False)

    async def run_before(pilot: Any) -> None:
        await login(pilot, "Mariana")
        pilot.app.show_exam_questionnaire(exam_services.exam.get(room.attempt_id))
        await _to(pilot, "ExamQuestionnaireScreen")
        await pilot.press("1", "e")
        await _to(pilot, "ConfirmModal")

    app = exam_app(exam_services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_exam_answers(snap_compare: Any, exam_services: Any, clock: Any) -> None:
    room = exam_room(exam_services)

    async def run_before(pilot: Any) -> None:
        await login(pilot, "Mariana")
        pilot.app.show_exam_verdict(room.attempt_id)
        await _to(pilot, "ExamVerdictScreen")
        await pilot.press("c")
        await _to(pilot, "ExamAnswersScreen")

    app = exam_app(exam_services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_exam_verdict_self_assessment(snap_compare: Any, exam_services: Any, clock: Any) -> None:
    room = exam_room(exam_services)

    async def run_before(pilot: Any) -> None:
        await login(pilot, "Mariana")
        pilot.app.show_exam_verdict(room.attempt_id)
        await _to(pilot, "ExamVerdictScreen")

    app = exam_app(exam_services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


def test_exam_verdict_lista_de_cotejo(snap_compare: Any, exam_services: Any, clock: Any) -> None:
    room = exam_room(exam_services)

    async def run_before(pilot: Any) -> None:
        await login(pilot, "Mariana")
        pilot.app.show_exam_verdict(room.attempt_id)
        await _to(pilot, "ExamVerdictScreen")
        pilot.app.screen.query_one("#verdict-checklist").scroll_visible(top=True, animate=False)

    app = exam_app(exam_services, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady(run_before))


async def _formador_verdict(pilot: Any) -> None:
    await enter_as_formador(pilot)
    await open_trainee(pilot, 0)
    table = pilot.app.screen.query_one("#exams")
    table.focus()
    await pilot.press("enter")
    await _to(pilot, "ExamVerdictScreen")


def test_formador_trainee_with_exams(snap_compare: Any, exam_services: Any, clock: Any) -> None:
    exam_room(exam_services)

    async def run_before(pilot: Any) -> None:
        await enter_as_formador(pilot)
        await open_trainee(pilot, 0)

    app = exam_app(exam_services, clock)
    assert snap_compare(app, terminal_size=FORMADOR_SIZE, run_before=steady(run_before))


def test_exam_validate_modal(snap_compare: Any, exam_services: Any, clock: Any) -> None:
    exam_room(exam_services)

    async def run_before(pilot: Any) -> None:
        await _formador_verdict(pilot)
        await pilot.press("v")
        await _to(pilot, "ExamValidateModal")
        pilot.app.screen.choose(False, "")
        await pilot.click("#save")  # no note: the modal says it is required

    app = exam_app(exam_services, clock)
    assert snap_compare(app, terminal_size=FORMADOR_SIZE, run_before=steady(run_before))


def test_exam_verdict_validated(snap_compare: Any, exam_services: Any, clock: Any) -> None:
    exam_room(exam_services)

    async def run_before(pilot: Any) -> None:
        await _formador_verdict(pilot)
        await pilot.press("v")
        await _to(pilot, "ExamValidateModal")
        pilot.app.screen.choose(True, "Coincido: llamadas completas y cuestionario aprobado.")
        await pilot.click("#save")
        await _to(pilot, "ExamVerdictScreen")
        await wait_for(
            pilot, lambda: "Validada" in str(pilot.app.screen.query_one("#exam-banner").render())
        )

    app = exam_app(exam_services, clock)
    assert snap_compare(app, terminal_size=FORMADOR_SIZE, run_before=steady(run_before))
