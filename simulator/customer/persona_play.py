"""How each customer type plays, not only how it talks (personas/README.md, «Cómo juega»).

The brain's shared moves treat every customer alike; this module adds what makes a type a type:
- impaciente: short, direct agent turns calm him (a monologue still costs, ``moves.mood_effects``);
- desconfiado: each kind of concrete, verifiable proof (folio, official number, in writing,
  recorded call, the agent's identity, no lock-in, «nunca le pedimos su NIP») earns trust once;
  empty assurances («confíe en mí») lose it; an outbound call must first prove who is calling;
- experto: after the presentation he checks one real condition of the catalog, stating a figure
  wrong on purpose; the agent's answer is judged against the catalog (corrected → trust, agreed
  with or a wrong figure → a wrong fact);
- platicador: after a digression he stays off topic until a polite redirect brings him back;
- molesto: a request for data before any empathy meets resistance (``brain._empathy_gate``);
- callado: a closed question gets «sí» or «no» and nothing of his own.
Amable, indeciso and regateador play through the shared moves and ``es/brain.yaml``.
Everything here is deterministic given the state's seed; memory lives in ``CustomerState.play``.
"""

from __future__ import annotations

import random
import re

from simulator.customer import cues, expert_questions
from simulator.customer.state import Intent, OpenObjection
from simulator.customer.turn import Turn, clamp
from simulator.models.content import Product

# What the customer may have just asked (the agent's answer to it may run longer, and for the
# impatient customer a short answer to it calms him most).
ASKED = frozenset(
    {
        "ask_price",
        "ask_detail",
        "objection",
        "trap",
        "knowledge_test",
        "guarantee_request",
        "identity_proof_request",
        "discount_request",
        "buying_signal",
        "buying_signal_generic",
        "wrong_fact_reaction",
        "interrupt_monologue",
        "impatience",
        "not_ready",
    }
)
# Own moves a quiet customer never adds to a «sí» or «no».
QUIET_DROPS = frozenset({"ask_price", "ask_detail", "digression"})
# What a quiet customer keeps to himself when a closed question passes it by (his doubt repeated,
# his own small talk): a bare «ajá» instead.
QUIET_HELD = frozenset({"objection_repeat", "need_lead_in", "buying_signal_generic"})
# Replies that already carry a move of the customer's own: no room for the expert's test.
BUSY = frozenset(
    {
        "objection",
        "objection_repeat",
        "trap",
        "knowledge_test",
        "wrong_fact_reaction",
        "guarantee_request",
        "identity_proof_request",
        "discount_request",
        "objection_must_consult",
        "objection_softened",
        "acceptance",
        "refusal",
        "hangup",
        "farewell",
    }
)
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def _dial(name: str, default: int) -> int:
    value = cues.config().get("persona_play", {}).get(name, default)
    return int(value) if isinstance(value, int) else default


def before(t: Turn) -> None:
    """Moods each type reads from the agent's turn, before the reply is chosen."""
    _impatient(t)
    _distrustful(t)
    _expert_listens(t)


def after(t: Turn) -> None:
    """Shape the proposed reply the way the type plays (before the planner orders it)."""
    _impatient_monologues(t)
    _expert_question(t)
    _chatty(t)
    _quiet(t)


def settle(t: Turn) -> None:
    """Remember what the type did this turn (after the planner chose the reply)."""
    s = t.s
    if t.persona.traits.digresses and any(i.name == "digression" for i in t.intents):
        s.play["drift"] = str(s.turn)


# ------------------------------------------------------------------ impaciente


def brief(t: Turn) -> bool:
    """An impatient customer's turn was short and direct: time did not drag (no drain)."""
    return t.ctype == "impaciente" and 0 < t.words <= _dial("brief_words", 25)


def bar(t: Turn, needs: int, interest: int) -> tuple[int, int]:
    """(needs revealed, interest) a customer needs before saying yes. The impatient one decides
    fast: the one need that matters and a direct offer are enough (he never tells a second)."""
    if t.ctype == "impaciente":
        return min(needs, 1), interest - 15
    return needs, interest


