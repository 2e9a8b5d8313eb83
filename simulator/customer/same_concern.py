"""A need that is the objection just settled is not raised again in the same reply.

The lead's play (session 19, retention call): «Está bien, sin cambiar de número y sin plazo, me
quedo. Ya tengo una oferta de la competencia, mucho más barata.» The competitor objection was
settled by the agent's answer, and in the same breath the customer told the need that is the
same concern (the competitor's cheaper plan) as if it were new. A need and an objection are the
same concern when what answers them overlaps (the need's ``benefit_keywords`` and the
objection's ``resolve_keywords`` share at least ``SHARED`` entries, scenario data): after the
objection is settled, that need counts as told and its statement goes from the reply.
"""

from __future__ import annotations

from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

SHARED = 2  # answers in common that make a need and an objection one concern


def _keywords(words: list[str]) -> set[str]:
    return {normalize(w) for w in words}


def same_concern(t: Turn, need_id: str, objection_id: str) -> bool:
    need = next((n for n in t.scenario.needs if n.id == need_id), None)
    objection = next((o for o in t.scenario.objections if o.id == objection_id), None)
    if need is None or objection is None:
        return False
    shared = _keywords(need.benefit_keywords) & _keywords(objection.resolve_keywords)
    return len(shared) >= SHARED


def drop_settled_needs(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The reply without need statements of the concern an ``objection_softened`` piece of it
    settles; such a need is marked told (it is never raised later as news)."""
    settled = [i.ref for i in intents if i.name == "objection_softened" and i.ref]
    if not settled:
        return intents
    kept: list[Intent] = []
    for intent in intents:
        ref = intent.ref
        if (
            intent.name == "need_statement"
            and ref
            and any(same_concern(t, ref, o) for o in settled if o)
        ):
            if ref not in t.s.revealed_needs:
                t.s.revealed_needs.append(ref)
            continue
        kept.append(intent)
    return kept or intents
