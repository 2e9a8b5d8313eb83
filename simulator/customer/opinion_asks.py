"""«¿Qué le parece?», «¿Cómo lo ve?»: a question about the offer gets the customer's opinion.

Blind panel O heard «No, creo que eso es todo lo que le puedo decir» to «¿Cómo lo ve hasta
aquí?» after the agent put its cover and price (td-02 T13, tb-05 T17), and «No, creo que es
todo… sí, es todo» to «¿Qué le parece, tiene alguna duda?» after a card was explained (ta-02
T9): lines that answer a probe of the customer's story or the protocol's «¿algo más?», not a
question about what was just presented. ``shape.fit`` runs ``opinion`` on every plan: such a
line (or a vague «normal») gives way to an opinion, warm or unsure as the customer's interest
stands. The opinion questions are data (``es/brain.yaml`` ``opinion_questions``).
"""

from __future__ import annotations

from simulator.customer import cues
from simulator.customer.state import Intent
from simulator.customer.turn import Turn


def opinion(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«¿Qué le parece?» after an offer gets an opinion, not «Normal» or «bien, gracias», nor a
    line that answers a probe of the customer's story or the protocol's «¿algo más?» («No, creo
    que eso es todo lo que le puedo decir» to «¿Cómo lo ve hasta aquí?»: panel O td-02 T13)."""
    presented = t.s.presented or bool(t.acts & OFFERING)
    unasked = UNASKED if not _asks_anything_else(t.text) else UNASKED - {"nothing_else"}
    if not presented or not how_only(t.text) or not any(i.name in unasked for i in intents):
        return intents
    name = "offer_opinion" if t.s.interest >= OPINION_INTEREST else "offer_opinion_unsure"
    first = next(k for k, i in enumerate(intents) if i.name in unasked)
    rest = [i for k, i in enumerate(intents) if k != first and i.name not in unasked]
    return [*rest[:first], Intent(name=name), *rest[first:]]


# Lines that answer no «¿qué le parece?»: a vague «normal», «ya le conté todo», «es todo».
UNASKED = frozenset({"vague_answer", "nothing_more_to_add", "nothing_else"})
# The turn itself puts the offer (it may be presented in the same turn that asks about it).
OFFERING = frozenset({"trial_close", "close", "cross_sell"})


OPINION_INTEREST = 45


def _asks_anything_else(text: str) -> bool:
    """The turn's last question is the protocol's «¿algo más?»: «es todo» answers it."""
    asked = cues.question_sentences(text)
    return bool(asked) and cues.contains_any(asked[-1], cues.phrases("anything_else"))


def how_only(text: str) -> bool:
    """Every open question of the turn asks how something goes or what the customer thinks of
    the offer («¿cómo lo ve?», «¿qué le parece?»): the brain's answer stands."""
    questions = [q for q in cues.question_sentences(text) if cues.open_form_question(f"¿{q}?")]
    how = cues.phrases("opinion_questions")
    return bool(questions) and all(cues.contains_any(q, how) for q in questions)
