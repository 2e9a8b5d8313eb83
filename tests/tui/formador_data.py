"""A small training room for the formador's screens, built on real services over a temporary
SQLite database: formador «Marta» (password ``secreta123``), cohort «Grupo A» with three trainees
and scored calls (the committed transcript and the real scorer's card, varied per call), one
assignment overdue for ever and one due in 2099, so pictures do not depend on today's date.

Accounts, cohorts and assignments go through ``FormadorService``; the calls are stored with the
calls repository as ``bench/bench_dashboard.py`` does (playing 15 calls through the UI would make
every test slow without testing anything more of these screens).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from simulator.models.scorecard import ErrorFinding, Scorecard
from tests.tui.scored_call import scored_card, scored_transcript

PASSWORD = "secreta123"
SCENARIO = "internet-veloz-hogar"
START = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Room:
    formador_id: int
    cohort_id: int
    trainees: dict[str, int]
    calls: dict[str, list[int]]


def _card(trainee: int, number: int) -> Scorecard:
    """A scorecard of the real scorer, changed so each trainee has a recognisable profile."""
    card = scored_card()
    elements = dict(card.elements)
    if trainee == 0:  # Ana: strong, improving
        for key, result in elements.items():
            if result.met is False and number >= 2:
                elements[key] = result.model_copy(update={"met": True})
        overall = 70 + number * 6
    elif trainee == 1:  # Beto: the same faults again and again, a critical error each call
        overall = 40 + number * 2
        for key in ("needs_detection", "product_information", "call_closing"):
            elements[key] = elements[key].model_copy(update={"met": False})
    else:  # Carla: middle
        overall = 60 + (number % 2) * 10
        if number % 2:
            elements["needs_detection"] = elements["needs_detection"].model_copy(
                update={"met": True}
            )
    errors = list(card.critical_errors)
    if trainee == 1:
        errors = [
            ErrorFinding(
                code="inaccurate_information",
                turn=5,
                evidence="«El plan de 200 megas cuesta 399»",
                explanation="El catálogo dice 499.",
            )
        ]
    verdict = "competent" if overall >= 80 and not errors else "not_yet_competent"
    return card.model_copy(
        update={
            "elements": elements,
            "overall": overall,
            "critical_errors": errors,
            "verdict": verdict,
        }
    )


def build_room(services: Any, calls_each: int = 5) -> Room:
    formador = services.formador
    marta = formador.create_formador("Marta", PASSWORD)
    cohort = formador.create_cohort(marta.id, "Grupo A")
    repo = services._backend.repos.calls  # noqa: SLF001 - see the module docstring
    transcript = scored_transcript().model_dump_json()
    trainees: dict[str, int] = {}
    calls: dict[str, list[int]] = {}
    for t, name in enumerate(("Ana López", "Beto Ruiz", "Carla Díaz")):
        trainee = services.trainees.get_or_create(name)
        formador.add_to_cohort(marta.id, cohort.id, trainee.id)
        trainees[name] = trainee.id
        calls[name] = []
        for n in range(calls_each):
            card = _card(t, n)
            record = repo.add(
                trainee_id=trainee.id, scenario_id=SCENARIO, persona_id="rosa-indecisa",
                seed=n, mode="practice", started_at=START + timedelta(days=t * 7 + n, hours=n),
                ended_at=None, outcome="no_sale", overall=card.overall, verdict=card.verdict,
                complete=True, transcript_json=transcript, scorecard_json=card.model_dump_json(),
            )  # fmt: skip
            calls[name].append(record.id)
    formador.assign(
        marta.id, [SCENARIO], cohort_id=cohort.id, due_date=date(2026, 1, 15), target_score=95
    )
    formador.assign(
        marta.id, [SCENARIO], cohort_id=cohort.id, due_date=date(2099, 1, 15), target_score=60
    )
    return Room(marta.id, cohort.id, trainees, calls)
