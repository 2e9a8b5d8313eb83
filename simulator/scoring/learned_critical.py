"""Critical errors the rules missed and the learned heads read, where the family can apply.

The heads of ``simulator.analysis.critical_head`` say how much an agent line reads like each
family's critical error; a head alone would also fire where the error cannot exist (insisting
when nobody asked not to be called, a registration the customer plainly accepted). A finding is
added only when the rules did not find that family there and the family's structural
precondition holds in the call:

* disrespect: any agent turn the rules do not read as empathy, thanks or a paraphrase (an excellent
  agent's «O sea que se les traba justo cuando más lo usan» is never the head's disrespect);
* confidential disclosure: the listener is not the verified holder (a third party, or collections
  before the right party is confirmed), the customer just asked for someone's data or spoke for
  someone, or the line asks for data (a secret asked) — and the line does not refuse to tell;
* do-not-call: the customer asked earlier not to be called or offered anything more, and the line
  does not say it respects that (unless it offers again in the same breath);
* inaccurate information: the line asserts something (a claim about the offer, a consequence in
  collections), not a bare question, and does not deny a consequence («nadie va a la cárcel»);
* sale without consent: an imported sale call (no simulated consent events; in a service call
  the customer asked for what is registered) whose customer gave no
  explicit yes in the turn before the line, and a line that speaks of registering, charging or
  sending and asserts (not a bare question, not a
  registration that waits for the yes: «en cuanto me dé su sí, se lo registro»).

One finding per turn and family, the line as evidence, a Spanish explanation of the family.
"""

from __future__ import annotations

import re

from simulator.analysis import conduct, critical_head
from simulator.analysis.clauses import clauses_of
from simulator.models.scorecard import ErrorFinding
from simulator.scoring import text as tx
from simulator.scoring.consent import says_yes
from simulator.scoring.context import SELLING_KINDS, CallContext
from simulator.scoring.elements_objections import is_do_not_call
from simulator.scoring.findings import critical_finding

WHY = {
    "disrespect": "El agente faltó al respeto al cliente (burla, condescendencia, culpa, "
    "amenaza o presión): el trato al cliente es siempre respetuoso.",
    "confidential_disclosure": "El agente pidió o dio información confidencial (datos de la "
    "cuenta a quien no es el titular verificado, o un dato secreto como NIP, contraseña o código).",
    "ignores_do_not_call": "El cliente pidió que no le volvieran a llamar o que no le ofrecieran "
    "nada y el agente siguió insistiendo.",
    "inaccurate_information": "El agente afirmó algo que no es cierto o que no puede garantizar "
    "(condiciones, precios, plazos o consecuencias de la deuda).",
    "sale_without_consent": "El agente registró o cobró la venta sin un «sí» explícito del cliente.",
}
# training (bench/train_critical.py) scores the rules alone with this off
ENABLED = [True]
# families the rules report once per call: the head adds none when the rules found one
_ONCE = frozenset({"ignores_do_not_call", "sale_without_consent"})


# the line speaks of a registration, a charge or a shipment (a worked example of a deductible
# with amounts is none)
_REGISTERS = re.compile(
    r"\b(registr\w*|activ\w*|contrat\w*|quedo|queda|cargo|carg\w*|cobr\w*|pedido|folio|alta|"
    r"suscri\w*|agreg\w*|inscri\w*|tramit\w*|envi\w*|mand\w*|aplic\w*|proces\w*|orden)\b"
)
# «en cuanto me dé su sí, se lo registro»: a registration that waits for the yes
_CONDITIONAL_YES = re.compile(
    r"\b(en cuanto|cuando|si|nada mas|nomas|solo|una vez que) (usted )?me "
    r"(de|da|diga|dice|confirme|confirma|autorice|autoriza|acepte|acepta)\b"
)


# «por una deuda de tarjeta nadie va a la cárcel»: a consequence denied is the truth told, and the
# head (which learned the consequences' words) must not read it as a threat invented
_REASSURES = re.compile(
    r"(?<!\bsi )\b(nadie|no|nunca|ni|ningun[oa]?)\b[^.;:!?]{0,40}"
    r"\b(carcel|preso|embarg\w*|demand\w*|policia|arrest\w*|juicio|penal\w*)\b"
)


