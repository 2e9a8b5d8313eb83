"""The exam plan: what the candidate reads before starting and the rules that draw and judge the exam.

Texts and numbers live in ``es/plan.yaml`` so a formador can read (and we can adjust) the rules
without touching code; this module only types them.
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from simulator.datafiles import resource_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlanSection(_Strict):
    title: str
    text: str


class PracticalPart(_Strict):
    """One call of the practical part: which scenario kinds can be drawn for it."""

    key: str
    label: str
    kinds: list[str] = Field(min_length=1)


class ExamPlan(_Strict):
    title: str
    subtitle: str
    sections: list[PlanSection]
    duration: str
    questions_per_exam: int = Field(ge=1, le=100)
    pass_mark: float = Field(gt=0, le=1)
    practical: list[PracticalPart] = Field(min_length=1)
    min_difficulty: int = Field(ge=1, le=3)
    easy_personas: list[str] = Field(default_factory=list)
    topics: dict[str, str]
    checklist: dict[str, str]
    verdict: dict[str, str]


@cache
def load_plan() -> ExamPlan:
    """The bundled plan (``es/plan.yaml``), read once."""
    return ExamPlan.model_validate(resource_yaml("simulator.exam", "es/plan.yaml"))
