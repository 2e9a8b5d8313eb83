"""Benchmark of the formador dashboard data (issue 8: 50 trainees × 20 calls, budget ≤ 1 s with the
TUI's render; this measures the data part only: reading calls, parsing scorecards, applying
overrides, assignment status, flags). Scorecards are built synthetically with the size of a real
one (30 turns with acts, evidence per element). Writes ``bench/results/bench_dashboard.json``.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from cohort_seed import CALLS, SCENARIO, TRAINEES, seed_cohort  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "bench_dashboard.json"
RUNS = 5


def _card(rng: random.Random) -> str:
    from simulator.models.scorecard import (
        CRITICAL_CODES,
        ELEMENT_KEYS,
        SKILL_KEYS,
        ElementResult,
        ErrorFinding,
        Evidence,
        Scorecard,
        TurnActs,
    )

    quote = "Buenas tardes, le atiende Ana de Internet Veloz, ¿con quién tengo el gusto?"
    elements = {
        key: ElementResult(
            met=rng.random() > 0.3,
            evidence=[Evidence(turn=rng.randint(1, 30), quote=quote)],
            missing=["confirmar el nombre"] if rng.random() > 0.5 else [],
        )
        for key in ELEMENT_KEYS
    }
    errors = [
        ErrorFinding(code=rng.choice(CRITICAL_CODES), turn=3, evidence=quote, explanation=quote)
        for _ in range(1 if rng.random() > 0.8 else 0)
    ]
    return Scorecard(
        overall=rng.randint(30, 100),
        verdict="not_yet_competent" if errors else "competent",
        critical_errors=errors,
        elements=elements,
        skills={key: rng.randint(0, 100) for key in SKILL_KEYS},
        metrics={"penc": round(rng.random(), 2), "pec": 1},
        turns=[
            TurnActs(index=i, speaker="agent" if i % 2 else "customer", acts=["greeting", "probe"])
            for i in range(1, 31)
        ],
    ).model_dump_json()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SIMULADOR_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["SIMULADOR_CONFIG_FILE"] = str(Path(tmp) / "config.toml")
        from simulator.services import build_services
        from simulator.settings import load_settings

        services = build_services(load_settings())
        services.warm_up()
        formador = services.formador
        seeded = time.perf_counter()
        marta, cohort = seed_cohort(services, _card)
        seeded_s = time.perf_counter() - seeded
        formador.assign(
            marta.id, [SCENARIO, SCENARIO, SCENARIO], cohort_id=cohort.id,
            due_date=date(2026, 12, 1), target_score=80,
        )  # fmt: skip
        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            board = services.dashboard(cohort.id, window=CALLS)
            times.append((time.perf_counter() - t0) * 1000)
        services.close()
    result = {
        "trainees": TRAINEES,
        "calls_per_trainee": CALLS,
        "rows": len(board.rows),
        "dashboard_data_ms": {
            "median": round(statistics.median(times), 1),
            "max": round(max(times), 1),
        },
        "budget_ms_with_render": 1000,
        "seed_database_s": round(seeded_s, 1),
        "python": sys.version.split()[0],
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
