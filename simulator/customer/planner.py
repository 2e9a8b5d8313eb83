"""One coherent customer reply per agent turn.

The moves in ``brain``/``moves``/``objections`` propose intents; the planner turns them into a
reply a person would give: first the answers to what was asked (in the order they were proposed),
then at most one move of the customer's own (an objection, a trap, a buying signal, a question, a
digression) and only one that fits the answers. A proposed own move that is dropped is taken back
from the state (an objection not said is not on the stack, a trap not asked is not fired), so it
can still come later. ``FORBIDDEN`` lists the pairs that can never be said together; the property
test in tests/customer checks them over thousands of seeded calls.
"""

from __future__ import annotations

from simulator.customer import choice_lists, cues, data_moves, memory, wronged
from simulator.customer.state import Intent
from simulator.customer.turn import Turn

# The customer's own initiatives: at most one per reply, after the answers.
OBJECTION_MOVES = frozenset(
    {
        "objection",
        "objection_repeat",
        "guarantee_request",
        "discount_request",
        "haggle_again",
        "knowledge_test",
        "objection_must_consult",
        "identity_proof_request",
    }
)
QUESTION_MOVES = frozenset({"trap", "ask_price", "ask_detail"})
SIGNAL_MOVES = frozenset({"buying_signal", "buying_signal_generic"})
OWN_MOVES = OBJECTION_MOVES | QUESTION_MOVES | SIGNAL_MOVES | frozenset({"digression"})
# Own moves with no link to the agent's question: never instead of answering one.
UNLINKED = frozenset({"digression", "ask_price", "ask_detail"})
NON_ANSWERS = frozenset({"thanks_reply", "filler_ack", "empathy_thanks", "annoyed", "complaint"})
# Lines that say yes: nothing that objects or doubts may follow them in the same reply.
YES = frozenset(
    {"acceptance", "data_confirm_yes", "objection_softened", "haggle_conceded", "buying_signal"}
)
DOUBT = OBJECTION_MOVES | frozenset({"trap", "not_ready", "refusal", "wrong_fact_reaction"})
# Lines that end the conversation or say there is nothing more: no new initiative after them.
ENDING = frozenset({"farewell", "nothing_else", "hangup", "refusal"})

# Reactions to the agent's turn: a reply voices one of them. Two that contradict (it understood
# and asks for a summary; a doubt settled and annoyed) or say the same thing twice («Así ya lo veo
# diferente. Nada, creo que ya lo entendí bien»; «a sus órdenes, dígame. Va, dígame») are one
# stitched line (blind panel I).
SETTLED = frozenset({"objection_softened", "haggle_conceded"})
WANTS_LESS = frozenset({"impatience", "interrupt_monologue"})
UNDERSTOOD = frozenset({"no_doubts"})
DISPLEASED = frozenset({"annoyed", "complaint"})
GO_AHEAD = frozenset({"time_ok"})
# Bare tokens: said first or not at all («Es todo, gracias. Negativo.»).
TOKENS = frozenset({"short_yes", "short_no", "filler_ack", "data_confirm_yes"})

# Pairs that may never share one reply (either order).
FORBIDDEN: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (SETTLED, UNDERSTOOD | DISPLEASED | WANTS_LESS),
    (WANTS_LESS, UNDERSTOOD | GO_AHEAD),
    (frozenset({"nothing_else"}), frozenset({"short_yes", "short_no", "filler_ack"})),
    (frozenset({"acceptance"}), DOUBT | frozenset({"ask_price"})),
    (frozenset({"data_confirm_yes"}), frozenset({"data_correction"}) | OBJECTION_MOVES),
    (frozenset({"short_yes"}), frozenset({"short_no"})),
    # «No, en absoluto. ¿Y cómo le haría para contratarlo?» (panel E zi-04)
    (frozenset({"short_no"}), SIGNAL_MOVES | frozenset({"ask_price", "acceptance"})),
    (frozenset({"buying_signal", "buying_signal_generic"}), DOUBT),
    (frozenset({"objection_softened", "haggle_conceded"}), DOUBT | frozenset({"short_no"})),
    (ENDING, OWN_MOVES - frozenset({"objection_repeat"})),
    # «Es AT-558120. ¿Y cuánto van a tardar?» may follow a datum; asking for proof of who calls
    # or saying it must be consulted after handing it over may not
    (
        frozenset({"data_given", "data_repeated", "age_given"}),
        frozenset({"guarantee_request", "identity_proof_request", "objection_must_consult"})
        | {"digression"},
    ),
)


