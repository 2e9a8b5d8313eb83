"""The scenario's agenda: what a caller came to say, told over the whole call.

Blind panel L: in a complaint the customer never mentioned the double charge nor the three days
without service (two calls), and a molesto asked «¿qué necesita resolver hoy?» only asked for
speed. A caller's agenda is read off its scenario — the reason it calls and the needs it would
bring up by itself (``reveal: open``). An item is told once a customer line says it (its content
words, ``es/agenda.yaml``) or the need was revealed; when the agent opens the floor (an offer of
help, «¿algo más?», «¿qué necesita?», «cuénteme»), the customer tells what is still untold — the
persona shapes how much at once: a talkative or angry caller two items, a quiet one one per
question. Items untold at one floor surface at the next.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from simulator.customer import moves
from simulator.customer.line_words import QUESTION, stems
from simulator.customer.turn import Turn
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize
from simulator.models.content import Scenario

REASON = "reason"
TOLD = "agenda:reason"  # ``once_flags``: the agenda told the reason
MAX_INTENTS = 3  # as brain.MAX_INTENTS: an item is added only where the reply has room


@cache
def config() -> dict[str, Any]:
    data = resource_yaml("simulator.customer", "es/agenda.yaml")
    return data if isinstance(data, dict) else {}


def items(scenario: Scenario) -> list[str]:
    """The caller's agenda: the reason, then its open needs (empty when the agent called)."""
    if scenario.kind not in config().get("caller_kinds", []):
        return []
    # the needs its reason names first («…y le cobraron doble»: the double charge)
    reason = stems(scenario.reason or "")
    needs = [n for n in scenario.needs if n.reveal == "open"]
    needs.sort(
        key=lambda n: -len(reason & stems(f"{n.description} {' '.join(map(str, n.statements))}"))
    )
    return [REASON, *(n.id for n in needs)]


def _words(scenario: Scenario, item: str) -> frozenset[str]:
    if item == REASON:
        texts = [scenario.reason or "", *map(str, scenario.banks.get("state_reason", []))]
    else:
        need = next(n for n in scenario.needs if n.id == item)
        texts = [need.description, *map(str, need.statements)]
    return frozenset().union(*(stems(x) for x in texts))


def said(text: str, scenario: Scenario, item: str) -> bool:
    """One customer line says the item (enough of its content words)."""
    return _said(stems(text), _words(scenario, item))


def _said(line: frozenset[str], words: frozenset[str]) -> bool:
    return len(line & words) >= int(config().get("told_stems", 2))


def untold(
    lines: list[str], revealed: list[str], reason_told: bool, scenario: Scenario
) -> list[str]:
    """The agenda items no line of ``lines`` said, in the agenda's order."""
    out = []
    heard = [stems(line) for line in lines]
    for item in items(scenario):
        if item in revealed or (item == REASON and reason_told):
            continue
        words = _words(scenario, item)
        if not any(_said(line, words) for line in heard):
            out.append(item)
    return out


def next_untold(t: Turn) -> str | None:
    """The first need of the agenda no line has said yet (the reason aside)."""
    s = t.s
    pending = untold(s.used_texts, s.revealed_needs, True, t.scenario)
    return next((item for item in pending if item != REASON), None)


def floor_open(t: Turn) -> bool:
    """The agent's turn asks the caller what it wants («¿En qué le puedo ayudar?», «¿Algo
    más?», «Cuénteme, ¿qué pasó?»): a floor phrase in its questions, or in the sentence that
    leads into one («Cuénteme, ¿qué necesita?»). «Con gusto le ayudo» opens nothing."""
    if "?" not in t.text:
        return False
    asked = " ".join(normalize(q) for q in QUESTION.findall(t.text))
    if "offer_more" in t.acts and asked:
        return True
    padded = f" {asked} "
    return any(f" {normalize(p)} " in padded for p in config().get("floor_phrases", []))


def deliver(t: Turn) -> None:
    """At an open floor, the untold items the reply has room for (after what it says already)."""
    s, sc = t.s, t.scenario
    if not items(sc) or not floor_open(t) or s.hung_up:
        return
    names = [i.name for i in t.intents]
    if set(names) & set(config().get("blocking", [])):
        return
    told = s.reason_stated and "reason_untold" not in s.once_flags
    reason_told = told or TOLD in s.once_flags
    pending = untold(s.used_texts, s.revealed_needs, reason_told, sc)
    if "state_reason" in names:  # said in this reply: its open needs wait for the next floor
        return
    many = t.persona.traits.verbosity >= int(config().get("talkative", 60))
    budget = int(config().get("talkative_items", 2)) if many else 1
    budget -= names.count("need_statement")
    for item in pending:
        if budget <= 0 or len(t.intents) >= MAX_INTENTS:
            break
        if item == REASON:
            # a vented caller asked again what it wants says it again (upset.reason_when_asked)
            s.reason_stated = True
            s.once_flags.append(TOLD)
            t.say("state_reason")
            return  # the needs it came with wait for the next floor (no double telling)
        moves.reveal_need(t, item)
        if len(t.intents) > MAX_INTENTS:  # no room for its lead-in
            t.intents = [i for i in t.intents if i.name != "need_lead_in"]
        budget -= 1


def reveal_untold(t: Turn) -> bool:
    """«¿Hay algo más en que le pueda ayudar?» in a service call whose customer still has a
    problem it would bring up by itself (``reveal: open``): it says it instead of «es todo», in
    the agenda's order (what no line said yet)."""
    if t.scenario.goal != "resolved":
        return False
    need = next_untold(t)
    if need is None:
        return False
    moves.reveal_need(t, need)
    return True
