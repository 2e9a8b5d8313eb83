"""Benchmark the simulated customer and a whole scripted call.

Measures (docs/architecture.md §5): one customer reply — tagging the agent turn + brain + template
mouth — p50/p95 in ms (budget p95 ≤ 20 ms), and a whole 30-turn scripted call including scoring
(budget ≤ 1 s). Writes ``bench/results/bench_customer.json``. Caches are cleared between calls so
the act tagger does not answer from memory the second time a script line is seen.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SIMULADOR_DATA_DIR", tempfile.mkdtemp(prefix="bench-customer-"))

from simulator.content.library import load_library  # noqa: E402
from simulator.customer.simulator import CustomerSimulator  # noqa: E402
from simulator.session.call import CallSession  # noqa: E402
from simulator.session.script import Step, read_script, run_script  # noqa: E402

SCENARIO = "internet-veloz-hogar"
SCRIPTS = ROOT / "tests" / "harness" / "scripts"
SEEDS = 20


def _clear_caches() -> None:
    from simulator.language import normalize

    normalize.normalize.cache_clear()
    normalize.fold.cache_clear()
    try:
        from simulator.analysis import agent

        cached = getattr(agent, "_tag_agent_cached", None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()
    except Exception:
        pass


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def _thirty_turns(steps: list[Step]) -> list[Step]:
    """The good script padded with extra agent turns to 30 agent turns (before the farewell)."""
    says = [s for s in steps if s.kind == "say"]
    extra = [
        Step("say", text="Claro, con gusto le explico cualquier detalle que necesite."),
        Step("say", text="¿Hay algo del servicio que le gustaría saber con más calma?"),
        Step("say", text="Perfecto, entonces le resumo lo que platicamos para que quede claro."),
    ]
    out = list(steps[:-1])
    i = 0
    while sum(1 for s in out if s.kind == "say") < 30:
        out.insert(len(out) - 2, extra[i % len(extra)])
        i += 1
    assert len(says) <= 30
    return out + [steps[-1]]


def _harness(library) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    """Good and bad scripted trainees per scenario over 5 seeds: goal rate, competent rate (the
    scorer's verdict) and mean overall."""
    goal_outcome = {"sale": "sale", "resolved": "resolved", "payment_promise": "resolved"}
    summary: dict[str, dict[str, object]] = {}
    for scenario in sorted(library.scenarios.values(), key=lambda sc: sc.id):
        persona = library.persona(scenario.default_persona)
        row: dict[str, object] = {"goal": scenario.goal, "persona": persona.id}
        for kind in ("good", "bad"):
            path = SCRIPTS / f"{scenario.id}.{kind}.txt"
            if not path.is_file():
                row[kind] = None
                continue
            steps = read_script(path)
            outcomes, scores, verdicts = [], [], []
            for seed in range(5):
                run = run_script(CallSession(scenario, persona, seed=seed), steps)
                card = run.result.scorecard
                outcomes.append(run.result.outcome)
                scores.append(card.overall if card else 0)
                verdicts.append(card.verdict if card else "")
            row[kind] = {
                "goal_rate": sum(o == goal_outcome[scenario.goal] for o in outcomes) / 5,
                "competent_rate": verdicts.count("competent") / 5,
                "mean_overall": round(statistics.mean(scores), 1),
                "outcomes": outcomes,
                "scores": scores,
            }
        summary[scenario.id] = row
    return summary


def main() -> int:
    library = load_library()
    scenario = library.scenario(SCENARIO)
    personas = [library.persona(p) for p in ("indeciso", "amable", "regateador", "desconfiado")]
    steps = read_script(SCRIPTS / f"{SCENARIO}.good.txt") + read_script(
        SCRIPTS / f"{SCENARIO}.bad.txt"
    )
    lines = [s.text for s in steps if s.kind == "say"]

    # warm-up: lexicons, YAML banks, lazy imports
    sim = CustomerSimulator(scenario, personas[0])
    state = sim.start(0)
    for line in lines[:5]:
        _, state = sim.respond(line, state)

    reply_ms: list[float] = []
    for seed in range(SEEDS):
        for persona in personas:
            _clear_caches()
            sim = CustomerSimulator(scenario, persona)
            state = sim.start(seed)
            for line in lines:
                t0 = time.perf_counter()
                reply, state = sim.respond(line, state)
                reply_ms.append((time.perf_counter() - t0) * 1000)
                if state.hung_up:
                    break

    good = _thirty_turns(read_script(SCRIPTS / f"{SCENARIO}.good.txt"))
    call_s: list[float] = []
    turns = 0
    for seed in range(SEEDS):
        _clear_caches()
        t0 = time.perf_counter()
        run = run_script(CallSession(scenario, personas[0], seed=seed), good)
        call_s.append(time.perf_counter() - t0)
        assert run.result.scorecard is not None
        turns = sum(1 for t in run.result.transcript.turns if t.speaker == "agent")

    results = {
        "benchmark": "bench_customer",
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "customer_reply_ms": {
            "samples": len(reply_ms),
            "p50": round(statistics.median(reply_ms), 3),
            "p95": round(_pct(reply_ms, 0.95), 3),
            "max": round(max(reply_ms), 3),
            "budget_p95": 20.0,
        },
        "scripted_call_s": {
            "agent_turns": turns,
            "samples": len(call_s),
            "p50": round(statistics.median(call_s), 4),
            "max": round(max(call_s), 4),
            "budget": 1.0,
            "includes": "status, 30 agent turns with customer replies, holds/captures, hang-up, scoring + coaching",
        },
    }
    results["harness"] = _harness(library)
    results["within_budget"] = (
        results["customer_reply_ms"]["p95"] <= 20.0 and results["scripted_call_s"]["max"] <= 1.0  # type: ignore[index]
    )
    out = ROOT / "bench" / "results" / "bench_customer.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    r, c = results["customer_reply_ms"], results["scripted_call_s"]
    print(f"customer reply: p50 {r['p50']} ms, p95 {r['p95']} ms (budget 20 ms), n={r['samples']}")  # type: ignore[index]
    print(f"30-turn scripted call with scoring: p50 {c['p50']} s, max {c['max']} s (budget 1 s)")  # type: ignore[index]
    for sid, row in results["harness"].items():  # type: ignore[union-attr]
        good, bad = row.get("good") or {}, row.get("bad") or {}
        print(
            f"  {sid:30} good goal {good.get('goal_rate')} competent {good.get('competent_rate')}"
            f" mean {good.get('mean_overall')}   bad goal {bad.get('goal_rate')}"
            f" competent {bad.get('competent_rate')} mean {bad.get('mean_overall')}"
        )
    return 0 if results["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
