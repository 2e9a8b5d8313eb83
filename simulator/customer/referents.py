"""A customer line refers only to what happened in the call, and never denies a yes it gave.

Blind panel N (session 21) heard «¿Y ahora por qué va a ser diferente?» from a customer who had
told of no earlier attempt, «Espero el correo» when nobody said a mail would come, «Y si algo no
cuadra, cancelo» to a promise to pay a debt (nothing to cancel), and «yo nunca le dije que sí»
from a customer who had answered the close «Bien, eso me sirve» and handed over its data. Each
such line presupposes an event; ``es/referents.yaml`` names, by phrase, the event a line needs
(``needs``) or the one that makes it false (``denies``), for every bank line at once — persona,
scenario and base bank alike — so a new wording of the same presupposition is caught by its
phrase, not by its line. The facts come from ``presuppose.known`` plus the ones noted here.

``went_along`` (``state.play``): the turn the customer answered a close by going along with it
(a yes in words, data handed over to «entonces se la tramito», a softened doubt) without a
«todavía no»; a later registration may be taken back — a retraction, as a test — but not denied.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from simulator.customer.state import CustomerState, Intent
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize
from simulator.models.content import Scenario

WENT_ALONG = "went_along"
AGENT_TEXT = "agent_text"  # presuppose.AGENT_TEXT: the agent's last turn (``agent_now`` facts)
OPTIONS = "options_presented"  # the agent named two products or more of the catalog
PRODUCT = "product:"  # presuppose.PRODUCT (a fact per product the agent named)
CLOSES = frozenset({"close", "trial_close"})
ALONG = frozenset(
    {"acceptance", "short_yes", "objection_softened", "data_given", "data_confirm_yes"}
)
NOT_ALONG = frozenset(
    {
        "not_ready",
        "refusal",
        "objection",
        "objection_repeat",
        "objection_must_consult",
        "guarantee_request",
        "identity_proof_request",
        "trap",
        "annoyed",
        "hangup",
        "unconsented_protest",
    }
)


@cache
def config() -> dict[str, Any]:
    data = resource_yaml("simulator.customer", "es/referents.yaml")
    return data if isinstance(data, dict) else {}


@cache
def _rules(section: str, key: str) -> tuple[tuple[tuple[str, ...], frozenset[str]], ...]:
    return tuple(
        (
            tuple(normalize(str(p)) for p in rule.get("line", [])),
            frozenset(str(f) for f in rule.get(key, [])),
        )
        for rule in config().get(section, []) or []
    )


@cache
def _phrases(section: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = config().get(section, {}) or {}
    return tuple((str(k), tuple(normalize(str(p)) for p in v)) for k, v in table.items())


def _says(padded: str, phrases: tuple[str, ...]) -> bool:
    return any(p and f" {p} " in padded for p in phrases)


def fits(line: str, facts: frozenset[str]) -> bool:
    """The line's referents are in the call and it denies no yes given."""
    padded = f" {normalize(str(line))} "
    for phrases, some in _rules("needs", "any"):
        if _says(padded, phrases) and not some & facts:
            return False
    return not any(_says(padded, p) and when & facts for p, when in _rules("denies", "when"))


def note(state: CustomerState, agent_norm: str) -> None:
    """Remember the facts of ``agent_said`` this agent turn establishes."""
    padded = f" {agent_norm} "
    for fact, phrases in _phrases("agent_said"):
        if _says(padded, phrases) and fact not in state.facts_heard:
            state.facts_heard.append(fact)


def facts(state: CustomerState, scenario: Scenario) -> frozenset[str]:
    """The facts of the customer's own lines, the call's goal, and a close gone along with."""
    told = f" {normalize(' '.join(state.used_texts))} "
    out = {fact for fact, phrases in _phrases("customer_said") if _says(told, phrases)}
    if scenario.goal == "sale":
        out.add("sale_call")
    if state.play.get(WENT_ALONG):
        out.add(WENT_ALONG)
    now = f" {normalize(state.play.get(AGENT_TEXT, ''))} "
    out |= {fact for fact, phrases in _phrases("agent_now") if _says(now, phrases)}
    named = set(state.products_mentioned) | {
        f.removeprefix(PRODUCT) for f in state.facts_heard if f.startswith(PRODUCT)
    }
    if len(named) >= 2:
        out.add(OPTIONS)
    return frozenset(out)


def vocabulary() -> frozenset[str]:
    """The facts this module adds to ``presuppose.vocabulary``."""
    sections = ("agent_said", "customer_said", "agent_now")
    names = {fact for section in sections for fact, _ in _phrases(section)}
    return frozenset(names | {"sale_call", WENT_ALONG, OPTIONS})


def remember(state: CustomerState, acts: set[str], intents: list[Intent]) -> None:
    """Note a close this reply went along with (a yes, data handed over, a doubt softened)."""
    names = {i.name for i in intents}
    if acts & CLOSES and names & ALONG and not names & NOT_ALONG:
        state.play.setdefault(WENT_ALONG, str(state.turn))
