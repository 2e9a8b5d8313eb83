"""Scripted trainees: for every scenario a good and a bad agent, over five seeds.

The good script (protocol, open questions, paraphrase, benefits tied to needs, LAER, close,
read-back, offer more, thanks, farewell) must reach the scenario's goal at least 4 times out of 5;
the bad one (no protocol, closed questions, monologue, pressure, wrong facts) never; and the good
one must outscore the bad one by at least 30 points on average. A scenario without scripts fails,
so every new scenario gets its trainees.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from statistics import mean

import pytest

from simulator.content.library import bundled_dir, load_library
from simulator.session.call import CallSession
from simulator.session.script import read_script, run_script

SCRIPTS = Path(__file__).parent / "scripts"
SEEDS = range(5)
GOAL_OUTCOME = {"sale": "sale", "resolved": "resolved", "payment_promise": "resolved"}


def _bundled_scenarios() -> list[str]:
    root = bundled_dir()
    if root is None:
        return []
    return sorted(
        p.name.removesuffix(".scenario.yaml") for p in (root / "scenarios").glob("*.scenario.yaml")
    )


@cache
def _play(scenario_id: str, kind: str) -> tuple[tuple[str, int], ...]:
    library = load_library()
    scenario = library.scenario(scenario_id)
    persona = library.persona(scenario.default_persona)
    steps = read_script(SCRIPTS / f"{scenario_id}.{kind}.txt")
    results = []
    for seed in SEEDS:
        run = run_script(CallSession(scenario, persona, seed=seed), steps)
        assert run.result.scorecard is not None
        lines = [t.text for t in run.result.transcript.turns if t.speaker == "customer"]
        assert len(lines) == len(set(lines)), (
            f"línea repetida del cliente en {scenario_id} ({seed})"
        )
        results.append((run.result.outcome, run.result.scorecard.overall))
    return tuple(results)


@pytest.fixture(autouse=True)
def _bundled_only(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path_factory.getbasetemp() / "harness-data"))
    monkeypatch.delenv("SIMULADOR_CONTENT_DIR", raising=False)


def test_there_are_scenarios() -> None:
    assert _bundled_scenarios()


@pytest.mark.parametrize("scenario_id", _bundled_scenarios())
def test_every_scenario_has_good_and_bad_scripts(scenario_id: str) -> None:
    for kind in ("good", "bad"):
        path = SCRIPTS / f"{scenario_id}.{kind}.txt"
        assert path.is_file(), (
            f"falta el guion {path.name}: escriba un agente {kind} para {scenario_id}"
        )
        assert read_script(path), f"el guion {path.name} está vacío"


@pytest.mark.parametrize("scenario_id", _bundled_scenarios())
def test_good_trainee_reaches_goal_and_bad_never(scenario_id: str) -> None:
    if not (SCRIPTS / f"{scenario_id}.good.txt").is_file():
        pytest.fail(f"faltan los guiones de {scenario_id}")
    goal = GOAL_OUTCOME[load_library().scenario(scenario_id).goal]
    good, bad = _play(scenario_id, "good"), _play(scenario_id, "bad")
    assert sum(outcome == goal for outcome, _ in good) >= 4, good
    assert not any(outcome == goal for outcome, _ in bad), bad


@pytest.mark.parametrize("scenario_id", _bundled_scenarios())
def test_good_trainee_outscores_bad_by_30(scenario_id: str) -> None:
    if not (SCRIPTS / f"{scenario_id}.good.txt").is_file():
        pytest.fail(f"faltan los guiones de {scenario_id}")
    good, bad = _play(scenario_id, "good"), _play(scenario_id, "bad")
    gap = mean(score for _, score in good) - mean(score for _, score in bad)
    assert gap >= 30, (good, bad)
