"""Offers only a catalog could back, said in a call that has none: ``inaccurate_information``.

Why: imported calls carry no catalog, so the catalog checks of ``false_claims`` cannot run there,
and the misses a QA lead catches at once were of this kind: a prize the customer «won» or a gift
for just showing up, a card or loan «already approved / assigned» to someone who never applied, a
saving promised as a fixed figure or on a spend the customer said they do not have
(``denied_spend``). Their shapes are read by ``analysis.assurances.unverifiable``
(lexicon ``language/es/assurances.yaml``); this module decides when they count — no catalog, an
approval only if no earlier customer turn says they applied, a saving only if the call gives
no before/after figures to check it against — and words the finding.
"""

from __future__ import annotations

from simulator.analysis import assurances
from simulator.scoring import denied_spend, price_contradiction
from simulator.scoring.context import CallContext

WHY = {
    "prize": "El agente anunció un premio o un regalo que el cliente «ganó» o recibe solo por "
    "presentarse: una promesa que nada respalda (así empiezan los fraudes telefónicos).",
    "approval": "El agente dijo que una tarjeta o un crédito ya está aprobado o asignado a alguien "
    "que nunca lo solicitó: información falsa, la aprobación requiere una solicitud y su análisis.",
    "saving_on_nothing": "En el turno {n} el cliente dijo que no tiene ni paga lo que el agente "
    "preguntó, y el agente le prometió un ahorro sobre ese gasto: un beneficio que no existe.",
    "saving": "El agente prometió un ahorro fijo («va a ahorrar 35 %») sin conocer lo que el cliente "
    "paga hoy ni las condiciones: un resultado que no puede garantizar.",
}


def claim(ctx: CallContext, a: int) -> tuple[str, str] | None:
    """(topic, why) of an uncatalogued offer in agent turn ``a``, or None (always None when the
    call has a catalog: the catalog checks decide there)."""
    if ctx.transcript.catalog:
        return None
    found = assurances.unverifiable(ctx.text(a))
    if found is None:
        denied = denied_spend.saving_on_nothing(ctx, a)
        if denied is not None:
            return "uncatalogued_saving", WHY["saving_on_nothing"].format(n=denied)
        return None
    if found == "approval" and any(
        assurances.asked_for(ctx.text(n)) for n in ctx.customer_turns if n < a
    ):
        return None
    if found == "saving" and price_contradiction.real_savings(ctx):
        return None  # the call's own before/after figures check it (``wrong_saving``)
    return f"uncatalogued_{found}", WHY[found]
