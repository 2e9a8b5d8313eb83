"""Spanish display names for every machine key (elements, skills, acts, errors, metrics, kinds).

Keys stay English in JSON and code; the user only ever sees the names loaded from
``es/display.yaml`` and, for the rules (groups ``element``, ``skill``, ``critical_error``,
``non_critical_error``), from ``es/rubric.yaml``: the rule registry (scoring/registry.py), the
scorecard, the TUI, the help screen and ``simulador rubric`` read one name per rule. Loaded lazily
and cached (no I/O at import time).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from simulator.datafiles import parse as parse_yaml

# display group -> the rubric's rule kind whose names it shows
RULE_GROUPS = {
    "element": "element",
    "skill": "skill",
    "critical_error": "critical",
    "non_critical_error": "non_critical",
}


def _read(name: str) -> object:
    return parse_yaml(resources.files("simulator.language").joinpath(name).read_text("utf-8"))


@cache
def _table() -> dict[str, dict[str, str]]:
    data = _read("es/display.yaml")
    table = {str(k): {str(a): str(b) for a, b in v.items()} for k, v in data.items()}  # type: ignore[attr-defined]
    rules = _read("es/rubric.yaml")["rules"]  # type: ignore[index]
    for group, kind in RULE_GROUPS.items():
        table[group] = {str(r["key"]): str(r["name"]) for r in rules if r["kind"] == kind}
    return table


def display(group: str, key: str | None) -> str:
    """Spanish name of ``key`` in ``group`` (e.g. ``display("skill", "probing")`` → "Sondeo")."""
    if key is None:
        return ""
    return _table().get(group, {}).get(key, key)


def names(group: str) -> dict[str, str]:
    """The whole key → Spanish name mapping of a group."""
    return dict(_table().get(group, {}))
