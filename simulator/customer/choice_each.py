"""Every option question of the turn gets one of its options, wherever it stands in the turn.

``choice_moves`` turns a bare «sí» to the last either/or question into a pick and ``choice_parts``
adds the pick of a choice asked next to another question when the reply holds a datum or a need.
Blind panel J and the question probes still found option questions answered with something else:
«¿la fuga es dentro o afuera?» — a complaint; «¿transferencia o tienda?» — «va, le creo»; «¿cancelo
o lo piensa?» — «Va, sí, eso sí»; and panel K three options or options inside a longer sentence
answered «Mmm, sí» or «ya le conté todo». This pass (run by ``every_part``) reads each part of the
turn (``choice_many``: two options or more, «entre…», «ya sea…», a lead before them) and, when
the reply picks none, says the one its situation grounds (``choice_moves._leaning``), else for a
preference the last one it can say back, else — a fact it cannot ground — nothing, or an honest
«no sé si A o B» when the reply says nothing else; said in the order the question came, before
the customer's own move, never after a bare «sí» that chose nothing, never twice, and
remembered (``part_memory``) so that asked again it is not told as news.
"""

from __future__ import annotations

import re
from dataclasses import replace

from simulator.customer import choice_many, choice_moves, cues, part_memory, plausible
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

PICKED = frozenset(
    {"choice_answer", "choice_keep", "choice_take", "choice_not_first", "choice_unsure"}
    | {"choice_neither", "choice_done", "acceptance", "refusal", "hangup", "farewell"}
    | {"not_ready", "haggle_again", "discount_request", "objection_must_consult"}
)
BARE = frozenset({"short_yes", "filler_ack"})
# A yes to the offer, which picks a side only when the other side is to leave things as they are.
YES_DECIDES = frozenset({"acceptance"})
_QUESTION = re.compile(r"¿([^¿?]+)\?|([^.!?¿]+)\?")


def _said(t: Turn, intent: Intent) -> str:
    said = [intent.slots.get("value", ""), intent.slots.get("option", "")]
    need = next((n for n in t.scenario.needs if n.id == intent.ref), None)
    if need is not None and intent.name == "need_statement":
        said += [str(x) for x in need.statements]
    return normalize(" ".join(x for x in said if x))


def _picks(t: Turn, options: list[str], intents: list[Intent]) -> bool:
    """Whether the reply already says one of the options (or decides on the whole choice): a
    yes decides «¿se lo dejo o lo piensa?», not «¿el mismo día o unos días después?»."""
    words = [normalize(w) for w in cues.config().get("choice", {}).get("status_quo", [])]
    takes = any(cues.contains_any(normalize(o), words) for o in options) or len(options) < 2
    names = {i.name for i in intents}
    if names & (PICKED - YES_DECIDES) or takes and names & YES_DECIDES:
        return True
    for intent in intents:
        said = f" {_said(t, intent)} "
        for option in options:
            words = [w for w in normalize(option).split() if len(w) > 3 or w.isdigit()]
            if words and all(f" {w} " in said for w in words):
                return True
    return False


def _preference(question: str) -> bool:
    norm = normalize(question)
    conf = cues.config().get("choice", {})
    leads = [*cues.phrases("which_leads"), *conf.get("decide_sides", []), *conf.get("leads", [])]
    leads += plausible.words("preference_cues")
    leads += conf_parts().get("preference_cues", [])
    return cues.contains_any(norm, [normalize(x) for x in leads])


def _pick(t: Turn, question: str, sides: list[str]) -> Intent | None:
    """What the customer picks when this part is asked alone and it has said nothing yet: for
    two options ``choice_moves.answer`` on the part by itself (an option, things as they are,
    the problem it has); else the option its situation grounds, said in its words; for a
    preference it cannot ground the last option it can say («no sé cuál» when none); None for
    a fact it cannot ground (no guess that says what it does not have)."""
    alone = f"¿{question.strip()}?"
    sub = replace(t, text=alone, norm=normalize(alone), intents=[])
    preference = _preference(question)
    leaning = choice_moves._leaning(sub, sides)
    if not preference and leaning is None:
        # «¿el tubo es de la cocina o del baño?» from «debajo del fregadero»: no guess
        return None
    if len(sides) == 2:
        got = [
            i for i in choice_moves.answer(sub, [Intent(name="filler_ack")]) if i.name not in BARE
        ]
        fits = got and (got[0].name in PICKED or got[0].name in ("need_statement", "no_doubts"))
        option = str(got[0].slots.get("option", "")) if got else ""
        fits = fits and (not option or _one_side(option, sides))
        if fits and (got[0].name != "choice_unsure" or not preference):
            return got[0]
    for option in [leaning] if leaning else list(reversed(sides)):
        said = choice_many.say_back(str(option), sides)
        if said and not choice_moves.reopens(t, said):
            return Intent(name="choice_answer", slots={"option": said})
    return Intent(name="choice_unsure") if preference else None


