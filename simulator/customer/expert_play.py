"""The experto's test of the agent's knowledge (personas/README.md, «Cómo juega»).

After the presentation, before deciding, the experto either asks a real question about a catalog
condition (``expert_questions.py``) or checks a condition stated with its figure changed on
purpose. He remembers the figures and answers the agent already said (he does not test those),
answers a close before asking, judges the agent's answer against the catalog and presses once on
a wrong or vague answer to his question. Split from ``persona_play.py``; memory lives in
``CustomerState.play``.
"""

from __future__ import annotations

import random
import re

from simulator.customer import cues, expert_questions, expert_readback, memory
from simulator.customer.expert_judging import _true_condition, judge_knowledge
from simulator.customer.state import OpenObjection
from simulator.customer.turn import Turn, clamp
from simulator.language.normalize import normalize
from simulator.models.content import Product

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
        "haggle_again",
        "objection_must_consult",
        "objection_softened",
        "acceptance",
        "refusal",
        "hangup",
        "farewell",
    }
)
ASKS_DATA = frozenset({"data_request"})
NOTHING_MORE = frozenset({"nothing_else", "no_doubts"})
BARE = frozenset(
    {"short_yes", "short_no", "filler_ack"}
)  # say nothing of his own  # «es todo»: not with a test after it
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_SENTENCE = re.compile(r"[^.;!?]+[.;!?]?")


def _dial(name: str, default: int) -> int:
    value = cues.config().get("persona_play", {}).get(name, default)
    return int(value) if isinstance(value, int) else default


MAX_FIGURES = 60


def listens(t: Turn) -> None:
    """The expert remembers every figure the agent said (he does not test what he was told)."""
    if not t.persona.traits.tests_knowledge:
        return
    said = t.s.play.get("figures", "").split()
    said += [f"{a:g}" for a in cues.amounts(t.text)]
    said += [n.replace(",", "") for n in _NUMBER.findall(t.text)]  # «3 millones» is a 3 too
    t.s.play["figures"] = " ".join(list(dict.fromkeys(said))[-MAX_FIGURES:])
    settled = t.s.play.get("settled", "").split()
    sentences = _SENTENCE.findall(t.text)
    for product in t.scenario.catalog:  # answers said in words, or a figure said of it: not asked
        settled += [
            q.topic
            for q in expert_questions.askable(product)
            if q.settled_by(t.norm) or any(q.figure_said(x) for x in sentences)
        ]
    if settled:
        t.s.play["settled"] = " ".join(dict.fromkeys(settled))
    expert_readback.note(t)  # the conditions it stated, for a read-back test


def _raise(t: Turn) -> None:
    """The expert's test becomes an open objection of the call (raised once, asked now)."""
    s = t.s
    s.play.pop("kq_later", None)
    s.objections_handled = [o for o in s.objections_handled if o != "_knowledge"]
    s.objections.append(
        OpenObjection(
            id="_knowledge", type="knowledge", intent="knowledge_test", raised_turn=s.turn
        )
    )
    if "_knowledge" not in s.objections_raised:
        s.objections_raised.append("_knowledge")


def question(t: Turn) -> None:
    """Give the expert's raised test its content: one real condition of the catalog. When the
    agent already said every figure he could check, he has nothing to test: it is settled.
    Crowded out when the product was presented, he asks on the next turn that leaves room."""
    s = t.s
    room = not s.objections and not _decided(t) and not any(i.name in BUSY for i in t.intents)
    # a close is answered first: the real question waits for a turn that leaves room for it
    closing = bool({"close", "trial_close"} & t.acts) and _asks(s)
    closing = closing and s.presented and _open_questions(t) is not None
    room = room and not closing
    # presented: a product named on a turn an objection took still counts at the floor
    floor = _floor(t)
    expert = t.persona.traits.tests_knowledge and (s.presented or (floor and _presented(t)))
    later = "kq_later" in s.play and not closing and (_open_questions(t) is not None or _floor(t))
    # a read-back of what he was told (nothing unsaid is left to test) waits for the floor: «¿qué
    # dudas tiene?», «¿algo más?» he had nothing for — not a turn that asks him something else
    untested = _untested(t)
    if expert and room and not untested and not floor and "_knowledge" not in s.objections_raised:
        s.objections_raised.append("_knowledge")  # nothing unsaid to test: a read-back, later
        s.objections_handled.append("_knowledge")  # settled for now (as before), until the floor
        s.play["kq_later"] = "1"
    room = room and (untested or floor) and not t.acts & ASKS_DATA  # not on a data request
    if expert and room and ("_knowledge" not in s.objections_raised or later):
        _raise(t)
        t.intents = [i for i in t.intents if i.name not in NOTHING_MORE]  # he has one more thing
        t.say("knowledge_test", ref="_knowledge")
    for intent in list(t.intents):
        if intent.name == "knowledge_test" and intent.ref == "_knowledge" and not intent.slots:
            if closing:  # the close is answered first; he asks on a later turn with room
                t.intents.remove(intent)
                s.objections = [o for o in s.objections if o.id != "_knowledge"]
                s.play["kq_later"] = "1"
                continue
            if not untested and not floor:  # only a read-back is left: it waits for the floor
                t.intents.remove(intent)
                s.objections = [o for o in s.objections if o.id != "_knowledge"]
                s.objections_handled.append("_knowledge")
                s.play["kq_later"] = "1"
                continue
            question = knowledge_question(t)
            if question is not None:
                intent.slots.update(question)
                continue
            t.intents.remove(intent)
            t.s.objections = [o for o in t.s.objections if o.id != "_knowledge"]
            t.s.objections_handled.append("_knowledge")


