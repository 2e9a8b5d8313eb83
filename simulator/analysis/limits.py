"""Limits a catalog condition puts on a product, and agent clauses that deny them
(``language/es/limits.yaml``).

Why: ``claims`` reads conditions by topic (anualidad, plazo forzoso, delivery times); outside QA
wordings broke conditions of other shapes — a product sold only with another, a benefit for some
cards only, a cap per event, a card blocked during a plan, a purchase-time add-on, a sold-out
product, an exclusion promised in everyday words. This module reads both sides of each shape as
one concept: ``limits_of`` turns a condition into ``Limit`` values, ``denial`` finds the clause of
an agent turn that says the opposite. Which products a turn is about, and the verdict, are the
scorer's (``simulator.scoring.catalog_limits``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from simulator.analysis.conduct import clauses, negated
from simulator.analysis.lexicon import compile_list, load_yaml
from simulator.language import regex_cache
from simulator.language.normalize import MAX_CHARS, normalize

LEXICON = "limits.yaml"
KINDS = ("only_with", "restricted_set", "cap", "blocked", "at_purchase", "sold_out", "excludes")


@dataclass(frozen=True)
class Limit:
    kind: str  # one of KINDS
    arg: str  # the required product, restricted noun, blocked thing or excluded thing ("" if none)
    condition: str  # the catalog condition, as written


@cache
def _data() -> dict[str, object]:
    data = load_yaml(LEXICON)
    assert isinstance(data, dict)
    return data


@cache
def _condition_patterns() -> dict[str, re.Pattern[str]]:
    conditions = _data()["conditions"]
    assert isinstance(conditions, dict)
    return {k: regex_cache.compile(str(v)) for k, v in conditions.items()}


@cache
def _claim(key: str) -> re.Pattern[str]:
    claims = _data()["claims"]
    assert isinstance(claims, dict)
    return compile_list(str(claims[key]))


@lru_cache(maxsize=256)
def _any_of(noun: str) -> re.Pattern[str]:
    claims = _data()["claims"]
    assert isinstance(claims, dict)
    stem = noun[:-1] if noun.endswith("s") else noun
    return compile_list(str(claims["any_of"]), {"noun": f"{re.escape(stem)}s?"})


@cache
def _synonyms() -> dict[str, re.Pattern[str]]:
    table = _data()["synonyms"]
    assert isinstance(table, dict)
    return {str(k): compile_list([str(p) for p in v]) for k, v in table.items()}


@lru_cache(maxsize=1024)
def limits_of(condition: str) -> tuple[Limit, ...]:
    """The limits one catalog condition states (none for most conditions)."""
    norm = normalize(condition[:MAX_CHARS])
    out: list[Limit] = []
    for kind in KINDS:
        match = _condition_patterns()[kind].search(norm)
        if match is None:
            continue
        groups = match.groupdict()
        arg = next((str(v) for v in groups.values() if v), "")
        out.append(Limit(kind, arg.strip(), condition))
    return tuple(out)


def _affirmed(pattern: re.Pattern[str], clause: str) -> re.Match[str] | None:
    for match in pattern.finditer(clause):
        if not negated(clause, match.start()):
            return match
    return None


def feature_topics() -> frozenset[str]:
    """Claim topics that a product's features state as well as its conditions."""
    topics = _data().get("feature_topics") or []
    assert isinstance(topics, list)
    return frozenset(str(t) for t in topics)


def acknowledges(text: str) -> bool:
    """The turn itself states a limit («solo», «no se puede», «hasta 1,500», «agotado»): the agent
    is informing about the limit, not denying it."""
    return _claim("acknowledges").search(normalize(text[:MAX_CHARS])) is not None


def excluded_words(what: str) -> re.Pattern[str] | None:
    """The everyday words for an excluded thing («daños materiales al propio auto» → choques…)."""
    for key, pattern in _synonyms().items():
        if key in what:
            return pattern
    return None


def turn_clauses(text: str) -> list[str]:
    """The normalized clauses of an agent turn (a denial is read within one clause)."""
    return clauses(text)


def denial(limit: Limit, clause: str) -> str | None:
    """The words of a normalized ``clause`` that deny ``limit`` (not the product check: the
    caller knows which product the clause is about), or None. ``only_with`` is read here only as
    the product standing alone; put together with another product is the caller's check."""
    if limit.kind == "only_with":
        match = _affirmed(_claim("standalone"), clause)
    elif limit.kind == "restricted_set":
        match = _affirmed(_any_of(limit.arg), clause) if limit.arg else None
    elif limit.kind == "cap":
        match = _affirmed(_claim("unlimited"), clause)
    elif limit.kind == "blocked":
        match = _affirmed(_claim("keeps_using"), clause)
        if match is not None and limit.arg[:5] not in clause:
            match = None  # «puede seguir usando la app»: not the blocked thing
    elif limit.kind == "at_purchase":
        match = _affirmed(_claim("any_time"), clause)
        if match is not None and not _claim("add_verb").search(clause):
            match = None  # «le llamo cuando quiera»: no add-on is being put off
    elif limit.kind == "sold_out":
        match = _affirmed(_claim("ships"), clause)
    elif limit.kind == "excludes":
        words = excluded_words(limit.arg)
        covered = _affirmed(_claim("covers"), clause)
        match = None
        if words is not None and covered is not None:
            thing = words.search(clause, covered.end())
            match = thing if thing is not None else None
            if match is not None:
                return clause[covered.start() : match.end()]
    else:
        match = None
    return match.group(0) if match is not None else None


def attaches(clause: str) -> bool:
    """The clause puts a product together with another («se lo agrego a la limitada»)."""
    return _affirmed(_claim("attaches"), clause) is not None
