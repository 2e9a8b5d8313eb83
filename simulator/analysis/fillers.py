"""Muletillas: filler words and tag questions in agent speech ("este…", "o sea", "¿verdad?").

QA forms penalise fillers per 100 words; "este" counts only when it is not a demonstrative
("este plan"), and "¿no?"/"¿verdad?" only as tags at the end of a clause.
"""

from __future__ import annotations

import re

from simulator.analysis.lexicon import filler_patterns
from simulator.language.normalize import MAX_CHARS, fold, normalize

_ESTE_PAUSE = re.compile(r"\beste\s*(?:,|\.\.\.|…|-)")


def fillers(text: str) -> int:
    """Number of fillers (muletillas) in ``text``."""
    if not text:
        return 0
    text = text[:MAX_CHARS]
    always, tags = filler_patterns()
    norm = normalize(text)
    count = len(always.findall(norm))
    # "este," / "este..." in written text is a filler whatever follows.
    for m in _ESTE_PAUSE.finditer(fold(text)):
        after = normalize(text[m.end() : m.end() + 40]).split()
        if after and always.match(f"este {after[0]}"):
            continue  # already counted by the lexicon
        count += 1
    count += len(tags.findall(norm))
    if not any(ch in text for ch in "?¿") and re.search(r"[a-z] (?:verdad|me explico)$", norm):
        count += 1
    return count


def said(text: str) -> list[str]:
    """The fillers of ``text`` as said (normalized: «pues», «este», «o sea», «verdad»), one entry
    per occurrence, so a tip can name the ones the agent used (blind panel P sb-01 T5: «este…»
    named to an agent who said «pues» and «ajá»)."""
    if not text:
        return []
    text = text[:MAX_CHARS]
    always, tags = filler_patterns()
    norm = normalize(text)
    found = [m.group(0).strip(" ?") for m in always.finditer(norm)]
    if _ESTE_PAUSE.search(fold(text)) and "este" not in found:
        found.append("este")
    found += [f"¿{m.group(0).strip(' ?')}?" for m in tags.finditer(norm)]
    return [f for f in found if f]
