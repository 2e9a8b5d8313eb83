"""An either/or question gets one of its options, never a bare «sí».

Outside trainers counted «Sí, correcto», «Ajá» or «Afirmativo» after «¿Plus o Esencial?», «¿un pago
o mensualidades?» or «¿ya cerró la llave o sigue saliendo?» as the most frequent incoherent customer
line. When the brain's whole reply to such a question is a bare yes/no or filler, this move says
the option instead. It picks the option the customer leans to (a product it already heard about,
or words of its situation and needs), otherwise the last option, which is the one that is spoken
as a phrase a customer can repeat («Sigue saliendo», «Mensualidades, mejor»). The choice is
deterministic and draws nothing more from the call's random stream, so the rest of the call
is unchanged. Cue words are data (``es/brain.yaml`` ``choice``).
"""

from __future__ import annotations

import re

from simulator.customer import choice_lists, choice_many, choice_memory, choice_options, cues
from simulator.customer.choice_lists import unknown as unknown  # brain's «no sé» pass
from simulator.customer.choice_memory import _datum_shaped as _datum_shaped
from simulator.customer.choice_named import asks_among as asks_among
from simulator.customer.choice_named import options as _named_options
from simulator.customer.choice_options import (
    _ADDRESSED_VERB,
    _PAST_ADDRESSED,
    _clean,
    _last_question,
    _options,
    _raw_options,
    _sayable,
    _speakable,
)
from simulator.customer.choice_options import (
    is_choice as is_choice,
)
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

BARE = frozenset(
    {"short_yes", "short_no", "vague_answer", "filler_ack", "data_confirm_yes", "agree_summary"}
    | {"slot_unknown", "nothing_more_to_add"}
)


def _leaning(t: Turn, options: list[str]) -> str | None:
    if (picked := choice_memory.kept(t, options)) is not None:
        return picked  # the product it picked before, asked again
    for option in options:  # its own data first: «¿de 9 a 13 o de 14 a 18?» → «de 9 a 13»
        said = normalize(option)
        if any(said and said in normalize(v) for v in t.scenario.customer.data.values()):
            return option
    said = " ".join(v for k, v in t.s.play.items() if k.startswith("part:"))
    grounds = [choice_options.with_aside(o, t.text) for o in options]  # cust-f: its example
    story = choice_options.told_most(grounds, f"{t.scenario.customer.situation} {said}")
    if story is not None:  # «¿del tubo de abajo del fregadero o de la llave?» (panel K xd-01)
        return options[grounds.index(story)]
    for option in options:  # «¿en la mañana o en la tarde?» after «después de las seis»
        words = [w for w in normalize(option).split() if len(w) > 3]
        if said and words and all(w in normalize(said).split() for w in words):
            return option
    fit = choice_lists.best_fit(t, options)
    if fit is not None:  # the product that serves the needs it told («sin carro no vendo»)
        return fit
    heard = [p for p in t.scenario.catalog if p.id in t.s.products_mentioned]
    known = " ".join(
        [t.scenario.customer.situation]
        + [n.description for n in t.scenario.needs if n.id in t.s.revealed_needs]
        + [p.name for p in heard]
    )
    known_norm = f" {normalize(known)} "
    for option in reversed(options):  # the last option is the one a customer repeats best
        words = [w for w in normalize(option).split() if len(w) > 3]
        if words and all(f" {w} " in known_norm for w in words):
            return option
    return _grounded(options, known_norm)


leaning = _leaning  # public: a warm customer's pick when its stance holds (stance_machine)


def _grounded(options: list[str], known_norm: str) -> str | None:
    """«¿lo usa para trabajar o nada más para la casa?» from a salesman who drives all day: the
    one option whose word the situation grounds in other words (``choice.grounded_by``)."""
    table = cues.config().get("choice", {}).get("grounded_by", {}) or {}
    hits = [
        option
        for option in options
        if any(
            cues.contains_any(known_norm, [normalize(c) for c in table.get(w, [])])
            for w in normalize(option).split()
        )
    ]
    if len(hits) == 1:
        return hits[0]
    return None if hits else choice_options.stem_grounded(options, known_norm)


