"""Playing a certification self-assessment through the services, for the portfolio tests and the
bench: the draw fixed to the harness scenarios (their scripts fit their default customers), both
practical calls played by the scripted trainees in mode exam, and the questionnaire answered."""

from __future__ import annotations

import json
from pathlib import Path

from simulator.exam.models import ExamAttempt
from simulator.services import Services
from simulator.session.script import read_script, run_script

SCRIPTS = Path(__file__).parents[1] / "harness" / "scripts"
SALE, SERVICE = "internet-veloz-hogar", "cambio-domicilio-internet"


def fix_draw(services: Services, attempt: ExamAttempt) -> None:
    library = services.library
    slots = [
        slot.model_copy(
            update={
                "scenario_id": sid,
                "persona_id": library.scenario(sid).default_persona,
                "seed": 1,
            }
        )
        for slot, sid in zip(attempt.slots, (SALE, SERVICE), strict=True)
    ]
    draw = {"slots": [s.model_dump() for s in slots],
            "questionnaire": attempt.questionnaire.model_dump()}  # fmt: skip
    services.exam.repo.update_draw(attempt.id, json.dumps(draw))


def play_call(services: Services, attempt_id: int, quality: str) -> ExamAttempt:
    """Play the attempt's next practical call with the ``good`` or ``bad`` script."""
    slot = services.exam.get(attempt_id).next_slot
    assert slot is not None
    live = services.exam.start_call(attempt_id)
    live.session.set_status("Disponible")  # the trainee's softphone step, as in the TUI
    run = run_script(live.session, read_script(SCRIPTS / f"{slot.scenario_id}.{quality}.txt"))
    saved = services.calls.finish(live, run.result)
    return services.exam.record_call(attempt_id, saved.call_id)


def answers(attempt: ExamAttempt, wrong: int = 0) -> dict[str, int]:
    """Right answers to every question but the first ``wrong`` ones."""
    chosen = {q.id: q.answer for q in attempt.questionnaire.questions}
    for q in attempt.questionnaire.questions[:wrong]:
        chosen[q.id] = (q.answer + 1) % len(q.options)
    return chosen


def finished_attempt(
    services: Services, name: str, qualities: tuple[str, str] = ("good", "bad"), wrong: int = 3
) -> ExamAttempt:
    """A whole self-assessment of the trainee ``name``: two calls and the questionnaire."""
    trainee = services.trainees.get_or_create(name).id
    attempt = services.exam.start(trainee, seed=4)
    fix_draw(services, attempt)
    for quality in qualities:
        attempt = play_call(services, attempt.id, quality)
    services.exam.submit_answers(attempt.id, answers(attempt, wrong))
    return services.exam.get(attempt.id)
