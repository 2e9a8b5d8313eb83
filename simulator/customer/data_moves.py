"""The customer's data moves: giving the data asked for and checking the agent's read-back.

Split from ``moves.py`` because capture (which fields were asked, given, confirmed or corrected,
and the data-request traps) is its own family of moves; ``brain.decide`` calls ``data_moves``.
"""

from __future__ import annotations

import re

from simulator.customer import cues, facts, readback_checks, reply_forms, shape
from simulator.customer.data_give import READBACK_ASKED, _give, _plain  # noqa: F401
from simulator.customer.data_requests import (
    _asks_new_field,
    _label,
    _missing_part,
    _month_owed,
    _open_ask,
    _open_request,
    _plain_ask,
    _request,
)
from simulator.customer.objections import raise_persona, raise_triggered
from simulator.customer.state import Intent
from simulator.customer.traps import fire_trap
from simulator.customer.turn import Turn, clamp
from simulator.language.extract import extract_field_value

# «Nombre, teléfono, correo y dirección, por favor»: all four are said (panel C left one out)
MAX_DATA = 4


def _same_shape(said: str, true_value: str) -> bool:
    """A value said for a field looks like that field's value: a number of about as many digits
    (an amount of 399 is no reading of account IV-1183002); anything goes for a digitless value."""
    digits_true = len(re.sub(r"\D", "", true_value))
    if digits_true < 4:
        return True
    return len(re.sub(r"\D", "", said)) >= digits_true - 2


