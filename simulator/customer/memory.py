"""What the customer remembers of what the agent said, so that it does not ask it again.

A person on the phone keeps the call's facts: the prices, the credit line, the times, what the
offer is, who calls, what was read back, that a copy comes by e-mail. The customer's lines that
ask for a fact the agent already stated («¿Y cuánto cuesta?» right after both prices; «¿y de
cuánto sería el límite?» after «línea inicial de 15,000»; «Confirme las condiciones» after a
read-back of every condition: blind panel E) are kept from the mouth for the rest of the call
(``answered_topics`` in es/brain.yaml), as are the lines that presuppose what was never said
(``presupposes``, ``mentioned_topics``), a second «me convenció», «¿qué datos le doy?» after the
data were given, and the accusations of an annoyed line the agent gave no cause for.
"""

from __future__ import annotations

from simulator.customer import commitments, cues
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from simulator.language.numbers import Amount, extract_amounts


def note(t: Turn) -> None:
    """Remember the topics this agent turn answered or brought up."""
    for topic in [*topics_answered(t.norm, t.text), *_state_topics(t)]:
        if topic not in t.s.topics_heard:
            t.s.topics_heard.append(topic)
    for topic in cues.topics_mentioned(t.norm):
        if topic not in t.s.topics_mentioned:
            t.s.topics_mentioned.append(topic)
    _note_figures(t)


FIGURES = "figures_heard"  # ``state.play``: the amounts the agent said, as one spaced string
FIGURES_NEW = "figures_new"  # ``state.play``: this agent turn said a figure not heard before


def _note_figures(t: Turn) -> None:
    """Whether this agent turn brings a figure the call had not heard (once per turn)."""
    s = t.s
    if s.play.get("figures_turn") == str(s.turn):
        return
    s.play["figures_turn"] = str(s.turn)
    heard = set(s.play.get(FIGURES, "").split())
    now = {str(a.value) for a in extract_amounts(t.text)}
    s.play[FIGURES_NEW] = "1" if not now or now - heard else "0"
    s.play[FIGURES] = " ".join(sorted(heard | now))


def _old_news(t: Turn) -> list[str]:
    """«Eso no lo sabía» is no reply to a turn whose figures were all said before."""
    return cues.phrases("news_lines") if t.s.play.get(FIGURES_NEW) == "0" else []


def unsaid(t: Turn) -> list[str]:
    """The normalized phrases no line of this reply may hold."""
    return [
        cues.unasked(t.norm),
        *topic_lines(t.s.topics_heard),
        *cues.unmentioned_lines(t.s.topics_mentioned),
        *cues.unmentioned_products(t.scenario, t.s.products_mentioned),
        *_data_done(t),
        *(cues.phrases("convinced_lines") if _said_yes_before(t) else []),
        *_untold(t),
        *commitments.unsaid(t),
        *(normalize(p) for p in _old_news(t)),
        *([] if t.acts & EXPLAINING else cues.phrases("explained_lines")),
    ]


# Agent acts that explain something: «Sí, eso ya lo sé» may answer them (panel E zm-05: said to
# a plain «¿el seguro, sí o no?»).
EXPLAINING = frozenset({"feature", "benefit", "objection_response", "paraphrase"})


def _untold(t: Turn) -> list[str]:
    """Phrases that refer back to what the customer never told (``own_presupposes``)."""
    told = f" {normalize(' '.join(t.s.used_texts))} "
    return [
        normalize(p)
        for rule in cues.config().get("own_presupposes", [])
        if not any(f" {normalize(w)} " in told for w in rule.get("said", []))
        for p in rule.get("line", [])
    ]


SAID_YES = "said_yes"  # ``state.play``: the turn the customer first said yes in words


def _said_yes_before(t: Turn) -> bool:
    """The customer said yes in an earlier turn (the state's yes, or its own «acepto» in a call
    whose goal is a promise or a service: panel E zl-01 was «convinced» again at the phone)."""
    s = t.s
    if "acceptance" in s.last_intents:  # the last reply as said (moves after the plan included)
        s.play.setdefault(SAID_YES, str(s.turn - 1))
    names = {i.name for i in t.intents}
    if "acceptance" in names or ("short_yes" in names and t.acts & {"close", "trial_close"}):
        s.play.setdefault(SAID_YES, str(s.turn))
    return t.accepted_before or s.play.get(SAID_YES, str(s.turn)) != str(s.turn)


def topics_answered(norm_text: str, text: str = "") -> list[str]:
    """The ``answered_topics`` whose answer stems the agent's turn has (or, for a ``money``
    topic, any amount said as money in ``text``)."""
    topics = cues.config().get("answered_topics", {})
    money = bool(text) and any(_money(a, normalize(text)) for a in extract_amounts(text))
    return [
        name
        for name, rule in topics.items()
        if any(normalize(stem) in norm_text for stem in rule.get("agent", []))
        or (money and rule.get("money"))
    ]


MIN_PRICE = 100


def _money(amount: Amount, folded: str) -> bool:
    """An amount said as money, or a figure of three digits or more put as what something is
    left in («se lo dejo en 7,250»), not a count of hours, megas or months."""
    if amount.is_money:
        return True
    spoken = normalize(amount.text)
    where = folded.find(spoken)
    if amount.value < MIN_PRICE or where < 0:
        return False
    before = folded[:where].split()[-1:]
    after = folded[where + len(spoken) :].split()[:1]
    units = cues.phrases("amount_units")
    return before == ["en"] and not (after and after[0] in units)


def state_topics() -> dict[str, str]:
    """The ``answered_topics`` known from the customer's memory, by the memory they need."""
    topics = cues.config().get("answered_topics", {})
    return {name: str(rule["state"]) for name, rule in topics.items() if rule.get("state")}


def topic_lines(topics: list[str]) -> list[str]:
    """The customer phrases that ask about topics already answered."""
    conf = cues.config().get("answered_topics", {})
    return [normalize(p) for name in topics for p in conf.get(name, {}).get("line", [])]


def _state_topics(t: Turn) -> list[str]:
    """Topics the call has settled by what the customer remembers rather than by words: the
    offer once a product was presented with its price («¿qué me ofrece exactamente?» after it was
    presented twice: blind panel E), who calls once the agent gave its name and its company."""
    s = t.s
    known = {
        "presented_with_price": s.presented and s.price_mentioned,
        "caller_known": "agent_id" in t.acts
        and ("company_id" in t.acts or cues.contains_any(t.norm, [t.scenario.company.name])),
    }
    return [topic for topic, needs in state_topics().items() if known.get(needs)]


def _data_done(t: Turn) -> list[str]:
    """«¿Qué más necesita?» once the customer gave every datum the call needs is not asked."""
    needed = set(t.scenario.required_fields) & set(t.scenario.customer.data)
    if needed and needed <= set(t.s.fields_given):
        return cues.phrases("data_done_lines")
    if len(set(t.s.fields_given) - {"nombre"}) >= DATA_STARTED:
        # «¿Qué datos le doy?» after dictating birth date, e-mail and phone (panel E zm-08)
        return cues.phrases("data_started_lines")
    return []


DATA_STARTED = 2  # data the customer gave (besides its name) before «¿qué datos le doy?» is odd


def unfounded_accusations(t: Turn) -> list[str]:
    """The annoyed lines' accusations this turn gave no cause for (``annoyed_causes``)."""
    rules = cues.config().get("annoyed_causes", {})
    return [
        normalize(p)
        for rule in rules.values()
        if not set(rule.get("needs", [])) & set(t.causes)
        for p in rule.get("line", [])
    ]