def _long(t: Turn) -> bool:
    """A long agent turn, not yet a monologue (an answer to his question may be twice as long;
    thanks and goodbye are not counted)."""
    words = _dial("long_turn_words", 25)
    if set(t.s.last_intents) & ASKED or "data_confirmation" in t.acts:
        words *= 2
    return t.words > words and "farewell" not in t.acts


def _impatient_monologues(t: Turn) -> None:
    """Monologues the impatient customer counts: a turn over his tolerance
    (``moves.mood_effects`` counts it and he interrupts) or two long turns in a row. At
    ``monologues_to_hangup`` of them within ``monologue_window_turns`` turns he hangs up; before
    that he only complains (a monologue never empties his patience by itself), and monologues
    far apart fade (concise turns between them keep him)."""
    s = t.s
    if t.ctype != "impaciente":
        return
    monologue = "monologue" in t.causes
    if not monologue and _long(t):
        if s.play.get("long") == str(s.turn - 1):
            monologue = True
            s.monologues += 1
            t.causes.append("monologue")
            s.patience = clamp(s.patience - _dial("long_turns_patience", 6))
            if not any(i.name == "interrupt_monologue" for i in t.intents):
                t.say("interrupt_monologue")
            s.play.pop("long", None)
        else:
            s.play["long"] = str(s.turn)
    elif not monologue:
        s.play.pop("long", None)
    if not monologue:
        return
    s.play.pop("long", None)
    window = _dial("monologue_window_turns", 6)
    recent = [int(x) for x in s.play.get("monologue_turns", "").split() if s.turn - int(x) < window]
    recent.append(s.turn)
    s.play["monologue_turns"] = " ".join(str(x) for x in recent)
    if len(recent) >= _dial("monologues_to_hangup", 3):
        t.intents = [i for i in t.intents if i.name != "interrupt_monologue"]
        t.say("hangup")
    else:
        s.patience = max(s.patience, _dial("monologue_patience_floor", 8))


def _impatient(t: Turn) -> None:
    if not brief(t):
        return
    asked = bool(set(t.s.last_intents) & ASKED)
    calm = _dial("brief_answer_calm", 8) if asked else _dial("brief_calm", 5)
    t.s.patience = clamp(t.s.patience + calm)


# ------------------------------------------------------------------ desconfiado


def _distrustful(t: Turn) -> None:
    s = t.s
    if not t.persona.traits.asks_for_guarantees:
        return
    kinds = cues.config().get("proof_kinds", {})
    earned = [
        kind
        for kind, words in kinds.items()
        if f"proof:{kind}" not in s.once_flags and cues.contains_any(t.norm, list(words))
    ]
    for kind in earned[:2]:  # a turn that lists everything is not worth more than two proofs
        s.once_flags.append(f"proof:{kind}")
        s.trust = clamp(s.trust + _dial("proof_trust", 8))
    if not earned and cues.contains_any(t.norm, cues.phrases("empty_assurances")):
        s.trust = clamp(s.trust - _dial("empty_assurance_trust", 6))
        t.causes.append("empty_assurance")


def proofs_heard(s: object) -> int:
    flags = getattr(s, "once_flags", [])
    return sum(1 for f in flags if f.startswith("proof:"))


# ------------------------------------------------------------------ experto


MAX_FIGURES = 60


def _expert_listens(t: Turn) -> None:
    """The expert remembers every figure the agent said (he does not test what he was told)."""
    if not t.persona.traits.tests_knowledge:
        return
    said = t.s.play.get("figures", "").split()
    said += [f"{a:g}" for a in cues.amounts(t.text)]
    said += [n.replace(",", "") for n in _NUMBER.findall(t.text)]  # «3 millones» is a 3 too
    t.s.play["figures"] = " ".join(list(dict.fromkeys(said))[-MAX_FIGURES:])
    settled = t.s.play.get("settled", "").split()
    for product in t.scenario.catalog:  # answers said in words: not asked
        settled += [q.topic for q in expert_questions.askable(product) if q.settled_by(t.norm)]
    if settled:
        t.s.play["settled"] = " ".join(dict.fromkeys(settled))


