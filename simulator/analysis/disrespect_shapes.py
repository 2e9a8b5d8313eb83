"""Disrespect read by the shape of a sentence over classes of words
(``language/es/disrespect_shapes.yaml``).

Why: the disrespect lists of ``conduct.yaml`` hold whole phrases, many of them met once; outside
wordings of the same offence slipped past them (issue 12: leave-one-source-out recall 0.66 on
dev, 0.37 held-out). Three offences are read here by how their sentence is built, so any wording
whose words belong to the classes is caught and the same words in another shape are not:

- ``threat`` — contact promised until the debt is paid («la seguiremos llamando hasta que
  pague», «le vamos a estar marcando mientras no liquide»): harassment, forbidden in collections
  (DOMAIN.md). A contact verb, later in the sentence a limit («hasta que», «mientras no») and a
  payment verb right after it.
- ``mockery`` — the listener labelled as a stereotype («es usted el típico cliente que…», «usted
  ha de ser uno de esos que…»): a second-person copula right before a stereotyping marker.
- ``condescension`` — a lesson in manners («a ver si aprende modales», «le falta educación»,
  «¿qué formas son esas?»): a verb of learning or lacking said to the listener right before a
  noun only courtesy means (respect is not one: «le pido respeto» is a courteous limit).

A contact its own clause denies («no la vamos a seguir llamando») is none; «si no paga» is a
condition, and «no vamos a dejar de llamarle» a double denial, both still threats.
``conduct.disrespect_kind`` and the agent tagger ask this module, so the simulated customer and the
scorer read the same thing.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from simulator.analysis.lexicon import compile_list, load_yaml
from simulator.language.normalize import MAX_CHARS, normalize

LEXICON = "disrespect_shapes.yaml"
_KEYS = (
    "contact",
    "until",
    "payment",
    "you_are",
    "stereotype",
    "lesson",
    "manners",
    "manner_words",
    "manner_judged",
)
# Words between a limit («hasta que») and its payment verb («…que la señora pague»).
PAYMENT_WINDOW = 5
# Words between a lesson verb and its manners noun («aprende un poco de educación»).
LESSON_WINDOW = 4
# Words before a contact verb a negator may deny it from («no la vamos a seguir llamando»).
NEGATION_WINDOW = 5
_NEGATORS = frozenset({"no", "nadie", "nunca", "jamas", "tampoco", "ni"})
_SENTENCE = re.compile(r"[^.!?;…\n]+")
_CLAUSE = re.compile(r"[^.!?;,…\n]+")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_yaml(LEXICON)
    return {key: compile_list(data[key]) for key in _KEYS}


def _after(norm: str, end: int, key: str, window: int) -> re.Match[str] | None:
    """``key`` starting within ``window`` words after position ``end`` of ``norm``."""
    rest = norm[end:].split()[:window]
    return _patterns()[key].search(" ".join(rest)) if rest else None


def _contact_denied(norm: str, start: int) -> bool:
    context = norm[:start].split()[-NEGATION_WINDOW - 2 :]
    if {"dejar", "dejaremos", "dejare"} & set(context):
        return False  # «no vamos a dejar de llamarle»: a double denial
    for i, word in enumerate(context):
        if word not in _NEGATORS or i < len(context) - NEGATION_WINDOW:
            continue
        lead = context[max(0, i - 2) : i]
        condition = "si" in lead or "mientras" in lead
        following = context[i + 1] if i + 1 < len(context) else ""
        if condition or _patterns()["payment"].fullmatch(following):
            continue  # «si no paga, la seguiremos llamando»
        return True
    return False


def _threat(norm: str) -> bool:
    pats = _patterns()
    for contact in pats["contact"].finditer(norm):
        if _contact_denied(norm, contact.start()):
            continue
        for limit in pats["until"].finditer(norm, contact.end()):
            if _after(norm, limit.end(), "payment", PAYMENT_WINDOW):
                return True
    return False


def _label(norm: str) -> bool:
    pats = _patterns()
    for copula in pats["you_are"].finditer(norm):
        rest = norm[copula.end() :].lstrip()
        if pats["stereotype"].match(rest):
            return True
    return False


def _lesson(norm: str) -> bool:
    pats = _patterns()
    for verb in pats["lesson"].finditer(norm):
        if _after(norm, verb.end(), "manners", LESSON_WINDOW):
            return True
    for words in pats["manner_words"].finditer(norm):
        before = norm[: words.start()].split()[-2:]
        if ("que" in before or "vaya" in before) and pats["manner_judged"].match(
            norm[words.end() :].lstrip()
        ):
            return True
    return False


@lru_cache(maxsize=8192)
def kind(text: str) -> str | None:
    """The kind of disrespect an agent turn shows by shape (``threat``, ``mockery``,
    ``condescension``), or None."""
    raw = text[:MAX_CHARS]
    for sentence in _SENTENCE.findall(raw):
        norm = normalize(sentence)
        if norm and _threat(norm):
            return "threat"
    for clause in _CLAUSE.findall(raw):
        norm = normalize(clause)
        if not norm:
            continue
        if _label(norm):
            return "mockery"
        if _lesson(norm):
            return "condescension"
    return None
