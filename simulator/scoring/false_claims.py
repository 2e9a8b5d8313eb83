"""Claims false or unverifiable (critical ``inaccurate_information``): promises nobody can keep
(«todo gratis», a false legal consequence), conditions the catalog contradicts (``catalog_claims``)
and, with no catalog, claims the agent's own words contradict (``own_claims``); read by
``analysis.claims``. (A wrong price comes from ``elements_product``/``prices``.)"""

from __future__ import annotations

import re

from simulator.analysis import assurances, claims
from simulator.models.scorecard import ErrorFinding
from simulator.scoring import (
    catalog_claims,
    confirmed_premise,
    free_answer,
    free_named,
    holder_price,
    own_claims,
    price_contradiction,
    uncatalogued_offer,
)
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.judged import example, phrasings
from simulator.scoring.slots import slots

_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+")


def _error(
    ctx: CallContext, n: int, explanation: str, condition: str | None = None
) -> ErrorFinding:
    return ErrorFinding(
        code="inaccurate_information",
        turn=n,
        evidence=tx.quote(ctx.text(n)),
        explanation=explanation,
        better_phrasing=_exact(ctx, condition)
        or example("inaccurate_information", slots(ctx), kind="critical"),
    )


_COSTS = re.compile(
    r"\b(?:tope|costo|cuesta|paga|cobra|excedente|deducible|coaseguro|no cubre|limite)"
)


def _exact(ctx: CallContext, condition: str | None) -> str | None:
    """The model answer to a false claim: the catalog's own condition, said plainly (panels F
    and G: «Cobertura dental cuesta 120 pesos al mes» for «cubre todo», «… cuesta 0 pesos» for
    «totalmente gratis» taught nothing about the cap or the exclusions the agent hid)."""
    if condition and ": " in condition:  # «Plan: cond; cond» from _capped_condition
        condition = condition.split(": ", 1)[1]
    if not condition:
        product = next(
            (p for p in ctx.transcript.catalog if p.name == slots(ctx)["producto"]), None
        )
        costs = [c for c in (product.conditions if product else []) if _COSTS.search(tx.fold(c))]
        condition = (
            "; ".join(
                c.strip().rstrip(".")[:1].lower() + c.strip().rstrip(".")[1:] for c in costs[:2]
            )
            or None
        )
    if not condition:
        return None
    said = condition.strip().rstrip(".")
    template = str(
        phrasings().get("exact_condition", "Le doy el dato exacto, {cliente}: {condicion}.")
    )
    return template.format(cliente=slots(ctx)["cliente"], condicion=said[:1].lower() + said[1:])


_OVER = re.compile(r"\b(?:excedente|tope|lo que pase|lo que exceda)\b")


def _capped_condition(ctx: CallContext) -> str:
    """What the customer does pay, in the catalog's words: the cost conditions of the first
    product that has a cap or an excess («sin costo hasta 1,500 pesos por evento…; el excedente
    sobre el tope lo paga el cliente…»)."""
    for entry in ctx.transcript.catalog:
        folded = [(c, tx.fold(c)) for c in entry.conditions]
        if any(_CUSTOMER_PAYS.search(f) for _, f in folded):
            costs = [c[:1].lower() + c[1:] for c, f in folded if _COST.search(f) or _OVER.search(f)]
            return f"{entry.name}: " + "; ".join(costs) if costs else ""
    return ""


