"""What an agent's questions ask: the situation, a datum, leave to go on, or the decision.

Split from ``turn_functions`` (which names what a whole turn does) so each stays small: the rule
data (``es/evidence_functions.yaml``) with its cue lists, and the readings of a turn's questions
the functions are built from. Blind panel P (session 23) added the datum questions («¿Y la
dirección donde haríamos la instalación…?») and the decision questions after the offer («¿Cuál
de los dos le late más?»), which probe nothing, and the turns that ask about the situation while
doing something else, which show the needs detection when no turn only probes.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from simulator.analysis import questions
from simulator.analysis.clauses import clauses_of, is_open
from simulator.datafiles import resource_yaml
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

_READ = 2000  # the part of a turn read for its questions


@cache
def rules() -> dict[str, Any]:
    """The rule data: each element's evidence functions and the cue lists read here."""
    return dict(resource_yaml("simulator.scoring", "es/evidence_functions.yaml"))


@cache
def pattern(name: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in rules()[name]))


def data_question(question: str) -> bool:
    """The (folded) question only asks for a figure, a date or a datum."""
    return bool(pattern("data_question").search(question))


def situation_question(text: str) -> str | None:
    """The turn's first open question about the customer's situation, not for a figure, a date,
    leave to go on or a datum (``None`` when it has none)."""
    for asked in questions.bodies(text, _READ):
        clauses = clauses_of(f"¿{asked}?")
        folded = tx.fold(asked)
        if (
            clauses
            and is_open(clauses[-1])
            and not data_question(folded)
            and not pattern("datum_question").search(folded)
            and not tx.cue("permission_question").search(folded)
            and not generic_question(folded)
        ):
            return asked.strip()
    return None


def statement_words(text: str) -> int:
    """The words the turn says outside its questions."""
    return len(questions.without(text, _READ).split())


def generic_question(question: str) -> bool:
    """The (folded) question asks nothing about the situation: «¿qué necesita?», «¿cuál es?»,
    a yes/no question led by «en cuanto a…» (rule data ``generic_question``, panel N ub-02 T1,
    uc-01 T13, ug-03 T8)."""
    return bool(pattern("generic_question").search(question.strip(" ,.")))


def data_only_questions(ctx: CallContext, n: int) -> bool:
    """Every question of the turn asks for a datum or for the data read back to be confirmed
    («¿Y la dirección donde haríamos la instalación…?», «¿los datos que le leí están todos
    correctos?»): data capture, no probe of the situation (blind panel P sc-03 T18, sd-06 T18)."""
    asked = [tx.fold(q) for q in questions.bodies(ctx.text(n), _READ)]
    return bool(asked) and all(
        data_question(q) or pattern("datum_question").search(q) for q in asked
    )


def decision_question(ctx: CallContext, n: int) -> bool:
    """After the offer was presented in a sale, a question that puts the offer up for a choice
    or an opinion («¿Cuál de los dos le late más?») asks for the decision; it probes nothing
    (blind panel P sc-02 T9)."""
    shown = ctx.first_presentation
    return ctx.selling and shown is not None and n > shown and ctx.has(n, "trial_close", "close")


def asks_situation(ctx: CallContext, n: int, out: set[str]) -> bool:
    """Agent turn ``n`` asks an open question about the customer's situation up to the offer's
    presentation, whatever else it does (a read-back, a reflection, a proposal of options):
    the needs detection shown when no turn only probes (blind panel P sa-03 T8, sa-06 T4)."""
    if n == ctx.agent_turns[0] or out & {"refusal", "registration", "call_back", "read_back"}:
        return False
    if "presentation" in out and ctx.has(n, "close", "trial_close"):
        return False  # the offer put up for an opinion («…450 pesos al mes. ¿Cómo lo ve?»)
    shown = ctx.first_presentation
    if ctx.selling and shown is not None and n > shown:
        return False
    asked = situation_question(ctx.text(n))
    return asked is not None and not data_only_questions(ctx, n)


def permission_only(ctx: CallContext, n: int) -> bool:
    """Every question of the turn asks for leave («¿tiene tres minutos?», «¿me permite…?»)."""
    asked = [tx.fold(q) for q in questions.bodies(ctx.text(n), _READ)]
    return bool(asked) and all(
        tx.cue("permission_question").search(q) or re.search(r"\bminutos?\b", q) for q in asked
    )
