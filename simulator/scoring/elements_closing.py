"""Element ``call_closing``: offer of more help, thanks and farewell; consent for a sale.

When a sale is registered (event ``sale_registered`` or outcome ``sale``) the customer must have
accepted explicitly after a close; otherwise it is the critical error ``sale_without_consent``
(``consent.py`` decides, from the simulated customer's own decision when the call has one).
"""

from __future__ import annotations

from simulator.models.scorecard import AudioClip, ErrorFinding, Evidence
from simulator.scoring import consent
from simulator.scoring import text as tx
from simulator.scoring.consent import says_yes
from simulator.scoring.context import CallContext
from simulator.scoring.judged import Judged, example, judged, not_applicable
from simulator.scoring.slots import slots

CLOSING_WINDOW = 2
OFFER_MORE_WINDOW = 4
ENDING_WINDOW = 3
CUT_ENDINGS = (",", "…", "...", " -", "—", ";")
MISSING = {
    "offer_more": "Ofrecer más ayuda («¿algo más en que le pueda ayudar?»)",
    "thanks": "Agradecer al cliente",
    "farewell": "Despedirse según el protocolo",
    "acceptance": "Obtener la aceptación explícita del cliente antes de registrar la venta",
}


def closing_turns(ctx: CallContext) -> list[int]:
    return ctx.agent_turns[-CLOSING_WINDOW:]


def ended_before_closing(ctx: CallContext) -> str | None:
    """Why an imported transcript has no closing to judge, or None.

    A simulated call always ends with an event (the agent's or the customer's hang-up); an
    imported one may be an excerpt, or the customer may leave («voy a colgar»). When nobody thanks
    or says goodbye in the last turns and either the customer ends the call («voy a colgar», «no
    esté molestando») or the agent's last turn is still a question (the conversation was going on,
    the recording stops) or the last line stops mid-sentence («No, una disculpa,»), there is no
    closing to judge. An agent who ends on a statement, or lets a
    standoff die without closing, still fails.
    """
    t = ctx.transcript
    if t.outcome is not None or t.events or ctx.sale_registered or not ctx.n_turns:
        return None
    last = range(max(1, ctx.n_turns - ENDING_WINDOW + 1), ctx.n_turns + 1)
    if any(ctx.has(n, "thanks", "farewell") for n in last):
        return None
    if any(
        ctx.speaker(n) == "customer" and tx.cue("customer_goodbye").search(ctx.folded[n - 1])
        for n in last
    ):
        return None
    if ctx.text(ctx.n_turns).rstrip().endswith(CUT_ENDINGS):
        # the last line stops mid-sentence («No, una disculpa,»): the recording is cut there
        return "transcript_ends_early"
    if ctx.speaker(ctx.n_turns) == "customer":
        # a standoff the agent let die is a missing closing; the customer walking away is not
        leaving = tx.cue("customer_leaving").search(ctx.folded[ctx.n_turns - 1])
        return "customer_left" if leaving else None
    if ctx.has(ctx.n_turns, "open_question", "closed_question", "data_request"):
        return "transcript_ends_early"
    return None


def acceptance_turn(ctx: CallContext) -> tuple[int | None, int | None]:
    """(close turn, customer acceptance of it) behind the sale, or Nones (see ``consent``)."""
    found = consent.consent(ctx)
    return found.close, found.accepted


def _clock(seconds: float) -> str:
    whole = max(int(round(seconds)), 0)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def acceptance_evidence(ctx: CallContext, turn: int) -> Evidence:
    """The customer's acceptance as evidence; in a recorded voice call with the clip the call
    kept of it (an ``acceptance_clip`` event of that turn): the standard asks for the recorded
    explicit acceptance."""
    evidence = ctx.evidence(turn)
    for event in ctx.transcript.events:
        if event.type == "acceptance_clip" and event.after_turn == turn and event.value:
            end = event.end if event.end is not None else event.t
            label = f"Grabación de la aceptación: {event.value} ({_clock(event.t)}–{_clock(end)})"
            clip = AudioClip(file=event.value, start=event.t, end=end, label=label)
            return evidence.model_copy(update={"clip": clip})
    return evidence


def _offer_answered(ctx: CallContext) -> int | None:
    """The last «¿algo más?» the customer answered with «nada más» / «es todo»: what follows only
    wraps up the customer's last request (panel: offered in T29, e-mail handled until T37)."""
    for n in reversed(ctx.agent_turns):
        if ctx.has(n, "offer_more") and n < ctx.n_turns and ctx.speaker(n + 1) == "customer":
            reply = ctx.folded[n].strip(" .,¡!")
            return n if tx.cue("customer_nothing_more").search(reply) else None
    return None