def _expert_question(t: Turn) -> None:
    """Give the expert's raised test its content: one real condition of the catalog. When the
    agent already said every figure he could check, he has nothing to test: it is settled.
    Crowded out when the product was presented, he asks on the next turn that leaves room."""
    s = t.s
    room = not s.objections and not s.accepted and not any(i.name in BUSY for i in t.intents)
    # a close is answered first: the real question waits for a turn that leaves room for it
    closing = bool({"close", "trial_close"} & t.acts) and _asks(s)
    closing = closing and s.presented and _open_questions(t) is not None
    room = room and not closing
    expert = t.persona.traits.tests_knowledge and s.presented
    later = "kq_later" in s.play and not closing and _open_questions(t) is not None
    if expert and room and ("_knowledge" not in s.objections_raised or later):
        s.play.pop("kq_later", None)
        s.objections.append(
            OpenObjection(
                id="_knowledge", type="knowledge", intent="knowledge_test", raised_turn=s.turn
            )
        )
        if "_knowledge" not in s.objections_raised:
            s.objections_raised.append("_knowledge")
        t.say("knowledge_test", ref="_knowledge")
    for intent in list(t.intents):
        if intent.name == "knowledge_test" and intent.ref == "_knowledge" and not intent.slots:
            if closing:  # the close is answered first; he asks on a later turn with room
                t.intents.remove(intent)
                s.objections = [o for o in s.objections if o.id != "_knowledge"]
                s.play["kq_later"] = "1"
                continue
            question = knowledge_question(t)
            if question is not None:
                intent.slots.update(question)
                continue
            t.intents.remove(intent)
            t.s.objections = [o for o in t.s.objections if o.id != "_knowledge"]
            t.s.objections_handled.append("_knowledge")


def _conditions(product: Product, said: set[str] | None = None) -> list[str]:
    """The product's conditions with exactly one figure that the agent has not said yet."""
    known = said or set()
    return [
        c
        for c in product.conditions
        if len(_NUMBER.findall(c)) == 1 and _NUMBER.findall(c)[0].replace(",", "") not in known
    ]


def _altered(n: int) -> int:
    if n < 4:
        return n + 1
    if n < 100:
        return n // 2
    step = 50 if n >= 1000 else 10
    return max(step, round(n * 0.8 / step) * step)


def _figure(n: int) -> str:
    return f"{n:,}"


def _asks(s: object) -> bool:
    """Whether this call's experto asks a real question (else he checks a changed figure);
    drawn from the seed alone, so the call's other draws stay as they were."""
    draw = random.Random(f"{getattr(s, 'seed', 0)}:expert").randrange(100)
    return draw < expert_questions.share()


def _asked(question: str) -> dict[str, str]:
    """The question as slots: ``value`` opens a sentence, ``value_lc`` follows a comma."""
    return {"value": question[:1].upper() + question[1:], "value_lc": question}


def _open_questions(t: Turn) -> tuple[Product, list[expert_questions.Question]] | None:
    """The product in play (the last talked about first) and the questions about it whose
    answer the agent has not said yet (neither its figure nor its words)."""
    s, catalog = t.s, t.scenario.catalog
    said = set(s.play.get("figures", "").split())
    known = {float(x) for x in said if x.replace(".", "", 1).isdigit()}
    settled = set(s.play.get("settled", "").split())
    talked = [p for p in catalog if p.id in s.products_mentioned] or catalog[:1]
    for product in reversed(talked):
        options = [
            q
            for q in expert_questions.askable(product)
            if not set(q.answers) & known and q.topic not in settled
        ]
        if options:
            return product, options
    return None


