"""Element ``opening_protocol``: greeting, company, agent name, offer of help or purpose.

Outbound calls must also confirm who they are speaking with («¿hablo con…?»). The opening is
looked for in the first agent turns (at most three, and not after the first presentation). In a
collections call the purpose may only be said to the debtor (right-party contact first, per the
CONDUSEF rules in DOMAIN.md), so it is looked for up to the agent turn right after the last
identity check of the opening: «es un asunto personal… ¿es usted?» — «Sí» — «le llamo porque…».
"""

from __future__ import annotations

import re

from simulator.analysis.customer import states_call_reason
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.judged import Judged, judged
from simulator.scoring.slots import slots

OPENING_WINDOW = 3
_QUESTION = re.compile(r"¿?([^¿?.!]*)\?")
RIGHT_PARTY_WINDOW = 5
MISSING = {
    "greeting": "Saludo al inicio de la llamada",
    "company_id": "Nombre de la empresa",
    "agent_id": "Nombre del agente",
    "offer_help": "Ofrecimiento de ayuda o motivo de la llamada",
    "confirm_identity": "Confirmar con quién habla («¿hablo con…?»)",
}


# A company name anonymized by the source («(Nombre de la empresa) Buenos días», «[empresa]»): the
# agent said it; the publisher removed it (external dev ar163, objections-a).
_PLACEHOLDER = re.compile(
    r"[(\[<]\s*(?:nombre de (?:la )?)?(?:empresa|compa[ñn][íi]a|banco|entidad|marca)\s*[)\]>]",
    re.IGNORECASE,
)


def opening_turns(ctx: CallContext) -> list[int]:
    turns = ctx.agent_turns[:OPENING_WINDOW]
    if ctx.first_presentation is not None:
        turns = [n for n in turns if n <= ctx.first_presentation]
    return turns or ctx.agent_turns[:1]


def _purpose_turns(ctx: CallContext, window: list[int]) -> list[int]:
    """Where the purpose may be said: the opening, and in collections the turn after the right
    party confirmed who they are."""
    if ctx.kind != "collections":
        return window
    checks = [n for n in ctx.agent_turns[:RIGHT_PARTY_WINDOW] if is_identity_check(ctx, n)]
    if not checks:
        return window
    after = ctx.next_agent(checks[-1])
    # the holder may hold up the verification with questions of his own («¿de parte de quién?»,
    # «¿queda grabada?»): the purpose said once he is satisfied, within the opening's first
    # turns, is still the opening's purpose (panel E, a collections call)
    verifying = ctx.agent_turns[: RIGHT_PARTY_WINDOW + 1]
    return sorted(
        set(window) | {n for n in ctx.agent_turns if n <= checks[-1]} | set(after) | set(verifying)
    )


def is_identity_check(ctx: CallContext, n: int) -> bool:
    """A closed question confirming who the agent speaks with (does not count as probing)."""
    folded = ctx.folded[n - 1]
    if tx.cue("identity_check").search(folded):
        return True
    name = ctx.customer_name
    if name and n in ctx.agent_turns[:OPENING_WINDOW] and ctx.has(n, "closed_question"):
        first = tx.fold(name).split()[:1]
        # the name inside the question («¿Hablo con Ernesto?»), not only said before it
        # («Gracias, señor Ernesto. … ¿Me platica qué pasó?» probes)
        text = ctx.text(n)[:4000]
        asked = " ".join(tx.fold(q) for q in _QUESTION.findall(text)) if "?" in text else folded
        return bool(first) and first[0] in asked.split()
    return False


# «Buenos días, Carlos», «Hola, señora Ruiz»: the greeting addressed to the person by name
_GREET_BY_NAME = re.compile(
    # an outbound call often starts by checking the line («¿Bueno? ¿Bueno?… muy buenas tardes»)
    r"^(?:\W*(?i:s[ií]\W+)?(?i:bueno)\b)*\W*(?i:muy\s+)?"
    r"(?i:buen[oa]s? (?:d[ií]as|tardes|noches)|buen d[ií]a|hola|qu[eé] tal)\W+"
    r"(?i:(?:señor|señora|señorita|don|doña|sr|sra|srta|licenciad[oa]|lic|ingenier[oa]|ing)\.?\s+)?"
    # a capitalised word that is no other greeting or the start of a sentence («Hola, Buenas
    # tardes», «Buenos días, Le llamo…»)
    r"(?!(?:Buen|Hola|Qu[eé]|Le|Lo|La|Te|Me|Mi|Soy|Habla|Gracias|Bienvenid|Disculp|Perd|Con|"
    r"Usted|Ustedes|Se|Es|Est|Mucho|Un|Una|El|Los|Las|Aqu|Yo|Nos|Somos)[a-záéíóúñ]*\b)"
    # the name as a dialler prints it too, in capitals («muy buenas tardes DAVID FLORES»)
    r"([A-ZÁÉÍÓÚÑ](?:[a-záéíóúñ]+|[A-ZÁÉÍÓÚÑ]+))"
)


def greets_by_name(ctx: CallContext, n: int) -> bool:
    """The agent greets the person who answered by name and the reply does not correct it: the
    identity is confirmed without asking «¿hablo con…?» (a follow-up call: «Buenos días, Carlos,
    te llamo de…» — «Sí, dime»)."""
    found = _GREET_BY_NAME.search(ctx.text(n)[:200])
    if not found:
        return False
    own = " ".join(tx.fold(x or "") for x in (ctx.transcript.company, ctx.transcript.agent_name))
    if tx.fold(found.group(1)) in own.split():
        return False  # «Buenas tardes, Telcel…», «Buenas tardes, Ana le atiende»: not the customer
    reply = [m for m in ctx.customer_turns if m > n][:1]
    return not any(tx.cue("wrong_person").search(ctx.folded[m - 1]) for m in reply)


