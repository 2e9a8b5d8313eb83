"""The choices inside a turn of several questions: «¿el seguro sería nada más para usted o también
para su familia, y cuántos años tiene?» — «42 años»; «¿Por cuál medio le queda mejor? Y ¿me confirma
un teléfono?» — only the phone (blind panel F). ``choice_moves`` answers a turn whose last question
is the choice; this pass, run by ``shape.fit``, gives the pick of a choice asked next to another
question, in the order asked: a factual side only when the customer's situation grounds it (a
guess would say what it does not have), a preference freely.
"""

from __future__ import annotations

from simulator.customer import choice_lists, choice_moves, cues, need_choice
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

# Replies that end, refuse or doubt: nothing is added to them (as in ``shape``).
ENDING = frozenset({"hangup", "farewell", "refusal", "nothing_else", "secret_refusal"})
DOUBTING = frozenset(
    {"objection", "objection_repeat", "guarantee_request", "identity_proof_request", "trap"}
    | {"not_ready", "annoyed", "knowledge_test", "objection_must_consult", "complaint"}
)
OWN = frozenset(
    {"objection", "objection_repeat", "trap", "guarantee_request", "ask_price", "ask_detail"}
    | {"digression", "buying_signal", "buying_signal_generic", "interrupt_monologue", "impatience"}
)
MAX_PARTS = 4


# Replies that answer a part of the question with content (a datum, a need, a fact).
CONTENT = frozenset({"data_given", "age_given", "need_statement", "part_answer", "slot_fact"}) | {
    "part_answer_first"
}
CHOSEN = frozenset({"choice_answer", "choice_keep", "choice_take", "choice_not_first"})


def either_or_part(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«¿el seguro sería nada más para usted o también para su familia, y cuántos años tiene?» —
    «42 años»: the either/or part of a double question gets its option too, in the order asked
    (panel F zr-01)."""
    names = {i.name for i in intents}
    if not names & CONTENT or names & (CHOSEN | ENDING | DOUBTING) or len(intents) >= MAX_PARTS:
        return intents
    parts = need_choice.question_parts(t.text)
    if len(parts) < 2:  # a single either/or question is choice_moves' to answer
        return intents
    for index, part in enumerate(parts):
        options = choice_moves._options(f"¿{part}?")
        if len(options) != 2:
            continue
        raw = [_raw_span(t.text, o) for o in options]
        if not all(raw):
            continue
        # only a side the customer's situation grounds: a guess says what it does not have
        # («tengo alguna prestación» from a customer with no coverage at all)
        choice = choice_moves._leaning(t, [str(r) for r in raw]) or _family(
            t, [str(r) for r in raw]
        )
        if choice is None:
            continue
        said = choice_lists.first_person(choice) or choice
        if not choice_lists.sayable_own(said) or choice_moves.reopens(t, said):
            continue
        picked = Intent(name="choice_answer", slots={"option": said})
        if index == 0:
            return [picked, *intents]
        answers = [i for i in intents if i.name not in OWN]  # before its own question, if any
        return [*answers, picked, *[i for i in intents if i.name in OWN]]
    return intents


def which_part(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«puede pagar en sucursal… en banca en línea o en tiendas. ¿Por cuál medio le queda mejor?
    Y ¿me confirma un teléfono?» — only the phone: the preference asked first gets its pick too,
    in the order asked (panel F zn-04)."""
    names = {i.name for i in intents}
    if names & (CHOSEN | ENDING | DOUBTING) or len(intents) >= MAX_PARTS:
        return intents
    found = choice_lists.which_before(t.text)
    if found is None:
        return intents
    index, options = found
    choice = choice_moves._leaning(t, options) or options[-1]
    if not choice_lists.sayable_own(choice) or choice_moves.reopens(t, choice):
        return intents
    picked = Intent(name="choice_answer", slots={"option": choice})
    return [picked, *intents] if index == 0 else [*intents, picked]


def _family(t: Turn, options: list[str]) -> str | None:
    """«¿nada más para usted o también para su familia?» from a customer whose situation has a
    family (``choice.family``: the option's words and the situation's)."""
    conf = cues.config().get("choice", {}).get("family", {})
    situation = normalize(t.scenario.customer.situation)
    if not cues.contains_any(situation, [normalize(w) for w in conf.get("situation", [])]):
        return None
    words = [normalize(w) for w in conf.get("option", [])]
    sides = [o for o in options if cues.contains_any(normalize(o), words)]
    return sides[0] if len(sides) == 1 else None


def _raw_span(text: str, norm_option: str) -> str | None:
    """The words of ``text`` that normalize to ``norm_option`` (its accents and capitals kept)."""
    wanted = norm_option.split()
    words = text.replace("¿", " ").replace("?", " ").replace(",", " ").split()
    folded = [normalize(w) for w in words]
    for start in range(len(words) - len(wanted) + 1):
        if folded[start : start + len(wanted)] == wanted:
            return " ".join(words[start : start + len(wanted)])
    return None


def whose_part(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«¿A qué dirección se lo enviamos, a la suya o a la de su mamá?» — an address with no word of
    whose: the customer's data are its own, so «a la mía» comes first (panel F zr-05)."""
    if not any(i.name == "data_given" for i in intents) or {i.name for i in intents} & CHOSEN:
        return intents
    own = [normalize(w) for w in cues.config().get("choice", {}).get("own_side", [])]
    for side in choice_moves._raw_options(t.text):
        clause = _from_own(side.rsplit(", ", 1)[-1].strip(), own)
        if clause:
            said = choice_lists.first_person(clause)
            if said and choice_lists.sayable_own(said):
                return [Intent(name="choice_answer", slots={"option": said}), *intents]
    return intents


def _from_own(clause: str, own: list[str]) -> str | None:
    """The clause from its preposition before the own side on («se lo mando a su casa» → «a su
    casa»), or None when it names no side of the customer's own."""
    words = clause.split()
    folded = [normalize(w) for w in words]
    for phrase in own:
        size = len(phrase.split())
        for start in range(len(words) - size + 1):
            if " ".join(folded[start : start + size]) == phrase:
                back = start - 1 if start and folded[start - 1] in ("a", "en", "para") else start
                return " ".join(words[back:])
    return None


CHOICES = frozenset({"choice_answer", "choice_not_first"})


def agree(t: Turn, intents: list[Intent]) -> list[Intent]:
    """A reply that accepts the offer does not also pick the side without it: «la cancelación de
    mi línea. Ok, lo contrato» to «¿le registro la cancelación o prefiere el cambio al Conecta
    20?» (panel G). The side that names no product of the offer gives way to the acceptance."""
    if not any(i.name == "acceptance" for i in intents):
        return intents
    raw = choice_moves._raw_options(t.text)
    if len(raw) != 2:
        return intents
    named = [choice_lists.named_in(t, o) for o in raw]
    if bool(named[0]) == bool(named[1]):
        return intents
    plain = normalize(raw[0] if named[1] else raw[1])
    kept = [
        i
        for i in intents
        if i.name not in CHOICES or not _same_side(normalize(i.slots.get("option", "")), plain)
    ]
    return kept or intents


def _same_side(option: str, side: str) -> bool:
    words = [w for w in option.split() if len(w) > 3]
    return bool(words) and all(w in side.split() or w in ("mi", "mis") for w in words)
