"""Words and pieces for the line audit (split from ``line_audit.py``: size).

The audit's data file (``es/line_audit.yaml``), its phrases as normalized text, a phrase as it is
written in a line (accents optional), the content words of a text cut to a stem, and a reply cut
into its pieces (sentences; a lead-in closed by «…» is a piece of its own).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import normalize

PIECE_END = re.compile(r"(?<=[.!?…])\s+")
QUESTION = re.compile(r"¿[^?¿]*\?")
_ACCENTS = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]", "n": "[nñ]"}
INTERJECTIONS = frozenset({"ah", "eh", "pues", "mmm", "este", "ay", "bueno", "ok", "va", "aja"})


@cache
def config() -> dict[str, Any]:
    path = resources.files("simulator.customer").joinpath("es/line_audit.yaml")
    data = parse_yaml(path.read_text("utf-8"))
    return data if isinstance(data, dict) else {}


@cache
def phrases(key: str, sub: str = "") -> tuple[str, ...]:
    node = config().get(key, {} if sub else [])
    if sub:
        node = node.get(sub, []) if isinstance(node, dict) else []
    return tuple(sorted((normalize(str(p)) for p in node or []), key=len, reverse=True))


@cache
def pattern(phrase: str) -> re.Pattern[str]:
    """The normalized phrase as written in a line (accents optional, commas between words)."""
    words = ["".join(_ACCENTS.get(c, re.escape(c)) for c in w) for w in phrase.split()]
    return re.compile(r"\b" + r"[\s,]+".join(words) + r"\b", re.IGNORECASE)


def has(norm: str, found: tuple[str, ...]) -> bool:
    """The normalized text holds one of the phrases, as whole words."""
    padded = f" {norm} "
    return any(p and f" {p} " in padded for p in found)


@cache
def _stop() -> frozenset[str]:
    return frozenset(normalize(str(w)) for w in config().get("stopwords", []))


def stems(text: str) -> frozenset[str]:
    """The content words of a text, cut to their first letters (``stem``): «videollamadas» and
    «videollamada» are one word; numbers count, short and empty words do not."""
    cut = int(config().get("stem", 5))
    words = normalize(text).split()
    return frozenset(
        w[:cut] for w in words if (w.isdigit() or len(w) >= 4) and w not in _stop() and w != "?"
    )


def pieces(text: str) -> list[str]:
    """The sentences of a reply (a lead-in closed by «…» is a piece of its own)."""
    return [p for p in PIECE_END.split(text.strip()) if p.strip()]


def bare(norm: str) -> str:
    """The normalized text without the interjections it opens with («ah, pues sí» → «sí»)."""
    words = norm.split()
    while words and words[0] in INTERJECTIONS:
        words = words[1:]
    return " ".join(words)


_OPENER = re.compile(
    r"\b(pues|mire|este|bueno|oiga|f[ií]jese|eh|ah)\b(?P<gap>[^.?!]{0,16}?)\b\1\b[,…]+\s*",
    re.IGNORECASE,
)


def undouble(text: str) -> str:
    """The reply without an opener said twice at its start («Pues mire, pues… no lo tengo
    claro» → «Pues mire, no lo tengo claro»; blind panel L: «Pues pues»): two glued pieces that
    each brought their own lead-in."""
    text = _TWICE.sub(r"\1", text)  # cust-d: «Pues pues los 1,850» anywhere in the reply
    m = _OPENER.search(text[:48])
    if m is None:
        return text
    return text[: m.start()] + m.group(1) + m.group("gap") + text[m.end() :]


_TWICE = re.compile(r"(?i)\b(pues|este|mire|bueno|oiga|eh|ah)\s+\1\b")