def _sign_off(ctx: CallContext, window: list[int]) -> int | None:
    """The agent's last turn thanking and signing with their name («Gracias a usted por comprar en
    ElectroHogar, le atendió Sofía») after the opening: the protocol's closing formula."""
    if not window or len(ctx.agent_turns) < 2:
        return None
    last = window[-1]
    return last if ctx.has(last, "thanks") and ctx.has(last, "agent_id") else None


def _unconfirmed_promise(ctx: CallContext, window: list[int]) -> bool:
    """A collections call that negotiated a payment closes on the promise read back with its
    amount: a recap without it («Registrado. Recibirá el convenio hoy») leaves the promise vague
    (external dev calls: «sin monto por mensualidad ni canal y no se lee de vuelta»)."""
    if ctx.kind != "collections" or not any(
        ctx.has(n, "close", "trial_close") for n in ctx.agent_turns
    ):
        return False
    return not any(x.is_money for n in window for x in ctx.amounts(n))


def _imported_close(ctx: CallContext, window: list[int], found: dict[str, int | None]) -> None:
    """A call from outside the simulator has no company protocol to hold it to: a QA analyst
    credits a close that recaps what was done and what comes next («Registrado. Recibirá el
    convenio hoy») as the offer of more help, and last words that thank for the call or leave the
    door open («Gracias por su tiempo», «no dude en contactarnos») as the goodbye (external dev
    calls; the simulator's own calls keep the protocol's three formulas)."""
    if not window:
        return
    if found["offer_more"] is None and not _unconfirmed_promise(ctx, window):
        found["offer_more"] = next(
            (n for n in reversed(window) if tx.cue("closing_recap").search(ctx.folded[n - 1])),
            None,
        )
    last = window[-1]
    if found["farewell"] is None and tx.cue("parting_words").search(ctx.folded[last - 1]):
        found["farewell"] = last
    thanked = any(ctx.has(n, "thanks") for n in window)
    if found["offer_more"] is None and _declined_before(ctx, last) and thanked:
        # the customer said no to the call's offer and the agent thanks and lets them go: «¿algo
        # más en que le pueda ayudar?» is not owed to someone who just declined an outbound offer
        # (external dev pe159: «agradece el tiempo y despide con cortesía»)
        found["offer_more"] = last


def _declined_before(ctx: CallContext, last: int) -> bool:
    """The customer's last decision before the agent's last words declines the offer of a sale
    (later turns may only thank or trail off: «todos modos muchas gracias», issue 12 item 9)."""
    if ctx.kind != "sale":
        return False
    for n in reversed([m for m in ctx.customer_turns if m < last]):
        if ctx.has(n, "refusal") or ctx.objection_type(n) in DECLINES:
            return True
        asked = ctx.prev_agent(n)
        if _brushes_off_close(ctx, n, asked):
            return True
        if ctx.has(n, "buying_signal") or (
            ctx.has(n, "acceptance")
            and asked is not None
            and ctx.has(asked, "close", "trial_close", "closed_question")
        ):
            return False  # a yes to what the agent asked, not an «órale pues, gracias»
    return False


def _brushes_off_close(ctx: CallContext, n: int, asked: int | None) -> bool:
    """Customer turn ``n`` answers the agent's question (the close: «¿se lo activo?», «¿le confirmo
    la activación?») with bare thanks or a goodbye and no yes
    («gracias», «no, muchas gracias», «bueno, hasta luego»): the polite way to turn the offer
    down (external dev labels, session 22)."""
    return (
        asked == n - 1
        and "?" in ctx.text(asked)
        and bool(tx.cue("customer_goodbye").search(ctx.folded[n - 1]))
        and not ctx.has(n, "acceptance", "buying_signal", "question")
        and ctx.words[n - 1] <= BARE_THANKS_WORDS
    )


BARE_THANKS_WORDS = 4
# «no me interesa», «no me llamen», «ahorita no, mejor después»: the offer is not taken now
DECLINES = ("not_interested", "do_not_call", "time")


