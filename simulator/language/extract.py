"""Data fields in customer speech: phones, e-mails, names, addresses, and tolerant comparison.

Customers dictate phones in pairs ("cincuenta y cinco doce…") and e-mails in words ("rosa punto
hdz arroba gmail punto com"); the scorer checks what the agent captured against what was said,
so both sides are reduced to one canonical form per field kind before comparing.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz import fuzz

from simulator.language import addresses
from simulator.language.names import extract_name, field_lexicon, name_mentions
from simulator.language.normalize import MAX_CHARS, fold, normalize
from simulator.language.numbers import segments
from simulator.language.spoken_email import email_spelled_in, email_word_patterns

__all__ = [
    "email_spelled_in",
    "extract_email",
    "extract_field_value",
    "extract_name",
    "extract_phone",
    "field_kind",
    "field_matches",
    "name_mentions",
    "normalize_field",
]

_GAP = re.compile(r"^[\s\-.,()/+]*(?:guion\s*)?[\s\-.,()/+]*$")
_EMAIL = re.compile(r"[a-z0-9][a-z0-9._%+\-]*@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*")


def _phone_from_digits(digits: str) -> str | None:
    if len(digits) == 10:
        return digits
    if len(digits) == 12 and digits.startswith("52"):
        return digits[2:]
    if len(digits) == 13 and digits.startswith("521"):
        return digits[3:]
    return None


def extract_phone(text: str) -> str | None:
    """The 10-digit Mexican phone in ``text`` (digits, pairs or words; spaces, dashes, +52)."""
    if not text:
        return None
    return _phone(text[:MAX_CHARS])


@lru_cache(maxsize=8192)
def _phone(text: str) -> str | None:
    folded = fold(text)
    run: list[str] = []
    prev_end = -1
    for seg in segments(text):
        if seg.kind == "digits" and seg.value is None and not seg.digits:
            continue
        if run and not _GAP.match(folded[prev_end : seg.start]):
            phone = _phone_from_digits("".join(run))
            if phone:
                return phone
            run = []
        run.append(
            seg.digits if seg.kind == "words" else re.sub(r"\D", "", folded[seg.start : seg.end])
        )
        prev_end = seg.end
    return _phone_from_digits("".join(run)) if run else None


def extract_email(text: str) -> str | None:
    """The e-mail in ``text``, written or dictated ("rosa punto hdz arroba gmail punto com")."""
    if not text:
        return None
    return _email(text[:MAX_CHARS])


@lru_cache(maxsize=8192)
def _email(text: str) -> str | None:
    folded = fold(text)
    folded = re.sub(r"\s*@\s*", "@", folded)
    if "@" not in folded and "arroba" not in folded:
        return None
    for pattern, symbol in email_word_patterns():
        folded = pattern.sub(symbol, folded)
    match = _EMAIL.search(folded)
    if not match:
        return None
    email = match.group(0).strip(".-")
    local, _, domain = email.partition("@")
    if not local or not domain:
        return None
    domains = field_lexicon()["email_domains"]
    assert isinstance(domains, list)
    if "." not in domain:
        if domain not in domains:
            return None
        email += ".com"
    return email


def field_kind(field: str) -> str:
    """Kind of a capture field by its name: phone, email, name, address, digits or text."""
    key = normalize(field).replace(" ", "_")
    kinds = field_lexicon()["field_kinds"]
    assert isinstance(kinds, dict)
    for kind, names in kinds.items():
        if key in names:
            return str(kind)
    for fragment, kind in (
        ("tel", "phone"),
        ("celul", "phone"),
        ("correo", "email"),
        ("mail", "email"),
        ("direc", "address"),
        ("domic", "address"),
        ("nombre", "name"),
    ):
        if fragment in key:
            return kind
    return "text"


@cache
def _abbreviations() -> dict[str, str]:
    table = field_lexicon()["abbreviations"]
    assert isinstance(table, dict)
    return {str(k): str(v) for k, v in table.items()}


@cache
def _titles() -> frozenset[str]:
    return frozenset(str(t) for t in field_lexicon()["name_titles"])  # type: ignore[attr-defined]


@lru_cache(maxsize=8192)
def _expand(text: str, drop_titles: bool) -> str:
    # cached: a read-back check expands the same turn once per captured field
    norm = normalize(text.replace("#", " # "))
    abbrev = _abbreviations()
    titles = _titles()
    out: list[str] = []
    for tok in norm.replace(",", " ").split():
        tok = tok.strip(".")
        if drop_titles and tok in titles:
            continue
        if not drop_titles and tok == "no" and out and out[-1] != "numero":
            out.append("numero")
            continue
        out.append(abbrev.get(tok, tok) if not drop_titles or tok not in ("no", "del") else tok)
    return " ".join(out)


def normalize_field(field: str, value: str) -> str:
    """Canonical form of ``value`` for ``field``: 10 digits, lowercase e-mail or normalized text."""
    value = (value or "")[:MAX_CHARS]
    kind = field_kind(field)
    if kind == "phone":
        phone = extract_phone(value)
        if phone:
            return phone
        digits = re.sub(r"\D", "", value)
        return digits[-10:] if len(digits) >= 10 else digits
    if kind == "email":
        return extract_email(value) or value.strip().lower()
    if kind == "digits":
        digits = "".join(s.digits for s in segments(value))
        return digits or normalize(value)
    if kind == "name":
        return _expand(value, drop_titles=True)
    if kind == "address":
        return _expand(value, drop_titles=False)
    return normalize(value)


_YEARLESS_DAY = re.compile(
    r"^(?:el )?(\d{1,2}) de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    r"octubre|noviembre|diciembre)$"
)
# Month names in order, the one list for every module that reads or says a date.
MONTHS: tuple[str, ...] = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
_MONTHS = MONTHS
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_SPOKEN_DATE = re.compile(r"\b(\d{1,2}) de (" + "|".join(_MONTHS) + r") (?:de|del) (\d{4})\b")


def _full_date(value: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a full date written «02/09/1984» or «2 de septiembre de 1984»."""
    numeric = _NUMERIC_DATE.search(value)
    if numeric:
        day, month, year = (int(g) for g in numeric.groups())
        return (year, month, day) if 1 <= month <= 12 else None
    spoken = _SPOKEN_DATE.search(normalize(value))
    if spoken:
        return int(spoken.group(3)), _MONTHS.index(spoken.group(2)) + 1, int(spoken.group(1))
    return None


