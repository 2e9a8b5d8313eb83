"""Pilot tests of the certification self-assessment on real services: plan → two calls in exam
mode → questionnaire → verdict; resuming an attempt; the formador's validation."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from tests.tui.exam_pilot import (
    SIZE,
    answer_all,
    begin,
    exam_app,
    on_screen,
    open_plan,
    play_call,
)
from tests.tui.pilot_helpers import login, settle, wait_for


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_the_whole_self_assessment(services: Any, clock: Any, exam_seed: int) -> None:
    app = exam_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        await open_plan(pilot)
        plan = _text(app.screen, "#plan-text")
        assert "Qué se evalúa" in plan and "Cómo se decide el resultado" in plan
        await begin(pilot)
        trainee = services.trainees.find("Mariana")
        attempt = services.exam.current(trainee.id)
        assert attempt is not None and attempt.status == "en_curso"

        first = await play_call(pilot)
        assert first.exam and first.request.exam_attempt == attempt.id
        assert first.hints_shown == 0
        assert first.scenario.id == attempt.slots[0].scenario_id
        assert "registrada" in " ".join(str(n.message) for n in app._notifications)
        attempt = services.exam.get(attempt.id)
        assert attempt.slots[0].call_id is not None and attempt.slots[1].call_id is None
        saved = services.calls.get(attempt.slots[0].call_id)
        assert saved.mode == "exam"
        assert [e.value for e in saved.transcript.events if e.type == "status"][:2] == [
            "Disponible",
            "En llamada",
        ]

        second = await play_call(pilot)
        assert second.scenario.id == attempt.slots[1].scenario_id
        attempt = services.exam.get(attempt.id)
        assert attempt.practical_done and not attempt.questionnaire_done

        await pilot.press("enter")  # the questionnaire
        await wait_for(pilot, lambda: on_screen(pilot, "ExamQuestionnaireScreen"))
        quiz: Any = app.screen
        assert len(quiz.questions) == len(attempt.questionnaire.questions)
        await answer_all(pilot, skip=1)
        assert "faltan 1" in _text(quiz, "#quiz-count")
        await pilot.press("e")  # one unanswered: asks first
        await wait_for(pilot, lambda: on_screen(pilot, "ConfirmModal"))
        await pilot.click("#no")
        await wait_for(pilot, lambda: on_screen(pilot, "ExamQuestionnaireScreen"))
        assert services.exam.get(attempt.id).answers is None
        await pilot.press("e")
        await wait_for(pilot, lambda: on_screen(pilot, "ConfirmModal"))
        await pilot.click("#yes")
        await wait_for(pilot, lambda: on_screen(pilot, "ExamAnswersScreen"), "(respuestas)")
        await settle(pilot)
        answers = _text(app.screen, "#answers-list")
        assert "Por qué:" in answers and "Sin responder." in answers
        assert "correcta" in answers

        await pilot.press("escape")
        await wait_for(pilot, lambda: on_screen(pilot, "ExamProgressScreen"))
        await settle(pilot)
        await pilot.press("enter")  # every part done: the result
        await wait_for(pilot, lambda: on_screen(pilot, "ExamVerdictScreen"), "(resultado)")
        await settle(pilot)
        verdict: Any = app.screen
        assert "pendiente de validación por un formador" in _text(verdict, "#exam-banner")
        overall = _text(verdict, "#overall")
        assert "Competente" in overall or "Todavía no competente" in overall
        elements = _text(verdict, "#verdict-elements")
        for name in ("Prepara las herramientas", "Protocolo de inicio", "Cierra la llamada"):
            assert name in elements
        assert "«" in elements  # quotes from the calls
        assert "Llamada de venta" in _text(verdict, "#verdict-checklist")
        total = len(attempt.questionnaire.questions)
        knowledge = _text(verdict, "#verdict-knowledge")
        assert f"{total - 1} de {total} correctas" in knowledge  # all right but the one skipped
        stored = services.exam.get(attempt.id)
        assert stored.status == "autoevaluacion"
