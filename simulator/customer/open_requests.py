"""Requests the agent makes without a question mark: «Correo y teléfono.», «Las placas del carro
y el modelo, por favor.», «…nomás falta su correo y su teléfono».

Blind panel F counted data requests the customer ignored («Ajá.», «Ok.», a digression) because
the turn asked in a statement, not a question, and the understanding tagged no request. A person
hears a short sentence that is a list of its data, or one that closes with «por favor» or says
what is missing, as a request: the customer gives the datum (or says why not). The cue words are
data (``es/brain.yaml`` ``statement_requests``).
"""

from __future__ import annotations

import re

from simulator.customer import cues
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

_SENTENCE = re.compile(r"[^.!?…]+[.!?…]?")
LIST_WORDS = 8  # «Las placas del carro y el modelo.» is a request by itself when this short


def statement_fields(t: Turn, fields: list[str]) -> list[str]:
    """The fields a sentence of the turn without «?» asks for: a short list of fields, or a
    sentence naming fields with a request cue («por favor», «falta»)."""
    conf = cues.config().get("statement_requests", {})
    cues_ = [normalize(c) for c in [*conf.get("cues", []), *conf.get("more_cues", [])]]
    found: list[str] = []
    for raw in _SENTENCE.findall(t.text[:4000]):
        if "?" in raw:
            continue
        norm = normalize(raw)
        named = cues.fields_mentioned(norm, fields)
        if not named:
            continue
        words = re.findall(r"\w+", norm)
        if len(words) <= LIST_WORDS or cues.contains_any(norm, cues_):
            found += [f for f in named if f not in found]
    return found


def asks_in_statement(t: Turn, fields: list[str]) -> bool:
    """The turn asks for data in a statement (and asks no question)."""
    return "?" not in t.text and bool(statement_fields(t, fields))