# «el 5», «5 del próximo mes», «el día 5 de este mes»: the day the customer said (panel v-08)
_RELATIVE_DAY = re.compile(
    r"^(?:el )?(?:dia )?(\d{1,2})(?: (?:de|del) (?:este|proximo|siguiente|entrante) mes)?$"
)
MIN_CONTAINED = 4  # characters: a registry value this long may be contained in a fuller capture


def field_matches(field: str, expected: str, given: str) -> bool:
    """Whether ``given`` is the same value as ``expected`` for ``field`` (tolerant for text)."""
    a = normalize_field(field, expected)
    b = normalize_field(field, given)
    if not a or not b:
        return False
    if a == b:
        return True
    if field_kind(field) in ("phone", "email", "digits"):
        return False
    if a.replace(" ", "") == b.replace(" ", ""):
        return True
    date_a, date_b = _full_date(expected), _full_date(given)
    if date_a and date_b:
        return date_a == date_b  # «02/09/1984» is «2 de septiembre de 1984» (panel v-06)
    if date_a or date_b:
        full, other = (date_a, b) if date_a else (date_b, a)
        assert full is not None
        yearless = _YEARLESS_DAY.match(other)
        if yearless:
            # «27/12/2026» captured for the record's «27 de diciembre»: the year is the call's,
            # so the day and the month decide (panel I, yc-08)
            return (int(yearless.group(1)), _yearless_month(other)) == (full[2], full[1])
    day_a = _YEARLESS_DAY.match(a) or _RELATIVE_DAY.match(a)
    day_b = _YEARLESS_DAY.match(b) or _RELATIVE_DAY.match(b)
    if day_a and day_b and day_a.group(1) == day_b.group(1):
        # a scenario date with no year is said by the customer as «el 5» (the call has no date):
        # the agent who writes the next such day («5 de enero») wrote the same day (panel u-07)
        return True
    if field_kind(field) == "address" and (same := addresses.same_address(a, b)) is not None:
        return same
    words_a = set(a.split())
    if len(a) >= MIN_CONTAINED and words_a <= set(b.split()):
        return True  # «plomería de emergencia» for «plomería»: the registry's words, and more
    return fuzz.token_sort_ratio(a, b) >= 90


def _yearless_month(value: str) -> int:
    """The month (1-12) of a yearless date already matched by ``_YEARLESS_DAY``."""
    return MONTHS.index(value.split()[-1]) + 1


@cache
def _address_re() -> re.Pattern[str]:
    leads = field_lexicon()["address_leadins"]
    assert isinstance(leads, list)
    alts = "|".join(re.escape(str(w)) for w in sorted(leads, key=len, reverse=True))
    return re.compile(r"\b(?:" + alts + r")\b")


