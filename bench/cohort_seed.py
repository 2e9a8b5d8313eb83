"""What the formador benches share: a cohort of synthetic trainees seeded straight into the
database, and the median/max timing of a repeated piece of work.

``bench_dashboard``, ``bench_dashboard_tui`` and ``bench_reports`` measure the same cohort (50
trainees × 20 calls with scorecards the size of real ones); seeding it in one place keeps their
figures comparable. Not a bench itself (``run_all.py`` runs only ``bench_*.py``).
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

TRAINEES = 50
CALLS = 20
SCENARIO = "internet-veloz-hogar"
PASSWORD = "secreta123"


def seed_cohort(
    services: Any, card: Callable[[random.Random], str], persona_id: str = "p"
) -> tuple[Any, Any]:
    """Formador «Marta» with cohort «Bench» of TRAINEES trainees × CALLS scored calls each
    (``card``: a synthetic scorecard JSON); returns (formador, cohort)."""
    formador = services.formador
    marta = formador.create_formador("Marta", PASSWORD)
    cohort = formador.create_cohort(marta.id, "Bench")
    rng = random.Random(8)
    calls = services._backend.repos.calls  # noqa: SLF001 - the bench seeds the database directly
    start = datetime(2026, 11, 1, tzinfo=UTC)
    for t in range(TRAINEES):
        trainee = services.trainees.get_or_create(f"Aprendiz {t:02d}")
        formador.add_to_cohort(marta.id, cohort.id, trainee.id)
        for c in range(CALLS):
            scorecard = card(rng)
            calls.add(
                trainee_id=trainee.id, scenario_id=SCENARIO, persona_id=persona_id, seed=c,
                mode="practice", started_at=start + timedelta(hours=t * CALLS + c),
                ended_at=None, outcome="x", overall=json.loads(scorecard)["overall"],
                verdict=None, complete=True, transcript_json="{}", scorecard_json=scorecard,
            )  # fmt: skip
    return marta, cohort


def timed_ms(work: Callable[[], object], runs: int) -> dict[str, float]:
    """Median and max wall time of ``runs`` runs of ``work``, in milliseconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append((time.perf_counter() - t0) * 1000)
    return {"median": round(statistics.median(times), 1), "max": round(max(times), 1)}