PROMISE_WHY = {
    "free": "El agente prometió que todo es gratis o que no pagará nada: una promesa que no se puede "
    "cumplir ni comprobar (las condiciones del producto tienen costos).",
    "guarantee": "El agente garantizó una aprobación o un resultado («aprobado seguro», «sin revisar "
    "buró») que no depende de él: información engañosa.",
    "legal_consequence": "El agente anunció una consecuencia legal falsa de la deuda (cárcel, embargo "
    "sin juicio, buró de por vida): en México nadie va a la cárcel por una deuda civil.",
    "invented_rule": "El agente citó una ley, una norma o una autoridad (Profeco, CONDUSEF, «la ley "
    "nueva») para justificar un límite, un plazo o una consecuencia que ninguna norma establece: "
    "información falsa que presiona al cliente.",
    "no_fine_print": "El agente dijo que la oferta no tiene letras chiquitas ni condiciones, pero "
    "la llamada misma (o el catálogo) dice que las tiene: información engañosa.",
    "absolute": "El agente afirmó un absoluto que nadie puede sostener (sin ningún riesgo, nunca "
    "falla, nunca sube, no paga nada en ningún caso): información engañosa.",
    "pays_nothing": "El agente dijo que el cliente no paga nada, pero él mismo había dicho antes "
    "un costo o una condición de la oferta: la información se contradice.",
    "never_changes": "El agente dijo que el precio o la condición no cambia nunca, pero él mismo "
    "había dicho antes un costo o una condición que cambia: la información se contradice.",
    "preapproval": "El agente dijo que el producto estaba preaprobado para una persona que no había "
    "identificado: una preaprobación así no puede ser cierta.",
}
CATALOG_WHY = {
    "condition": "El agente dijo «{said}», pero las condiciones del producto dicen: «{condition}».",
    "coverage": "El agente prometió «{said}», pero las condiciones del producto dicen: "
    "«{condition}».",
    "delivery": "El agente prometió un tiempo («{said}») más corto que el de las condiciones del "
    "producto: «{condition}».",
    "discount": "El agente ofreció un descuento o una promoción («{said}») que el catálogo no tiene.",
    "gift": "El agente regaló algo que el catálogo cobra («{said}»); el catálogo dice: «{condition}».",
}
OWN_WHY = (
    "El agente dijo «{said}», pero en el turno {turn} él mismo había dicho: «{earlier}»: la "
    "información se contradice y la segunda afirmación es falsa."
)
RETRACTED_WHY = (
    "El agente confirmó una condición que no era cierta y en el turno {later} la corrigió solo "
    "porque el cliente volvió a preguntar: la primera información fue engañosa."
)
ASK_NAME = (
    "como se llama",
    "cual es su nombre",
    "con quien tengo el gusto",
    "me dice su nombre",
    "me da sus datos",
    "me proporciona sus datos",
    "me regala sus datos",
)


_CUSTOMER_PAYS = re.compile(
    r"\b(?:excedente|tope|maximo|lo paga el cliente|paga el cliente|se cobra|con costo|"
    r"costo adicional|cargo adicional)\b"
)


def _supports_free(ctx: CallContext) -> bool:
    """A catalog product is free with nothing left for the customer to pay («Sin costo hasta
    1,500 pesos por evento; el excedente lo paga el cliente» has a cap: not everything is free)."""
    for entry in ctx.transcript.catalog:
        capped = any(_CUSTOMER_PAYS.search(tx.fold(c)) for c in entry.conditions)
        if (entry.price == 0 and not capped) or any(claims.extract(c) for c in entry.conditions):
            return True
    return False


def _conditions_stated(ctx: CallContext, a: int) -> bool:
    """Another agent turn of the call, or the catalog, states a condition of the offer (a forced
    term, a penalty, a price that rises, a deferred charge): «sin letras chiquitas» is false."""
    if any(
        claims.states_condition(c) and not claims.states_absent(c)
        for entry in ctx.transcript.catalog
        for c in entry.conditions
    ):
        return True
    return any(
        claims.states_condition(sentence)
        for n in ctx.agent_turns
        if n != a
        for sentence in _SENTENCE_END.split(ctx.text(n))
        if not sentence.rstrip().endswith("?")
    )


_COST = re.compile(
    r"\b(?:costo|cuesta|cobr\w*|pag(?:ar|a|as|an|o|ue)|cuota|gastos?|cargo|comision|anualidad|mensualidad(?:es)?|"
    r"inscripcion|afiliacion|deposit\w*|pesos|dolares)\b|\$\s?\d"
)
_FREE_AGAIN = re.compile(
    r"\b(?:gratis|gratuit[oa]|sin costo|sin cargo|no (?:tiene que|va a) pagar)\b"
)


