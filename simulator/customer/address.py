"""How the customer addresses the agent: by the gender the agent's own lines show.

The persona banks may call the agent «joven» (a platicador's «Es 55 12…, joven.»). Said to a
female agent it is wrong (blind panel B, r-07 and r-09: «joven» to Fernanda and Sofía). The agent's
gender is read from its own turns — the first name it introduces itself with, or words it says of
itself («para estar seguras») — and kept in the customer's memory (``state.play``). A woman is
«señorita», a man «joven», and while the call has not shown it the vocative is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from simulator.customer.state import CustomerState
from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import normalize

KEY = "agent_gender"


@cache
def config() -> dict[str, Any]:
    text = resources.files("simulator.customer").joinpath("es/address.yaml").read_text("utf-8")
    data = parse_yaml(text)
    return data if isinstance(data, dict) else {}


@cache
def _intro() -> re.Pattern[str]:
    words = sorted((re.escape(str(p)) for p in config().get("intro_patterns", [])), key=len)
    return re.compile(rf"\b(?:{'|'.join(reversed(words))})\s+([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)")


def name_gender(first_name: str) -> str | None:
    """«f», «m» or None for a first name (the data lists)."""
    name = normalize(first_name)
    if name in {normalize(n) for n in config().get("feminine_names", [])}:
        return "f"
    if name in {normalize(n) for n in config().get("masculine_names", [])}:
        return "m"
    return None


def gender_in(agent_turn: str) -> str | None:
    """The gender an agent turn shows of the agent: its introduced name, then self-references."""
    for match in _intro().finditer(agent_turn):
        gender = name_gender(match.group(1))
        if gender:
            return gender
    padded = f" {normalize(agent_turn)} "
    for gender, key in (("f", "feminine_self"), ("m", "masculine_self")):
        if any(f" {normalize(p)} " in padded for p in config().get(key, [])):
            return gender
    return None


def note_agent(agent_turn: str, state: CustomerState) -> None:
    """Remember the agent's gender once a turn shows it (the first showing stands)."""
    if KEY in state.play:
        return
    gender = gender_in(agent_turn)
    if gender:
        state.play[KEY] = gender


def address_agent(text: str, state: CustomerState) -> str:
    """The line with its vocatives for the agent fitted to the agent's gender (or dropped)."""
    vocatives = {str(k): str(v) for k, v in config().get("vocatives", {}).items()}
    words = "|".join(re.escape(v) for v in vocatives.values())
    if not words or not re.search(rf"\b(?:{words})\b", text, re.IGNORECASE):
        return text
    wanted = vocatives.get(state.play.get(KEY, ""))
    if wanted:
        text = re.sub(rf",\s*(?:{words})\b", f", {wanted}", text)
        return re.sub(
            rf"^([¿¡]?)(?:{words})\b",
            lambda m: m.group(1) + wanted.capitalize(),
            text,
            flags=re.IGNORECASE,
        )
    text = re.sub(rf",\s*(?:{words})(?=[\s.,;:!?…]|$)", "", text)
    text = re.sub(rf"(^|[.!?…]\s+)([¿¡]?)(?:{words}),\s*(\w)", _capital, text, flags=re.IGNORECASE)
    return text


def customer_gender(title: str, first_name: str) -> str | None:
    """«f», «m» or None for the customer: its title (señora, ingeniero…), else its first name."""
    key = normalize(title)
    if key in {normalize(t) for t in config().get("feminine_titles", [])}:
        return "f"
    if key in {normalize(t) for t in config().get("masculine_titles", [])}:
        return "m"
    first = first_name.split()
    return name_gender(first[0]) if first else None


def agree(text: str, state: CustomerState, customer: str | None) -> str:
    """The line's words about the agent (``agent_forms``) and about the customer itself
    (``self_forms``) in the gender each has: «Perdón que la corte» to a woman agent, «ando
    ocupada» from a woman customer. Unknown genders leave the line as written."""
    agent = state.play.get(KEY)
    for forms, gender in (("agent_forms", agent), ("self_forms", customer)):
        if gender not in ("m", "f"):
            continue
        for pair in config().get(forms, []):
            wrong, right = (pair[1], pair[0]) if gender == "m" else (pair[0], pair[1])
            text = re.sub(rf"\b{re.escape(wrong)}\b", _keep_case(right), text, flags=re.IGNORECASE)
    return text


def _keep_case(right: str) -> Callable[[re.Match[str]], str]:
    """A replacement that keeps the capital of the words it replaces («Lo escucho» → «La…»)."""

    def replace(match: re.Match[str]) -> str:
        return right[:1].upper() + right[1:] if match.group(0)[:1].isupper() else right

    return replace


def _capital(match: re.Match[str]) -> str:
    return match.group(1) + match.group(2) + match.group(3).upper()
