"""Where a capture field's words stand in an agent turn, and whether they ask for the datum.

Split from ``cues`` (which reads the aliases and the ``field_frame`` table of ``es/brain.yaml``):
«¿cuánto ocupa en su teléfono?», «¿lo vio en su estado de cuenta?», «¿cómo usa su celular?» name
the thing, not the datum, and had the customer dictate a phone or an account nobody asked for
(blind probes, session 19); «¿en qué fecha…?», «el número de su teléfono» still ask for it.
"""

from __future__ import annotations

from typing import Any


def spans(norm_text: str, keywords: list[str]) -> list[tuple[int, int]]:
    """Where whole-word matches of the keywords are in a normalized text."""
    padded = f" {norm_text} "
    spans = []
    for key in keywords:
        if not key:
            continue
        start = padded.find(f" {key} ")
        while start >= 0:
            spans.append((start, start + len(key)))
            start = padded.find(f" {key} ", start + 1)
    return spans


def names_the_datum(padded: str, start: int, end: int, frame: dict[str, Any]) -> bool:
    """Whether the field word at ``padded[start:end]`` names the datum and not the thing: not
    after a preposition unless a data noun heads it («en su teléfono», «del teléfono» name the
    device; «el número de su teléfono» asks for it), never inside an idiom («se dio cuenta»)."""
    for idiom in frame.get("idioms", []):
        at = padded.find(f" {idiom} ")
        while at >= 0:
            if at <= start and end <= at + len(idiom) + 2:
                return False
            at = padded.find(f" {idiom} ", at + 1)
    before = padded[:start].split()
    if _given_by_agent(before, frame):
        return False  # «¿prefiere que le diga el monto?»: the agent gives it, nobody asks for it
    asking = frame.get("asking", [])
    first = padded[start:end].split()[:1]
    if (before and before[-1] in asking) or (first and first[0] in asking):
        return True  # «¿en qué fecha…?», «¿a qué correo…?»: the datum asked for
    if before and before[-1] in frame.get("determiners", []):
        before = before[:-1]
    if before and before[-1] == "usted":
        before = before[:-1]
    if before and before[-1] in frame.get("thing_verbs", []):
        return False  # «¿cómo usa usted su celular?»: the device
    if len(before) > 1 and before[-1] == "a" and before[-2] in frame.get("destination_verbs", []):
        return False  # «para que le llegue a su domicilio»: where it goes, not the datum asked
    if not before or before[-1] not in frame.get("prepositions", []):
        return True
    return len(before) > 1 and before[-2] in frame.get("data_heads", [])


def _given_by_agent(before: list[str], frame: dict[str, Any]) -> bool:
    """Whether the noun phrase ending at the field word is the object of «le digo / le doy /
    le explico…» («le doy el número de cuenta»): the agent offers the datum."""
    skip = set(frame.get("determiners", [])) | set(frame.get("data_heads", []))
    skip |= set(frame.get("prepositions", [])) | {"usted"}
    at = len(before)
    while at > 0 and before[at - 1] in skip and len(before) - at < 4:
        at -= 1
    return (
        at > 1
        and before[at - 1] in frame.get("giving_verbs", [])
        and before[at - 2] in ("le", "les")
    )
