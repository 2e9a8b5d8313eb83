"""Objections (a stack popped only when handled, LAER), traps, and the customer's side of closing.

Scenario objections fire at their trigger; customer-type ones come from ``es/brain.yaml``. An objection is popped only when the agent both acknowledged it and responded
(an objection response, its resolve keywords, a benefit tied to a revealed need).
"""

from __future__ import annotations

import math

from simulator.analysis import conduct
from simulator.customer import cues, haggling, persona_play, persuasion, reactions, traps, upset
from simulator.customer.state import OpenObjection
from simulator.customer.turn import Turn, benefit_ties, clamp


def _persona_objections(t: Turn) -> list[dict[str, object]]:
    conf = cues.config().get("persona_objections", {})
    tr = t.persona.traits
    found = []
    for key, spec in conf.items():
        kinds = spec.get("kinds")
        if kinds and t.scenario.kind not in kinds:
            continue  # «¿cómo sé que es de verdad del banco?» only when the company calls
        if getattr(tr, key, False) is True or key == t.ctype:
            found.append(spec)
    return found


def _keywords(t: Turn, objection_id: str) -> list[str]:
    for o in t.scenario.objections:
        if o.id == objection_id:
            return o.resolve_keywords
    if objection_id == "_voiced_trust":  # the doubt a customer voices at a close (closing_moves)
        conf = cues.config()
        return [*conf.get("guarantee_keywords", []), *conf.get("identity_proof_keywords", [])]
    for spec in _persona_objections(t):
        if spec["id"] == objection_id:
            words = list(spec.get("keywords", []))  # type: ignore[call-overload]
            if spec.get("keywords_from"):
                words += cues.config().get(str(spec["keywords_from"]), [])
            if spec.get("catalog"):
                for p in t.scenario.catalog:
                    words += p.features + p.conditions
            return words
    return []


PREEMPT_HITS = 2  # distinct resolve keywords said before an objection comes up: it does not
PREEMPT_HITS_CATALOG = 4
BARE_CLOSE = frozenset({"close", "trial_close", "closed_question", "objection_response"})
COMPLETE_WORDS = 10  # a curt «le doy un mes gratis» still wants the «entiendo» of LAER
# The persona's own doubts (haggler, undecided): never settled by an answer given before them.
ALWAYS_RAISED = frozenset({"_discount", "_doubt", "_knowledge"})
# Doubts about who is calling: settled ahead by one strong promise (``trust_preempt``).
TRUST_TYPES = traps.TRUST_TYPES


def listen(t: Turn) -> None:
    """Remember which not-yet-raised objections this agent turn already answers."""
    s = t.s
    ids = [o.id for o in t.scenario.objections if o.type not in ("do_not_call",)]
    ids += [str(spec["id"]) for spec in _persona_objections(t) if spec["id"] not in ALWAYS_RAISED]
    for oid in ids:
        if oid in s.objections_raised:
            continue
        hits = [k for k in _keywords(t, oid) if cues.contains_any(t.norm, [k])]
        if _types(t).get(oid) in TRUST_TYPES:
            hits += [p for p in cues.phrases("trust_preempt") if cues.contains_any(t.norm, [p])]
        if hits:
            heard = s.heard_answers.setdefault(oid, [])
            heard += [h for h in hits if h not in heard]


def _preempted(t: Turn, oid: str, catalog: bool = False) -> bool:
    """The agent already answered this objection before it came up: enough of its answers, or —
    for a doubt about who calls — one promise that settles it («no le voy a pedir ningún dato»)."""
    needed = PREEMPT_HITS_CATALOG if catalog else PREEMPT_HITS
    heard = t.s.heard_answers.get(oid, [])
    return len(heard) >= needed or bool(set(heard) & set(cues.phrases("trust_preempt")))


def _types(t: Turn) -> dict[str, str]:
    types = {o.id: str(o.type) for o in t.scenario.objections}
    types.update({str(spec["id"]): str(spec["type"]) for spec in _persona_objections(t)})
    return types


def _type_settled(t: Turn, otype: str) -> bool:
    """A doubt of this type was handled (the persona's about trust is the scenario's: not raised
    again in other words), or one about trust would come after the data (upset.py, persona-a)."""
    handled = {_types(t).get(oid) for oid in t.s.objections_handled}
    return otype in handled or upset.doubt_too_late(t, otype, otype in TRUST_TYPES)


def _settle_silently(t: Turn, oid: str) -> None:
    t.s.objections_raised.append(oid)
    t.s.objections_handled.append(oid)


