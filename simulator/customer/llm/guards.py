"""The checks a model's line must pass before the customer says it; else the template line is used.

The template line is the brain's released content: the model may only reword it. A line is
rejected (with a short reason, counted by the mouth) when it is empty or too long, is not Spanish,
speaks as the agent or about the customer in the third person, adds a number, month, product,
e-mail or customer datum the template line does not hold, or drops one it does. Word lists live in
``customer/es/llm.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from simulator.customer.state import Intent
from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import normalize
from simulator.language.numbers import segments
from simulator.models.content import Scenario

_WORD = re.compile(r"[a-z0-9ñ']+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NON_LATIN = re.compile(r"[^\W\d_a-zA-ZÀ-ɏ]")  # a letter outside the Latin alphabets
_QUOTES = "\"'«»“”‘’`"
MIN_WORDS_FOR_LANGUAGE = 3
MIN_DATUM_CHARS = 4
LONGER_THAN_TEMPLATE = 2.5  # times the template line's length (plus ``SLACK_CHARS``)
SLACK_CHARS = 60


@cache
def lexicon() -> dict[str, Any]:
    text = resources.files("simulator.customer").joinpath("es/llm.yaml").read_text("utf-8")
    data = parse_yaml(text)
    return data if isinstance(data, dict) else {}


def _words(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def _has_phrase(words: list[str], phrase: str) -> bool:
    return f" {' '.join(_words(phrase))} " in f" {' '.join(words)} "


def clean(candidate: str) -> str:
    """The model's text as a line: trimmed, first line only, no wrapping quotes or «Cliente:»."""
    text = candidate.strip()
    text = text.split("\n")[0].strip() if text else ""
    lowered = text.lower()
    for label in lexicon().get("own_labels", []):
        if lowered.startswith(str(label)):
            text = text[len(str(label)) :].strip()
            break
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return text


def _numbers(text: str) -> set[float]:
    return {round(s.value, 2) for s in segments(text) if s.value is not None}


def _months(words: list[str]) -> set[str]:
    return set(words) & {str(m) for m in lexicon().get("months", [])}


def _facts(scenario: Scenario) -> list[str]:
    """Texts the brain releases one at a time: product names and the customer's data."""
    names = [p.name for p in scenario.catalog]
    data = [str(v) for v in scenario.customer.data.values()]
    return [t for t in names + data if len(normalize(t)) >= MIN_DATUM_CHARS]


def language_problem(words: list[str], raw: str) -> str | None:
    if _NON_LATIN.search(raw):
        return "not_spanish"
    english = {str(w) for w in lexicon().get("english_words", [])}
    spanish = {str(w) for w in lexicon().get("spanish_words", [])}
    english_hits = sum(w in english for w in words)
    spanish_hits = sum(w in spanish for w in words)
    if english_hits >= 2 and english_hits >= spanish_hits / 2:
        return "not_spanish"
    if len(words) >= MIN_WORDS_FOR_LANGUAGE and spanish_hits == 0:
        return "not_spanish"
    return None


def role_problem(words: list[str], template_words: list[str], scenario: Scenario) -> str | None:
    for key, reason in (("agent_phrases", "agent_role"), ("third_person_phrases", "third_person")):
        for phrase in lexicon().get(key, []):
            if _has_phrase(words, str(phrase)) and not _has_phrase(template_words, str(phrase)):
                return reason
    # the customer's own name, when the template line does not say it, is narration about them
    for name in (scenario.customer.name, scenario.customer.first_name):
        if name and _has_phrase(words, name) and not _has_phrase(template_words, name):
            return "third_person"
    return None


def fact_problem(text: str, template: str, intents: list[Intent], scenario: Scenario) -> str | None:
    said, meant = _numbers(text), _numbers(template)
    released = meant | {n for i in intents for v in i.slots.values() for n in _numbers(v)}
    if said - released:
        return "new_number"
    if meant - said:
        return "missing_number"
    words, template_words = _words(text), _words(template)
    if _months(words) - _months(template_words):
        return "new_fact"
    if _months(template_words) - _months(words):
        return "missing_fact"
    said_mail = {m.lower() for m in _EMAIL.findall(text)}
    meant_mail = {m.lower() for m in _EMAIL.findall(template)}
    if said_mail - meant_mail:
        return "new_fact"
    if meant_mail - said_mail:
        return "missing_fact"
    for fact in _facts(scenario):
        in_line, in_template = _has_phrase(words, fact), _has_phrase(template_words, fact)
        if in_line and not in_template:
            return "new_fact"
        if in_template and not in_line:
            return "missing_fact"
    return None


def check(
    candidate: str, template: str, intents: list[Intent], scenario: Scenario, max_chars: int
) -> tuple[str, str | None]:
    """The cleaned line and why it is rejected (``None`` when the customer may say it)."""
    text = clean(candidate)
    if not text:
        return text, "empty"
    if len(text) > max_chars or len(text) > LONGER_THAN_TEMPLATE * len(template) + SLACK_CHARS:
        return text, "too_long"
    words = _words(text)
    problem = (
        language_problem(words, text)
        or role_problem(words, _words(template), scenario)
        or fact_problem(text, template, intents, scenario)
    )
    return text, problem
