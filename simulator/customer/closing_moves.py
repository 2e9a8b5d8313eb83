"""The customer's closing moves: answering a close or trial close, buying signals, and the end
of the call (thanks, «¿algo más?», farewell).

Split from ``moves.py``: the decision (accept, refuse, not yet) and the signals that show readiness
belong together (an accepted readiness check is answered with a signal); ``brain.decide`` calls
``close_turn`` and ``signals``."""

from __future__ import annotations

import math

from simulator.analysis import conduct
from simulator.analysis.customer import tag_customer
from simulator.customer import cues, data_give, haggling, moves, persona_play, promise_terms, traps
from simulator.customer.agenda import reveal_untold
from simulator.customer.asked_about import asks_doubt
from simulator.customer.objections import (
    apply_pressure,
    raise_pending,
    raise_triggered,
    ready_to_buy,
)
from simulator.customer.state import Intent, OpenObjection
from simulator.customer.traps import fire_trap
from simulator.customer.turn import Turn, clamp, tied_benefits


def close_turn(t: Turn) -> bool:
    """The agent asks for the decision (or checks readiness)."""
    s, sc = t.s, t.scenario
    closing = "close" in t.acts
    if not closing and "trial_close" not in t.acts:
        return False
    if s.accepted:
        if closing and haggling.weighs_add_on(t):
            return True  # «¿Y eso cuánto más me sale? Ya de por sí se me hacía caro.»
        t.say("acceptance" if closing else "filler_ack")
        return True
    if closing and (_presented_with_close(t) or persona_play.asks_at_close(t)):
        s.close_attempts += 1
        return True  # «…son 9,800. ¿Cómo lo ve?» — «¿Y un descuentito?»; the experto asks first
    if closing:  # «para el refrigerador le conviene…; ¿se la tramito?» (a closing turn ends here)
        tied_benefits(t)
    warm = s.interest >= cues.dial("accept_interest", 60) - 15
    # an objection just settled this turn («visto así, sí me conviene»): the close is answered,
    # not met with a new doubt in the same breath
    settled = any(i.name in ("objection_softened", "haggle_conceded") for i in t.intents)
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
        ok = not s.objections and s.trust >= 35 and cues.has_date(t.norm)
        if ok and closing and promise_terms.missing(t):
            return True  # «¿De cuánto sería?», «Es que hasta el 27 cobro.»: not a refusal
        ok = ok and promise_terms.amount_stated(t)
    elif sc.goal == "resolved":
        ok = service_ready(t)
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
            t.say(
                "not_ready", answered=t.norm
            )  # «¿Le interesa?» too early: «Todavía no me convence del todo.»
            return True
        return False
    s.close_attempts += 1
    if not settled and voice_blocker(t):
        return True  # the reason it is not ready yet, said once: the agent can answer it
    if warm and sc.goal == "sale" and reasons_exhausted(t):
        # every reason it had was said and answered: a «no» now would have no reason (zd-09)
        s.accepted = True
        s.interest = clamp(s.interest + 5)
        t.say("acceptance")
        return True
    # A close that follows the answer to the customer's own question or signal («¿y me mandan la
    # póliza hoy?» — «sí… ¿la contratamos?») is the natural next step, not pushing (panel o-02)
    pushy = not set(s.last_intents) & FOLLOWED_UP
    s.closes_refused += 1
    if s.closes_refused >= 2:
        if pushy:
            apply_pressure(t)
        # five closes with nothing new in between is pushing: the customer ends it
        if s.closes_refused >= 4 or s.patience < 15 or (pushy and s.close_attempts >= 5):
            s.refused = True
            s.resolved = False
            t.say("refusal")
            return True
        if pushy:
            t.say("annoyed")
    t.say("not_ready", answered=t.norm)
    return True


# What a customer says to an offer it hears for the first time with the close in the same turn.
FIRST_REACTIONS = frozenset(
    {"objection", "trap", "wrong_fact_reaction", "discount_request", "guarantee_request"}
    | {"knowledge_test", "identity_proof_request", "objection_must_consult"}
)


def _presented_with_close(t: Turn) -> bool:
    """The offer and the close come in one turn: the customer hears the offer first (it is
    presented, its price is known) and reacts to it — a price objection, the haggler's discount,
    a trap of the presentation — before any decision. True when that reaction is the reply."""
    before = len(t.intents)
    moves.presentation(t)
    return any(i.name in FIRST_REACTIONS for i in t.intents[before:])


def reasons_exhausted(t: Turn) -> bool:
    """Every reason this customer could give at a close was given (and the agent went on): with
    nothing open, enough trust and the needs told, interest alone is no reason to say no."""
    s, sc = t.s, t.scenario
    if (
        s.objections
        or s.trust < cues.dial("accept_trust", 45)
        or "voiced:interest" not in s.once_flags
    ):
        return False
    needed, _ = persona_play.bar(t, math.ceil(len(sc.needs) / 2), 0)
    return len(s.revealed_needs) >= needed


