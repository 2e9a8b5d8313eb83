"""The customer's own facts, said as a person says them, and checked as a person checks them.

A scenario stores data the way a CRM does («02/09/1984», «5512345678», «Calle Olivo 23, Col.
Roma, CDMX»). A person dictates «el 2 de septiembre de 1984», «55 12 34 56 78», «Calle Olivo 23,
colonia Roma, en la Ciudad de México» (``spoken``), and accepts a read-back that leaves out the
city or says «colonia» for «Col.», while a wrong number is corrected precisely: «no, es 23, no 32»
(``address_check``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from simulator.customer import plausible
from simulator.language.extract import MONTHS, field_kind, field_lexicon, normalize_field
from simulator.language.normalize import normalize

_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_AGE = re.compile(r"\b(\d{2}) años\b")
_NUM = re.compile(r"\d+")
PHONE_DIGITS = 10
# Spoken forms of address abbreviations (shown as the customer would say them).
_SPOKEN_ABBREV = (
    (re.compile(r"\bCol\.\s*"), "colonia "),
    (re.compile(r"\bAv\.\s*"), "Avenida "),
    (re.compile(r"\bDepto\.\s*"), "departamento "),
    (re.compile(r"\bNo\.\s*"), "número "),
    (re.compile(r"\bInt\.\s*"), "interior "),
    (re.compile(r",\s*CDMX\b"), ", en la Ciudad de México"),
)


_DAY_OF_MONTH = re.compile(
    r"\b(\d{1,2}) de (" + "|".join(MONTHS) + r")\b(?! de(?:l)? (?:\d{4}|año))", re.IGNORECASE
)


def relative_dates(line: str) -> str:
    """A day of a month with no year («el 27 de noviembre») said as the customer says it on any
    call date: the next such day, «el 27». A scenario's fixed date may lie before the call's date
    (a call in December), so the month is left out rather than naming a day already past."""
    return _DAY_OF_MONTH.sub(lambda m: m.group(1), line)


def today() -> date:
    """The call's date (a seam: the tests pin it)."""
    return date.today()


def next_date(value: str, call_date: date) -> str:
    """A scenario's yearless date («5 de diciembre») as the customer means it on ``call_date``:
    the next such day after the call («5 de enero» on 6 December, «5 de diciembre» on 20
    November). Scenario dates are relative to the call's date, never a day already past (panel B:
    «el 5 de diciembre» insisted on in a call of 6 December)."""
    day = day_of_month(value)
    if day is None:
        return value
    number, year, month = int(day), call_date.year, call_date.month
    if number <= call_date.day:
        month += 1
    for _ in range(12):
        if month > 12:
            year, month = year + 1, 1
        try:
            date(year, month, number)
        except ValueError:
            month += 1  # «31» in a 30-day month: the next month that has it
            continue
        break
    return f"{number} de {MONTHS[month - 1]}"


def dated_data(data: dict[str, str], call_date: date) -> dict[str, str]:
    """The scenario's data with every yearless date moved to the next such day after the call."""
    return {key: next_date(value, call_date) for key, value in data.items()}


def day_of_month(value: str) -> str | None:
    """The day of a yearless date value («27» for «27 de noviembre»), else None."""
    match = _DAY_OF_MONTH.fullmatch(value.strip())
    return match.group(1) if match else None


def spoken(field: str, value: str) -> str:
    """``value`` of ``field`` as the customer dictates it."""
    value = value.strip()
    if _DAY_OF_MONTH.fullmatch(value):
        return f"el {relative_dates(value)}"  # «Es el 27.», never a date already past
    date = _DATE.match(value)
    if date:
        day, month, year = (int(g) for g in date.groups())
        if 1 <= month <= 12:
            return f"{day} de {MONTHS[month - 1]} de {year}"
    kind = field_kind(field)
    digits = re.sub(r"\D", "", value)
    if (kind == "phone" or field.startswith("numero_linea")) and len(digits) == PHONE_DIGITS:
        return " ".join(digits[i : i + 2] for i in range(0, PHONE_DIGITS, 2))
    if kind == "address":
        for pattern, words in _SPOKEN_ABBREV:
            value = pattern.sub(words, value)
        return value
    if field.startswith("monto") and digits and digits == value:
        return f"{int(digits):,} pesos"
    return value


