"""A false figure the customer put to the agent and the agent confirmed: inaccurate information.

Why: blind panel O (ta-04 T4) — the expert customer asked «confírmeme un dato del Plan Hogar 200
megas: instalación en un máximo de 36 horas, ¿así es?» and the agent answered «Sí, así es»; the
catalog says 72 hours. The agent said no figure of her own, so the claims read in her words found
nothing, yet saying yes to a false condition informs the customer as falsely as stating it. A
customer's question that carries a figure (a number and its unit: hours, days, months, megas, a
percentage) the catalog's conditions or features state otherwise for the same thing (a shared
topic word in the clause), met with the agent's yes (cue ``confirms``) that does not give the
catalog's figure, is the critical error ``inaccurate_information`` of the agent's turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from simulator.models.transcript import CatalogEntry
from simulator.scoring import cheapest_claim
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.turn_products import products_about

LOOK_BACK = 8  # turns searched back for the product the customer asks about
TOPIC_WORD = 5  # a topic word is at least this long (folded)
WHY = (
    "El cliente pidió confirmar «{said}» y el agente lo confirmó, pero las condiciones del "
    "producto dicen: «{condition}»."
)


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    topic: frozenset[str]
    said: str


def _unit(raw: str) -> str:
    raw = raw.strip()
    if raw in ("%", "por ciento"):
        return "%"
    if raw == "mes":
        return "meses"
    return raw.rstrip("s") if raw not in ("meses",) else raw


def _number(raw: str) -> float | None:
    try:
        return float(raw.replace(",", "").rstrip("."))
    except ValueError:
        return None


def figures(text: str) -> list[Figure]:
    """The figures of a text, each with the topic words of its clause (another figure's unit is
    no topic: «200 megas» does not make «36 horas» a matter of speed)."""
    found: list[Figure] = []
    for clause in re.split(r"(?<!\d)[.;:?!¿¡]|[.;:?!¿¡](?!\d)", text):
        folded = tx.fold(clause)
        matches = list(tx.cue("premise_figure").finditer(folded))
        units = {m.group(2) for m in matches}
        words = set(re.findall(r"[a-zñ]+", folded)) - units
        # a topic word by its stem: «instalan» and «instalación» name one thing
        topic = frozenset(
            w[:TOPIC_WORD]
            for w in words
            if len(w) >= TOPIC_WORD and not tx.cue("premise_filler").search(w)
        )
        for match in matches:
            value = _number(match.group(1))
            if value is not None:
                found.append(Figure(value, _unit(match.group(2)), topic, clause.strip(" ,")))
    return found


def _products(ctx: CallContext, n: int) -> list[CatalogEntry]:
    return products_about(ctx, n, LOOK_BACK)


def _catalog_figure(product: CatalogEntry, asked: Figure) -> tuple[str, float] | None:
    """The product's text that states the asked figure's thing with another value."""
    names = {w[:TOPIC_WORD] for w in re.findall(r"[a-zñ]+", tx.fold(product.name))}
    topic = asked.topic - names
    if not topic:
        return None
    for text in (*product.conditions, *product.features):
        for figure in figures(text):
            if figure.unit == asked.unit and figure.topic & topic and figure.value != asked.value:
                return text, figure.value
    return None


def contradicted(ctx: CallContext, a: int) -> tuple[str, str] | None:
    """(the customer's figure, the catalog's condition) when agent turn ``a`` says yes to a false
    figure the customer asked it to confirm in the turn before."""
    c = a - 1
    if c < 1 or ctx.speaker(c) != "customer" or "?" not in ctx.text(c):
        return None
    if not tx.cue("confirms").search(ctx.folded[a - 1]):
        return None
    for asked in figures(ctx.text(c)):
        for product in _products(ctx, c):
            found = _catalog_figure(product, asked)
            if found is None:
                continue
            condition, value = found
            if re.search(rf"\b{value:g}\b", ctx.folded[a - 1]):
                return None  # the agent gave the catalog's own figure: corrected, not confirmed
            return asked.said, condition
    return None


def finding(ctx: CallContext, a: int) -> tuple[str | None, str | None]:
    """(why, the catalog's condition) of the error in agent turn ``a``: a false figure said yes
    to, else a false «lo más barato» (``cheapest_claim``); (None, None) without either."""
    premise = contradicted(ctx, a)
    if premise is None:
        return cheapest_claim.finding(ctx, a)
    return WHY.format(said=premise[0], condition=premise[1]), premise[1]
