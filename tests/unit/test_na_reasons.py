"""Every «does not apply» reason a rule can give has its Spanish text: the scorecard must never
show an internal English key («No aplica: no data handled»). The reasons are found in the rule
modules' source (string literals passed to ``not_applicable`` and the string returns of the
functions whose result is passed to it)."""

from __future__ import annotations

import ast
from pathlib import Path

from simulator.scoring.judged import _applicability, na_reason

SCORING = Path(__file__).resolve().parents[2] / "simulator" / "scoring"


def _reasons() -> set[str]:
    found: set[str] = set()
    for path in SCORING.glob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        producers: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "not_applicable":
                arg = node.args[0] if node.args else None
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in {
                "data_not_due",
                "ended_before_closing",
            }:
                producers.add(node.name)
                for ret in ast.walk(node):
                    if (
                        isinstance(ret, ast.Return)
                        and isinstance(ret.value, ast.Constant)
                        and isinstance(ret.value.value, str)
                    ):
                        found.add(ret.value.value)
                    if isinstance(ret, ast.IfExp):
                        for side in (ret.body, ret.orelse):
                            if isinstance(side, ast.Constant) and isinstance(side.value, str):
                                found.add(side.value)
    return found


def test_the_scan_finds_the_rules_reasons() -> None:
    reasons = _reasons()
    assert {"no objections", "customer hung up", "no data handled", "customer_left"} <= reasons


def test_every_reason_has_spanish_text() -> None:
    table = _applicability()["reasons"]
    missing = sorted(r for r in _reasons() if r.strip().lower().replace(" ", "_") not in table)
    assert not missing, f"sin texto en es/applicability.yaml: {missing}"
    for reason in _reasons():
        assert na_reason(reason) != reason
