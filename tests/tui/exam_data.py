"""A finished self-assessment on real services, for the exam screens' snapshots and the formador's
tests: trainee «Mariana» with attempt drawn from ``EXAM_SEED``, both practical calls played
headless with the harness's good scripts for the drawn scenarios (the real customer, session,
scorer and checklist), the questionnaire answered (all right but ``wrong`` questions), and formador
«Marta» with a cohort that holds Mariana. Times are fixed (``FIXED_UTC``) so pictures do not depend
on the clock. The UI flow itself is tested in ``test_exam_flow.py``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from simulator.session.script import read_script, run_script
from tests.tui.exam_pilot import EXAM_SEED
from tests.tui.formador_data import PASSWORD

SCRIPTS = Path(__file__).resolve().parents[1] / "harness" / "scripts"
FIXED_UTC = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)


@dataclass(frozen=True)
class ExamRoom:
    trainee_id: int
    formador_id: int
    attempt_id: int


def fix_exam_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attempts start, finish and are validated at ``FIXED_UTC``; their calls a minute apart
    from then on (in the order they are played, so lists sorted by time are stable)."""
    minutes = itertools.count()
    monkeypatch.setattr("simulator.storage.exam_repo.utcnow", lambda: FIXED_UTC)
    monkeypatch.setattr(
        "simulator.services.calls._now", lambda: FIXED_UTC + timedelta(minutes=next(minutes))
    )


def play_slot(services: Any, attempt_id: int) -> int:
    """Play the attempt's next practical call with its scenario's good script; the call's id."""
    live = services.exam.start_call(attempt_id)
    live.session.set_status("Disponible")  # the trainee's own preparation
    steps = read_script(SCRIPTS / f"{live.scenario_id}.good.txt")
    run = run_script(live.session, steps, score=False)
    saved = services.calls.finish(live, run.result)
    services.exam.record_call(attempt_id, saved.call_id)
    return int(saved.call_id)


def exam_room(
    services: Any, *, calls: int = 2, questionnaire: bool = True, wrong: int = 3
) -> ExamRoom:
    formador = services.formador
    marta = formador.create_formador("Marta", PASSWORD)
    cohort = formador.create_cohort(marta.id, "Grupo A")
    trainee = services.trainees.get_or_create("Mariana")
    formador.add_to_cohort(marta.id, cohort.id, trainee.id)
    attempt = services.exam.start(trainee.id, seed=EXAM_SEED)
    for _ in range(calls):
        play_slot(services, attempt.id)
    if questionnaire:
        answers = {}
        for number, question in enumerate(attempt.questionnaire.questions):
            right = number >= wrong
            answers[question.id] = (
                question.answer if right else (question.answer + 1) % len(question.options)
            )
        services.exam.submit_answers(attempt.id, answers)
    return ExamRoom(trainee.id, marta.id, attempt.id)
