"""An open objection said again, in the objection's own words.

Split from ``mouth.py`` (size). The persona banks' generic «objection_repeat» lines («Le repito:
está caro», «sigo con la duda que le dije», «lo que me preocupa es eso otro») named a doubt the
customer had never told or one of another kind (blind panels C and D, session 11). A repeated
objection is now «Le repito: » and the very line it was voiced with, or, when it was never voiced,
a first line of it.
"""

from __future__ import annotations

import random
from typing import Any

from simulator.customer import memory, presuppose
from simulator.customer.casing import decapitalize
from simulator.customer.state import CustomerState, Intent
from simulator.language.normalize import normalize
from simulator.models.content import Persona, Scenario


def repeat_line(
    mouth: Any,
    intent: Intent,
    state: CustomerState,
    scenario: Scenario,
    persona: Persona,
    rng: random.Random,
    prefixes: list[str],
    proper: set[str],
) -> str:
    """The objection ``intent.ref`` said again (by ``mouth``, a TemplateMouth, with one of
    ``prefixes`` before it); empty when no line of it exists."""
    raised = Intent(name="objection", ref=intent.ref, slots=dict(intent.slots))
    sources = mouth._sources(raised, scenario, persona)
    for key in reversed(state.used_keys):
        source, _, index = key.rpartition(":")
        lines = next((lines for k, lines in sources if k == source), None)
        if lines is not None and index.isdigit() and int(index) < len(lines):
            if presuppose.all_false([lines[int(index)]], state, scenario):
                break  # «nadie me dio un folio» once a folio was given: not again
            line = mouth._fill(lines[int(index)], raised, state, scenario)
            if _asks_settled(line, state):
                break  # «¿tengo que pagar algo?» after the agent told the cost: not again
            return f"{rng.choice(prefixes or ['Le repito:'])} {decapitalize(line, proper)}"
    if not any(lines for _, lines in sources):
        return ""
    first: str = mouth._line(raised, state, scenario, persona, rng)
    return "" if _asks_settled(first, state) else first


def _asks_settled(line: str, state: CustomerState) -> bool:
    """The line asks about a topic the agent already answered in this call (memory.py)."""
    said = f" {normalize(line)} "
    return any(f" {asked} " in said for asked in memory.topic_lines(state.topics_heard))