def _prev_customer(ctx: CallContext, n: int) -> int | None:
    return next((m for m in reversed(ctx.customer_turns) if m < n), None)


def _confidential_applies(ctx: CallContext, n: int, outside: set[int]) -> bool:
    if n in outside:
        return True
    c = _prev_customer(ctx, n)
    folded = ctx.folded[n - 1]
    if (
        c is not None
        and (
            conduct.holder_absent(ctx.text(c), False)
            or tx.cue("third_party_request").search(ctx.folded[c - 1])
        )
        # the line speaks of data (a recommendation with catalog prices tells nothing)
        and (tx.cue("confidential_data").search(folded) or tx.cue("disclosure").search(folded))
    ):
        return True
    # a secret asked: a question of the line asks about data; telling the verified holder their
    # own balance, or «nunca le voy a pedir su NIP… ¿qué le haría sentir tranquilo?», is not
    data = tx.cue("confidential_data")
    return any(
        c.question and data.search(tx.fold(c.norm[c.qstart :])) for c in clauses_of(ctx.text(n))
    )


def _asserts(ctx: CallContext, n: int) -> bool:
    return any(not c.question for c in clauses_of(ctx.text(n)))


def applicable(ctx: CallContext, n: int, outside: set[int] | None = None) -> set[str]:
    """The families whose structural precondition holds at agent turn ``n`` (module docstring);
    ``outside``: the turns whose listener is not the verified holder (computed when None)."""
    if outside is None:
        from simulator.scoring.critical_errors import third_party_and_unverified

        outside = third_party_and_unverified(ctx)
    out = set() if ctx.has(n, "empathy", "paraphrase", "thanks") else {"disrespect"}
    text = ctx.text(n)
    if _confidential_applies(ctx, n, outside) and not conduct.refuses_disclosure(text):
        out.add("confidential_disclosure")
    if not (conduct.respects_do_not_call(text) and not conduct.offers_after_respect(text)) and any(
        m < n and is_do_not_call(ctx, m) for m in ctx.customer_turns
    ):
        out.add("ignores_do_not_call")
    if _asserts(ctx, n) and not _REASSURES.search(ctx.folded[n - 1]):
        out.add("inaccurate_information")
    if (
        ctx.kind in SELLING_KINDS  # service: what the customer asked for (consent.py)
        and not any(e.type == "consent" for e in ctx.transcript.events)
        and _asserts(ctx, n)
        and _REGISTERS.search(ctx.folded[n - 1])
        and not _CONDITIONAL_YES.search(ctx.folded[n - 1])
    ):
        # with consent events, the simulated customer's own decision: consent.py trusts it
        c = _prev_customer(ctx, n)
        if c is None or not says_yes(ctx, c):
            out.add("sale_without_consent")
    return out


def _families(
    ctx: CallContext, n: int, found: set[tuple[str, int]], outside: set[int]
) -> list[str]:
    codes = {code for code, _ in found}
    fams = applicable(ctx, n, outside)
    return [
        fam
        for fam in critical_head.FAMILIES
        if fam in fams and (fam, n) not in found and not (fam in _ONCE and fam in codes)
    ]


def find(ctx: CallContext, existing: list[ErrorFinding]) -> list[ErrorFinding]:
    """The findings the heads add to ``existing`` (the rules' critical errors of the call)."""
    if not ctx.agent_turns or not ENABLED[0]:
        return []
    from simulator.scoring.critical_errors import third_party_and_unverified

    found = {(e.code, e.turn or 0) for e in existing}
    outside = third_party_and_unverified(ctx)
    turns = [n for n in ctx.agent_turns if ctx.text(n).strip()]
    items = []
    for n in turns:
        c = _prev_customer(ctx, n)
        items.append((ctx.text(n), ctx.text(c) if c else None, _families(ctx, n, found, outside)))
    out = []
    added: set[str] = set()
    for n, fams in zip(turns, critical_head.flagged(items), strict=True):
        for fam in critical_head.FAMILIES:
            if fam not in fams or (fam in _ONCE and fam in added):
                continue
            added.add(fam)
            out.append(critical_finding(ctx, fam, n, WHY[fam]))
    return out
