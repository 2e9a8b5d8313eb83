"""Element ``needs_detection`` in calls from outside the simulator: the probe is the agent's part.

Why: a QA analyst reading a real outbound call credits the agent who asked an open question about
the customer's situation before the sale is asked for («¿cuántos usuarios lo usarían?», «¿en qué
actividad nota que la velocidad no alcanza?») even when the answer reveals no need — the need was
explored; what the customer answers is not the agent's doing (issue 12 item 9; the expert labels
judge the probing, not its result). A closed question about the situation («¿cuenta con…?», «¿ha
notado que la señal falla?») is credited too (session 22: the analyst counts situation questions
as probing whatever their form); questions that only ask leave to go on, for time or for doubts
are no probe. The simulator's own calls keep the full rule
(``elements_needs``): there the customer is built to have a need to discover.
"""

from __future__ import annotations

from simulator.analysis.clauses import is_open, split_clauses
from simulator.analysis.customer import states_call_reason
from simulator.scoring import elements_needs
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.data_unlisted import _asks_only_name
from simulator.scoring.elements_opening import REASON_ACTS, is_identity_check
from simulator.scoring.judged import Judged, dedupe


def situation_probes(ctx: CallContext) -> list[int]:
    """Agent turns up to the first presentation that ask about the customer's situation (not who
    answers, not leave to go on, not a datum) and that the customer answered. A call that
    presents nothing has no «before presenting» to probe in."""
    # the situation asked after a first pitch still explores the need before the sale is asked
    # for («¿y no tendrá otra tarjeta de algún banco?» before the close)
    closes = [n for n in ctx.agent_turns if ctx.has(n, "close", "trial_close")]
    first_close = closes[0] - 1 if closes else ctx.n_turns
    limit = first_close if ctx.first_presentation is None else max(ctx.first_presentation, first_close)
    found = []
    for n in ctx.agent_turns:
        if n > limit or not _heard(ctx, n):
            continue
        if is_identity_check(ctx, n) or ctx.has(n, "data_request", "data_confirmation"):
            continue
        # an open question («¿cuál…?», «¿cuántos…?») or a closed one about the situation
        # («¿cuenta con…?», «¿ha notado que…?»): the analyst credits both as the probe; a closed
        # question in a turn that asks for the sale is the close, not a probe. A call that comes
        # with the company's catalogue (built like the simulator's) keeps the rubric's open probe
        closed_ok = not ctx.transcript.catalog and not ctx.has(
            n, "close", "trial_close", "offer_more"
        )
        asked = [
            c.norm
            for c in split_clauses(ctx.text(n)[:4000])
            if c.question and (is_open(c) or closed_ok)
        ]
        if any(_probes(tx.fold(q)) for q in asked):
            found.append(n)
    return found


def _heard(ctx: CallContext, n: int) -> bool:
    """The customer speaks within the next two turns after agent turn ``n`` (a «¿sigue ahí?» may
    come between the question and the reply)."""
    return any(ctx.speaker(m) == "customer" for m in range(n + 1, min(n + 2, ctx.n_turns) + 1))


def case_questions(ctx: CallContext) -> list[int]:
    """A service call: the caller said what he calls for in his first turns («quiero saber si ya
    llegó mi equipaje») and the agent then asked what it needs to work the case («¿tiene su
    número de reporte?») and got an answer — the need is known and pinned down (external dev
    labels: «pide el número de reporte, que es el dato que hace falta para buscar la maleta»)."""
    told = [
        n
        for n in ctx.customer_turns[:3]
        if ctx.has(n, *REASON_ACTS) or states_call_reason(ctx.text(n))
    ]
    if not told:
        return []
    return [
        n
        for n in ctx.agent_turns
        if n > told[0]
        and n < ctx.n_turns
        and ctx.speaker(n + 1) == "customer"
        and ctx.has(n, "open_question", "closed_question", "data_request")
        and not ctx.has(n, "offer_more")
        and not is_identity_check(ctx, n)
        and not _asks_only_name(ctx, n)
    ][:3]


def _probes(question: str) -> bool:
    return bool(tx.cue("situation_probe").search(question)) and not tx.cue(
        "permission_question"
    ).search(question)


def judge(ctx: CallContext) -> Judged:
    judged = elements_needs.judge(ctx)
    result = judged.result
    if (
        result.met is not False
        or not ctx.imported
        or ctx.kind == "collections"
        or judged.facts.get("ignored")
    ):
        return judged
    probes = situation_probes(ctx) if ctx.selling else case_questions(ctx)
    if not probes:
        return judged
    evidence = dedupe([ctx.evidence(n) for n in probes[:3]] + list(result.evidence))
    met = result.model_copy(update={"met": True, "missing": [], "better_phrasing": None})
    met = met.model_copy(update={"evidence": evidence[:8]})
    out = Judged(met, 1.0, judged.errors, dict(judged.facts))
    out.facts["situation_probes"] = probes
    return out
