"""The one filter that keeps a customer line from presupposing what is false in this call.

Blind panel F (session 13) counted lines that refer to what was never said or is not true for the
call: «Soy cliente cumplido» from a prospect of an outbound offer (and «cumplido» from a woman),
«visto por día, sí sale barato» when nobody gave a per-day price, «¿Me llega la confirmación por
correo?» before anything was agreed, «nadie me dio un folio» right after a folio was dictated,
«Ojalá no tenga que volver a llamar» in a call the customer did not make, «no me lea todo» after
one sentence. Phrase lists in the mouth could only catch such lines one by one; here each bank
line declares in data what it presupposes (:class:`simulator.models.content.Line`: ``requires``
and ``unless``), the call memory provides the facts (:func:`known`), and the mouth drops a
candidate whose presupposition is false for the next one (:func:`holds`). A trap or an objection
whose every line has a false presupposition waits (its hook is not in the call yet).

The vocabulary of facts and the phrases that establish them live in ``es/presuppositions.yaml``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from simulator.customer import address, call_calendar, cues, licences, referents, said_figures
from simulator.customer.state import CustomerState
from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import normalize
from simulator.models.content import Scenario

T = TypeVar("T")
INBOUND_KINDS = ("inbound_sale", "service")
CUSTOMER_KINDS = ("service", "collections")  # the customer has the company's product
AGENT_TEXT = "agent_text"  # ``state.play``: the agent's last turn (customer/line_audit.py)
AGENT_KEPT = 2000  # characters of it kept
PRODUCT = "product:"  # ``product:<id>``: the agent named this product of the catalog
NOW = "now:"  # ``now:<fact>``: a fact of ``agent_said`` the agent's last turn says
NO_PROVIDER = frozenset({"", "ninguno", "ninguna", "nada", "no tiene"})  # no product to compare with


@cache
def config() -> dict[str, Any]:
    text = (
        resources.files("simulator.customer").joinpath("es/presuppositions.yaml").read_text("utf-8")
    )
    data = parse_yaml(text)
    return data if isinstance(data, dict) else {}


@cache
def _rules(section: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = config().get(section, {}) or {}
    return tuple((str(k), tuple(normalize(p) for p in v)) for k, v in table.items())


def _says(norm_text: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {norm_text} "
    return any(p and f" {p} " in padded for p in phrases)


def note(state: CustomerState, text: str, scenario: Scenario) -> None:
    """Remember the facts this agent turn establishes (``agent_said``; an offer once a product
    of the catalog or its price is named, a price once money is said) and its length."""
    norm = normalize(text)
    said = [
        fact
        for fact, phrases in _rules("agent_said")
        if _says(norm, phrases)
        and (fact not in _needs_value() or _with_value(text, phrases))
        and _affirmed(text, phrases, _denials().get(fact, ()))
    ]
    if cues.products_named(norm, scenario.catalog) or cues.catalog_price_said(text, scenario):
        said.append("offer_made")
    if cues.price_mentioned(text, norm):
        said.append("price_said")
    named = [p.id for p in cues.products_named(norm, scenario.catalog)]
    said += [f"{PRODUCT}{pid}" for pid in named]
    if set(named) & {x for p in scenario.catalog for x in p.substitutes}:
        said.append("substitute_named")
    state.facts_heard += [fact for fact in dict.fromkeys(said) if fact not in state.facts_heard]
    said_figures.note(state, text)  # cust-c: a catalog price is the customer's once said
    referents.note(state, norm)  # cust-g: a mail promised, a cancellation named
    state.agent_words = len([w for w in norm.split() if w != "?"])
    state.play[AGENT_TEXT] = text[:AGENT_KEPT]  # what the line audit licenses pieces by


@cache
def _denials() -> dict[str, tuple[str, ...]]:
    table = config().get("denied_by", {}) or {}
    return {str(k): tuple(normalize(str(p)) for p in v) for k, v in table.items()}


def _affirmed(text: str, phrases: tuple[str, ...], denials: tuple[str, ...]) -> bool:
    """A sentence says the phrase without denying it («no tengo descuento que darle» makes no
    concession); always true for a fact no denial is listed for."""
    if not denials:
        return True
    return any(
        _says(norm, phrases) and not _says(norm, denials)
        for norm in map(normalize, re.split(r"[.!?¿¡;:]+", text))
    )


@cache
def _needs_value() -> frozenset[str]:
    return frozenset(str(f) for f in config().get("needs_value", []) or [])


@cache
def _value_words() -> frozenset[str]:
    return frozenset(normalize(str(w)) for w in config().get("value_words", []) or [])


def _with_value(text: str, phrases: tuple[str, ...]) -> bool:
    """A sentence says the phrase and a number with it (the folio dictated, not promised)."""
    for sentence in re.split(r"[.!?¿¡;]+", text):
        norm = normalize(sentence)
        if not _says(norm, phrases):
            continue
        if any(ch.isdigit() for ch in sentence) or set(norm.split()) & _value_words():
            return True
    return False


def static_facts(scenario: Scenario) -> frozenset[str]:
    """What the scenario makes true for the whole call."""
    out = {"inbound" if scenario.kind in INBOUND_KINDS else "outbound"}
    provider = normalize(scenario.customer.current_provider or "")
    if scenario.kind in CUSTOMER_KINDS or (
        provider and provider == normalize(scenario.company.name)
    ):
        out.add("existing_customer")
    if "existing_customer" in out or provider not in NO_PROVIDER:
        out.add("has_current_product")  # «quiero comparar con lo que tengo» needs something had
    gender = address.customer_gender(scenario.customer.title, scenario.customer.first_name)
    out |= {"customer_female"} if gender == "f" else {"customer_male"} if gender == "m" else set()
    return frozenset(out)


def known(state: CustomerState, scenario: Scenario) -> frozenset[str]:
    """Every fact that holds now: the scenario's, the call memory's, the agent's words heard and
    the customer's own lines said."""
    out = set(static_facts(scenario)) | set(state.facts_heard)
    if state.accepted or state.payment_promise or state.resolved:
        out.add("agreement_reached")
    if state.presented or state.products_mentioned:
        out.add("offer_made")
    out |= {f"{PRODUCT}{pid}" for pid in state.products_mentioned}
    if state.price_mentioned:
        out.add("price_said")
    if state.purpose_known:
        out.add("purpose_stated")
    if state.agent_words >= int(config().get("long_turn", 55)):
        out.add("agent_long_turn")
    told = normalize(" ".join(state.used_texts))
    out |= {fact for fact, phrases in _rules("customer_said") if _says(told, phrases)}
    any_of = config().get("any_of", {}) or {}
    out |= {str(fact) for fact, some in any_of.items() if out & set(some)}
    out |= licences.line_facts(state, state.play.get(AGENT_TEXT, ""), scenario)  # this turn's
    out |= now_facts(state.play.get(AGENT_TEXT, ""))
    out |= said_figures.unsaid(state, scenario)
    out |= said_figures.said(state)  # c3: a figure referred back to was said
    out |= referents.facts(state, scenario)  # cust-g: attempts told, the call's goal, a yes
    out |= call_calendar.call_facts(state)  # c1 (session 23): the call's date and hour
    return frozenset(out)


