"""Every metric of docs/formats.md §3, computed by code from the acts, the text and the events.

Voice-only metrics (speech rate, interruptions, response gap, monologue seconds) are ``None`` in
text calls; ratios without a denominator are ``None`` (not evaluated), never 0.
"""

from __future__ import annotations

from statistics import median
from typing import Any

from simulator.language import names
from simulator.scoring import lang, metric_counts
from simulator.scoring import signal_context as sc
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.elements_closing import says_yes
from simulator.scoring.holds import Hold

INTERRUPT_OVERLAP = 0.2


def name_uses(ctx: CallContext) -> int | None:
    name = ctx.customer_name
    if not name:
        return None
    total = 0
    name_words = {w for w in tx.fold(name).split() if len(w) > 1}
    # «¿Hablo con el ingeniero Roberto Sánchez?» then «Qué gusto, ingeniero»: the title of the
    # profession is how a Mexican agent addresses such a customer (panel r-05)
    title = names.professional_title([ctx.text(n) for n in ctx.agent_turns[:3]], name)
    for n in ctx.agent_turns:
        if title and title in ctx.folded[n - 1]:
            total += names.title_mentions(ctx.text(n), title, name)
        if not name_words.intersection(ctx.folded[n - 1].split()):
            continue  # cheap pre-check: the name cannot be in this turn
        total += lang.name_mentions(ctx.text(n), name)
    return total


def buying_signal_turns(ctx: CallContext) -> list[int]:
    """Customer buying signals that still call for a (trial) close.

    A signal that answers the agent's close («sí, lo quiero») is an acceptance, not a new signal,
    and once the customer accepted the sale a later «sí, está bien» closes nothing new.
    """
    found: list[int] = []
    offered = cross_sell_offer(ctx)
    if not ctx.selling and offered is None:
        return found  # a service call with nothing offered has no sale to close: not evaluated
    accepted = False
    deferred = _decision_deferred(ctx)
    for n in ctx.customer_turns:
        prev = ctx.prev_agent(n)
        if (deferred is not None and n > deferred) or (offered is not None and n < offered):
            continue
        answers_close = prev is not None and ctx.has(prev, "close")
        brain = sc.brain_accepted(ctx, n)
        if brain and not accepted and ctx.has(n, "buying_signal") and _asked_after(ctx, n):
            # «Ah, pues me interesaría» and the agent then asks for the decision: the interest was
            # the signal the close followed (panel N ua-02 T14; score-q)
            found.append(n)
        if brain is not None:
            accepted = brain  # a simulated customer's own decision beats a «sí» to a reassurance
        elif answers_close and says_yes(ctx, n) and not ctx.has(n, "refusal"):
            accepted = True  # once the customer said yes to the sale, nothing is left to close
        if accepted or not ctx.has(n, "buying_signal"):
            continue
        if not ctx.next_agent(n):
            continue  # the customer ended the call there: no turn was left to close in (score-o)
        if sc.after_registration(ctx, n) or sc.defers(ctx, n) or sc.negates_figure(ctx, n):
            continue  # registered already, or «mándeme la información antes de aceptar»
        folded = ctx.folded[n - 1]
        if tx.cue("third_party_person").search(folded) and tx.cue("third_party_data").search(
            folded
        ):
            continue  # «¿cuánto paga mi cuñado?» is a trap to refuse, not interest to close on
        if (
            ctx.first_presentation
            and n < ctx.first_presentation
            and not sc.asked_for_product(ctx, n)
        ):
            continue  # asked before the offer was presented: presenting it is the answer
        if _wrong_price_test(ctx, n) or _corrected_claim(ctx, n):
            continue  # «¿y el básico sale en 700, verdad?» — «No, es de 850»: corrected first
        doubt = ctx.has(n, "objection") or tx.cue("signal_doubt").search(folded)
        if doubt and not sc.accepted_after_answer(ctx, n):
            continue  # «siempre ponen pretextos para no pagar, ¿qué no cubren?»: a doubt to answer
        answers_close = prev is not None and ctx.has(prev, "close", "trial_close")
        if answers_close and (ctx.has(n, "refusal") or says_yes(ctx, n)):
            continue
        if sc.declines_or_doubts(ctx, n, prev):
            continue  # «todavía no, ¿cubre urgencias?», the doubt the agent asked for (panel O)
        found.append(n)
    return found


def _asked_after(ctx: CallContext, n: int) -> bool:
    """The agent's next turn asks for the decision explicitly (a close with a question)."""
    nxt = ctx.next_agent(n)
    return bool(nxt) and ctx.has(nxt[0], "close") and "?" in ctx.text(nxt[0])


def cross_sell_offer(ctx: CallContext) -> int | None:
    """In a service call, the agent turn that offers something to buy (a better plan while
    moving house, ua-02 T13): the customer's interest after it is a buying signal, and the close
    that follows is judged (blind panel N ua-02 T14, ug-01 T17; score-q)."""
    if ctx.selling:
        return None
    return next(
        (
            a
            for a in ctx.agent_turns
            if ctx.has(a, "cross_sell", "cross_sell_question")
            or (ctx.has(a, "close", "trial_close") and any(x.is_money for x in ctx.amounts(a)))
        ),
        None,
    )


