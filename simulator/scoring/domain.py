"""The call's line of business (internet, telefonía móvil, seguros, asistencia, banco, tienda).

A model phrasing must talk about what the call is about: probing home-internet use in an insurance
renewal or a burst pipe reads wrong to any trainer. The domain is read from the call's own names
(company, catalog, scenario id) and, for imported calls without a scenario, from its words; the
keywords live in es/domains.yaml. No clear domain → ``""`` and the phrasings stay generic.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

NAME_WEIGHT = 3  # a keyword in the company or catalog names counts like three in the talk
MIN_SCORE = 2


@cache
def _domains() -> dict[str, tuple[str, ...]]:
    text = resources.files("simulator.scoring").joinpath("es/domains.yaml").read_text("utf-8")
    data: dict[str, Any] = dict(parse_yaml(text))
    return {str(k): tuple(tx.fold(str(w)) for w in v) for k, v in data["domains"].items()}


def _hits(words: list[str], folded: str, keys: tuple[str, ...]) -> int:
    bag = set(words)
    return sum((k in bag) if " " not in k else (k in folded) for k in keys)


def call_domain(ctx: CallContext) -> str:
    """The domain key of es/domains.yaml this call belongs to, or ``""`` when unclear."""
    if "domain" in ctx.memo:
        return str(ctx.memo["domain"])
    t = ctx.transcript
    names = " ".join(
        [t.company or "", (t.scenario or "").replace("-", " ")]
        + [p.name + " " + " ".join(p.aliases) for p in t.catalog]
    )
    names_folded = tx.fold(names)
    talk = " ".join(ctx.folded[:40])
    best, best_score = "", 0
    for domain, keys in _domains().items():
        score = NAME_WEIGHT * _hits(names_folded.split(), names_folded, keys)
        score += _hits(talk.split(), talk, keys)
        if score > best_score:
            best, best_score = domain, score
    ctx.memo["domain"] = best if best_score >= MIN_SCORE else ""
    return str(ctx.memo["domain"])


def placed_by_agent(ctx: CallContext) -> bool:
    """Did the agent place this call (outbound)? What the model opening must sound like.

    Simulated calls say it by who speaks first (the customer picks up outbound calls with
    «¿Bueno?»; inbound, the agent speaks first). Imported ones: no inbound welcome in the first
    agent turn, and the customer said nothing before it but a pick-up. (``CallContext.is_outbound``,
    which the rules judge by, still reads a customer's first «¿Bueno?» as an inbound call.)"""
    if not ctx.agent_turns:
        return False
    first = ctx.agent_turns[0]
    if any(e.type == "call_start" for e in ctx.transcript.events):
        return bool(ctx.customer_turns) and ctx.customer_turns[0] < first
    pickup = tx.cue("phone_pickup")
    if any(not pickup.search(ctx.folded[n - 1]) for n in ctx.customer_turns if n < first):
        return False
    return not tx.cue("inbound_opening").search(ctx.folded[first - 1])