def raise_triggered(t: Turn, trigger: str) -> bool:
    """Push the first not-yet-raised objection with this trigger (scenario first, then persona).

    One already answered by the agent (``listen``) or whose type was already settled is not
    raised: it counts as handled. A customer who already said yes brings up no new doubt about
    the offer it took («¿y para qué me quedo si allá pago menos?» after agreeing and dictating its
    data: blind panel J yg-01)."""
    s = t.s
    if s.accepted and t.accepted_before:
        return False
    for o in t.scenario.objections:
        if o.trigger == trigger and o.id not in s.objections_raised:
            if o.type == "price" and t.persona.traits.price_sensitivity < 25 and trigger != "close":
                continue
            if traps.unfit(t, o.statements):
                continue  # «yo quería el Nova X» waits until the agent says it is sold out
            if o.type != "do_not_call" and (_preempted(t, o.id) or _type_settled(t, str(o.type))):
                _settle_silently(t, o.id)
                continue
            _push(t, o.id, str(o.type), "objection")
            t.say("objection", ref=o.id)
            if o.type == "do_not_call":
                s.do_not_call = True
            return True
    scenario_types = {str(o.type) for o in t.scenario.objections}
    for spec in _persona_objections(t):
        oid = str(spec["id"])
        if spec["type"] in scenario_types and spec["trigger"] == trigger and trigger != "price":
            continue
        alias = spec.get("alias_of")
        if alias and any(o.type == alias and o.trigger == trigger for o in t.scenario.objections):
            continue  # the scenario's «¿cómo sé que es del banco?» already asks it
        if spec["trigger"] == trigger and oid not in s.objections_raised:
            if oid not in ALWAYS_RAISED and (
                _preempted(t, oid, bool(spec.get("catalog"))) or _type_settled(t, str(spec["type"]))
            ):
                _settle_silently(t, oid)
                continue
            _push(t, oid, str(spec["type"]), str(spec["intent"]))
            t.say(str(spec["intent"]), ref=oid)
            return True
    return False


def _push(t: Turn, oid: str, otype: str, intent: str) -> None:
    t.s.objections.append(OpenObjection(id=oid, type=otype, intent=intent, raised_turn=t.s.turn))
    t.s.objections_raised.append(oid)
    t.s.interest = clamp(t.s.interest - 2)


def fire_opening(t: Turn) -> bool:
    return traps.fire_trap(t, "opening") or raise_triggered(t, "opening")