def _address_span(text: str) -> tuple[int, int] | None:
    """Where the address a turn dictates starts and ends (offsets into ``text``)."""
    folded = fold(text[:2000])
    match = _address_re().search(folded)
    if not match:
        return None
    lead = match.group(0)
    start = match.start() if lead in ("calle", "avenida", "av") else match.end()
    abbrev = _abbreviations()
    end = len(text)
    for stop in re.finditer(r"[.;!?](?:\s|$)|[,\s]*[¿¡]", text[start:]):
        pos = start + stop.start()
        before = re.search(r"([A-Za-zÁÉÍÓÚáéíóúñÑ]+)$", text[start:pos])
        word = fold(before.group(1)) if before else ""
        at_end = not text[pos + 1 :].strip()
        if text[pos] in ",¿¡ ":  # «…Ciudad de México, ¿sí lo anotó bien?» (panel v-08)
            end = pos
            break
        if text[pos] == "." and not at_end and (word in abbrev or len(word) == 1):
            continue  # "Col.", "Av.", "No.", "C.P." do not end the address
        end = pos
        break
    return start, end


def _extract_address(text: str) -> str | None:
    span = _address_span(text)
    if span is None:
        return None
    value = addresses.without_vocative(text[span[0] : span[1]]).strip(" ,:")
    if not value or not re.search(r"\d", value):
        return None
    return value


_PHONE_CUE = re.compile(r"\b(?:tel|telefono|celular|cel|whatsapp|movil|contacto|marcar|llamar)\b")


def _digit_runs(text: str) -> list[tuple[int, int, str]]:
    """Numbers dictated together (digits or words, split by spaces or dashes) with offsets."""
    folded = fold(text)
    runs: list[tuple[int, int, str]] = []
    for seg in segments(text):
        digits = (
            seg.digits if seg.kind == "words" else re.sub(r"\D", "", folded[seg.start : seg.end])
        )
        if not digits:
            continue
        if runs and _GAP.match(folded[runs[-1][1] : seg.start]):
            start, _end, prev = runs[-1]
            runs[-1] = (start, seg.end, prev + digits)
        else:
            runs.append((seg.start, seg.end, digits))
    return runs


def _extract_digits(field: str, text: str) -> str | None:
    """The number a turn gives for a digits field (policy, account, postal code…): the one after
    the field's own label, else one that is neither part of the address nor the phone."""
    runs = _digit_runs(text)
    if not runs:
        return None
    folded = fold(text)
    label_words = [w for w in normalize(field).replace("_", " ").split() if len(w) > 2]
    labels = [m.end() for w in label_words if w != "numero" for m in re.finditer(rf"\b{w}", folded)]
    if normalize(field).replace(" ", "_") in ("cp", "codigo_postal"):
        labels += [m.end() for m in re.finditer(r"\b(?:cp|c\.p\.?|codigo postal)", folded)]
    for label_end in sorted(labels):
        after = [r for r in runs if 0 <= r[0] - label_end <= 40]
        if after:
            return _with_prefix(text, after[0][0], after[0][2])
    span = _address_span(text)
    kept = []
    for start, _end, digits in runs:
        if span and span[0] <= start < span[1]:
            continue
        cue = _PHONE_CUE.search(folded[max(0, start - 30) : start])
        if _phone_from_digits(digits) and (cue or len(runs) > 1):
            continue
        kept.append((digits, _with_prefix(text, start, digits)))
    # an account or policy is a long number: «desde hace tres días… Anote: IV-2049377» gives the
    # account, not «3» (panel Q rb-04); a short number is the value only when nothing longer is
    long = [value for digits, value in kept if len(digits) >= MIN_ID_DIGITS]
    return long[0] if long else kept[0][1] if kept else None


MIN_ID_DIGITS = 4  # fewer digits than this is no account, policy or folio number when one is said
_LETTER_PREFIX = re.compile(r"\b([A-Z]{1,4})\s?-\s?$")


def _with_prefix(text: str, start: int, digits: str) -> str:
    """A folio, policy or account keeps its letter prefix as said («IV-2049377», «AT-558120»):
    comparisons use the digits (``normalize_field``); a read-back must say the whole number."""
    match = _LETTER_PREFIX.search(text[max(0, start - 8) : start])
    return f"{match.group(1)}-{digits}" if match else digits


def extract_field_value(field: str, text: str) -> str | None:
    """The value a customer turn gives for ``field`` (phone, e-mail, name, address…), or None."""
    if not text:
        return None
    text = text[:MAX_CHARS]
    kind = field_kind(field)
    if kind == "phone":
        return extract_phone(text)
    if kind == "email":
        return extract_email(text)
    if kind == "name":
        return extract_name(text)
    if kind == "address":
        return _extract_address(text)
    if kind == "digits":
        return _extract_digits(field, text)
    label = re.escape(normalize(field).replace("_", " "))
    match = re.search(rf"\b{label}\s+(?:es\s+)?(.+)$", normalize(text))
    return match.group(1).strip() if match else None
