"""Options a turn names as products of the catalog, for a question that asks which one.

«Le sugiero la funda… y la garantía extendida… ¿Le interesa alguno?» asks among the products the
turn names, and «¿Con cuál se siente más cómoda?» after «el Nova X de 256 GB y el Astra 5» among
the two phones (panel O te-03, ta-06: a bare «Sí.» or the need told again answered neither). When
a turn offers two add-ons or more («¿le agrego la funda…? También la garantía extendida…»), the
options are the add-ons, not the product the customer already took («Mmm… Astra 5.» to the offer
of a case and a warranty: panel O td-01 T28), and a yes to that offer says which (tc-02 T22).
"""

from __future__ import annotations

import re

from simulator.customer import choice_lists, cues
from simulator.customer.choice_options import _QUESTION
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

OFFERS = frozenset({"cross_sell", "close"})


def options(t: Turn) -> list[str]:
    """The products the turn names, as options in the order they were said («la funda»), when
    its last question asks which one, or when the turn offers two add-ons or more."""
    found = [m.group(1) or m.group(2) for m in _QUESTION.finditer(t.text)] or [t.text[-200:]]
    which = cues.config().get("choice", {}).get("which_one", [])
    asks = bool(found) and (
        any(f" {normalize(w)} " in f" {normalize(found[-1])} " for w in which)
        or choice_lists.asks_which_one(t.text)
    )
    hits: list[tuple[int, str, bool]] = []
    for product in cues.products_named(t.norm, t.scenario.catalog):
        for alias in sorted([product.name, *product.aliases], key=len, reverse=True):
            match = re.search(rf"\b(?:(el|la|los|las) )?{re.escape(normalize(alias))}\b", t.norm)
            if match:
                article = f"{match.group(1)} " if match.group(1) else ""
                said = f"{article}{choice_lists.proper(alias, product.name)}"
                hits.append((match.start(), said, product.addon))
                break
    addons = [h for h in hits if h[2]]
    if len(addons) >= 2 and (asks or t.acts & OFFERS):
        hits = addons  # the add-ons put together are the options, not the product taken
    elif not asks:
        return []
    return [option for _, option, _ in sorted(hits)] if len(hits) >= 2 else []


def asks_among(t: Turn) -> bool:
    """A which-question over options the turn (or the agent's recent either/or) named: «…el Nova
    X de 256 y el Astra 5. ¿Cuál le late más?» is answered with one of them (panel O ta-06)."""
    if not choice_lists.asks_which(t.text):
        return False
    return bool(options(t) or choice_lists.which_options(t))
