"""Every either/or question of the turn gets one of its options, wherever it stands in the turn.

``choice_moves`` turns a bare «sí» to the last either/or question into a pick and ``choice_parts``
adds the pick of a choice asked next to another question when the reply holds a datum or a need.
Blind panel J and the question probes still found option questions answered with something else:
«¿la fuga es dentro o afuera?» — a complaint; «¿transferencia o tienda?» — «va, le creo»; «¿cancelo
o lo piensa?» — «Va, sí, eso sí». This pass (run by ``every_part``) finds each question of the
turn that offers two options a customer can say back and, when the reply picks none, says the
one its situation grounds (``choice_moves._leaning``), else the last one offered for a
preference, else — a fact it cannot ground — that it does not know which; said in the order the
question came, before the customer's own move, and never after a bare «sí» that chose nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from simulator.customer import choice_moves, choice_options, cues, plausible
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

PICKED = frozenset(
    {"choice_answer", "choice_keep", "choice_take", "choice_not_first", "choice_unsure"}
    | {"choice_neither", "choice_done", "acceptance", "refusal", "hangup", "farewell"}
    | {"not_ready", "haggle_again", "discount_request", "objection_must_consult"}
)
BARE = frozenset({"short_yes", "filler_ack"})
_QUESTION = re.compile(r"¿([^¿?]+)\?|([^.!?¿]+)\?")


def _options(question: str) -> list[str]:
    options = choice_options._options(f"¿{question}?")
    if len(options) == 2 and all(choice_options._speakable(o) for o in options):
        return options
    return []


def _said(t: Turn, intent: Intent) -> str:
    said = [intent.slots.get("value", ""), intent.slots.get("option", "")]
    need = next((n for n in t.scenario.needs if n.id == intent.ref), None)
    if need is not None and intent.name == "need_statement":
        said += [str(x) for x in need.statements]
    return normalize(" ".join(x for x in said if x))


def _picks(t: Turn, options: list[str], intents: list[Intent]) -> bool:
    """Whether the reply already says one of the options (or decides on the whole choice)."""
    if any(i.name in PICKED for i in intents):
        return True
    for intent in intents:
        said = f" {_said(t, intent)} "
        for option in options:
            words = [w for w in normalize(option).split() if len(w) > 3 or w.isdigit()]
            if words and all(f" {w} " in said for w in words):
                return True
    return False


def _preference(question: str) -> bool:
    norm = normalize(question)
    conf = cues.config().get("choice", {})
    leads = [*cues.phrases("which_leads"), *conf.get("decide_sides", []), *conf.get("leads", [])]
    leads += plausible.words("preference_cues")
    return cues.contains_any(norm, [normalize(x) for x in leads])


def _pick(t: Turn, question: str) -> Intent | None:
    """What the customer picks when this question is asked alone and it has said nothing yet
    (``choice_moves.answer`` on the question by itself): an option, things as they are, the
    problem it has; «no sé cuál» for a preference it cannot ground; None when nothing fits."""
    alone = f"¿{question.strip()}?"
    sub = replace(t, text=alone, norm=normalize(alone), intents=[])
    got = [i for i in choice_moves.answer(sub, [Intent(name="filler_ack")]) if i.name not in BARE]
    preference = _preference(question)
    sides = _options(question) or choice_options._raw_options(alone)
    if not preference and choice_moves._leaning(sub, sides) is None:
        # a fact its situation does not ground in the options' words («¿el tubo es de la cocina
        # o del baño?» from «debajo del fregadero»): no guess that may say what it does not have
        return None
    if got and (got[0].name in PICKED or got[0].name in ("need_statement", "no_doubts")):
        return got[0]
    return Intent(name="choice_unsure") if preference else None


def _is_choice(question: str, intents: list[Intent]) -> bool:
    """The question offers two sides to pick from: options a customer can say back, a
    preference, or any two sides when the reply answers nothing at all."""
    alone = f"¿{question.strip()}?"
    if len(choice_options._raw_options(alone)) != 2:
        return False
    if _options(question) or _preference(question):
        return True
    return all(i.name in OWN | BARE | NOT_ANSWERS for i in intents)


# Replies that answer no question («Ok, rápido entonces», «gracias»).
NOT_ANSWERS = frozenset({"time_ok", "thanks_reply", "hold_return_ok", "need_lead_in"})


def complete(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The reply with a pick for each either/or question it left without one."""
    found = [m.group(1) or m.group(2) for m in _QUESTION.finditer(t.text[:4000])]
    if not found or t.acts & {"data_request"} and choice_moves._asks_data(t):
        return intents
    for index, question in enumerate(found):
        if not _is_choice(question, intents):
            continue
        sides = _options(question.strip()) or choice_options._raw_options(f"¿{question}?")
        if _picks(t, sides, intents):
            continue
        if _preference(question) and any(i.name in STANDS for i in intents):
            continue  # «ya tengo seguro, ¿para qué me cambio?» is its answer to how to pay
        key = "pick:" + "|".join(sorted(normalize(x) for x in sides))
        if key in t.s.play:
            continue  # asked again: its pick was told already, not said again as news
        picked = _pick(t, question)
        if picked is None:
            continue
        t.s.play[key] = "1"
        rest = intents
        while rest and rest[0].name in BARE:
            rest = rest[1:]  # a bare «sí» chose nothing: the pick says it
        own = next((n for n, i in enumerate(rest) if i.name in OWN), len(rest))
        at = 0 if index == 0 and len(found) > 1 else own
        intents = [*rest[:at], picked, *rest[at:]]
    return intents


OWN = frozenset(
    {"objection", "objection_repeat", "trap", "guarantee_request", "ask_price", "ask_detail"}
    | {"digression", "buying_signal", "buying_signal_generic", "interrupt_monologue", "impatience"}
    | {"identity_proof_request", "knowledge_test", "annoyed", "complaint", "data_before_empathy"}
)


# A doubt about the offer answers a preference over how to take it: no pick next to it.
STANDS = frozenset({"objection", "not_ready", "refusal"})
