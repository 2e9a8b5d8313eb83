"""The customer's policy: given what the agent just said, what does the customer do next?

``decide`` is a pure function of (agent turn, its acts, state, scenario, persona) returning the
chosen intents and a new state; randomness comes only from the state's seed and counter, so a call
is reproducible. The agenda idea follows ConvLab's agenda-based user simulator: hidden needs are
revealed only when earned, objections form a stack popped only when handled (LAER), buying
signals appear when interest crosses a threshold, and a sale happens only when the agent asks and
the state allows it. The sales-specific moves live in ``moves.py``,
``data_moves.py`` and ``closing_moves.py``.
"""

from __future__ import annotations

from simulator.analysis import conduct
from simulator.customer import (
    agenda,
    answer_form,
    answer_topic,
    call_moment,
    choice_moves,
    choice_options,
    choice_parts,
    closing_moves,
    commitments,
    cues,
    data_give,
    data_moves,
    datum_asks,
    hold_replies,
    licences,
    moves,
    objections,
    offer_put,
    offer_voice,
    own_facts,
    persona_play,
    persona_traits,
    planner,
    presuppose,
    promise_moves,
    reply_clash,
    reply_forms,
    same_concern,
    shape,
    stance,
    stance_machine,
    traps,
    upset,
    wronged,
)
from simulator.customer.opening import name_if_asked, note_purpose, opening
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn, clamp
from simulator.language.normalize import normalize
from simulator.models.content import Persona, Scenario

MAX_INTENTS = 3


def decide(
    agent_text: str,
    agent_acts: list[str],
    state: CustomerState,
    scenario: Scenario,
    persona: Persona,
) -> tuple[list[Intent], CustomerState]:
    """Choose the customer's reply intents for one agent turn; returns (intents, new state)."""
    s = state.model_copy(deep=True)
    if s.hung_up:
        return [], s
    s.turn += 1
    s.decision = s.decision_reason = None
    was_accepted = s.accepted
    acts = call_moment.fit_acts(agent_text, set(agent_acts))  # cust-c: no goodbye mid-call
    reclassify = "closed_question" in acts and not acts & {"close", "trial_close", "data_request"}
    if reclassify and cues.open_form_question(agent_text):
        acts = (acts - {"closed_question"}) | {"open_question"}
    t = Turn(agent_text, normalize(agent_text), acts, s, scenario, persona)
    t.accepted_before = was_accepted
    offer_put.note(t)  # «¿Se lo agrego a la Amplia?» asks for the decision: a close
    presuppose.note(s, agent_text, scenario)  # what the customer's lines may now take as said
    objections.listen(t)
    persona_play.before(t)
    _react(t)
    agenda.deliver(t)  # persona-a: what the caller came to say, told at an open floor
    upset.go_along(t)  # persona-a: «Pues ni modo.» when it goes along with a brushed-off wish
    persona_play.after(t)
    planner.plan(t)
    persona_play.settle(t, planner.retract)
    _drain(t)
    if s.patience <= 0 and not s.hung_up:
        t.intents = [Intent(name="hangup")]
    if any(i.name == "hangup" for i in t.intents):
        s.hung_up = True
        s.hangup_reason = next((c for c in HANGUP_CAUSES if c in t.causes), "impatience")
        kept = ("annoyed", "secret_refusal", "hangup", "unconsented_protest")
        t.intents = [i for i in t.intents if i.name in kept][-2:]
        wronged.fit_hangup(t)
    intents = _fit(_dedupe(t.intents)) or [Intent(name="filler_ack")]
    intents = shape.fit(t, choice_moves.unknown(t, choice_moves.answer(t, intents)))
    intents = datum_asks.complete(t, intents)  # cust-a: every datum asked has its piece
    intents = choice_parts.agree(t, intents)  # no «la cancelación… Ok, lo contrato»
    choice_options.settle_with_or_without(intents, t.s.interest >= cues.dial("choice_offer_interest", 55))
    intents = planner.settle(t, intents)  # no «Resúmame. Nada, ya lo entendí» from shape's parts
    intents = same_concern.drop_settled_needs(t, intents)  # «me quedo» + the same concern again
    planner.fit_words(t, intents)  # the moves added after the plan keep to the call's memory
    # the first piece fits the question's form, a pick in the customer's voice (sessions 19, 23)
    intents = offer_voice.fit(t, answer_topic.fit(t, answer_form.fit(t, intents)))
    intents = reply_forms.with_anything_else(t, reply_forms.with_summary_yes(t, intents))
    intents = licences.fit_plan(t, intents, was_accepted)
    intents = reply_clash.resolve(t, intents)  # cust-d: no «Sí, dígame. Que me llame luego»
    intents = persona_traits.fit(t, intents)  # c3: the type's trait where the moment calls for it
    intents = stance.hold(t, intents, was_accepted)  # cust-g: a yes given stands, undenied
    intents = stance_machine.keep(t, intents, was_accepted)  # c3: no reversal without its event
    intents = reply_forms.without_hanging_lead(commitments.keep(intents))  # no «Pues mire…» left
    commitments.remember(t, intents)
    agenda.keep_unsaid(t, intents)  # cust-c: a need dropped by the plan is still to tell
    own_facts.remember(t, intents)
    data_give.keep_said(state.fields_given, intents, s)  # c1: a datum left out was not given
    s.last_intents = [i.name for i in intents]
    _record_decision(t, intents, was_accepted)
    stance_machine.note(t, intents, was_accepted)
    return intents, s


