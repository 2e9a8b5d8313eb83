"""The customer's everyday moves for one agent turn: mood, data, presentation, needs, signals.

Each function reads a ``Turn`` (agent text, acts, the state being built, scenario, persona) and
appends intents / changes the state; ``brain.decide`` orders them. Objections, traps and the
readiness to buy live in ``objections.py``.
"""

from __future__ import annotations

from simulator.analysis import conduct
from simulator.customer import cues, facts
from simulator.customer.objections import (
    apply_pressure,
    fire_trap,
    raise_pending,
    raise_persona,
    raise_triggered,
    ready_to_buy,
)
from simulator.customer.turn import Turn, benefit_ties, clamp

__all__ = ["Turn", "clamp"]

# Customer intents that ask the agent something: the next agent turn may be longer.
ANSWER_WANTED = {
    "ask_price",
    "ask_detail",
    "objection",
    "trap",
    "knowledge_test",
    "guarantee_request",
    "discount_request",
    "buying_signal",
    "wrong_fact_reaction",
}
SHORT_REQUEST_WORDS = 9  # «¿A qué número le marco si se necesita algo?» is a request by itself
PRESSURE_SPOKEN = 60  # pressure_reaction from which a customer says out loud that pressure annoys


def mood_effects(t: Turn) -> None:
    """Interest, trust and patience move with how the agent talks, whatever they say."""
    s, tr = t.s, t.persona.traits
    # One conduct lexicon (cálmese, insults, blame…) for the tagger, this brain and the scorer;
    # abusive pressure («decídase ya») is answered as pressure below, not as an insult.
    kind = conduct.disrespect_kind(t.text) or ("insult" if "disrespect" in t.acts else None)
    if kind is not None and kind != "pressure":
        t.causes.append("insulted")
        s.trust = clamp(s.trust - 25)
        s.patience = clamp(s.patience - 20 - tr.pressure_reaction // 4)
        t.say("annoyed")
    tolerance = tr.monologue_tolerance_words
    if set(s.last_intents) & ANSWER_WANTED or "data_confirmation" in t.acts:
        tolerance *= 2  # answering what the customer just asked, or a read-back, is no monologue
    if t.words > tolerance:
        t.causes.append("monologue")
        s.monologues += 1
        over = t.words - tolerance
        s.patience = clamp(
            s.patience - min(25, 6 + over // 8) * (0.5 + tr.interruption_reaction / 100)
        )
        s.interest = clamp(s.interest - 3)
        if t.ctype == "impaciente" or tr.patience < 35:
            t.say("interrupt_monologue")
        elif s.monologues >= 2:
            t.say("impatience")
    if conduct.pressure(t.text):
        t.causes.append("pressure")
        s.patience = clamp(s.patience - 3 - tr.pressure_reaction // 10)
        s.trust = clamp(s.trust - 4)
        if tr.pressure_reaction >= PRESSURE_SPOKEN and not any(
            i.name == "annoyed" for i in t.intents
        ):
            t.say("annoyed")  # «No se va a arrepentir, decídase ya» is not met with «Ok.»
    if "empathy" in t.acts:
        s.trust = clamp(s.trust + 2 + tr.empathy_reaction // 12)
        s.patience = clamp(s.patience + 2)
    if "paraphrase" in t.acts:
        s.trust = clamp(s.trust + 4)
        s.interest = clamp(s.interest + 3)
        s.patience = clamp(s.patience + 1)
    if {"open_question", "closed_question"} & t.acts:
        key = cues.question_key(t.norm)
        if (
            len(key.split()) >= 2
            and key in s.questions_asked
            and not t.acts & {"data_confirmation", "offer_more", "close", "trial_close"}
        ):
            t.causes.append("repetition")
            s.patience = clamp(s.patience - 4 - tr.repetition_reaction // 10)
            s.trust = clamp(s.trust - 3)
            t.say("repetition_complaint")
        else:
            s.questions_asked.append(key)
            if "open_question" in t.acts:
                s.interest = clamp(s.interest + 2)


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
        elif checked or (
            s.fields_given and not t.acts & {"data_request", "offer_more", "farewell"}
        ):
            t.say("data_confirm_yes")  # «quedó registrado, ¿algo más?» is not a read-back
        if "data_request" not in t.acts:
            return
    asked = cues.fields_requested(t.text, list(dict.fromkeys([*sc.required_fields, *data])))
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
    if fire_trap(t, "data_request") or raise_triggered(t, "data_request"):
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
    for f in asked:
        if f in confirmed_now:
            continue
        if f in data and given < 2:
            s.fields_given[f] = data[f]
            t.say("data_given", ref=f, field_label=_label(f), value=facts.spoken(f, data[f]))
            given += 1
    if not given and asked:
        t.say("vague_answer")


def _unmet(asked: list[str], s: object) -> bool:
    given = getattr(s, "fields_given", {})
    return any(f not in given for f in asked)


def _label(field_key: str) -> str:
    return field_key.replace("_", " ")


def close_turn(t: Turn) -> bool:
    """The agent asks for the decision (or checks readiness)."""
    s, sc = t.s, t.scenario
    closing = "close" in t.acts
    if not closing and "trial_close" not in t.acts:
        return False
    if s.accepted:
        t.say("acceptance" if closing else "filler_ack")
        return True
    warm = s.interest >= cues.dial("accept_interest", 60) - 15
    # an objection just settled this turn («visto así, sí me conviene»): the close is answered,
    # not met with a new doubt in the same breath
    settled = any(i.name == "objection_softened" for i in t.intents)
    if warm and not closing and not settled and raise_pending(t):
        return True
    if (
        closing
        and warm
        and not settled
        and (raise_pending(t) or fire_trap(t, "close") or raise_triggered(t, "close"))
    ):
        s.close_attempts += 1
        return True
    if sc.goal == "payment_promise":
        ok = (
            not s.objections
            and s.trust >= 35
            and cues.has_date(t.norm)
            and bool(cues.amounts(t.text))
        )
    else:
        ok = ready_to_buy(t)
    if ok and closing:
        s.close_attempts += 1
        s.accepted = True
        if sc.goal == "payment_promise":
            s.payment_promise = True
        s.interest = clamp(s.interest + 5)
        t.say("acceptance")
        return True
    if ok:
        signals(t, force=True)
        return True
    if not closing:
        if not (t.acts & {"open_question", "benefit", "feature"}):
            t.say("not_ready")  # «¿Le interesa?» too early: «Todavía no me convence del todo.»
            return True
        return False
    s.close_attempts += 1
    s.closes_refused += 1
    if s.closes_refused >= 2:
        apply_pressure(t)
        if s.closes_refused >= 4 or s.patience < 15:
            s.refused = True
            t.say("refusal")
            return True
        t.say("annoyed")
    t.say("not_ready")
    return True


def presentation(t: Turn) -> None:
    s, sc, tr = t.s, t.scenario, t.persona.traits
    named = cues.products_named(t.norm, sc.catalog)
    presenting = (
        bool(named)
        or "cross_sell" in t.acts
        or (bool({"feature", "benefit"} & t.acts) and cues.catalog_price_said(t.text, sc))
    )
    if not presenting:
        return
    first = not s.presented
    s.presented = True
    for p in named:
        if p.id not in s.products_mentioned:
            s.products_mentioned.append(p.id)
    wrong = cues.wrong_price(t.text, t.norm, sc)
    if wrong is not None:
        s.wrong_facts += 1
        s.trust = clamp(s.trust - (25 if tr.tests_knowledge else 10))
        if tr.tests_knowledge or tr.price_sensitivity >= 70:
            t.say("wrong_fact_reaction", product=wrong.name, price=_price(wrong))
            return
    ties = benefit_ties(t, revealed_only=True)
    gain = 0
    for need_id in ties:
        flag = f"benefit:{need_id}"
        gain += 3 if flag in s.once_flags else 9
        if flag not in s.once_flags:
            s.once_flags.append(flag)
    s.interest = clamp(s.interest + min(gain, 16))
    if not ties:
        s.interest = clamp(
            s.interest
            + (4 if benefit_ties(t, revealed_only=False) else 3 if "benefit" in t.acts else 1)
        )
    price_now = cues.price_mentioned(t.text, t.norm) and bool(named or s.products_mentioned)
    if any(i.name in ("objection_softened", "objection", "trap") for i in t.intents):
        s.price_mentioned = s.price_mentioned or price_now
        return  # one objection move per turn: what was triggered now waits (raise_pending)
    if first and (fire_trap(t, "presentation") or raise_triggered(t, "presentation")):
        s.price_mentioned = s.price_mentioned or price_now
        return
    if price_now:
        first_price = not s.price_mentioned
        s.price_mentioned = True
        if first_price and raise_triggered(t, "price"):
            return
    if not first and raise_triggered(t, "presentation"):
        return


def _price(product: object) -> str:
    price = getattr(product, "price", None)
    return f"{price:g}" if isinstance(price, float | int) else ""


def questions(t: Turn) -> None:
    s, sc = t.s, t.scenario
    if t.intents and t.intents[-1].name in ("objection", "trap", "repetition_complaint"):
        return
    if any(i.name == "repetition_complaint" for i in t.intents):
        return
    unrevealed = [n for n in sc.needs if n.id not in s.revealed_needs]
    probe_hit = next(
        (n for n in unrevealed if cues.need_keyword_hit(t.norm, n.probe_keywords)),
        None,
    )
    callado = t.persona.traits.short_answers_to_closed
    if "open_question" in t.acts:
        need = probe_hit or next((n for n in unrevealed if n.reveal == "open"), None)
        if need is None and unrevealed and any(n.id in s.hinted_needs for n in unrevealed):
            need = next(n for n in unrevealed if n.id in s.hinted_needs)
        if need is not None:
            _reveal(t, need.id)
        elif any(i.name == "objection_softened" for i in t.intents):
            pass  # «¿Qué le parece?» after handling an objection: «Visto así…» is the answer
        elif not unrevealed:
            t.say("nothing_more_to_add")
        else:
            t.say("vague_answer")
        return
    if "closed_question" in t.acts:
        if probe_hit is not None and not callado:
            _reveal(t, probe_hit.id)
            return
        if probe_hit is not None:
            if probe_hit.id not in s.hinted_needs:
                s.hinted_needs.append(probe_hit.id)
            t.say("short_yes")
            return
        roll = s.rng().random()
        if callado:
            t.say("short_yes" if roll < 0.65 else "short_no")
        else:
            t.say("short_yes" if roll < 0.6 else "vague_answer" if roll < 0.85 else "short_no")


def _reveal(t: Turn, need_id: str) -> None:
    s = t.s
    s.revealed_needs.append(need_id)
    s.interest = clamp(s.interest + 4 + t.persona.traits.openness // 25)
    if t.persona.traits.verbosity >= 60 and s.rng().random() < 0.6:
        t.say("need_lead_in")
    t.say("need_statement", ref=need_id)


def signals(t: Turn, force: bool = False) -> None:
    """Buying signals when interest crosses their threshold and nothing is in the way."""
    s, sc = t.s, t.scenario
    if (
        s.objections
        or s.accepted
        or s.refused
        or (
            t.intents
            and not force
            and t.intents[-1].name in ("objection", "trap", "wrong_fact_reaction")
        )
    ):
        return
    for signal in sc.buying_signals:
        if signal.id not in s.signals_given and s.interest >= signal.threshold:
            s.signals_given.append(signal.id)
            t.say("buying_signal", ref=signal.id)
            return
    if (
        force or s.interest >= cues.dial("generic_signal_interest", 75)
    ) and "generic_signal" not in s.once_flags:
        if sc.goal != "sale":  # «¿cómo le haría para contratarlo?» makes no sense in a service call
            if force:
                t.say("short_yes")
            return
        s.once_flags.append("generic_signal")
        s.signals_given.append("generic_signal")
        t.say("buying_signal_generic")
        return
    if (
        sc.goal == "sale"
        and s.presented
        and not s.price_mentioned
        and s.interest >= cues.dial("ask_price_interest", 50)
        and "ask_price" not in s.once_flags
    ):
        s.once_flags.append("ask_price")
        t.say("ask_price")
    elif force:
        t.say("filler_ack")
    elif (
        s.presented
        and not t.intents
        and s.interest >= 35
        and s.once_flags.count("ask_detail") < 2
        and s.rng().random() < 0.35
    ):
        s.once_flags.append("ask_detail")
        t.say("ask_detail")


def persona_colour(t: Turn) -> None:
    """Type-specific extras: the talkative customer drifts off topic now and then."""
    s, tr = t.s, t.persona.traits
    if (
        tr.digresses
        and s.turn >= 3
        and len(t.intents) < 2
        and s.once_flags.count("digression") < 3
        and s.rng().random() < 0.3
    ):
        s.once_flags.append("digression")
        t.say("digression")
