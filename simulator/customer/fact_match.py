"""A scenario's fact model as data, and how a question part finds its fact (split from
``fact_model`` so that ``plausible``, which says the model's facts, and ``fact_model``, which asks
``plausible`` what a part is, do not import each other: the import-cycle contract of
``simulator.customer``). Knows nothing of the call's turn.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import normalize

STEM = 5  # a single concept word this long matches the words that start with it
KEY = "fact:"  # ``state.play`` key prefix of a fact said (shape.situation_facts' prefix too)
SIMILAR = 0.55  # least cosine with a fact's example question (unrelated ones: ≤ 0.45)


@dataclass(frozen=True)
class Fact:
    """One fact of a scenario's customer."""

    key: str
    asks: tuple[frozenset[str], ...]
    lines: tuple[str, ...]
    answered_by: tuple[str, ...]
    examples: tuple[str, ...]
    denies: tuple[str, ...] = ()
    # Lines of a customer type that says the fact its own way (the experto with his figures:
    # blind panel P sc-05, «esas cifras de mi póliza no me las sé» from the expert customer).
    by_persona: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def lines_for(self, persona: str) -> tuple[str, ...]:
        """The lines this customer type says the fact with (its own, else the shared ones)."""
        return dict(self.by_persona).get(persona) or self.lines


def _read(name: str) -> dict[str, Any]:
    text = resources.files("simulator.customer").joinpath(f"es/{name}").read_text("utf-8")
    data = parse_yaml(text)
    return data if isinstance(data, dict) else {}


@cache
def concepts() -> dict[str, tuple[str, ...]]:
    """Each concept with its normalized ways of being asked."""
    conf = _read("fact_concepts.yaml").get("concepts", {})
    return {str(k): tuple(normalize(str(x)) for x in v) for k, v in conf.items()}


@cache
def closed_leads() -> tuple[str, ...]:
    """The openings of a yes/no part that ask the customer's own situation (customer-z)."""
    return tuple(
        normalize(str(x)) for x in _read("fact_concepts.yaml").get("closed_fact_leads", [])
    )


@cache
def request_cues() -> tuple[str, ...]:
    """Words of a sentence that asks the customer to do something (customer-z)."""
    return tuple(normalize(str(x)) for x in _read("fact_concepts.yaml").get("request_cues", []))


def requests(text: str) -> list[str]:
    """The turn's requests that are no question («Primero, si puede, cierre la llave de paso.»),
    normalized: a fact of the situation they name is answered like a question part
    (``shape.situation_facts``; customer-z, blind panel L wd-03: the valve asked for, only the
    policy number said)."""
    said = [normalize(x) for x in re.split(r"(?<=[.!;:])\s+|¿[^?]*\?", text[:4000]) if x]
    leads = request_cues()
    return [x for x in said if x and any(f" {w} " in f" {x} " for w in leads)]


@cache
def facts(scenario_id: str) -> tuple[Fact, ...]:
    """The facts of a scenario (none for a scenario the model does not cover)."""
    spec = _read("fact_model.yaml").get(scenario_id) or {}
    return tuple(
        Fact(
            key=str(key),
            asks=tuple(frozenset(str(c) for c in alt) for alt in body.get("asks", [])),
            lines=tuple(str(x) for x in body.get("lines", [])),
            answered_by=tuple(normalize(str(x)) for x in body.get("answered_by", [])),
            examples=tuple(str(x) for x in body.get("examples", [])),
            denies=tuple(normalize(str(x)) for x in body.get("denies", [])),
            by_persona=tuple(
                (str(who), tuple(str(x) for x in said))
                for who, said in (body.get("by_persona") or {}).items()
            ),
        )
        for key, body in spec.items()
    )


def _has(padded: str, words: list[str], phrase: str) -> bool:
    if " " in phrase or len(phrase) < STEM:
        return f" {phrase} " in padded
    return any(w.startswith(phrase) for w in words)


def concepts_of(part: str) -> frozenset[str]:
    """The concepts a question part holds (``part`` in any form: it is normalized here)."""
    norm = normalize(part).replace("?", " ").replace("¿", " ")
    padded, words = f" {norm} ", norm.split()
    return frozenset(
        name for name, ways in concepts().items() if any(_has(padded, words, w) for w in ways)
    )


def _lexical(part: str, scenario_id: str) -> Fact | None:
    held = concepts_of(part)
    best, size = None, 0
    for fact in facts(scenario_id):
        for alt in fact.asks:
            if alt and alt <= held and len(alt) > size:
                best, size = fact, len(alt)
    return best


def _embedder() -> Any:
    """The analyzer's loaded sentence embeddings (``learned_model.embed``), or None when they are
    not loaded yet (never loaded here: the reply must not wait for them)."""
    try:
        from simulator.analysis import learned_model
    except ImportError:  # pragma: no cover - the analysis package ships with the customer
        return None
    if getattr(learned_model._STATE, "embedder", None) is None:
        return None
    return learned_model.embed


def _by_embedding(part: str, scenario_id: str) -> Fact | None:
    embed = _embedder()
    pool = [(f, x) for f in facts(scenario_id) for x in f.examples]
    if embed is None or not pool or not part.strip():
        return None
    try:
        rows = embed([part, *[x for _, x in pool]])
    except Exception:  # a broken embedder: the lexical match stands
        return None
    scored = [(float(rows[0] @ row), f) for (f, _), row in zip(pool, rows[1:], strict=True)]
    score, fact = max(scored, key=lambda x: x[0])
    return fact if score >= SIMILAR else None


def match(part: str, scenario_id: str) -> Fact | None:
    """The fact of the scenario a question part asks for, by its concepts, else (when loaded) by
    the sentence embeddings of the facts' example questions; None when nothing fits."""
    return _lexical(part, scenario_id) or _by_embedding(part, scenario_id)


def said(play: dict[str, str], fact: Fact) -> str | None:
    """The line this call already said for ``fact``."""
    return play.get(KEY + fact.key)


def line(
    play: dict[str, str],
    fact: Fact,
    turn: int,
    fits: Callable[[str], bool] | None = None,
    persona: str = "",
) -> tuple[str, bool]:
    """The line that says ``fact`` now and whether it was said before (then it is the same line:
    a fact said once stays the fact). The first line is chosen by ``turn``; when it presupposes
    what the call has not said (``fits``, presuppose.py: «cuál se parece al Nova X» before the
    agent said it is sold out), the next one that fits, else the first."""
    before = said(play, fact)
    if before:
        return before, True
    lines = fact.lines_for(persona)
    n = len(lines)
    order = [lines[(turn + i) % n] for i in range(n)]
    chosen = next((x for x in order if fits is None or fits(x)), order[0] if order else "")
    if chosen:
        play[KEY + fact.key] = chosen
    return chosen, False


def says(fact: Fact, text: str) -> bool:
    """Whether a reply line already says ``fact`` (one of its ``answered_by`` words)."""
    padded = f" {normalize(text)} "
    return any(w and w in padded for w in fact.answered_by)