# Causes of a hang-up, most telling first (models.transcript.HANGUP_REASONS).
HANGUP_CAUSES: tuple[str, ...] = ("insulted", "fraud_suspected", "do_not_call_ignored")
HANGUP_CAUSES += ("pressure", "objection_ignored", "repetition", "monologue")
# What the customer did instead of accepting a close, most telling first.
NOT_ACCEPTED = (
    ("refusal", "refusal"),
    ("objection", "objection"),
    ("objection_repeat", "objection"),
    ("objection_must_consult", "objection"),
    ("guarantee_request", "objection"),
    ("discount_request", "objection"),
    ("haggle_again", "objection"),
    ("knowledge_test", "objection"),
    ("identity_proof_request", "objection"),
    ("trap", "objection"),
    ("not_ready", "not_ready"),
)


# Replies to a close that say «not yet» (a «sí» to the data read back with it would contradict).
NOT_YET = frozenset(
    {"not_ready", "objection_repeat", "annoyed", "objection", "trap", "refusal"}
) | {
    "guarantee_request",
    "identity_proof_request",
}

# Replies that go along with an assumptive close (giving or confirming the data it asked for).
COOPERATION = frozenset({"data_given", "data_confirm_yes", "identity_confirm"})


def _record_decision(t: Turn, intents: list[Intent], was_accepted: bool) -> None:
    """The customer's answer to a close, as the session writes it into the transcript: accepted
    (this turn said yes), refused (said no or hung up) or hesitated (anything else)."""
    s = t.s
    names = {i.name for i in intents}
    if s.accepted and (not was_accepted or "acceptance" in names):
        s.decision = "accepted"
        return
    if _chose_the_offer(t, intents, was_accepted) or offer_put.taken(t, intents):
        s.accepted = True
        s.decision = "accepted"
        return
    if "close" not in t.acts:
        return
    if was_accepted and s.accepted and not s.hung_up and "refusal" not in names:
        return  # a yes already given stands: a test question at data time takes nothing back
    if s.hung_up or "refusal" in names:
        s.decision = "refused"
        s.decision_reason = "hangup" if s.hung_up else "refusal"
        return
    declined = any(name in names for name, _ in NOT_ACCEPTED)
    if (
        not declined
        and names & COOPERATION
        and t.scenario.goal == "sale"
        and objections.ready_to_buy(t)
    ):
        # An assumptive close («entonces le registro el plan; ¿me confirma su nombre?») answered
        # by giving the data, from a customer who is ready and objects to nothing, is a yes: the
        # words and the recorded decision agree (blind panel c-01).
        s.accepted = True
        s.decision = "accepted"
        return
    s.decision = "hesitated"
    s.decision_reason = next((why for name, why in NOT_ACCEPTED if name in names), "other")


