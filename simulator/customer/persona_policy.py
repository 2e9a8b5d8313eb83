"""Persona rules that keep a type in character, turn after turn (task customer-w, session 18).

Blind panels J and K flagged lines out of character: a platicador whose stories came from
nowhere («mi nieto se va a graduar» after «ya quedó su plan») or who «came back» from a story it
never told, an amable who spoke like the desconfiado («ahí está el truco»), a callado who gave a
paragraph. Each rule here is a policy over every call, its words in ``es/persona_policy.yaml``
and ``base_bank.yaml`` (``digression_<topic>``); ``personas/README.md`` documents them and
``tests/customer/test_persona_policy.py`` checks them over seeded calls:

- platicador: at most one digression per reply, linked to a topic of the agent's last turn or
  of its own last lines when the agent asked nothing (no topic, no story that turn);
- amable: no line of distrust (the mouth picks another line of the same intent);
- experto: his persona bank words what he has no answer for without «no sé» (``slot_unknown``);
- callado: at most ``quiet_max_parts`` parts a reply: its own extras (a story, a question, a
  signal, a lead-in) are given up; answers to what was asked stay.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import normalize

OWN_LINES = 3  # a story may follow from what the customer said in its last lines

# What a quiet customer gives up first when a reply has too many parts.
QUIET_FIRST_DROPPED = (
    "digression",
    "ask_detail",
    "ask_price",
    "buying_signal_generic",
    "buying_signal",
    "need_lead_in",
    "filler_ack",
)
# Parts of an answer about data (a part of a datum he does not know) and, with data given, the own
# moves that wait for a later turn (a trap fires again later: ``planner.retract``).
DATA_PARTS = frozenset({"part_unknown"})
QUIET_DATA_DROPPED = ("trap",)


@cache
def policy() -> dict[str, Any]:
    text = resources.files("simulator.customer").joinpath("es/persona_policy.yaml")
    data = parse_yaml(text.read_text("utf-8"))
    return data if isinstance(data, dict) else {}


def topic(norm: str, used: list[str] | None = None) -> str | None:
    """The first topic of ``digression_topics`` the (normalized) text names, preferring one not
    in ``used``; None when it names none."""
    padded = f" {norm} "
    named = [
        name
        for name, words in (policy().get("digression_topics") or {}).items()
        if any(f" {normalize(str(w))} " in padded for w in words)
    ]
    fresh = [name for name in named if name not in (used or [])]
    return (fresh or named or [None])[0]


def _words(norm: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", norm).split())


def link_digressions(t: Turn) -> None:
    """A digression tells something the agent's words (or, after a turn that asks nothing, the
    customer's own last lines) brought to mind: it gets the bank of that topic; with no topic in either it is not told (and not
    counted as told)."""
    stories = [i for i in t.intents if i.name == "digression"]
    if not stories:
        return
    used = t.s.play.get("digress_topics", "").split()
    found = topic(_words(t.norm), used)
    # a turn that asks nothing may also bring to mind what it told itself («…la sala»); a
    # question is answered, and a story after the answer follows the question's own words
    for line in [] if "?" in t.text else reversed(t.s.used_texts[-OWN_LINES:]):
        found = found or topic(_words(normalize(line)), used)
    keep = stories[0] if found is not None else None
    for story in stories:
        if story is keep:
            continue
        t.intents.remove(story)
        if "digression" in t.s.once_flags and story is stories[0]:
            t.s.once_flags.reverse()
            t.s.once_flags.remove("digression")
            t.s.once_flags.reverse()
    if keep is not None:
        keep.slots["bank"] = f"digression_{found}"
        t.s.play["digress_topics"] = " ".join([*used, str(found)][-4:])


def never_said(t: Turn) -> list[str]:
    """Normalized phrases this persona never says (``never_say``)."""
    table = policy().get("never_say") or {}
    return [normalize(str(p)) for p in table.get(t.ctype, [])]


def keep_tone(t: Turn) -> None:
    """Mark every proposed line with the phrases its persona never says (the mouth's
    ``unasked``: it takes another line of the same intent)."""
    banned = never_said(t)
    if not banned:
        return
    extra = "|".join(banned)
    for intent in t.intents:
        mine = intent.slots.get("unasked")
        intent.slots["unasked"] = f"{mine}|{extra}" if mine else extra


def quiet_cap(t: Turn, retract: Any) -> None:
    """A quiet customer's reply holds at most ``quiet_max_parts`` parts: its own extras go first,
    then the later parts (``retract`` takes back what a dropped move changed in the state)."""
    if not t.persona.traits.short_answers_to_closed:
        return
    cap = int(policy().get("quiet_max_parts", 2))
    data = [i for i in t.intents if i.name.startswith("data_") or i.name in DATA_PARTS]
    if data:
        # the data asked for are all given, and at most one thing of his own besides (cust-h,
        # panel N uc-01: a datum, a story and a question of his own in one quiet breath)
        cap = len(data) + int(policy().get("quiet_extras_with_data", 1))
    if len(t.intents) <= cap:
        return
    # answers stay: a half answer is no shorter answer
    dropping = (*QUIET_FIRST_DROPPED, *(QUIET_DATA_DROPPED if data else ()))
    for name in dropping:
        while len(t.intents) > cap and any(i.name == name for i in t.intents):
            dropped: Intent = next(i for i in reversed(t.intents) if i.name == name)
            t.intents.remove(dropped)
            retract(t, dropped)
