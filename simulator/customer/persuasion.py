"""A turn of mood needs its trigger in the agent's turn (blind panel M).

A doubt settled is greeted by the customer («así sí», «me convenció con eso»): that greets a change
the agent made. Panel M heard it after a plain refusal of the discount («el precio no lo puedo
bajar» → «Órale, pues así sí me conviene») and after a bare question about the doubt («¿qué es lo
que más le hace dudar?» → «Pues así sí, ¿eh?»). Here: a discount refused with nothing conceded is
let go grudgingly (``haggle_conceded``: «Bueno, ya vi que no se puede»); asked what holds it back
with a doubt still open, it says that doubt, not «ninguna». Phrases in ``es/reply_clash.yaml``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from simulator.customer import choice_options, cues
from simulator.customer.state import OpenObjection
from simulator.customer.turn import Turn
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize

SOFTENED = "objection_softened"


@cache
def config() -> dict[str, Any]:
    data = resource_yaml("simulator.customer", "es/reply_clash.yaml")
    return data if isinstance(data, dict) else {}


def refused_only(t: Turn) -> bool:
    """The agent's turn refuses a discount and concedes nothing instead."""
    cfg = config()
    return cues.contains_any(t.norm, cfg.get("discount_refusals", [])) and not cues.contains_any(
        t.norm, cfg.get("concessions", [])
    )


def settled_as(t: Turn, top: OpenObjection, said: str) -> str:
    """The line a settled doubt is greeted with: a discount refused with nothing conceded is let
    go grudgingly, not greeted as a change («así sí me conviene»)."""
    if said == SOFTENED and top.id == "_discount" and refused_only(t):
        return "haggle_conceded"
    return said


def say_doubt(t: Turn) -> None:
    """Asked what holds it back: the doubt still open (said again), or that it has none."""
    top = t.s.open_objection()
    if top is not None and top.raised_turn < t.s.turn and not _picks(t):
        t.say("objection_repeat", ref=top.id)
    else:
        t.say("no_doubts")


OPEN_ENDS = ("algo mas", "otra cosa", "algo diferente")


def _picks(t: Turn) -> bool:
    """«¿Es el precio, o que no sea el Nova?» names the doubts to pick from: the either/or
    answer picks one (choice_moves), not the doubt said again (an open «…o algo más?» does not)."""
    options = choice_options._options(t.text)
    return len(options) == 2 and not cues.contains_any(normalize(options[-1]), list(OPEN_ENDS))
