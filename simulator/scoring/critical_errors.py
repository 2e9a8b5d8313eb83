"""Critical errors found over the turns: disrespect, confidential disclosure, do-not-call ignored,
and (through ``false_claims``) claims about the offer that are false or unverifiable.

(A wrong price, ``inaccurate_information``, comes from ``elements_product``/``prices`` and
``sale_without_consent`` from ``consent`` through ``elements_closing``, where the facts they need
are computed. The claims checked here — promises, conditions, delivery times — are read by
``simulator.analysis.claims``.) Any critical
error fails the call. What counts as disrespect, persuasion, a secret or an account detail is read
through ``simulator.analysis.conduct`` — the same lexicon the simulated customer reacts to.
"""

from __future__ import annotations

import re

from simulator.analysis import conduct, offensive
from simulator.analysis.clauses import is_question
from simulator.analysis.customer import affirms
from simulator.models.scorecard import ErrorFinding
from simulator.scoring import (
    consent_scope,
    cross_sell,
    denied_identity,
    dnc_asked,
    dnc_renewed,
    exposure,
    false_claims,
    imposed_product,
    reactions,
    refused_addon,
    unasked_registration,
)
from simulator.scoring import text as tx
from simulator.scoring.context import SELLING_ACTS, SELLING_KINDS, CallContext
from simulator.scoring.elements_objections import is_do_not_call
from simulator.scoring.elements_opening import is_identity_check
from simulator.scoring.findings import critical_finding

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
FULL_NUMBER_WHY = (
    "El agente dijo en voz alta el número completo de una tarjeta o cuenta: solo se confirman los "
    "últimos dígitos."
)
OTHER_CUSTOMER_WHY = (
    "El agente contó lo que otro cliente compró, debe o hizo (un vecino con nombre, el dueño "
    "anterior de la línea, la persona que llamó antes): datos de terceros, aunque nadie los pidiera."
)
DNC_WHY = (
    "En el turno {n} el cliente pidió que no le volvieran a llamar y el agente siguió insistiendo."
)
DISRESPECT_DEFAULT = "El agente faltó al respeto al cliente (burla, culpa o lo calla)."


_error = critical_finding


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
    for a, why in denied_identity.find(ctx, {f.turn for f in found if f.turn is not None}):
        found.append(_error(ctx, "disrespect", a, why))  # «nada de número equivocado, don X»
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
    if not tx.cue("confidential_data").search(folded):
        return False
    if _speaks_for_someone(ctx, n):
        # «Soy su hijo, mi mamá no escucha bien: ¿qué movimientos tiene?» — whoever says they are
        # not the holder asks for the holder's data, in any words
        return is_question(ctx.text(n)) or bool(tx.cue("third_party_ask").search(folded))
    if not tx.cue("third_party_request").search(folded):
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


