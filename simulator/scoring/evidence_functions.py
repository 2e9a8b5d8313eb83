"""Element evidence from the turn that did the thing: each element's rule data
(``es/evidence_functions.yaml``) names the turn functions that can show it, and a met element is
quoted with the best turns that have them, in call order — never a turn of another function.

Why: blind panel M (issue 12, session 20) counted ~30 unfair judgements of one class: the verdict
right and the quote wrong («Cierra la llamada» quoting the sales close or a confidentiality
refusal, «Gestiona datos» an apology or the agent naming herself, «Brinda información» a postcode
request, «Detecta necesidades» «¿tiene tres minutos?»). Runs after the rules and the earlier
evidence fits (``evidence_refine``, ``evidence_fit``) and changes no verdict: a met element with
no turn of its functions keeps the quote its rule chose.
"""

from __future__ import annotations

from typing import Any

from simulator.scoring.context import CallContext
from simulator.scoring.judged import Judged, dedupe
from simulator.scoring.turn_functions import functions, turns_with
from simulator.scoring.turn_questions import rules


def _ordered(ctx: CallContext, turns: list[int], order: str) -> list[int]:
    if order == "last":
        return list(reversed(turns))
    if order == "fullest":
        return sorted(turns, key=lambda n: (-ctx.words[n - 1], n))
    return turns


def pick(ctx: CallContext, rule: dict[str, Any], entries: list[dict[str, Any]]) -> list[int]:
    """The turns that show the element: per function, ``take`` turns in ``order``, the turns
    with less weight of ``avoid`` functions first (the entry's own ``avoid`` over the rule's); at
    most ``cite`` turns. An entry with ``before_offer`` takes, in a sale, only the turns up to the
    offer's presentation. A turn whose weight reaches ``alone_from`` is quoted only when no turn
    was chosen before it."""
    chosen: list[int] = []
    for entry in entries:
        # an entry may weigh its own way (score-s: presentations in call order, whatever else)
        avoid = entry.get("avoid", rule.get("avoid")) or {}
        weight = avoid if isinstance(avoid, dict) else dict.fromkeys(avoid, 1)
        alone = entry.get("alone_from", rule.get("alone_from"))
        having = _ordered(ctx, turns_with(ctx, entry["function"]), entry.get("order", "first"))
        if entry.get("before_offer") and ctx.selling and ctx.first_presentation is not None:
            # the standard's probe comes before the offer (blind panel P sa-06 T24: the summary
            # of the agreed call-back; sb-05 T16: the apology for pressing)
            having = [n for n in having if n <= ctx.first_presentation]
        # the turns that do the least else first (a stable sort keeps the order within a rank)
        pool = sorted(having, key=lambda n: sum(weight.get(f, 0) for f in functions(ctx, n)))
        taken = 0
        for n in pool:
            if n in chosen or taken >= int(entry.get("take", 1)):
                continue
            # a turn that mostly does something else is quoted only when nothing better shows
            # the element (score-s, panel N uc-01 T5: a request for the policy after T13)
            heavy = sum(weight.get(f, 0) for f in functions(ctx, n))
            if chosen and alone is not None and heavy >= alone:
                continue
            chosen.append(n)
            taken += 1
        if len(chosen) >= int(rule.get("cite", 2)):
            break
    return sorted(chosen[: int(rule.get("cite", 2))])


def apply(ctx: CallContext, elements: dict[str, Judged]) -> None:
    """Re-quote every met element listed in the rule data from the turns of its functions."""
    for key, rule in (rules().get("elements") or {}).items():
        judged = elements.get(key)
        if judged is None or judged.result.met is not True:
            continue
        turns = pick(ctx, rule, rule.get("shown_by") or [])
        if not turns and rule.get("fallback"):
            turns = pick(ctx, rule, rule["fallback"])
        if turns:
            judged.result.evidence = dedupe([ctx.evidence(n) for n in turns])
        else:
            _drop_neighbours(ctx, rule, judged)


def _drop_neighbours(ctx: CallContext, rule: dict[str, Any], judged: Judged) -> None:
    """No turn has the element's functions: the rule's own quote stays, without the turns whose
    function is another element's (``never``: needs detection quoting the proposal of a visit or
    a close, panel N ud-03 T9, ua-06 T8); all of them dropped, the quote stays as it was."""
    never = set(rule.get("never") or [])
    kept = [e for e in judged.result.evidence if not functions(ctx, e.turn) & never]
    if kept:
        judged.result.evidence = kept
