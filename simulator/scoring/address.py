"""How model phrasings name people: the customer's courtesy form and the agent's own name.

A better phrasing must sound like a real agent: «Que tenga excelente día, señora Hernández» (title
+ paternal surname, when the call used a title) or «…, Rosa María» (the given names), never the
full registered name. The closing example signs with the name the agent actually said in the
opening («le habla Daniel…»), falling back to the transcript's ``agent_name``.
"""

from __future__ import annotations

import re
from functools import cache

from simulator.language import names
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

OPENING_TURNS = 3
_EDGE = ",.;:!?¿¡«»\"'()"
_ABBREVIATIONS = {"sr": "señor", "sra": "señora", "srta": "señorita", "lic": "licenciado"}
_ARTICLES = {
    "señor": "el",
    "señora": "la",
    "señorita": "la",
    "licenciado": "el",
    "licenciada": "la",
}


@cache
def _not_names() -> frozenset[str]:
    return tx.word_set("not_agent_names")


@cache
def _agent_intro() -> re.Pattern[str]:
    return tx.cue("agent_introduction")


def split_name(full_name: str) -> tuple[list[str], str]:
    """(given names, paternal surname or "") of a registered name (``names.split_name``)."""
    given, paternal, _maternal = names.split_name(full_name)
    return given, paternal


def _title_used(ctx: CallContext, name_words: set[str]) -> str | None:
    """The title the agent used before the customer's name («señora», «don»), if any."""
    titles = tx.titles()
    for n in ctx.agent_turns:
        folded = ctx.folded[n - 1].split()
        for i, word in enumerate(folded[:-1]):
            if word in titles and folded[i + 1] in name_words:
                return _ABBREVIATIONS.get(word, _spelled_title(ctx.text(n), word))
    return None


def _spelled_title(text: str, folded_title: str) -> str:
    """The title as the agent wrote it (with its accents), lower case."""
    for word in text.split():
        clean = word.strip(_EDGE)
        if tx.fold(clean) == folded_title:
            return clean.lower()
    return folded_title


def _display(words: list[str]) -> str:
    joined = " ".join(words)
    return joined.title() if joined.islower() else joined


def courtesy_name(ctx: CallContext) -> str:
    """«señora Hernández» when the call used a title, else the given names («Rosa María»)."""
    name = ctx.customer_name
    if not name:
        return "(nombre del cliente)"
    given, surname = split_name(name)
    name_words = {tx.fold(w) for w in given} | ({tx.fold(surname)} if surname else set())
    title = _title_used(ctx, name_words)
    if title:
        if tx.fold(title) in ("don", "dona"):
            return f"{title} {_display(given)}"  # «don Ramiro» goes with the given name
        return f"{title} {_display([surname] if surname else given)}"
    return _display(given) if given else name


def full_name_phrase(ctx: CallContext) -> str:
    """The registered name as said when confirming identity («la señora Rosa María Hernández»)."""
    name = ctx.customer_name
    if not name:
        return "(nombre del cliente)"
    given, surname = split_name(name)
    words = {tx.fold(w) for w in given} | ({tx.fold(surname)} if surname else set())
    title = _title_used(ctx, words)
    shown = _display(name.split())
    if not title:
        return shown
    article = _ARTICLES.get(title)
    return f"{article} {title} {shown}" if article else f"{title} {shown}"


def agent_spoken_name(ctx: CallContext) -> str | None:
    """The name the agent gave in the opening («le habla Daniel de…»), else anywhere in the call
    («Daniel al habla», «le atendió Daniel»), as written."""
    company = set(tx.fold(ctx.transcript.company or "").split())
    skip = tx.stopwords() | _not_names() | company
    turns = [(n, _agent_intro()) for n in ctx.agent_turns[:OPENING_TURNS]]
    turns += [(n, tx.cue("agent_signature")) for n in ctx.agent_turns]
    for n, cue in turns:
        match = cue.search(ctx.folded[n - 1])
        word = next((g for g in match.groups() if g), "") if match else ""
        if word in skip or len(word) < 3:
            continue
        name = _as_written(ctx.text(n), word)
        if name:
            return name
    return None


def _as_written(text: str, word: str) -> str | None:
    """``word`` (folded) as the turn wrote it, capitalised; None when typed text has it in lower
    case («soy nuevo…»: not a name; speech input has no capitals at all)."""
    typed = text != text.lower()
    for raw in text.split():
        clean = raw.strip(_EDGE)
        if tx.fold(clean) == word:
            if typed and not clean[:1].isupper():
                return None
            return clean[:1].upper() + clean[1:]
    return word.title()