def answer(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The reply to an either/or question names a side, or says honestly it does not know which
    («Ay, no sé cuál, la verdad»): never a bare «sí» or «mjm» (blind panel I)."""
    replies = _unchosen(t, _answer(t, intents))
    for intent in replies:
        if intent.name in ("choice_answer", "choice_not_first"):
            choice_memory.note(t, str(intent.slots.get("option", "")))
    return replies


# Bare replies that choose nothing; a «no» may refuse the offer side and stays.
UNCHOSEN = frozenset({"short_yes", "filler_ack"})
CHOSEN = frozenset({"choice_answer", "choice_not_first", "choice_take", "choice_keep"}) | {
    "choice_done",
    "acceptance",
}


def _unchosen(t: Turn, intents: list[Intent]) -> list[Intent]:
    """A bare yes or filler left before an either/or question's reply becomes «no sé cuál»."""
    if not intents or intents[0].name not in UNCHOSEN or _asks_data(t):
        return intents
    raw = _raw_options(t.text)
    if len(raw) != 2 or any(i.name in CLOSING | CHOSEN for i in intents):
        return intents
    decide = [normalize(w) for w in cues.config().get("choice", {}).get("decide_sides", [])]
    if not any(cues.contains_any(normalize(side), decide) for side in raw):
        return intents  # «¿redes o video?» asks what it knows: no «no sé cuál» for that
    lead = 0
    while lead < len(intents) and intents[lead].name in BARE:
        lead += 1
    rest = [i for i in intents[lead:] if i.name not in ASIDES]  # no signal after «no sé cuál»
    return [Intent(name="choice_unsure"), *rest]


def _answer(t: Turn, intents: list[Intent]) -> list[Intent]:
    """Replace a bare yes/no/filler reply to an either/or question by the chosen option, and a
    bare yes to «¿le interesa alguno?» over named products by the one it wants (a «no» stays).
    A bare opening before more words («Sí, ¿por?», «Sí, así es. Oiga, …») is replaced the same
    way; the rest of the reply stays."""
    front = 0
    while front < len(intents) - 1 and intents[front].name in LEADERS:
        front += 1
    if front:  # «Ay, es que yo platico mucho. Bueno, sí…» then the option, not a bare «sí»
        return [*intents[:front], *_answer(t, intents[front:])]
    if len(_options(t.text)) == 2:
        choice_lists.remember_options(t, _options(t.text))
    lead = 0
    while lead < len(intents) and intents[lead].name in BARE:
        lead += 1
    rest = intents[lead:]
    if _asks_data(t):
        return intents
    if any(i.name == "acceptance" for i in intents) and len(intents) <= 2:
        return _accepted_option(t, intents)
    if not lead and not any(i.name in CLOSING | CHOSEN for i in intents):
        if asks_among(t):  # «¿cuál le late más?» over options named: a pick
            picked = _answer(t, [Intent(name="filler_ack"), *intents])
            return intents if picked[0].name == "filler_ack" else picked
        if choice_lists.asks_which(t.text) and t.s.presented and not _asks_data(t):
            return [Intent(name="choice_unsure"), *intents]  # options it cannot say back
    if not lead and intents and all(i.name in ASIDES for i in intents):
        return _option_first(t, intents)  # «¿la Amplia o la Limitada?» — «¿y cómo se paga?»
    if not lead or any(i.name in CLOSING for i in rest):
        return intents
    listed = choice_lists.listed_options(t.text) if not _options(t.text) else []
    if listed and choice_lists.asks_which(t.text):
        return [choice_lists.pick(t, listed, _leaning), *rest]
    bare = intents[:lead]
    options = _options(t.text)
    if len(options) != 2:
        options = _named_options(t) or choice_lists.which_options(t)
        if not options:
            return _phrased(t, bare, rest)
        if any(i.name == "short_no" for i in bare):
            return choice_lists.neither(t, rest) or intents
        wanted = _leaning(t, options) or options[-1]
        if not _speakable(wanted):  # «y viaja por carretera por el trabajo» is the agent's
            return _phrased(t, bare, rest)
        return [Intent(name="choice_answer", slots={"option": wanted}), *rest]
    if not all(_speakable(o) for o in options) or _directed(t, bare):
        return _phrased(t, bare, rest)
    choice = _kept(t, options) or _leaning(t, options)
    if choice is None or not (_sayable(choice) or choice_lists.said_as_own(choice)):
        choice = next((o for o in reversed(options) if _sayable(o)), None)
    if choice is None:
        return _phrased(t, bare, rest)
    if choice_lists.picks_one(choice):  # «¿las dos cosas o nada más alguna?»: which one
        named = _named_options(t)
        return choice_lists.one_of(named, _leaning(t, named), rest) or intents
    own = choice_lists.first_person(choice)  # «hace muchas llamadas» → «hago muchas llamadas»
    if reopens(t, own or choice):
        return intents
    return [Intent(name="choice_answer", slots={"option": own or choice}), *rest]


# Lines that may open a reply before the option is said («Ay, es que yo platico mucho»).
LEADERS = frozenset({"back_on_track", "hold_return_ok", "empathy_thanks", "thanks_reply"})


def _asks_data(t: Turn) -> bool:
    """«¿Me da la dirección, con colonia y alcaldía o municipio?» asks for a datum: an «o» in a
    request is no offer of two options, and «Lo primero, por favor» answers nothing (panel C)."""
    question = _last_question(t.text)
    if question is None or not t.acts & {"data_request", "data_confirmation"}:
        return False
    return bool(cues.fields_mentioned(normalize(question), list(t.scenario.customer.data)))


def _directed(t: Turn, bare: list[Intent]) -> bool:
    """A bare «sí» or «no» to «¿se lo agrego o lo dejamos así?»: it says which, not a guess."""
    if not {i.name for i in bare} & {"short_yes", "short_no"}:
        return False
    words = [normalize(w) for w in cues.config().get("choice", {}).get("status_quo", [])]
    keeps = [cues.contains_any(normalize(o), words) for o in _raw_options(t.text)]
    return len(keeps) == 2 and keeps.count(True) == 1


def _kept(t: Turn, options: list[str]) -> str | None:
    """A customer who already said yes keeps what it took («¿se queda con el Esencial, como lo
    platicamos, o le interesa el Plus?» → «el Esencial»)."""
    if not t.s.accepted:
        return None
    words = [normalize(w) for w in cues.config().get("choice", {}).get("status_quo", [])]
    raw = _raw_options(t.text)
    for option, said in zip(options, raw, strict=False):
        if cues.contains_any(normalize(said), words):
            return option
    return None


# Replies after which no option is said (the call or the matter is over).
CLOSING = frozenset({"hangup", "farewell", "refusal", "acceptance", "nothing_else"})


def _phrased(t: Turn, bare: list[Intent], rest: list[Intent]) -> list[Intent]:
    """«¿Le agrego los canales o lo dejamos solo con el internet?»: options too long to repeat are
    answered by which one («Lo primero que me dijo», «Mejor así, como está»), following what the
    bare reply leaned to (a yes takes the offer, a no keeps things as they are)."""
    raw = _raw_options(t.text)
    if len(raw) != 2:
        return [*bare, *rest]
    if (own_fact := choice_lists.own_fact_side(t, raw)) and not reopens(t, own_fact):
        return [Intent(name="choice_answer", slots={"option": own_fact}), *rest]
    if (kept := choice_memory.kept(t, raw)) is not None:  # the product it picked before
        return [Intent(name="choice_answer", slots={"option": _clean(kept, kept == raw[0])}), *rest]
    keep_words = cues.config().get("choice", {}).get("status_quo", [])
    keeps = [cues.contains_any(normalize(o), [normalize(w) for w in keep_words]) for o in raw]
    names = {i.name for i in bare}
    if "short_no" in names and choice_lists.bare_other(raw[1]):
        same = choice_lists.first_person(raw[0]) or "a ese mismo"  # it has no other to give
        return [Intent(name="choice_answer", slots={"option": same}), *rest]
    if "short_no" in names and not any(keeps):
        # «Negativo» to «¿habrá alguien en la mañana o es más seguro por la tarde?» says the
        # other side: «No, es más seguro por la tarde» (panel F zo-04)
        other = _clean(raw[1], first=False)
        # said of itself when the option speaks to the customer: «No, me gustaría repartirlo en
        # meses», «No, me quedo otra vez sin carro» (never the agent's «se queda» echoed)
        own = choice_lists.first_person(other)
        if own and choice_lists.sayable_own(own) and not reopens(t, own):
            return [Intent(name="choice_not_first", slots={"option": own}), *rest]
        if choice_lists.sayable_own(other) and not _ADDRESSED_VERB.search(other.split()[0]):
            return [Intent(name="choice_not_first", slots={"option": other}), *rest]
        index = None
    elif "short_no" in names:
        index = keeps.index(True)
    elif "short_yes" in names:
        index = 0  # «Sí» answers the first clause («¿se lo agrego o…?», «¿le dejo el pedido o…?»)
    elif t.s.interest >= cues.dial("choice_offer_interest", 55):
        index = keeps.index(False) if any(keeps) and not all(keeps) else 0
    else:
        index = keeps.index(True) if any(keeps) and not all(keeps) else 1
    if index is None:
        return [*bare, *rest]
    if choice_lists.bare_other(raw[index]) and not choice_lists.bare_other(raw[1 - index]):
        index = 1 - index  # «¿a este mismo número o prefiere otro?»: it has no other to give
    told = choice_options.told_side(
        t, raw
    )  # cust-f: a fact its story grounds, whatever the bare reply
    if told is not None:
        index = told
        option = _clean(raw[index], first=index == 0)
        example = choice_options.example_of(option, t.text)
        if not _sayable(option) and example and _sayable(example):
            return [Intent(name="choice_answer", slots={"option": example}), *rest]
    named = [choice_lists.named_in(t, o) for o in raw]
    fit = choice_lists.best_fit(t, raw) if all(named) and named[0] != named[1] else None
    if fit is not None and "short_no" not in names:  # the plan that serves what it told
        product = choice_lists.named_in(t, fit)
        if product:
            return [Intent(name="choice_answer", slots={"option": product}), *rest]
    option = _clean(raw[index], first=index == 0)
    if _sayable(option):
        return [Intent(name="choice_answer", slots={"option": option}), *rest]
    cut = choice_lists.short_option(option)  # «el agua todavía está saliendo (del tubo)»
    for short in (cut, choice_lists.main_clause(option)):  # «es la primera vez (que cambia…)»
        if short and _sayable(short) and not reopens(t, short):
            return [Intent(name="choice_answer", slots={"option": short}), *rest]
    if choice_lists.invites_doubts(raw[0]) and not t.s.objections:
        return [Intent(name="no_doubts"), *rest]  # «¿tiene alguna duda, o estamos bien?»
    need = choice_lists.problem_need(t, raw)
    if need is not None:  # «¿le alcanza o tiene algún problema?»: the problem it has, told
        return [need, *rest]
    shifted = choice_lists.first_person(option)
    if shifted and choice_lists.sayable_own(shifted) and not reopens(t, shifted):
        return [Intent(name="choice_answer", slots={"option": shifted}), *rest]
    said = choice_many.say_back(raw[index], raw) or ""  # cust-f (panel N uc-02): no bare «Sí…»
    mine = set(normalize(said).split()[:1]) & set(cues.config()["choice"]["option_starts"])
    mine = mine or {"me", "mi", "yo"} & set(normalize(said).split())
    we = any(re.search(r"\w{3,}(?:amos|emos|imos)$", w) for w in normalize(said).split())
    leaned = names & {"short_yes", "short_no"} and not keeps[index]  # its yes/no made explicit
    if mine and not we and leaned and not reopens(t, said):
        return [Intent(name="choice_answer", slots={"option": said}), *rest]
    if keeps[index]:
        return [Intent(name="choice_keep"), *rest]
    if _PAST_ADDRESSED.search(option):  # «¿ya probó reiniciarlo o…?»: what it did, not a pick
        return [Intent(name="choice_done"), *rest]
    if any(keeps):  # the offer against things as they are: «Sí, eso sí me interesa»
        return [Intent(name="choice_take"), *rest]
    if choice_lists.bare_other(raw[1 - index]):  # its one number, not «otro» with none to give
        return [Intent(name="choice_answer", slots={"option": "ese mismo"}), *rest]
    other = _clean(raw[1 - index], first=index == 1)
    if _sayable(other):  # «¿el baño también tiene fuga o es otra cosa?» → «es otra cosa»
        return [Intent(name="choice_answer", slots={"option": other}), *rest]
    return [*bare, *rest]  # «lo primero» only after a real list (choice_lists)


def reopens(t: Turn, option: str) -> bool:
    """After a yes, an option that says no or doubts («no me convence el precio») is not said."""
    words = normalize(option).split()
    return t.s.accepted and bool(words) and (words[0] == "no" or "convence" in words)


def _accepted_option(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«Ándele, sí» to «¿el de 200 o nos quedamos con el de 100?» says which: the option taken
    (the offer rather than things as they are, or the one it leans to) before the yes."""
    options = _options(t.text)
    if len(options) != 2 or not all(_speakable(o) for o in options):
        options = _named_options(t)
    if len(options) < 2:
        return _accepted_raw(t, intents)
    if any(i.name == "choice_answer" for i in intents):
        return intents
    words = [normalize(w) for w in cues.config().get("choice", {}).get("status_quo", [])]
    raw = _raw_options(t.text) if len(options) == 2 else options
    offers = [
        o for o, r in zip(options, raw, strict=False) if not cues.contains_any(normalize(r), words)
    ]
    choice = _kept(t, options) or _leaning(t, offers or options) or (offers or options)[0]
    if not _sayable(choice):
        return intents
    return [Intent(name="choice_answer", slots={"option": choice}), *intents]


def _accepted_raw(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«Va, adelante» to «¿le tramito solo la tarjeta, o también el seguro de 49 al mes?»: the
    offer in the customer's words when it can say it, else the plain option it keeps."""
    raw = _raw_options(t.text)
    if len(raw) != 2:
        return intents
    words = [normalize(w) for w in cues.config().get("choice", {}).get("status_quo", [])]
    keeps = [cues.contains_any(normalize(o), words) for o in raw]
    order = sorted(range(2), key=lambda i: keeps[i])  # the offer first, then the status quo
    for index in order:
        if keeps[index] and choice_lists.named_in(t, raw[index]) is None:
            continue  # a yes keeps no «decidir después»; only a plan it names (solo la tarjeta)
        option = _clean(raw[index], first=index == 0)
        said = choice_lists.first_person(option) or option
        if said == option and set(normalize(option).split()) & choice_lists.AGENT_SELF:
            continue  # «me autoriza a registrar…» is the agent speaking of itself
        if not cues.open_form_question(f"¿{said}?") and choice_lists.sayable_own(said):
            return [Intent(name="choice_answer", slots={"option": said}), *intents]
    return intents


# A question of the customer's own about the offer: said after the option it picks, not instead.
ASIDES = frozenset({"buying_signal", "buying_signal_generic", "ask_detail", "ask_price"})


def _option_first(t: Turn, intents: list[Intent]) -> list[Intent]:
    options = _options(t.text)
    if len(options) != 2 or not all(_speakable(o) for o in options):
        options = _named_options(t)
    if len(options) < 2:
        return intents
    choice = _kept(t, options) or _leaning(t, options) or options[-1]
    if not _sayable(choice) or reopens(t, choice):
        return intents
    return [Intent(name="choice_answer", slots={"option": choice}), *intents]
