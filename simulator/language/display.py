"""Spanish display names for every machine key (elements, skills, acts, errors, metrics, kinds).

Keys stay English in JSON and code; the user only ever sees the names loaded from
``es/display.yaml``. Loaded lazily and cached (no I/O at import time).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from simulator.datafiles import parse as parse_yaml


@cache
def _table() -> dict[str, dict[str, str]]:
    text = resources.files("simulator.language").joinpath("es/display.yaml").read_text("utf-8")
    data = parse_yaml(text)
    return {str(k): {str(a): str(b) for a, b in v.items()} for k, v in data.items()}


def display(group: str, key: str | None) -> str:
    """Spanish name of ``key`` in ``group`` (e.g. ``display("skill", "probing")`` → "Sondeo")."""
    if key is None:
        return ""
    return _table().get(group, {}).get(key, key)


def names(group: str) -> dict[str, str]:
    """The whole key → Spanish name mapping of a group."""
    return dict(_table().get(group, {}))
