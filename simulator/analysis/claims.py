"""What the agent claims about the offer, extracted once per turn from ONE lexicon
(``language/es/claims.yaml``): unverifiable promises («todo gratis», «aprobado seguro», a
pre-approval), conditions said to be absent («no tiene anualidad», «sin plazo forzoso», «no
necesita comprobante»), coverage promised («le cubre desde el primer día»), delivery times («llega
en media hora») and discounts («le hago un 20 %»), whether an amount's clause is about something
other than the offer (a surgery, the customer's bill, a saving, a debt, an example), and the time
windows written in catalog conditions («en 7 a 10 días hábiles», «un máximo de 72 horas»).

The scorer checks these claims against the transcript's catalog and conditions; this module only
reads the words. Every function takes raw text (typed or speech-recognised), normalizes it itself,
never raises, and is cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from simulator.analysis.conduct import affirmed, clauses, negated
from simulator.analysis.lexicon import compile_list, load_yaml
from simulator.language.normalize import MAX_CHARS, normalize
from simulator.language.numbers import segments

LEXICON = "claims.yaml"
MAX_INSTALMENTS = 60  # payments in a plan: more is not a count of instalments
PROMISE_KINDS = (
    "free_forever",
    "free",
    "free_said",
    "no_fine_print",
    "guarantee",
    "legal_consequence",
    "invented_rule",
    "preapproval",
)


@dataclass(frozen=True)
class Claim:
    """One statement about the offer: ``kind`` is ``promise``, ``condition_absent``,
    ``coverage``, ``delivery`` or ``discount``; ``topic`` the promise kind, condition or coverage
    topic; ``span`` the words said."""

    kind: str
    topic: str
    span: str


@cache
def _data() -> dict[str, object]:
    data = load_yaml(LEXICON)
    assert isinstance(data, dict)
    return data


@cache
def _promises() -> dict[str, re.Pattern[str]]:
    promises = _data()["promises"]
    assert isinstance(promises, dict)
    return {kind: compile_list(promises[kind]) for kind in PROMISE_KINDS}


@cache
def _conditions() -> dict[str, tuple[re.Pattern[str], tuple[str, ...]]]:
    conditions = _data()["conditions"]
    assert isinstance(conditions, dict)
    return {
        topic: (compile_list(spec["absent"]), tuple(str(n) for n in spec["names"]))
        for topic, spec in conditions.items()
    }


@cache
def _present() -> dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]]:
    """Topics that can also be claimed PRESENT («le cobran penalización»): the claim and how a
    catalog condition says the topic is absent (default: ``states_absent``)."""
    conditions = _data()["conditions"]
    assert isinstance(conditions, dict)
    out: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}
    for topic, spec in conditions.items():
        if spec.get("present"):
            absent = spec.get("catalog_absent")
            out[topic] = (compile_list(spec["present"]), compile_list(absent) if absent else None)
    return out


@cache
def _pattern(key: str) -> re.Pattern[str]:
    value = _data()[key]
    assert isinstance(value, list)
    return compile_list([str(v) for v in value])


@cache
def _coverage() -> dict[str, tuple[re.Pattern[str], tuple[str, ...]]]:
    coverage = _data()["coverage"]
    assert isinstance(coverage, dict)
    return {
        topic: (compile_list(spec["claim"]), tuple(str(n) for n in spec["names"]))
        for topic, spec in coverage.items()
    }


def condition_names(topic: str) -> tuple[str, ...]:
    """The words that name a condition or coverage topic in catalog conditions («anualidad»)."""
    if topic == "delivery":
        names = _data()["delivery_names"]
        assert isinstance(names, list)
        return tuple(str(n) for n in names)
    if topic in _coverage():
        return _coverage()[topic][1]
    return _conditions()[topic][1]


@lru_cache(maxsize=8192)
def _norm(text: str) -> str:
    return normalize(text[:MAX_CHARS])


@lru_cache(maxsize=8192)
def extract(text: str) -> tuple[Claim, ...]:
    """Every claim about the offer in one agent turn, in the order of the lexicon."""
    norm = _norm(text)
    out: list[Claim] = []
    for kind, pattern in _promises().items():
        # «nadie va a ir a la cárcel», «no le garantizo que…»: a denied promise is no promise.
        match = affirmed(pattern, text) if pattern.search(norm) else None
        if match:
            out.append(Claim("promise", kind, match.group(0)))
    for topic, (pattern, _names) in _conditions().items():
        match = pattern.search(norm)
        # «Ninguno de los dos es sin deducible»: a condition said absent only to deny it, within
        # its clause, is no claim (a match across clauses stays as it was read)
        if match and any(pattern.search(c) for c in clauses(text)):
            match = affirmed(pattern, text)
        if match:
            out.append(Claim("condition_absent", topic, match.group(0)))
    for topic, (pattern, _catalog) in _present().items():
        match = affirmed(pattern, text) if pattern.search(norm) else None
        if match:
            out.append(Claim("condition_present", topic, match.group(0)))
    for topic, (pattern, _names) in _coverage().items():
        # «Aunque ya tenga diabetes, se la cubre» spans a comma: read the whole turn too — but
        # only then: inside one clause its own denial decides («Sí, claro. No cubre
        # preexistentes»: without punctuation the «sí» would read as a conditional «si»).
        whole = pattern.search(norm)
        in_clause = whole is not None and any(pattern.search(c) for c in clauses(text))
        match = (
            affirmed(pattern, text)
            if in_clause
            else (whole if whole and not negated(norm, whole.start()) else None)
        )
        if match:
            out.append(Claim("coverage", topic, match.group(0)))
    match = _pattern("delivery").search(norm)
    if match and not _pattern("delivery_not_product").search(norm):
        out.append(Claim("delivery", "delivery", match.group(0)))
    match = _pattern("discount").search(norm)
    if match:
        out.append(Claim("discount", "discount", match.group(0)))
    match = _pattern("gift").search(norm)
    if match:
        out.append(Claim("gift", "gift", match.group(0)))
    return tuple(out)


def amount_about_other(clause: str) -> bool:
    """The clause around an amount is about something other than the offer's price (a surgery,
    the customer's bill, a saving, a debt, an example): such an amount is never a price claim."""
    return _pattern("other_amount_context").search(_norm(clause)) is not None


