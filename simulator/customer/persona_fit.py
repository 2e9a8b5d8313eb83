"""The persona fit of a whole reply: the line said fits the act it answers and the product.

The line audit (``line_audit.py``) checks each glued piece against its trigger in the call; some
faults of blind panel N were of the reply as an act instead (task cust-h, session 21): a bare
«Mjm.» to an explicit «¿sí o no?» (the quiet customer must still answer), «Ajá.» from an upset
customer sent to see his bank, «Claro, anótele:» when nobody asked to write anything down, «sí,
contrátelo» for a credit card (one applies for a card), «Entendido, continúe» after the agent
reported the matter done, a thank-you glued before a line of distrust, a reply opening with «Y»
as if it went on from something unsaid. Each rule reads the reply as it will be said against the
agent's last turn and the call, and rewrites the piece that does not fit; it never leaves the
reply empty. The phrases live in ``es/persona_fit.yaml``. (The expert's «eso no lo tenía
considerado» after the right answer to his own test is a bank of its own, ``knowledge_right``:
``expert_play.knowledge_turn``.)
"""

from __future__ import annotations

import random
import re
from functools import cache
from typing import Any

from simulator.customer import answer_form, cues
from simulator.customer.casing import capitalize
from simulator.customer.presuppose import AGENT_TEXT
from simulator.customer.state import CustomerState
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize
from simulator.models.content import Scenario

_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")
_AND_OPENING = re.compile(r"^[YE]\s+(?=[a-záéíóúñ])")
WARM_WORDS = 8  # a warm piece is a short one (a longer sentence says more than thanks)


@cache
def config() -> dict[str, Any]:
    data = resource_yaml("simulator.customer", "es/persona_fit.yaml")
    return data if isinstance(data, dict) else {}


@cache
def phrases(key: str) -> tuple[str, ...]:
    return tuple(normalize(str(p)) for p in config().get(key, []) or [])


def _has(norm: str, found: tuple[str, ...]) -> bool:
    padded = f" {norm} "
    return any(p and f" {p} " in padded for p in found)


def _bare(norm: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9ñ ]", " ", norm).split())


def fit(
    text: str,
    names: list[str],
    state: CustomerState,
    scenario: Scenario,
    persona: str,
) -> str:
    """The reply with the pieces that do not fit the agent's turn or the persona rewritten."""
    agent = state.play.get(AGENT_TEXT, "")
    if not text or not agent:
        return text
    # its own draw (seeded by the reply), so the call's other draws stay as they were
    rng = random.Random(f"{text}|{len(state.used_texts)}")
    text = answers_yes_no(text, names, state, agent, persona, rng)
    text = protests(text, agent, persona, rng)
    text = write_lead(text, agent)
    text = go_on(text, agent, rng)
    text = warm_then_cold(text)
    text = no_dangling_and(text)
    return product_verb(text, agent, scenario)


def answers_yes_no(
    text: str, names: list[str], state: CustomerState, agent: str, persona: str, rng: random.Random
) -> str:
    """A bare backchannel to a yes/no question becomes a word that answers it («Sí.»), when the
    brain's reply was a yes, or an acknowledgement of a check once the call is agreed."""
    if _bare(normalize(text)) not in phrases("backchannels"):
        return text
    if answer_form.form(agent) != "yes_no":
        return text
    yes = bool(set(names) & set(config().get("yes_intents", [])))
    agreed = state.accepted or state.resolved or state.payment_promise
    question = normalize(answer_form.last_question(agent) or "")
    if not yes and not (agreed and _has(question, phrases("check_words"))):
        return text
    table = config().get("answer_yes", {})
    lines = [str(x) for x in table.get(persona) or table["default"]]
    rng.shuffle(lines)  # a yes not said yet in the call (no «Pues nada, sí.» for a second «Sí.»)
    return next((x for x in lines if x not in state.used_texts), lines[0])


