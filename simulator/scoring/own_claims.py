"""The agent contradicts its own earlier words about the offer.

Why: an imported call has no catalog, so «no tiene intereses» cannot be checked against the
product's conditions — but a QA lead needs no catalog when the agent said «la tasa anual es de
49 %» two turns before, or confirmed «exactamente, 15 euros todos los meses» and then, pressed by
the customer, admitted «no exactamente, eso es durante el primer año». The agent's own earlier
statements are the conditions the later claim is checked against. Two checks:

- ``contradicted``: a condition said to be absent («sin ninguna penalización», «no tiene
  intereses») after an earlier statement of the agent that names it («plazo forzoso de 12
  meses», «tasa anual de 49 %»). Statements about other companies or questions do not count.
- ``retracted``: an absolute the agent confirmed when asked («¿siempre 299?» — «sí, siempre») and
  later took back only because the customer asked again («bueno, en realidad es solo el primer
  año»). The confirmation is the false statement. A correction the agent volunteers at once («me
  corrijo: son 399 los tres primeros meses») is accurate information, not an error.
"""

from __future__ import annotations

import re

from simulator.analysis import claims
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+")
# How far back a confirmation may be from the turn that takes it back (agent turns).
RETRACT_WINDOW = 3


def _statements(ctx: CallContext, before: int) -> list[tuple[int, str]]:
    """The agent's sentences before turn ``before`` that state something (not questions)."""
    out = []
    for n in ctx.agent_turns:
        if n >= before:
            break
        for sentence in _SENTENCE_END.split(ctx.text(n)):
            if sentence.strip() and not sentence.rstrip().endswith("?"):
                out.append((n, sentence.strip()))
    return out


def contradicted(ctx: CallContext, a: int) -> tuple[str, int, str] | None:
    """(what was said, the earlier turn, the earlier sentence) when agent turn ``a`` says a
    condition is absent that the agent itself stated earlier in the call; else None."""
    text = ctx.text(a)
    found = [c for c in claims.extract(text) if c.kind == "condition_absent"]
    if not found:
        return None
    statements = _statements(ctx, a)
    for claim in found:
        for n, sentence in reversed(statements):
            if not claims.names_condition(sentence, claim.topic):
                continue
            if claims.states_absent(sentence) or claims.amount_about_other(sentence):
                continue  # «sin plazo forzoso» agrees; «otras compañías le cobran…» is not ours
            if claims.qualified(text):
                break  # «sin anualidad el primer año» limits itself, as the earlier words did
            return claim.span, n, tx.quote(sentence)
    return None


def _pattern(name: str) -> re.Pattern[str]:
    return tx.cue(name)


def _confirms_absolute(ctx: CallContext, a: int) -> bool:
    """Agent turn ``a`` answers with a yes a customer question that asks for an absolute
    («¿15 euros todos los meses?», «¿siempre 299?»)."""
    asked = a - 1
    if asked < 1 or ctx.speaker(asked) != "customer" or "?" not in ctx.text(asked):
        return False
    return bool(
        _pattern("asked_absolute").search(ctx.folded[asked - 1])
        and _pattern("confirms").match(ctx.folded[a - 1].strip())
    )


def retracted(ctx: CallContext) -> list[tuple[int, int]]:
    """(confirmation, retraction) pairs: the agent confirmed an absolute when asked and took it
    back in a later turn that answers the customer's new question."""
    out: list[tuple[int, int]] = []
    agents = ctx.agent_turns
    for i, b in enumerate(agents):
        if not _pattern("retraction").search(ctx.folded[b - 1]):
            continue
        prev = b - 1
        if prev < 1 or ctx.speaker(prev) != "customer":
            continue  # volunteered at once, not extracted by the customer
        for a in agents[max(0, i - RETRACT_WINDOW) : i]:
            if _confirms_absolute(ctx, a):
                out.append((a, b))
                break
    return out
