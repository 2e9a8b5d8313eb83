"""Hours of the day and time windows as people say them («de 9 a 1», «de 9 a 13 horas», «de dos
a seis de la tarde», «9:00-13:00»), so that a window read back in 12-hour speech is the same
window that was captured in 24-hour form (panel F: «mañana de 9 a 1» confirms «de 9 a 13 horas»).

A window is compared on the clock face: its start and end hours modulo 12 (the speaker says «a 1»
for 13:00 and «de 2 a 6» for 14–18 h), which is how a customer hears it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from simulator.language.normalize import MAX_CHARS, fold
from simulator.language.numbers import words_to_number

_HOUR = r"(\d{1,2}(?::\d{2})?|[a-z]+(?: y media)?)"
_WINDOW = re.compile(
    rf"(?:\bde(?: las?)? |\bentre(?: las?)? |^|(?<=\s))(?<![\d:]){_HOUR}(?: (?:am|pm|hrs?|horas))?"
    rf"\s*(?:a|-|y|hasta)(?: las?)?\s*{_HOUR}\b"
)
MAX_HOUR = 24


def _hour(raw: str) -> int | None:
    """An hour said in digits («13», «9:00») or words («nueve», «una»); None if it is none."""
    raw = raw.removesuffix(" y media")
    if raw[:1].isdigit():
        value = int(raw.split(":", 1)[0])
    else:
        number = words_to_number("uno" if raw == "una" else raw)
        if number is None or number != int(number):
            return None
        value = int(number)
    return value if 0 <= value <= MAX_HOUR else None


@lru_cache(maxsize=4096)
def windows(text: str) -> tuple[tuple[int, int], ...]:
    """The time windows of ``text`` as (start, end) hours on the clock face (0–11)."""
    folded = fold(text[:MAX_CHARS])
    found: list[tuple[int, int]] = []
    for match in _WINDOW.finditer(folded):
        start, end = _hour(match.group(1)), _hour(match.group(2))
        if start is None or end is None or start == end:
            continue
        found.append((start % 12, end % 12))
    return tuple(found)


def same_window(value: str, text: str) -> bool:
    """``text`` says the time window of ``value`` («de 9 a 13 horas» ↔ «de 9 a 1»)."""
    wanted = windows(value)
    return bool(wanted) and any(w in wanted for w in windows(text))


_DAYS = frozenset(
    {"hoy", "manana", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"}
)


def same_slot(value: str, text: str) -> bool:
    """``text`` reads back the slot ``value``: the same window and, when the value names the day
    («mañana», «el jueves»), that day too («jueves de 9 a 1» is not «viernes de 9 a 13 h»)."""
    if not same_window(value, text):
        return False
    days = _DAYS & set(fold(value[:MAX_CHARS]).split())
    return not days or bool(days & set(fold(text[:MAX_CHARS]).split()))