@cache
def _kind_words() -> frozenset[str]:
    words = field_lexicon().get("address_kind_words", [])
    extra = {"de", "la", "el", "los", "las", "del", "en", "y", "numero"}
    listed = [str(w) for w in words] if isinstance(words, list) else []
    return frozenset(listed) | extra


def address_parts(value: str) -> tuple[list[str], list[str]]:
    """The numbers and the distinctive words (street, colonia, city names) of an address."""
    norm = normalize_field("direccion", value)
    numbers = _NUM.findall(norm)
    words = [w for w in re.findall(r"[a-z]+", norm) if w not in _kind_words() and len(w) > 1]
    return numbers, words


def address_check(true_value: str, said: str) -> tuple[str, str, str]:
    """How an agent's read-back of an address compares with the true one.

    Returns (verdict, wrong, right): ``match`` when every number of the address is said and the
    street name is said (the colonia and city may be left out, abbreviations and order do not
    matter); ``wrong`` when the street is named with a different number (wrong=said, right=true);
    ``absent`` when the turn does not read this address back."""
    numbers, words = address_parts(true_value)
    said_norm = normalize_field("direccion", said)
    said_words = set(re.findall(r"[a-z]+", said_norm))
    said_numbers = _NUM.findall(said_norm)
    street = words[:1]
    if not street or not all(w in said_words for w in street):
        return "absent", "", ""
    missing = [n for n in numbers if n not in said_numbers]
    if not missing:
        return "match", "", ""
    stray = [n for n in said_numbers if n not in numbers]
    if stray:
        return "wrong", stray[0], missing[0]
    return "absent", "", ""


def digits_check(true_value: str, said: str) -> tuple[str, str, str]:
    """A read-back of a number (phone, account, policy): ``match``, ``wrong`` (which pair differs)
    or ``absent``."""
    true_digits = re.sub(r"\D", "", true_value)
    said_digits = re.sub(r"\D", "", said)
    if len(true_digits) < 6 or len(said_digits) < 6:
        return "absent", "", ""
    if true_digits in said_digits:
        return "match", "", ""
    for start in range(0, max(1, len(said_digits) - len(true_digits) + 1)):
        window = said_digits[start : start + len(true_digits)]
        if len(window) != len(true_digits):
            break
        diffs = [i for i in range(len(window)) if window[i] != true_digits[i]]
        if 0 < len(diffs) <= 2:
            at = diffs[0] - diffs[0] % 2
            return "wrong", window[at : at + 2], true_digits[at : at + 2]
    return "absent", "", ""


def age(situation: str, birth: str | None, today: date | None = None) -> str | None:
    """The customer's age in years: said in the situation («Ingeniero de 42 años»), else
    worked out from the birth date («02/09/1984»)."""
    said = _AGE.search(situation.split(".")[0])  # the first sentence is about the customer
    if said:
        return said.group(1)
    found = _DATE.match(birth or "")
    if not found:
        return None
    day, month, year = (int(g) for g in found.groups())
    now = today or date.today()
    return str(now.year - year - ((now.month, now.day) < (month, day)))


def known_data(data: dict[str, str], situation: str) -> dict[str, str]:
    """The data the customer can give: the scenario's data and what follows from its facts (the
    age, from the situation or the birth date: «¿qué edad tiene?» gets «tengo 42 años»)."""
    said = _AGE.search(situation.split(".")[0])
    known = plausible.fill(data, said.group(1) if said else None, today())
    years = age(situation, known.get("fecha_nacimiento"), today())
    if years is not None and "edad" not in known:
        known["edad"] = years
    return known


def next_month(value: str, call_date: str) -> bool:
    """A yearless date falls in another month than the call («5 de enero» on 6 December): «el 5»
    alone would mean this month, so its month is said."""
    found = _DAY_OF_MONTH.fullmatch(value.strip())
    if not found or not call_date:
        return False
    return found.group(2).lower() != MONTHS[date.fromisoformat(call_date).month - 1]