def _cut_after_offer(ctx: CallContext, found: dict[str, int | None]) -> None:
    """The recording stops on the customer's «no, eso sería todo» to the agent's «¿algo más?»:
    the thanks and goodbye that follow are not in the transcript, and what it shows of the close
    is complete (issue 12 item 9, call_closing on cut calls)."""
    last = ctx.n_turns
    offer = found["offer_more"]
    if (
        offer is not None
        and ctx.speaker(last) == "customer"
        and ctx.prev_agent(last) == offer
        and tx.cue("customer_nothing_more").search(ctx.folded[last - 1].strip(" .,¡!"))
    ):
        for part in ("thanks", "farewell"):
            if found[part] is None:
                found[part] = offer


def _hung_up_after_offer(ctx: CallContext, found: dict[str, int | None]) -> None:
    """The customer hung up on the agent's «¿algo más en que le pueda ayudar?»: the agent had no
    turn left to thank and say goodbye, so their absence is no fault (panel Q rb-04)."""
    last = ctx.n_turns
    offer = found["offer_more"]
    if (
        ctx.customer_hung_up
        and offer is not None
        and last
        and ctx.speaker(last) == "customer"
        and ctx.prev_agent(last) == offer
    ):
        for part in ("thanks", "farewell"):
            if found[part] is None:
                found[part] = offer


def judge(ctx: CallContext) -> Judged:
    if (
        ctx.customer_hung_up
        and not ctx.sale_registered
        and ctx.n_turns
        and ctx.speaker(ctx.n_turns) == "customer"
    ):
        return not_applicable("customer hung up")
    ended = ended_before_closing(ctx)
    if ended:
        return not_applicable(ended)
    window = closing_turns(ctx)
    found = {
        act: next((n for n in reversed(window) if ctx.has(n, act)), None)
        for act in ("thanks", "farewell")
    }
    # «¿algo más?» may come a few turns before the goodbye: the customer's last request answered
    # after it still belongs to the closing (panel: asked in T21–T25, goodbye in T27)
    found["offer_more"] = next(
        (n for n in reversed(ctx.agent_turns[-OFFER_MORE_WINDOW:]) if ctx.has(n, "offer_more")),
        None,
    ) or _offer_answered(ctx)
    if found["farewell"] is None:
        found["farewell"] = _sign_off(ctx, window)
    if ctx.imported:
        _imported_close(ctx, window, found)
        _cut_after_offer(ctx, found)
    _hung_up_after_offer(ctx, found)
    parts = {act: found[act] is not None for act in found}
    cited = {n for n in found.values() if n}
    if window and not all(parts.values()):
        cited.add(window[-1])  # the agent's last words: where the missing part belonged
    evidence = [ctx.evidence(n) for n in sorted(cited)]
    errors: list[ErrorFinding] = []
    close, accepted = acceptance_turn(ctx)
    if ctx.sale_registered:
        parts["acceptance"] = accepted is not None or consent.consent(ctx).requested
        if accepted is not None:
            # the element judges the agent: cite the close the customer said yes to, not the
            # customer's «sí» (panel I); a recorded acceptance is the one customer line kept,
            # as the recording the standard asks for
            # A service request confirmed («¿es correcto?») is no sale's close: the closing
            # element cites the closing formulas, not an explanation that held a question
            # (panel J yh-05, yl-01); in a sale the close comes after the closing formulas.
            heard = acceptance_evidence(ctx, accepted)
            if heard.clip is not None:
                evidence.append(heard)
            elif close is not None and ctx.speaker(close) == "agent" and ctx.selling:
                evidence.append(ctx.evidence(close))
        elif not parts["acceptance"]:
            turn = consent.sale_turn(ctx)
            quote = tx.quote(ctx.text(turn)) if turn else ""
            why = consent.explanation(consent.consent(ctx))
            errors.append(
                ErrorFinding(
                    code="sale_without_consent",
                    turn=turn,
                    evidence=quote,
                    explanation=why,
                    better_phrasing=example("sale_without_consent", slots(ctx), kind="critical"),
                )
            )
    mismatch = consent.registration_mismatch(ctx)
    if mismatch is not None and not errors:
        turn = consent.sale_turn(ctx)
        errors.append(
            ErrorFinding(
                code="sale_without_consent",
                turn=turn,
                evidence=tx.quote(ctx.text(turn)) if turn else "",
                explanation=consent.mismatch_explanation(*mismatch),
                better_phrasing=example("sale_without_consent", slots(ctx), kind="critical"),
            )
        )
    if not evidence and window:
        evidence = [ctx.evidence(window[-1])]
    result = judged(parts, MISSING, evidence, "call_closing", slots(ctx))
    result.errors = errors
    result.facts.update(found=found, close=close, accepted=accepted)
    return result


__all__ = ["acceptance_turn", "closing_turns", "judge", "says_yes"]
