"""Spanish text normalization: one canonical form for matching typed and speech-recognised text.

Trainees type with or without accents, ¿¡ and punctuation, and speech recognition gives lowercase
text with none of them; every matcher in the project compares the normalized forms produced here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

MAX_CHARS = 50_000  # bound the work on huge input

_REPEATS = re.compile(r"([^\W\d_])\1{2,}")
# Letters, digits, spaces and ?$@#%_ survive; "." or "," survive only between two alphanumerics
# (499.00, 1,299, gmail.com); any other character becomes a space.
_DROP = re.compile(r"((?<=[0-9a-z])[.,](?=[0-9a-z]))|[^\w\s?$@#%]")
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[0-9a-z@$#%_]+(?:[.,][0-9a-z@$#%_]+)*")


def _strip_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base


class _FoldTable(dict[int, str]):
    """Code point → folded character, filled on first sight (``str.translate`` table)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "¿¡":
            out = " "
        else:
            low = ch.lower()
            if len(low) != 1:
                low = ch
            if low.isascii():
                out = low
            else:
                base = _strip_char(low).lower()
                out = base[0] if base else " "
        self[code] = out
        return out


_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lowercase and strip accents char by char, keeping the length (offsets stay valid).

    ``¿`` and ``¡`` become spaces. Characters that decompose into several letters keep only the
    first one, so ``fold(t)[i]`` always corresponds to ``t[i]``.
    """
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Canonical form: lowercase, no accents, no ¿¡ or punctuation (``?`` kept as its own token).

    Letters repeated three or more times collapse to one ("holaaaa" → "hola"); ``.``/``,`` survive
    only between alphanumerics (amounts, domains); spaces collapse.
    """
    if not text:
        return ""
    text = fold(text[:MAX_CHARS])
    text = _REPEATS.sub(r"\1", text)
    text = _DROP.sub(lambda m: m.group(1) or " ", text)
    text = text.replace("?", " ? ")
    if not text.isascii():
        text = "".join(ch if ch.isascii() else " " for ch in text)
    return _SPACES.sub(" ", text).strip()


def tokens(text: str) -> list[str]:
    """Normalized word tokens (no ``?``)."""
    return _TOKEN.findall(normalize(text))


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    # Snowball's Spanish stemmer instead of a lemma dictionary: on our labelled sets it gives the
    # same macro-F1 (content overlap compares 5-letter prefixes anyway) and it costs ~0 MB, where
    # simplemma's Spanish dictionary alone added ~80 MB of RSS and broke the 150 MB text-mode budget.
    import snowballstemmer

    return snowballstemmer.stemmer("spanish").stemWord


@lru_cache(maxsize=65536)
def lemma(token: str) -> str:
    """Stem of a normalized token (Snowball, Spanish), accent-free and lowercase.

    Used to compare content words across turns ("usan" / "uso", "clases" / "clase")."""
    if not token or not token.isalpha() or len(token) > 40:
        return token
    try:
        result = _stemmer()(token)
    except Exception:
        return token
    return normalize(str(result)) or token


def word_count(text: str) -> int:
    """Number of word tokens of ``text`` (what talk-share and filler rates count)."""
    return len(tokens(text))