def with_month(value: str) -> str:
    """A yearless date with its month («el 5 de diciembre»), for «¿el 5 de qué mes?»."""
    return f"el {value.strip()}" if _DAY_OF_MONTH.fullmatch(value.strip()) else value


def other_month(true_value: str, said: str) -> str | None:
    """The wrong month the agent put on the customer's yearless date («¿el 5 de enero?» when it is
    the 5th of December), else None."""
    found = _DAY_OF_MONTH.fullmatch(true_value.strip())
    if not found:
        return None
    day, month = found.group(1), found.group(2).lower()
    for other in re.finditer(rf"(?<!\d){day} de ({'|'.join(MONTHS)})\b", said, re.IGNORECASE):
        if other.group(1).lower() != month:
            return other.group(1).lower()
    return None


def date_misread(true_value: str, said: str) -> tuple[str, str] | None:
    """(what the agent said, what it is) for a yearless date read back with a wrong month."""
    month = other_month(true_value, said)
    day = day_of_month(true_value)
    return (f"{day} de {month}", f"el {true_value.strip()}") if month and day else None


def day_said(true_value: str, said: str) -> bool:
    """A yearless date is read back: its day is said («el 27», «el viernes 27 de noviembre»; not
    «27 pesos») with no other month put on it («¿el 5 de enero?» for the 5th of December)."""
    day = day_of_month(true_value)
    pattern = rf"(?<!\d)(?<!\d[,.]){day}(?!\d|[,.]\d)(?! (?:pesos|mil|megas))"
    return bool(re.search(pattern, said)) and date_misread(true_value, said) is None


_FULL_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def full_date_slip(true_value: str, said: str) -> tuple[str, str] | None | bool:
    """For a full date («02/09/1984»): (what the agent read, what it is) when the read-back says
    another date, None when it says this one or none; False when the value is no full date. Its
    digits are never compared one by one against the whole turn (blind panel I: «02, no 00» to
    a correct «2 de septiembre de 1984» next to «20,000 de deducible»)."""
    found = _FULL_DATE.fullmatch(true_value.strip())
    if not found:
        return False
    day, month, year = (int(x) for x in found.groups())
    if not 1 <= month <= len(MONTHS):
        return False
    names = "|".join(MONTHS)
    read = [
        (int(d), MONTHS.index(m.lower()) + 1, int(y))
        for d, m, y in re.findall(
            rf"(?<!\d)(\d{{1,2}}) de ({names}) (?:de|del) (\d{{4}})", said, re.I
        )
    ] + [(int(d), int(m), int(y)) for d, m, y in _FULL_DATE.findall(said)]
    if not read or (day, month, year) in read:
        return None
    d, m, y = read[0]
    month_name = MONTHS[m - 1] if 1 <= m <= len(MONTHS) else str(m)
    return f"{d} de {month_name} de {y}", f"el {day} de {MONTHS[month - 1]} de {year}"


def could_be_misread(field: str, said: str, true_value: str) -> bool:
    """A value read back wrong looks like the true one: a name shares a word with it («Arturo
    Ibarra Ruiz»), a number or plate has digits. «Excelente decisión, señor Ibarra… ¿me confirma
    su nombre y las placas de su auto?» reads back nothing (tmux play, seguro de auto)."""
    if any(ch.isdigit() for ch in true_value) and not any(ch.isdigit() for ch in said):
        return False  # «las placas de su auto» is no reading of «NXR-482-B»
    true_words = set(normalize(true_value).split())
    said_words = normalize(said).split()
    if field_kind(field) == "name":
        return bool(true_words & set(said_words))
    if any(ch.isdigit() for ch in true_value):
        return True
    # a worded value («plomería de emergencia») is misread by a value of its size or one that
    # shares a word with it; «su cobertura paga hasta 1,500 pesos por evento, ¿le quedó claro?»
    # names the field and reads back nothing (panels G and H: «corríjalo» to a sentence)
    return len(said_words) <= len(true_words) + MISREAD_EXTRA_WORDS or bool(
        {w for w in true_words if len(w) > 3} & set(said_words)
    )


MISREAD_EXTRA_WORDS = 3
