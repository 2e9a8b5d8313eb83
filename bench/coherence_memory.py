"""Detectors of the customer's call memory for ``bench_coherence.py`` (blind panel J, session 17).

Split from ``bench_coherence.py`` (size). Three faults the panel noted that no detector saw:

* ``filler_reused``: a stock phrase of glue («fíjese que», «o sea», «tal cual», «Léamelo de
  regreso», «me distraje con la tele») said again in a later line of the same call;
* ``unmentioned_referent``: a person or an event referred to as known («Mi hijo va a estar
  contento», «Ojalá que ahora sí lo guarden», «por lo que me pasó el año pasado») that nobody
  mentioned earlier in the call;
* ``greeting_after_intro``: a greeting after the customer said who it is («Con Jorge…, mucho
  gusto. Hola, buenas.»), or a first line that opens with «o sea» (nothing before it).

Our own phrase lists (normalized, no accents); mechanical, so a replay figure, not a verdict.
"""

from __future__ import annotations

import re

from simulator.language.normalize import normalize

GLUE = (
    "fijese que",
    "o sea",
    "tal cual",
    "leamelo de regreso",
    "confirmemelo",
    "apuntelo bien",
    "me distraje con la tele",
    "ahi lo tiene",
    "si me oyo bien",
    "hay mucho ruido",
    "como le comentaba hace ratito",
    "le platico como esta la cosa",
)
_PERSON = r"(hijo|hija|hijos|esposa|esposo|pareja|mama|papa|nietos|ninos|hermano|hermana)"
_PERSON_FRAME = re.compile(
    rf"\bmi {_PERSON} (?:va a estar|me dice|me dijo|va a|le va a|ya me|siempre)"
)
_SHE = re.compile(r"\b(?:con ella|revisarlo con ella|lo reviso con ella|consultarlo con ella)\b")
_FEMALE = re.compile(r"\b(?:esposa|mama|hija|pareja|hermana|senora|suegra|ella)\b")
# events referred to as known, and what must have been said for them to be
EVENTS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"\bahora si lo guarden\b|\bahora si (?:me )?lo registren\b"),
        re.compile(r"ya se lo habia|ya se los habia|no lo guardaron|no lo anotaron|lo perdieron"),
    ),
    (
        re.compile(r"\blo que me paso\b"),
        re.compile(r"\bano pasado\b|\bme chocaron\b|\bme paso\b|\bme operaron\b|\boperaron\b"),
    ),
    (
        re.compile(r"\bcomo la otra vez\b|\besta vez si\b"),
        re.compile(
            r"\bla otra vez\b|\bla ultima vez\b|\btardaron\b|\bno llegaron\b|\bvarias veces\b"
        ),
    ),
)
_GREETING = re.compile(r"\b(?:hola|buenas|buenos dias|buen dia|que tal)\b")
_INTRO = re.compile(r"^(?:\w+ )?(?:con|soy|habla|mi nombre es) [a-z]+ [a-z]+|\bmucho gusto\b")


def _customer_before(turns: list[tuple[str, str]], index: int) -> list[str]:
    return [normalize(t) for s, t in turns[:index] if s == "customer"]


def filler_reused(turns: list[tuple[str, str]], index: int) -> bool:
    """A glue phrase of this line was said in an earlier customer line of the call."""
    said = f" {normalize(turns[index][1])} "
    before = f" {' '.join(_customer_before(turns, index))} "
    return any(f" {g} " in said and f" {g} " in before for g in GLUE)


def unmentioned_referent(turns: list[tuple[str, str]], index: int) -> bool:
    """A person or an event referred to as known that nobody mentioned before in the call."""
    said = normalize(turns[index][1])
    before = " ".join(normalize(t) for _, t in turns[:index])
    person = _PERSON_FRAME.search(said)
    if person and not re.search(rf"\b{person.group(1)[:4]}", before):
        return True
    if _SHE.search(said) and not _FEMALE.search(before):
        return True
    return any(ref.search(said) and not need.search(before) for ref, need in EVENTS)


def greeting_after_intro(turns: list[tuple[str, str]], index: int) -> bool:
    """The customer greets after saying who it is, or opens its first line with «o sea»."""
    said = normalize(turns[index][1])
    first = not _customer_before(turns, index) or all(
        len(t.split()) <= 2
        for t in _customer_before(turns, index)  # «¿Bueno?» picked up
    )
    if first and said.startswith("o sea"):
        return True
    greeting = _GREETING.search(said)
    intro = _INTRO.search(said)
    return bool(greeting and intro and intro.start() < greeting.start())


DETECTORS = {
    "filler_reused": filler_reused,
    "unmentioned_referent": unmentioned_referent,
    "greeting_after_intro": greeting_after_intro,
}