def forbidden_pair(names: list[str]) -> tuple[str, str] | None:
    """The first forbidden pair in a reply's intent names, or None."""
    present = set(names)
    for left, right in FORBIDDEN:
        for a in left & present:
            for b in right & present:
                if a != b:
                    return a, b
    return None


def plan(t: Turn) -> None:
    """Rewrite ``t.intents`` into one coherent reply (answers, then at most one own move)."""
    if wronged.react(t) or any(i.name == "hangup" for i in t.intents):
        return  # «¿Cómo que ya quedó? Yo no acepté nada» is the whole reply
    wronged.cold_farewell(t)
    data_moves.owed(t)  # a datum asked for is said first (or the reason it is not)
    if len(t.intents) > 1 and _only_open_questions(t.text):
        # «ya tengo su cuenta IV-1183002. ¿A dónde se cambia?» reads back in passing: «Sí, todo
        # bien» is no answer to the open question the reply answers (blind panel p-03)
        t.intents = [i for i in t.intents if i.name != "data_confirm_yes"] or t.intents
    if any(i.name == "acceptance" for i in t.intents):
        # «No me dé el discurso, ¿cuál es la idea? Sí, procédale»: a customer who says yes to
        # what it heard does not also cut it short (panel J yk-02)
        t.intents = [i for i in t.intents if i.name not in WANTS_LESS] or t.intents
    answers = [i for i in t.intents if i.name not in OWN_MOVES]
    own = [i for i in t.intents if i.name in OWN_MOVES]
    if answers and "?" in t.text:
        # «Gracias. ¿Cómo usan el internet?» is answered, not thanked back; «Gracias por esperar:
        # sí hay cobertura. ¿Cuántos se conectan?» gets no «Sí, sigo aquí» first (panel D)
        courtesy = ("thanks_reply", "filler_ack", "hold_return_ok")
        substantive = [i for i in answers if i.name not in courtesy]
        if substantive:
            answers = substantive
    coherent: list[Intent] = []
    for answer in answers:  # the first of two contradicting answers stands
        if forbidden_pair([i.name for i in coherent] + [answer.name]) is None:
            coherent.append(answer)
        else:
            _retract(t, answer)
    answers = coherent
    kept: Intent | None = None
    for move in own:
        names = [i.name for i in answers] + [move.name]
        if move.name in UNLINKED and _no_room(t, answers):
            _retract(t, move)  # a direct question is pending: answer it first, own topics later
        elif move.name == "trap" and not answers and _asks_pick(t):
            _retract(t, move)  # «¿cuál ve más factible?» after three options: a pick, then traps
        elif kept is None and forbidden_pair(names) is None:
            kept = move
        else:
            _retract(t, move)
    t.intents = [*answers, *([kept] if kept is not None else [])]
    # «No le voy a dar datos» is no reply to «¿qué pasó?»; «¿tengo que pagar algo?» is not asked
    # once the agent said what it costs; «¿y la bonificación…?» waits until the agent names one
    memory.note(t)
    fit_words(t, t.intents)


