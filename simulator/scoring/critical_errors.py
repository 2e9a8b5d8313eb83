"""Critical errors found over the turns: disrespect, confidential disclosure, do-not-call ignored,
and claims about the offer that are false or unverifiable.

(A wrong price, ``inaccurate_information``, comes from ``elements_product``/``prices`` and
``sale_without_consent`` from ``consent`` through ``elements_closing``, where the facts they need
are computed. The claims checked here — promises, conditions, delivery times — are read by
``simulator.analysis.claims``.) Any critical
error fails the call. What counts as disrespect, persuasion, a secret or an account detail is read
through ``simulator.analysis.conduct`` — the same lexicon the simulated customer reacts to.
"""

from __future__ import annotations

import re

from simulator.analysis import claims, conduct, offensive
from simulator.analysis.clauses import is_question
from simulator.analysis.customer import affirms
from simulator.models.scorecard import ErrorFinding
from simulator.scoring import catalog_claims, reactions
from simulator.scoring import text as tx
from simulator.scoring.context import SELLING_ACTS, CallContext
from simulator.scoring.elements_objections import is_do_not_call
from simulator.scoring.elements_opening import is_identity_check
from simulator.scoring.judged import example
from simulator.scoring.slots import slots

DISRESPECT_WHY = {
    "threat": "El agente amenazó o intimidó al cliente (cárcel, embargo, avisar en su trabajo, "
    "llamar hasta que pague): prohibido en cobranza.",
    "insult": "El agente insultó al cliente.",
    "mockery": "El agente se burló del cliente.",
    "condescension": "El agente trató al cliente con condescendencia (como si no entendiera).",
    "blame": "El agente culpó al cliente.",
    "silencing": "El agente calló o cortó al cliente.",
    "hang_up": "El agente invitó al cliente a colgar o a irse con otra compañía.",
    "calm_down": "El agente le pidió al cliente que se calmara en lugar de reconocer su molestia.",
    "pressure": "El agente presionó al cliente para que decidiera («decídase ya», «usted se lo pierde»).",
}
DISRESPECT_DEFAULT = "El agente faltó al respeto al cliente (burla, culpa o lo calla)."


def _error(ctx: CallContext, code: str, n: int, explanation: str) -> ErrorFinding:
    return ErrorFinding(
        code=code,
        turn=n,
        evidence=tx.quote(ctx.text(n)),
        explanation=explanation,
        better_phrasing=example(code, slots(ctx), kind="critical"),
    )


def disrespect(ctx: CallContext) -> list[ErrorFinding]:
    found = []
    for n in ctx.agent_turns:
        # The tagger reads clause by clause; a vocative («Ay, gordita, …») needs the raw commas.
        text = ctx.text(n)
        if not (
            ctx.has(n, "disrespect") or offensive.insult(text) or conduct.mocking_laughter(text)
        ):
            continue
        kind = conduct.disrespect_kind(ctx.text(n))
        found.append(
            _error(ctx, "disrespect", n, DISRESPECT_WHY.get(kind or "", DISRESPECT_DEFAULT))
        )
    for a, why in reactions.refused_name(ctx, {f.turn for f in found if f.turn is not None}):
        found.append(_error(ctx, "disrespect", a, why))
    # Imported calls: the customer's «¡no me falte al respeto!» names the turn before it.
    flagged = {f.turn for f in found if f.turn is not None}
    for a, why in reactions.offended_turns(ctx, flagged):
        found.append(_error(ctx, "disrespect", a, why))
    return sorted(found, key=lambda f: f.turn or 0)


_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+")


