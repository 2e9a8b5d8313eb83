"""Whether a long agent turn deserves the tip «Parta este turno».

Why: the tip fired on every stretch of more than 80 words, and blind panel M (session 20) struck
it out three times: a complaint's full solution ending «¿Le parece bien?», an honest answer to a
price objection with its alternative ending «¿Cuál le acomoda más?», a refused discount with the
real alternative. Splitting those answers leaves the customer with half of what was asked. The
rule (numbers in ``es/long_turn.yaml``): past ``words`` a stretch is a monologue, unless it is one
turn that answers what the customer just raised (question, objection or complaint) within
``answer_words``, or within ``handing_words`` when it ends handing the floor back with a
question; with a customer pressed for time (the impatient persona, or one who asked for brevity)
the plain limit holds, since DOMAIN.md says that customer wants it short.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from simulator.coaching.situation import pressed_for_time
from simulator.datafiles import parse as parse_yaml
from simulator.scoring.context import CallContext

_RAISED = ("question", "objection", "complaint")


@cache
def limits() -> dict[str, int]:
    text = resources.files("simulator.coaching").joinpath("es/long_turn.yaml").read_text("utf-8")
    return {str(k): int(v) for k, v in dict(parse_yaml(text)).items()}


def ends_handing_floor(text: str) -> bool:
    """The turn's last sentence is a question («… ¿Le parece bien?»)."""
    return bool(re.search(r"\?\s*[\"»”)]?\s*$", text.strip()))


def answers_customer(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` comes right after a customer turn that asked, objected or complained."""
    return n > 1 and ctx.speaker(n - 1) == "customer" and ctx.has(n - 1, *_RAISED)


def worth_splitting(
    ctx: CallContext, words: int, run: list[int], hint: Mapping[str, Any] | None = None
) -> bool:
    """Whether the agent's longest stretch (``words`` words over the turns ``run``) earns the
    tip to split it."""
    limit = limits()
    if words <= limit["words"] or not run:
        return False
    if len(run) > 1 or words > limit["handing_words"] or pressed_for_time(ctx, hint):
        return True
    n = run[0]
    if not answers_customer(ctx, n):
        return True
    return words > limit["answer_words"] and not ends_handing_floor(ctx.text(n))
