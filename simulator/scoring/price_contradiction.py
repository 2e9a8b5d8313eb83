"""The agent gives two different prices for the same thing in one imported call.

Why: an imported call has no catalog, so a price cannot be checked against the product; but a QA
lead needs none when the agent said «la mensualidad es de 399 pesos» and later «serían 349 pesos
mensuales por el plan» without saying why (issue 12, «contradictions inside the call»). One of the
two is false. A second amount that names another option, a total, a tax, a promotion or the
agent's own correction (``price_contradiction.yaml`` ``different``) is another thing, and so is
one the customer's question qualified right before («¿y con todo incluido?»). Only flagrant
cases: one amount per sentence, the same thing and the same period in both.
"""

from __future__ import annotations

import re
from functools import cache

from simulator.datafiles import resource_yaml
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

WHY = (
    "El agente dio dos precios distintos para lo mismo ({earlier} en el turno {turn}, {said} "
    "aquí) sin aclarar cuál es el correcto: uno de los dos es información falsa."
)
_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+")


@cache
def _data() -> dict[str, object]:
    data: dict[str, object] = resource_yaml("simulator.scoring", "es/price_contradiction.yaml")
    return data


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b")


@cache
def _patterns() -> tuple[dict[str, re.Pattern[str]], dict[str, re.Pattern[str]], re.Pattern[str]]:
    data = _data()
    things = {str(k): _rx(str(v)) for k, v in dict(data["things"]).items()}  # type: ignore[call-overload]
    periods = {str(k): _rx(str(v)) for k, v in dict(data["periods"]).items()}  # type: ignore[call-overload]
    return things, periods, _rx(str(data["different"]))


def _prices(ctx: CallContext, a: int) -> list[tuple[tuple[str, str], float, str, bool]]:
    """(thing, period), amount, its text and whether the sentence marks another thing, for each
    sentence of agent turn ``a`` with exactly one money amount and exactly one thing named."""
    from simulator.scoring.lang import amounts

    things, periods, different = _patterns()
    out = []
    for sentence in _SENTENCE_END.split(ctx.text(a)):
        money = [m for m in amounts(sentence) if m.is_money]
        if len(money) != 1 or len(amounts(sentence)) != 1:
            continue
        folded = tx.fold(sentence)
        named = [k for k, rx in things.items() if rx.search(folded)]
        if len(named) != 1:
            continue
        period = next((k for k, rx in periods.items() if rx.search(folded)), "")
        other = bool(different.search(folded))
        out.append(((named[0], period), money[0].value, money[0].text, other))
    return out


def contradicted(ctx: CallContext, a: int) -> tuple[str, int, str] | None:
    """(amount said now, earlier turn, amount said then) when agent turn ``a`` prices a thing the
    agent priced differently before, with nothing saying it is another thing. Imported calls only
    (a simulated call is checked against its catalog)."""
    if not ctx.imported or ctx.kind == "collections":
        return None
    _, _, different = _patterns()
    before = a - 1  # the customer's words right before: «¿y con todo incluido?»
    if (
        before >= 1
        and ctx.speaker(before) == "customer"
        and different.search(ctx.folded[before - 1])
    ):
        return None
    for key, value, said, other in _prices(ctx, a):
        if other:
            continue
        for m in ctx.agent_turns:
            if m >= a:
                break
            for key2, value2, said2, _other2 in _prices(ctx, m):
                if key2 == key and value2 != value:
                    return said, m, said2
    return None


PERCENT_WHY = (
    "El agente prometió un ahorro del {claimed} %, pero las cifras que dio en la llamada ({before} "
    "→ {after}) son un {real} %: información de precio incorrecta."
)


@cache
def _saving() -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
    data = _data()
    claims = [re.compile(str(p)) for p in list(data["saving_percent"])]  # type: ignore[call-overload]
    return claims, re.compile(str(data["before_after"]))


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def wrong_saving(ctx: CallContext, a: int) -> tuple[str, str, str, str] | None:
    """(claimed %, before, after, real %) when agent turn ``a`` claims a saving the call's own
    before/after amounts (said by the agent in any turn) put more than 3 points away."""
    if not ctx.imported or ctx.kind == "collections":
        return None
    claims, _ = _saving()
    said = [m.group(1) for rx in claims for m in rx.finditer(ctx.text(a).lower())]
    if not said:
        return None
    real = real_savings(ctx)
    if not real:
        return None
    for claimed in said:
        if all(abs(_number(claimed) - share) > 3 for share, _, _ in real):
            share, before, after = real[0]
            return claimed, before, after, str(round(share))
    return None


def real_savings(ctx: CallContext) -> list[tuple[float, str, str]]:
    """(share %, before, after) of every before/after pair of amounts the agent says in the call
    («pasaría de pagar 800 a 610»): what a claimed saving can be checked against."""
    from simulator.scoring.lang import amounts

    claims, pair = _saving()
    real: list[tuple[float, str, str]] = []
    for m in ctx.agent_turns:
        for sentence in _SENTENCE_END.split(ctx.text(m)):
            low = sentence.lower()
            if not pair.search(tx.fold(sentence)):
                continue
            percents = {_number(p) for rx in claims for p in (x.group(1) for x in rx.finditer(low))}
            values = [x for x in amounts(sentence) if x.value not in percents]
            if len(values) == 2 and values[0].value > values[1].value > 0:
                share = (values[0].value - values[1].value) / values[0].value * 100
                real.append((share, values[0].text, values[1].text))
    return real