def _chose_the_offer(t: Turn, intents: list[Intent], was_accepted: bool) -> bool:
    """«Ah, pues la Amplia» to «¿Cuál prefiere?» over the catalog's products is the alternative
    close answered: a customer who names the product it takes and objects to nothing has said yes — later it gives its data and hears the read-back, and must not protest the
    registration as unconsented (blind panel J, yg-05)."""
    if was_accepted or t.s.accepted or t.scenario.goal != "sale" or t.s.objections:
        return False
    names = {i.name for i in intents}
    if names & NOT_YET or any(name in names for name, _ in NOT_ACCEPTED):
        return False
    chosen = [
        str(i.slots.get("option", ""))
        for i in intents
        if i.name in ("choice_answer", "choice_take") and i.slots.get("option")
    ]
    named = any(cues.products_named(normalize(o), t.scenario.catalog) for o in chosen)
    if not named and not any(i.slots.get("bank") == "choice_decided" for i in intents):
        return False  # neither a product named nor offer_voice's pick («hágame el cambio»)
    # Ready by its own bar, or it asks how to take it («¿y si lo contrato hoy…?») with a need of
    # its own heard: a weak agent's early «¿cuál prefiere?» finds neither.
    signal = bool(names & {"buying_signal", "buying_signal_generic"}) and bool(t.s.revealed_needs)
    return signal or objections.ready_to_buy(t)


PROGRESS = {
    "need_statement",
    "objection_softened",
    "haggle_conceded",
    "data_given",
    "data_confirm_yes",
    "acceptance",
    "buying_signal",
    "identity_confirm",
    "empathy_thanks",
    "hold_ok",
    "farewell",
    "nothing_else",
}


def _drain(t: Turn) -> None:
    """Time passes: turns that move nothing forward wear patience down (faster for the hurried)."""
    if any(i.name in PROGRESS for i in t.intents) or persona_play.brief(t):
        return  # a short, direct turn does not drag, even for the hurried
    drain = cues.dial("patience_drain_per_turn", 2) + (2 if t.ctype == "impaciente" else 0)
    t.s.patience = clamp(t.s.patience - drain)


# What gives way first when a reply has more than MAX_INTENTS (never the data asked for).
COURTESIES = ("need_lead_in", "filler_ack", "objection_softened", "empathy_thanks")


def _fit(intents: list[Intent]) -> list[Intent]:
    """At most MAX_INTENTS (more data asked are all said), courtesies dropped before data."""
    for name in COURTESIES:
        if len(intents) <= MAX_INTENTS:
            break
        if any(i.name.startswith("data_") for i in intents[MAX_INTENTS:]):
            intents = [i for i in intents if i.name != name]
    return intents[: data_moves.room(intents, MAX_INTENTS)]


def _dedupe(intents: list[Intent]) -> list[Intent]:
    unique: dict[tuple[str, str | None], Intent] = {}
    for intent in intents:
        unique.setdefault((intent.name, intent.ref), intent)  # the first of each stands
    return list(unique.values())


