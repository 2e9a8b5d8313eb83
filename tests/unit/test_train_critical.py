"""The critical heads' threshold choice (bench/train_critical.py ``choose``): the lowest threshold
whose out-of-fold precision reaches the floor, a family's own floor overriding the default
(session 18: 0.8 for every family but disrespect, which keeps 0.9 — at 0.8 it fired on an
excellent agent's «sigo aquí con usted»). No model, no data files, no scikit-learn."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import train_critical as tc  # noqa: E402

# eight eligible lines: four errors scored high, one calm line scored 0.6 among them
Y = np.array([True, True, True, True, False, False, False, False])
PROBS = np.array([0.95, 0.9, 0.85, 0.8, 0.6, 0.2, 0.1, 0.05])
ELIGIBLE = np.ones(len(Y), dtype=bool)


def test_floor_lowers_the_threshold_only_as_far_as_precision_allows() -> None:
    strict = tc.choose(Y, PROBS, ELIGIBLE, 0.9)
    loose = tc.choose(Y, PROBS, ELIGIBLE, 0.8)
    assert strict == 0.62  # just above the calm line at 0.6
    assert loose == 0.3  # 4 of 5 right at 0.30 is precision 0.8
    assert loose < strict


def test_default_floor_is_the_module_setting() -> None:
    saved = tc.MIN_PRECISION[0]
    try:
        tc.MIN_PRECISION[0] = 0.8
        assert tc.choose(Y, PROBS, ELIGIBLE) == tc.choose(Y, PROBS, ELIGIBLE, 0.8)
    finally:
        tc.MIN_PRECISION[0] = saved
