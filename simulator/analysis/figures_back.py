"""A short agent statement that gives the customer's own figure back («Anotado, 18,000 al mes»,
«con 12 gigas y sobre todo redes») is a paraphrase (blind panel J); split from ``agent.py``."""

from __future__ import annotations

import re

_FIGURE = re.compile(r"\d[\d,.]*")
FIGURE_CLAUSE_WORDS = 8


def _figures(text: str) -> set[str]:
    """The amounts and quantities of a text (digits only, «18,000» as «18000»), without phone or
    account numbers (seven digits or more)."""
    found = {re.sub(r"\D", "", m.group()) for m in _FIGURE.finditer(text)}
    return {f for f in found if 0 < len(f) < 7}


def _gives_figure_back(norm: str, context: str) -> bool:
    """A short statement that repeats the customer's own figure («Anotado, 18,000 al mes»,
    «Perfecto, cobra el 27», «con 12 gigas y sobre todo redes»): the customer's words given back
    (panel J: restating the customer's figures is paraphrasing)."""
    if len(norm.split()) > FIGURE_CLAUSE_WORDS or sum(ch.isdigit() for ch in norm) > 6:
        return False  # a phone or account read back is a data confirmation
    return bool(_figures(norm) & _figures(context))