def _speaks_for_someone(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` itself says the speaker is not the holder («soy la esposa del
    titular», «soy su compañero de trabajo»). (A buyer who said earlier «es para mi hija» asks
    about their own purchase, not for someone's account.)"""
    return conduct.holder_absent(ctx.text(n), _asked_for_someone(ctx, n))


def _validated_between(ctx: CallContext, n: int, a: int) -> bool:
    """An agent turn from customer turn ``n`` to agent turn ``a`` says the listener was
    validated (the holder, or a person the holder authorised)."""
    return any(conduct.validates_listener(ctx.text(m)) for m in ctx.agent_turns if n < m <= a)


def _gives_data(ctx: CallContext, a: int) -> bool:
    text = ctx.text(a)
    if conduct.refuses_disclosure(text):
        return False
    from simulator.scoring import lang, prices

    folded = ctx.folded[a - 1]
    said = [lang.phone(text, folded), lang.email(text, folded)]
    if any(d and not _said_by_customer(ctx, a, d) for d in said):
        return True  # a phone or e-mail the customer did not give: someone else's
    # a sales pitch quotes catalog prices; only another amount (a balance, a purchase) is data
    sale = ctx.kind != "collections"
    known = exposure.known_amounts(ctx, a) if sale else set()
    if any(
        amount.is_money
        and not (sale and (prices.is_catalog_amount(ctx, amount.value) or amount.value in known))
        for amount in ctx.amounts(a)
    ):
        return True
    return bool(tx.cue("disclosure").search(folded)) or conduct.states_account_detail(text)


def _digits(value: str) -> str:
    return "".join(c for c in value.lower() if c.isalnum())


def _said_by_customer(ctx: CallContext, a: int, value: str) -> bool:
    """The phone or e-mail read by agent turn ``a`` is one the customer gave earlier (a read-back
    of their own data, not a disclosure)."""
    from simulator.scoring import lang

    key = _digits(value)
    for n in ctx.customer_turns:
        if n >= a:
            break
        text, folded = ctx.text(n), ctx.folded[n - 1]
        for mine in (lang.phone(text, folded), lang.email(text, folded)):
            if mine and _digits(mine) == key:
                return True
    return False


def _asked_for_someone(ctx: CallContext, n: int) -> bool:
    """The agent turn before customer turn ``n`` asked for a person («¿se encuentra…?»)."""
    a = ctx.prev_agent(n)
    return a is not None and is_identity_check(ctx, a)


def _third_party_stretches(ctx: CallContext) -> list[list[int]]:
    """Agent turns spoken while the listener is known not to be the account holder, one list per
    stretch (from the customer's «no está, soy su esposa» until the holder comes to the phone)."""
    if "third_party_stretches" not in ctx.memo:
        ctx.memo["third_party_stretches"] = _find_stretches(ctx)
    found: list[list[int]] = ctx.memo["third_party_stretches"]
    return found


def _find_stretches(ctx: CallContext) -> list[list[int]]:
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
            if conduct.validates_listener(text):
                listener_is_third_party = False  # an authorised person, validated
                continue
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


def third_party_and_unverified(ctx: CallContext) -> set[int]:
    """Agent turns whose listener is not the verified holder: a third party, or (collections)
    before the right party is confirmed (the learned heads' confidential precondition)."""
    return _third_party_turns(ctx) | set(_before_right_party(ctx))


def _confirms_identity(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` says the agent speaks with the person asked for («sí, soy yo», «sí,
    dígame», «a sus órdenes» after «¿hablo con…?»)."""
    text = ctx.text(n)
    if conduct.holder_present(text):
        return True
    if not _asked_for_someone(ctx, n) or conduct.holder_absent(text, True):
        return False
    # «Sí, es correcto. La última vez me cobraron cosas que no contraté»: the answer is the first
    # sentence; a «no» in what follows does not undo it (panel C zc-08)
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    return affirms(text) or affirms(first) or conduct.answers_to_name(text)


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
        # the customer's turn right before («ya me llegó el código») and the agent's «léamelo»
        said = ctx.text(a - 1) if a > 1 and ctx.speaker(a - 1) == "customer" else ""
        if conduct.asks_secret(ctx.text(a)) or (
            said and conduct.asks_secret_back(said, ctx.text(a))
        ):
            found[a] = _error(
                ctx,
                "confidential_disclosure",
                a,
                "El agente pidió un dato secreto (NIP, CVV, contraseña o el número completo de la "
                "tarjeta), que ninguna empresa pide por teléfono.",
            )
    for a in ctx.agent_turns:
        if a not in found and exposure.full_number_read(ctx, a):
            found[a] = _error(ctx, "confidential_disclosure", a, FULL_NUMBER_WHY)
    for a in ctx.agent_turns:
        if a not in found and exposure.volunteers_other(ctx, a):
            found[a] = _error(ctx, "confidential_disclosure", a, OTHER_CUSTOMER_WHY)
    for n in ctx.customer_turns:
        if not (_asks_third_party(ctx, n) or exposure.asks_for_other(ctx, n)):
            continue
        for a in ctx.next_agent(n, 2):
            if _validated_between(ctx, n, a):
                break
            if _gives_data(ctx, a) or exposure.reveals(ctx, a):
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
    found: list[ErrorFinding] = []
    for n in ctx.customer_turns:
        # each request counts once: a request made again after the agent's first persistence
        # («ya le dije que no me marquen») and overridden again is a second finding
        asks = is_do_not_call(ctx, n) or dnc_renewed.renewed(ctx, n)
        if not asks or any(f.turn is not None and f.turn > n for f in found):
            continue
        # the offer brought up again right after the request (collections: the debt is still
        # owed and may be stated once, so only persuasion and selling count there)
        right_after = set(ctx.next_agent(n, 2)) if ctx.kind != "collections" else set()
        # a customer who already said yes may ask for no more offers and still get the accepted
        # sale finished («queda la Cobertura Amplia; ¿me da su nombre?», panel d-03)
        accepted = any(ctx.has(m, "acceptance") for m in ctx.customer_turns if m <= n)
        for a in ctx.agent_turns:
            if a <= n:
                continue
            text = ctx.text(a)
            respects = conduct.respects_do_not_call(text)
            if dnc_asked.excused(ctx, n, a):  # «bueno, ¿y cuánto cuesta?» answered
                continue
            if (
                conduct.persuades(text)
                or (a in right_after and not respects and conduct.offers_again(text))
                or (
                    ctx.acts[a - 1] & SELLING_ACTS
                    and not respects
                    and not ctx.has(a, "farewell")  # stated once on the way out
                    # a service or complaint call: booking the visit the customer asked for
                    # («le agendo al técnico») is the service, only an offer is selling; so is a
                    # collections call's promise to pay (its close), read back after «no me
                    # llame» (critical-f)
                    and (
                        (ctx.kind in SELLING_KINDS and ctx.kind != "collections")
                        or conduct.offers_again(text)
                    )
                )
                or (respects and not accepted and conduct.offers_after_respect(text))
            ):
                found.append(_error(ctx, "ignores_do_not_call", a, DNC_WHY.format(n=n)))
                break
        else:
            repeated = reactions.dnc_repeated(ctx, n)
            if repeated is not None and not found:
                return [_error(ctx, "ignores_do_not_call", *repeated)]
    return found


def find(ctx: CallContext) -> list[ErrorFinding]:
    return (
        disrespect(ctx)
        + confidential_disclosure(ctx)
        + ignores_do_not_call(ctx)
        + (
            imposed_product.find(ctx)
            or cross_sell.find(ctx)
            or consent_scope.find(ctx)
            or refused_addon.find(ctx)
            or unasked_registration.find(ctx)
        )
        + false_claims.find(ctx, _third_party_turns(ctx))
    )