def now_facts(text: str) -> frozenset[str]:
    """The facts of ``agent_said`` the agent's last turn says, as ``now:<fact>``: a reaction to a
    promise or to words of understanding answers the turn that said them, not one three turns
    later (blind panel P sb-04: «Ya no les creo nada; siempre dicen lo mismo» to questions about
    the modem; sd-01: «Lo que quiero es que me entienda» right after «entiendo su molestia»)."""
    if not text:
        return frozenset()
    norm = normalize(text)
    return frozenset(
        f"{NOW}{fact}" for fact, phrases in _rules("agent_said") if _says(norm, phrases)
    )


def holds(line: str, facts: frozenset[str], intent: str = "") -> bool:
    """The line's declared presuppositions are true (a plain string presupposes nothing), and
    those of every line of its ``intent`` (``intents`` in es/presuppositions.yaml)."""
    shared = config().get("intents", {}).get(intent) or {}
    requires = set(getattr(line, "requires", frozenset())) | set(shared.get("requires", []))
    unless = set(getattr(line, "unless", frozenset())) | set(shared.get("unless", []))
    return (
        requires <= facts
        and not unless & facts
        and licences.line_licensed(line, intent, facts)
        and said_figures.fits(line, facts)
        and referents.fits(line, facts)  # cust-g: no unsaid referent, no yes denied
        and call_calendar.fits(line, facts)  # c1: true on the call's date and at its hour
    )


def checker(facts: frozenset[str], intent: str = "") -> Callable[[str], bool]:
    """:func:`holds` for the lines of one intent, given the facts known now."""
    return lambda line: holds(line, facts, intent)


def at(lines: list[str], fits: Callable[[str], bool]) -> Callable[[int], bool]:
    """``fits`` for the index of a line in ``lines``."""
    return lambda i: fits(lines[i])


def pick(lines: list[T], fits: Callable[[T], bool], rng: random.Random) -> T | None:
    """A line drawn as the mouth always draws (one of ``lines``, at random); when it does not fit
    the call, the next one that does (in order, round the list): the draw of a bank whose lines
    all fit is unchanged. None when no line fits."""
    if not lines:
        return None
    start = rng.randrange(len(lines))
    return next((x for x in lines[start:] + lines[:start] if fits(x)), None)


def declared(line: str) -> frozenset[str]:
    """Every fact the line names, required or excluded (for checks of the vocabulary)."""
    return frozenset(getattr(line, "requires", frozenset()) | getattr(line, "unless", frozenset()))


def vocabulary() -> frozenset[str]:
    """The facts a line may name: the computed ones and those of ``es/presuppositions.yaml``."""
    computed = {
        "inbound",
        "outbound",
        "existing_customer",
        "has_current_product",
        "customer_male",
        "customer_female",
        "agreement_reached",
        "offer_made",
        "price_said",
        "purpose_stated",
        "agent_long_turn",
        "substitute_named",
        *(config().get("any_of", {}) or {}),
    }
    noted = {fact for section in ("agent_said", "customer_said") for fact, _ in _rules(section)}
    now = {f"{NOW}{fact}" for fact, _ in _rules("agent_said")}
    return frozenset(computed | noted | now | referents.vocabulary())


def all_false(lines: list[str], state: CustomerState, scenario: Scenario) -> bool:
    """Every line presupposes something false now (a move made of them waits for its hook)."""
    facts = known(state, scenario)
    return bool(lines) and not any(holds(x, facts) for x in lines)
