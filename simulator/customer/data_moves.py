"""The customer's data moves: giving the data asked for and checking the agent's read-back.

Split from ``moves.py`` because capture (which fields were asked, given, confirmed or corrected,
and the data-request traps) is its own family of moves; ``brain.decide`` calls ``data_moves``.
"""

from __future__ import annotations

import re

from simulator.analysis.agent import tag_agent
from simulator.customer import cues, facts
from simulator.customer.objections import fire_trap, raise_persona, raise_triggered
from simulator.customer.turn import Turn, clamp
from simulator.language.normalize import normalize

SHORT_REQUEST_WORDS = 9  # «¿A qué número le marco si se necesita algo?» is a request by itself


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
    if "data_confirmation" in t.acts or (
        s.fields_given
        and any(cues.value_matches(f, t.text, v) for f, v in s.fields_given.items())
        and not t.acts & {"data_request", "close", "trial_close"}
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
            said = cues.field_value_said(f, t.text)
            if (
                f not in wrong
                and said is not None
                and _same_shape(said, data[f])  # «su cuenta y su precio de 399» reads no cuenta
                and _could_be_a_misread(f, said, data[f])
                and not cues.value_matches(f, said, data[f])
                and not cues.value_matches(f, t.text, data[f])
            ):
                wrong.append(f)
        for f in checked:
            if f not in s.fields_confirmed:
                s.fields_confirmed.append(f)
        if wrong:
            f = wrong[0]
            s.fields_corrected.append(f)
            s.trust = clamp(s.trust - 2)
            if f in precise:  # «No, es 23, no 32.»
                bad, good = precise[f]
                t.say("data_correction", field_label=_label(f), value=f"{good}, no {bad}")
            else:
                t.say("data_correction", field_label=_label(f), value=facts.spoken(f, data[f]))
        elif (checked and _asks_check(t)) or (
            s.fields_given and not t.acts & {"data_request", "offer_more", "farewell"}
        ):
            t.say("data_confirm_yes")  # «quedó registrado, ¿algo más?» is not a read-back
        if "data_request" not in t.acts and not _asks_new_field(t):
            return  # a read-back that ends «¿a qué teléfono la contactamos?» still asks for it
    asked = cues.fields_requested(t.text, list(dict.fromkeys([*sc.required_fields, *data])))
    # «la cuenta ya la tengo; me falta el teléfono»: what was given is asked again only by a
    # question that names it
    questioned = {
        f for q in cues.question_sentences(t.text) for f in cues.fields_mentioned(q, asked)
    }
    known = {*s.fields_confirmed, *s.fields_given}
    asked = [f for f in asked if f not in known or f in questioned] or asked
    requested = cues.contains_any(t.norm, cues.phrases("request_phrases"))
    curt = bool(asked) and "?" in t.norm and t.words <= 4  # «Ajá. ¿Nombre?» still asks for it
    # «¿a qué número le marco?», «¿dónde le entregamos?»: a question that names a field by its
    # meaning asks for it, whatever the act tagger called it
    asking = bool(asked) and "?" in t.norm and not t.acts & {"offer_more", "farewell"}
    short = any(
        len(q.split()) <= SHORT_REQUEST_WORDS and cues.fields_mentioned(q, asked)
        for q in cues.question_sentences(t.text)
    )
    inferred = asking and (requested or curt or (short and _unmet(asked, s)))
    if "data_request" not in t.acts and not inferred:
        return
    if sc.goal == "sale" and s.objections and not s.accepted:
        return  # an open objection first: the objection turn answers this
    if raise_triggered(t, "data_request"):
        return
    if t.persona.traits.asks_for_guarantees and s.trust < 30 and raise_persona(t, "_guarantee"):
        return  # a distrustful customer gives no data to someone they do not trust yet
    if asked and all(f in s.fields_given for f in asked):
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
        f for f in asked if f in data and f not in known and cues.value_matches(f, t.text, data[f])
    ]
    t.proposed += proposed
    for f in proposed:
        s.fields_given[f] = data[f]
        s.fields_confirmed.append(f)
        confirmed_now.add(f)
    if proposed:
        t.say("data_confirm_yes")
    to_give = [f for f in asked if f not in confirmed_now and f in data][:2]
    for f in to_give:
        s.fields_given[f] = data[f]
        # «Pero nada más eso, ¿eh?» may close the last datum given, never one before another
        last = f == to_give[-1]
        t.say(
            "data_given",
            ref=f,
            field_label=_label(f),
            value=facts.spoken(f, data[f]),
            **({} if last else {"unasked": "|".join(cues.phrases("last_datum_phrases"))}),
        )
        given += 1
    if not given and asked and not proposed:
        t.say("vague_answer")
    # a data-request trap («¿me dice la dirección de mi hermana?») comes after the data asked for,
    # never instead of it (panel k-03)
    fire_trap(t, "data_request")


def _could_be_a_misread(field: str, said: str, true_value: str) -> bool:
    """A value read back wrong looks like the true one: a name shares a word with it («Arturo
    Ibarra Ruiz»), a number or plate has digits. «Excelente decisión, señor Ibarra… ¿me confirma
    su nombre y las placas de su auto?» reads back nothing (tmux play, seguro de auto)."""
    if any(ch.isdigit() for ch in true_value) and not any(ch.isdigit() for ch in said):
        return False  # «las placas de su auto» is no reading of «NXR-482-B»
    if facts.field_kind(field) != "name":
        return True
    true_words = set(normalize(true_value).split())
    return bool(true_words & set(normalize(said).split()))


def _asks_new_field(t: Turn) -> bool:
    """A question of the turn asks for a field the customer has not given yet («¿a qué teléfono
    la contactamos?»; not «¿le confirmo la contratación a su nombre?»)."""
    fields = list(t.scenario.customer.data)
    requests = cues.phrases("request_phrases")
    return any(
        f not in t.s.fields_given
        for q in cues.question_sentences(t.text)
        if cues.open_form_question(f"¿{q}?") or cues.contains_any(q, requests) or _ELLIPTIC.match(q)
        for f in cues.fields_mentioned(q, fields)
    )


def _unmet(asked: list[str], s: object) -> bool:
    given = getattr(s, "fields_given", {})
    return any(f not in given for f in asked)


def _label(field_key: str) -> str:
    return field_key.replace("_", " ")


def _asks_check(t: Turn) -> bool:
    """A read-back asks to be checked when it asks nothing else or one of its questions checks
    («¿es correcto?»); «Quedó registrada su promesa: 1,850 el 27. ¿Algo más?» or «…quedó
    registrado. ¿Le interesaría también el paquete o lo dejamos así?» gets no «Exacto, ese es.»"""
    questions = _QUESTIONS.findall(t.text[:4000])
    if not questions:
        return not t.acts & {"offer_more", "farewell"}
    for q in questions:
        acts = set(tag_agent(q))
        if "data_confirmation" in acts or not acts & _NOT_A_CHECK:
            return True
    return False


_NOT_A_CHECK = frozenset(
    {"offer_more", "farewell", "close", "trial_close", "cross_sell", "closed_question"}
    | {"open_question", "data_request"}
)
# «¿la dirección donde se haría la instalación?», «¿y su correo?»: a request said as the field
_ELLIPTIC = re.compile(r"^(?:y |por ultimo |ahora |tambien |ademas )?(?:la|el|su|sus|los|las) ")


_QUESTIONS = re.compile(r"¿[^?¿]*\?")
