"""How much probing the call's situation asked for, so the plan never demands a quota it should not.

Outside trainers (blind panels F and G) struck out «≥ 3 preguntas abiertas antes de presentar»
from an impatient customer in a meeting, from an active water-leak emergency and from a customer
who dodged the agent's questions: the standard asks for probing *appropriate to the situation*.
This module reads the call (and the customer type the simulator played, when known) and says how
many probing questions the situation needed and how many the agent asked, counted the way the
scorecard counts open questions (the plan's «hoy» never contradicts the metrics shown).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from simulator.analysis.agent import tag_agent
from simulator.coaching.phrasing import question_part
from simulator.coaching.plan_texts import plan_data
from simulator.scoring.context import CallContext
from simulator.scoring.elements_needs import collections_probes, need_turns
from simulator.scoring.elements_opening import is_identity_check

# customer types for whom a short, direct probe is the right amount
BRIEF_TYPES = frozenset({"impaciente"})
TOLD_NEED = 2  # questions that confirm and widen a need the customer already told
NOT_PROBING = ("data_request", "data_confirmation", "offer_more", "hold_request", "close")


@dataclass(frozen=True)
class Probing:
    """``asked``: open probing questions before presenting (in an emergency also the quick closed
    checks of safety and damage); ``need``: how many the situation asked for; ``reason``: why the
    need is lower than the kind's quota (``hurry``, ``told``, ``dodged``), or ``""``."""

    asked: int
    need: int
    reason: str = ""


def pressed_for_time(ctx: CallContext, hint: Mapping[str, Any] | None = None) -> bool:
    """The customer was in a hurry: the simulator played an impatient customer, or the customer
    said so («estoy en una junta», «sea breve», «al grano»; not a brush-off such as «no tengo
    tiempo para promociones», which asks for a reason to stay, not for brevity)."""
    if str((hint or {}).get("customer_type") or "") in BRIEF_TYPES:
        return True
    hurry = re.compile("|".join(f"(?:{w})" for w in plan_data()["hurry_words"]))
    return any(hurry.search(ctx.folded[n - 1]) for n in ctx.customer_turns)


def _probes_after_the_datum(ctx: CallContext, n: int) -> bool:
    """A turn that confirms a datum and then asks about the customer's situation («Línea 55…,
    validada. ¿Para qué usa más su línea…?») probes: its question, read alone, asks no data and
    closes nothing (blind panel H: the plan said «0 antes de presentar» for such a question)."""
    question = question_part(ctx.text(n))
    if question == ctx.text(n)[:200].strip():
        return False  # no question of its own apart from the rest of the turn
    acts = tag_agent(f"¿{question}?")
    return "open_question" in acts and not set(acts) & set(NOT_PROBING)


def _probes(ctx: CallContext, emergency: bool) -> tuple[list[int], list[int]]:
    """(open probing questions, every probing question) the agent asked before presenting."""
    limit = ctx.probing_limit
    if ctx.kind == "collections":
        turns = collections_probes(ctx)
        return [n for n in turns if ctx.has(n, "open_question")], turns
    asked = [
        n
        for n in ctx.agent_turns
        if n < limit
        and ctx.has(n, "open_question", "closed_question")
        and (not ctx.has(n, *NOT_PROBING) or _probes_after_the_datum(ctx, n))
        and not is_identity_check(ctx, n)
    ]
    opened = [n for n in asked if ctx.has(n, "open_question")]
    if emergency:
        # the quick safety and damage checks, each question of a turn on its own: «¿puede cerrar
        # la llave de paso? ¿me da su póliza?» checked once though the turn also asks a datum,
        # «¿dónde es la fuga y alcanzó algún contacto?» twice (panel J yl-01)
        checks = [
            n
            for n in ctx.agent_turns
            if n < limit and not is_identity_check(ctx, n)
            for _ in range(_checks_in(ctx.text(n)))
        ]
        return checks, asked
    return opened, asked


MAX_CHECKS_PER_TURN = 2
_ASKED = re.compile(r"¿([^¿?]+)\?")


def _checks_in(text: str) -> int:
    """The questions of a turn that, read alone, probe (a datum asked, a close or «¿algo más?»
    is no check), at most ``MAX_CHECKS_PER_TURN``."""
    found = 0
    for question in _ASKED.findall(text[:4000]):
        acts = tag_agent(f"¿{question.strip()}?")
        if {"open_question", "closed_question"} & set(acts) and not set(acts) & set(NOT_PROBING):
            found += 1
    return min(found, MAX_CHECKS_PER_TURN)


def probing(
    ctx: CallContext, kinds: Sequence[str], need: int, hint: Mapping[str, Any] | None = None
) -> Probing:
    """The probing the plan counts and the probing this call needed (``need``: the kind's quota)."""
    emergency = "assistance_service" in kinds
    counted, every = _probes(ctx, emergency)
    if need <= 1:
        return Probing(len(counted), need)
    if pressed_for_time(ctx, hint):
        return Probing(len(counted), 1, "hurry")
    first = ctx.first_presentation or ctx.n_turns + 1
    if emergency:
        return Probing(len(counted), need)  # its goal already counts the quick checks
    if counted and need > TOLD_NEED and any(n < first for n in need_turns(ctx)):
        # the customer told the need before anything was presented and the agent probed it:
        # one question to confirm it and one to widen it, not three to discover it
        return Probing(len(counted), min(need, TOLD_NEED), "told")
    if len(every) >= need and counted:
        # the agent asked enough; the customer answered around the questions
        return Probing(len(counted), 1, "dodged")
    return Probing(len(counted), need)
