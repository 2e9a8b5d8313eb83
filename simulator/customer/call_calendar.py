"""The customer's spoken time references, true on the call's date and at its hour.

Blind panel P (session 22, calls of Monday 7 December) heard «no tengo internet desde el lunes»
from a customer three days without service, «ya me han llamado tres veces esta semana» on a
Monday, «me pagan cada quincena; la próxima es el 27» on the 7th (quincenas fall on the 15th and
the month's last day), «¿quién me habla tan temprano?» in an afternoon call. A bank line is
written once and said on any date, so what it says of the calendar is worked out here, in one
place, from the call's date (``state.call_date``) and the part of the day the agent's greeting
named (``daypart``), with one table, ``es/calendar.yaml``:

* slots a line may hold, filled from the call's date by the mouth: ``{desde_hace_3}`` is «desde
  el viernes» on a Monday, «desde ayer» for ``{desde_hace_1}`` (the scenario's «tres días sin
  internet» and its weekday always agree);
* rules a line that names the calendar must meet (``fits``, checked with the line's other
  presuppositions in ``presuppose.holds``): a past «esta semana» of several events needs days of
  the week behind it, «tan temprano» the morning, a weekday named is never today's (ambiguous),
  and a «quincena» on a day is one of the days quincenas fall on.

The facts are ``cal:date:<iso>`` and ``cal:daypart:<part>`` (``facts``); a check made without
them (facts written by hand) leaves the line free.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache
from typing import Any

from simulator.customer import daypart, facts
from simulator.customer.state import CustomerState
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize

DATE = "cal:date:"
DAYPART = "cal:daypart:"
WEEKDAYS = ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo")
SPOKEN_WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_SLOT = re.compile(r"\{(desde_hace_(\d+))\}")
_DAY = re.compile(r"\bel (\d{1,2})\b")


@cache
def config() -> dict[str, Any]:
    data = resource_yaml("simulator.customer", "es/calendar.yaml")
    return data if isinstance(data, dict) else {}


def call_day(state: CustomerState, today: date | None = None) -> date:
    """The call's date (``today`` when the state has none: a state made by hand)."""
    if state.call_date:
        return date.fromisoformat(state.call_date)
    return today or facts.today()


def since(days: int, on: date) -> str:
    """«desde …» for a start ``days`` before ``on``: «desde hoy», «desde ayer», «desde antier»,
    the weekday within the week behind it, «desde hace N días» further back."""
    if days <= 0:
        return "desde hoy"
    if days == 1:
        return "desde ayer"
    if days == 2:
        return "desde antier"
    if days < 7:
        return f"desde el {SPOKEN_WEEKDAYS[(on - timedelta(days=days)).weekday()]}"
    return f"desde hace {days} días"


def slots(line: str, on: date) -> dict[str, str]:
    """The calendar slots ``line`` holds, filled for a call on ``on``."""
    return {m.group(1): since(int(m.group(2)), on) for m in _SLOT.finditer(line)}


def call_facts(state: CustomerState) -> frozenset[str]:
    """The call's date and the part of the day the agent's greeting named (when it named one)."""
    out = {f"{DATE}{state.call_date}"} if state.call_date else set()
    part = state.play.get(daypart.KEY)
    if part:
        out.add(f"{DAYPART}{part}")
    return frozenset(out)


def _fact(known: frozenset[str], prefix: str) -> str | None:
    return next((f[len(prefix) :] for f in known if f.startswith(prefix)), None)


def _says(padded: str, phrases: list[str]) -> bool:
    return any(f" {normalize(str(p))} " in padded for p in phrases)


def quincena_day(day: int, on: date) -> bool:
    """The next day ``day`` after ``on`` is one a quincena falls on (the 15th or the last day of
    its month; a 30 also in a 31-day month)."""
    year, month = on.year, on.month
    if day <= on.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    last = calendar.monthrange(year, month)[1]
    return day in (15, last) or (day == 30 and last == 31)


def _quincena_fits(line: str, on: date) -> bool:
    """Every sentence that puts a quincena on a day puts it on a quincena day."""
    words = [normalize(str(w)) for w in config().get("quincena_words", [])]
    for sentence in re.split(r"[.!?]+", line):
        norm = f" {normalize(sentence)} "
        if not any(f" {w} " in norm for w in words):
            continue
        if any(not quincena_day(int(d), on) for d in _DAY.findall(norm)):
            return False
    return True


def fits(line: str, known: frozenset[str]) -> bool:
    """What the line says of the calendar is true on the call's date and at its hour."""
    iso = _fact(known, DATE)
    if iso is None:
        return True
    on = date.fromisoformat(iso)
    padded = f" {normalize(str(line))} "
    rules = config()
    if _says(padded, rules.get("past_this_week", [])) and on.weekday() < int(
        rules.get("week_behind", 2)
    ):
        return False
    part = _fact(known, DAYPART)
    for wanted, phrases in (rules.get("hour_words") or {}).items():
        if _says(padded, phrases) and part != wanted:
            return False
    today = WEEKDAYS[on.weekday()]
    heads = rules.get("weekday_heads", [])
    if any(f" {normalize(str(h))} {today} " in padded for h in heads):
        return False  # «el lunes» said on a Monday: this one or the next?
    return _quincena_fits(line, on)
