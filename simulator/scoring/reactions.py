"""Critical errors read from what the customer did next, not only from the agent's words.

Why: a lexicon of the agent's words never reaches every wording of a call nobody here wrote, but
a real customer tells us what happened: «¡no me falte al respeto!» or «¿me está amenazando?»
right after an agent turn says that turn offended or threatened, whatever words it used; a customer
who has to repeat «ya le dije que no me llame» says the agent did not stop at the first request.
These readings are used on imported calls only: in a simulated call the customer's reaction is
produced from the same conduct lexicon the scorer already reads (``analysis.conduct``), so it adds
no evidence and could only turn a non-critical pressure line into a critical error.
"""

from __future__ import annotations

from simulator.analysis import conduct
from simulator.scoring.context import CallContext

# How far back a finding of the agent's own words already covers a reaction.
COVERED = 2
OFFENDED_WHY = (
    "En el turno {n} el cliente reclamó el trato («{said}»): el agente le faltó al respeto en "
    "este turno."
)
THREATENED_WHY = (
    "En el turno {n} el cliente dijo sentirse amenazado («{said}»): el agente lo intimidó en "
    "este turno (prohibido en cobranza y en cualquier llamada)."
)
REPEATED_WHY = (
    "En el turno {first} el cliente pidió que no le volvieran a llamar; el agente siguió y en el "
    "turno {again} el cliente tuvo que pedirlo otra vez."
)


def imported(ctx: CallContext) -> bool:
    """A call that did not come from the simulator (no scenario, no outcome)."""
    return ctx.transcript.scenario is None and ctx.transcript.outcome is None


def offended_turns(ctx: CallContext, flagged: set[int]) -> list[tuple[int, str]]:
    """(agent turn, explanation) for each agent turn the customer reacted to as offensive or
    threatening, when no finding within ``COVERED`` turns before the reaction explains it."""
    if not imported(ctx):
        return []
    out: list[tuple[int, str]] = []
    for n in ctx.customer_turns:
        reaction = conduct.customer_reaction(ctx.text(n))
        if reaction is None:
            continue
        a = ctx.prev_agent(n)
        if a is None or any(n - COVERED <= f <= n for f in flagged):
            continue
        said = _quote(ctx.text(n))
        why = THREATENED_WHY if reaction == "threat" else OFFENDED_WHY
        out.append((a, why.format(n=n, said=said)))
        flagged.add(a)
    return out


def dnc_repeated(ctx: CallContext, first: int) -> tuple[int, str] | None:
    """After the do-not-call request at customer turn ``first``: the agent turn the customer had
    to answer with a second do-not-call request (the agent went on instead of stopping)."""
    if not imported(ctx):
        return None
    for n in ctx.customer_turns:
        if n <= first or ctx.objection_type(n) != "do_not_call":
            continue
        a = ctx.prev_agent(n)
        if a is None or a < first or conduct.respects_do_not_call(ctx.text(a)):
            return None
        return a, REPEATED_WHY.format(first=first, again=n)
    return None


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