def _real_question(t: Turn) -> dict[str, str] | None:
    """A plain question about a condition of a product in play, not answered yet."""
    s = t.s
    found = _open_questions(t)
    if found is None:
        return None
    product, options = found
    q = options[s.rng().randrange(len(options))]
    s.play.update(kq_mode="ask", kq_topic=q.topic, kq_question=q.question, kq_product=product.id)
    return {"product": product.name, "question": "1", **_asked(q.question)}


def knowledge_question(t: Turn) -> dict[str, str] | None:
    """The expert's test: a real question about a condition of the product in play, or the
    check of a condition with its figure changed (``expert_questions.share`` of calls ask first;
    either falls back on the other when the catalog leaves it nothing to test)."""
    s, catalog = t.s, t.scenario.catalog
    said = set(s.play.get("figures", "").split())
    # the products the agent talked about (the first of the catalog when none was named yet)
    talked = [p for p in catalog if p.id in s.products_mentioned] or catalog[:1]
    if _asks(s):
        asked = _real_question(t)
        if asked is not None:
            return asked
    pool = [p for p in reversed(talked) if _conditions(p, said)]
    if not pool:
        return _real_question(t)
    product = pool[0]
    conditions = _conditions(product, said)
    text = conditions[s.rng().randrange(len(conditions))]
    match = _NUMBER.search(text)
    assert match is not None
    true = int(match.group().replace(",", ""))
    wrong = _altered(true)
    claim = text[: match.start()] + _figure(wrong) + text[match.end() :]
    claim = claim[:1].lower() + claim[1:] if claim[1:2].islower() else claim
    s.play.update(kq_true=str(true), kq_wrong=str(wrong), kq_text=text, kq_product=product.id)
    return {"product": product.name, "value": claim.rstrip(".")}


def _lead(norm: str, leads: list[str]) -> bool:
    head = " ".join(norm.replace(",", " ").split()[:4])
    return any(head == k or head.startswith(k + " ") for k in leads)


def judge_knowledge(t: Turn) -> str:
    """The agent's answer to the expert's check: ``right``, ``wrong`` or ``evasive``."""
    s = t.s
    if s.play.get("kq_mode") == "ask":
        product = next(p for p in t.scenario.catalog if p.id == s.play["kq_product"])
        question = expert_questions.find(product, s.play["kq_topic"])
        if question is None:
            return "evasive"
        verdict = expert_questions.judge(t.text, question, t.scenario)
        return "evasive" if verdict == "vague" else verdict
    if "kq_true" not in s.play:
        return "right" if len(t.norm.split()) >= 6 else "evasive"
    true, wrong = float(s.play["kq_true"]), float(s.play["kq_wrong"])
    said = cues.amounts(t.text)
    says_true = any(abs(a - true) < 0.5 for a in said)
    says_wrong = any(abs(a - wrong) < 0.5 for a in said)
    affirms = _lead(t.norm, cues.phrases("affirm_leads"))
    if says_true:
        return "right"
    if says_wrong or affirms:
        return "wrong"
    return "evasive"