# The customer's own moves that invite the agent's next close once answered.
FOLLOWED_UP = frozenset(
    {"buying_signal", "buying_signal_generic", "ask_price", "ask_detail", "guarantee_request"}
    | {"identity_proof_request", "need_statement", "objection_softened", "trap"}
)


def doubt_asked(t: Turn) -> bool:
    """«Todavía tengo una duda» — «¿cuál es su duda?»: the customer says it (the reason it is not
    ready), instead of «no sabría decirle» (panels o-02, o-05). True when it said one."""
    s = t.s
    asked = "?" in t.text and bool(t.acts & {"open_question", "closed_question"})
    if not asked or t.acts & {"close", "data_request"} or s.accepted or s.refused:
        return False
    if not set(s.last_intents) & {"not_ready", "annoyed"} or not asks_doubt(t):
        return False  # «¿cuál es su duda?», not «¿qué le afectó más aquella vez?» (panel K)
    if voice_blocker(t):
        return True
    if s.objections or t.scenario.goal != "sale":
        return False
    # asked what holds it back, with no reason left: it says so, and the next close is a yes
    if "voiced:interest" not in s.once_flags:
        s.once_flags.append("voiced:interest")
    t.say("no_doubts")
    return True


def open_sale(t: Turn) -> bool:
    s = t.s
    return t.scenario.goal == "sale" and s.presented and not (s.accepted or s.refused)


def doubts(t: Turn) -> bool:
    """The agent invited the customer's doubts about the offer: the one it has (an objection
    still to come, the reason it is not ready), or that it has none."""
    if raise_pending(t) or raise_triggered(t, "close") or voice_blocker(t):
        return True
    if ready_to_buy(t):
        signals(t, force=True)
    else:
        moves.say_doubt(t)  # cust-d: the doubt still open, or «ninguna»
    return True


def service_ready(t: Turn) -> bool:
    """A caller asks for the service itself: with nothing objected and enough trust, it agrees
    to have it registered — no sales pitch (needs, interest) is owed first (panel o-05)."""
    s = t.s
    return not s.objections and s.trust >= cues.dial("accept_trust_service", 30)


def voice_blocker(t: Turn) -> bool:
    """Not ready at a close: say *why*, once per reason, so that a loss always has a reason the
    agent heard and could answer (issue 7; panels o-02, n-07): too little trust → a request for
    proof (an objection the agent settles with a way to verify it); a need still untold → the
    customer tells it as its hesitation; too little interest → what the offer does for it.
    Returns whether a reason was said."""
    s, sc = t.s, t.scenario
    flags = s.once_flags
    trust_bar = cues.dial("accept_trust_service" if sc.goal == "resolved" else "accept_trust", 45)
    if s.trust < trust_bar and "voiced:trust" not in flags:
        flags.append("voiced:trust")
        # who calls is the doubt of a wary customer the company called; anyone else asks for
        # something that backs the offer («¿me lo da por escrito?», «¿me da un folio?»)
        wary = t.persona.traits.asks_for_guarantees and "_verify" not in s.objections_handled
        # once it gave its own data to this caller, «¿cómo sé que no es un fraude?» at the close
        # has no trigger in the call (panel I yc-06): it asks for what backs the offer instead
        wary = wary and not set(s.fields_given) - {"nombre"}
        outbound = sc.kind in ("outbound_sale", "collections")
        intent = "identity_proof_request" if outbound and wary else "guarantee_request"
        s.objections.append(
            OpenObjection(id="_voiced_trust", type="trust", intent=intent, raised_turn=s.turn)
        )
        s.objections_raised.append("_voiced_trust")
        t.say(intent, ref="_voiced_trust")
        return True
    if sc.goal != "sale":
        return False
    needed, interest = persona_play.bar(
        t, math.ceil(len(sc.needs) / 2), cues.dial("accept_interest", 60)
    )
    untold = [n for n in sc.needs if n.id not in s.revealed_needs]
    if len(s.revealed_needs) < needed and untold and "voiced:need" not in flags:
        flags.append("voiced:need")
        moves.reveal_need(t, untold[0].id)
        return True
    if s.interest < interest and "voiced:interest" not in flags:
        flags.append("voiced:interest")
        t.say("ask_detail")
        return True
    return False


# Intents that hold a decision back: a line with one of them is no yes, whatever else it says.
HOLDING_BACK = frozenset(
    {"trap", "objection", "objection_repeat", "objection_must_consult", "not_ready", "refusal"}
    | {"guarantee_request", "discount_request", "knowledge_test", "identity_proof_request"}
    | {
        "haggle_again",
        "add_on_doubt",
        "add_on_doubt_priced",
        "annoyed",
        "hangup",
        "wrong_fact_reaction",
    }
)


