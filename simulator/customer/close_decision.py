"""A close answered with no decision gets «not yet» (moved out of ``every_part`` by task cust-f,
session 21, to keep that module small; the rule is customer-panel J's: «¿se lo dejo contratado?»
answered with a story and no decision).
"""

from __future__ import annotations

from simulator.customer import cues, part_words
from simulator.customer.state import Intent
from simulator.customer.turn import Turn

COURTESY = part_words.COURTESY
# Replies that say where the customer stands on a close.
DECISIONS = frozenset(
    {"acceptance", "refusal", "not_ready", "objection", "objection_repeat", "guarantee_request"}
    | {"discount_request", "haggle_again", "objection_must_consult", "knowledge_test", "trap"}
    | {"identity_proof_request", "short_yes", "short_no", "haggle_conceded", "choice_answer"}
    | {"choice_keep", "choice_neither", "data_given", "data_confirm_yes", "annoyed", "hangup"}
    | {"choice_take", "choice_first", "choice_second", "choice_not_first", "choice_unsure"}
    | {"choice_done", "choice_offer_interest"}
)


def decided(t: Turn, intents: list[Intent]) -> list[Intent]:
    """A close answered with no decision (a story, «eso me queda claro») gets «not yet» after
    what the reply says."""
    questions = cues.question_sentences(t.text)
    if not t.acts & {"close", "trial_close"} or not questions or not t.s.presented:
        # before any offer a «¿me regala dos minutos…?» is no close to say «not yet» to
        return intents
    last = f" {questions[-1]} "
    if cues.open_form_question(f"¿{questions[-1]}?") or " lo que " in last or "pregunt" in last:
        return intents  # «¿qué es lo que busca hacer?» asks for a story, not a decision
    if any(i.name in DECISIONS for i in intents):
        return intents
    return [*[i for i in intents if i.name not in COURTESY], Intent(name="not_ready")]
