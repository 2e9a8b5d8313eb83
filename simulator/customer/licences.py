"""Acceptance, registration and confirmation pieces only when the agent's turn licenses them.

Blind panel L (17.3 % incoherent lines) heard «Sí, está bien, regístrelo, por favor» when the
agent only asked for a time slot, «Sí, adelante, así déjelo» when nothing was proposed, «Sí, ya lo
apunté» before the folio was dictated, «Sí, mejor que lo verifique» to «¿me permite unos
minutos?», «si me manda el correo de confirmación» when nothing was agreed. The brain plans such
pieces from the turn's acts as a whole («la registro como prioridad alta» tags a close even when
the question that follows asks where the pipe broke). Here the plan is checked once, after the
brain: each piece of a kind in ``es/licences.yaml`` needs the matching thing in the agent's turn
(a proposal for an acceptance, a check or read-back for a confirmation, a dictated figure for «lo
apunté», a stated verification for «verifique»), read off the acts ``simulator.analysis`` tags on
each question alone. An unlicensed piece goes; a reply left empty says what the question asked
(by its form, ``answer_form``). A kind that is only some lines of a bank is checked where the
mouth picks the line (``presuppose.holds`` through :func:`line_licensed`).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from simulator.analysis import questions
from simulator.analysis.agent import tag_agent
from simulator.analysis.clauses import split_clauses
from simulator.customer import answer_form, cues, licence_data, reaction_licences, reply_forms
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from simulator.models.content import Scenario

PROPOSING = frozenset({"close", "trial_close", "cross_sell", "data_confirmation"})
TAG_WORDS = 3  # a question shorter than this is a tag on what came before it
LICENCE = "licence:"  # ``licence:<name>``: a fact of the current turn (presuppose.known)
_DIGITS = re.compile(r"\d")


config = licence_data.config


@cache
def _kinds() -> dict[str, dict[str, Any]]:
    kinds = {
        **(config().get("pieces") or {}),
        **(config().get("form_pieces") or {}),
        **(config().get("reaction_pieces") or {}),  # c1 (session 22): reactions, any intent
    }
    return {str(k): dict(v or {}) for k, v in kinds.items()}


@cache
def _plan_kinds() -> dict[str, str]:
    """Intent name -> kind, for kinds that are whole intents (no ``lines``)."""
    return {
        str(name): kind
        for kind, spec in _kinds().items()
        if not spec.get("lines")
        for name in spec.get("intents", [])
    }


@cache
def _line_kinds() -> tuple[tuple[str, frozenset[str], frozenset[str], tuple[str, ...]], ...]:
    """(kind, its intents (none: any), the intents it is not checked on, its normalized line
    markers) for kinds that are some lines of a bank."""
    return tuple(
        (
            kind,
            frozenset(map(str, spec.get("intents", []))),
            frozenset(map(str, spec.get("except_intents", []))),
            tuple(normalize(str(m)) for m in spec["lines"]),
        )
        for kind, spec in _kinds().items()
        if spec.get("lines")
    )


# Acts of a question that asks leave («¿me permite un momento?»): a «de acuerdo» agrees to it.
ASKS_LEAVE = frozenset({"hold_request"})


def _questions(text: str) -> list[str]:
    found = questions.marked(text)
    return found or [c.norm for c in split_clauses(text) if c.question]


@lru_cache(maxsize=256)
def _text_licences(text: str) -> frozenset[str]:
    """The licences the turn's words give by themselves (no call memory)."""
    out: set[str] = set()
    asked = _questions(text)
    for question in asked:
        acts = set(tag_agent(question))
        if "data_confirmation" in acts:
            out.add("check")
        # «¿En qué horario le conviene, en la mañana o en la tarde?» asks for a slot, not a yes
        shaped = answer_form.wh_led(question)
        tag = len(normalize(question).split()) < TAG_WORDS  # «¿correcto?» checks what came before
        proposing = acts & PROPOSING if not tag else acts & (PROPOSING - {"data_confirmation"})
        # «¿Le parece bien el pago de 1,850 el 27?»: a yes/no question may be answered «sí»
        plain = "closed_question" in acts and answer_form.form(question) == "yes_no"
        # «¿Cómo lo ve?» after the offer asks an opinion of it (a trial close): a yes fits
        if (proposing or plain) and (not shaped or "trial_close" in acts):
            out.add("proposal")
        if (proposing or acts & ASKS_LEAVE) and (not shaped or "trial_close" in acts):
            out.add("agreeable")  # «de acuerdo» agrees to an offer or a request, not to a fact
    if not asked:
        out.add("agreeable")  # «Le marco mañana.» — «Sí, de acuerdo.»
    if answer_form.form(text) in ("statement", "data"):
        # «Entonces se lo registro.» (or «… ¿me da su nombre?»): an assumptive close proposes
        stated = [c.norm for c in split_clauses(text) if not c.question]
        if any("close" in tag_agent(c) for c in stated):
            out.add("proposal")
    norm = normalize(text)
    if any(w in norm for w in map(normalize, config().get("verify_words", []))):
        out.add("verification")
    keep = [normalize(w) for w in cues.config().get("choice", {}).get("status_quo", [])]
    if not any(cues.contains_any(normalize(q), keep) for q in asked):
        out.add("no_status_quo")  # «así está bien» cannot mean «leave it as it is»
    return frozenset(out | reply_forms.licences(text, asked))