def signals_judged(ctx: CallContext) -> bool:
    """Whether the buying-signal skill and its feedback judge this call: a sale, or a service
    call where something was offered and the customer showed interest (never collections)."""
    return ctx.kind == "sale" or (
        cross_sell_offer(ctx) is not None and bool(buying_signal_turns(ctx))
    )


def _decision_deferred(ctx: CallContext) -> int | None:
    """The agent turn that agreed to let the customer decide later with someone else («no decido
    sin revisarlo con ella» — «le mando el resumen y el jueves le marco»): after it a «sí, me
    serviría» to the summary is no cue to push the close again (panel J yj-06). A customer who
    then took the offer in the same call did not defer (panel M vb-05: «¿no hay una promoción…?»
    after «lo reviso con mi esposa», then the sale)."""
    for n in ctx.customer_turns:
        if ctx.objection_type(n) != "must_consult":
            continue
        for a in ctx.agent_turns:
            if a > n and (
                tx.cue("callback").search(ctx.folded[a - 1])
                or tx.cue("grants_request").search(ctx.folded[a - 1])
            ):
                later = [c for c in ctx.customer_turns if c > a]
                if any(ctx.has(c, "acceptance") or sc.brain_accepted(ctx, c) for c in later):
                    return None
                return a
    return None


def _wrong_price_test(ctx: CallContext, n: int) -> bool:
    """The customer put a price to the test and the agent's next turn corrects it («el básico es
    de 850, no de 750»): a test to answer, not interest to close on (panel E)."""
    said = {a.value for a in ctx.amounts(n) if a.is_money}
    nxt = ctx.next_agent(n)
    if not said or not nxt:
        return False
    told = {a.value for a in ctx.amounts(nxt[0]) if a.is_money}
    folded = f" {ctx.folded[nxt[0] - 1]} "
    return bool(told - said) and (folded.startswith((" no ", " ojo ")) or " no " in folded)


def _corrected_claim(ctx: CallContext, n: int) -> bool:
    """The customer asserted a fact as a question and the agent's next turn opens by correcting
    it («¿la instalación es en 36 horas, verdad?» — «No es correcto: son 72»): a test (panel G)."""
    nxt = ctx.next_agent(n)
    return bool(nxt) and bool(tx.cue("correction_lead").search(ctx.folded[nxt[0] - 1]))