def example_cost(before: str) -> bool:
    """The words before an amount give the cost of an example event («si una cirugía le cuesta»):
    the amount is an illustration, not a price of the offer."""
    return _pattern("example_cost").search(_norm(before).rstrip()) is not None


@lru_cache(maxsize=4096)
def instalment_totals(text: str) -> frozenset[float]:
    """Totals of the instalment plans a text states: «12 pagos mensuales de 870» → 10,440. Such a
    total («en mensualidades el año sale en 10,440») is the plan's own arithmetic, not a price."""
    found = [s for s in segments(text[:MAX_CHARS]) if s.value]
    out = set()
    for count, amount in zip(found, found[1:], strict=False):
        assert count.value is not None and amount.value is not None
        if not (1 < count.value <= MAX_INSTALMENTS and count.value.is_integer()):
            continue
        gap = _norm(text[count.end : amount.start])
        if _pattern("instalment_gap").search(gap):
            out.add(count.value * amount.value)
    return frozenset(out)


def not_a_price(words: str) -> bool:
    """A few words next to an amount name something other than a price (a deductible, a cap, a
    credit line, savings, a debt, a coverage amount)."""
    return _pattern("not_a_price").search(_norm(words)) is not None


def says_absent(topic: str, condition_text: str) -> bool:
    """A catalog condition says ``topic`` is absent, in the topic's own words when it has them
    («Conserva su número») or with a plain negation («Sin plazo forzoso»)."""
    own = _present().get(topic, (None, None))[1]
    if own is not None and own.search(_norm(condition_text)):
        return True
    return states_absent(condition_text)


def _plain(text: str) -> str:
    """The normalized text without the idioms that share a condition's word («me hago cargo de
    su caso» names no fee)."""
    return _pattern("name_idioms").sub(" ", _norm(text))


def names_condition(text: str, topic: str) -> bool:
    """The text names the condition or coverage ``topic`` (a name at the start of a word, outside
    the idioms that merely share it: «me encargo», «me hago cargo» are no «cargo»)."""
    plain = _plain(text)
    return any(
        re.search(r"(?<![a-z0-9])" + re.escape(name), plain) for name in condition_names(topic)
    )


def states_condition(text: str) -> bool:
    """A sentence states a condition of the offer (a forced term, a penalty, a price that rises
    after some months, a deferred charge, a fee): what «sin letras chiquitas» denies."""
    return _pattern("stated_condition").search(_plain(text)) is not None


