"""Whether a long agent turn deserves the tip «Parta este turno».

Why: the tip fired on every stretch of more than 80 words, and blind panel M (session 20) struck
it out three times: a complaint's full solution ending «¿Le parece bien?», an honest answer to a
price objection with its alternative ending «¿Cuál le acomoda más?», a refused discount with the
real alternative. Splitting those answers leaves the customer with half of what was asked. The
rule (numbers in ``es/long_turn.yaml``): past ``words`` a stretch is a monologue, unless it is one
turn that answers what the customer just raised (question, objection or complaint) within
``answer_words``, or within ``handing_words`` when it ends handing the floor back with a
question; with a customer pressed for time (the impatient persona, or one who asked for brevity)
the plain limit holds, since DOMAIN.md says that customer wants it short.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from simulator.coaching.phrasing import fill
from simulator.coaching.situation import pressed_for_time
from simulator.datafiles import parse as parse_yaml
from simulator.scoring.context import CallContext

_RAISED = ("question", "objection", "complaint")


@cache
def limits() -> dict[str, int]:
    text = resources.files("simulator.coaching").joinpath("es/long_turn.yaml").read_text("utf-8")
    return {str(k): int(v) for k, v in dict(parse_yaml(text)).items()}


def ends_handing_floor(text: str) -> bool:
    """The turn's last sentence is a question («… ¿Le parece bien?»)."""
    return bool(re.search(r"\?\s*[\"»”)]?\s*$", text.strip()))


def answers_customer(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` comes right after a customer turn that asked, objected or complained."""
    return n > 1 and ctx.speaker(n - 1) == "customer" and ctx.has(n - 1, *_RAISED)


def worth_splitting(
    ctx: CallContext, words: int, run: list[int], hint: Mapping[str, Any] | None = None
) -> bool:
    """Whether the agent's longest stretch (``words`` words over the turns ``run``) earns the
    tip to split it."""
    limit = limits()
    if words <= limit["words"] or not run:
        return False
    if len(run) > 1 or words > limit["handing_words"] or pressed_for_time(ctx, hint):
        return True
    n = run[0]
    if not answers_customer(ctx, n):
        return True
    return words > limit["answer_words"] and not ends_handing_floor(ctx.text(n))


# the first idea of a long turn, as the agent said it: up to its first full stop, at most
# ``OPENING_WORDS`` words (cut at a comma when longer)
OPENING_WORDS = 25
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def monologue_line(ctx: CallContext, n: int) -> str:
    """A line to say instead of the monologue: its own first idea, then the floor handed back
    (the instruction only when the turn has no sentence to start from)."""
    start = opening_idea(ctx.text(n))
    return fill("monologue_line", inicio=start) if start else fill("monologue_split")


_ACKNOWLEDGES = re.compile(
    r"^(?:perfecto|gracias|listo|muy bien|claro|entendido|ok|de acuerdo|excelente|anotado|"
    r"lamento|lo lamento|lo siento|siento mucho|entiendo|comprendo|me imagino|qué pena|que pena|"
    r"con (?:mucho )?gusto|tiene (?:toda la )?razón|señor|señora|don|doña)\b",
    re.IGNORECASE,
)
# a sentence that carries the turn's substance: a figure, or what is offered, agreed or done
# (panel Q: the tip kept «Lamento mucho la falla.» and dropped the plan and its price)
_SUBSTANCE = re.compile(
    r"\d|\b(?:plan|planes|seguro|póliza|tarjeta|cobertura|visita|técnico|folio|pago|pagos|precio|"
    r"mensualidad|al mes|descuento|promoción|reembolso|convenio|deducible|megas|cambio|envío)\b",
    re.IGNORECASE,
)


def opening_idea(text: str) -> str:
    """The turn's first sentence that says something (not a question, not an acknowledgement
    or a recap of what was noted when more follows), short enough to say before handing the
    floor back («Le comento cómo funciona: el cambio no tiene costo una vez al año.»)."""
    sentences = [s.strip() for s in _SENTENCE.split(text.strip())]
    sentences = [s for s in sentences if s and "?" not in s and len(s.split()) >= 4]
    saying = [s for s in sentences if not _ACKNOWLEDGES.match(s)]
    substance = [s for s in saying if _SUBSTANCE.search(s)]
    for sentence in substance or saying or sentences:
        words = sentence.split()
        if len(words) > OPENING_WORDS:
            cut = " ".join(words[:OPENING_WORDS])
            cut = cut.rsplit(",", 1)[0] if "," in cut else cut
            sentence = cut.rstrip(",;: ") + "."
        return sentence
    return ""
