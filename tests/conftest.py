"""Suite-wide test settings.

Hypothesis: no per-example deadline and no too-slow health check — the suite runs in parallel on
shared, busy machines, and speed is measured by the benches under ``bench/``, never by tests.
Examples are derandomized so a run is reproducible.

``bundled_content_only``: the customer, harness and panel tests play the bundled scenarios and
personas only (no content folder from the environment) with a throwaway data folder.

``call_date``: every test plays its calls on 20 November 2026 (autouse), a day on which the
scenarios' yearless dates («5 de diciembre», «27 de noviembre») are still ahead, so what a customer
says does not depend on the day the suite runs. Tests of dates relative to the call pass their own.

``patient_pilot``: Textual's pilot waits at most 30 s for the screen to process its messages after
each key or click; two clean-clone runs at load 16 each lost one TUI test to that bound. The bound
is raised (autouse); nothing changes on an idle machine.

``learned_state_kept``: building ``Services`` switches the learned acts on or off for the whole
process (``learned_acts`` of its settings), and tests load fake embedders or hand-made heads; a
test that left them changed made later panel replays in the same worker run rules-only (session
17: tests/cli/test_report_cli.py left them off and zc-08 flipped). After every test the switch,
the embedder factory, the heads and the overrides are put back (autouse); a real model loaded
lazily under the same settings stays loaded, as in any warm process.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "suite",
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("suite")


@pytest.fixture
def bundled_content_only(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path_factory.getbasetemp() / "bundled-data"))
    monkeypatch.delenv("SIMULADOR_CONTENT_DIR", raising=False)


TEST_CALL_DATE = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def call_date(monkeypatch: pytest.MonkeyPatch) -> date:
    from simulator.customer import facts

    monkeypatch.setattr(facts, "today", lambda: TEST_CALL_DATE)
    return TEST_CALL_DATE


PILOT_WAIT_SECONDS = 180.0


@pytest.fixture(autouse=True)
def patient_pilot(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.pilot import Pilot

    original = Pilot._wait_for_screen

    async def patient(self: Pilot[Any], timeout: float = PILOT_WAIT_SECONDS) -> bool:
        return await original(self, max(timeout, PILOT_WAIT_SECONDS))

    monkeypatch.setattr(Pilot, "_wait_for_screen", patient)


@pytest.fixture(autouse=True)
def learned_state_kept() -> Iterator[None]:
    from simulator.analysis import critical_head, learned_model

    state = learned_model._STATE
    names = ("enabled", "embedder", "factory", "failed", "head", "plain", "plain_head")
    saved = {name: getattr(state, name) for name in names}
    overrides = dict(critical_head._OVERRIDE)
    yield
    if _learned_state_unchanged(saved, overrides):
        return
    critical_head._OVERRIDE.update(overrides)
    learned_model.use_embedder(None)  # clears the embedder, the failure and the cache
    for name, value in saved.items():
        setattr(state, name, value)
    state.weights = {}


def _learned_state_unchanged(saved: dict[str, Any], overrides: dict[str, Any]) -> bool:
    """Same switch, factory, failure and overrides; a head, if one was loaded, is a bundled one."""
    from simulator.analysis import critical_head, learned_model

    state = learned_model._STATE
    fixed = ("enabled", "factory", "failed", "plain", "plain_head")
    if any(getattr(state, name) is not saved[name] for name in fixed):
        return False
    if any(critical_head._OVERRIDE[key] is not value for key, value in overrides.items()):
        return False
    if state.head is saved["head"]:
        return True
    bundled = learned_model.PLAIN_MODEL_NAME if state.plain else learned_model.MODEL_NAME
    return saved["head"] is None and state.head is learned_model._bundled_head(bundled)