def says_purpose(ctx: CallContext, n: int) -> bool:
    """Turn ``n`` says what the call is for, in the usted or the informal tú register."""
    folded = ctx.folded[n - 1]
    return bool(tx.cue("purpose").search(folded) or tx.cue("purpose_more").search(folded))


def has_opening_act(ctx: CallContext, n: int) -> bool:
    """Turn ``n`` greets, identifies the company or agent, or states the purpose of the call."""
    return ctx.has(n, "greeting", "company_id", "agent_id", "offer_help") or bool(
        says_purpose(ctx, n) or tx.cue("welcome").search(ctx.folded[n - 1])
    )


def _imported_opening(ctx: CallContext, window: list[int], found: dict[str, int | None]) -> None:
    """A call from outside the simulator, read as a QA analyst reads it (issue 12 item 9):
    an inbound call answered with the company and the agent's name («Empresa, le atiende Ana»)
    has greeted whoever calls; an outbound call that goes straight to its offer within the opening
    has said what it calls for (the offer is the purpose)."""
    first = window[0] if window else None
    if (
        found["greeting"] is None
        and first is not None
        and not ctx.is_outbound
        and found["company_id"] == first
        and (found["agent_id"] == first or tx.cue("answer_formula").search(ctx.folded[first - 1]))
    ):
        found["greeting"] = first
    presented = ctx.first_presentation
    if found["offer_help"] is None and ctx.is_outbound and presented in window:
        found["offer_help"] = presented


REASON_ACTS = ("complaint", "need_statement", "objection", "buying_signal")


def _reason_told_first(ctx: CallContext) -> bool:
    """Inbound: the caller said why he calls before the agent's second turn («Buenas tardes, le
    atiende Ricardo. ¿Con quién tengo el gusto?» — «Tres días sin servicio y nadie me da razón»).
    Offering help then would ignore what he said; the protocol's offer of help is not due. What he
    calls for counts too when it is no need of a sale («Marco Reyes. Quiero cancelar.»)."""
    if ctx.is_outbound or not ctx.agent_turns:
        return False
    first = ctx.agent_turns[0]
    second = ctx.agent_turns[1] if len(ctx.agent_turns) > 1 else ctx.n_turns + 1
    early = [n for n in ctx.customer_turns if first < n < second or 1 < n < first]
    return any(ctx.has(n, *REASON_ACTS) or states_call_reason(ctx.text(n)) for n in early)


def _mentions(ctx: CallContext, n: int, name: str | None) -> bool:
    if not name:
        return False
    folded_name = tx.fold(name)
    return bool(folded_name) and folded_name in ctx.folded[n - 1]


def judge(ctx: CallContext) -> Judged:
    if not ctx.agent_turns:
        return judged(
            {key: False for key in ("greeting", "company_id", "agent_id", "offer_help")},
            MISSING,
            [],
            "opening_protocol",
            slots(ctx),
        )
    window = opening_turns(ctx)
    found: dict[str, int | None] = dict.fromkeys(MISSING)
    for n in window:
        for act in ("greeting", "company_id", "agent_id", "offer_help"):
            if found[act] is None and ctx.has(n, act):
                found[act] = n
        if found["greeting"] is None and tx.cue("welcome").search(ctx.folded[n - 1]):
            found["greeting"] = n  # «Gracias por llamar a …» is the inbound greeting
        if found["company_id"] is None and _mentions(ctx, n, ctx.transcript.company):
            found["company_id"] = n
        if (
            found["company_id"] is None
            and not ctx.transcript.company
            and ctx.speaker(n) == "agent"
            and tx.cue("area_id").search(ctx.folded[n - 1])
        ):
            found["company_id"] = n  # no company on record: the agent's area says who answers
        if found["company_id"] is None and ctx.imported and _PLACEHOLDER.search(ctx.text(n)):
            found["company_id"] = n  # the company's name blanked out by whoever published the call
        if found["agent_id"] is None and _mentions(ctx, n, ctx.transcript.agent_name):
            found["agent_id"] = n
        if found["confirm_identity"] is None and (
            is_identity_check(ctx, n) or greets_by_name(ctx, n)
        ):
            found["confirm_identity"] = n
    for n in _purpose_turns(ctx, window):
        if found["offer_help"] is None and (ctx.has(n, "offer_help") or says_purpose(ctx, n)):
            found["offer_help"] = n
    if ctx.imported:
        _imported_opening(ctx, window, found)
    keys = ["greeting", "company_id", "agent_id", "offer_help"]
    if found["offer_help"] is None and _reason_told_first(ctx):
        keys.remove("offer_help")  # nothing left to offer: the caller already said what he wants
    if ctx.is_outbound:
        keys.append("confirm_identity")
    parts = {key: found[key] is not None for key in keys}
    turns = sorted({turn for k in keys if (turn := found[k]) is not None})
    evidence = [ctx.evidence(n) for n in turns]
    if not evidence:
        evidence = [ctx.evidence(window[0])]
    result = judged(parts, MISSING, evidence, "opening_protocol", slots(ctx))
    result.facts["found"] = found
    return result
