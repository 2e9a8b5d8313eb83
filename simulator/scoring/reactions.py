"""Critical errors read from what the customer did next, not only from the agent's words.

Why: a lexicon of the agent's words never reaches every wording of a call nobody here wrote, but
a real customer tells us what happened: «¡no me falte al respeto!» or «¿me está amenazando?»
right after an agent turn says that turn offended or threatened, whatever words it used; a customer
who has to repeat «ya le dije que no me llame» says the agent did not stop at the first request.
The agent's answer to what the customer asked counts too: asked «¿con quién hablo?», an agent who
answers «¿para qué lo quiere?» refuses to identify themselves; «si me cuelga, lo vuelvo a llamar»
overrides in advance the customer's wish to end the contact (both read in every call).
The customer's reactions are used on imported calls only: in a simulated call the customer's reaction is
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


REFUSED_NAME_WHY = (
    "En el turno {n} el cliente preguntó con quién hablaba y el agente se negó a identificarse: "
    "quien llama siempre dice su nombre y la empresa (en cobranza lo exige la regulación)."
)
CALL_AGAIN_WHY = (
    "El agente anunció que volvería a llamar aunque el cliente colgara: el deseo del cliente de "
    "no seguir en contacto se respeta siempre."
)


def refused_name(ctx: CallContext, flagged: set[int]) -> list[tuple[int, str]]:
    """(agent turn, explanation) where the customer asked who is speaking and the next agent turn
    refused to say; turns in ``flagged`` are already findings."""
    out = []
    for n in ctx.customer_turns:
        a = next(iter(ctx.next_agent(n)), None)
        if (
            a is not None
            and a not in flagged
            and conduct.refuses_own_name(ctx.text(n), ctx.text(a))
        ):
            out.append((a, REFUSED_NAME_WHY.format(n=n)))
            flagged.add(a)
    return out


def calls_again_anyway(ctx: CallContext) -> tuple[int, str] | None:
    """The first agent turn that announces calling again whatever the customer does."""
    for a in ctx.agent_turns:
        if conduct.calls_again_anyway(ctx.text(a)):
            return a, CALL_AGAIN_WHY
    return None


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
