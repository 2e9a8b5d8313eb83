"""Did the customer consent to the sale that was registered? One answer, two sources.

Simulated calls carry the customer brain's own decision as ``consent`` events (accepted, refused,
hesitated) written right after the customer's turn; the scorer trusts them, so the call's outcome
(«Sin venta» or venta) and ``sale_without_consent`` can never disagree. Imported calls have no
such events: consent is then an explicit yes to the last close answered before the sale was
registered — «Así es», «órale, va», «está bien, hágalo» consent; «Mmm, depende», «lo voy a
pensar», «a ver…» do not, and they cancel an earlier yes.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.analysis.customer import affirms, hesitates
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.prices import products_named

MAX_DAY = 31


@dataclass(frozen=True)
class Consent:
    """The close that was answered last before the sale and the customer's acceptance (or None).

    ``declined``: the customer turn that refused or hesitated after the last close, if any;
    ``from_events``: the simulated customer's own decision was used."""

    close: int | None
    accepted: int | None
    declined: int | None = None
    from_events: bool = False
    # service: the customer asked for what was registered and never refused it
    requested: bool = False


def sale_turn(ctx: CallContext) -> int | None:
    """The last turn before the (first) sale registration; the end of the call when unknown."""
    for event in ctx.transcript.events:
        if event.type == "sale_registered" and event.after_turn:
            return min(max(event.after_turn, 1), ctx.n_turns) if ctx.n_turns else None
    return ctx.registered_in_words or ctx.n_turns or None


def declines(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` refuses, objects or hesitates («depende», «lo voy a pensar»)."""
    return ctx.has(n, "refusal", "objection") or hesitates(ctx.text(n))


def says_yes(ctx: CallContext, n: int, answering_close: bool = True) -> bool:
    """Customer turn ``n`` accepts: tagged so, or (answering a close) an explicit affirmative
    («así es», «sí, por favor») that neither asks, objects nor hesitates."""
    if declines(ctx, n):
        return False
    if ctx.has(n, "acceptance"):
        return True
    if ctx.has(n, "question") or not answering_close:
        return False
    return affirms(ctx.text(n))


_BACKCHANNEL = frozenset(
    {
        "aja",
        "aha",
        "mhm",
        "ajam",
        "ok",
        "okey",
        "oki",
        "ya",
        "bueno",
        "orale",
        "pues",
        "este",
        "mmm",
        "mm",
        "eh",
        "ah",
        "si",
    }
)


def weak_yes(text: str) -> bool:
    """A customer's «sí» to a close that is no consent in an imported call: hedged, deferred,
    an understanding or a listening noise, a way to end the call, or with a doubt still asked
    («sí, ¿y eso tiene costo?») — unless an explicit acceptance is said too («sí, acepto»)."""
    folded = tx.fold(text)
    if not folded or tx.cue("strong_yes").search(folded):
        return False
    words = folded.split()
    if set(words) <= _BACKCHANNEL and set(words) - {"si"}:
        return True  # «ajá, sí, ajá», «ok, ok», «órale»: listening, not agreeing
    return "?" in text or bool(tx.cue("weak_yes").search(folded))


def _from_events(ctx: CallContext, limit: int | None) -> Consent | None:
    events = [e for e in ctx.transcript.events if e.type == "consent" and e.after_turn]
    if not events:
        return None
    before = [e for e in events if limit is None or (e.after_turn or 0) <= limit]
    accepted = [e for e in before if e.value == "accepted"]
    declined = [e for e in before if e.value != "accepted"]
    last_ok = accepted[-1].after_turn if accepted else None
    last_no = declined[-1].after_turn if declined else None
    if last_ok is not None and (last_no is None or last_no < last_ok):
        return Consent(ctx.prev_agent(last_ok - 1), last_ok, None, True)
    close = ctx.prev_agent(last_no - 1) if last_no else None
    return Consent(close, None, last_no, True)


def _from_words(ctx: CallContext, limit: int) -> Consent:
    close: int | None = None
    accepted: int | None = None
    declined: int | None = None
    pending = False
    for n in range(1, limit + 1):
        if ctx.speaker(n) == "agent":
            if ctx.has(n, "close"):
                close, pending = n, True
            continue
        if pending and declines(ctx, n):
            accepted, declined, pending = None, n, False
        elif pending and says_yes(ctx, n) and weak_yes(ctx.text(n)):
            # «sí, ¿y eso tiene costo?», «creo que sí, no sé»: not yet a yes; the close stays
            # open for the explicit one that may follow
            accepted, declined = None, n
        elif pending and says_yes(ctx, n):
            accepted, declined, pending = n, None, False
        elif (
            not pending
            and ctx.has(n, "acceptance")
            and not declines(ctx, n)
            and not weak_yes(ctx.text(n))
        ):
            accepted, declined = n, None  # «sí, contrátemelo» before any close is a yes too
        elif not pending and accepted is not None and declines(ctx, n):
            # «sí, cuénteme» … «no, ahorita no, gracias»: a refusal or doubt said later, even to a
            # question that was no close, takes back the earlier yes (DOMAIN.md: a close needs
            # explicit consent; issue 12, helper score-p)
            accepted, declined = None, n
    return Consent(close, accepted, declined)


def _confirms(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` asks the customer to confirm what is registered: a close, a service's
    read-back, or a collections question naming the promise's amount («¿son los 1,850
    completos?»; a read-back of the phone alone is no promise)."""
    if ctx.speaker(n) != "agent" or "?" not in ctx.text(n):
        return False
    if ctx.has(n, "close", "trial_close"):
        return True
    if ctx.kind != "collections":
        return ctx.has(n, "data_confirmation")
    # an amount with or without «pesos» (a day of the month is not)
    return any(a.is_money or a.value > MAX_DAY for a in ctx.amounts(n))


def _refused(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` refused outright (said no or hung up), not just asked or hesitated."""
    said_no = any(
        e.type == "consent" and e.after_turn == n and e.value == "refused"
        for e in ctx.transcript.events
    )
    return said_no or ctx.has(n, "refusal")


