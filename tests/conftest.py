"""Suite-wide test settings.

Hypothesis: no per-example deadline and no too-slow health check — the suite runs in parallel on
shared, busy machines, and speed is measured by the benches under ``bench/``, never by tests.
Examples are derandomized so a run is reproducible.

``bundled_content_only``: the customer, harness and panel tests play the bundled scenarios and
personas only (no content folder from the environment) with a throwaway data folder.
"""

from __future__ import annotations

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
