"""Collections: which agent questions explore the debtor's situation before the arrangement.

Why: in a collections call the probe is a question about why the payment fell behind or what the
debtor can pay, and it may sit in the very turn that opens the negotiation («su saldo es de…
¿cuándo podría cubrirlo?», «¿prefiere un solo pago o mensualidades?»): a QA analyst credits it
(external dev labels, session 22). In a call from outside the simulator a question that only asks
leave to go on («¿tiene un minuto?», «¿le interesa?») or asks nothing about the debt or its cause
(«¿para qué quiere mi nombre?») explores nothing; the simulator's own calls keep counting every
question before the arrangement (their scripts and coaching were built on it).
"""

from __future__ import annotations

import re

from simulator.analysis.clauses import is_open, split_clauses
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.elements_opening import is_identity_check

_ASKED = re.compile(r"¿([^¿?]*)\?")
_PAYING = re.compile(r"\b(pag[oaue]\w*|abon\w*|deposit\w*|cubr\w*|sald[ae]\w*|liquid\w*|convenio)\b")
# what the debtor could gather or set aside («¿cuánto ha podido juntar?»): the capacity to pay
_CAPACITY = re.compile(r"\b(junt|reun|recaud|ajust|dispon|destin|apart)\w*\b")
_CHOICE = re.compile(r"\b\w+ o (en |un |una |con |por )?\w+")


def about_paying(ctx: CallContext, n: int) -> bool:
    """The turn's (last) question is about paying: an amount, a date to pay, the debt."""
    asked = _ASKED.findall(ctx.text(n)[:2000])
    part = tx.fold(asked[-1]) if asked else ctx.folded[n - 1]
    return bool(re.search(r"\d", part) or tx.cue("debt_words").search(part) or _PAYING.search(part))


def collections_probes(ctx: CallContext) -> list[int]:
    """The questions asked before the arrangement is proposed (a close about paying, not «¿seguimos
    aquí o prefiere llamar usted al banco?» asked to a wary holder), the close's own question
    included when it asks the debtor (see the module docstring)."""
    opening = set(ctx.agent_turns[:1])
    first_close = next(
        (n for n in ctx.agent_turns if ctx.has(n, "close") and about_paying(ctx, n)),
        ctx.n_turns + 1,
    )
    found = []
    for n in ctx.agent_turns:
        if n in opening or is_identity_check(ctx, n):
            continue
        if ctx.imported:
            if _asks_the_debtor(ctx, n, before_close=n <= first_close):
                found.append(n)
        elif n <= first_close and ctx.has(n, "open_question", "closed_question"):
            found.append(n)
    return found


def _asks_the_debtor(ctx: CallContext, n: int, before_close: bool) -> bool:
    """Agent turn ``n`` asks the debtor about the cause of the arrears (at any moment), or, up to
    the arrangement, what, when or how they can pay (an open question or a choice: «¿un pago o
    mensualidades?») or following up what the debtor just told («eso ya lo liquidé en la sucursal»
    — «¿conserva el folio del recibo?»); never a question that only asks leave to go on."""
    follows_up = _debtor_told(ctx, n - 1) and not ctx.has(n, "data_request", "data_confirmation")
    for clause in split_clauses(ctx.text(n)[:4000]):
        if not clause.question:
            continue
        asked = tx.fold(clause.norm[clause.qstart :]) or tx.fold(clause.norm)
        if tx.cue("permission_question").search(asked) and not _CHOICE.search(asked):
            continue  # «¿tiene un minuto?», «¿le interesa?»; not «¿le gustaría un pago o dos?»
        if tx.cue("cause_question").search(asked):
            return True
        if not before_close:
            continue
        if follows_up:
            return True
        paying = _PAYING.search(asked) or _CAPACITY.search(asked)
        if (paying or tx.cue("debt_words").search(asked)) and (
            is_open(clause) or _CHOICE.search(asked)
        ):
            return True
    return False


FOLLOW_UP_WORDS = 4


def _debtor_told(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` tells something of their own (an objection, or several words that are
    neither a question nor a bare yes): the agent's next question follows it up."""
    if n < 1 or ctx.speaker(n) != "customer":
        return False
    if ctx.has(n, "objection"):
        return True
    return ctx.words[n - 1] >= FOLLOW_UP_WORDS and not ctx.has(
        n, "question", "acceptance", "data_given"
    )
