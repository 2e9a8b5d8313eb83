"""When a hold or the return from one gets its own words in the customer's reply.

Blind panel M (session 19) heard «Sí, aquí estoy» / «Sí, sigo aquí» when the agent had come back
from the hold with a question or with two offers (the reply ignored them), and «Está bien,
espero» to «Permítame, no se vaya todavía… ¿desde cuándo está sin servicio?», which asked for an
answer, not a wait. A reply piece that presupposes a hold needs it in the agent's last turn: the
return is acknowledged only when the turn brings nothing else to answer, and a hold request only
when the turn asks no other question (``es/holds.yaml``).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from simulator.customer import cues
from simulator.customer.turn import Turn
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize


@cache
def config() -> dict[str, Any]:
    data = resource_yaml("simulator.customer", "es/holds.yaml")
    return data if isinstance(data, dict) else {}


@cache
def _wait_words() -> tuple[str, ...]:
    return tuple(normalize(str(w)) for w in config().get("wait_words", []))


def _asks_wait(question: str) -> bool:
    padded = f" {question} "
    return any(f" {w} " in padded for w in _wait_words())


def other_questions(text: str) -> list[str]:
    """The questions of the turn that ask something else than the wait."""
    return [q for q in cues.question_sentences(text) if not _asks_wait(q)]


def bare_return(t: Turn) -> bool:
    """The agent's return brings nothing to answer but itself («Gracias por esperar.»)."""
    quiet = set(config().get("bare_return_acts", []))
    return not (t.acts - quiet) and not other_questions(t.text)


def time_asked(t: Turn) -> bool:
    """A «hold request» that only asks for the customer's time to talk («Le llamo porque…
    ¿Me permite unos minutos?»): the customer gives its time, it waits for nothing."""
    if "hold_request" not in t.acts or other_questions(t.text) or wait_asked(t):
        return False
    return cues.contains_any(
        " ".join(cues.question_sentences(t.text)), cues.phrases("time_permission")
    )


def wait_asked(t: Turn) -> bool:
    """The turn asks the customer to wait, and nothing else to answer now: not for its time
    («¿Me permite unos minutos?» after «le llamo porque…», blind panel M va-04: «¿Qué va a
    revisar?») unless it says what it will check or that the line is held."""
    if "hold_request" not in t.acts or other_questions(t.text):
        return False
    asked = " ".join(cues.question_sentences(t.text))
    if not cues.contains_any(asked, cues.phrases("time_permission")):
        return True
    return cues.contains_any(t.norm, [normalize(w) for w in config().get("hold_words", [])])
