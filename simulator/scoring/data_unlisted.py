"""Element ``data_management`` in imported calls without a list of required fields.

Real calls carry no capture form, so field-by-field checks (``elements_data.py``) cannot apply:
this module reads the call as an expert does, judging whether data changed hands or a record was
acted on, whether the agent asked for a secret, and whether it acted before verifying identity.
"""

from __future__ import annotations

import re

from simulator.analysis import conduct
from simulator.models.scorecard import ElementResult
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.judged import Judged, dedupe, not_applicable, phrasings

UNLISTED_MISSING = {
    "no_secret": "No pedir datos confidenciales (NIP, CVV, contraseñas, los 16 dígitos)",
    "verify_first": "Pedir y confirmar los datos del cliente (nombre, número de cuenta o folio) "
    "antes de registrar, agendar o buscar algo a su nombre",
}
AFFIRMATIVE = ("si", "asi es", "correcto", "digame", "mande", "a sus ordenes", "el habla",
               "ella habla", "soy yo", "yo soy", "el mismo", "la misma", "con el", "con ella")  # fmt: skip


_NAME_ONLY = re.compile(
    r"\bnombre\b|\bcon quien (?:tengo el gusto|hablo)\b|\bquien (?:habla|me habla)\b"
)
_OTHER_DATA = re.compile(
    r"\bsus? (?:apellidos?|telefono|celular|numero|correo|direccion|domicilio|fecha|folio|cuenta|rfc"
    r"|curp|codigo|tarjeta|poliza|contrato|referencia|comprobante)\b"
)
RIGHT_PARTY = ("soy yo", "yo soy", "el mismo", "la misma", "el habla", "ella habla", "con el habla",
               "con ella habla")  # fmt: skip


def _asks_only_name(ctx: CallContext, n: int) -> bool:
    """«¿Me dice su nombre?» serves the greeting and personalization, not data management."""
    folded = ctx.folded[n - 1]
    return bool(_NAME_ONLY.search(folded)) and not _OTHER_DATA.search(folded)


def _data_exchanges(ctx: CallContext) -> list[int]:
    """Customer turns that give data the agent asked for (a data request or any question)."""
    return [
        n
        for n in ctx.customer_turns
        if ctx.has(n, "data_given")
        and n > 1
        and ctx.speaker(n - 1) == "agent"
        and not _asks_only_name(ctx, n - 1)
        and (
            ctx.has(n - 1, "data_request", "data_confirmation", "closed_question", "open_question")
            or "?" in ctx.text(n - 1)
        )
    ]


def _identity_confirmed(ctx: CallContext, before: int) -> bool:
    """The agent asked who it spoke with («¿hablo con…?») and the customer said it was them."""
    from simulator.scoring.elements_opening import is_identity_check

    for n in ctx.customer_turns[:3]:
        if n < before and any(phrase in ctx.folded[n - 1] for phrase in RIGHT_PARTY):
            return True
    for a in ctx.agent_turns:
        if a >= before:
            break
        reply = a + 1
        if reply < before and is_identity_check(ctx, a) and ctx.speaker(reply) == "customer":
            folded = ctx.folded[reply - 1]
            if folded.startswith(AFFIRMATIVE):
                return True
    return False


def _named_before(ctx: CallContext, before: int) -> bool:
    """The agent asked who it spoke with («¿con quién tengo el gusto?») and the customer gave a
    name before the record was acted on: the identification a QA analyst accepts for a complaint
    logged (external dev pe156: «no valida identidad más allá del nombre», met)."""
    return any(
        _asks_only_name(ctx, a) and a + 1 < before and ctx.has(a + 1, "data_given")
        for a in ctx.agent_turns
        if a < before and a < ctx.n_turns and ctx.speaker(a + 1) == "customer"
    )


def judge_unlisted(ctx: CallContext) -> Judged:
    """An imported call without a list of required fields, read as an expert reads real calls.

    The element applies when data changed hands or was acted on: the customer gave data the agent
    asked for, the agent asked for data, or the agent registered, scheduled or looked up
    something in the customer's name («queda registrada su solicitud», «le agendo la cita»,
    «permítame buscar su queja»). It fails when the agent asked for a secret (NIP, CVV…) or acted
    on a record without first asking for the customer's data or confirming who it spoke with."""
    answered = _data_exchanges(ctx)
    requests = [
        n for n in ctx.agent_turns if ctx.has(n, "data_request") and not _asks_only_name(ctx, n)
    ]
    records = [
        n
        for n in ctx.agent_turns
        if tx.cue("record_action").search(ctx.folded[n - 1])
        or tx.cue("account_lookup").search(ctx.folded[n - 1])  # elements-c: a record looked at
    ]
    secret = [n for n in ctx.agent_turns if conduct.asks_secret(ctx.text(n))]
    if not (answered or requests or records or secret):
        from simulator.scoring import data_identity

        def validated(a: int) -> bool:
            # a datum beyond the name asked before turn ``a`` («¿me confirma su fecha de
            # nacimiento?»)
            return any(
                bool(_OTHER_DATA.search(ctx.folded[m - 1])) and "?" in ctx.text(m)
                for m in ctx.agent_turns
                if m < a
            )

        identity = data_identity.judge(ctx, validated)
        return identity if identity is not None else not_applicable("no data handled")
    first_record = records[0] if records else None
    unverified = (
        first_record is not None
        and not any(n < first_record for n in answered)
        and not any(n <= first_record for n in requests)
        and not _identity_confirmed(ctx, first_record)
        and not _named_before(ctx, first_record)
    )
    missing = []
    if secret:
        missing.append(UNLISTED_MISSING["no_secret"])
    if unverified:
        missing.append(UNLISTED_MISSING["verify_first"])
    cited = secret[:2] + ([first_record] if unverified and first_record else [])
    cited += [t for n in answered[:3] for t in (n - 1, n)] + records[:2] + requests[:2]
    evidence = [ctx.evidence(n) for n in sorted(dict.fromkeys(cited))[:8]]
    ok = not missing
    better = None
    if not ok:
        better = str(phrasings()["no_secret" if secret else "verify_first"])
    result = Judged(
        ElementResult(met=ok, evidence=dedupe(evidence), missing=missing, better_phrasing=better),
        1.0 if ok else 0.0,
    )
    result.facts.update(answered=answered, secret=secret, records=records, unverified=unverified)
    return result
