"""What a collections customer needs to hear before it can promise to pay: how much, and a day
it can pay on.

Tmux play: «¿Le parece si hacemos un pago el viernes 11?» was accepted — a promise with no amount
(«el viernes 11» was read as the amount 11), on a day before the customer's payday that it had
just told the agent («El 27 cobro»). A person asks «¿De cuánto sería?» or says «Es que hasta el 27
cobro»; neither is a refusal.
"""

from __future__ import annotations

import re

from simulator.customer import cues, facts
from simulator.customer.turn import Turn

# «el 11», «el día 11», «el viernes 11» with no month after it.
_PROPOSED_DAY = re.compile(
    r"\bel (?:dia |proximo )?(?:(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo) )?"
    r"(\d{1,2})\b(?! de \w)"
)


def amount_stated(t: Turn) -> bool:
    """The agent named how much: a money amount («1,850 pesos») or an option of the catalog whose
    amount is known («su pago mínimo»). «El viernes 11» alone names a day, not an amount."""
    amounts = cues.extract_amounts(t.text)
    money = any(a.is_money for a in amounts)
    # «¿y son los 1,850 completos?»: a bare figure that is the price of an option (panel m-04)
    prices = {p.price for p in t.scenario.catalog if p.price}
    priced = any(a.value in prices for a in amounts)
    return money or priced or bool(cues.products_named(t.norm, t.scenario.catalog))


def too_early(t: Turn) -> str | None:
    """The customer's payday («27») when the agent proposes an earlier day of the month with no
    month named («¿le parece el viernes 11?» to a customer paid on the 27th); else None."""
    payday = facts.day_of_month(t.scenario.customer.data.get("fecha_pago", ""))
    said = _PROPOSED_DAY.search(t.norm)
    if payday is None or said is None:
        return None
    return payday if int(said.group(1)) < int(payday) else None


def missing(t: Turn) -> bool:
    """Answer a collections close that lacks the amount or proposes a day before payday: the
    customer asks how much, or says when it gets paid. True when it answered so."""
    if not cues.has_date(t.norm):
        return False
    if not amount_stated(t):
        t.say("promise_amount_question")
        return True
    payday = too_early(t)
    if payday is not None:
        t.say("promise_date_counter", day=payday)
        return True
    return False
