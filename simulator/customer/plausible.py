"""What the customer knows about itself beyond what its scenario wrote down.

A person asked for its birth date, its e-mail or at what time to be called back answers; the
scenario only lists the data a call needs. Panel E counted «Uy, no sé, no lo tengo claro» to «¿cuál
es su fecha de nacimiento?» and double questions answered by halves («¿a qué número y a qué hora
le marco?» — only the number) as incoherent lines. This module fills the gaps from
``es/plausible.yaml``: personal data the scenario left out (``fill``) and answers to question
parts the scenario has no fact for (``part_lines``), chosen deterministically from the customer's
name so a call replays the same. A scenario's own data always win.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from simulator.customer import fact_match
from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import normalize


@cache
def config() -> dict[str, Any]:
    """es/plausible.yaml, with ``facts``: the situation facts of each scenario's fact model
    (es/fact_model.yaml, the facts with ``phrases``), so both paths say one model's facts."""
    text = resources.files("simulator.customer").joinpath("es/plausible.yaml").read_text("utf-8")
    data = parse_yaml(text)
    data = data if isinstance(data, dict) else {}
    model = resources.files("simulator.customer").joinpath("es/fact_model.yaml").read_text("utf-8")
    scenarios = parse_yaml(model)
    data["facts"] = {
        str(sid): {
            str(key): {"asks": spec["phrases"], **{k: v for k, v in spec.items() if k != "asks"}}
            for key, spec in (facts or {}).items()
            if spec.get("phrases")
        }
        for sid, facts in (scenarios if isinstance(scenarios, dict) else {}).items()
    }
    return data


def _pick(options: list[str], name: str) -> str:
    return options[sum(map(ord, name)) % len(options)]


def _birth_for_age(birth: str, years: int, today: date) -> str:
    """``birth``'s day and month in the year that makes the customer ``years`` old today."""
    day, month, _ = (int(x) for x in birth.split("/"))
    year = today.year - years - ((today.month, today.day) < (month, day))
    return f"{day:02d}/{month:02d}/{year}"


def fill(data: dict[str, str], age: str | None = None, today: date | None = None) -> dict[str, str]:
    """``data`` plus the personal data it lacks (a birth date agreeing with a known ``age``)."""
    name = data.get("nombre", "")
    words = normalize(name).split()
    if not words:
        return dict(data)
    out = dict(data)
    first, last = words[0], (words[1] if len(words) > 1 else words[0])
    for field, options in config().get("data", {}).items():
        if field in out or not options:
            continue
        value = _pick([str(o) for o in options], name).format(first=first, last=last)
        if field == "fecha_nacimiento" and age is not None and age.isdigit():
            value = _birth_for_age(value, int(age), today or date.today())
        out[str(field)] = value
    return out


def part_lines(part: str, kind: str, scenario_id: str = "") -> list[str]:
    """Plausible lines answering one normalized question ``part`` in a call of ``kind`` (lines
    keyed by the ``scenario_id`` come first: what this customer does for a living)."""
    padded = f" {part} "
    for key, spec in config().get("parts", {}).items():
        if any(f" {normalize(a)} " in padded for a in spec.get("asks", [])):
            known = _model_lines(part, str(key), scenario_id)
            if known:
                return known
            lines = spec.get("lines", {})
            return [
                str(x)
                for x in (lines.get(scenario_id) or lines.get(kind) or lines.get("any") or [])
            ]
    return []


# Plausible parts about the customer itself, said from the scenario's fact model when it has the
# fact (customer/fact_model.py): the budget, the work, the household of this customer, never a
# generic line against its situation (a retention customer paying 599 «que no pase de mil pesos»).
MODEL_KINDS = {"budget": "budget", "occupation": "work", "dependents": "household"}


def _model_lines(part: str, kind: str, scenario_id: str) -> list[str]:
    concept = MODEL_KINDS.get(kind)
    if not concept or not scenario_id:
        return []
    fact = fact_match.match(part, scenario_id)
    if fact is None or not any(concept in alt for alt in fact.asks):
        return []
    return list(fact.lines)


def part_kind(part: str) -> str | None:
    """Which plausible part (``callback_time``, ``budget``…) a question part asks for."""
    padded = f" {part} "
    for key, spec in config().get("parts", {}).items():
        if any(f" {normalize(a)} " in padded for a in spec.get("asks", [])):
            return str(key)
    return None


def answered_by(kind: str) -> list[str]:
    """Words of a line that already answers a part of ``kind``."""
    spec = config().get("parts", {}).get(kind, {})
    return [str(w) for w in spec.get("answered_by", [])]


def fields_of(kind: str) -> list[str]:
    """Scenario fields that answer a part of ``kind`` («horario_visita» for the callback time)."""
    spec = config().get("parts", {}).get(kind, {})
    return [str(f) for f in spec.get("fields", [])]


def fact_parts(part: str, scenario_id: str, persona: str = "") -> list[tuple[str, list[str]]]:
    """The facts of this scenario's situation (``facts`` in es/plausible.yaml) that the
    normalized question ``part`` asks for, each with its lines (as the ``persona`` type says
    them, when the fact has lines of its own for it: the callado short, the platicador with an
    aside)."""
    padded = f" {part} "
    found = []
    for key, spec in config().get("facts", {}).get(scenario_id, {}).items():
        if any(f" {normalize(a)} " in padded for a in spec.get("asks", [])):
            styled = (spec.get("by_persona") or {}).get(persona) or spec.get("lines", [])
            found.append((str(key), [str(x) for x in styled]))
    return found


def fact_answered_by(scenario_id: str, key: str) -> list[str]:
    """Words of a line that already says this scenario fact."""
    spec = config().get("facts", {}).get(scenario_id, {}).get(key, {})
    return [str(w) for w in spec.get("answered_by", [])]


def unknown_lines(family: str) -> list[str]:
    """Honest lines for a question part the customer has nothing for (``unknown_parts``), by what
    it asks: ``amount`` («¿cuánto…?»), ``time`` («¿cuándo…?») or ``open``."""
    spec = config().get("unknown_parts", {})
    return [str(x) for x in spec.get(family) or spec.get("open") or []]


def words(name: str) -> list[str]:
    """A list of cue words of ``es/plausible.yaml`` (normalized)."""
    return [normalize(str(x)) for x in config().get(name, [])]
