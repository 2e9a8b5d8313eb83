"""The certification self-assessment end to end through the services: draw, two exam calls played by
the scripted trainees, the questionnaire, the verdict with its reasons, and the formador's validation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.errors import InputError, PermissionDeniedError
from simulator.exam.models import ExamAttempt
from simulator.services import Services, build_services
from simulator.session.script import read_script, run_script
from simulator.settings import Settings

SCRIPTS = Path(__file__).parents[1] / "harness" / "scripts"
SALE, SERVICE = "internet-veloz-hogar", "cambio-domicilio-internet"


@pytest.fixture
def services(tmp_path: Path) -> Services:
    built = build_services(Settings(data_dir=tmp_path / "datos", content_dirs=[]))
    yield built
    built.close()


def _fix_draw(services: Services, attempt: ExamAttempt) -> None:
    """Make the draw the harness scenarios with their default customers (the scripts fit them)."""
    library = services.library
    slots = []
    for slot, scenario in zip(attempt.slots, (SALE, SERVICE), strict=True):
        default = library.scenario(scenario).default_persona
        slots.append(
            slot.model_copy(update={"scenario_id": scenario, "persona_id": default, "seed": 1})
        )
    draw = {"slots": [s.model_dump() for s in slots],
            "questionnaire": attempt.questionnaire.model_dump()}  # fmt: skip
    services.exam.repo.update_draw(attempt.id, json.dumps(draw))


def _play(services: Services, attempt_id: int, quality: str) -> ExamAttempt:
    attempt = services.exam.get(attempt_id)
    slot = attempt.next_slot
    assert slot is not None
    live = services.exam.start_call(attempt_id)
    assert live.mode == "exam" and live.scenario_id == slot.scenario_id
    live.session.set_status("Disponible")  # the trainee's own softphone step, as in the TUI
    run = run_script(live.session, read_script(SCRIPTS / f"{slot.scenario_id}.{quality}.txt"))
    saved = services.calls.finish(live, run.result)
    return services.exam.record_call(attempt_id, saved.call_id)


def _answers(attempt: ExamAttempt, wrong: int = 0) -> dict[str, int]:
    answers = {q.id: q.answer for q in attempt.questionnaire.questions}
    for q in attempt.questionnaire.questions[:wrong]:
        answers[q.id] = (q.answer + 1) % len(q.options)
    return answers


def test_the_draw_has_a_sale_and_a_service_from_the_demanding_pool(services: Services) -> None:
    trainee = services.trainees.get_or_create("Ana").id
    attempt = services.exam.start(trainee, seed=3)
    library = services.library
    kinds = [library.scenario(s.scenario_id).kind for s in attempt.slots]
    assert kinds[0] in ("inbound_sale", "outbound_sale") and kinds[1] == "service"
    assert all(library.scenario(s.scenario_id).difficulty >= 2 for s in attempt.slots)
    assert all(s.persona_id != "amable" for s in attempt.slots)
    assert len(attempt.questionnaire.questions) == min(20, len(services.exam.bank().questions))
    # an attempt in progress is resumed, not drawn again
    assert services.exam.start(trainee, seed=99) == attempt
    assert services.exam.current(trainee) == attempt


def test_a_good_candidate_is_competent_and_a_formador_validates(services: Services) -> None:
    ana = services.trainees.get_or_create("Ana").id
    attempt = services.exam.start(ana, seed=1)
    _fix_draw(services, attempt)
    _play(services, attempt.id, "good")
    attempt = _play(services, attempt.id, "good")
    assert attempt.practical_done and attempt.status == "en_curso"
    result = services.exam.submit_answers(attempt.id, _answers(attempt, wrong=1))
    assert result.passed and result.correct == result.total - 1
    with pytest.raises(InputError, match="ya se envió"):
        services.exam.submit_answers(attempt.id, _answers(attempt))
    report = services.exam.report(attempt.id)
    assert report.attempt.status == "autoevaluacion"
    assert report.verdict.complete
    assert report.verdict.reasons == [], report.verdict.reasons
    assert report.verdict.competent
    assert all(e.competent for e in report.verdict.elements)
    sale = report.calls[0].checklist
    assert sale is not None
    items = {i.key: i for i in sale.items}
    assert items["sale_confirmed"].met and items["sale_registered"].met
    assert items["sale_confirmed"].evidence[0].speaker == "customer"
    assert items["data_complete"].met and items["data_matching"].met
    service = {i.key: i for i in report.calls[1].checklist.items}  # type: ignore[union-attr]
    assert service["sale_confirmed"].met is None  # a service call sells nothing
    # validation: only a formador, with a note
    marta = services.formador.create_formador("Marta", "secreta123").id
    with pytest.raises(PermissionDeniedError):
        services.exam.validate(attempt.id, ana, True, "yo mismo")
    with pytest.raises(InputError, match="nota"):
        services.exam.validate(attempt.id, marta, True, "  ")
    validated = services.exam.validate(attempt.id, marta, True, "Escuché ambas llamadas.")
    assert validated.status == "validada" and validated.validation is not None
    assert validated.validation.formador_name == "Marta"
    # the formador may read the report; another trainee may not
    beto = services.trainees.get_or_create("Beto").id
    assert services.exam.report(attempt.id, viewer_id=marta).verdict.competent
    with pytest.raises(PermissionDeniedError):
        services.exam.report(attempt.id, viewer_id=beto)


def test_a_poor_candidate_gets_reasons_with_quotes(services: Services) -> None:
    beto = services.trainees.get_or_create("Beto").id
    attempt = services.exam.start(beto, seed=2)
    _fix_draw(services, attempt)
    report = services.exam.report(attempt.id)
    assert not report.verdict.complete and not report.verdict.competent
    assert any("Falta la llamada de venta" in r for r in report.verdict.reasons)
    _play(services, attempt.id, "bad")
    attempt = _play(services, attempt.id, "bad")
    services.exam.submit_answers(attempt.id, _answers(attempt, wrong=10))
    report = services.exam.report(attempt.id)
    verdict = report.verdict
    assert verdict.complete and not verdict.competent
    assert any(r.startswith("Cuestionario:") and "80 %" in r for r in verdict.reasons)
    failed = [e for e in verdict.elements if e.competent is False]
    assert failed
    assert all(e.reasons for e in failed)
    quoted = [ev for e in failed for ev in e.evidence if ev.turn]
    assert quoted and all(ev.quote for ev in quoted)
    assert any(ev.at is not None for ev in quoted)
    sale = {i.key: i for i in report.calls[0].checklist.items}  # type: ignore[union-attr]
    assert sale["sale_registered"].met is False
    assert any(r.startswith("Lista de cotejo") for r in verdict.reasons)


def test_wrong_calls_are_refused(services: Services) -> None:
    ana = services.trainees.get_or_create("Ana").id
    attempt = services.exam.start(ana, seed=4)
    _fix_draw(services, attempt)
    practice = services.calls.start(ana, SERVICE, mode="practice")
    run = run_script(practice.session, read_script(SCRIPTS / f"{SERVICE}.bad.txt"))
    saved = services.calls.finish(practice, run.result)
    with pytest.raises(InputError, match="no es la «Llamada de venta»"):
        services.exam.record_call(attempt.id, saved.call_id)
    with pytest.raises(InputError, match="No existe la autoevaluación"):
        services.exam.get(999)
    with pytest.raises(InputError, match="no está terminada"):
        marta = services.formador.create_formador("Marta", "secreta123").id
        services.exam.validate(attempt.id, marta, True, "nota")