def _asks_third_party(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` asks for someone else's data: one sentence names the other person and
    the data, and asks («¿Me dice el teléfono de la señora Gómez?»). A sentence about the
    customer's own family («una cirugía de mi esposa nos dejó sin ahorros») next to a question
    about the offer asks for nobody's data (panel y-09)."""
    folded = ctx.folded[n - 1]
    if not (
        tx.cue("third_party_request").search(folded) and tx.cue("confidential_data").search(folded)
    ):
        return False
    for sentence in _SENTENCE_END.split(ctx.text(n)):
        part = tx.fold(sentence)
        if (
            tx.cue("third_party_request").search(part)
            and tx.cue("confidential_data").search(part)
            and (is_question(sentence) or tx.cue("third_party_ask").search(part))
        ):
            return True
    return False


def _gives_data(ctx: CallContext, a: int) -> bool:
    text = ctx.text(a)
    if conduct.refuses_disclosure(text):
        return False
    from simulator.scoring import lang, prices

    folded = ctx.folded[a - 1]
    if lang.phone(text, folded) or lang.email(text, folded):
        return True
    # a sales pitch quotes catalog prices; only another amount (a balance, a purchase) is data
    sale = ctx.kind != "collections"
    if any(
        amount.is_money and not (sale and prices.is_catalog_amount(ctx, amount.value))
        for amount in ctx.amounts(a)
    ):
        return True
    return bool(tx.cue("disclosure").search(folded)) or conduct.states_account_detail(text)


def _asked_for_someone(ctx: CallContext, n: int) -> bool:
    """The agent turn before customer turn ``n`` asked for a person («¿se encuentra…?»)."""
    a = ctx.prev_agent(n)
    return a is not None and is_identity_check(ctx, a)


def _third_party_stretches(ctx: CallContext) -> list[list[int]]:
    """Agent turns spoken while the listener is known not to be the account holder, one list per
    stretch (from the customer's «no está, soy su esposa» until the holder comes to the phone)."""
    listener_is_third_party = False
    stretches: list[list[int]] = []
    for n in range(1, ctx.n_turns + 1):
        text = ctx.text(n)
        if ctx.speaker(n) == "customer":
            # «¿Hablo con el señor Ernesto Vázquez?» — «Sí, a sus órdenes»: the agent asked again
            # (a wrong name corrected, or the holder came to the phone) and this listener is him.
            if conduct.holder_present(text) or (
                listener_is_third_party and _confirms_identity(ctx, n)
            ):
                listener_is_third_party = False
            elif conduct.holder_absent(text, _asked_for_someone(ctx, n)):
                if not listener_is_third_party:
                    stretches.append([])
                listener_is_third_party = True
        elif listener_is_third_party:
            stretches[-1].append(n)
        elif conduct.speaks_to_third_party(text):
            # «Usted aparece como referencia del señor Tapia…», «dígale a su esposo que…»: the
            # agent's own words say the listener is someone else, from this very turn on.
            stretches.append([n])
            listener_is_third_party = True
    return stretches


def _third_party_turns(ctx: CallContext) -> set[int]:
    """Agent turns spoken while the listener is known not to be the account holder."""
    return {n for stretch in _third_party_stretches(ctx) for n in stretch}


def _confirms_identity(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` says the agent speaks with the person asked for («sí, soy yo», «sí,
    dígame», «a sus órdenes» after «¿hablo con…?»)."""
    text = ctx.text(n)
    if conduct.holder_present(text):
        return True
    if not _asked_for_someone(ctx, n) or conduct.holder_absent(text, True):
        return False
    return affirms(text) or conduct.answers_to_name(text)


def _before_right_party(ctx: CallContext) -> list[int]:
    """Collections (DOMAIN.md: right-party contact before any detail): agent turns from the first
    time the agent asks for a person until someone confirms being that person. Turns where the
    listener already said they are someone else are left to the third-party check."""
    if ctx.kind != "collections":
        return []
    turns: list[int] = []
    pending = False
    for n in range(1, ctx.n_turns + 1):
        if ctx.speaker(n) == "customer":
            if pending and _confirms_identity(ctx, n):
                return turns
            if conduct.holder_absent(ctx.text(n), _asked_for_someone(ctx, n)):
                return turns
            continue
        if not pending and is_identity_check(ctx, n):
            pending = True
        if pending:
            turns.append(n)
    return turns


def confidential_disclosure(ctx: CallContext) -> list[ErrorFinding]:
    found: dict[int, ErrorFinding] = {}
    for a in ctx.agent_turns:
        if conduct.asks_secret(ctx.text(a)):
            found[a] = _error(
                ctx,
                "confidential_disclosure",
                a,
                "El agente pidió un dato secreto (NIP, CVV, contraseña o el número completo de la "
                "tarjeta), que ninguna empresa pide por teléfono.",
            )
    for n in ctx.customer_turns:
        if not _asks_third_party(ctx, n):
            continue
        for a in ctx.next_agent(n, 2):
            if _gives_data(ctx, a):
                found.setdefault(
                    a,
                    _error(
                        ctx,
                        "confidential_disclosure",
                        a,
                        f"En el turno {n} el cliente pidió datos de otra persona o cuenta y el agente los dio.",
                    ),
                )
                break
            if conduct.refuses_disclosure(ctx.text(a)):
                break
    # One finding per listener: once the debt is told to a relative, repeating it («hasta que la
    # señora pague lo que debe») is the same disclosure, not a new one.
    for stretch in _third_party_stretches(ctx):
        told = next((a for a in stretch if _tells_account(ctx, a)), None)
        if told is not None and not any(a in found for a in stretch):
            found[told] = _error(
                ctx,
                "confidential_disclosure",
                told,
                "El agente dio detalles de la cuenta o la deuda del titular a otra persona "
                "(familiar, vecino o compañero) sin haber confirmado que hablaba con el titular.",
            )
    early = next((a for a in _before_right_party(ctx) if _tells_account(ctx, a)), None)
    if early is not None and early not in found:
        found[early] = _error(
            ctx,
            "confidential_disclosure",
            early,
            "El agente habló de la deuda antes de confirmar que hablaba con el titular (contacto "
            "con la persona correcta primero): quien contestó pudo ser cualquiera.",
        )
    return [found[a] for a in sorted(found)]


def _tells_account(ctx: CallContext, a: int) -> bool:
    text = ctx.text(a)
    return conduct.states_account_detail(text) and not conduct.refuses_disclosure(text)


def ignores_do_not_call(ctx: CallContext) -> list[ErrorFinding]:
    anyway = reactions.calls_again_anyway(ctx)
    if anyway is not None:  # «si me cuelga, lo vuelvo a llamar»: overridden before it is asked
        return [_error(ctx, "ignores_do_not_call", *anyway)]
    for n in ctx.customer_turns:
        if not is_do_not_call(ctx, n):
            continue
        for a in ctx.agent_turns:
            if a <= n:
                continue
            text = ctx.text(a)
            if conduct.persuades(text) or (
                ctx.acts[a - 1] & SELLING_ACTS and not conduct.respects_do_not_call(text)
            ):
                return [
                    _error(
                        ctx,
                        "ignores_do_not_call",
                        a,
                        f"En el turno {n} el cliente pidió que no le volvieran a llamar y el agente siguió insistiendo.",
                    )
                ]
        repeated = reactions.dnc_repeated(ctx, n)
        if repeated is not None:
            return [_error(ctx, "ignores_do_not_call", *repeated)]
    return []


PROMISE_WHY = {
    "free": "El agente prometió que todo es gratis o que no pagará nada: una promesa que no se puede "
    "cumplir ni comprobar (las condiciones del producto tienen costos).",
    "guarantee": "El agente garantizó una aprobación o un resultado («aprobado seguro», «sin revisar "
    "buró») que no depende de él: información engañosa.",
    "legal_consequence": "El agente anunció una consecuencia legal falsa de la deuda (cárcel, embargo "
    "sin juicio, buró de por vida): en México nadie va a la cárcel por una deuda civil.",
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
ASK_NAME = ("como se llama", "cual es su nombre", "con quien tengo el gusto", "me dice su nombre")


def _supports_free(ctx: CallContext) -> bool:
    return any(
        entry.price == 0 or any(claims.extract(c) for c in entry.conditions)
        for entry in ctx.transcript.catalog
    )


_COST = re.compile(
    r"\b(?:costo|cuesta|cobr\w*|pag(?:ar|a|o|ue)|cuota|gastos?|cargo|comision|anualidad|"
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


def false_claims(ctx: CallContext) -> list[ErrorFinding]:
    """Promises nobody can verify, and conditions or delivery times the catalog contradicts.
    Without a catalog (imported calls) only the flagrant promises count, and «todo gratis» only
    when the call itself later brings a cost."""
    found: list[ErrorFinding] = []
    third_party = _third_party_turns(ctx)
    has_catalog = bool(ctx.transcript.catalog)
    # A promise repeated later in the call («su crédito preaprobado» said again) is the same false
    # statement: reported once, where it was first made.
    promised: set[str] = set()
    for a in ctx.agent_turns:
        why: str | None = None
        for claim in claims.extract(ctx.text(a)):
            # «todo gratis» and «gratis de por vida» are one promise, reported once
            topic = "free" if claim.topic == "free_forever" else claim.topic
            if claim.kind == "promise" and topic in promised:
                continue
            if claim.kind == "promise":
                if _false_free(ctx, a, claim.topic, has_catalog):
                    why = PROMISE_WHY["free"]
                elif claim.topic in ("guarantee", "legal_consequence"):
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
        if why is not None:
            found.append(_error(ctx, "inaccurate_information", a, why))
    return found


def find(ctx: CallContext) -> list[ErrorFinding]:
    return (
        disrespect(ctx)
        + confidential_disclosure(ctx)
        + ignores_do_not_call(ctx)
        + false_claims(ctx)
    )
