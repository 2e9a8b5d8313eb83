"""A price of the company's catalog is the customer's to say only once it was said in the call.

Blind panel M (session 19) heard customers quote prices nobody had given: «¿499 no es mucho?»
before the agent said any price, «El plan de 20 gigas es de 249, ¿no?» when the agent never named
that plan. A figure in a customer line presupposes its source like any other fact
(``presuppose.py``): the company's money figures (a product's price, the amounts its features and
conditions state) are known to the customer only when the agent said them, or when the scenario
gives them to the customer itself (its profile, its reason for calling, its needs: the double
charge of 499 of a complaint is the caller's own; the price of a product it saw before calling). The customer's other figures (its bill, a
competitor's price, its own data) are free. :func:`unsaid` names, as facts, the catalog figures
not known yet; :func:`fits` keeps a line that quotes one of them from the mouth, so a move all of
whose lines quote one waits (``presuppose.all_false``) until the agent says the price.
"""

from __future__ import annotations

import re
from functools import lru_cache

from simulator.customer import cues
from simulator.customer.state import CustomerState
from simulator.language.normalize import normalize
from simulator.language.numbers import extract_amounts
from simulator.models.content import Scenario

SAID = "figure_said:"  # ``figure_said:<n>``: a figure the agent or the customer said in the call
PLAY_KEY = "said_figures"  # ``state.play``: the figures the agent said, spaced
FACT = "unsaid_figure:"  # ``unsaid_figure:<n>``: a catalog figure the customer cannot know yet
LOWEST = 100  # smaller numbers are counts (gigas, months, days), not prices
HIGHEST = 100_000  # larger ones are account numbers, phones, folios


@lru_cache(maxsize=8192)
def figures(text: str) -> frozenset[int]:
    """The price-sized numbers written in digits in ``text`` (not «mil veces»)."""
    return frozenset(
        int(a.value)
        for a in extract_amounts(text)
        if LOWEST <= a.value < HIGHEST and a.value.is_integer() and any(c.isdigit() for c in a.text)
    )


@lru_cache(maxsize=8192)
def _money(text: str) -> frozenset[int]:
    return frozenset(
        int(a.value)
        for a in extract_amounts(text)
        if a.is_money and LOWEST <= a.value < HIGHEST and a.value.is_integer()
    )


def catalog_money(scenario: Scenario) -> frozenset[int]:
    """The company's money figures: each product's price and the money its texts state."""
    out: set[int] = set()
    for product in scenario.catalog:
        if product.price and LOWEST <= product.price < HIGHEST:
            out.add(int(product.price))
        for text in (*product.features, *product.benefits, *product.conditions):
            out |= _money(str(text))
        out |= {n for m in product.must_say for n in _money(str(m))}
    return frozenset(out)


def own(scenario: Scenario) -> frozenset[int]:
    """The figures the scenario gives the customer itself."""
    c = scenario.customer
    texts = [c.situation, scenario.reason, *c.data.values()]
    texts += [x for n in scenario.needs for x in (n.description, *map(str, n.statements))]
    texts += [str(x) for x in scenario.banks.get("state_reason", [])]
    out = set().union(*(figures(str(x)) for x in texts if x))
    if c.current_payment:
        out.add(int(c.current_payment))
    # a product the customer saw before calling («vio el Nova X en la página»): its price too
    seen = normalize(f"{c.situation} {scenario.reason}")
    out |= {int(p.price) for p in cues.products_named(seen, scenario.catalog) if p.price}
    return frozenset(out)


def note(state: CustomerState, agent_text: str) -> None:
    """Remember the figures this agent turn said (in digits or in words)."""
    now = {int(a.value) for a in extract_amounts(agent_text) if a.value.is_integer()}
    if now:
        heard = set(state.play.get(PLAY_KEY, "").split())
        state.play[PLAY_KEY] = " ".join(sorted(heard | {str(n) for n in now}))


def unsaid(state: CustomerState, scenario: Scenario) -> frozenset[str]:
    """Facts naming the catalog figures the customer cannot know yet (neither said nor its own)."""
    heard = {int(x) for x in state.play.get(PLAY_KEY, "").split()}
    told = set().union(*(figures(x) for x in state.used_texts)) if state.used_texts else set()
    return frozenset(f"{FACT}{n}" for n in catalog_money(scenario) - own(scenario) - heard - told)


# «comparado con los 90 mil de la cirugía», «esos 499»: a figure named as already known
_BACK = re.compile(
    r"\b(?:los|las|esos|esas|aquellos|aquellas)\s+(\$?\s?\d[\d,.]*(?:\s*mil)?(?:\s*pesos)?)",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def referred(text: str) -> frozenset[int]:
    """The figures a line refers back to as known, with an article or a demonstrative."""
    return frozenset(n for m in _BACK.finditer(text) for n in figures(m.group(1)))


def said(state: CustomerState) -> frozenset[str]:
    """Facts naming every figure said in the call, by the agent or by the customer."""
    heard = {int(x) for x in state.play.get(PLAY_KEY, "").split()}
    told = set().union(*(figures(x) for x in state.used_texts)) if state.used_texts else set()
    return frozenset(f"{SAID}{n}" for n in heard | told)


def fits(line: str, facts: frozenset[str]) -> bool:
    """The line quotes no catalog figure the customer cannot know yet, and refers back («los 90
    mil de la cirugía») only to a figure said in this call (blind panel O tg-03)."""
    text = str(line)
    if any(f"{FACT}{n}" in facts for n in figures(text)):
        return False
    return all(f"{SAID}{n}" in facts for n in referred(text))
