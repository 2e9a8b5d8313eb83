"""Spanish numbers written in digits or words, and the amounts (prices) they express.

Agents quote prices as "$499.00", "499 pesos" or, through speech recognition, "cuatrocientos
noventa y nueve pesos"; the scorer compares them with the catalog, and phone extraction reuses the
same segmentation to read numbers dictated in pairs ("cincuenta y cinco doce…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import MAX_CHARS, fold

_TOKEN = re.compile(r"\$\s?\d(?:[\d.,]*\d)?|\d(?:[\d.,]*\d)?|[a-z]+")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")


@dataclass(frozen=True)
class Amount:
    """A number found in text: its value, the span as written, and whether it reads as money."""

    value: float
    text: str
    is_money: bool


@dataclass(frozen=True)
class Segment:
    """One number in text: char span, value (None if unparseable), its digits, how it was written."""

    start: int
    end: int
    value: float | None
    digits: str
    kind: str  # "digits" or "words"
    dollar: bool = False


@cache
def _lexicon() -> dict[str, object]:
    text = resources.files("simulator.language").joinpath("es/numbers.yaml").read_text("utf-8")
    data: dict[str, object] = parse_yaml(text)
    return data


@cache
def _word_kinds() -> dict[str, tuple[str, int]]:
    lex = _lexicon()
    kinds: dict[str, tuple[str, int]] = {}
    for group in ("units", "teens", "tens", "hundreds"):
        table = lex[group]
        assert isinstance(table, dict)
        for word, value in table.items():
            kinds[str(word)] = (group, int(value))
    for word in lex["thousand"]:  # type: ignore[attr-defined]
        kinds[str(word)] = ("thousand", 1000)
    for word in lex["million"]:  # type: ignore[attr-defined]
        kinds[str(word)] = ("million", 1_000_000)
    return kinds


def parse_digits(raw: str) -> float | None:
    """Value of a digit token as written ("$499.00", "1,299", "1.299", "499,50")."""
    s = raw.replace("$", "").strip()
    if _THOUSANDS_COMMA.match(s):
        return float(s.replace(",", ""))
    if _THOUSANDS_DOT.match(s) and not re.match(r"^\d+\.\d{1,2}$", s):
        return float(s.replace(".", ""))
    if _PLAIN.match(s):
        return float(s)
    if _DECIMAL_COMMA.match(s):
        return float(s.replace(",", "."))
    return None


_ALLOWED_AFTER = {
    "units": {"thousand", "million"},
    "teens": {"thousand", "million"},
    "tens": {"y", "thousand", "million"},
    "y": {"units"},
    "hundreds": {"units", "teens", "tens", "thousand", "million"},
    "thousand": {"units", "teens", "tens", "hundreds"},
    "million": {"units", "teens", "tens", "hundreds"},
    "digits": {"thousand", "million"},
}


@cache
def _number_trigger() -> re.Pattern[str]:
    """A digit or a whole number word: text without one holds no number (cheap first pass).

    "un"/"una" start a number only before "mil"/"millón", which the pass already looks for.
    """
    words = sorted((w for w in _word_kinds() if w not in ("un", "una")), key=len, reverse=True)
    return re.compile(r"\d|(?<![a-z])(?:" + "|".join(map(re.escape, words)) + r")(?![a-z])")


def segments(text: str) -> list[Segment]:
    """Every number in ``text`` (digits or words), in order, with char offsets into ``text``."""
    return list(_segments(text[:MAX_CHARS]))


@lru_cache(maxsize=8192)
def _segments(text: str) -> tuple[Segment, ...]:
    folded = fold(text)
    if not _number_trigger().search(folded):
        return ()
    kinds = _word_kinds()
    toks: list[tuple[str, int, int, str, float]] = []  # kind, start, end, raw, value
    for m in _TOKEN.finditer(folded):
        raw = m.group(0)
        if raw[0] == "$" or raw[0].isdigit():
            value = parse_digits(raw)
            toks.append(("digits", m.start(), m.end(), raw, -1.0 if value is None else value))
        elif raw == "y":
            toks.append(("y", m.start(), m.end(), raw, 0.0))
        elif raw in kinds:
            kind, v = kinds[raw]
            toks.append((kind, m.start(), m.end(), raw, float(v)))
        else:
            toks.append(("other", m.start(), m.end(), raw, 0.0))
    out: list[Segment] = []
    i = 0
    n = len(toks)
    while i < n:
        kind, start, end, raw, value = toks[i]
        nxt = toks[i + 1][0] if i + 1 < n else ""
        if kind in ("other", "y") or (raw in ("un", "una") and nxt not in ("thousand", "million")):
            i += 1
            continue
        if kind == "digits":
            digits = re.sub(r"\D", "", raw)
            total, group = 0.0, value
            if value < 0:
                out.append(Segment(start, end, None, digits, "digits", raw.startswith("$")))
                i += 1
                continue
        else:
            digits = ""
            total, group = 0.0, 0.0
        seg_kind = "digits" if kind == "digits" else "words"
        dollar = raw.startswith("$")
        last = kind
        mil_used = False
        if kind == "thousand":
            total, group, mil_used = 1000.0, 0.0, True
        elif kind == "million":
            i += 1
            continue
        elif kind != "digits":
            group = value
        seg_end = end
        j = i + 1
        while j < n:
            k2, _s2, e2, _r2, v2 = toks[j]
            if k2 not in _ALLOWED_AFTER.get(last, set()):
                break
            if last == "units" and value == 0:
                break
            if k2 == "y":
                if j + 1 >= n or toks[j + 1][0] != "units" or toks[j + 1][4] == 0:
                    break
            elif k2 == "units" and v2 == 0:
                break
            elif k2 == "thousand":
                if mil_used:
                    break
                total += max(group, 1.0) * 1000
                group = 0.0
                mil_used = True
            elif k2 == "million":
                if total:
                    break
                total = max(group, 1.0) * 1_000_000
                group = 0.0
                mil_used = False
            elif k2 != "y":
                group += v2
            last = k2
            seg_end = e2
            j += 1
            if last == "units":
                value = v2
        if seg_kind == "words":
            number = total + group
            digits = "0" if raw == "cero" else str(int(number))
        else:
            number = total + group
            if number != toks[i][4]:
                digits = str(int(number))
        out.append(Segment(start, seg_end, number, digits, seg_kind, dollar))
        i = j
    return tuple(out)


def words_to_number(text: str) -> float | None:
    """The single number ``text`` expresses ("cuatrocientos noventa y nueve" → 499.0), else None."""
    found = [s for s in segments(text) if s.value is not None]
    if len(found) != 1:
        return None
    return found[0].value


def _alternation(key: str) -> str:
    words = _lexicon()[key]
    assert isinstance(words, list)
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))


@cache
def _money_patterns() -> tuple[re.Pattern[str], ...]:
    return (
        re.compile(rf"^\s*(?:de\s+)?(?:{_alternation('money_after')})\b"),
        re.compile(rf"\b(?:{_alternation('money_before')})\b"),
        re.compile(rf"\b(?:{_alternation('not_money_before')})\b"),
        re.compile(rf"^\s*(?:{_alternation('not_money_after')})(?![a-z])"),
    )


def extract_amounts(text: str) -> list[Amount]:
    """Every amount in ``text`` with its value, the span as written, and whether it is money."""
    if not text:
        return []
    return list(_amounts(text[:MAX_CHARS]))


_DAY_LEAD = re.compile(r"\b(?:el|del)\s*$")
# «un peso con sesenta», «dos pesos con cincuenta (centavos)»: the number after «con» is cents.
_CENTS_LEAD = re.compile(r"(\bun\s+)?\bpesos?\s+con\s*$")
_CURRENCY_AFTER = re.compile(r"\s*(?:pesos?|mxn|m\.?n\b|dolares|centavos|varos|baros)\b")


def _day_of_month(value: float, before: str) -> bool:
    """«cobra el 27», «para el 15», «antes del 3»: a whole number up to 31 right after «el»/«del»
    is a day of the month, not an amount (an amount says «pesos» or comes after «de»/«son»)."""
    return value == int(value) and 1 <= value <= 31 and bool(_DAY_LEAD.search(before))


_ENUMERATOR_AFTER = re.compile(r"\s*[:)]")


def _enumerator(written: str, value: float, after: str) -> bool:
    """«Uno: pagar los mínimos… Dos: el pago total…»: a small number said in words right before a
    colon numbers the options of a list; it is no amount (blind panel M: «Dos» read as 2 pesos)."""
    return value <= 10 and written.isalpha() and bool(_ENUMERATOR_AFTER.match(after))


@lru_cache(maxsize=8192)
def _amounts(text: str) -> tuple[Amount, ...]:
    folded = fold(text)
    after_re, before_re, not_before_re, not_after_re = _money_patterns()
    amounts: list[Amount] = []
    spans: list[tuple[int, int]] = []
    for seg in _segments(text):
        if seg.value is None:
            continue
        start = seg.start
        dollar = seg.dollar
        prefix = folded[max(0, start - 3) : start]
        if not dollar and prefix.rstrip().endswith("$"):
            dollar = True
            start = folded.rindex("$", 0, start)
        after = folded[seg.end : seg.end + 30]
        before = folded[max(0, start - 40) : start]
        money_cue = max((m.end() for m in before_re.finditer(before)), default=-1)
        other_cue = max((m.end() for m in not_before_re.finditer(before)), default=-1)
        day = _day_of_month(seg.value, before) and not _CURRENCY_AFTER.match(after)
        if not dollar and (day or _enumerator(text[start : seg.end], seg.value, after)):
            is_money = False
        elif dollar or after_re.match(after):
            is_money = True
        elif not_after_re.match(after) or other_cue > money_cue:
            is_money = False
        else:
            tail = before[money_cue:] if money_cue >= 0 else ""
            is_money = money_cue >= 0 and len(tail) <= 25 and not re.search(r"\d", tail)
        cents = _CENTS_LEAD.search(before)
        if cents and not dollar and 0 < seg.value < 100 and not not_after_re.match(after):
            lead = max(0, start - 40) + cents.start()
            whole: float | None = None
            if cents.group(1):
                whole, begin = 1.0, lead
            elif (
                amounts and spans[-1][1] >= lead - 1 and amounts[-1].value == int(amounts[-1].value)
            ):
                whole, begin = amounts[-1].value, spans[-1][0]
                amounts.pop()
                spans.pop()
            if whole is not None:
                value = whole + seg.value / 100
                amounts.append(Amount(value=value, text=text[begin : seg.end], is_money=True))
                spans.append((begin, seg.end))
                continue
        amounts.append(Amount(value=seg.value, text=text[start : seg.end], is_money=is_money))
        spans.append((start, seg.end))
    return tuple(amounts)
