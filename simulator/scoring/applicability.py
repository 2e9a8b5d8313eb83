"""Which elements apply to a call, by its kind and by whom the agent reached (data, not code).

``es/applicability.yaml`` lists the elements never judged in a kind (``not_for``, read by each
element's ``judge`` through ``judged.kind_not_applicable``) and the ones that cannot apply when a
call never reached the person it was for (a third party answered, or the person who answered
said a bare «no» to «¿es usted el titular?» and nobody said «soy yo» later). This module decides the latter from the call's content and replaces those judgements, keeping any
error they found (a wrong price told to a relative is still a wrong price).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.judged import Judged, not_applicable


@cache
def _third_party() -> dict[str, Any]:
    text = resources.files("simulator.scoring").joinpath("es/applicability.yaml").read_text("utf-8")
    return dict(parse_yaml(text)["third_party"])


@cache
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(str(_third_party()[name]))


def third_party(ctx: CallContext) -> bool:
    """A call where the person answering is not the one the agent asked for, and the right
    party never came to the phone («no se encuentra», «es primo mío»; no «soy yo»)."""
    if "third_party" not in ctx.memo:
        ctx.memo["third_party"] = _third_party_call(ctx)
    return bool(ctx.memo["third_party"])


def _third_party_call(ctx: CallContext) -> bool:
    first = ctx.customer_turns[: int(_third_party()["customer_turns"])]
    denied = [
        n
        for n in first
        if n > 1
        and ctx.speaker(n - 1) == "agent"
        and tx.cue("identity_check").search(ctx.folded[n - 2])
        and _pattern("denies").search(ctx.folded[n - 1])
    ]
    if not denied and not any(_pattern("absent").search(ctx.folded[n - 1]) for n in first):
        return False
    return not any(_pattern("right_party").search(ctx.folded[n - 1]) for n in ctx.customer_turns)


def apply(ctx: CallContext, elements: dict[str, Judged]) -> None:
    """Replace, in place, the judgements that cannot apply to a third-party call."""
    if not third_party(ctx):
        return
    by_kind = _third_party().get("not_applicable_in_kind") or {}
    for key in [*_third_party()["not_applicable"], *by_kind.get(ctx.kind, [])]:
        if key in elements and elements[key].result.met is not None:
            replaced = not_applicable("third party")
            replaced.errors = elements[key].errors
            elements[key] = replaced
