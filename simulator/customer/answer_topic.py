"""The reply answers the question the agent asked before anything else it says.

Blind panel N's largest class of incoherent customer lines (36 of 105) was the question left
unanswered: «¿de dónde sale el agua y qué tanto se ha mojado?» → «Bueno, está bien. Ojalá que esta
vez…», «¿cómo lo resolverían si necesita cirugía?» → «Bien, bien, sin problema por ahora», «¿qué le
preocupa más, A o B?» → «ninguna duda por ahora», or a need told before said again. ``every_part``
gives each part of a question an answer, but counts any line of the reply as one: a stock
acknowledgement or a reaction «answered» the question.

This pass reads the agent's LAST question (``answer_form``: its form, from the shared
understanding) and, when every piece of the reply is a stock piece (``es/answer_topic.yaml``:
acknowledgements, reactions, courtesies, lines that only pretend to answer, a need the call
already heard) or the customer's own move, puts the answer first:

* to an open or yes/no question about the customer: the situation fact the question names
  (``phrases`` of es/fact_model.yaml), the scenario's fact (``fact_model``), a plausible line, or
  an honest «no sé» naming what was asked (``every_part``'s fill, kept in one memory);
* to an either/or that proposes nothing («¿qué le preocupa más, A o B?»): the option the
  customer's situation leans to (``answer_form``/``choice_moves``).

Reactions and own moves follow the answer; the pieces that only pretend to answer go. Datum
requests, permissions, proposals and «¿cuál le acomoda?» among offers are their own passes'.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from simulator.analysis.agent import tag_agent
from simulator.customer import (
    answer_form,
    asked_about,
    every_part,
    fact_match,
    fact_model,
    part_words,
    plausible,
)
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize

# Replies that end or refuse the call, or vent: the persona's play, not a question to answer.
CLOSING = every_part.ENDING | every_part.VENTING
ASKING = frozenset({"open", "yes_no", "either_or"})
ECHO_WORDS = 4  # an option's first words that may not hold a «qué», «cómo», «cuál»…
# The customer's own moves (an objection, a buying signal, a digression) may follow the answer.
OWN = part_words.OWN
# A question that proposes (a close, «¿le interesa?») is answered by the customer's stance.
PROPOSING = answer_form.PROPOSALS | {"trial_close"}
LEAD_IN = "need_lead_in"
AGAIN = "Como le dije"
STRONG = 2  # concepts of a fact a yes/no part must name to ask it plainly  # how ``fact_model`` says a fact told before
# Pieces that say the answer to a question part in words of their own.
ANSWERS = frozenset({"part_answer", "part_answer_first", "slot_fact"})


@cache
def _config() -> dict[str, Any]:
    data = resource_yaml("simulator.customer", "es/answer_topic.yaml")
    return data if isinstance(data, dict) else {}


def _names(key: str) -> frozenset[str]:
    return frozenset(str(x) for x in _config().get(key, []))


def pretends(t: Turn, intent: Intent, part: str) -> bool:
    """The piece stands where an answer goes but says nothing on the question («Bien, bien, sin
    problema», «ninguna duda por ahora»); «ninguna» does answer «¿qué duda le queda?» when the
    customer has no fact for it."""
    if intent.name not in _names("pretend"):
        return False
    if intent.name in _names("doubt_answers") and asked_about.asks_doubt(t):
        return fact_model.fact_of(t, part) is not None
    return True


def stock(t: Turn, intent: Intent, part: str) -> bool:
    """The piece answers no content question: a stock line, or a need the call already heard.
    A «sí» / «no» answers a yes/no question; the quiet customer's «Mjm» too (its persona answers
    closed questions bare)."""
    if answer_form.form(t.text) == "yes_no" and intent.name in _yes_no(t):
        return False
    if intent.name in _names("stock") or pretends(t, intent, part):
        return True
    return every_part.unsaid(t, intent) or retold(t, intent, part)


def _yes_no(t: Turn) -> frozenset[str]:
    bare = _names("yes_no")
    return bare | _names("quiet_yes_no") if t.persona.traits.short_answers_to_closed else bare


def retold(t: Turn, intent: Intent, part: str) -> bool:
    """A need said again («como le comentaba, me cambio el 5») to a question that asks another
    fact of the scenario («¿cuándo le llega a fallar?»): a re-told fact answers only the
    question that asks for it."""
    if intent.name != "need_statement" or not intent.slots.get("again"):
        return False
    fact = fact_model.fact_of(t, part)
    return fact is not None and not fact_model._reply_says(t, fact, [intent], every=False)


def fit(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The reply with the answer to the agent's last question first, when nothing in it answers."""
    names = {i.name for i in intents}
    question_form = answer_form.form(t.text)
    if not intents or names & CLOSING or question_form not in ASKING:
        return intents
    if t.persona.traits.needs_empathy_first and not t.s.empathy_received:
        return intents  # the upset customer vents before it answers (personas README)
    question = answer_form.last_question(t.text)
    asked = every_part.parts(question)
    if not asked or _proposes(t, question):
        return intents
    if plausible.part_kind(asked[0]) in fact_model.NOT_FACTS:
        return intents  # «¿a qué hora…?» may ask when to call back: the moves' question
    if question_form != "either_or" and every_part._offers(asked[0]):
        return intents  # «¿cuál le acomoda?» among offers: the choice moves' question
    part = asked[0]
    if not all(stock(t, i, part) or i.name in OWN for i in intents):
        return _unpretended(intents)
    either = question_form == "either_or"
    if either and names & OWN:
        return intents  # «Ya tengo seguro, ¿para qué me cambio?» is its stance on the options
    answer = _choice(t) if either else None
    if answer is None:
        family = every_part._family(part)
        answer = _situation(t, part) or (None if either else every_part._fill(t, part, family, []))
        if answer is None and _asks_fact(t, part, family, either):
            answer = fact_model.fill(t, part, [])  # «¿ha tenido problemas con su plan?»
    answer = _detail(t, part, answer)
    if answer is None or answer.name in _names("pretend"):
        return intents  # a «sí» is no answer to what was asked: the moves' own yes stands
    if answer.name == "part_answer":  # it opens the reply: no «Y…» joining it to nothing
        answer = Intent(name="part_answer_first", slots=answer.slots)
    kept = [i for i in intents if not pretends(t, i, part) and not every_part.unsaid(t, i)]
    kept = [i for i in kept if not retold(t, i, part)]
    if answer.name.startswith("choice_"):  # «Ok, rápido entonces» after a choice says nothing
        kept = [i for i in kept if i.name in OWN]
    while kept and kept[-1].name == LEAD_IN:
        kept = kept[:-1]  # «Fíjese que…» with nothing told after it
    return [answer, *kept]


