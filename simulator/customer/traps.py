"""The scenario's traps, said when they fit the moment of the call.

A trap is a test of the agent (a wrong price to correct, a relative's data to refuse, «no me
vuelvan a llamar» to respect), but the customer is a person: it asks it when the conversation
leads there, not at a random turn. Each trap still waits for its trigger (the opening, the
presentation, a close, a data request, the end of the call); once the trigger has happened, the
trap is said at the first turn that fits it (``fire_due``), or at the latest when the agent opens
the floor («¿algo más?»):
- no trap in the middle of a read-back of the customer's data;
- a relative's or neighbour's data («¿me dice cuánto debe mi hermano?») after a turn that talks
  about other people (family, neighbours, whose name the line is in), or when invited to ask;
- a wrong price or condition («entonces me queda en 399, ¿verdad?») never in the turn where the
  agent has just said the true figure;
- «no me vuelvan a llamar» at the end of the call (a decision taken, or the agent wrapping up),
  never as the answer to «¿qué otra duda tiene?» in the middle of an offer.

Not every customer has every trap in mind: each call draws, once and from its seed, which of the
scenario's traps this customer would bring up on its own (``trap_odds`` by trap type in
es/brain.yaml). A relative's data that is not in this customer's mind comes up only when the
conversation leads there (the agent talks about other people), never out of the blue at
«¿algo más?»; and a hurried or quiet customer (``trap_no_small_talk``) never opens that topic
at «¿algo más?» either (panels F and G: every call ended with the same «¿me dice el saldo de mi
hermano?», even from a customer in a meeting).
"""

from __future__ import annotations

import random

from simulator.analysis import conduct
from simulator.customer import cues, presuppose
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from simulator.models.content import Trap

REFUSED_FLAG = "others_data_refused"
TRUST_TYPES = frozenset({"trust", "identity"})
REACHED = "reached:"


def fire_trap(t: Turn, trigger: str) -> bool:
    """The trap of this trigger, if one is due and fits now (else it waits for a turn that fits)."""
    flag = REACHED + trigger
    if flag not in t.s.once_flags:
        t.s.once_flags.append(flag)
    return _fire(t, [trigger], due=False)


def fire_due(t: Turn, *, floor_open: bool = False) -> bool:
    """A trap whose trigger already happened but that did not fit then, said now if it fits.
    ``floor_open``: the agent invited the customer to ask what it wants («¿algo más?»)."""
    reached = [f[len(REACHED) :] for f in t.s.once_flags if f.startswith(REACHED)]
    return _fire(t, reached, floor_open=floor_open, due=True)


def _fire(t: Turn, triggers: list[str], *, floor_open: bool = False, due: bool) -> bool:
    s = t.s
    if s.farewell_said or "farewell" in t.acts:
        return False  # a trap never after «que tenga buen día»
    for trap in t.scenario.traps:
        if trap.trigger not in triggers or trap.id in s.traps_fired:
            continue
        if unfit(t, trap.statements) or _out_of_character(t, trap.statements):
            continue  # «¿me regresan los 998 mañana?» waits until a refund was mentioned
        if trap.type == "confidential_request" and REFUSED_FLAG in s.once_flags:
            continue  # told already that others' data are confidential: it does not ask
        if trap.type != "confidential_request" and not in_play(t, trap):
            continue  # not a trap this customer has in mind (the relative's data: ``fits``)
        if not fits(t, trap, floor_open=floor_open or "offer_more" in t.acts):
            continue
        if due and trap.type != "confidential_request" and decided(t):
            continue  # its moment passed and the customer decided: a late bait would reopen it
        s.traps_fired.append(trap.id)
        if trap.type == "do_not_call":
            s.do_not_call = True
        unfit_words = []
        if _just_stated(t, trap):
            # «Mi hermana dice que está en 3,999», never «entonces me queda en 3,999, ¿verdad?»
            unfit_words += cues.phrases("restating_leads")
        if trap.type == "wrong_price_bait" and _price_conceded(t):
            # «sí vale la pena» said: no «déjemelo en 9,000» after it (panel E zj-08); a figure
            # heard elsewhere («su compañero me dijo que…») may still be checked
            unfit_words += cues.phrases("haggling_leads")
        t.say("trap", ref=trap.id, **({"unasked": "|".join(unfit_words)} if unfit_words else {}))
        return True
    return False


def in_play(t: Turn, trap: Trap) -> bool:
    """Whether this call's customer has this trap in mind (drawn once per call from its seed, so
    the draw never shifts the call's other random choices)."""
    odds = cues.config().get("trap_odds", {}).get(str(trap.type), 100)
    return random.Random(f"{t.s.seed}:trap:{trap.id}").randrange(100) < int(odds)