def asks_at_close(t: Turn) -> bool:
    """A close that finds the expert's real question still unasked (never raised, or crowded
    out at the presentation: ``kq_later``) is answered with that question: the experto compares and checks
    before he decides, he does not say yes — nor a bare «me faltan datos» — with his test
    untold (blind panel K xd-04, xa-04). True when the question is the reply."""
    s = t.s
    if not t.persona.traits.tests_knowledge or _decided(t) or not _presented(t):
        return False
    untold = "kq_later" in s.play or "_knowledge" not in s.objections_raised
    if not untold or s.objections or _open_questions(t) is None:
        return False
    question = knowledge_question(t)
    if question is None:
        return False
    _raise(t)
    t.say("knowledge_test", ref="_knowledge", **question)
    return True


def _named(t: Turn) -> set[str]:
    """The products of the catalog the agent named (heard even on a turn an objection took)."""
    heard = {f.removeprefix("product:") for f in t.s.facts_heard if f.startswith("product:")}
    return set(t.s.products_mentioned) | heard


def _presented(t: Turn) -> bool:
    return t.s.presented or bool(_named(t))


def _talked(t: Turn) -> list[Product]:
    """The products the agent talked about (the first of the catalog when none was named)."""
    named = _named(t)
    return [p for p in t.scenario.catalog if p.id in named] or t.scenario.catalog[:1]


def _untested(t: Turn) -> bool:
    """Something he was not told is left to ask or to check (not only a read-back)."""
    said = set(t.s.play.get("figures", "").split())
    talked = _talked(t)
    return _open_questions(t) is not None or any(_conditions(p, said) for p in talked)


def _floor(t: Turn) -> bool:
    """The agent gives him the floor and his reply had nothing for it: «¿qué dudas tiene?» or
    «¿algo más?» answered «nada en especial», «es todo» (blind panel O tf-05, tc-06)."""
    if any(i.name in NOTHING_MORE for i in t.intents):
        return True
    # «¿alguna otra duda?», «¿algo más que quiera saber?» and only a bare yes/no or his test
    asked = "offer_more" in t.acts or cues.contains_any(t.norm, cues.phrases("anything_else"))
    own = [i for i in t.intents if i.name not in BARE and (i.name != "knowledge_test" or i.slots)]
    return asked and not own


def _decided(t: Turn) -> bool:
    """The call's decision is made: a sale taken, or a service call resolved. In a service call
    the customer «accepts» a visit or a refund early (blind panel O tc-06: the experto never
    tested anything once the visit was agreed); he still tests what he is told about it."""
    s = t.s
    if t.scenario.goal == "sale":
        return s.accepted
    # «¿Algo más?» after the service was registered: his last chance to check what he was told
    return s.hung_up or ((s.resolved or s.payment_promise) and "offer_more" not in t.acts)


def _conditions(product: Product, said: set[str] | None = None) -> list[str]:
    """The product's conditions with exactly one figure that the agent has not said yet."""
    known = said or set()
    return [
        c
        for c in product.conditions
        if len(_NUMBER.findall(c)) == 1 and _NUMBER.findall(c)[0].replace(",", "") not in known
    ]


_altered = expert_readback.altered
_figure = expert_readback.figure


def _asks(s: object) -> bool:
    """Whether this call's experto asks a real question (else he checks a changed figure);
    drawn from the seed alone, so the call's other draws stay as they were."""
    draw = random.Random(f"{getattr(s, 'seed', 0)}:expert").randrange(100)
    return draw < expert_questions.share()


def _asked(question: str) -> dict[str, str]:
    """The question as slots: ``value`` opens a sentence, ``value_lc`` follows a comma."""
    return {"value": question[:1].upper() + question[1:], "value_lc": question}


def _open_questions(
    t: Turn, anywhere: bool = False
) -> tuple[Product, list[expert_questions.Question]] | None:
    """The product in play (the last talked about first) and the questions about it whose
    answer the agent has not said yet (neither its figure nor its words); ``anywhere``: then
    the rest of the catalog in stock too (what else the company offers him)."""
    s = t.s
    said = set(s.play.get("figures", "").split())
    known = {float(x) for x in said if x.replace(".", "", 1).isdigit()}
    settled = set(s.play.get("settled", "").split())
    talked = _talked(t)
    rest = [p for p in t.scenario.catalog if p not in talked and p.in_stock] if anywhere else []
    for product in [*reversed(talked), *rest]:
        options = [
            q
            for q in expert_questions.askable(product)
            if (q.heard or not set(q.answers) & known)
            and q.topic not in settled
            and not _heard(q.question, t)
        ]
        if options:
            return product, options
    return None


