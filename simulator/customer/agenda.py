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

from simulator.customer import cues, moves
from simulator.customer.line_words import QUESTION, stems
from simulator.customer.state import Intent
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
    pending = untold(s.used_texts, [*s.revealed_needs, *raised(t)], True, t.scenario)
    return next((item for item in pending if item != REASON), None)


RAISED = "agenda:raised:"  # ``once_flags``: the agent itself stated this agenda item


def raised(t: Turn) -> list[str]:
    """The agenda items the agent stated itself, in this turn or an earlier one («veo que se le
    cobró dos veces la mensualidad»): they are on the table, so the caller never tells them as
    news afterwards (blind panel M vb-06, vg-02: the double charge retold after it was handled
    and read back). A question about it («¿tiene algún otro cargo?») raises nothing."""
    s, sc = t.s, t.scenario
    said = QUESTION.sub(" ", t.text)
    statements, norm = stems(said), normalize(said)
    for item in items(sc):
        flag = f"{RAISED}{item}"
        if item == REASON or flag in s.once_flags:
            continue
        own = _words(sc, item) - _words(sc, REASON)  # «sin servicio» raises no double charge
        need = next(n for n in sc.needs if n.id == item)
        if _said(statements, own) or _handled(norm, need.benefit_keywords, own):
            s.once_flags.append(flag)
    return [f[len(RAISED) :] for f in s.once_flags if f.startswith(RAISED)]


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
    if items(sc):
        raised(t)  # cust-c: what the agent put on the table is noted at every turn
        _noticed(t)
        t.s.play[PROPOSED] = " ".join(i.ref or "" for i in t.intents if i.name == "need_statement")
    if not items(sc) or not floor_open(t) or s.hung_up:
        return
    if sc.goal == "sale" and s.accepted and t.accepted_before:
        # c3 (panel O tb-03): once the customer took the offer, a reason it came with against the
        # old deal («pago 599 y en otro lado me dan algo por 299») is no news at «¿algo más?»
        return
    names = [i.name for i in t.intents]
    if set(names) & set(config().get("blocking", [])):
        return
    told = s.reason_stated and "reason_untold" not in s.once_flags
    reason_told = told or TOLD in s.once_flags
    pending = untold(s.used_texts, [*s.revealed_needs, *raised(t)], reason_told, sc)
    if "state_reason" in names:  # said in this reply: its open needs wait for the next floor
        return
    many = t.persona.traits.verbosity >= int(config().get("talkative", 60))
    budget = int(config().get("talkative_items", 2)) if many else 1
    budget -= sum(1 for i in t.intents if i.name == "need_statement" and _spends(t, i.ref))
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


def _handled(norm: str, remedies: list[str], own: frozenset[str]) -> bool:
    """The agent names the remedy and the problem itself («la aclaración del cobro doble»), not
    only the remedy («le doy un folio» tells nothing of the calls that got none)."""
    if not cues.contains_any(norm, remedies):
        return False
    for remedy in remedies:
        norm = f" {norm} ".replace(f" {normalize(remedy)} ", " ")
    return bool(stems(norm) & own)


PROPOSED = "agenda:proposed"  # ``state.play``: the needs proposed before the reply was planned


def keep_unsaid(t: Turn, intents: list[Intent]) -> None:
    """An agenda need proposed this turn but left out of the final reply (the planner kept
    another move) is still untold: it comes at the next floor (blind panel L wd-05: the double
    charge proposed at «¿algo más?», dropped, and never told in the whole call)."""
    said = {i.ref for i in intents if i.name == "need_statement"}
    agenda = set(items(t.scenario))
    for need in t.s.play.pop(PROPOSED, "").split():
        if need in agenda and need not in said and need in t.s.revealed_needs:
            t.s.revealed_needs.remove(need)


def _noticed(t: Turn) -> None:
    """«¿Usted ya lo había notado?» about an item of the caller's agenda the agent just stated:
    the caller says yes (it is one of its reasons for calling), and the item counts as told."""
    asked = " ".join(normalize(q) for q in QUESTION.findall(t.text))
    if not asked or not cues.contains_any(asked, list(config().get("noticed_phrases", []))):
        return
    said = stems(QUESTION.sub(" ", t.text))
    item = next(
        (i for i in items(t.scenario) if i != REASON and _said(said, _words(t.scenario, i))), None
    )
    if item is None:
        return
    bare = {"short_no", "short_yes", "filler_ack"}
    t.intents = [i for i in t.intents if i.name not in bare]
    t.intents.insert(0, Intent(name="noticed_own_problem"))
    if item not in t.s.revealed_needs:
        t.s.revealed_needs.append(item)


def _spends(t: Turn, need: str | None) -> bool:
    """A need told in this reply takes the room of an agenda item, except, at «¿algo más?», one
    the caller did not come for: every reason for calling is told by the time the agent asks
    whether there is anything else (blind panel M vb-03: the impact told, the double charge
    never)."""
    if need in items(t.scenario):
        return True
    asked = " ".join(normalize(q) for q in QUESTION.findall(t.text))
    return not ("offer_more" in t.acts or cues.contains_any(asked, cues.phrases("anything_else")))


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