def states_absent(condition_text: str) -> bool:
    """A catalog condition that itself says the condition is absent («sin anualidad»)."""
    return (
        re.search(
            r"\b(?:sin|no|cero|gratis|exent[oa]|bonificad[oa]|ningun[oa]?|nunca)\b",
            _norm(condition_text),
        )
        is not None
    )


# appended to simulator/analysis/claims.py


_UNITS = (("minuto", 1 / 60), ("hora", 1.0), ("dia", 24.0), ("semana", 168.0), ("mes", 720.0))
_WORD_NUMBERS = {
    "un": 1,
    "una": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "doce": 12,
    "quince": 15,
    "veinte": 20,
    "treinta": 30,
    "cuarenta": 40,
    "cuarenta y ocho": 48,
    "setenta y dos": 72,
    "media": 0.5,
}
_NUM = r"(\d+(?:\.\d+)?|cuarenta y ocho|setenta y dos|" + "|".join(_WORD_NUMBERS) + r")"
_UNIT = r"(minutos?|horas?|dias?(?: habiles)?|semanas?|mes(?:es)?)"
_RANGE = re.compile(rf"\b{_NUM} (?:a|y) {_NUM} {_UNIT}")
_MAX = re.compile(
    rf"\b(?:maximo(?: de)?|hasta|a mas tardar(?: en)?|dentro de|menos de) {_NUM} {_UNIT}"
)
_MIN = re.compile(rf"\b(?:al menos|minimo(?: de)?|por lo menos|mas de) {_NUM} {_UNIT}")
_ONE = re.compile(rf"\b{_NUM} {_UNIT}")
_NEXT_DAY = re.compile(
    r"\b(?:(?:al )?dia (?:habil )?siguiente|siguiente dia(?: habil)?|un dia habil)\b"
)
_SAME_DAY = re.compile(
    r"\b(?:hoy mismo|el mismo dia|en este momento|ahorita|al momento|de inmediato|"
    r"inmediatamente|al instante|en un rato|en unos minutos|hoy)\b"
)
_TOMORROW = re.compile(r"\bmanana\b")
SAME_DAY_PROMISE_HOURS = 4.0


def _number(word: str) -> float:
    return float(word) if word[0].isdigit() else float(_WORD_NUMBERS.get(word, 0))


def _unit(word: str) -> float:
    return next(hours for name, hours in _UNITS if word.startswith(name))


@lru_cache(maxsize=1024)
def duration_window(condition: str) -> tuple[float, float] | None:
    """The time a catalog condition gives for a delivery, installation, visit, refund or payment
    to happen, as (at least, at most) hours, or None when it gives none. Only conditions about
    such an event count (``delivery_names``): «El primer pago debe hacerse en 5 días» is a
    deadline, not a delivery time."""
    norm = _norm(condition)
    if not any(name in norm for name in condition_names("delivery")):
        return None
    if _NEXT_DAY.search(norm):  # before ranges: «de 9 a 13 horas, al día hábil siguiente»
        return 24.0, 24.0
    if match := _RANGE.search(norm):
        unit = _unit(match.group(3))
        return _number(match.group(1)) * unit, _number(match.group(2)) * unit
    if match := _MIN.search(norm):
        return _number(match.group(1)) * _unit(match.group(2)), float("inf")
    if match := _MAX.search(norm):
        return 0.0, _number(match.group(1)) * _unit(match.group(2))
    if match := _ONE.search(norm):
        hours = _number(match.group(1)) * _unit(match.group(2))
        return hours, hours
    return None


@lru_cache(maxsize=1024)
def promised_hours(span: str) -> float | None:
    """The hours a delivery claim promises («en media hora» 0.5, «hoy mismo» a few, «mañana» 24,
    «en 3 días» 72), or None when it says no time."""
    norm = _norm(span)
    if match := _ONE.search(norm):
        return _number(match.group(1)) * _unit(match.group(2))
    if _SAME_DAY.search(norm):
        return SAME_DAY_PROMISE_HOURS
    if _TOMORROW.search(norm):
        return 24.0
    return None


def qualified(text: str) -> bool:
    """The claim limits itself in time («el primer año no paga anualidad», «por seis meses»)."""
    return _pattern("qualifiers").search(_norm(text)) is not None


def excludes(condition: str) -> bool:
    """A catalog condition that excludes or delays a coverage («No cubre…», «Periodo de espera…»)."""
    return _pattern("exclusion").search(_norm(condition)) is not None


def offers_discount(text: str) -> bool:
    """A catalog text that offers a discount, a promotion or a compensation."""
    return _pattern("catalog_discount").search(_norm(text)) is not None
