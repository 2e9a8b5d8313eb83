"""An open objection said again, in the objection's own words.

Split from ``mouth.py`` (size). The persona banks' generic «objection_repeat» lines («Le repito:
está caro», «sigo con la duda que le dije», «lo que me preocupa es eso otro») named a doubt the
customer had never told or one of another kind (blind panels C and D, session 11). A repeated
objection is now «Le repito: » and the very line it was voiced with, or, when it was never voiced,
a first line of it.

Session 19 (blind panel L: «como le dije, mejor cancélenme todo» to a new proposal and again to
«¿algo más?»; one threat three times): a doubt said again changes form, never the same sentence.
The first time it comes back the customer presses (``objection_press``: the agent passed over it)
or says it is not convinced (``objection_unconvinced``: the agent answered and it did not land);
the second time it escalates (``objection_escalate``: a supervisor, a condition, an ultimatum);
after that it closes the topic in few words (``objection_last``). Each step has per-type banks
(``<bank>_<type>``) before the generic one, and a line is never said twice in a call; only when a
step has no fresh line left is the doubt said again in its own words, «Le repito: …».
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
    changed = _changed_form(mouth, intent, state, scenario, persona, rng)
    if changed:
        return changed
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


SAID_AGAIN = "said_again:"  # ``state.play``: how many times each doubt came back, by its id
# the ladder of a doubt said again: the first time, the second, then every later time
LADDER = (
    ("objection_press", "objection_unconvinced"),
    ("objection_escalate",),
    ("objection_last",),
)


def _changed_form(
    mouth: Any,
    intent: Intent,
    state: CustomerState,
    scenario: Scenario,
    persona: Persona,
    rng: random.Random,
) -> str:
    """The doubt ``intent.ref`` said again in the form its count calls for (see the module's
    docstring); empty when that step has no fresh line (the doubt's own words then)."""
    ref = str(intent.ref)
    step = int(state.play.get(SAID_AGAIN + ref, "0") or 0)
    state.play[SAID_AGAIN + ref] = str(step + 1)
    top = next((o for o in state.objections if o.id == ref), None)
    kind = top.type if top is not None else _type_of(scenario, ref)
    banks = LADDER[min(step, len(LADDER) - 1)]
    bank = banks[-1] if len(banks) > 1 and top is not None and top.responded else banks[0]
    # a doubt voiced in a bank of its own («¿me lo manda por escrito?»: a guarantee request)
    # is not of its type's usual kind: only its own lines and the generic ones fit it
    own = top.intent if top is not None else "objection"
    typed = f"{banks[0]}_{kind}" if own.startswith("objection") else ""
    names = [own if step == 0 else "", typed, bank]
    for name in [n for n in names if n]:
        # the first time: another line of the doubt itself, then its type's lines, then generic
        slots = dict(intent.slots)
        if name == own == "objection":
            slots["bank"] = "_own_lines_only"  # the scenario's lines of this doubt, no others
        probe = Intent(name=name, ref=ref if name == own else None, slots=slots)
        if _fresh(mouth._sources(probe, scenario, persona), state.used_keys):
            line = str(mouth._line(probe, state, scenario, persona, rng, True))
            if line and line not in state.used_texts and not _asks_settled(line, state):
                return line
    return ""


def _fresh(sources: list[tuple[str, list[str]]], used_keys: list[str]) -> bool:
    """Some line of ``sources`` was not said yet in the call."""
    used = set(used_keys)
    return any(f"{key}:{i}" not in used for key, lines in sources for i in range(len(lines)))


def _type_of(scenario: Scenario, ref: str) -> str:
    return next((o.type for o in scenario.objections if o.id == ref), "")
