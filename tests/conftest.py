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
"""

from __future__ import annotations

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
