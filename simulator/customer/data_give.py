"""How the customer dictates one datum: spoken form, month for a yearless date, read-back ask.

Split from ``data_moves`` so that ``every_part`` (which answers a «¿para cuándo?» part with the
call's own date) can give a datum without importing ``data_moves`` and, through it, ``shape``
(the import-cycle contract of ``simulator.customer``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from simulator.customer import cues, facts
from simulator.customer.data_requests import _asks_month, _label
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.datafiles import resource_yaml
from simulator.language.extract import field_kind
from simulator.models.content import Scenario


def _give(t: Turn, f: str, value: str, last: bool = True) -> None:
    """Say one datum as the customer dictates it (the age as «tengo 42 años», a yearless date
    with its month when the question asks which month)."""
    t.s.fields_given[f] = value
    # a read-back is asked of a datum spelled out to an agent who asked for it, not of a name said
    # in reply to a close (panel J yl-03: «Roberto Sánchez Aguilar. Léamelo de regreso.»)
    spelled = f in cues.config().get("readback_fields", []) and "data_request" in t.acts
    extra = _plain(t, last, spelled)
    if f == "edad":
        t.say("age_given", ref=f, field_label=_label(f), value=value, **extra)
        return
    spoken = said_as(f, facts.spoken(f, value))  # no bare «18000.»
    if facts.day_of_month(value) and (_asks_month(t) or facts.next_month(value, t.s.call_date)):
        # the call's data are dated to the next such day (simulator._date): «el 5 de enero» when
        # it is not this month, never a bare «el 5» (panel E: «¿a dónde y para cuándo?»)
        spoken = facts.with_month(value)
        extra["month"] = "1"
    t.say("data_given", ref=f, field_label=_label(f), value=spoken, **extra)


READBACK_ASKED = "readback_asked"  # ``state.once_flags``: its one chance to ask for a read-back


def _plain(t: Turn, last: bool, spelled: bool = True) -> dict[str, str]:
    """What a dictated datum does not carry: a «¿con eso basta?» before the last datum, an «Anote:»
    lead after the first one of the reply, and more than one chance in the call to ask for a
    read-back («Léamelo de regreso… Confírmemelo… tal cual» on every datum sounds like a template:
    blind panel J yg-06, yg-08). Only a datum spelled out (``readback_fields``: a name, an e-mail,
    a number) asks for one; «Es 18000. Confírmemelo» about its own income asked nothing (yh-03)."""
    unasked: list[str] = []
    if not last:
        unasked += cues.phrases("last_datum_phrases")
    if any(i.name == "data_given" for i in t.intents):
        unasked += cues.phrases("datum_leads")
    if not last or not spelled or READBACK_ASKED in t.s.once_flags:
        unasked += cues.phrases("readback_asks")
    else:
        t.s.once_flags.append(READBACK_ASKED)
    return {"unasked": "|".join(unasked)} if unasked else {}


def owed(sc: Scenario) -> set[str]:
    """The required fields a service customer must give for its case to be solved: its own data
    (name, numbers, address, e-mail), not the free-text fields the agent determines and writes
    down — the service, cover and priority of an emergency (blind panel L wc-02, wf-04: registered
    with its folio and still «sin resolver»). The outcome still needs every field captured."""
    return {f for f in set(sc.required_fields) & set(sc.customer.data) if field_kind(f) != "text"}


@cache
def _said_as_frames() -> dict[str, Any]:
    return resource_yaml("simulator.customer", "es/fact_data_asks.yaml") or {}


def said_as(field: str, value: str) -> str:
    """A figure said with its unit («unos 18,000 pesos al mes»), never bare; else ``value``."""
    frame = (_said_as_frames().get("said_as") or {}).get(field)
    digits = re.sub(r"\D", "", value)
    if not frame or not digits or digits != value.strip().replace(",", "").replace(".", ""):
        return value
    return str(frame).format(amount=f"{int(digits):,}")


def keep_said(before: dict[str, str], intents: list[Intent], state: CustomerState) -> None:
    """A datum recorded as given in this turn whose piece the reply then left out (a reply of
    more pieces than it keeps, a piece that gave way to another) was never said: it is not
    remembered as given, so no «Ya le dije eso» follows when the agent asks for it (blind panel
    P sa-06: a phone asked with two other data, dropped from the reply, then «ya le dije»)."""
    if any(i.name.startswith("choice_") for i in intents):
        return  # an option taken may stand for a datum (choice_memory)
    said = {i.ref for i in intents if i.ref}
    values = " ".join(str(v) for i in intents for v in i.slots.values())
    for f in [f for f in state.fields_given if f not in before]:
        if f in said or f in state.fields_confirmed or state.fields_given[f] in values:
            continue
        del state.fields_given[f]
