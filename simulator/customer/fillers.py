"""A persona's fillers, rationed over the call.

A filler said on line after line sounds like a tic, and the same «o sea» or «fíjese» in every
reply of a call reads as template glue (blind panel J: «Fíjese que sí, justamente…» twice,
«O sea, con Jorge Alberto…» as the first words of a call). Each filler of the persona is said
once a call at most (kept in ``state.play``), and a filler that refers back to something said
(``first_line_no_filler`` in es/mouth.yaml: «o sea») never opens the customer's first line (nor
the first after it picked up with «¿Bueno?»).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from simulator.customer.mouth_lines import glue
from simulator.customer.state import CustomerState
from simulator.language.normalize import normalize
from simulator.models.content import Persona

SPENT = "fillers_spent"  # ``state.play``: the fillers said in this call, «|»-joined
_SEP = "|"

Filler = Callable[..., str]


def spent(state: CustomerState) -> frozenset[str]:
    """The persona fillers already said in this call."""
    return frozenset(x for x in state.play.get(SPENT, "").split(_SEP) if x)


def _core(filler: str) -> str:
    return normalize(filler).strip(" .,…?¿")


def _first_line_banned(persona: Persona) -> frozenset[str]:
    banned = {_core(x) for x in glue().get("first_line_no_filler", [])}
    return frozenset(f for f in persona.speech.fillers if _core(f) in banned)


def add(
    filler: Filler,
    line: str,
    persona: Persona,
    rng: random.Random,
    proper: set[str],
    state: CustomerState,
    gap: int,
) -> str:
    """``line`` with a filler of the persona (by ``filler``, the mouth's ``_filler``) that this
    call has not heard yet; the filler said is marked spent."""
    done = spent(state)
    opening = normalize(line)
    own = {f for f in persona.speech.fillers if _core(f) and opening.startswith(_core(f))}
    if own:  # the line opens with the filler itself («a ver, antes de seguir…»): said, not added
        state.play[SPENT] = _SEP.join(sorted(spent(state) | own))
        done |= own
    if len(state.used_texts) <= 1:  # the first line, or the first after «¿Bueno?»
        done |= _first_line_banned(persona)
    out: str = filler(line, persona, rng, proper, state.used_texts[-gap:], done)
    if out == line:
        return out
    said = normalize(out).rstrip(" ?")  # a filler asked at the end («…, ¿sí me entiende?»)
    plain = normalize(line).rstrip(" ?")
    for f in persona.speech.fillers:
        core = _core(f)
        if (
            core
            and f not in done
            and (
                (said.startswith(core) and not plain.startswith(core))
                or (said.endswith(core) and not plain.endswith(core))
            )
        ):
            state.play[SPENT] = _SEP.join(sorted(spent(state) | {f}))
            break
    return out