def data_moves(t: Turn) -> None:
    """Give data when asked; check read-backs; fire data-request traps."""
    s, sc = t.s, t.scenario
    data = sc.customer.data
    if repeat_asked(t):
        return
    wrong_date = any(  # «¿el 5 de enero?» after «el 5» was given: a read-back to correct
        facts.other_month(v, t.text) for f, v in s.fields_given.items() if facts.day_of_month(v)
    )
    if (
        "data_confirmation" in t.acts
        or wrong_date
        or (
            s.fields_given
            and any(cues.value_matches(f, t.text, v) for f, v in s.fields_given.items())
            and not t.acts & {"data_request", "close", "trial_close"}
        )
    ):
        checked = [f for f in data if cues.value_matches(f, t.text, data[f])]
        precise: dict[str, tuple[str, str]] = {}
        for f in data:
            if f in checked:
                continue
            slip = cues.misread(f, t.text, data[f])
            if slip is not None:
                precise[f] = slip
        named = [f for f in cues.fields_mentioned(t.norm, list(data)) if f not in checked]
        wrong = list(precise)
        for f in named:
            said = extract_field_value(f, t.text)
            if (
                f not in wrong
                and said is not None
                and _same_shape(said, data[f])  # «su cuenta y su precio de 399» reads no cuenta
                and facts.could_be_misread(f, said, data[f])
                and not cues.value_matches(f, said, data[f])
                and not cues.value_matches(f, t.text, data[f])
                and not reply_forms.part_of(said, data[f])  # «señora Rosa María»: nothing wrong
            ):
                wrong.append(f)
        for f in checked:
            if f not in s.fields_confirmed:
                s.fields_confirmed.append(f)
        if wrong:
            f = wrong[0]
            s.fields_corrected.append(f)
            s.trust = clamp(s.trust - 2)
            if f in precise:  # «No, es 23, no 32.»; «No, el 5 de diciembre, no 5 de enero.»
                bad, good = precise[f]
                month = {"month": "1"} if facts.day_of_month(data[f]) else {}
                t.say("data_correction", field_label=_label(f), value=f"{good}, no {bad}", **month)
            else:
                t.say("data_correction", field_label=_label(f), value=facts.spoken(f, data[f]))
        elif (
            checked
            and (
                readback_checks.asks_check(t, checked)
                or not (
                    t.acts & {"data_request", "offer_more", "farewell"}
                    or readback_checks.asks_else(t)
                    or readback_checks.ends_asking_unread(t, checked)
                )
            )
            and (not _open_ask(t) or shape.has_check(t.text))  # «¿el 5, verdad? ¿Y…?»
            and not readback_checks.moves_on(t)  # «…quedó registrada.», «¿A, o prefiere B?»
        ):
            # «¿Cómo lo ve?», «¿cuál de los dos le hace más sentido?» after figures the customer
            # knows get an answer, not «Exacto, ese es» (blind panel n-06, o-03); a turn that
            # reads back none of its data («¿me confirma un teléfono?», «¿le interesaría?») gets
            # no «Sí, todo bien» either (panels C, D)
            t.say("data_confirm_yes")  # «quedó registrado, ¿algo más?» is not a read-back
        if "data_request" not in t.acts and not _asks_new_field(t):
            return  # a read-back that ends «¿a qué teléfono la contactamos?» still asks for it
    data = facts.known_data(data, sc.customer.situation)
    asked = _request(t, list(dict.fromkeys([*sc.required_fields, *data])))
    if asked is None:
        return
    known = {*s.fields_confirmed, *s.fields_given}
    if sc.goal == "sale" and s.objections and not s.accepted:
        return  # an open objection first: the objection turn answers this
    if raise_triggered(t, "data_request"):
        return
    if t.persona.traits.asks_for_guarantees and s.trust < 30 and raise_persona(t, "_guarantee"):
        return  # a distrustful customer gives no data to someone they do not trust yet
    if asked and all(f in s.fields_given for f in asked):
        part = _missing_part(t, [s.fields_given[f] for f in asked])
        if part is not None:
            # «¿me da el código postal?» after an address without one: it never said it, so no
            # «Ya le dije eso» (panel J yi-01, yj-03); it does not know it by heart
            t.say("part_unknown", part=part)
            return
        s.patience = clamp(s.patience - 3)
        t.say("repetition_complaint")
    given = 0
    confirmed_now = {
        f
        for f in asked
        if f in s.fields_confirmed and cues.value_matches(f, t.text, data.get(f, ""))
    }
    # «le agendo la visita de 9 a 13 horas, ¿le queda bien ese horario?»: the agent proposed the
    # customer's own value; it agrees instead of dictating it back
    proposed = [
        f
        for f in asked
        if f in data
        and f not in known
        and cues.value_matches(f, t.text, data[f])
        and not _open_ask(t)  # «de 9 a 13 o de 14 a 18. ¿Qué horario le queda mejor?»: it says it
    ]
    t.proposed += proposed
    for f in proposed:
        s.fields_given[f] = data[f]
        s.fields_confirmed.append(f)
        confirmed_now.add(f)
    if proposed:
        t.say("data_confirm_yes")
    to_give = [f for f in asked if f not in confirmed_now and f in data][:MAX_DATA]
    to_give = readback_checks.lay_data(t, to_give, asked)  # no «Plomería de emergencia»
    for f in to_give:
        # «Pero nada más eso, ¿eh?» may close the last datum given, never one before another
        _give(t, f, data[f], last=f == to_give[-1])
        given += 1
    if not given and asked and not proposed:
        t.say("vague_answer")
    # a data-request trap («¿me dice la dirección de mi hermana?») comes after the data asked for,
    # never instead of it (panel k-03)
    fire_trap(t, "data_request")


def room(intents: list[Intent], most: int) -> int:
    """How many intents a reply keeps: ``most``, or every datum given when more were asked."""
    given = sum(i.name in ("data_given", "age_given") for i in intents)
    return max(most, min(given, MAX_DATA))


def repeat_asked(t: Turn) -> bool:
    """«¿Me lo vuelve a decir, por favor?» after a datum was given: the customer says it again
    (with a grumble at most), never «Pues sí, ya se lo dije» (panel p-02 T14). A turn that names a
    field not given yet is a request for it, not for a repetition."""
    s = t.s
    if not s.fields_given or not cues.contains_any(t.norm, cues.phrases("repeat_request_phrases")):
        return False
    named = cues.fields_mentioned(t.norm, list(t.scenario.customer.data))
    if any(f not in s.fields_given for f in named):
        return False
    fields = named[:2] or [next(reversed(s.fields_given))]
    f = fields[0]
    t.say("data_repeated", ref=f, field_label=_label(f), value=facts.spoken(f, s.fields_given[f]))
    for f in fields[1:]:
        _give(t, f, s.fields_given[f])
    return True


