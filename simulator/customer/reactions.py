"""Reaction lines are said only when what they react to is in the agent's last turn.

A customer line like «Gracias por entenderme», «Tiene razón», «Ya me quedo más tranquila» or
«Pues así sí» is a reaction: it answers something the agent just did (said it understands, gave
an argument, brought good news). Blind panel J heard them after turns that did none of it: a
«disculpe la molestia», a bare «¿qué le hace dudar?», news of commissions, or the agent agreeing
that the customer thinks it over. ``es/reactions.yaml`` lists the families of reaction phrases
and the trigger kinds each needs; this module reads the triggers off the agent's turn and gives
(a) the brain the phrases no line of the reply may hold (``unsaid``), (b) the objection handling
a test of whether the turn answered the doubt at all (``no_answer``), and (c) the benches a
detector of a reaction said without its trigger (``untriggered``).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import normalize

_SENTENCE = re.compile(r"[^.!?¿¡;]+[.!?;]?")


@cache
def config() -> dict[str, Any]:
    text = resources.files("simulator.customer").joinpath("es/reactions.yaml").read_text("utf-8")
    data = parse_yaml(text)
    return data if isinstance(data, dict) else {}


@cache
def _phrases(*path: str) -> tuple[str, ...]:
    node: Any = config()
    for key in path:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    return tuple(normalize(str(p)) for p in node or [])


def _has(norm: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {norm} "
    return any(p and f" {p} " in padded for p in phrases)


def has_phrase(norm: str, phrases: tuple[str, ...]) -> bool:
    """The normalized text holds one of the (normalized) phrases, as whole words."""
    return _has(norm, phrases)


def _statements(text: str) -> list[str]:
    """The normalized sentences of a turn that are not questions."""
    out = []
    for sentence in _SENTENCE.findall(text[:4000]):
        if "?" in sentence or "¿" in sentence:
            continue
        norm = normalize(sentence)
        if norm:
            out.append(norm)
    return out


def argues(text: str) -> bool:
    """The turn states something (a sentence that is not a question, long enough to carry a
    reason) that does not merely grant the customer time to think."""
    least = int(config().get("argument_words", 5))
    deferral = _phrases("deferral")
    return any(len(s.split()) >= least and not _has(s, deferral) for s in _statements(text))


def grants_time(text: str) -> bool:
    """The agent agrees that the customer thinks it over («piénselo con calma»)."""
    return _has(normalize(text), _phrases("deferral"))


def triggers(text: str, acts: set[str]) -> set[str]:
    """The trigger kinds present in one agent turn."""
    norm = normalize(text)
    found = {kind for kind in config().get("kinds", {}) if _has(norm, _phrases("kinds", kind))}
    if "paraphrase" in acts:
        found.add("listening")
    if argues(text):
        found.add("argument")
    return found


def missing(text: str, acts: set[str]) -> list[str]:
    """The reaction phrases whose trigger the agent's turn lacks (normalized)."""
    have = triggers(text, acts)
    out: list[str] = []
    for name, family in (config().get("families") or {}).items():
        if not have & set(family.get("needs", [])):
            out += _phrases("families", name, "lines")
    return out


def unsaid(
    text: str, acts: set[str], replying: set[str] | frozenset[str] = frozenset()
) -> list[str]:
    """For the brain: the phrases no line of the reply to this agent turn may hold (``replying``:
    the names of the reply's intents; a reply that decides now puts nothing off)."""
    deciding = set(config().get("deciding", []))
    return missing(text, acts) + (list(_phrases("deferring_lines")) if replying & deciding else [])


def untriggered(customer: str, agent: str, acts: set[str]) -> list[str]:
    """For the benches: the reaction phrases the customer line holds without their trigger."""
    norm = normalize(customer)
    return [p for p in missing(agent, acts) if _has(norm, (p,))]


def no_answer(text: str, acts: set[str]) -> bool:
    """The turn gives the open doubt nothing to be settled by: it only asks about it («¿qué le
    hace dudar?») or grants time to think it over, with no statement that argues."""
    return not argues(text) and ("?" in text or grants_time(text))
