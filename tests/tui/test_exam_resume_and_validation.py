"""Pilot tests of the self-assessment beyond the straight path: leaving and resuming an attempt
(what is done stays done, unsent answers are kept), the home's entry, and the formador's
validation with its required note (real services, small test bank)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Button, Static

from tests.tui.exam_data import exam_room
from tests.tui.exam_pilot import EXAM_SEED, SIZE, begin, exam_app, on_screen, open_plan, play_call
from tests.tui.formador_pilot import enter_as_formador, open_trainee
from tests.tui.pilot_helpers import login, settle, wait_for


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_an_attempt_is_resumed_where_it_was_left(
    exam_services: Any, clock: Any, exam_seed: int
) -> None:
    services = exam_services
    app = exam_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        await pilot.click("#exam-entry")  # the home's entry, like the key E
        await wait_for(pilot, lambda: on_screen(pilot, "ExamPlanScreen"), "(plan)")
        await settle(pilot)
        assert str(app.screen.query_one("#begin", Button).label) == "Comenzar"
        await begin(pilot)
        await play_call(pilot)
        await pilot.press("down", "down", "enter")  # the questionnaire, before the service call
        await wait_for(pilot, lambda: on_screen(pilot, "ExamQuestionnaireScreen"))
        await settle(pilot)
        await pilot.press("2", "s", "1")
        await settle(pilot)
        assert "Respondidas: 2 de" in _text(app.screen, "#quiz-count")
        await pilot.press("escape")  # leave the questionnaire unsent…
        await wait_for(pilot, lambda: on_screen(pilot, "ExamProgressScreen"))
        await pilot.press("escape")  # …and the exam
        await wait_for(pilot, lambda: on_screen(pilot, "HomeScreen"), "(inicio)")
        await settle(pilot)

        await open_plan(pilot)
        plan: Any = app.screen
        assert str(plan.query_one("#begin", Button).label) == "Reanudar"
        current = _text(plan, "#plan-current")
        assert "en curso" in current and "Llamada de venta ✔" in current
        assert "Llamada de servicio pendiente" in current
        await begin(pilot)
        progress: Any = app.screen
        attempt = progress.attempt
        assert attempt.slots[0].call_id is not None and attempt.slots[1].call_id is None
        parts = progress.query_one("#parts")
        assert parts.cursor_row == 1  # the next part to do: the service call
        assert services.exam.attempts(attempt.trainee_id)[0].id == attempt.id  # no new attempt

        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: on_screen(pilot, "ExamQuestionnaireScreen"))
        await settle(pilot)
        quiz: Any = app.screen
        assert "Respondidas: 2 de" in _text(quiz, "#quiz-count")  # the answers were kept
        assert len(quiz.answers) == 2


async def test_unsent_answers_survive_closing_the_simulator(
    exam_services: Any, clock: Any, exam_seed: int
) -> None:
    services = exam_services
    first = exam_app(services, clock)
    async with first.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        await open_plan(pilot)
        await begin(pilot)
        await pilot.press("down", "down", "enter")  # the questionnaire
        await wait_for(pilot, lambda: on_screen(pilot, "ExamQuestionnaireScreen"))
        await settle(pilot)
        await pilot.press("3", "s", "1", "s", "2")
        attempt_id = first.screen.attempt.id  # type: ignore[attr-defined]
        await wait_for(pilot, lambda: len(services.exam.get(attempt_id).draft) == 3, "(saved)")
    # the simulator was closed without sending; a new session on the same data
    again = exam_app(services, clock)
    async with again.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        await open_plan(pilot)
        await begin(pilot)
        await pilot.press("down", "down", "enter")
        await wait_for(pilot, lambda: on_screen(pilot, "ExamQuestionnaireScreen"))
        await settle(pilot)
        quiz: Any = again.screen
        assert "Respondidas: 3 de" in _text(quiz, "#quiz-count")
        first_question = quiz.questions[0].id
        assert quiz.answers[first_question] == 2  # the key 3: the third option


async def test_the_service_call_waits_for_the_sale_call(
    exam_services: Any, clock: Any, exam_seed: int
) -> None:
    app = exam_app(exam_services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        await open_plan(pilot)
        await begin(pilot)
        await pilot.press("down", "enter")  # the service call while the sale call is pending
        await settle(pilot)
        assert on_screen(pilot, "ExamProgressScreen")
        notes = " ".join(str(n.message) for n in app._notifications)
        assert "Primero haga la llamada de venta" in notes
        await pilot.press("v")  # no result before every part is done
        await settle(pilot)
        assert on_screen(pilot, "ExamProgressScreen")


async def test_a_formador_validates_a_self_assessment_with_a_note(
    exam_services: Any, clock: Any, exam_seed: int
) -> None:
    services = exam_services
    room = exam_room(services)
    app = exam_app(services, clock)
    async with app.run_test(size=(120, 34)) as pilot:
        await enter_as_formador(pilot)
        await open_trainee(pilot, 0)
        trainee: Any = app.screen
        exams = trainee.query_one("#exams")
        assert exams.row_count == 1
        assert "pendiente de validar" in str(exams.get_row_at(0)[2])
        assert not exams.has_focus  # the calls come first, as before
        await pilot.press("e")
        assert exams.has_focus
        await pilot.press("enter")
        await wait_for(pilot, lambda: on_screen(pilot, "ExamVerdictScreen"), "(resultado)")
        await settle(pilot)
        verdict: Any = app.screen
        assert verdict.formador
        assert "Mariana" in _text(verdict, "#exam-banner")
        assert "pendiente de validación" in _text(verdict, "#exam-banner")

        await pilot.press("v")
        await wait_for(pilot, lambda: on_screen(pilot, "ExamValidateModal"))
        modal: Any = app.screen
        modal.choose(False, "   ")
        await pilot.click("#save")
        await settle(pilot)
        assert on_screen(pilot, "ExamValidateModal")  # a note is required
        assert "necesita un motivo" in _text(modal, "#validate-error")
        assert services.exam.get(room.attempt_id).validation is None

        modal.choose(False, "La llamada de venta no confirmó el correo; repítala.")
        modal.query_one("#note").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: on_screen(pilot, "ExamVerdictScreen"))
        await wait_for(pilot, lambda: "no validada" in _text(app.screen, "#exam-banner"))
        banner = _text(app.screen, "#exam-banner")
        assert "Revisada por Marta" in banner and "repítala" in banner
        stored = services.exam.get(room.attempt_id)
        assert stored.status == "no_validada" and stored.validation is not None
        assert stored.validation.note.startswith("La llamada de venta")

        await pilot.press("escape")  # the drill-down shows the new status
        await wait_for(pilot, lambda: on_screen(pilot, "FormadorTraineeScreen"))
        await settle(pilot)
        row = app.screen.query_one("#exams").get_row_at(0)
        assert "No validada" in str(row[2])


async def test_the_candidate_cannot_validate_their_own_attempt(
    exam_services: Any, clock: Any, exam_seed: int
) -> None:
    room = exam_room(exam_services)
    app = exam_app(exam_services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        app.show_exam_verdict(room.attempt_id)
        await wait_for(pilot, lambda: on_screen(pilot, "ExamVerdictScreen"))
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert on_screen(pilot, "ExamVerdictScreen")  # no validation modal for the candidate
        assert exam_services.exam.get(room.attempt_id).validation is None
        await pilot.press("c")  # the questionnaire's answers, and back
        await wait_for(pilot, lambda: on_screen(pilot, "ExamAnswersScreen"))
        await pilot.press("escape")
        await wait_for(pilot, lambda: on_screen(pilot, "ExamVerdictScreen"))


def _killed_exam_call() -> Any:
    """The sale call of a new attempt, two turns in, played in another Services instance and
    left unfinished (the app was killed)."""
    from simulator.services import build_services
    from simulator.settings import load_settings

    services = build_services(load_settings())
    trainee = services.trainees.get_or_create("Mariana")
    attempt = services.exam.start(trainee.id, seed=EXAM_SEED)
    live = services.exam.start_call(attempt.id)
    live.session.set_status("Disponible")
    live.session.start()
    live.session.agent_says("Buenas tardes, le habla Mariana. ¿Con quién tengo el gusto?")
    live.session.agent_says("Cuénteme, ¿qué necesita resolver hoy?")
    live.session.journal.close()
    services.close()
    return attempt


async def test_a_recovered_exam_call_is_scored_into_its_attempt(
    exam_services: Any, clock: Any
) -> None:
    attempt = _killed_exam_call()
    app = exam_app(exam_services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on_screen(pilot, "RecoveryModal"), "(recuperación)")
        await pilot.press("c")  # score the partial call
        await wait_for(pilot, lambda: on_screen(pilot, "ExamProgressScreen"), "(avance)")
        await settle(pilot)
        stored = exam_services.exam.get(attempt.id)
        assert stored.slots[0].call_id is not None  # recorded in the attempt, no practice results
        assert not exam_services.calls.get(stored.slots[0].call_id).complete
        assert "1 de 3 partes" in _text(app.screen, "#progress-head")


async def test_a_resumed_exam_call_stays_in_exam_mode(exam_services: Any, clock: Any) -> None:
    attempt = _killed_exam_call()
    app = exam_app(exam_services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on_screen(pilot, "RecoveryModal"), "(recuperación)")
        await pilot.press("r")
        await wait_for(pilot, lambda: on_screen(pilot, "CallScreen"), "(llamada)")
        await settle(pilot)
        call: Any = app.screen
        assert call.exam and call.request.exam_attempt == attempt.id


async def test_the_portfolio_is_exported_from_the_verdict(
    exam_services: Any, clock: Any, data_dir: Any
) -> None:
    room = exam_room(exam_services)
    app = exam_app(exam_services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        app.show_exam_verdict(room.attempt_id)
        await wait_for(pilot, lambda: on_screen(pilot, "ExamVerdictScreen"))
        await settle(pilot)
        verdict: Any = app.screen
        await pilot.press("p")
        await wait_for(pilot, lambda: bool(verdict.exported), "(portafolio)")
        await settle(pilot)
        html, pdf = sorted(verdict.exported, key=lambda p: p.suffix)
        assert html.suffix == ".html" and pdf.suffix == ".pdf"
        assert html.parent == data_dir / "portafolios" == pdf.parent
        assert "Mariana" in html.read_text("utf-8")
        assert pdf.read_bytes().startswith(b"%PDF")
        notes = " ".join(str(n.message) for n in app._notifications)
        assert "Portafolio guardado" in notes and str(pdf) in notes


async def test_an_unfinished_attempt_has_no_portfolio_yet(
    exam_services: Any, clock: Any, data_dir: Any
) -> None:
    room = exam_room(exam_services, calls=1, questionnaire=False)
    app = exam_app(exam_services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        app.show_exam_verdict(room.attempt_id)
        await wait_for(pilot, lambda: on_screen(pilot, "ExamVerdictScreen"))
        await settle(pilot)
        verdict: Any = app.screen
        assert "en curso" in _text(verdict, "#exam-banner")
        await pilot.press("p")
        await settle(pilot)
        assert verdict.exported == ()
        assert not (data_dir / "portafolios").exists()
