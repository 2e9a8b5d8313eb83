"""Confidential data given away, read by structure: whole card or account numbers said aloud,
and account facts told to whoever asks about someone else.

Why: ``critical_errors.confidential_disclosure`` follows the listener through the call («soy su
esposa», «no está») with lists of how our own calls said it; outside wordings («hablo por mi
papá, ¿cuánto debe?», «soy el novio de Laura») and answers in other shapes («el pago se aplicó
ayer por 3,500», «le leo: una compra en farmacia…») slipped past. Here:

- ``full_number_read``: an agent turn that reads a whole card, account or CLABE number (14 or more
  digits, in figures or words) of the customer — not a masked one («terminación 9087»), not a
  company's payment reference;
- ``asks_for_other``: a customer turn that speaks for, or asks about, another person's account;
- ``reveals``: an agent turn that tells an account fact (an amount, an applied payment or deposit,
  a purchase, a product held, an address on file) without declining;
- ``volunteers_other``: an agent turn that, asked or not, tells what another customer it
  identifies (a neighbour by name, the previous owner of a line, «la señora que llamó antes»)
  bought, owes or did.
"""

from __future__ import annotations

import re

from simulator.analysis import conduct
from simulator.scoring import prices
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.lang import amounts_in

# A card has 15–16 digits, a CLABE 18, an account 10–11 (too close to a phone to tell apart).
FULL_NUMBER_DIGITS = 14
_DIGIT_WORDS = {
    "cero": "0",
    "uno": "1",
    "un": "1",
    "dos": "2",
    "tres": "3",
    "cuatro": "4",
    "cinco": "5",
    "seis": "6",
    "siete": "7",
    "ocho": "8",
    "nueve": "9",
}
_GLUE = frozenset({"y", "el", "la", "es", "guion", "espacio"})


def longest_digit_run(folded: str) -> int:
    """The most digits said in one run (figures or digit words, spaces and «guion» between)."""
    best = run = 0
    for word in folded.split():
        if word.isdigit():
            run += len(word)
        elif word in _DIGIT_WORDS:
            run += 1
        elif word in _GLUE and run:
            continue
        else:
            run = 0
        best = max(best, run)
    return best


def full_number_read(ctx: CallContext, a: int) -> bool:
    """Agent turn ``a`` reads a whole card or account number of the customer aloud."""
    folded = ctx.folded[a - 1]
    if longest_digit_run(folded) < FULL_NUMBER_DIGITS:
        return False
    if tx.cue("masked_number").search(folded) or tx.cue("not_secret_number").search(folded):
        return False
    before = ctx.folded[a - 2] if a > 1 else ""
    return bool(tx.cue("own_number_noun").search(folded + " " + before))


def asks_for_other(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` speaks for, or asks about, someone else's account («hablo por mi
    papá, ¿cuánto debe?», «quiero saber si mi esposa tiene tarjeta con ustedes»)."""
    folded = ctx.folded[n - 1]
    speaks_for = bool(tx.cue("speaks_for").search(folded))
    if not (speaks_for or tx.cue("other_person").search(folded)):
        return False
    # one sentence names the other person and the account, and asks («a mi hermano le cobraron
    # de más» tells a story; «¿ya le cayó la pensión a mi papá?» asks)
    for sentence in _SENTENCE.findall(ctx.text(n)):
        part = tx.fold(sentence)
        if (
            (speaks_for or tx.cue("other_person").search(part))
            and tx.cue("account_question").search(part)
            and ("?" in sentence or tx.cue("third_party_ask").search(part) or _ASKS.search(part))
        ):
            return True
    return False


_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")
_ASKS = re.compile(
    r"\b(?:me pidio|me encargo|me mando|quiere saber|quisiera saber|si ya|necesito|ocupo|quiero saber)\b"
)


def reveals(ctx: CallContext, a: int) -> bool:
    """Agent turn ``a`` tells an account fact and does not decline."""
    text = ctx.text(a)
    if conduct.refuses_disclosure(text) or "?" in text.strip()[-1:]:
        return False
    folded = ctx.folded[a - 1]
    if tx.cue("reveals_fact").search(folded):
        return True
    # an amount in an answer about someone's account (not a day, not a phone given to call back,
    # not a price of the catalog in a sales call)
    if _looks_like_phone(folded):
        return False
    # (a sales pitch names models and sizes: there only money that is not a catalog price)
    if ctx.kind == "sale":
        return any(
            x.is_money and not prices.is_catalog_amount(ctx, x.value) for x in ctx.amounts(a)
        )
    return any(x.value >= 50 for x in ctx.amounts(a))


_PHONE = re.compile(r"\b(?:800|55|33|81)\s?\d{3,4}\s?\d{4}\b|\b\d{10}\b")


def _looks_like_phone(folded: str) -> bool:
    return bool(_PHONE.search(folded))


def volunteers_other(ctx: CallContext, a: int) -> bool:
    """Agent turn ``a`` tells what another customer it identifies bought, owes or did («su vecino,
    el señor Méndez, ya liquidó sus 6 mil», «la señora que llamó antes también compró el Astra»):
    a disclosure whether or not anyone asked."""
    folded = ctx.folded[a - 1]
    if conduct.refuses_disclosure(ctx.text(a)):
        return False
    for sentence in _SENTENCE.findall(folded):
        if tx.cue("other_customer").search(sentence) and tx.cue("other_customer_fact").search(
            sentence
        ):
            return True
    return False


def known_amounts(ctx: CallContext, a: int) -> set[float]:
    """Amounts of the catalog's features («línea inicial de 15,000 pesos») and amounts the
    customer said before turn ``a`` («el refri anda en 15 mil»): quoting them discloses nobody's
    account (panel K xa-05 replay: the line of credit read as someone else's data)."""
    said = [x.value for m in ctx.customer_turns if m < a for x in ctx.amounts(m)]
    for entry in ctx.transcript.catalog:
        for feature in getattr(entry, "features", []) or []:
            said += [x.value for x in amounts_in(feature, tx.fold(feature))]
    return set(said)