def reads_back(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` reads the captured data back (at least two of the captured values): the
    read-back the rubric requires before registering is no monologue (panel m-06, m-07, o-09)."""
    if not ctx.has(n, "data_confirmation"):
        return False
    folded = ctx.folded[n - 1]
    digits = "".join(ch for ch in folded if ch.isdigit())
    found = 0
    for value in ctx.transcript.capture.values():
        own_digits = "".join(ch for ch in value if ch.isdigit())
        if len(own_digits) >= 4:
            found += own_digits in digits
        elif tx.fold(value).strip():
            found += tx.fold(value).strip() in folded
    return found >= 2


def follows_signal(ctx: CallContext, signal: int) -> bool:
    """The agent closed within its next two turns (three when one of them puts the customer on
    hold to check): a (trial) close, or — once the offer was presented — asking for the
    application's data, the assumptive close (panel p-08)."""
    shown = ctx.first_presentation
    window = ctx.next_agent(signal, 2)
    if any(ctx.has(a, "hold_request") for a in window):
        window = ctx.next_agent(signal, 3)  # checked stock or the system first (panel m-03)
    if window and any(
        ctx.has(n, "objection") for n in ctx.customer_turns if signal < n < window[-1]
    ):
        window = ctx.next_agent(signal, 4)  # an objection in between is answered first (zo-08)
    return any(
        ctx.has(a, "trial_close", "close")
        or sc.closes_in_words(ctx, a)
        or (shown is not None and signal < shown == a)  # asked before the offer: present it
        or (shown is not None and a > shown and ctx.has(a, "data_request"))
        for a in window
    )


def _runs(ctx: CallContext) -> list[list[int]]:
    """Runs of consecutive agent turns; a read-back of the captured data breaks a run."""
    runs: list[list[int]] = []
    for n in range(1, ctx.n_turns + 1):
        if ctx.speaker(n) != "agent" or reads_back(ctx, n):
            continue
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def longest_run(ctx: CallContext) -> tuple[int, list[int]]:
    best: tuple[int, list[int]] = (0, [])
    for run in _runs(ctx):
        words = sum(ctx.words[n - 1] for n in run)
        if words > best[0]:
            best = (words, run)
    return best


def interruptions(ctx: CallContext) -> list[int]:
    """Agent turns that talked over the customer: started more than ``INTERRUPT_OVERLAP`` before
    the customer's turn ended, or recorded by a voice call as an ``interruption`` event (the agent
    turn after the customer turn it names; the customer may have stopped there)."""
    turns = ctx.transcript.turns
    found = set()
    for n in range(2, ctx.n_turns + 1):
        prev, cur = turns[n - 2], turns[n - 1]
        if (
            cur.speaker == "agent"
            and prev.speaker == "customer"
            and (
                cur.start is not None
                and prev.end is not None
                and cur.start < prev.end - INTERRUPT_OVERLAP
            )
        ):
            found.add(n)
    for event in ctx.transcript.events:
        if event.type == "interruption" and event.after_turn is not None:
            after = [n for n in ctx.agent_turns if n > event.after_turn]
            if after:
                found.add(after[0])
    return sorted(found)


def filler_rate(ctx: CallContext) -> float | None:
    agent_words = sum(ctx.words[n - 1] for n in ctx.agent_turns)
    if agent_words == 0:
        return None
    count = sum(lang.fillers(ctx.text(n), ctx.folded[n - 1]) for n in ctx.agent_turns)
    return round(100.0 * count / agent_words, 2)


def _voice(ctx: CallContext, m: dict[str, float | int | None]) -> None:
    turns = ctx.transcript.turns
    agent_secs = sum((turns[n - 1].end or 0) - (turns[n - 1].start or 0) for n in ctx.agent_turns)
    all_secs = sum((t.end or 0) - (t.start or 0) for t in turns)
    agent_words = sum(ctx.words[n - 1] for n in ctx.agent_turns)
    m["agent_talk_share"] = round(agent_secs / all_secs, 3) if all_secs > 0 else None
    m["speech_rate_wpm"] = round(agent_words / agent_secs * 60, 1) if agent_secs > 0 else None
    m["interruptions"] = len(interruptions(ctx))
    gaps = [
        max(0.0, (turns[n - 1].start or 0) - (turns[n - 2].end or 0)) * 1000
        for n in ctx.agent_turns
        if n > 1 and turns[n - 2].speaker == "customer"
    ]
    m["response_gap_ms"] = round(median(gaps)) if gaps else None
    run = longest_run(ctx)[1]
    m["longest_monologue_seconds"] = (
        round((turns[run[-1] - 1].end or 0) - (turns[run[0] - 1].start or 0), 1) if run else None
    )


def compute(
    ctx: CallContext, facts: dict[str, dict[str, Any]], hold_list: list[Hold]
) -> dict[str, float | int | None]:
    agent = ctx.agent_turns
    agent_words = sum(ctx.words[n - 1] for n in agent)
    all_words = sum(ctx.words)
    open_q = sum(ctx.has(n, "open_question") for n in agent)
    closed_q = sum(ctx.has(n, "closed_question") for n in agent)
    open_each, closed_each = metric_counts.question_counts(ctx)  # each question, not each turn
    paraphrased = metric_counts.paraphrase_turns(ctx)
    empathic = metric_counts.empathy_turns(ctx)
    paraphrases, empathy = len(paraphrased), len(empathic)
    reflections = len(set(paraphrased) | set(empathic))  # as the counts shown read them (score-o)
    signals = buying_signal_turns(ctx)
    followed = [s for s in signals if follows_signal(ctx, s)]
    objections = facts["objection_handling"].get("objections", []) or []
    responses = facts["objection_handling"].get("responses", {}) or {}
    data = facts["data_management"]
    checks = data.get("checks", []) or []
    m: dict[str, float | int | None] = {
        "agent_talk_share": round(agent_words / all_words, 3) if all_words else None,
        "open_questions": open_each,
        "closed_questions": closed_each,
        "questions_total": open_each + closed_each,
        "paraphrases": paraphrases,
        "empathy_statements": empathy,
        "reflection_to_question": round(reflections / (open_q + closed_q), 2)
        if open_q + closed_q
        else None,
        "longest_monologue_words": longest_run(ctx)[0],
        "longest_monologue_seconds": None,
        "buying_signals": len(signals),
        "buying_signals_followed": len(followed),
        "objections": len(objections),
        "objections_addressed": sum(1 for v in responses.values() if v is not None),
        "close_attempts": sum(
            1 for n in agent if ctx.has(n, "close") or sc.closes_in_words(ctx, n)
        ),
        "holds": len(hold_list),
        "holds_without_permission": sum(1 for h in hold_list if h.permission is False),
        "longest_hold_seconds": max(
            (h.seconds for h in hold_list if h.seconds is not None), default=None
        ),
        "hold_returns_thanked": sum(1 for h in hold_list if h.thanked),
        "customer_name_uses": name_uses(ctx),
        "fillers_per_100_words": filler_rate(ctx),
        "fields_required": len(checks),
        "fields_correct": data.get("correct", 0) if checks else 0,
        "fields_confirmed": data.get("confirmed", 0) if checks else 0,
        "speech_rate_wpm": None,
        "interruptions": None,
        "response_gap_ms": None,
    }
    if ctx.is_voice:
        _voice(ctx, m)
    return m
