"""Question, paraphrase and empathy counts as a trainer counts them on the transcript.

The turn tagger gives each turn a set of acts, so a turn holds at most one open and one closed
question, one paraphrase and one empathy statement. Panel J (issue 12, session 17, helper
score-h) found the metrics undercounted: tag checks («¿correcto?», «¿verdad?») were no closed
question, two questions in one turn counted once, «Me decía que sus hijos…» or «Perfecto, el 27
entonces» no paraphrase, «tranquila, la vamos a ayudar» no empathy. These counts feed the
displayed metrics and active listening; probing and the reflection-to-question ratio keep the
per-turn counts of the acts (a turn of data requests is no better probing for holding three
questions). The verdict never reads them.
"""

from __future__ import annotations

import re

from simulator.scoring import restates
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

_SPAN = re.compile(r"¿[^¿?]*\?|[^¿?.!]*\?")
_OPEN = re.compile(
    r"^(?:y |pero |oiga |entonces |ahora |bueno |mire |digame |platiqueme |cuenteme )*"
    r"(?:(?:a|de|con|en|para|por|desde|hasta) )?"
    r"(?:que|como|cual|cuales|cuanto|cuanta|cuantos|cuantas|donde|cuando|quien|quienes|por que)\b"
)
_ACK = re.compile(
    r"^(?:perfecto|entendido|anotado|muy bien|excelente|ok|okey|de acuerdo|listo|claro|ah|va)\b"
)
_NUMBER = re.compile(r"\b\d{1,4}\b")


def questions(text: str) -> list[str]:
    """The questions of one turn, folded: every «¿…?» span (or a clause ending in «?»)."""
    return [tx.fold(s).strip() for s in _SPAN.findall(text) if tx.fold(s).strip()]


def question_counts(ctx: CallContext) -> tuple[int, int]:
    """(open, closed) questions the agent asked, each question counted once. A turn the tagger
    read as open counts at least one open question; any other question is closed."""
    open_total = closed_total = 0
    for n in ctx.agent_turns:
        asked = questions(ctx.text(n))
        if not asked:
            open_total += ctx.has(n, "open_question")
            closed_total += ctx.has(n, "closed_question")
            continue
        opened = sum(1 for q in asked if _OPEN.match(q))
        if ctx.has(n, "open_question"):
            opened = max(opened, 1)
        opened = min(opened, len(asked))
        open_total += opened
        closed_total += len(asked) - opened
    return open_total, closed_total


def echoes_figure(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` opens with an acknowledgement and repeats a short figure (a day, an
    amount) the customer just said: «Perfecto, el 27 entonces». A phone or account number read
    back is data confirmation, not a paraphrase."""
    prev = [c for c in ctx.customer_turns if c < n]
    if not prev or prev[-1] != n - 1:
        return False
    said = ctx.folded[n - 2]
    if sum(ch.isdigit() for ch in said) > 6:
        return False
    head = tx.fold(re.split(r"[.;:!?]", ctx.text(n), maxsplit=1)[0])
    figures = set(_NUMBER.findall(said))
    return bool(_ACK.match(head)) and bool(figures & set(_NUMBER.findall(head)))


def _lead(ctx: CallContext, n: int) -> bool:
    """A paraphrase lead («me decía que…», «si le entendí bien…»); «ok, entonces…» only when
    what follows takes up the customer's words («Ok, entonces le mando un técnico» does not:
    panel L, score-k)."""
    match = tx.cue("paraphrase_lead").search(ctx.folded[n - 1])
    if not match:
        return False
    return match.start() > 0 or "entonces" not in match.group(0) or restates.takes_up(ctx, n)


def paraphrase_turns(ctx: CallContext) -> list[int]:
    # read by the metrics and two skills: computed once per call (speed-21)
    if "paraphrase_turns" not in ctx.memo:
        ctx.memo["paraphrase_turns"] = [
            n
            for n in ctx.agent_turns
            if (ctx.has(n, "paraphrase") and restates.takes_up(ctx, n))
            or _lead(ctx, n)
            or echoes_figure(ctx, n)
            or restates.restates(ctx, n)
            or restates.summarises(ctx, n)
        ]
    return list(ctx.memo["paraphrase_turns"])


def paraphrase_count(ctx: CallContext) -> int:
    return len(paraphrase_turns(ctx))


def empathy_turns(ctx: CallContext) -> list[int]:
    if "empathy_turns" not in ctx.memo:
        ctx.memo["empathy_turns"] = [
            n
            for n in ctx.agent_turns
            if ctx.has(n, "empathy") or tx.cue("empathy_plain").search(ctx.folded[n - 1])
        ]
    return list(ctx.memo["empathy_turns"])


def empathy_count(ctx: CallContext) -> int:
    return len(empathy_turns(ctx))


def reflection_turns(ctx: CallContext) -> set[int]:
    """Agent turns that reflect, as the displayed counts read them (score-o, session 20): the
    tagger's bare «paraphrase» act on «Sí, es AT-321760» or «No, también teléfono y dirección»
    made the reflection-to-question ratio 2.0 and active listening 100 in a call whose own counts
    showed 0 paraphrases and 0 empathy statements (panel M vd-02)."""
    return set(paraphrase_turns(ctx)) | set(empathy_turns(ctx))


def closed_probes_before(ctx: CallContext) -> list[int]:
    """Agent turns before the offer that probe with a closed question only («¿trabaja por su
    cuenta y tiene algún padecimiento?», «¿ya pudo cerrar la llave de paso?»): not the greeting,
    not a data request, not a close. Panel J found probing scored 29–60 for excellent agents whose
    discovery was made of such questions; the probing skill gives them part of an open question's
    weight: a third in a sale, all of it in a service call (quick closed checks are its probe)."""
    first = ctx.first_presentation or ctx.n_turns + 1
    opening = ctx.agent_turns[0] if ctx.agent_turns else 0
    return [
        n
        for n in ctx.agent_turns
        if opening < n < first
        and ctx.has(n, "closed_question")
        and not ctx.has(n, "open_question", "data_request", "close", "trial_close")
    ]