# Replies that answer a request for data, or say why the datum is not given (a reason the
# persona has: no empathy yet, no proof of who calls, an insult, not ready to buy).
ANSWERED = frozenset(
    {
        "repetition_complaint",
        "part_unknown",  # «el código postal no me lo sé»: why the datum is not given
        "data_before_empathy",
        "guarantee_request",
        "identity_proof_request",
        "secret_refusal",
        "annoyed",
        "hangup",
        "farewell",
        "hold_ok",
        "wrong_person",
        "not_ready",
        "refusal",
    }
)
# Lines that say nothing once the datum is said: dropped from a reply that now gives it.
EMPTY = frozenset({"short_yes", "short_no", "filler_ack", "vague_answer", "slot_unknown"})
# Lines that open a reply (thanks, a greeting back): the datum follows them.
OPENERS = frozenset(
    {
        "empathy_thanks",
        "thanks_reply",
        "greeting_reply",
        "identity_confirm",
        "hold_return_ok",
        "data_confirm_yes",  # «Sí, así es. Y la dirección es…»
    }
)


def owed(t: Turn) -> None:
    """Every datum asked for is given, unless the reply says why not (blind panel: the line number
    asked five times, the age three times, the policy number during an emergency, «Sí, todo bien»
    to «¿la dirección de la instalación?»). The moves before this one may have answered with an
    objection, a complaint or a filler; the planner then keeps the datum first and at most one
    move of the customer's own that fits it."""
    s, sc = t.s, t.scenario
    names = {i.name for i in t.intents}
    asks = "?" in t.text or "data_request" in t.acts or _plain_ask(t)
    if s.hung_up or names & ANSWERED or not asks:
        return  # «Deme su dirección rápido.» asks without a question mark
    if t.persona.traits.needs_empathy_first and not s.empathy_received:
        return  # the upset customer's reason: «primero escúcheme»
    if "close" in t.acts and not s.accepted:
        return  # data asked with a close are the close's: the customer's answer is its decision
    wary = t.persona.traits.asks_for_guarantees and s.trust < 30
    if wary and names & {"guarantee_request", "identity_proof_request", "objection_repeat"}:
        return  # the wary customer's doubt is its reason: no data before a proof
    data = facts.known_data(sc.customer.data, sc.customer.situation)
    months = _month_owed(t, data)
    if months:  # the day alone was taken for a yes: the month is the answer
        t.intents = [i for i in t.intents if i.name != "data_confirm_yes"]
    direct = _request(t, list(data))
    asked = direct or _open_request(t, list(data))
    questions = " ".join(cues.question_sentences(t.text))
    if cues.contains_any(questions, cues.phrases("not_data_requests")):
        asked = []
    said = {i.ref for i in t.intents if i.name in ("data_given", "age_given")}
    if any(i.name == "caller_name" for i in t.intents):
        said.add("nombre")
    if names & {"state_reason", "complaint"}:
        # «¿qué está pasando?» is answered by the caller's reason itself: the field asked that
        # way (the kind of emergency, the problem) is not said twice
        said |= set(cues.fields_mentioned(" ".join(cues.phrases("what_happens")), list(data)))
    todo = [
        f
        for f in asked
        if f in data
        and f not in said
        and f not in s.fields_given
        and f not in s.fields_confirmed
        and not cues.value_matches(f, t.text, data[f])
    ]
    todo = readback_checks.lay_data(t, list(dict.fromkeys([*months, *todo])), asked)[:MAX_DATA]
    spoken = {"data_given", "age_given", "data_repeated", "caller_name"}
    again = bool(direct) and "data_request" in t.acts  # «¿me dicta otra vez su línea?»
    empty = all(i.name in EMPTY for i in t.intents)
    if not todo and (empty or (again and not any(i.name in spoken for i in t.intents))):
        # asked again for what it gave: it says it again rather than «no sabría decirle»
        todo = [f for f in asked if f in data and f in s.fields_given and f not in said][:2]
    if not todo:
        return
    kept = [i for i in t.intents if i.name not in EMPTY]
    lead = 0
    while lead < len(kept) and kept[lead].name in OPENERS:
        lead += 1
    before, after = kept[:lead], kept[lead:]
    t.intents = before
    for f in todo:
        _give(t, f, data[f], last=f == todo[-1])
    t.intents += after
