"""Whether an agent turn gives back what the customer just said: the paraphrase metric's reading.

Blind panel L (session 19, helper score-k) counted paraphrases a trainer would not: «Parafraseos:
2» for weak agents who never restated anything («Ya quedó, como en hora y media llega el
plomero», «Pues espérese a que vaya el técnico», «Ok, entonces le mando un técnico»), and 0 for
excellent agents who did without a lead phrase («Entiendo, quiere el refri sin
descapitalizarse», «Tiene razón, para 12 gigas de WhatsApp y redes está pagando de más»,
«Perfecto, nos enfocamos en la cocina»). A trainer hears a paraphrase in the turn's first
statement when it takes up the content of the customer's turn just before: several of its
content words (``overlap.shared_words``), or one after an acknowledgement in a short sentence.
A tagged paraphrase that shares nothing with what the customer said is not counted.
"""

from __future__ import annotations

import re

from simulator.analysis.overlap import shared_words
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

_FIRST = re.compile(r"^[^.!?¿;:]+")
_ACK = re.compile(
    r"^(?:entiendo|entendido|perfecto|claro|ok|okey|muy bien|de acuerdo|tiene razon|ya veo|ah)\b"
)
_ANSWER = re.compile(r"^(?:si|no)\b")
SHARED = 3  # content words a plain statement must take up from the customer's turn
SHORT_ACK = 12  # words of an acknowledged restatement («Perfecto, nos enfocamos en la cocina»)
MAX_DIGITS = 6  # more is a read-back of data, not a paraphrase
CUSTOMER_WORDS = 5


def _customer(ctx: CallContext, n: int) -> str | None:
    """The customer's turn right before agent turn ``n`` when it says something to restate."""
    c = n - 1
    if c < 1 or ctx.speaker(c) != "customer" or ctx.words[c - 1] < CUSTOMER_WORDS:
        return None
    return ctx.text(c)


def first_statement(text: str) -> str:
    """The turn's first sentence when it is a statement (empty when the turn opens asking)."""
    match = _FIRST.match(text.strip())
    if not match:
        return ""
    end = match.end()
    rest = text.strip()[end : end + 1]
    return "" if rest == "?" else match.group(0)


def _without_name(ctx: CallContext, text: str) -> str:
    """``text`` without the customer's name: «Ok, don Marco.» after the customer gave his name
    restates nothing (score-o, session 20, panel M vc-05)."""
    words = {w for w in tx.fold(ctx.customer_name or "").split() if len(w) > 2}
    if not words:
        return text
    return " ".join(w for w in text.split() if tx.fold(w).strip() not in words)


def restates(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` opens by giving back the content of the customer's last turn."""
    said = _customer(ctx, n)
    first = first_statement(ctx.text(n))
    if said is None or not first or sum(ch.isdigit() for ch in first) > MAX_DIGITS:
        return False
    folded = tx.fold(first)
    if _ANSWER.match(folded):
        return False  # «Sí, el plan no tiene plazo forzoso» answers the question asked
    shared = shared_words(_without_name(ctx, first), said)
    if shared >= SHARED:
        return True
    return shared >= 1 and bool(_ACK.match(folded)) and len(folded.split()) <= SHORT_ACK


def takes_up(ctx: CallContext, n: int) -> bool:
    """A turn the tagger read as a paraphrase shares content with the customer's last turn."""
    said = _customer(ctx, n)
    return said is not None and shared_words(ctx.text(n), said) >= 1


SUMMARY_SHARED = 4  # content words a summary takes up from what the customer said in the call


def summarises(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` sums up what the customer told so far and checks it («Entonces, en su casa
    se conectan varios a la vez… y justo de cuatro a ocho se le traba. ¿Es así?»): a paraphrase
    a trainer counts although it does not open the turn (score-o, session 20, panel M va-02 T14).
    A read-back of captured data is data confirmation, not a summary."""
    folded = ctx.folded[n - 1]
    if not tx.cue("summary_check").search(folded) or not tx.cue("summary_lead").search(folded):
        return False
    if ctx.has(n, "data_confirmation") or sum(ch.isdigit() for ch in folded) > MAX_DIGITS:
        return False
    told = " ".join(ctx.text(c) for c in ctx.customer_turns if c < n)
    return bool(told) and shared_words(ctx.text(n), told) >= SUMMARY_SHARED