def _react(t: Turn) -> None:
    s = t.s
    if not t.norm or t.words == 0:
        s.patience = clamp(s.patience - 3)
        t.say("confused")
        return
    moves.mood_effects(t)
    objections.follow_trap(t)
    if s.patience <= 0:
        return
    if conduct.asks_secret(t.text):
        _secret_request(t)
        return
    if s.do_not_call and closing_moves.after_do_not_call(t):
        return
    if not _empathy_gate(t):
        return
    back = f"hold_return:{s.holds}"
    if "hold_return" in t.acts and s.holds and back not in s.once_flags:
        s.once_flags.append(back)
        if hold_replies.bare_return(t):  # cust-c: no «sigo aquí» over a question or an offer
            t.say("hold_return_ok")
    if hold_replies.wait_asked(t):
        objections.settle_on_hold(t)
        s.hold_permission = True
        t.say("hold_ok")
        return
    if "hold_request" in t.acts:
        # c1 (panel O td-05): a hold announced next to another question («¿Es correcto? Y si me
        # permite, la dejo un momento en espera») is let happen by the customer who answers it
        s.hold_permission = True
    if hold_replies.time_asked(t):  # «¿me permite unos minutos?» to talk: time, not a hold
        t.say("time_ok")
        return
    if opening(t):
        return
    if "farewell" in t.acts:
        closing_moves.end_of_call(t, quiet=False)
        return
    if objections.objection_turn(t):
        return
    if closing_moves.doubt_asked(t):
        return
    if promise_moves.promise_read_back(t):
        promise_moves.answer_promise_read_back(t)
        return
    data_moves.data_moves(t)
    if any(i.name.startswith("data_") for i in t.intents):
        if "close" in t.acts and "data_request" not in t.acts and closing_moves.close_turn(t):
            # «Le confirmo: Calle Olivo 23… ¿Está de acuerdo en que lo registre?»; a close the
            # customer is not ready for gets no «Sí, está bien» to the data before «todavía no»
            if not t.s.accepted and any(i.name in NOT_YET for i in t.intents):
                t.intents[:] = [i for i in t.intents if i.name != "data_confirm_yes"]
                for f in t.proposed:  # the slot it did not agree to is not taken as given
                    t.s.fields_given.pop(f, None)
                    t.s.fields_confirmed.remove(f)
            return
        # a read-back closed with «¿algo más?» gets both answers: «Sí, correcto. No, es todo.»
        if not closing_moves.end_of_call(
            t, quiet=[i.name for i in t.intents] != ["data_confirm_yes"]
        ):
            moves.reveal_probed(t)  # «Le confirmo: 55 98… ¿Hay algo más que le afecte?»
        return
    if closing_moves.close_turn(t):
        return
    if closing_moves.end_of_call(t, quiet=False):
        return
    moves.presentation(t)
    moves.questions(t)
    busy = {"objection", "objection_softened", "trap", "wrong_fact_reaction", "objection_repeat"}
    quiet = not any(i.name in busy or i.ref for i in t.intents if i.name != "need_statement")
    if quiet and (objections.raise_pending(t) or traps.fire_due(t)):  # a trap that waited
        return
    closing_moves.signals(t)
    moves.persona_colour(t)
    if not t.intents and objections.raise_pending(t):
        return
    if not t.intents:
        # a statement gets «Ajá.»; only a question gets an answer that says nothing
        t.say(
            "filler_ack"
            if {"acknowledgement", "feature", "paraphrase", "offer_help", "empathy"} & t.acts
            or "?" not in t.text
            else "vague_answer"
        )


def _secret_request(t: Turn) -> None:
    """The agent asked for the NIP, CVV, a password or the whole card number: the customer
    refuses, trusts the call much less, and a distrustful one hangs up (fraud suspected)."""
    s = t.s
    s.trust = clamp(s.trust - 30)
    s.patience = clamp(s.patience - 10)
    t.say("secret_refusal")
    if t.persona.traits.asks_for_guarantees or s.trust < 15:
        t.causes.append("fraud_suspected")
        t.say("hangup")


def _empathy_gate(t: Turn) -> bool:
    """A customer who needs empathy first lets nothing progress until they receive it."""
    s, p = t.s, t.persona
    if not p.traits.needs_empathy_first or s.empathy_received:
        return True
    note_purpose(t)
    if "empathy" in t.acts or persona_play.takes_charge(t):
        return upset.empathy_heard(t, name_if_asked)
    if {"farewell"} & t.acts:
        return True
    if not s.reason_stated and t.scenario.kind in ("inbound_sale", "service"):
        s.reason_stated = True
        s.greeted = True
        s.once_flags.append("reason_untold")
        t.say("complaint")
        return False
    outbound = t.scenario.kind in ("outbound_sale", "collections")
    if outbound and moves.wrong_person(t):
        return False
    if outbound and (
        (not s.identity_confirmed and moves.asks_for_someone(t.norm))
        or moves.asks_own_identity(t)  # asked again: the holder says it again (panel I ye-05)
    ):
        s.identity_confirmed = True  # «Sí, soy yo.» comes before the grievance, not instead of it
        s.greeted = True
        t.say("identity_confirm")
    if upset.reason_when_asked(t):  # «¿qué necesita?» after venting: why it calls
        return False
    if "complained" in s.once_flags:  # the first grievance is a chance for empathy, not a cost
        s.patience = clamp(s.patience - 6)
        s.trust = clamp(s.trust - 2)
    else:
        s.once_flags.append("complained")
    if persona_play.resist_data(t):  # «¿Mis datos? Primero escúcheme.»
        return False
    # an offer pushed before he was heard is answered, not met with one more grievance
    pushed = bool(t.acts & {"close", "trial_close"}) or persona_play.offers(t)
    t.say("offer_before_empathy" if pushed else "complaint")
    return False