def accepted_in_words(text: str, intents: list[Intent], t: Turn) -> bool:
    """The customer's own line says yes to the offer it heard («Está bien, sin cambiar de número
    y sin plazo, me quedo.») with nothing open: the decision is taken, so the state must say so
    too. Read with the one understanding the scorer uses for imported calls; once taken, a later
    close is answered with a yes, not a new trap (panel x-06). Doubts it raised turns before and
    let go since («no me vaya a dar vueltas» at the opening) do not hold a «me quedo» back: the
    caller clears them (panel zb-04)."""
    s = t.s
    if s.accepted or s.refused or s.hung_up or t.scenario.goal != "sale":
        return False
    if any(o.raised_turn >= s.turn for o in s.objections):
        return False  # a doubt raised in this very reply
    if not s.presented or any(i.name in HOLDING_BACK for i in intents):
        return False
    if all(i.name.startswith("data_") or i.name == "age_given" for i in intents):
        return False  # «Es roberto@…; confírmemelo» dictates a datum: no decision in it
    # read without the agent's turn as context: only an explicit yes counts here, never an «Ok»
    # that answers «¿le queda claro?» (the context would read it as an answer to a close) — unless
    # the agent's turn *was* a close and the customer picked from it: then «Va, sí, eso sí» to
    # «¿le hago el cambio o prefiere cancelar?» is the yes the scorer reads in it too (panel F
    # zp-03). A filler («Sí, sí» while not ready) is left to the brain's own decision.
    picked = any(i.name in CHOICES for i in intents)
    context = t.text if "close" in t.acts and picked else None
    return "acceptance" in tag_customer(text, context).acts


# Replies that pick an option of an either/or question (choice_moves): at a close, a decision.
CHOICES = frozenset({"choice_take", "choice_answer"})


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


def end_of_call(t: Turn, *, quiet: bool) -> bool:
    """Thanks, offer of more help and farewell; marks a service call resolved when it is."""
    s, sc = t.s, t.scenario
    closing = {"offer_more", "thanks", "farewell"} & t.acts
    if not closing:
        return False
    if not quiet and "offer_more" in t.acts:
        if traps.doubts_invited(t) and open_sale(t):
            return doubts(t)  # «¿Qué otra duda tiene?» in the middle of the offer
        if fire_trap(t, "end"):
            return True
        if reveal_untold(t) or traps.fire_due(t, floor_open=True):
            return True  # the untold problem first; then a trap that waited for the open floor
    lead_thanks = not {"greeting", "open_question", "data_request"} & t.acts
    if closing == {"thanks"} and "closed_question" in t.acts and lead_thanks:
        return False  # «Gracias. ¿Me regala cinco minutitos?»: a courtesy before a question
    if "offer_more" in t.acts and not quiet and reveal_untold(t):
        return True  # «¿Algo más?» — «Sí: encima me cobraron dos veces.» (not resolved yet)
    if sc.goal == "resolved" and not s.objections and not s.refused:
        # the customer's problem is solved once it gave what was needed; whether the agent read
        # the data back is the scorer's business (data management), not the caller's
        needed = data_give.owed(sc)
        if needed <= {*s.fields_confirmed, *s.fields_given}:
            s.resolved = True
    if "offer_more" in t.acts and not quiet:
        t.say("nothing_else")
    asks = "?" in t.text or "data_request" in t.acts
    if "thanks" in t.acts and not {"farewell", "offer_more"} & t.acts and not quiet and not asks:
        # «Gracias… ¿algo más?» → «Es todo, gracias.»; a «De nada.» after it would sound odd, and
        # so does one to «Gracias. ¿Me da su fecha de nacimiento?»: the question wins (panel E)
        t.say("thanks_reply")
    if "farewell" in t.acts:
        s.farewell_said = True
        t.say("farewell")
    busy = {"open_question", "close", "benefit", "feature", "objection_response", "data_request"}
    return "farewell" in t.acts or not (t.acts & busy)


# Acts that keep selling (the scorer's SELLING_ACTS): after «no me vuelva a llamar» they offend.
SELLING_ACTS = frozenset({"feature", "benefit", "close", "trial_close", "cross_sell"})


def after_do_not_call(t: Turn) -> bool:
    """The customer asked not to be called again: anything but a respectful goodbye ends it
    (returns whether this turn was handled here; False lets an accepted sale be finished).

    Persuasion is what the scorer flags as ``ignores_do_not_call`` (a selling act or the conduct
    lexicon's persuasion), so «gracias, pero déjeme explicarle…» is no goodbye here either."""
    s = t.s
    respects = conduct.respects_do_not_call(t.text)
    # The scorer's reading: persuasion, or selling without confirming the customer's preference.
    persuading = conduct.persuades(t.text) or (bool(t.acts & SELLING_ACTS) and not respects)
    if (s.accepted or ready_to_buy(t)) and respects and not persuading:
        # The request came with (or after) a yes: the agent confirms it and finishes the sale the
        # customer accepted («anoto que no le volvamos a llamar; para emitirla, ¿su nombre?»).
        return False
    if not persuading and ({"farewell", "thanks", "offer_more"} & t.acts or respects):
        if "offer_more" in t.acts:  # the protocol's «¿algo más?» is no insisting (panel y-04)
            t.say("nothing_else")
        s.farewell_said = True
        t.say("farewell")
        return True
    s.patience = 0
    s.trust = clamp(s.trust - 20)
    t.causes.append("do_not_call_ignored")
    t.say("annoyed")
    t.say("hangup")
    return True