def _not_selling(ctx: CallContext, found: Consent, limit: int) -> Consent:
    """Service and collections: the registration is the report the customer called for, or the
    promise they made. An earlier question or doubt («¿me regresan los 998 mañana?») is answered
    and left behind when the customer then says yes to the read-back or to the amount and date
    («¿es correcto y registro el reporte?» — «Sí, correcto»); in a service call, what the customer
    asked for lacks consent only when the customer refused it."""
    start = 1 if found.accepted is not None or found.declined is None else found.declined
    accepted: int | None = None
    for n in range(start, limit + 1):
        if ctx.speaker(n) != "customer":
            continue
        prev = ctx.prev_agent(n - 1)
        if prev is not None and _confirms(ctx, prev) and says_yes(ctx, n):
            accepted = n
        elif accepted is not None and (declines(ctx, n) or _refused(ctx, n)):
            accepted = None
    if found.accepted is not None and found.declined is None:
        return found
    if accepted is not None:
        return Consent(ctx.prev_agent(accepted - 1), accepted, None, found.from_events)
    if ctx.kind == "service" and not (found.declined and _refused(ctx, found.declined)):
        return Consent(found.close, None, None, found.from_events, requested=True)
    return found


def consent(ctx: CallContext) -> Consent:
    """The consent behind the registered sale (computed once per call)."""
    if "consent" not in ctx.memo:
        limit = sale_turn(ctx) if ctx.sale_registered else ctx.n_turns
        found = _from_events(ctx, limit)
        if found is None:
            outcome = ctx.transcript.outcome
            # a collections call's outcome says whether the promise and the data were complete,
            # not whether the customer agreed: its registration is judged on the words
            if (
                outcome is not None
                and outcome != "sale"
                and ctx.sale_registered
                and ctx.kind != "collections"
            ):
                found = Consent(None, None, None, True)  # the simulated customer never said yes
            else:
                found = _from_words(ctx, limit or 0)
        if ctx.kind in ("service", "collections") and ctx.sale_registered:
            found = _not_selling(ctx, found, limit or 0)
        ctx.memo["consent"] = found
    result: Consent = ctx.memo["consent"]
    return result


def explanation(found: Consent) -> str:
    """Why a registered sale lacks consent, in Spanish, for the scorecard."""
    if found.declined is not None:
        return (
            f"En el turno {found.declined} el cliente no aceptó el cierre (dudó, objetó o dijo que "
            "no) y aun así se registró la venta."
        )
    if found.close is None:
        return "Se registró la venta sin una pregunta de cierre seguida de un «sí» explícito del cliente."
    return f"Hubo un cierre en el turno {found.close}, pero el cliente no lo aceptó explícitamente."


def registered_product(ctx: CallContext) -> str | None:
    """The product named by the (first) sale registration event, if it names one."""
    for event in ctx.transcript.events:
        if event.type == "sale_registered":
            return event.value or None
    return None


def _agreed_products(ctx: CallContext, found: Consent) -> set[str]:
    """The catalog products the accepted close was about: named in the close, or whose price is
    an amount said in the close or in the customer's yes («sí, los 1,850 el viernes»)."""
    names: set[str] = set()
    turns = [n for n in (found.close, found.accepted) if n]
    for n in turns:
        names.update(p.name for p in products_named(ctx, n) if ctx.speaker(n) == "agent")
        said = {round(a.value) for a in ctx.amounts(n) if a.is_money}
        names.update(
            p.name for p in ctx.transcript.catalog if p.price is not None and round(p.price) in said
        )
    return names


def registration_mismatch(ctx: CallContext) -> tuple[str, list[str]] | None:
    """Collections: the registered promise is not the one the customer accepted (registered
    «Convenio a 3 meses» after promising the minimum payment). Returns (registered, agreed); None
    when they match or either side is unknown. Sales keep the one-truth rule of ``consent``."""
    if ctx.kind != "collections" or not ctx.sale_registered:
        return None
    registered = registered_product(ctx)
    found = consent(ctx)
    if registered is None or found.accepted is None:
        return None
    agreed = _agreed_products(ctx, found)
    if not agreed or registered in agreed or _agreed_later(ctx, registered):
        return None
    return registered, sorted(agreed)


def _agreed_later(ctx: CallContext, registered: str) -> bool:
    """A later close put the registered promise and the customer said yes to it (the convenio
    first accepted, then the minimum payment proposed instead when its first instalment could not
    be met: blind panel P sb-03). The registration follows the last yes, not the first."""
    sold = next(
        (
            e.after_turn
            for e in ctx.transcript.events
            if e.type == "sale_registered" and e.after_turn is not None
        ),
        ctx.n_turns,
    )
    for n in ctx.agent_turns:
        if n >= sold or n + 1 > ctx.n_turns or ctx.speaker(n + 1) != "customer":
            continue
        if not ctx.has(n, "close") or not ctx.has(n + 1, "acceptance"):
            continue
        if registered in _agreed_products(ctx, Consent(close=n, accepted=n + 1)):
            return True
    return False


def mismatch_explanation(registered: str, agreed: list[str]) -> str:
    """Why the registration does not match the promise, in Spanish, for the scorecard."""
    said = " o ".join(f"«{name}»" for name in agreed)
    return (
        f"Se registró «{registered}», pero el cliente se comprometió a {said}: el registro debe "
        "ser exactamente la promesa que el cliente aceptó."
    )