def _heard(question: str, t: Turn) -> bool:
    """The question asks what the agent already answered in this call («¿en cuánto tiempo…?» after
    a delivery time was said: ``memory.topic_lines``), as the bank lines never do."""
    said = f" {normalize(question)} "
    return any(f" {line} " in said for line in memory.topic_lines(t.s.topics_heard))


def _real_question(t: Turn, anywhere: bool = False) -> dict[str, str] | None:
    """A plain question about a condition of a product in play (``anywhere``: or of the
    catalog), not answered yet."""
    s = t.s
    found = _open_questions(t, anywhere)
    if found is None:
        return None
    product, options = found
    q = options[s.rng().randrange(len(options))]
    s.play.update(kq_mode="ask", kq_topic=q.topic, kq_question=q.question, kq_product=product.id)
    return {
        "product": product.name,
        "question": "1",
        "bank": "knowledge_question",
        **_asked(q.question),
    }


def knowledge_question(t: Turn) -> dict[str, str] | None:
    """The expert's test: a real question about a condition of the product in play, or the
    check of a condition with its figure changed (``expert_questions.share`` of calls ask first;
    either falls back on the other when the catalog leaves it nothing to test)."""
    s = t.s
    said = set(s.play.get("figures", "").split())
    # the products the agent talked about (the first of the catalog when none was named yet)
    talked = _talked(t)
    if _asks(s):
        asked = _real_question(t)
        if asked is not None:
            return asked
    pool = [p for p in reversed(talked) if _conditions(p, said)]
    if not pool:
        # nothing left unsaid to ask or to check: he reads back a condition the agent stated,
        # with its figure changed, to see whether it corrects him (blind panel O tf-05)
        # (never a condition answered in words read back as its opposite: «¿o sea que sí tiene
        # plazo forzoso?» after «sin plazo forzoso» asks again what was answered; panel P sg-04)
        # nor one the agent answered asked again: he asks about what else is on offer
        return (
            _real_question(t)
            or expert_readback.claim(t, talked)
            or _real_question(t, anywhere=True)
        )
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
    s.play["kq_claim"] = claim.rstrip(".")  # said again when he repeats his check (cust-h)
    return {"product": product.name, "value": claim.rstrip(".")}


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
        # he judges the answer (cust-h): right to his question, or his planted figure corrected
        judged = "knowledge_right" if s.play.get("kq_mode") == "ask" else "knowledge_corrected"
        t.say("objection_softened", ref=top.id, bank=judged)
        return False
    asking = s.play.get("kq_mode") in ("ask", expert_readback.MODE)  # pressed once, then let go
    if asking and top.repeats == 0:  # a real question: one press on a wrong or vague answer
        top.repeats += 1
        press = "wrong" if verdict == "wrong" else "vague"
        t.say(
            "knowledge_test",
            ref=top.id,
            question="1",
            bank=f"knowledge_{press}",
            **_asked(s.play["kq_question"]),
        )
        return True
    if verdict == "wrong":
        s.objections.pop()
        s.objections_handled.append(top.id)
        s.wrong_facts += 1
        s.trust = clamp(s.trust - _dial("knowledge_wrong_trust", 25))
        s.interest = clamp(s.interest - 10)
        right = _true_condition(t)  # he corrects the agent with the catalog's figure (cust-h)
        t.say(
            "wrong_fact_reaction",
            **(
                {"bank": "knowledge_set_right", **_asked(right[:1].lower() + right[1:])}
                if right
                else {}
            ),
        )
        return True
    top.repeats += 1
    if top.repeats >= 2 and asking:
        # his question asked twice and not answered: he will look it up himself, a little less
        # sure of the agent, and goes on with the rest of the turn (a close still gets its answer)
        s.objections.pop()
        s.objections_handled.append(top.id)
        s.trust = clamp(s.trust - _dial("knowledge_unanswered_trust", 4))
        t.say(
            "knowledge_test",
            question="1",
            bank="knowledge_unanswered",
            **_asked(s.play["kq_question"]),
        )
        return False
    if top.repeats >= 2:  # asked twice and never answered: he draws his own conclusion
        s.objections.pop()
        s.objections_handled.append(top.id)
        t.causes.append("objection_ignored")
        s.objections_ignored += 1
        s.trust = clamp(s.trust - 10)
        s.patience = clamp(s.patience - 8)
    # his check said again has its figure (not «según su página: .»: cust-h)
    claim = {"value": s.play["kq_claim"]} if s.play.get("kq_claim") and not asking else {}
    product = next((p.name for p in t.scenario.catalog if p.id == s.play.get("kq_product")), "")
    t.say("objection_repeat", ref=top.id, **({**claim, "product": product} if claim else {}))
    return True
