"""The rule registry: one object per rule (element, critical/non-critical error, skill, overall).

Each ``RegisteredRule`` joins the Spanish texts of ``language/es/rubric.yaml`` with the function
that judges the rule. Functions are named here as ``module:attribute`` strings and imported only
when asked for, so this module imports no rule module (no import cycles, fast cold start).

Adding a rule = one entry in ``rubric.yaml`` + one line in ``FUNCTIONS`` below;
``tests/test_registry.py`` fails if either half is missing. The engine runs every element and
skill through ``rules_of``; the scorecard, the TUI and the help screen show the rubric's names
(``language/display.py``); the help screen lists the rules from here (``coaching/rubric_help.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from typing import Any

from simulator.scoring.rubric import KIND_NAMES, Rule, RuleKind, rules

_PKG = "simulator.scoring."

# (kind, key) -> "module:function" (module relative to simulator.scoring) that judges the rule.
FUNCTIONS: dict[tuple[str, str], str] = {
    ("element", "preparation"): "preparation:judge",
    ("element", "opening_protocol"): "elements_opening:judge",
    ("element", "needs_detection"): "needs_probed:judge",
    ("element", "product_information"): "elements_product:judge",
    ("element", "objection_handling"): "elements_objections:judge",
    ("element", "data_management"): "data_requested:judge",
    ("element", "call_closing"): "elements_closing:judge",
    ("critical", "disrespect"): "critical_errors:disrespect",
    ("critical", "inaccurate_information"): "elements_product:mismatch_error",
    ("critical", "confidential_disclosure"): "critical_errors:confidential_disclosure",
    ("critical", "sale_without_consent"): "elements_closing:judge",
    ("critical", "ignores_do_not_call"): "critical_errors:ignores_do_not_call",
    ("non_critical", "no_personalization"): "non_critical:find",
    ("non_critical", "hold_without_permission"): "non_critical:find",
    ("non_critical", "hold_without_thanks"): "non_critical:find",
    ("non_critical", "hold_too_long"): "non_critical:find",
    ("non_critical", "missing_farewell"): "non_critical:find",
    ("non_critical", "fillers"): "non_critical:find",
    ("non_critical", "interrupting"): "non_critical:find",
    ("non_critical", "unbacked_claim"): "non_critical:find",
    ("skill", "probing"): "skills:probing",
    ("skill", "active_listening"): "skills:active_listening",
    ("skill", "buying_signals"): "skills:buying_signals",
    ("skill", "objection_handling"): "skills:objection_handling",
    ("skill", "closing"): "skills:closing",
    ("skill", "phone_etiquette"): "skills:phone_etiquette",
    ("skill", "product_knowledge"): "skills:product_knowledge",
    ("skill", "data_management"): "skills:data_management",
    ("skill", "customer_type_handling"): "skills:customer_type_handling",
    ("overall", "overall"): "overall:overall",
}


@dataclass(frozen=True)
class RegisteredRule:
    """One rule: its id, kind, Spanish texts (from rubric.yaml) and where its function lives."""

    rule: Rule
    function_path: str

    @property
    def id(self) -> str:
        return f"{self.rule.kind}:{self.rule.key}"

    @property
    def key(self) -> str:
        return self.rule.key

    @property
    def kind(self) -> RuleKind:
        return self.rule.kind

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.rule.kind]

    @property
    def name(self) -> str:
        return self.rule.name

    def function(self) -> Callable[..., Any]:
        """The function that judges this rule (imported on first use)."""
        module, _, attr = self.function_path.partition(":")
        func: Callable[..., Any] = getattr(import_module(_PKG + module), attr)
        return func


@cache
def _registry() -> tuple[RegisteredRule, ...]:
    return tuple(
        RegisteredRule(rule=r, function_path=FUNCTIONS.get((r.kind, r.key), "")) for r in rules()
    )


def registry() -> list[RegisteredRule]:
    """Every rule in rubric order."""
    return list(_registry())


def rules_of(kind: RuleKind) -> list[RegisteredRule]:
    """The rules of one kind, in rubric order (the engine runs elements and skills this way)."""
    return [item for item in _registry() if item.kind == kind]


def name(kind: str, key: str | None) -> str:
    """The rule's Spanish name as the trainee sees it everywhere (scorecard, help, ``rubric``);
    the key itself for an unknown rule (an old stored scorecard), never an error."""
    if key is None:
        return ""
    try:
        return lookup(kind, key).name
    except KeyError:
        return key


def lookup(kind: str, key: str) -> RegisteredRule:
    """The rule of this kind and key; KeyError when there is none."""
    for item in _registry():
        if item.kind == kind and item.key == key:
            return item
    raise KeyError(f"{kind}:{key}")


def missing() -> list[str]:
    """Rule ids with no function, and function entries with no rule texts (both should be empty)."""
    ids = {(r.kind, r.key) for r in _registry()}
    no_function = [r.id for r in _registry() if not r.function_path]
    no_texts = [f"{k}:{v}" for (k, v) in FUNCTIONS if (k, v) not in ids]
    return no_function + no_texts
