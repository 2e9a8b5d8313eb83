"""The customer's own situation told from the scenario's facts.

«¿Cuánto paga hoy por su servicio?» or «¿con qué compañía lo tiene?» ask for facts the scenario
holds (``customer.current_payment``, ``customer.current_provider``). Without this move the brain
had no answer for them and said a vague line that fits a how-are-you («Pues bien, gracias a Dios,
ahí vamos»), which outside trainers counted as incoherent. The question phrases are data
(``es/brain.yaml`` ``situation_questions``); the lines are in the banks (``situation_*``).
"""

from __future__ import annotations

from collections import Counter

from simulator.customer import cues
from simulator.customer.turn import Turn

_PERIOD_WORDS = {"mes": " al mes", "año": " al año", "ano": " al año", "quincena": " a la quincena"}
_NO_PROVIDER = {"", "ninguno", "ninguna", "nada", "no tiene"}


def _asked(t: Turn, fact: str) -> bool:
    phrases = cues.config().get("situation_questions", {}).get(fact, [])
    return "?" in t.text and cues.contains_any(t.norm, list(phrases))


def _amount(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:,.2f}"


def _period(t: Turn) -> str:
    periods = Counter(p.period for p in t.scenario.catalog if p.period)
    if not periods:
        return ""
    return _PERIOD_WORDS.get(periods.most_common(1)[0][0].strip().lower(), "")


def answer(t: Turn) -> bool:
    """Say the situation fact (or the time) the agent asked for; True when one was said."""
    if "?" in t.text and cues.contains_any(t.norm, list(cues.config().get("time_permission", []))):
        if "closed_question" in t.acts:
            t.s.rng()  # the yes/no roll this replaces: later draws of the call stay the same
        t.say("time_ok")
        return True
    customer = t.scenario.customer
    said = False
    if customer.current_payment and _asked(t, "current_payment"):
        t.say("situation_payment", amount=_amount(customer.current_payment), period=_period(t))
        said = True
    provider = customer.current_provider.strip()
    if _asked(t, "current_provider"):
        if provider.lower() in _NO_PROVIDER and provider != "":
            t.say("situation_provider_none")
            said = True
        elif provider:
            t.say("situation_provider", provider=provider)
            said = True
    return said