def _proposes(t: Turn, question: str) -> bool:
    """The question proposes: the analysis hears a close in it, or the turn closes and one of
    the options is the offer («¿le interesa ese cambio o prefiere la cancelación?»)."""
    if PROPOSING & set(tag_agent(question)):
        return True
    offered = answer_form.options(question)
    return (
        bool(t.acts & PROPOSING) and bool(offered) and answer_form.offer_index(offered) is not None
    )


def _unpretended(intents: list[Intent]) -> list[Intent]:
    """«Pues la verdad, ninguna. Ah, y me da miedo…»: a line that pretends to answer goes when a
    part answer of the reply says the answer."""
    if not {i.name for i in intents} & ANSWERS:
        return intents
    kept = [i for i in intents if i.name not in _names("contradicted")] or intents
    return _first(kept) if kept != intents else intents


def _first(intents: list[Intent]) -> list[Intent]:
    """A part answer that opens the reply is said as the first thing (no «Y…», «Ah, y…»)."""
    if intents and intents[0].name == "part_answer":
        return [Intent(name="part_answer_first", slots=intents[0].slots), *intents[1:]]
    return intents


def _asks_fact(t: Turn, part: str, family: str, either: bool) -> bool:
    """A yes/no or either/or part that asks a fact of the scenario's model plainly: two of the
    fact's concepts named («problemas» and «plan»), not one word in common («¿me comparte las
    edades de su esposa?» is no household fact); an either/or only when it asks for content
    («¿lo que le preocupa es A o B?»), not a yes/no between two states."""
    if family != "closed" and not either:
        return False
    content = answer_form.wh_led(f"¿{part}?") or " lo que " in f" {part} "
    if either and not content:
        return False
    fact = fact_model.fact_of(t, part)
    held = fact_match.concepts_of(part)
    least = 1 if content else STRONG  # «¿quién más se conecta…?» asks content: one concept
    return fact is not None and any(len(alt) >= least and alt <= held for alt in fact.asks)


def _detail(t: Turn, part: str, answer: Intent | None) -> Intent | None:
    """A fact told before, asked about again in other words («bien, casi siempre» — «¿y cuándo
    le llega a fallar?»): the fact's line that says more on what the part asks, not the same
    words again (none new: the fact as told before)."""
    fact = fact_model.fact_of(t, part)
    if answer is None or fact is None or answer.slots.get("kind") != f"model:{fact.key}":
        return answer
    before = fact_match.said(t.s.play, fact)
    if not before or not str(answer.slots.get("value", "")).startswith(AGAIN):
        return answer
    asked = part_words.stems(part)
    fresh = [x for x in fact.lines if x != before and x not in t.s.used_texts]
    fresh.sort(key=lambda x: -len(asked & part_words.stems(normalize(x))))
    if not fresh:
        return answer
    line = fresh[0]
    lower = line[:1].lower() + line[1:]
    return Intent(
        name="part_answer", slots={"value": line, "value_lc": lower, "kind": f"model:{fact.key}"}
    )


def _choice(t: Turn) -> Intent | None:
    """The option a bare yes would choose (``answer_form.fit``), unless it is a piece of the
    question («¿y eso qué le ha costado, A o B?» is no «y eso qué me ha costado»)."""
    offered = answer_form.options(answer_form.last_question(t.text))
    if any(len(o.split()) < 2 for o in offered):
        return None  # «¿tiene algún padecimiento o enfermedad?»: one thing named twice, a yes/no
    chosen = answer_form.fit(t, [Intent(name="short_yes")])
    picked = [i for i in chosen if answer_form._chooses([i])]
    if len(picked) != 1 or _echoes(str(picked[0].slots.get("option", ""))):
        return None
    return picked[0]


def _echoes(option: str) -> bool:
    """The option carries the question's interrogative word: it repeats the question."""
    return bool(set(normalize(option).split()[:ECHO_WORDS]) & answer_form._WH)


def _situation(t: Turn, part: str) -> Intent | None:
    """A fact of the customer's situation the part names in so many words (``phrases`` of
    es/fact_model.yaml; «¿usa actualmente alguna tarjeta?» names «usa alguna tarjeta»), said as
    told before when it was."""
    skip = {normalize(str(w)) for w in _config().get("skip_words", [])}
    plain = " ".join(w for w in part.split() if w not in skip)
    for key, lines in plausible.fact_parts(plain, t.scenario.id, t.ctype):
        if lines:
            said = t.s.play.get(f"fact:{key}")
            line = said or lines[t.s.turn % len(lines)]
            t.s.play[f"fact:{key}"] = line
            lower = line[:1].lower() + line[1:]
            return Intent(name="part_answer", slots={"value": line, "value_lc": lower, "kind": key})
    return None
