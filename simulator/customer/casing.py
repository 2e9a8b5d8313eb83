"""Upper and lower case where the mouth joins parts of a reply.

A reply is made of parts from different banks («Mmm…» + «es Avenida Universidad 845» + «el 5»):
a part that continues the sentence starts lowercase (unless it is a name), and a part that starts
a new sentence starts uppercase even when its bank line or value began lowercase («joven. el 5.»
read as a typo to panel u).
"""

from __future__ import annotations

import re

SHORT_LEAD_IN = 3  # words: «Mmm…», «Pues mire…» are lead-ins, a long sentence with «…» is not
OPENERS = "¿¡«\"'(— "
_WORD = re.compile(r"[\w-]+")


def joins_lowercase(previous: str, lead_in: bool) -> bool:
    """The next part continues the sentence: after a comma, or after a short lead-in with «…»."""
    previous = previous.rstrip()
    if previous.endswith((",", ":", ";")):
        return True
    if previous.endswith(("…", "...")):
        return lead_in or len(previous.split()) <= SHORT_LEAD_IN
    return False


def decapitalize(text: str, proper: set[str]) -> str:
    """Lowercase the first word unless it is a proper noun, an acronym or mixed case (WhatsApp)."""
    start = len(text) - len(text.lstrip(OPENERS))
    match = _WORD.match(text, start)
    if match is None:
        return text
    word = match.group(0)
    if word.lower() in proper or any(c.isupper() for c in word[1:]) or word[:1].isdigit():
        return text
    if any(text[start:].lower().startswith(name) for name in proper if " " in name):
        return text  # a whole name: «Internet Veloz me llamó»
    return f"{text[:start]}{word[:1].lower()}{text[start + 1 :]}"


_EMAIL_START = re.compile(r"[\w.+-]+@")


def capitalize(text: str) -> str:
    """The first letter after any opening marks in uppercase («el 5.» → «El 5.»)."""
    start = len(text) - len(text.lstrip(OPENERS))
    if _EMAIL_START.match(text[start:]):
        return text  # «marco.reyes.f@gmail.com.» is dictated as it is written
    if start < len(text) and text[start].islower():
        return f"{text[:start]}{text[start].upper()}{text[start + 1 :]}"
    return text
