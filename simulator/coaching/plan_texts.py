"""The practice plan's data (``es/plan.yaml``: skills, goals, tips, situations), loaded once.

Its own module so that ``plan`` and ``situation`` both read it without importing each other.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml


@cache
def plan_data() -> dict[str, Any]:
    text = resources.files("simulator.coaching").joinpath("es/plan.yaml").read_text("utf-8")
    return dict(parse_yaml(text))