def _dictated(text: str, own: list[str]) -> bool:
    """The turn dictates a figure of its own (a folio), not one of the customer's data."""
    said = questions.without(text)
    figures = re.findall(r"\d[\d\s.-]*\d|\d", said)
    mine = {re.sub(r"\D", "", v) for v in own}
    needed = int(config().get("dictated_digits", 4))
    return any(
        len(d := re.sub(r"\D", "", f)) >= needed and not any(d in m or m in d for m in mine if m)
        for f in figures
    )


def _reads_back(text: str, state: CustomerState, scenario: Scenario) -> bool:
    data = scenario.customer.data
    return any(
        cues.value_matches(f, text, str(v)) for f, v in data.items() if f in state.fields_given
    )


def turn_licences(t: Turn, was_accepted: bool) -> frozenset[str]:
    """Every licence the agent's turn (and the call before it) gives."""
    out = set(_text_licences(t.text))
    data = t.scenario.customer.data
    own = [str(v) for v in data.values()]
    if _reads_back(t.text, t.s, t.scenario):
        out.add("check")  # a read-back of what the customer gave
    if _dictated(t.text, own) or "folio_given" in t.s.facts_heard:
        out.add("dictated")
    if was_accepted or t.s.payment_promise or t.s.resolved:
        out.add("agreement")
    return frozenset(out | reaction_licences.call_licences(t.text, t.s, t.scenario))


def licensed(kind: str, licences: frozenset[str]) -> bool:
    return bool(set(_kinds().get(kind, {}).get("licensed_by", [])) & licences)


def fit_plan(t: Turn, intents: list[Intent], was_accepted: bool) -> list[Intent]:
    """The plan without its unlicensed pieces. The brain's decision stands (an assumptive close
    answered with the date it asked is a yes, brain._record_decision): only the words «regístrelo,
    por favor» that nobody asked for go. A plan left empty says what the question asked instead."""
    kinds = _plan_kinds()
    if not any(i.name in kinds for i in intents):
        return intents
    licences = turn_licences(t, was_accepted)
    kept: list[Intent] = []
    instead: list[str] = []
    for intent in intents:
        kind = kinds.get(intent.name)
        if kind is None or licensed(kind, licences):
            kept.append(intent)
            continue
        spec = _kinds()[kind]
        swap = spec.get("swap_for")  # the same move in words that presuppose less, in place
        if swap:
            if not any(i.name == swap for i in intents):
                kept.append(Intent(name=str(swap)))
            continue
        by_licence = spec.get("instead_by_licence") or {}
        given = [str(v) for k, v in by_licence.items() if k in licences]
        if given or spec.get("instead"):
            instead.append(given[0] if given else str(spec["instead"]))
    if kept:
        return kept
    name = (
        instead[0]
        if instead
        else str(config().get("by_form", {}).get(answer_form.form(t.text), "filler_ack"))
    )
    plan = [Intent(name=name)]
    return answer_form.fit(t, plan) if answer_form.form(t.text) == "either_or" else plan


def line_facts(
    state: CustomerState, agent_text: str, scenario: Scenario | None = None
) -> frozenset[str]:
    """The licences of the current turn as facts a bank line can be checked against."""
    out = set(_text_licences(agent_text)) if agent_text else set()
    if scenario is not None and agent_text and _reads_back(agent_text, state, scenario):
        out.add("check")
    if scenario is None or reply_forms.one_item(agent_text, scenario):
        out.add("one_item")
    out |= reaction_licences.call_licences(agent_text, state, scenario)
    out.add("computed")  # facts made by hand (tests, checks) leave every line free
    if state.accepted or state.payment_promise or state.resolved:
        out.add("agreement")
    return frozenset(f"{LICENCE}{x}" for x in out)


def line_licensed(line: str, intent: str, facts: frozenset[str]) -> bool:
    """A bank line of a licensed kind («Sí, mejor que lo verifique» of ``hold_ok``; a reaction
    of any intent, «eso no lo sabía») is said only with its licence among ``facts``; every other
    line is free. A line of several such kinds needs the licence of each."""
    if f"{LICENCE}computed" not in facts:
        return True
    norm = f" {normalize(str(line))} "
    for kind, intents, spared, markers in _line_kinds():
        if (intents and intent not in intents) or intent in spared or not intent:
            continue  # a line checked outside its intent (``presuppose.all_false``) is free
        given = frozenset(f[len(LICENCE) :] for f in facts if f.startswith(LICENCE))
        if any(f" {m} " in norm for m in markers) and not licensed(kind, given):
            return False
    return True
