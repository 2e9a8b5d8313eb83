"""Suite-wide test settings.

Hypothesis: no per-example deadline and no too-slow health check — the suite runs in parallel on
shared, busy machines, and speed is measured by the benches under ``bench/``, never by tests.
Examples are derandomized so a run is reproducible.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "suite",
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("suite")
