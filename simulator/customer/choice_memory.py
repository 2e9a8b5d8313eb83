"""The product a customer picked stays its pick: asked again, it names the same one.

Answering «¿Con cuál se siente más cómoda?» with «Pues el Nova X de 256» and, two turns later,
«¿prefiere el Astra 5 o el Nova X?» with «el Astra 5» contradicts itself (a which-question that
now gets a pick, panel O te-03). The brain notes the product each pick names (``note``) and the
option leaning (``choice_moves._leaning``) takes first the option naming the same product
(``kept``), until the customer takes something else. A required datum picked among the agent's
options (the visit's time slot) is noted as given here too (``_note_datum``).
"""

from __future__ import annotations

import re

from simulator.customer import cues
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

PICKED_KEY = "own:picked"  # ``state.play``: the catalog id of the product last picked


def _named(t: Turn, option: str) -> list[str]:
    """The products the option names, the most specific only («el Nova X de 256» names the
    256 GB one, not every Nova X)."""
    said = f" {normalize(option)} "
    found = {}
    for product in cues.products_named(normalize(option), t.scenario.catalog):
        names = [normalize(a) for a in [product.name, *product.aliases]]
        found[product.id] = max((len(a) for a in names if f" {a} " in said), default=0)
    best = max(found.values(), default=0)
    return [pid for pid, size in found.items() if size == best]


def note(t: Turn, option: str) -> None:
    """Remember what a pick commits to: the product it names (only when exactly one), and a
    required datum picked among the agent's options (``_note_datum``)."""
    _note_datum(t, option)
    named = _named(t, option)
    if len(named) == 1:
        t.s.play[PICKED_KEY] = named[0]


def kept(t: Turn, options: list[str]) -> str | None:
    """The one option that names the product picked before, or None."""
    picked = t.s.play.get(PICKED_KEY)
    if not picked:
        return None
    hits = [o for o in options if _named(t, o) == [picked]]
    return hits[0] if len(hits) == 1 else None


def _datum_shaped(option: str, value: str) -> bool:
    """The option is a value of the same kind as the datum, digits aside: «mañana de 14 a 18»
    and «de 9 a 13 horas» are both a time slot (a datum with digits only)."""
    said, own = (re.sub(r"\d+", "#", normalize(x)) for x in (option, value))
    core = re.sub(r" (?:horas|hrs|hr)$", "", own)
    return "#" in core and len(core) >= 5 and (said in own or core in said)


def _note_datum(t: Turn, option: str) -> None:
    """A required datum picked between the agent's options (the visit's time slot) was given as
    surely as dictated: the case counts as resolved once it is registered (panel K xe-06,
    fix-i: «de 14 a 18» picked, then the folio, and the outcome still said «Sin resolver»)."""
    data = t.scenario.customer.data
    for field in t.scenario.required_fields:
        if field in data and field not in t.s.fields_given and _datum_shaped(option, data[field]):
            t.s.fields_given[field] = option