def _is_choice(question: str, sides: list[str], intents: list[Intent]) -> bool:
    """The part offers options to pick from: options a customer can say back, a preference, or
    any options when the reply answers nothing at all."""
    if all(choice_many.say_back(o, sides) for o in sides) or _preference(question):
        return True
    return all(i.name in OWN | BARE | NOT_ANSWERS for i in intents)


def _not_twice(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«En rojo. … La luz del módem está en rojo»: a pick that another line of the reply says
    in full is not said twice."""
    out = []
    for n, intent in enumerate(intents):
        option = str(intent.slots.get("option", "")) if intent.name == "choice_answer" else ""
        words = [w for w in normalize(option).split() if len(w) > 3]
        others = [f" {_said(t, x)} " for k, x in enumerate(intents) if k != n]
        if words and any(all(f" {w} " in o for w in words) for o in others):
            continue
        out.append(intent)
    return out or intents


def _no_lead_pick(part: str, sides: list[str], intents: list[Intent]) -> list[Intent]:
    """A pick that says the question's lead back («el internet lo usan más» to «¿el internet lo
    usan más para videos, para la escuela o para trabajar?») names no option: it is dropped so
    the part gets a real one."""
    asked = set(normalize(part).split())
    kept = []
    for intent in intents:
        option = str(intent.slots.get("option", "")) if intent.name == "choice_answer" else ""
        words = set(normalize(option).split())
        if option and words <= asked and not _one_side(option, sides):
            continue
        kept.append(intent)
    return kept


NOUN_WORDS = 4  # «de la cocina», «del baño», «en la mañana»: options that name things


def _own_side(sides: list[str], intents: list[Intent]) -> Intent | None:
    """«¿Se lo mandamos a usted o directo a su mamá?» next to its own address: the datum it gives
    is its own, so the side that is the customer («a mí»; panel K xb-01)."""
    if not any(i.name == "data_given" for i in intents):
        return None
    own = [normalize(w) for w in cues.config().get("choice", {}).get("own_side", [])]
    own.append("usted")
    mine = [o for o in sides if cues.contains_any(normalize(o), own)]
    said = choice_many.say_back(mine[0], sides) if len(mine) == 1 else None
    return Intent(name="choice_answer", slots={"option": said}) if said else None


def _unsure_of(t: Turn, sides: list[str]) -> Intent | None:
    """«Eso de si de la cocina o del baño, la verdad no lo sé»: a fact its situation does not
    ground gets an honest «no sé» that names the options, never a guess nor silence."""
    starts = set(cues.config().get("choice", {}).get("option_starts", []))
    if not all(normalize(o).split()[:1] and normalize(o).split()[0] in starts for o in sides):
        return None  # «¿alguien estudia o trabaja?», «¿ya venía fallando?»: no list of things
    if any(len(o.split()) > NOUN_WORDS for o in sides):
        return None
    said = [choice_many.say_back(o, sides) for o in sides]
    lines = [str(x) for x in conf_parts().get("choice_unknown", [])]
    if not lines or not all(said):
        return None
    options = ", ".join(str(x) for x in said[:-1]) + f" o {said[-1]}"
    line = part_memory.fresh(t, lines).replace("{options}", options)
    lower = line[:1].lower() + line[1:]
    return Intent(name="part_answer", slots={"value": line, "value_lc": lower, "kind": "pick"})


def _last_said(sides: list[str]) -> Intent | None:
    for option in reversed(sides):
        said = choice_many.say_back(option, sides)
        if said:
            return Intent(name="choice_answer", slots={"option": said})
    return None


def _says_something(intents: list[Intent]) -> bool:
    return any(i.name not in OWN | BARE | NOT_ANSWERS | UNSAID for i in intents)


def _asks_data(t: Turn, part: str) -> bool:
    """«¿Me da la dirección, con colonia y alcaldía o municipio?» asks for a datum: its «o» offers
    no options; «¿Se lo mandamos a usted o a su mamá?» next to it does (panel K xb-01)."""
    if not t.acts & {"data_request", "data_confirmation"}:
        return False
    return bool(cues.fields_mentioned(normalize(part), list(t.scenario.customer.data)))


def _one_side(option: str, sides: list[str]) -> bool:
    """A pick said back names exactly one of the options («pagar menos» of «pagar menos cada
    mes» / «pagar menos de su bolsa» names none; «qué me pesa más» is the question's lead)."""
    words = {w[:4] for w in normalize(option).split() if len(w) > 3}
    if not words:
        return True
    holding = [s for s in sides if words <= {w[:4] for w in normalize(s).split() if len(w) > 3}]
    return len(holding) == 1


def conf_parts() -> dict[str, list[str]]:
    return dict(cues.config().get("part_answers", {}) or {})


# Replies that answer no question («Ok, rápido entonces», «gracias»).
NOT_ANSWERS = frozenset({"time_ok", "thanks_reply", "hold_return_ok", "need_lead_in"})


def complete(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The reply with a pick for each option question (two options or more, each part of the
    turn on its own) it left without one."""
    parts = choice_many.raw_parts(t.text)
    intents = _not_twice(t, intents)
    for index, part in enumerate(parts):
        sides = choice_many.options_of(part)
        if len(sides) < 2 or _asks_data(t, part) or not _is_choice(part, sides, intents):
            continue
        cleaned = _no_lead_pick(part, sides, intents)
        if _picks(t, sides, cleaned) or any(i.name in PUSHBACK for i in intents):
            continue  # «espéreme con sus ofertas» picks nothing (panel J yj-08)
        if _preference(part) and any(i.name in STANDS for i in intents):
            continue  # «ya tengo seguro, ¿para qué me cambio?» is its answer to how to pay
        key = "pick:" + "|".join(sorted(normalize(x) for x in sides))
        if part_memory.recall(t, key):
            continue  # asked again: its pick was told already, not said again as news
        picked = _pick(t, part, sides) or _own_side(sides, cleaned)
        if picked is None and len(cleaned) < len(intents):
            picked = _last_said(sides)  # its broken pick replaced, as a bare «sí» would be
        if picked is None and not _says_something(cleaned):
            picked = _unsure_of(t, sides)
        if picked is None or picked.name == "choice_unsure" and _says_something(intents):
            continue  # «no sé cuál» next to what it does say (a datum, its doubt) is noise
        part_memory.remember(t, key, str(picked.slots.get("option", picked.name)))
        rest = [i for i in cleaned if i.name not in UNSAID]
        while rest and rest[0].name in BARE:
            rest = rest[1:]  # a bare «sí» chose nothing: the pick says it
        own = next((n for n, i in enumerate(rest) if i.name in OWN), len(rest))
        at = 0 if index == 0 and len(parts) > 1 else own
        intents = [*rest[:at], picked, *rest[at:]]
    return intents


# «Ya le conté todo» / «no sé» is no reply next to the option it now picks (panel K xa-02).
UNSAID = frozenset({"nothing_more_to_add", "vague_answer"})


OWN = frozenset(
    {"objection", "objection_repeat", "trap", "guarantee_request", "ask_price", "ask_detail"}
    | {"digression", "buying_signal", "buying_signal_generic", "interrupt_monologue", "impatience"}
    | {"identity_proof_request", "knowledge_test", "annoyed", "complaint", "data_before_empathy"}
)


# Replies that push the question back: no pick said next to them.
PUSHBACK = frozenset(
    {"offer_before_empathy", "annoyed", "complaint", "data_before_empathy", "repetition_complaint"}
)
# A doubt about the offer answers a preference over how to take it: no pick next to it.
STANDS = frozenset({"objection", "not_ready", "refusal"})
