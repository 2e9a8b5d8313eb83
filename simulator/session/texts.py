"""Spanish texts of the live call (statuses, errors, hints), loaded lazily from ``es/session.yaml``."""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml


@cache
def _data() -> dict[str, Any]:
    text = resources.files("simulator.session").joinpath("es/session.yaml").read_text("utf-8")
    data = parse_yaml(text)
    return data if isinstance(data, dict) else {}


def statuses() -> list[str]:
    return [str(s) for s in _data().get("statuses", [])]


def error(key: str, **values: object) -> str:
    return str(_data().get("errors", {}).get(key, key)).format(**values)


def note(key: str, **values: object) -> str:
    return str(_data().get("notes", {}).get(key, key)).format(**values)


def hint(key: str) -> str:
    return str(_data().get("hints", {}).get(key, key))


def script(key: str, **values: object) -> str:
    return str(_data().get("script", {}).get(key, key)).format(**values)


def script_commands() -> list[str]:
    return [str(c) for c in _data().get("script", {}).get("commands", [])]


def play(key: str, **values: object) -> str:
    return str(_data().get("play", {}).get(key, key)).format(**values)


def call_date_words(iso: str) -> str:
    """The call's date as the agent's screen says it («domingo 6 de diciembre de 2026»): the
    brief has no date of its own, so «el 27 de este mes» needs it to be read back right (panel I,
    yc-08: the agent took the month from the computer's clock). Empty for no date."""
    from simulator.language.extract import MONTHS

    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return ""
    weekdays = [str(w) for w in _data().get("weekdays", [])]
    weekday = f"{weekdays[day.weekday()]} " if len(weekdays) == 7 else ""
    return f"{weekday}{day.day} de {MONTHS[day.month - 1]} de {day.year}"


def call_date_short(iso: str) -> str:
    """The call's date in a few letters for a title that must not be cut («20 nov 2026»)."""
    from simulator.language.extract import MONTHS

    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return ""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def today_short() -> str:
    """Today as a call started now is dated, in the call title's few letters («20 nov 2026»)."""
    from simulator.customer import facts

    return call_date_short(facts.today().isoformat())


def data_value(key: str) -> object:
    """A value of ``es/session.yaml`` used as data (a pattern), not as a text to show."""
    return _data().get(key)
