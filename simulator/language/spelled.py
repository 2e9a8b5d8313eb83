"""Values read back letter by letter: «placas N-X-R 4-8-2 B», «pe, cu, erre, cuatro, ocho».

On the phone agents confirm plates, folios, account and policy numbers by spelling them, one
symbol at a time and by the letters' Spanish names. A read-back check that compares words never
sees the value in such a turn; this module reduces both the value and the turn to their letters
and digits so a spelled value is recognised as said back.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from simulator.language.names import field_lexicon
from simulator.language.normalize import MAX_CHARS, normalize

__all__ = ["compact", "spelled_in"]

MIN_SYMBOLS = 4  # a value shorter than this is too easily found by chance
_WORD = re.compile(r"[0-9a-z]+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@cache
def _symbols() -> tuple[dict[str, str], list[tuple[str, str]]]:
    table = field_lexicon()["spelled_symbols"]
    assert isinstance(table, dict)
    single = {str(k): str(v) for k, v in table.items() if " " not in str(k)}
    phrases = [(str(k), str(v)) for k, v in table.items() if " " in str(k)]
    return single, phrases


def compact(value: str) -> str:
    """The letters and digits of ``value``, lowercase and without accents («NXR-482-B» → nxr482b)."""
    return _NOT_ALNUM.sub("", normalize(value[:MAX_CHARS]))


def spelled_in(value: str, text: str) -> bool:
    """``text`` says ``value`` back symbol by symbol (letters by name or as letters, digits by
    name or as digits, any separators between them), or in pieces («NXR 482 B»)."""
    wanted = compact(value)
    if len(wanted) < MIN_SYMBOLS:
        return False
    return _spelled(wanted, normalize(text[:MAX_CHARS]))


# «N de Nicaragua», «B como burro»: a letter said with a word that starts with it is the letter
_LETTER_AS_IN = re.compile(r"\b([a-z]+) (?:de|como) ([a-z]+)\b")
# words said between the symbols that are no symbol («guion 4-8-2, guion B»)
_SEPARATORS = re.compile(r"\b(?:guion|guion medio|espacio|diagonal)\b")


def _letters_as_in(folded: str) -> str:
    single = _symbols()[0]

    def letter(match: re.Match[str]) -> str:
        name, word = match.group(1), match.group(2)
        symbol = name if len(name) == 1 else single.get(name, "")
        return symbol if symbol.isalpha() and word.startswith(symbol) else match.group(0)

    return _LETTER_AS_IN.sub(letter, folded)


@cache
def _phrase_patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"\b{re.escape(p)}\b"), f" {s} ") for p, s in _symbols()[1]]


@lru_cache(maxsize=4096)
def _spoken_words(folded: str) -> tuple[str, ...]:
    """The turn's words with separators dropped and multi-word symbols replaced (per turn, not per
    value: a turn is checked against every captured value)."""
    folded = _SEPARATORS.sub(" ", _letters_as_in(folded))
    for pattern, symbol in _phrase_patterns():
        folded = pattern.sub(symbol, folded)
    return tuple(_WORD.findall(folded))


@lru_cache(maxsize=8192)
def _spelled(wanted: str, folded: str) -> bool:
    single = _symbols()[0]
    run = ""
    for word in _spoken_words(folded):
        piece = word if word.isdigit() or len(word) > 1 and word in wanted else single.get(word)
        if piece is None and len(word) == 1:
            piece = word
        if piece is not None and piece in wanted:
            run += piece
            if wanted in run:
                return True
        else:
            run = ""
    return False