def _price_conceded(t: Turn) -> bool:
    """The customer let a doubt about the price go (a price objection or its haggle settled)."""
    kinds = {o.id: o.type for o in t.scenario.objections}
    return any(kinds.get(o) == "price" or o == "_discount" for o in t.s.objections_handled)


def fits(t: Turn, trap: Trap, *, floor_open: bool = False) -> bool:
    """Whether this agent turn is a moment where a person would say the trap."""
    if "data_confirmation" in t.acts and not floor_open and trap.type != "do_not_call":
        return False  # «Le confirmo: Calle Olivo 23…» is answered, not met with a new topic
    if trap.type == "confidential_request":
        if conduct.refuses_disclosure(t.text):
            return False  # just told that others' data are not given: it does not ask for some
        if _talks_of_others(t, trap):
            return True  # the conversation led there: any customer may ask
        hurried = t.ctype in cues.config().get("trap_no_small_talk", [])
        return floor_open and in_play(t, trap) and not hurried
    if trap.type == "wrong_price_bait":
        # nobody misquotes a figure the agent has just said (panels C and D): right after it, only
        # a line that blames another source for the wrong figure fits
        return not _just_stated(t, trap) or any(not _restates(x) for x in trap.statements)
    if trap.type == "do_not_call":
        return end_phase(t)
    return True


def _just_stated(t: Turn, trap: Trap) -> bool:
    return trap.type == "wrong_price_bait" and bool(cues.amounts(t.text))


def _restates(line: str) -> bool:
    """«Entonces me queda en 399, ¿verdad?» sums up what the agent said (wrongly)."""
    padded = f" {normalize(line)} "
    return any(f" {p} " in padded for p in cues.phrases("restating_leads"))


def decided(t: Turn) -> bool:
    s = t.s
    return s.accepted or s.refused or s.resolved or s.payment_promise


def end_phase(t: Turn) -> bool:
    """The call is ending: the customer decided (yes, no, a promise, the service registered) or
    the agent wraps up with «¿algo más?» that is not an invitation to voice doubts of the offer."""
    if decided(t):
        return True
    return "offer_more" in t.acts and not doubts_invited(t)


def doubts_invited(t: Turn) -> bool:
    """«¿Qué otra duda tiene?», «¿alguna pregunta del plan?»: the agent asks for the customer's
    doubts about what is being offered (not the protocol's «¿algo más en que le ayude?»)."""
    questions = " ".join(cues.question_sentences(t.text))
    return "?" in t.text and cues.contains_any(
        normalize(questions) or t.norm, cues.phrases("doubt_invitations")
    )


def _talks_of_others(t: Turn, trap: Trap) -> bool:
    """The agent's turn or the customer's last line is about other people: the relative or
    neighbour the trap asks about fits there («¿también para su esposa?» → «¿y lo de mi
    cuñado?»)."""
    relations = cues.phrases("third_party_words")
    asked = " ".join(normalize(x) for x in trap.statements)
    # the very relation the trap asks about (its «hermano» after «¿y su hermano?»), or other
    # people in general («otros clientes», «a nombre de quién está»)
    words = [w for w in relations if cues.contains_any(asked, [w])]
    words += cues.phrases("others_in_general")
    return cues.contains_any(t.norm, words) or cues.contains_any(normalize(t.s.last_text), words)


def _out_of_character(t: Turn, statements: list[str]) -> bool:
    """A customer who distrusts the call — by type, or after voicing a doubt about who calls —
    never offers its NIP or a code «para que vaya más rápido» (panels m-10, p-01)."""
    types = {o.id: str(o.type) for o in t.scenario.objections}
    for spec in cues.config().get("persona_objections", {}).values():
        types.setdefault(str(spec["id"]), str(spec["type"]))
    types["_voiced_trust"] = "trust"
    wary = t.persona.traits.asks_for_guarantees or any(
        types.get(oid) in TRUST_TYPES for oid in t.s.objections_raised
    )
    secrets = list(cues.config().get("secret_words", []))
    return (
        wary
        and bool(statements)
        and all(cues.contains_any(normalize(x), secrets) for x in statements)
    )


def unfit(t: Turn, statements: list[str]) -> bool:
    """Every line presumes something the agent has not brought up in the call yet
    (``mentioned_topics`` in es/brain.yaml), or what is false in this call (the lines'
    ``requires``/``unless``: a trap waits for its hook, presuppose.py)."""
    if presuppose.all_false(statements, t.s, t.scenario):
        return True
    mentioned = [*t.s.topics_mentioned, *cues.topics_mentioned(t.norm)]
    phrases = cues.unmentioned_lines(mentioned)
    return bool(statements) and all(
        any(f" {p} " in f" {normalize(line)} " for p in phrases) for line in statements
    )
