"""The customer's own «no sé» on a slot stays said: a value it gives later is a recollection.

Blind panel N (session 21): «Eso, la verdad, no sabría decirle» to what the other company offers
and, four turns on, «Me ofrecieron un plan de 299 en otra compañía» (ub-06); «Pues la verdad,
ninguna» to what worries it and later a strong fear of debt (ud-04). The later value is often the
scenario's truth (the objection the call is built on), so it is not held back; what was missing
is the memory of having said «no sé». Each reply is read against the agent's question it answers
(``es/referents.yaml`` ``slots``): a slot asked and answered with a «no sé» and without its value
is noted ``none`` in ``state.play`` (``slot:<name>``); the first later sentence that states the
slot's value is said as remembered («Ah, ahora que me acuerdo, me ofrecieron…») and the slot is
``told`` from then on.
"""

from __future__ import annotations

import re
from functools import cache

from simulator.customer import referents
from simulator.customer.casing import capitalize
from simulator.customer.state import CustomerState
from simulator.language.normalize import normalize

PREFIX = "slot:"
AGENT_TEXT = "agent_text"  # presuppose.AGENT_TEXT: the agent's last turn
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")


@cache
def _slots() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]:
    table = referents.config().get("slots", {}) or {}
    common = [str(m) for m in referents.config().get("recalled", [])]
    return tuple(
        (
            str(name),
            tuple(normalize(str(p)) for p in rule.get("asked", [])),
            tuple(normalize(str(p)) for p in rule.get("stated", [])),
            tuple(str(m) for m in rule.get("recalled", common)),
        )
        for name, rule in table.items()
    )


@cache
def _none_words() -> tuple[str, ...]:
    return tuple(normalize(str(p)) for p in referents.config().get("none_words", []))


def _has(text: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {normalize(text)} "
    return any(p and f" {p} " in padded for p in phrases)


def mark(text: str, state: CustomerState) -> str:
    """The reply ``text`` with a value given after its «no sé» said as remembered; notes the
    slots this reply answered."""
    agent = state.play.get(AGENT_TEXT, "")
    for name, asked, stated, markers in _slots():
        key = PREFIX + name
        if not _has(text, stated):
            if _has(agent, asked) and _has(text, _none_words()) and not state.play.get(key):
                state.play[key] = "none"
            continue
        if state.play.get(key) == "none":
            text = _recalled(text, stated, markers, state.turn)
        state.play[key] = "told"
    return text


def _recalled(text: str, stated: tuple[str, ...], markers: tuple[str, ...], turn: int) -> str:
    if not markers:
        return text
    marker = markers[turn % len(markers)]
    pieces = _SENTENCE.findall(text)
    for index, piece in enumerate(pieces):
        if _has(piece, stated):
            lead = piece[: len(piece) - len(piece.lstrip())]
            body = piece.lstrip()
            pieces[index] = f"{lead}{marker} {body[:1].lower()}{body[1:]}"
            return capitalize("".join(pieces))
    return text
