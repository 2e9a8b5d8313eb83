"""The rubric: every rule the scorer applies, with Spanish name, description and weight.

The texts live in ``simulator/language/es/rubric.yaml`` (next to every other Spanish label) so
that trainers can read (and ``simulador rubric`` can print) exactly what is checked; no rule is
secret. Weights here drive ``overall.py``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from simulator.datafiles import parse as parse_yaml

RuleKind = Literal["element", "critical", "non_critical", "skill", "overall"]
KIND_NAMES: dict[str, str] = {
    "element": "Elemento (desempeño)",
    "critical": "Error crítico",
    "non_critical": "Error no crítico",
    "skill": "Destreza (0–100)",
    "overall": "Calificación",
}


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    kind: RuleKind
    name: str
    weight: float = 0
    description: str
    expected: str
    example: str = ""


class _RubricFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: list[Rule]


@cache
def _load() -> tuple[Rule, ...]:
    text = resources.files("simulator.language").joinpath("es/rubric.yaml").read_text("utf-8")
    return tuple(_RubricFile.model_validate(parse_yaml(text)).rules)


def rules() -> list[Rule]:
    """Every rule, in rubric order (elements, critical, non-critical, skills, overall)."""
    return list(_load())


def rule(key: str, kind: RuleKind) -> Rule:
    for item in _load():
        if item.key == key and item.kind == kind:
            return item
    raise KeyError(f"{kind}:{key}")


def weights(kind: RuleKind) -> dict[str, float]:
    return {item.key: item.weight for item in _load() if item.kind == kind}
