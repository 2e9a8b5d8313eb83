"""How data turns are quoted and read back, apart from ``elements_data`` (which judges them).

Panels F and G read a data request quoted at its empathy opening («Tres días sin internet…») as
unrelated evidence, and a suggested read-back with «1984-09-02» as nothing a person says on the
phone: a request is quoted at its question, a stored date is read in words.
"""

from __future__ import annotations

import re

from simulator.language.extract import MONTHS
from simulator.scoring import lang
from simulator.scoring.context import CallContext

_ASKED = re.compile(r"¿([^¿?]+)\?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DIGITS = re.compile(r"\D+")
_DMY_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_MONEY_FIELD = re.compile(r"ingreso|monto|sueldo|salario|pago|saldo|importe")
_NOT_MONEY = re.compile(r"fecha|dia|hora|medio|forma|canal|numero|referencia")
_BARE_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def request_hint(ctx: CallContext, n: int, read_backs: list[int]) -> str | None:
    """Where to quote turn ``n`` cited as data evidence: an agent's request at its (last)
    question; a read-back or the customer's answer as a whole (``None``)."""
    if ctx.speaker(n) != "agent" or n in read_backs:
        return None
    found = _ASKED.findall(ctx.text(n)[:4000])
    return found[-1].strip() if found else None


def spoken_date(value: str) -> str | None:
    """«1984-09-02» or «02/09/1984» → «2 de septiembre de 1984»; ``None`` for anything that is
    not such a date (blind panel P sg-06 T15: «14/03/1985» read back as typed)."""
    iso = _ISO_DATE.fullmatch(value.strip())
    if iso:
        year, month, day = iso.groups()
    else:
        written = _DMY_DATE.fullmatch(value.strip())
        if not written:
            return None
        day, month, year = written.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{int(day)} de {MONTHS[int(month) - 1]} de {year}"


def spoken_amount(name: str, value: str) -> str | None:
    """A bare figure of a money field as an agent says it: «18000» → «18,000 pesos» (panel P
    sg-06 T15); ``None`` when the field is no amount or the value is no bare figure."""
    key = name.lower()
    if not _MONEY_FIELD.search(key) or _NOT_MONEY.search(key):
        return None
    if not _BARE_FIGURE.fullmatch(value.strip()):
        return None
    return f"{int(value.strip().replace(',', '')):,} pesos"


def spoken(name: str, value: str) -> str:
    """A value as the agent reads it back («55 1234 5678», «2 de septiembre de 1984»)."""
    digits = _DIGITS.sub("", value)
    if lang.field_kind(name) == "phone" and len(digits) == 10:
        return f"{digits[:2]} {digits[2:6]} {digits[6:]}"
    return spoken_date(value) or spoken_amount(name, value) or value
