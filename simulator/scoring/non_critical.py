"""Non-critical errors (ENC) and PENC, the share of non-critical items met.

Items: personalization (customer's name used ≥ 2 times, when the name is known), hold permission,
thanks on return and maximum length (when there were holds), farewell, fillers (≤ 3 per 100 agent
words, judged from 30 words on) and interrupting (voice calls only).
"""

from __future__ import annotations

from simulator.language.plural import count as plural_count
from simulator.models.scorecard import ErrorFinding
from simulator.scoring import lang, unbacked_claims
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.holds import Hold, max_hold
from simulator.scoring.judged import example
from simulator.scoring.metrics import interruptions
from simulator.scoring.slots import slots

MIN_NAME_USES = 2
FILLERS_MAX = 3.0
FILLERS_MIN_WORDS = 30


def _error(ctx: CallContext, code: str, n: int | None, explanation: str) -> ErrorFinding:
    quote = tx.quote(ctx.text(n)) if n else ""
    return ErrorFinding(
        code=code,
        turn=n,
        evidence=quote,
        explanation=explanation,
        better_phrasing=example(code, slots(ctx), kind="non_critical"),
    )


def _name_known(ctx: CallContext) -> bool:
    """The agent could know the customer's name: an outbound call (the agent dials a name), a
    captured name, or the customer said it. A customer who never gave it despite being asked
    cannot be called by it (panel p-02: «Sin personalización» to an agent asked four times)."""
    if ctx.is_outbound or not ctx.customer_name or ctx.transcript.capture.get("nombre"):
        return True
    if ctx.customer_turns and ctx.agent_turns and ctx.customer_turns[0] < ctx.agent_turns[0]:
        return True  # the customer picked up («¿Bueno?»): the agent dialled a known name
    return any(lang.name_mentions(ctx.text(n), ctx.customer_name) for n in ctx.customer_turns)


def find(
    ctx: CallContext,
    metrics: dict[str, float | int | None],
    hold_list: list[Hold],
    farewell_turn: int | None,
) -> tuple[list[ErrorFinding], float | None]:
    """The non-critical errors and PENC (0–1, ``None`` when no item applies)."""
    errors: list[ErrorFinding] = []
    items: list[bool] = []
    last_agent = ctx.agent_turns[-1] if ctx.agent_turns else None

    uses = metrics.get("customer_name_uses")
    if uses is not None and ctx.agent_turns and _name_known(ctx):
        ok = int(uses) >= MIN_NAME_USES
        items.append(ok)
        if not ok:
            errors.append(
                _error(
                    ctx,
                    "no_personalization",
                    ctx.agent_turns[0],
                    f"Usó el nombre del cliente {plural_count(int(uses), 'vez')}; se esperan al menos 2.",
                )
            )
    limit = max_hold(ctx)
    for hold in hold_list:
        if hold.permission is not None:
            items.append(hold.permission)
            if not hold.permission:
                errors.append(
                    _error(
                        ctx,
                        "hold_without_permission",
                        hold.request_turn or hold.after_turn,
                        "Puso al cliente en espera sin pedirle permiso antes.",
                    )
                )
        if hold.thanked is not None:
            items.append(hold.thanked)
            if not hold.thanked:
                errors.append(
                    _error(
                        ctx,
                        "hold_without_thanks",
                        hold.return_turn,
                        "Al regresar de la espera no agradeció al cliente.",
                    )
                )
        if hold.seconds is not None:
            ok = hold.seconds <= limit
            items.append(ok)
            if not ok:
                errors.append(
                    _error(
                        ctx,
                        "hold_too_long",
                        hold.request_turn or hold.after_turn,
                        f"La espera duró {hold.seconds:g} s; el máximo es {limit:g} s.",
                    )
                )
    hung_up = ctx.customer_hung_up and ctx.n_turns > 0 and ctx.speaker(ctx.n_turns) == "customer"
    if ctx.agent_turns and not hung_up:
        items.append(farewell_turn is not None)
        if farewell_turn is None:
            errors.append(
                _error(
                    ctx,
                    "missing_farewell",
                    last_agent,
                    "La llamada terminó sin una despedida del agente.",
                )
            )
    rate = metrics.get("fillers_per_100_words")
    agent_words = sum(ctx.words[n - 1] for n in ctx.agent_turns)
    if rate is not None and agent_words >= FILLERS_MIN_WORDS:
        ok = float(rate) <= FILLERS_MAX
        items.append(ok)
        if not ok:
            worst = max(ctx.agent_turns, key=lambda n: _filler_count(ctx, n))
            errors.append(
                _error(
                    ctx,
                    "fillers",
                    worst,
                    f"{rate:g} muletillas por cada 100 palabras (máximo {FILLERS_MAX:g}).",
                )
            )
    if ctx.is_voice:
        cut = interruptions(ctx)
        items.append(not cut)
        if cut:
            errors.append(
                _error(
                    ctx,
                    "interrupting",
                    cut[0],
                    f"Empezó a hablar antes de que el cliente terminara ({plural_count(len(cut), 'vez')}).",
                )
            )
    for claim in unbacked_claims.turns(ctx):  # an item only when found: never lifts PENC
        items.append(False)
        errors.append(
            _error(
                ctx,
                "unbacked_claim",
                claim,
                "Afirmó algo que la información del producto no respalda.",
            )
        )
    penc = round(sum(items) / len(items), 3) if items else None
    return errors, penc


def _filler_count(ctx: CallContext, n: int) -> int:
    from simulator.scoring import lang

    return lang.fillers(ctx.text(n), ctx.folded[n - 1])