def protests(text: str, agent: str, persona: str, rng: random.Random) -> str:
    """An upset customer sent elsewhere protests; he does not answer «Ajá.» to it."""
    lines = (config().get("protest") or {}).get(persona)
    if not lines or _bare(normalize(text)) not in phrases("backchannels"):
        return text
    return str(rng.choice(lines)) if _has(normalize(agent), phrases("deflections")) else text


def write_lead(text: str, agent: str) -> str:
    """«Claro, anótele: …» only when the agent asked for something to write down."""
    norm_agent = normalize(agent)
    social = _has(norm_agent, phrases("social_asks"))  # «¿con quién tengo el gusto?» greets
    data = answer_form.form(agent) == "data" and not social
    if data or any(w in norm_agent for w in phrases("write_asks")):
        return text  # a datum asked for, or writing spoken of
    out = text
    for lead in config().get("write_leads", []):
        # a lead opens its piece and announces what follows with a colon («Anote bien: …»)
        pattern = re.compile(rf"(^|(?<=[.!?…,]\s)){_accented(lead)}(\s+bien)?\s*:", re.IGNORECASE)
        out = pattern.sub(str(config().get("write_lead_instead", "mire")) + ":", out, count=1)
    return out if out == text else _tidy(out)


def _accented(word: str) -> str:
    """A pattern for ``word`` that matches it with or without its written accents."""
    table = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uú]"}
    return "".join(table.get(c, re.escape(c)) for c in normalize(word))


def _tidy(text: str) -> str:
    text = re.sub(r"\bmire:\s*$", "", text).strip()
    text = re.sub(r"^mire:\s*", "Mire: ", text)
    text = re.sub(r"([.!?…]\s+)mire:", r"\1Mire:", text)  # «le doy otro. Mire: …»
    return capitalize(text) if text else text


def go_on(text: str, agent: str, rng: random.Random) -> str:
    """«Continúe» invites the agent to go on: not after it reported the matter done and asked
    nothing (the reply then acknowledges it)."""
    if "?" in agent or not _has(normalize(agent), phrases("done_words")):
        return text
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    kept = [s for s in sentences if not _has(normalize(s), phrases("go_on"))]
    if len(kept) == len(sentences):
        return text
    return " ".join(kept) if kept else str(rng.choice(config().get("go_on_instead") or ["Ok."]))


def warm_then_cold(text: str) -> str:
    """A warm piece (thanks, relief) before a piece of distrust in one reply: the warm one goes."""
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    if len(sentences) < 2:
        return text
    norms = [normalize(s) for s in sentences]
    cold = [i for i, n in enumerate(norms) if _has(n, phrases("cold"))]
    if not cold:
        return text
    warm = {
        i
        for i, n in enumerate(norms)
        if i < cold[0] and _has(n, phrases("warm")) and len(n.split()) <= WARM_WORDS
    }
    # a bare «Bueno…» that led into the warm piece goes with it
    warm |= {i - 1 for i in warm if i and len(norms[i - 1].split()) == 1}
    kept = [s for i, s in enumerate(sentences) if i not in warm]
    return capitalize(" ".join(kept)) if kept and kept != sentences else text


def no_dangling_and(text: str) -> str:
    """A reply does not open with «Y …» as if it went on from a sentence it never said («Y mi
    esposo usa andadera…» as the first words; a question «¿Y …?» may open with it)."""
    match = _AND_OPENING.match(text)
    return capitalize(text[match.end() :]) if match else text


def product_verb(text: str, agent: str, scenario: Scenario) -> str:
    """The verb of a yes for the product it is said of (a card is applied for, not contracted):
    the product the agent's last turn names, else the scenario's main one."""
    if "contrat" not in normalize(text):
        return text
    named = cues.products_named(normalize(agent), scenario.catalog)
    main = [p for p in scenario.catalog if not p.addon]
    found = named or main
    if not found:
        return text
    kind = normalize(found[0].name).split(" ", 1)[0]
    swaps = (config().get("verbs") or {}).get(kind) or {}
    for old, new in swaps.items():
        text = re.sub(rf"\b{re.escape(old)}\b", new, text)
        text = re.sub(rf"\b{re.escape(capitalize(old))}\b", capitalize(new), text)
    return text