def knowledge_turn(t: Turn) -> bool:
    """Handle the open knowledge test (top of the stack). True when the turn is used up."""
    s = t.s
    top = s.open_objection()
    assert top is not None
    verdict = judge_knowledge(t)
    if verdict == "right":
        s.objections.pop()
        s.objections_handled.append(top.id)
        s.trust = clamp(s.trust + _dial("knowledge_ok_trust", 12))
        s.interest = clamp(s.interest + 6)
        t.say("objection_softened", ref=top.id)
        return False
    asking = s.play.get("kq_mode") == "ask"
    if asking and top.repeats == 0:  # a real question: one press on a wrong or vague answer
        top.repeats += 1
        press = "wrong" if verdict == "wrong" else "vague"
        t.say(
            "knowledge_test", ref=top.id, question="1", press=press, **_asked(s.play["kq_question"])
        )
        return True
    if verdict == "wrong":
        s.objections.pop()
        s.objections_handled.append(top.id)
        s.wrong_facts += 1
        s.trust = clamp(s.trust - _dial("knowledge_wrong_trust", 25))
        s.interest = clamp(s.interest - 10)
        t.say("wrong_fact_reaction")
        return True
    top.repeats += 1
    if top.repeats >= 2 and asking:
        # his question asked twice and not answered: he will look it up himself, a little less
        # sure of the agent, and goes on with the rest of the turn (a close still gets its answer)
        s.objections.pop()
        s.objections_handled.append(top.id)
        s.trust = clamp(s.trust - _dial("knowledge_unanswered_trust", 4))
        t.say("knowledge_test", question="1", press="unanswered", **_asked(s.play["kq_question"]))
        return False
    if top.repeats >= 2:  # asked twice and never answered: he draws his own conclusion
        s.objections.pop()
        s.objections_handled.append(top.id)
        t.causes.append("objection_ignored")
        s.objections_ignored += 1
        s.trust = clamp(s.trust - 10)
        s.patience = clamp(s.patience - 8)
    t.say("objection_repeat", ref=top.id)
    return True


# ------------------------------------------------------------------ platicador


def drifting(t: Turn) -> bool:
    return t.persona.traits.digresses and "drift" in t.s.play


def redirects(t: Turn) -> bool:
    """A polite way back: a redirect phrase, or a warm acknowledgement and a question."""
    if cues.contains_any(t.norm, cues.phrases("redirect_phrases")):
        return True
    warm = bool({"acknowledgement", "empathy", "paraphrase"} & t.acts) or cues.contains_any(
        t.norm, cues.phrases("warm_acknowledgements")
    )
    return warm and ("?" in t.norm or bool(t.acts & {"close", "data_request", "feature"}))


def _chatty(t: Turn) -> None:
    s = t.s
    if not t.persona.traits.digresses:
        return
    cooldown = _dial("drift_cooldown_turns", 3)
    if drifting(t):
        if redirects(t):
            del s.play["drift"]
            s.play["back"] = str(s.turn)
            s.patience = clamp(s.patience + 2)
            t.intents.insert(0, Intent(name="back_on_track"))
            t.intents = [i for i in t.intents if i.name != "digression"]
            return
        # not brought back: the story goes on instead of anything of the customer's own
        if not any(i.name == "digression" for i in t.intents) and len(t.intents) < 2:
            t.say("digression")
        return
    back = s.play.get("back")
    if back is not None and s.turn - int(back) <= cooldown:
        t.intents = [i for i in t.intents if i.name != "digression"]


# ------------------------------------------------------------------ molesto


def resist_data(t: Turn) -> bool:
    """An upset customer asked for data before any empathy: resistance instead of the data."""
    if "data_request" not in t.acts and not (
        "?" in t.norm and cues.contains_any(t.norm, cues.phrases("request_phrases"))
    ):
        return False
    t.say("data_before_empathy")
    return True


# ------------------------------------------------------------------ callado


def _quiet(t: Turn) -> None:
    """A closed question gets a bare «sí», «no» or «ajá»: nothing of his own added, and a doubt
    he still has is kept to himself (it stays open and comes back when he is asked to decide)."""
    if not t.persona.traits.short_answers_to_closed:
        return
    if "closed_question" not in t.acts or t.acts & {"open_question", "data_request", "close"}:
        return
    names = {i.name for i in t.intents}
    if names & {"short_yes", "short_no"}:
        kept = [i for i in t.intents if i.name not in QUIET_DROPS | QUIET_HELD | {"vague_answer"}]
        for dropped in (i for i in t.intents if i.name in QUIET_DROPS):
            if dropped.name in t.s.once_flags:
                t.s.once_flags.remove(dropped.name)
        t.intents = kept
    elif t.intents and names <= QUIET_DROPS | QUIET_HELD | {"vague_answer", "filler_ack"}:
        t.intents = [Intent(name="filler_ack")]
