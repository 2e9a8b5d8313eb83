"""The first turns of a call, as the customer lives them: greeting, who is calling, the purpose, and
the caller's own name and reason in an inbound call (split from ``brain`` to keep modules small)."""

from __future__ import annotations

from simulator.customer import cues, moves, objections
from simulator.customer.turn import Turn


def name_if_asked(t: Turn) -> None:
    """The caller says its name when the agent's greeting asks for it."""
    if "nombre" in (data := t.scenario.customer.data) and cues.fields_requested(t.text, ["nombre"]):
        t.s.fields_given["nombre"] = data["nombre"]
        t.say("caller_name", value=data["nombre"])


def note_purpose(t: Turn) -> None:
    """The agent said why it calls (an offer of help, a feature of an outbound offer, «le llamo
    para…»): the customer never asks «¿para qué me llama?» after it — also when the turn went to
    an upset customer's grievance instead of the opening (lead s22: «¿En qué le puedo ayudar? No
    entendí para qué llama» eight turns after «le llamo… del área de cobranza»)."""
    outbound = t.scenario.kind in ("outbound_sale", "collections")
    if (
        "offer_help" in t.acts
        or (outbound and ({"feature", "benefit"} & t.acts))
        or cues.contains_any(t.norm, cues.phrases("purpose_phrases"))
    ):
        t.s.purpose_known = True


def opening(t: Turn) -> bool:
    """Greeting, identity and purpose. Returns True when the turn needs nothing more."""
    s, sc = t.s, t.scenario
    outbound = sc.kind in ("outbound_sale", "collections")
    note_purpose(t)
    named = cues.contains_any(t.norm, [sc.customer.first_name, sc.customer.name])
    asks_identity = moves.asks_for_someone(t.norm) or (
        outbound and "?" in t.norm and named and "open_question" not in t.acts and s.turn <= 3
    )
    if asks_identity and moves.wrong_person(t):
        return True
    if asks_identity and not s.identity_confirmed and "data_request" not in t.acts:
        s.identity_confirmed = True
        s.greeted = True
        t.say("identity_confirm")
        if not s.purpose_known:
            return True
    elif moves.asks_own_identity(t) and not any(i.name == "identity_confirm" for i in t.intents):
        # asked again («sólo confírmeme: ¿hablo con el titular?»): the holder says it again,
        # never a random «no» (panel I ye-05)
        s.identity_confirmed = True
        t.say("identity_confirm")
    if not s.greeted and ("greeting" in t.acts or "offer_help" in t.acts):
        s.greeted = True
        if not outbound and not s.reason_stated:
            s.reason_stated = True
            # greeting first, then who it is, then the reason («Con Jorge…, mucho gusto. Buenas
            # tardes.» greeted after introducing itself: blind panel J yj-02, yl-04)
            asked_name = "nombre" in sc.customer.data and cues.fields_requested(t.text, ["nombre"])
            t.say("greeting_reply", **({"brief": "1"} if asked_name else {}))
            name_if_asked(t)  # «¿Con quién tengo el gusto y en qué le ayudo?» — both answers
            t.say("state_reason")
            return True
        if outbound and not s.purpose_known and s.turn <= 3:
            t.say("greeting_reply")
            return True
    opened = s.purpose_known if outbound else s.reason_stated
    if opened and "data_request" not in t.acts and objections.fire_opening(t):
        return True  # a request for data is answered first; the opening move waits
    quiet_turn = not (t.acts & {"open_question", "data_request"})
    if (
        outbound
        and not s.purpose_known
        and s.turn >= 2
        and quiet_turn
        and "ask_purpose" not in s.once_flags
    ):
        s.once_flags.append("ask_purpose")
        t.say("ask_purpose")
        return True
    if not outbound and not s.reason_stated:
        s.reason_stated = True
        t.say("state_reason")
        return True
    return bool(t.intents) and not (
        t.acts - {"greeting", "company_id", "agent_id", "closed_question", "offer_help"}
    )