def settle(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The final reply as one intent with its parts: the moves added after the plan (shape,
    choices) never form a forbidden pair with what it holds — the first stands, except a bare
    token, which gives way to the line it would contradict or stitch onto. The order stands: the
    mouth picks each line in turn, so reordering would change every later line of the call."""
    kept: list[Intent] = []
    for intent in intents:
        pair = forbidden_pair([i.name for i in kept] + [intent.name])
        if pair is None:
            kept.append(intent)
            continue
        clash = {pair[0], pair[1]} - {intent.name}
        if intent.name not in TOKENS and clash <= TOKENS:
            kept = [i for i in kept if i.name not in clash]
            if forbidden_pair([i.name for i in kept] + [intent.name]) is None:
                kept.append(intent)
                continue
        _retract(t, intent)
    return kept or intents


def fit_words(t: Turn, intents: list[Intent]) -> None:
    """Mark on each intent the phrases its line may not hold (what was not said, what the call
    settled, «le repito» when not repeating). Called again on the final reply for the intents
    added after the plan, which have no mark yet."""
    unsaid = "|".join(p for p in memory.unsaid(t) if p)
    repeats = "|".join(cues.phrases("repeat_markers"))
    for intent in intents:
        if intent.slots.get("fitted"):
            continue
        intent.slots["fitted"] = "1"
        extra = "|".join(p for p in (unsaid, "" if _may_repeat(t, intent) else repeats) if p)
        if intent.name == "annoyed":
            extra = "|".join(p for p in (extra, *memory.unfounded_accusations(t)) if p)
        if extra:
            mine = intent.slots.get("unasked")
            intent.slots["unasked"] = f"{mine}|{extra}" if mine else extra


# Moves that say again what was said before: «le repito» fits them (a datum asked again, a
# doubt still open, «ya se lo dije» to a question asked twice).
REPEATING = frozenset({"data_repeated", "repetition_complaint", "objection_repeat"})


def _may_repeat(t: Turn, intent: Intent) -> bool:
    """Whether the line may refer back to what the customer told («Pues ya le dije lo
    principal» only once it told a need; «le repito» only when repeating)."""
    if intent.name == "nothing_more_to_add":
        return bool(t.s.revealed_needs)
    return intent.name in REPEATING


def _only_open_questions(text: str) -> bool:
    """The turn asks open questions and checks nothing back («Un Versa 2021. ¿Qué le preocupa?
    ¿Ha tenido algún siniestro?»): a read-back in passing gets no «Así es» (panel E)."""
    questions = cues.question_sentences(text)
    leads = cues.phrases("open_data_leads")
    opened = [
        q
        for q in questions
        if cues.open_form_question(f"¿{q}?") or any(q.startswith(k) for k in leads)
    ]
    checks = [
        q
        for q in questions
        if q not in opened
        and (len(q.split()) <= CHECK_WORDS or cues.contains_any(q, cues.phrases("check_words")))
    ]
    return bool(opened) and not checks


CHECK_WORDS = 3  # «¿verdad?», «¿es correcto?», «¿así es?»: a short yes/no question checks


def _no_room(t: Turn, answers: list[Intent]) -> bool:
    """The agent asked something direct (an open question or a request for data): the reply is
    about that: a question or a digression of the customer's own may follow a real answer, never
    stand in for it."""
    if "?" not in t.text:
        return False
    asked = bool(t.acts & {"open_question", "data_request"})
    return asked and not any(i.name not in NON_ANSWERS for i in answers)


def _asks_pick(t: Turn) -> bool:
    """The turn asks which of the options it listed the customer takes (panel F zn-04, zq-08:
    «¿Van a mandar gente a mi trabajo?» to «una…, dos…, tres… ¿cuál ve más factible?»)."""
    if not choice_lists.asks_which(t.text):
        return False
    return bool(choice_lists.listed_options(t.text) or choice_lists.which_options(t))


def _retract(t: Turn, move: Intent) -> None:
    """Take back the state change of a move that will not be said this turn."""
    s = t.s
    ref = move.ref
    if move.name in OBJECTION_MOVES - {"objection_repeat"} and ref is not None:
        s.objections = [o for o in s.objections if not (o.id == ref and o.raised_turn == s.turn)]
        if ref in s.objections_raised and not any(o.id == ref for o in s.objections):
            s.objections_raised.remove(ref)
        spec = next((o for o in t.scenario.objections if o.id == ref), None)
        if spec is not None and spec.type == "do_not_call":
            s.do_not_call = False
    elif move.name == "trap" and ref is not None and ref in s.traps_fired:
        s.traps_fired.remove(ref)
        trap = next((x for x in t.scenario.traps if x.id == ref), None)
        if trap is not None and trap.type == "do_not_call":
            s.do_not_call = False
    elif move.name == "buying_signal" and ref in s.signals_given:
        s.signals_given.remove(str(ref))
    elif move.name == "buying_signal_generic":
        for flag in ("generic_signal",):
            if flag in s.once_flags:
                s.once_flags.remove(flag)
            if flag in s.signals_given:
                s.signals_given.remove(flag)
    elif move.name in ("ask_price", "ask_detail", "digression") and move.name in s.once_flags:
        s.once_flags.reverse()
        s.once_flags.remove(move.name)
        s.once_flags.reverse()


retract = _retract  # public: persona_policy.quiet_cap takes back the moves it drops
