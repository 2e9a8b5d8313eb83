"""Evidence that shows the element it is cited for: the agent's own turns, and for the product
information the turns that inform rather than the reflection before them.

Blind panel K (session 17, helper score-i) read element evidence that was right in its verdict and
wrong in its quote: «Brinda información» shown by a paraphrase or an empathy line («Tiene toda la
razón en estar molesto…», «Entonces serían cuatro: usted de 42…») while the facts were given two
turns later, and agent elements shown by the customer's words («la evidencia de un elemento del
agente no puede ser texto del cliente»). The verdicts are untouched; only what is quoted changes:

- an element met keeps the customer's turns as evidence only when no agent turn shows it (the
  data the customer gave stay quoted, and so do the questions and objections left unanswered of
  an element not met: they are what was judged);
- product information met is shown by the turns that inform (a feature, a benefit, an amount)
  and are not a reflection of the customer's words, filled from the call's informing
  turns when a cited one does not inform.
"""

from __future__ import annotations

from simulator.scoring.context import CallContext
from simulator.scoring.judged import Judged, dedupe

INFORMS = ("feature", "benefit")
REFLECTS = ("paraphrase", "empathy")
# a reflection that also asks for the decision or answers an objection is still the turn that
# informs (external-style «Le ofrezco una disculpa… Le explico lo que voy a hacer: …¿le parece?»)
DECIDES = ("close", "trial_close")
CITED = 2
ASKS = ("open_question", "closed_question")
NOT_PROBING = ("objection_response", "data_request", "data_confirmation", "close", "feature")
DATA_ACTS = ("data_request", "data_confirmation")


def informs(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` gives information (a feature, a benefit or an amount) and is not a
    reflection of what the customer said (unless it also states a feature and asks for the
    decision: the reflection then leads into the offer)."""
    if ctx.speaker(n) != "agent":
        return False
    figures = bool(ctx.amounts(n)) and not ctx.has(n, "data_request", "data_confirmation")
    if not (ctx.has(n, *INFORMS) or figures):
        return False
    return not ctx.has(n, *REFLECTS) or (ctx.has(n, *INFORMS) and ctx.has(n, *DECIDES))


def _product(ctx: CallContext, judged: Judged) -> None:
    result = judged.result
    if result.met is not True or not result.evidence:
        return
    cited = [e for e in result.evidence if informs(ctx, e.turn)]
    if len(cited) == len(result.evidence):
        return
    seen = {e.turn for e in cited}
    first = min(e.turn for e in result.evidence)
    fill = [n for n in ctx.agent_turns if n >= first and n not in seen and informs(ctx, n)]
    cited += [ctx.evidence(n) for n in fill[: max(0, CITED - len(cited))]]
    if cited:
        result.evidence = dedupe(sorted(cited, key=lambda e: e.turn))


def _probe(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` asks about the customer's situation and does nothing else a trainer
    would name first: not an answer to an objection, a data request, a read-back, a close or an
    explanation of the offer (panel L wa-04 T6: «esa pregunta es de contención de la
    desconfianza», wd-03 T9: «explicar el tope es información, no detección»)."""
    return ctx.has(n, *ASKS) and not ctx.has(n, *NOT_PROBING)


def _needs(ctx: CallContext, judged: Judged) -> None:
    """Needs detection met is shown by the agent's questions, not by an apology, the greeting or
    a confirmation (panel K xb-03: «el sondeo está en T7 y T9», xg-05: «el saludo no es
    evidencia»); a plain probe before a question that handles or explains something else."""
    result = judged.result
    if result.met is not True or not result.evidence:
        return
    opening = ctx.agent_turns[0] if ctx.agent_turns else 0
    shown = ctx.first_presentation or ctx.n_turns + 1
    probes = [n for n in ctx.agent_turns if opening != n < shown and _probe(ctx, n)]
    if probes and not all(_probe(ctx, e.turn) for e in result.evidence):
        kept = [e for e in result.evidence if _probe(ctx, e.turn)]
        seen = {e.turn for e in kept}
        fill = sorted(
            (n for n in probes if n not in seen), key=lambda n: (not ctx.has(n, "open_question"), n)
        )
        kept += [ctx.evidence(n) for n in fill[: max(0, CITED - len(kept))]]
        result.evidence = dedupe(sorted(kept, key=lambda e: e.turn))
        return
    cited = [e for e in result.evidence if ctx.has(e.turn, *ASKS)]
    if len(cited) == len(result.evidence):
        return
    seen = {e.turn for e in cited}
    opening = ctx.agent_turns[0] if ctx.agent_turns else 0
    fill = [n for n in ctx.agent_turns if n != opening and n not in seen and ctx.has(n, *ASKS)]
    fill.sort(key=lambda n: (not ctx.has(n, "open_question"), n))
    cited += [ctx.evidence(n) for n in fill[: max(0, CITED - len(cited))]]
    if cited:
        result.evidence = dedupe(cited)


def _data(ctx: CallContext, judged: Judged) -> None:
    """Data management met is shown by the agent asking for the data and reading them back, not
    by a probe, a reassurance or the customer's own line (panel L wd-01 T6, wb-04 T9, wd-06 T23;
    we-01: «no cita la confirmación completa de datos»)."""
    result = judged.result
    if result.met is not True:
        return
    handled = [n for n in ctx.agent_turns if ctx.has(n, *DATA_ACTS)]
    if not handled:
        return
    kept = [e for e in result.evidence if e.speaker == "agent" and ctx.has(e.turn, *DATA_ACTS)]
    read_back = [n for n in handled if ctx.has(n, "data_confirmation")]
    if not kept:
        kept = [ctx.evidence(n) for n in handled[:CITED]]
    kept = kept[:CITED]
    fullest = max(read_back, key=lambda n: ctx.words[n - 1], default=None)
    if fullest is not None and fullest not in {e.turn for e in kept}:
        kept.append(ctx.evidence(fullest))  # the fullest read-back, the element's key conduct
    result.evidence = dedupe(sorted(kept, key=lambda e: e.turn))


def _agent_first(key: str, judged: Judged) -> None:
    result = judged.result
    if key == "data_management" or result.met is not True:
        return  # the data the customer gave, an unanswered question or objection: what was judged
    agent = [e for e in result.evidence if e.speaker == "agent"]
    if agent and len(agent) < len(result.evidence):
        result.evidence = agent


def apply(ctx: CallContext, elements: dict[str, Judged]) -> None:
    for key, judged in elements.items():
        _agent_first(key, judged)
    for key, fit in (
        ("product_information", _product),
        ("needs_detection", _needs),
        ("data_management", _data),
    ):
        if key in elements:
            fit(ctx, elements[key])
