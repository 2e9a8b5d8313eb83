"""«Pruebe decir» for feedback items, in the words of the call's kind and line of business.

Feedback points to a moment of the call; what it suggests saying must fit that call: a collections
call is probed about the delay and the capacity to pay, a burst pipe about safety and the leak, an
outbound call opens with «¿hablo con…?», and an imported call without a scenario gets wording that
names no product. The lookup and the slot filling are scoring's (``scoring.kinded``, the same
tables the scorecard's own phrasings use), so the scorecard and the feedback never disagree.
"""

from __future__ import annotations

from simulator.coaching.phrasing import fill, open_question_for, table
from simulator.scoring import kinded
from simulator.scoring.context import CallContext
from simulator.scoring.elements_objections import objection_example
from simulator.scoring.judged import example
from simulator.scoring.slots import slots


def keys(ctx: CallContext) -> list[str]:
    """Phrasing-table keys for this call, most specific first (``scoring.kinded.keys_for``)."""
    return kinded.keys_for(slots(ctx))


def _say(key: str, ctx: CallContext, **extra: str) -> str:
    filled = {**slots(ctx), **extra}
    return kinded.render(kinded.choose(table(key), filled), filled)


def open_question(ctx: CallContext, closed_turn: str) -> str:
    """An open question on the topic of the trainee's closed question, for this kind of call
    (with someone who is not the holder, only when the holder can be reached)."""
    if slots(ctx).get("tercero"):
        return first_question(ctx)
    return open_question_for(closed_turn, keys(ctx))


def first_question(ctx: CallContext) -> str:
    """The open question to ask before presenting anything."""
    return _say("open_generic", ctx)


def opening(ctx: CallContext) -> str:
    return example("opening_protocol", slots(ctx))


def closing(ctx: CallContext) -> str:
    return example("call_closing", slots(ctx))


def objection(ctx: CallContext, objection_type: str | None) -> str:
    return objection_example(ctx, objection_type)


def close_attempt(ctx: CallContext) -> str:
    return objection_example(ctx, "no_close")


def signal_close(ctx: CallContext, asked: bool = False) -> str:
    """The close to make on a buying signal; when the signal was a question, answer it first."""
    close = _say("buying_signal_close", ctx)
    return fill("signal_answer_first", respuesta=close) if asked else close


def benefit_tie(ctx: CallContext, need: str) -> str:
    return _say("benefit_tie", ctx, necesidad=need)
