"""An agent's line that denies a limit the catalog puts on a product (issue 12 item 3).

Why: ``catalog_claims`` checks claims by topic (a condition said absent, a coverage, a delivery
time). A QA lead also catches the agent selling past a limit of another shape: an add-on that goes
only with another product sold alone or with the wrong one, «cualquier tarjeta» against
«tarjetas participantes», «sin importar cuánto cueste» against a cap per event, «sigue usando su
tarjeta» against a card blocked during the plan, «cuando quiera» against an add-on contracted at
purchase, a sold-out product promised for delivery, an exclusion covered in everyday words. The
shapes are read by ``simulator.analysis.limits``; here each limit is checked against the clause
of the agent's turn about that product. A turn that itself states a limit («solo», «no se puede»,
«agotado») informs and is never a denial. Without a catalog nothing here runs.
"""

from __future__ import annotations

from simulator.analysis import limits
from simulator.models.transcript import CatalogEntry
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.prices import _named_in, products_named

LOOK_BACK = 4  # turns searched back for the product a turn without a product name is about
# limits read against the whole catalog when the turn and the turns before name no product
WIDE_KINDS = frozenset({"restricted_set", "cap"})


def _about(ctx: CallContext, n: int) -> list[CatalogEntry]:
    """The products agent turn ``n`` is about: named there, else the last named shortly before."""
    for m in range(n, max(0, n - LOOK_BACK), -1):
        named = products_named(ctx, m)
        if named:
            return named
    return []


def about(ctx: CallContext, n: int) -> list[CatalogEntry]:
    """The products agent turn ``n`` is about (named there or shortly before)."""
    return _about(ctx, n)


def _required(ctx: CallContext, req: str) -> list[CatalogEntry]:
    """The catalog products a «solo con …» condition requires (by name or alias)."""
    key = tx.fold(req)
    return [
        p
        for p in ctx.transcript.catalog
        if any(
            key in tx.fold(name) or (len(tx.fold(name)) >= 4 and tx.fold(name) in key)
            for name in (p.name, *p.aliases)
        )
    ]


def _in_clause(ctx: CallContext, clause: str) -> list[CatalogEntry]:
    return _named_in(ctx.transcript.catalog, tx.fold(clause), set())


def clause_products(ctx: CallContext, text: str, span: str) -> list[CatalogEntry]:
    """The catalog products named in the clause of ``text`` that holds ``span`` (normalized
    words of a claim); empty when that clause names none."""
    for clause in limits.turn_clauses(text):
        if span in clause:
            return _in_clause(ctx, clause)
    return []


def _wrong_partner(ctx: CallContext, product: CatalogEntry, req: str, clause: str) -> bool:
    """«Se lo agrego a la limitada» for an add-on that goes only with the amplia: the clause puts
    the product together with another catalog product, and none of the required ones is named."""
    if not limits.attaches(clause):
        return False
    required = _required(ctx, req)
    named = [p for p in _in_clause(ctx, clause) if p is not product]
    return bool(named) and not any(p in required for p in named)


def _said_of_other(ctx: CallContext, product: CatalogEntry, clause: str, said: str) -> bool:
    """«La Amplia le cubre los daños de su carro y la Limitada no»: the coverage is said of the
    product named before it in the clause; another product's exclusion does not contradict it."""
    before = clause[: max(0, clause.find(said))]
    named = _in_clause(ctx, before) if before else []
    return bool(named) and product not in named


def contradictions(ctx: CallContext, n: int) -> list[tuple[str, str]]:
    """(words said, catalog condition) for each limit agent turn ``n`` denies."""
    if not ctx.transcript.catalog:
        return []
    text = ctx.text(n)
    if limits.acknowledges(text):
        return []
    before = _about(ctx, n - 1) if n > 1 else []
    # a sold-out product is shipped only when it is named in the clause, or asked for in the
    # customer's turn right before a turn that names nothing (it is often named earlier in the
    # call, then another product is sold)
    asked = products_named(ctx, n - 1) if n > 1 and not products_named(ctx, n) else []
    everything = list(ctx.transcript.catalog)
    found: list[tuple[str, str]] = []
    current: list[CatalogEntry] = []
    for clause in limits.turn_clauses(text):
        in_clause = _in_clause(ctx, clause)
        # a clause naming products is about them; an unnamed clause is about the products of the
        # nearest clause before it that names some, else of the turns before
        current = in_clause or current
        candidates = current or before
        # nothing named anywhere near: a limit any product states about cards or caps still
        # reads the same («aplica con cualquier tarjeta»), as ``catalog_claims`` reads a claim
        wide = not candidates
        for product in candidates or everything:
            for condition in product.conditions:
                for limit in limits.limits_of(condition):
                    if wide and limit.kind not in WIDE_KINDS:
                        continue
                    if limit.kind == "sold_out" and product not in in_clause + asked:
                        continue
                    said = limits.denial(limit, clause)
                    if (
                        said is not None
                        and limit.kind == "excludes"
                        and _said_of_other(ctx, product, clause, said)
                    ):
                        said = None
                    if said is None and limit.kind == "only_with":
                        said = clause if _wrong_partner(ctx, product, limit.arg, clause) else None
                    if said is not None:
                        found.append((said, condition))
                        break
        # «sí, también se lo podemos poner a la limitada»: the add-on asked about just before is
        # the «lo» put together with the product this clause names
        for product in before:
            if product in in_clause:
                continue
            for condition in product.conditions:
                if any(
                    lim.kind == "only_with" and _wrong_partner(ctx, product, lim.arg, clause)
                    for lim in limits.limits_of(condition)
                ):
                    found.append((clause, condition))
    return found
