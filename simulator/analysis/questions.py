"""The questions a typed turn marks with «¿…?», found by one rule shared by every reader.

The customer (its licences, the form of its answer, the needs a question probes) and the scorer
(what a turn asked) each looked for «¿…?» with a regex of their own; they differed at the edges
(an empty «¿?», a «¿» opened inside another question). This module is the one place that says
what a marked question is: from an opening «¿» to the next «?», with no other «¿» inside.
"""

from __future__ import annotations

import re

# «¿…?»: the body between the marks, without a second opening mark inside
MARKED = re.compile(r"¿([^?¿]*)\?")
# How much of a turn is read for its questions (turns are capped far below this elsewhere).
READ_CHARS = 4000


def marked(text: str, limit: int = READ_CHARS) -> list[str]:
    """The turn's marked questions as written, marks included, in order."""
    return [m.group(0) for m in MARKED.finditer(text[:limit])]


def bodies(text: str, limit: int = READ_CHARS) -> list[str]:
    """What each marked question asks, without its marks (an empty «¿?» is left out)."""
    return [b for b in MARKED.findall(text[:limit]) if b.strip()]


def count(text: str, limit: int = READ_CHARS) -> int:
    """How many questions the turn marks."""
    return len(marked(text, limit))


def without(text: str, limit: int = READ_CHARS, fill: str = " ") -> str:
    """The turn with its marked questions taken out (what it states, not what it asks)."""
    return MARKED.sub(fill, text[:limit])
