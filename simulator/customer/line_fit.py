"""Whether an authored line fits the call: split from ``mouth.py`` (size).

A bank line may presume what the agent never said, ask what the agent already stated, or use the
words of another kind of call («contrátemelo» for a phone bought once, «plazo forzoso» in a
collections call). The mouth asks these helpers before it says a line.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from simulator.customer import cues
from simulator.language.normalize import normalize
from simulator.models.content import Scenario

DOUBT_STEM = 5  # «escrito» / «por escrito», «firmando» / «firma»: the first letters name the topic
_COMMON_DOUBT = frozenset({"todavia", "primero", "explique", "convence", "espere", "esperese"})


def already_answered(line: str, agent_norm: str) -> bool:
    """A doubt line whose topic words the agent's turn already spoke to («primero quiero ver todo
    por escrito» after «todo le llega por escrito»)."""
    said = {w[:DOUBT_STEM] for w in normalize(agent_norm).split() if len(w) >= DOUBT_STEM}
    words = [w for w in normalize(line).split() if len(w) > DOUBT_STEM and w not in _COMMON_DOUBT]
    return any(w[:DOUBT_STEM] in said for w in words)


def sells_goods(scenario: Scenario) -> bool:
    """A sale of things bought once: every priced product of the catalog has no period."""
    priced = [p for p in scenario.catalog if p.price]
    return scenario.goal == "sale" and bool(priced) and all(not p.period for p in priced)


def banned(scenario: Scenario, table: dict[str, Any]) -> tuple[str, ...]:
    """Normalized phrases never said in this call (``kind_forbidden`` in mouth.yaml): those of its
    kind, and those of services when what is sold is goods (``goods``)."""
    kinds = [scenario.kind, *(["goods"] if sells_goods(scenario) else [])]
    return tuple(p for kind in kinds for p in _normalized(tuple(map(str, table.get(kind, [])))))


@cache
def _normalized(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalize(p) for p in phrases)


def presumes(line: str, phrases: list[str] | tuple[str, ...]) -> bool:
    """The line holds one of the (normalized) phrases, as whole words."""
    padded = f" {normalize(line)} "
    return any(f" {p} " in padded for p in phrases)


def repeat_marked(text: str) -> bool:
    """The line already says it is said again («le repito», «insisto»…): it needs no second such
    opener in front (no «Como le decía, le repito: …»)."""
    padded = f" {normalize(text)} "
    return any(f" {m} " in padded for m in _markers())


@cache
def _markers() -> tuple[str, ...]:
    return tuple(cues.phrases("repeat_markers") + cues.phrases("again_markers"))
