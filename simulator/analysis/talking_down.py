"""The agent talking down to the customer, read by structure (``language/es/talking_down.yaml``).

Why: the disrespect lexicon of ``conduct.yaml`` lists what the project's own calls said, and
outside wordings of the same offence («usted debió revisar su estado de cuenta», «¡qué listo!»,
«por cien pesos tanto escándalo») slipped past it. This module reads the shapes such lines share —
second-person hindsight blame, orders to be quiet, sarcasm markers, shrinking the problem,
comparisons with «other customers», brushing the customer off — over word classes, so new
wordings of the same shape are caught. A match that its clause denies («no es su culpa») is none,
and an order said with a courtesy cue («le pido por favor que no me interrumpa») is a limit, not
silencing. ``conduct.disrespect_kind`` asks this module last, so the simulated customer and the
scorer read the same thing.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from simulator.analysis.lexicon import compile_list, load_yaml
from simulator.language.normalize import MAX_CHARS, normalize

LEXICON = "talking_down.yaml"
KINDS = ("silencing", "mockery", "condescension", "blame", "hang_up", "pressure")
# Words before a match that a courtesy cue may sit in («le voy a pedir que ya no me interrumpa»).
COURTESY_WINDOW = 6
# Words that deny what follows within the same clause («nadie dice que sea su culpa»).
_NEGATORS = frozenset({"no", "nadie", "nunca", "jamas", "tampoco", "ni"})
NEGATION_WINDOW = 3
_CLAUSE_BREAK = re.compile(r"[.,;:!?¿¡\n]+")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_yaml(LEXICON)
    classes = {str(k): str(v) for k, v in data["classes"].items()}
    out = {kind: compile_list(data[kind] or ["(?!x)x"], classes) for kind in KINDS}
    out["courtesy"] = compile_list(data["courtesy"])
    tone = data["tone"]
    out["tone:strong"] = compile_list(tone["strong"])
    out.update({f"tone:{k}": compile_list(v) for k, v in tone.items() if k != "strong"})
    return out


def tone(norm: str) -> bool:
    """Small cues of talking down that combine (``tone`` in the lexicon): one strong cue, or
    cues of two different groups in the turn («ya se lo expliqué mil veces»: repeated +
    exasperated). A cue its clause denies does not count."""
    patterns = _patterns()
    groups = 0
    for key, pattern in patterns.items():
        if not key.startswith("tone:"):
            continue
        match = next(
            (m for m in pattern.finditer(norm) if not _denied(norm, m.start(), m.group(0))), None
        )
        if match is None:
            continue
        if key == "tone:strong":
            return True
        groups += 1
    return groups >= 2


def _denied(norm: str, start: int, match: str) -> bool:
    """A negator just before the match denies it — unless the pattern holds its own negation
    («si no sabe…», «el que no sabe… es usted»: a «no» before it is emphasis, «no, pues…»)."""
    if _NEGATORS.intersection(match.split()):
        return False
    before = norm[:start].split()[-NEGATION_WINDOW:]
    return any(word in _NEGATORS for word in before)


def _courteous(norm: str, start: int) -> bool:
    before = " ".join(norm[:start].split()[-COURTESY_WINDOW:])
    return _patterns()["courtesy"].search(before) is not None


@lru_cache(maxsize=8192)
def kind(text: str) -> str | None:
    """The kind of talking down in an agent turn (``silencing``, ``mockery``, ``condescension``,
    ``blame``, ``hang_up``), or None."""
    norm = normalize(text[:MAX_CHARS])
    if not norm:
        return None
    # the whole turn, then each clause: a «no» that closes one clause («el sistema no se
    # equivoca; el que…») must not deny the next
    parts = [normalize(c) for c in _CLAUSE_BREAK.split(text[:MAX_CHARS])]
    for part in [norm, *(p for p in parts if p and p != norm)]:
        found = _kind_in(part)
        if found is not None:
            return found
    return "condescension" if tone(norm) else None


def _kind_in(norm: str) -> str | None:
    patterns = _patterns()
    for name in KINDS:
        pos = 0
        # every start position: a denied match must not hide an overlapping one («no puede ser,
        # ¿en serio no sabe ni desconectar…?»)
        while (match := patterns[name].search(norm, pos)) is not None:
            pos = match.start() + 1
            if _denied(norm, match.start(), match.group(0)):
                continue
            if name == "silencing" and _courteous(norm, match.start()):
                continue
            return name
    return None
