"""Content overlap between two turns by lemmas: the evidence that a paraphrase restates content.

Stopwords and function words are ignored so "usted", "que" or "el" never count as shared content.
"""

from __future__ import annotations

from functools import cache, lru_cache

from simulator.analysis.lexicon import load_yaml
from simulator.language.normalize import lemma, tokens


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(str(w) for w in load_yaml("stopwords.yaml")["stopwords"])


@lru_cache(maxsize=4096)
def content_lemmas(text: str) -> frozenset[str]:
    """Lemmas of the content words of ``text`` (no stopwords, no one-letter tokens)."""
    stop = _stopwords()
    out = set()
    for tok in tokens(text)[:400]:
        if tok in stop or len(tok) < 3 or not tok.isalpha():
            continue
        lem = lemma(tok)
        if lem not in stop:
            out.add(lem)
    return frozenset(out)


@cache
def _concepts() -> dict[str, str]:
    groups = load_yaml("stopwords.yaml").get("concepts", {})
    table: dict[str, str] = {}
    for name, words in groups.items():
        for word in words:
            table[str(word)] = str(name)
            # content words are compared by stem, so the stem must find its concept too
            table.setdefault(lemma(str(word)), str(name))
    return table


def _concept_set(lemmas: frozenset[str]) -> set[str]:
    table = _concepts()
    out = set()
    for lem in lemmas:
        out.add(lem[:5])
        if lem in table:
            out.add("#" + table[lem])
    return out


def content_overlap(text: str, other: str) -> int:
    """How much content ``text`` shares with ``other``: common lemmas (by 5-letter stem) and
    common concepts ("caro" and "precio" are both price)."""
    return len(_concept_set(content_lemmas(text)) & _concept_set(content_lemmas(other)))


def shared_words(text: str, other: str) -> int:
    """How many content words of ``text`` restate ``other`` (same 5-letter stem or same concept);
    each word counts once, unlike ``content_overlap``."""
    theirs = _concept_set(content_lemmas(other))
    table = _concepts()
    count = 0
    for lem in content_lemmas(text):
        concept = "#" + table[lem] if lem in table else None
        if lem[:5] in theirs or (concept is not None and concept in theirs):
            count += 1
    return count
