"""What the agent claims about the offer, extracted once per turn from ONE lexicon
(``language/es/claims.yaml``): unverifiable promises («todo gratis», «aprobado seguro», a
pre-approval), conditions said to be absent («no tiene anualidad», «sin plazo forzoso»), delivery
times («llega en media hora»), and whether an amount's clause is about something other than the
offer (a surgery, the customer's bill, a saving, a debt, an example).

The scorer checks these claims against the transcript's catalog and conditions; this module only
reads the words. Every function takes raw text (typed or speech-recognised), normalizes it itself,
never raises, and is cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from simulator.analysis.conduct import affirmed
from simulator.analysis.lexicon import compile_list, load_yaml
from simulator.language.normalize import MAX_CHARS, normalize

LEXICON = "claims.yaml"
PROMISE_KINDS = ("free", "guarantee", "legal_consequence", "preapproval")


@dataclass(frozen=True)
class Claim:
    """One statement about the offer: ``kind`` is ``promise``, ``condition_absent`` or
    ``delivery``; ``topic`` the promise kind or condition topic; ``span`` the words said."""

    kind: str
    topic: str
    span: str


@cache
def _data() -> dict[str, object]:
    data = load_yaml(LEXICON)
    assert isinstance(data, dict)
    return data


@cache
def _promises() -> dict[str, re.Pattern[str]]:
    promises = _data()["promises"]
    assert isinstance(promises, dict)
    return {kind: compile_list(promises[kind]) for kind in PROMISE_KINDS}


@cache
def _conditions() -> dict[str, tuple[re.Pattern[str], tuple[str, ...]]]:
    conditions = _data()["conditions"]
    assert isinstance(conditions, dict)
    return {
        topic: (compile_list(spec["absent"]), tuple(str(n) for n in spec["names"]))
        for topic, spec in conditions.items()
    }


@cache
def _pattern(key: str) -> re.Pattern[str]:
    value = _data()[key]
    assert isinstance(value, list)
    return compile_list([str(v) for v in value])


def condition_names(topic: str) -> tuple[str, ...]:
    """The words that name a condition topic in catalog conditions («anualidad»)."""
    if topic == "delivery":
        names = _data()["delivery_names"]
        assert isinstance(names, list)
        return tuple(str(n) for n in names)
    return _conditions()[topic][1]


@lru_cache(maxsize=8192)
def _norm(text: str) -> str:
    return normalize(text[:MAX_CHARS])


@lru_cache(maxsize=8192)
def extract(text: str) -> tuple[Claim, ...]:
    """Every claim about the offer in one agent turn, in the order of the lexicon."""
    norm = _norm(text)
    out: list[Claim] = []
    for kind, pattern in _promises().items():
        # «nadie va a ir a la cárcel», «no le garantizo que…»: a denied promise is no promise.
        match = affirmed(pattern, text) if pattern.search(norm) else None
        if match:
            out.append(Claim("promise", kind, match.group(0)))
    for topic, (pattern, _names) in _conditions().items():
        match = pattern.search(norm)
        if match:
            out.append(Claim("condition_absent", topic, match.group(0)))
    match = _pattern("delivery").search(norm)
    if match:
        out.append(Claim("delivery", "delivery", match.group(0)))
    return tuple(out)


def amount_about_other(clause: str) -> bool:
    """The clause around an amount is about something other than the offer's price (a surgery,
    the customer's bill, a saving, a debt, an example): such an amount is never a price claim."""
    return _pattern("other_amount_context").search(_norm(clause)) is not None


def states_absent(condition_text: str) -> bool:
    """A catalog condition that itself says the condition is absent («sin anualidad»)."""
    return (
        re.search(r"\b(?:sin|no|cero|gratis|exent[oa]|bonificad[oa])\b", _norm(condition_text))
        is not None
    )