def _free_contradicted(ctx: CallContext, a: int) -> bool:
    """Without a catalog, «todo gratis» is false when the call itself later brings a cost
    (fees, a deposit, an amount to pay), said by either side; alone it cannot be checked."""
    for n in range(a + 1, len(ctx.transcript.turns) + 1):
        folded = ctx.folded[n - 1]
        if _COST.search(folded) and not _FREE_AGAIN.search(folded):
            return True
    # the agent had already stated a condition («plazo forzoso de 18 meses, la instalación se
    # difiere en el recibo») and then says it is all free
    return any(
        claims.states_condition(ctx.text(n)) and not _FREE_AGAIN.search(ctx.folded[n - 1])
        for n in ctx.agent_turns
        if n < a
    )


_STOP = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "su",
        "sus",
        "que",
        "es",
        "son",
        "sale",
        "va",
        "queda",
        "esto",
        "eso",
        "este",
        "esta",
        "todo",
        "toda",
        "nada",
        "mas",
        "tambien",
        "ademas",
        "ahi",
        "aqui",
        "eso",
        "pues",
        "si",
        "no",
        "le",
        "te",
        "lo",
        "se",
        "y",
        "o",
        "de",
        "del",
        "al",
        "con",
        "por",
        "para",
        "completamente",
        "totalmente",
        "absolutamente",
    ]
)


def _free_thing_costs(ctx: CallContext, a: int, span: str) -> bool:
    """«El viaje es completamente gratis» is false when another turn of the call gives the viaje
    a cost («para el viaje solo paga 500 de afiliación»): a later turn of either side, or an
    earlier statement of the agent. Another thing's cost («el plan cuesta 399») is not."""
    words = tx.fold(span).split()
    free_at = next(
        (i for i, w in enumerate(words) if w in ("es", "son", "sale", "salen", "va", "van", "no")),
        len(words),
    )
    if words and words[0] in ("no", "ni"):  # «ni te cobran el equipo»: the thing comes last
        words, free_at = words[1:], len(words)
    things = {
        w for w in words[:free_at] if len(w) >= 4 and w not in _STOP and not _COST.fullmatch(w)
    }
    if not things:
        return False
    for n in range(1, ctx.n_turns + 1):
        if n == a or (n < a and ctx.speaker(n) != "agent"):
            continue
        folded = ctx.folded[n - 1]
        if _COST.search(folded) and not _FREE_AGAIN.search(folded) and things & set(folded.split()):
            return True
    return False


def _false_free(ctx: CallContext, a: int, topic: str, has_catalog: bool) -> bool:
    """«Gratis de por vida» is false unless the catalog has a free product; «todo gratis» alone
    cannot be checked without a catalog, only when the call later brings a cost."""
    if topic == "free_forever":
        return not has_catalog or not _supports_free(ctx)
    if topic == "free":
        return _free_contradicted(ctx, a) if not has_catalog else not _supports_free(ctx)
    return False


def _unidentified(ctx: CallContext, third_party: set[int], a: int) -> bool:
    """The agent does not know who is listening at turn ``a``: a third party, or a turn that asks
    the listener's name."""
    folded = ctx.folded[a - 1]
    return a in third_party or any(ask in folded for ask in ASK_NAME)


def _structural(ctx: CallContext, a: int) -> tuple[str, str | None]:
    """(topic, why) of a promise read by its shape (``analysis.assurances``): an outcome vouched
    for, an absolute, a false legal consequence; «no paga nada» or «nunca le sube» after the
    agent's own stated cost or condition. ``why`` is None when there is none."""
    text = ctx.text(a)
    found = assurances.kind(text)
    if found == "legal":
        return "legal_consequence", PROMISE_WHY["legal_consequence"]
    if found is not None:
        return found, PROMISE_WHY[found]
    said = assurances.contradicts_cost(text)
    if said is not None and any(
        claims.states_condition(ctx.text(n)) or any(x.is_money for x in ctx.amounts(n))
        for n in ctx.agent_turns
        if n < a
    ):
        return said, PROMISE_WHY[said]
    return "", None


