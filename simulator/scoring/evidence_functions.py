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
from simulator.scoring.turn_functions import functions, rules, turns_with


def _ordered(ctx: CallContext, turns: list[int], order: str) -> list[int]:
    if order == "last":
        return list(reversed(turns))
    if order == "fullest":
        return sorted(turns, key=lambda n: (-ctx.words[n - 1], n))
    return turns


def pick(ctx: CallContext, rule: dict[str, Any], entries: list[dict[str, Any]]) -> list[int]:
    """The turns that show the element: per function, ``take`` turns in ``order``, the turns
    with less weight of ``avoid`` functions first; at most ``cite`` turns."""
    avoid = rule.get("avoid") or {}
    weight = avoid if isinstance(avoid, dict) else dict.fromkeys(avoid, 1)
    chosen: list[int] = []
    for entry in entries:
        having = _ordered(ctx, turns_with(ctx, entry["function"]), entry.get("order", "first"))
        # the turns that do the least else first (a stable sort keeps the order within a rank)
        pool = sorted(having, key=lambda n: sum(weight.get(f, 0) for f in functions(ctx, n)))
        fresh = [n for n in pool if n not in chosen]
        chosen += fresh[: int(entry.get("take", 1))]
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
