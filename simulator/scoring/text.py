"""Small text helpers the rules need: accent folding, cue lexicons and bounded quotes.

Scoring matches its own cue lists (scoring/es/cues.yaml) over *folded* text so that ASR-style
input (no accents, no punctuation) and typed input look the same. Quotes are always exact
substrings of the original turn, so feedback can be checked against the transcript.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from simulator.datafiles import parse as parse_yaml

MAX_QUOTE = 180
_PUNCT = re.compile(r"[^\w\s$]+", re.UNICODE)
_SPACES = re.compile(r"\s+")
_SENTENCE = re.compile(r"[^.!?¿¡\n]+[.!?]*")


@cache
def _raw_cues() -> dict[str, object]:
    text = resources.files("simulator.scoring").joinpath("es/cues.yaml").read_text("utf-8")
    data = parse_yaml(text)
    return dict(data)


@cache
def cue(name: str) -> re.Pattern[str]:
    """One compiled alternation of the cue list ``name``."""
    items = _raw_cues().get(name) or []
    assert isinstance(items, list)
    return re.compile("|".join(f"(?:{item})" for item in items))


@cache
def field_label_cue(field: str) -> re.Pattern[str]:
    """What an agent says when asking for ``field`` (defaults to the field's own words)."""
    labels = _raw_cues().get("field_labels") or {}
    assert isinstance(labels, dict)
    pattern = labels.get(fold(field).replace(" ", "_")) or labels.get(fold(field))
    if not pattern:
        words = [w for w in fold(field.replace("_", " ")).split() if len(w) > 2]
        pattern = r"\b(" + "|".join(re.escape(w) for w in words or [fold(field)]) + r")\b"
    return re.compile(str(pattern))


@cache
def word_set(name: str) -> frozenset[str]:
    """A space-separated word list of cues.yaml (stopwords, given_names…) as a set."""
    return frozenset(str(_raw_cues().get(name, "")).split())


def stopwords() -> frozenset[str]:
    return word_set("stopwords")


@cache
def titles() -> frozenset[str]:
    items = _raw_cues().get("titles") or []
    assert isinstance(items, list)
    return frozenset(str(i) for i in items)


_FROM = "áéíóúüàèìòùâêîôûäëïöñ¿¡«»—–…“”‘’"
_TO = "aeiouuaeiouaeiouaeion"
_ACCENTS = str.maketrans(_FROM, _TO + " " * (len(_FROM) - len(_TO)))
# The same, plus ASCII punctuation (what _PUNCT removes) to spaces: one pass for typical turns.
_ASCII_PUNCT = "".join(c for c in map(chr, range(128)) if _PUNCT.fullmatch(c))
_ACCENTS_AND_PUNCT = str.maketrans(
    _FROM + _ASCII_PUNCT, _TO + " " * (len(_FROM) - len(_TO) + len(_ASCII_PUNCT))
)


@lru_cache(maxsize=32_768)
def fold(text: str) -> str:
    """Lower case, no accents (ñ → n, as the cue lists are written), punctuation to spaces.

    Cached: names, product words and turns are folded again and again (and a live call is
    re-scored as it grows)."""
    lowered = text.lower().translate(_ACCENTS_AND_PUNCT)
    if lowered.isascii():
        return " ".join(lowered.split())
    decomposed = unicodedata.normalize("NFKD", lowered)
    lowered = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _PUNCT.sub(" ", lowered)).strip()


def content_words(text: str) -> set[str]:
    """Folded words longer than 3 letters that are not stopwords (crude stems: first 5 letters)."""
    stops = stopwords()
    return {w[:5] for w in fold(text).split() if len(w) > 3 and w not in stops}


def quote(text: str, hint: str | None = None, max_len: int = MAX_QUOTE) -> str:
    """An exact substring of ``text`` of at most ``max_len`` chars, around ``hint`` when given."""
    if not text:
        return ""
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text[:20_000])]
    chosen: tuple[int, int] | None = None
    if hint:
        folded_hint = fold(hint)
        if folded_hint:
            for start, end in spans:
                if folded_hint in fold(text[start:end]):
                    chosen = (start, end)
                    break
    if chosen is None:
        chosen = (0, len(text))
    start, end = chosen
    piece = text[start:end]
    stripped_left = len(piece) - len(piece.lstrip())
    start += stripped_left
    end = start + len(piece.strip())
    if end - start > max_len:
        return _cut(text, start, max_len)
    result = text[start:end]
    return result if result.strip() else _cut(text, 0, max_len)


_CLAUSE_END = re.compile(r"[,;:]\s")


def _cut(text: str, start: int, max_len: int) -> str:
    """``text[start:]`` cut to ``max_len`` chars at a clause or word boundary, ending in «…».

    Everything but the final «…» is an exact substring of ``text``. A dangling short function
    word («…si no le convence lo») is dropped so the quote does not stop mid-phrase."""
    if len(text) - start <= max_len:
        return text[start:]
    end = start + max_len
    floor = start + max_len // 2
    clauses = [m.start() for m in _CLAUSE_END.finditer(text, floor, end + 1)]
    if clauses:
        end = clauses[-1]
    else:
        space = text.rfind(" ", floor, end + 1)
        end = space if space > start else end
        words = text[start:end].split(" ")
        while len(words) > 3 and (len(fold(words[-1])) <= 2 or fold(words[-1]) in stopwords()):
            words.pop()
        end = start + len(" ".join(words))
    piece = text[start:end].rstrip(" ,;:")
    return piece + ELLIPSIS


ELLIPSIS = "…"


def unquoted(quote: str) -> str:
    """The exact transcript text of a quote (without the «…» that marks a cut)."""
    return quote[:-1] if quote.endswith(ELLIPSIS) else quote