def objection_turn(t: Turn) -> bool:
    """Handle the open objection on top of the stack. True when the turn is used up by it."""
    s = t.s
    top = s.open_objection()
    if top is None or top.raised_turn >= s.turn:
        return False
    if top.id == "_knowledge":
        return persona_play.knowledge_turn(t)  # judged against the catalog, not by keywords
    ack, responded, complete = _answer(t, top)
    top.acknowledged = top.acknowledged or ack
    top.responded = top.responded or responded
    if haggling.haggled_enough(t, top) and not _substantive(t):
        # a firm close after his last request: he lets it go, not «me convenció con eso»
        _settle(t, top, said="haggle_conceded")  # «Bueno, ya vi que no se puede.»
        return False
    if _nothing_to_settle(t, top):
        return "open_question" in t.acts  # given time only: the shared moves answer the rest
    if top.responded and (top.acknowledged or complete):
        if haggling.haggles_again(t, top, complete):
            return True  # the haggler tries once more before the answer wins him
        _settle(t, top)
        return False
    if haggling.haggled_enough(t, top):
        _settle(t, top, said="haggle_conceded")
        return False
    if top.repeats >= HEARD_ENOUGH and top.acknowledged and _substantive(t):
        # said three times and heard each time with a real answer (keywords or not): a person
        # lets it go rather than repeat it word for word again (panels D, E: «Insisto: mi
        # aseguradora me va a renovar sola» after two careful answers)
        _settle(t, top)
        return False
    if "close" in t.acts:
        apply_pressure(t)
        top.repeats += 1
        t.say("objection_repeat", ref=top.id)
        return True
    # heard before («Entiendo, es feo cuando ya tenía uno elegido…») and asked something now:
    # the question is answered, the doubt is not said again word for word (panel E zj-06)
    if _asks_through(t, top, ack or top.acknowledged, responded):
        upset.grudging(t, top)  # persona-a
        return False  # answered; the doubt stays on the stack until the agent settles it
    if "open_question" in t.acts or ack or responded:
        top.explored = top.explored or "open_question" in t.acts
        top.repeats += 1
        if top.repeats <= 1:
            t.say(top.intent, ref=top.id)
        else:
            t.say("vague_answer")
        return True
    top.repeats += 1
    t.causes.append("objection_ignored")
    s.objections_ignored += 1
    s.trust = clamp(s.trust - 5)
    s.patience = clamp(s.patience - 8 - t.persona.traits.pressure_reaction // 10)
    t.say("objection_repeat", ref=top.id)
    return True


def _nothing_to_settle(t: Turn, top: OpenObjection) -> bool:
    """A turn that only asks about the doubt («¿qué le hace dudar?») or grants time to think it
    over («piénselo con calma») settles nothing (blind panel J: «Tiene razón» and «Pues así sí…
    va, sí lo quiero» to such turns). Asked, the customer says its doubt; given time, it keeps it
    (the rest of the turn is answered by the shared moves)."""
    if not reactions.no_answer(t.text, t.acts):
        return False
    if cues.need_keyword_hit(t.norm, _keywords(t, top.id)):
        return False
    if "open_question" not in t.acts:
        if not reactions.grants_time(t.text):
            return False  # «¿lo contrata o no?» pushes; the doubt's own handling answers it
        t.acts.discard("close")  # «cuando decida, le hacemos el cambio» is no close
        return True
    top.explored = True
    top.repeats += 1
    t.say(top.intent if top.repeats <= 1 else "vague_answer", ref=top.id)
    return True


HEARD_ENOUGH = 2  # times an objection was said again before a real answer settles it
SUBSTANTIVE_WORDS = 20


def _substantive(t: Turn) -> bool:
    """A turn that answers with content (a feature, a benefit, an answer), not a bare push."""
    said = {"feature", "benefit", "objection_response", "paraphrase", "empathy"}
    return t.words >= SUBSTANTIVE_WORDS and bool(t.acts & said)


def _asks_through(t: Turn, top: OpenObjection, ack: bool, responded: bool) -> bool:
    """The agent heard the doubt and asks what it needs to answer it («entiendo; para darle un
    tiempo real, ¿qué está pasando con el agua?»): the customer answers the question instead of
    repeating the doubt word for word (panel p-02 never told her emergency and hung up). Someone
    who doubts who is calling still gives no data to a caller that has not proved it."""
    asks = "?" in t.text and bool(t.acts & {"open_question", "closed_question", "data_request"})
    if not asks or not (ack or responded):
        return False
    outbound = t.scenario.kind in ("outbound_sale", "collections")
    return not (outbound and top.type in TRUST_TYPES and not responded)


def _answer(t: Turn, top: OpenObjection) -> tuple[bool, bool, bool]:
    """How this turn meets the open objection: (acknowledged, responded, a complete answer)."""
    ack = bool({"acknowledgement", "empathy", "paraphrase"} & t.acts) or cues.contains_any(
        t.norm, cues.phrases("ack_phrases")
    )
    # a bare «¿Se lo contrato?» after a doubt is tagged as the answer to it, but answers nothing
    bare_close = t.acts <= BARE_CLOSE and t.words <= COMPLETE_WORDS // 2
    responded = (
        ("objection_response" in t.acts and not bare_close)
        or cues.need_keyword_hit(t.norm, _keywords(t, top.id))
        or ("benefit" in t.acts and bool(benefit_ties(t, revealed_only=True)))
    )
    hits = {k for k in _keywords(t, top.id) if cues.contains_any(t.norm, [k])}
    # «¿cómo sé que es del banco?» is answered by a way to check it or «no le voy a pedir datos»
    proof = top.type == "trust" and cues.contains_any(
        t.norm, cues.phrases("identity_proof_keywords")
    )
    compared = top.type == "has_provider" and haggling.compares_with_own(t)  # what he pays now
    responded = responded or proof or compared
    # a complete answer (the act, two of the objection's answers, or one tied to a need the
    # customer told) settles it even without a literal «entiendo»
    # the answer act alone (given to any statement after a doubt) must touch the doubt: an
    # acknowledgement, one of its answers or a benefit tied to a need — «no se puede cancelar por
    # teléfono» after «la otra oferta es más barata» answers nothing (harness, session 14)
    touches = ack or bool(hits) or bool(benefit_ties(t, revealed_only=True))
    complete = responded and (
        ("objection_response" in t.acts and touches)
        or proof
        or compared
        or (len(hits) >= PREEMPT_HITS and t.words >= COMPLETE_WORDS)
        or ("close" not in t.acts and bool(benefit_ties(t, revealed_only=True)))
    )
    return ack, responded, complete


def _settle(t: Turn, top: OpenObjection, said: str = "objection_softened") -> None:
    s = t.s
    s.objections.pop()
    s.objections_handled.append(top.id)
    s.interest = clamp(s.interest + 8)
    s.trust = clamp(s.trust + 6)
    if top.type in TRUST_TYPES:  # the proof it asked for was given: no hidden bar remains
        s.trust = max(s.trust, cues.dial("accept_trust", 45))
    # settled by a turn with no argument in it (a close after earlier answers): the reaction is
    # left out when every line of it would greet what this turn did not say (reactions.py)
    said = persuasion.settled_as(t, top, said)  # cust-d: «así sí» needs a change
    quiet = said == "objection_softened" and reactions.no_answer(t.text, t.acts)
    t.say(said, ref=top.id, **({"optional": "1"} if quiet else {}))
    if top.type == "do_not_call":
        s.do_not_call = False


def settle_on_hold(t: Turn) -> None:
    """A hold request that first answers the open objection («el número al que marcó es el
    oficial… ¿me permite un momento?») settles it: the customer does not repeat it after the hold
    (panel u, call 4). An unanswered objection waits, untouched, for the agent's return."""
    top = t.s.open_objection()
    if top is None or top.raised_turn >= t.s.turn or top.id == "_knowledge":
        return
    ack, responded, complete = _answer(t, top)
    if responded and (ack or top.acknowledged or complete):
        _settle(t, top)


def apply_pressure(t: Turn) -> None:
    s, tr = t.s, t.persona.traits
    t.causes.append("pressure")
    s.patience = clamp(s.patience - 6 - tr.pressure_reaction // 8)
    s.trust = clamp(s.trust - 5)


def ready_to_buy(t: Turn) -> bool:
    s, sc = t.s, t.scenario
    needed, interest = persona_play.bar(
        t, math.ceil(len(sc.needs) / 2), cues.dial("accept_interest", 60)
    )
    if s.objections or s.trust < cues.dial("accept_trust", 45):
        return False
    return (s.interest >= interest and len(s.revealed_needs) >= needed) or committed(t)


def committed(t: Turn) -> bool:
    """The customer dictated the data of the application after hearing the offer, with a need of
    theirs on the table: a person who did that and objects to nothing says yes to the close, not
    «no me interesa» out of the blue (panel x-04)."""
    s, sc = t.s, t.scenario
    needed = [f for f in sc.required_fields if f in sc.customer.data]
    given = [f for f in needed if f in s.fields_given]
    return bool(
        sc.goal == "sale"
        and s.presented
        and s.revealed_needs
        and needed
        and len(given) * 2 >= len(needed)
    )


def raise_pending(t: Turn) -> bool:
    """Raise an objection whose trigger already happened but was crowded out that turn."""
    s = t.s
    if s.price_mentioned and raise_triggered(t, "price"):
        return True
    return s.presented and raise_triggered(t, "presentation")


def follow_trap(t: Turn) -> None:
    """The turn right after a trap: a careful refusal/correction earns trust, going along loses it."""
    s = t.s
    if (
        traps.REFUSED_FLAG not in s.once_flags
        and conduct.refuses_disclosure(t.text)
        and cues.contains_any(t.norm, cues.phrases("others_data_refused"))
    ):
        s.once_flags.append(
            traps.REFUSED_FLAG
        )  # the customer heard that others' data are not given
    if "trap" not in s.last_intents or not s.traps_fired:
        return
    trap = next((x for x in t.scenario.traps if x.id == s.traps_fired[-1]), None)
    if trap is None:
        return
    refused = conduct.refuses_disclosure(t.text)
    if refused or cues.contains_any(t.norm, trap.refusal_keywords):
        s.once_flags.append(f"trap_handled:{trap.id}")
        s.trust = clamp(s.trust + 3)
    else:
        s.once_flags.append(f"trap_failed:{trap.id}")
        s.trust = clamp(s.trust - (10 if t.persona.traits.tests_knowledge else 4))


def raise_persona(t: Turn, objection_id: str) -> bool:
    """Push one customer-type objection now, whatever its usual trigger (if not raised before)."""
    for spec in _persona_objections(t):
        if spec["id"] == objection_id and objection_id not in t.s.objections_raised:
            if objection_id not in ALWAYS_RAISED and (
                _preempted(t, objection_id) or _type_settled(t, str(spec["type"]))
            ):
                _settle_silently(t, objection_id)
                return False
            _push(t, objection_id, str(spec["type"]), str(spec["intent"]))
            t.say(str(spec["intent"]), ref=objection_id)
            return True
    return False
