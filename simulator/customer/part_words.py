"""What a question part and a reply line say, in words both ``every_part`` and ``closed_parts``
read: the stems of a part, the text an intent will say, the intents of the customer's own agenda
and its courtesies (split from ``every_part`` so that ``closed_parts``, which it calls, does not
import it back: the import-cycle contract of ``simulator.customer``).
"""

from __future__ import annotations

from simulator.customer import cues
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

OWN = frozenset(
    {"objection", "objection_repeat", "trap", "guarantee_request", "ask_price", "ask_detail"}
    | {"digression", "buying_signal", "buying_signal_generic", "interrupt_monologue", "impatience"}
    | {"identity_proof_request", "knowledge_test", "objection_must_consult", "discount_request"}
    | {"haggle_again", "annoyed", "complaint", "data_before_empathy", "repetition_complaint"}
)
COURTESY = frozenset({"thanks_reply", "filler_ack", "hold_return_ok", "need_lead_in"})


STEM = 5  # «médica» / «médicos»: the same word when the first five letters agree


def stems(norm: str) -> set[str]:
    stop = set(cues.phrases("question_stopwords"))
    return {w[:STEM] for w in norm.replace("?", " ").split() if len(w) >= STEM and w not in stop}


def text_of(t: Turn, intent: Intent) -> str:
    """What the intent's line will say, as far as the brain knows it (normalized)."""
    said = [intent.slots.get("value", "")]
    if intent.name in ("data_given", "data_repeated") and intent.ref:
        said.append(str(t.scenario.customer.data.get(intent.ref, "")))
    need = next((n for n in t.scenario.needs if n.id == intent.ref), None)
    if intent.name == "need_statement" and need is not None:
        said.append(" ".join(str(x) for x in need.statements))
    return normalize(" ".join(s for s in said if s))