def find(ctx: CallContext, third_party: set[int]) -> list[ErrorFinding]:
    """Promises nobody can verify, and conditions or delivery times the catalog contradicts.
    Without a catalog (imported calls) only the flagrant promises count, and «todo gratis» only
    when the call itself later brings a cost."""
    found: list[ErrorFinding] = []
    has_catalog = bool(ctx.transcript.catalog)
    # A promise repeated later in the call («su crédito preaprobado» said again) is the same false
    # statement: reported once, where it was first made.
    promised: set[str] = set()
    for a in ctx.agent_turns:
        why: str | None = None
        condition: str | None = None
        for claim in claims.extract(ctx.text(a)):
            # «todo gratis» and «gratis de por vida» are one promise, reported once
            topic = "free" if claim.topic in ("free_forever", "free_said") else claim.topic
            if claim.kind == "promise" and topic in promised:
                continue
            if claim.kind == "promise":
                named = (
                    free_named.named_span(ctx.folded[a - 1], claim.span)
                    if claim.topic == "free" and not has_catalog
                    else None
                )
                if named is not None:  # one thing said free: false only if that thing costs
                    if _free_thing_costs(ctx, a, named):
                        why = PROMISE_WHY["free"]
                        condition = _capped_condition(ctx)
                elif _false_free(ctx, a, claim.topic, has_catalog) or (
                    claim.topic == "free_said"
                    and not has_catalog
                    and _free_thing_costs(ctx, a, claim.span)
                ):
                    why = PROMISE_WHY["free"]
                    condition = _capped_condition(ctx)
                elif claim.topic == "no_fine_print" and _conditions_stated(ctx, a):
                    why = PROMISE_WHY["no_fine_print"]
                elif claim.topic in ("guarantee", "legal_consequence", "invented_rule"):
                    why = PROMISE_WHY[claim.topic]
                elif claim.topic == "preapproval" and _unidentified(ctx, third_party, a):
                    why = PROMISE_WHY["preapproval"]
            if why is not None:
                promised.add(topic)
                break
        if why is None and has_catalog:
            contradiction = next(iter(catalog_claims.contradictions(ctx, a)), None)
            if contradiction is not None:
                why = CATALOG_WHY[contradiction.why].format(
                    said=contradiction.said, condition=contradiction.condition
                )
                condition = contradiction.condition if contradiction.why != "discount" else None
        if why is None and has_catalog:  # a false figure confirmed, a false «lo más barato»
            why, condition = confirmed_premise.finding(ctx, a)
        if why is None and has_catalog and "free_answer" not in promised:
            limit = free_answer.unqualified(ctx, a)
            if limit is not None:  # reported once, where first said
                why, condition = free_answer.WHY.format(condition=limit), limit
                promised.add("free_answer")
        if why is None and has_catalog and "holder_price" not in promised:
            limit = holder_price.quoted_for_one(ctx, a)
            if limit is not None:  # reported once, where first quoted
                why, condition = holder_price.WHY.format(condition=limit), limit
                promised.add("holder_price")
        if why is None:
            topic, why = _structural(ctx, a)
            if topic in promised:
                why = None  # the same kind of promise repeated: reported once, where first made
            elif why is not None:
                promised.add(topic)
        if why is None and (offer := uncatalogued_offer.claim(ctx, a)) and offer[0] not in promised:
            promised.add(offer[0])
            why = offer[1]
        if why is None:
            said = own_claims.contradicted(ctx, a)
            if said is not None:
                why = OWN_WHY.format(said=said[0], turn=said[1], earlier=said[2])
        if why is None and not has_catalog and (priced := price_contradiction.contradicted(ctx, a)):
            why = price_contradiction.WHY.format(said=priced[0], turn=priced[1], earlier=priced[2])
        if why is None and not has_catalog and (saving := price_contradiction.wrong_saving(ctx, a)):
            why = price_contradiction.PERCENT_WHY.format(
                claimed=saving[0], before=saving[1], after=saving[2], real=saving[3]
            )
        if why is not None:
            found.append(_error(ctx, a, why, condition))
    flagged = {f.turn for f in found}
    for a, later in own_claims.retracted(ctx):
        if not flagged & {a, later}:
            found.append(_error(ctx, a, RETRACTED_WHY.format(later=later)))
    return sorted(found, key=lambda f: f.turn or 0)
