"""Element ``needs_detection``: open probing before presenting, needs discovered, questions answered.

The identity check of the opening does not count as probing, nor does a greeting that says why
the agent calls; a closed question about the customer's situation whose reply states a need does
(it drew the need out). A customer question counts as answered when the next agent turn shares
its topic words, or gives an amount to a price question, a date to a "when" question, starts the
sale to «¿cómo le hago para contratarlo?», or starts like an answer (sí, claro, cuesta…); a
question about another's account, by a polite refusal (a pitch that ignores it is no answer). One
question left unanswered by an agent who answered several others is a coaching point, not a
failed element (panels C, D: a stray question at the end was the only "fault" of excellent agents).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from simulator.analysis import conduct
from simulator.analysis.clauses import clauses_of, is_open, split_clauses
from simulator.analysis.lexicon import agent_patterns
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.debt_probes import collections_probes as collections_probes
from simulator.scoring.elements_opening import has_opening_act, is_identity_check
from simulator.scoring.judged import Judged, judged, kind_not_applicable
from simulator.scoring.slots import slots

SHORT_REPLY = 6
LATE_TURNS = 3  # a question may be answered up to two agent turns after the first reply
_QUESTION = re.compile(r"¿?([^¿?.!]*)\?")
ANSWER_ACTS = (
    "objection_response",
    "empathy",
    "hold_request",
    "data_confirmation",
    "feature",
    "benefit",
    "paraphrase",
)
SITUATION_WORDS = 6
# One ignored question is forgiven when at least this many other customer questions were answered.
ANSWERED_TO_FORGIVE_ONE = 3
MISSING = {
    "open_before": "Al menos una pregunta abierta de sondeo antes de presentar el producto",
    "needs_found": "Descubrir una necesidad del cliente (que el cliente la exprese)",
    "answers": "Responder cada pregunta del cliente",
}


def probing_questions_before_presentation(ctx: CallContext) -> list[int]:
    limit = ctx.probing_limit
    found = [
        n
        for n in ctx.agent_turns
        if n < limit and ctx.has(n, "open_question") and not is_identity_check(ctx, n)
    ]
    if not found and not ctx.is_outbound:
        # an inbound call: «¿En qué le puedo ayudar?» is the probe when the customer then says
        # what they need (external dev calls judged so by the expert)
        asked = [n for n in ctx.agent_turns[:3] if n < limit and asks_how_to_help(ctx, n)]
        if asked and any(w > asked[0] for w in need_turns(ctx)):
            found = asked[:1]
    if not found:
        # a closed question (or a datum asked with it: panel O tg-06) whose reply states a need
        # probed («¿para usted o también su familia?» — «para mi familia»); an identity check not
        needs = set(need_turns(ctx))
        found = [
            n
            for n in ctx.agent_turns
            if (n < limit or _idea_then_probe(ctx, n, limit, needs))
            and (n + 1 in needs or _tells_situation(ctx, n))
            and ctx.has(n, "closed_question", "data_request")
            and (not ctx.has(n, "data_request") or n + 1 in needs)  # a datum + «para mi familia»
            and not ctx.has(n, "close", "trial_close", "offer_more")
            and not ctx.has(n, "data_confirmation")
            and not is_identity_check(ctx, n)
        ][:1]
    return found


def _idea_then_probe(ctx: CallContext, n: int, limit: int, needs: set[int]) -> bool:
    """The turn taken as the first presentation gives only the idea, with no price, and asks
    about the customer's situation, whose reply states a need («La idea corta: un seguro que pague
    la cirugía… una sola pregunta: ¿lo quiere para usted solo o también para su familia?» to a
    customer who asked to get to the point): it probed (panel ve-04, session 23)."""
    return (
        n == limit
        and n + 1 in needs
        and ctx.text(n).rstrip().endswith("?")
        and not any(a.is_money for a in ctx.amounts(n))
    )


def _tells_situation(ctx: CallContext, n: int) -> bool:
    """The customer's reply to agent turn ``n`` tells about their situation: several words of
    their own, no objection, refusal or datum («¿trabaja por su cuenta y tiene algún
    padecimiento?» — «Trabajo por mi cuenta desde hace dos años, ya no tengo IMSS»: panel J
    yh-01). A closed question that drew that out probed."""
    reply = n + 1
    return (
        reply <= ctx.n_turns
        and ctx.speaker(reply) == "customer"
        and not ctx.has(reply, "objection", "refusal", "data_given", "acceptance", "question")
        and ctx.words[reply - 1] >= SITUATION_WORDS + 2
    )


def asks_how_to_help(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` asks how it can help («¿En qué le puedo ayudar?»): a question that offers
    help. A greeting that says why the agent calls («Le llamo porque tiene una tarjeta
    preaprobada», also read as an offer of help) asks the customer nothing (panel I yb-02)."""
    if not ctx.has(n, "offer_help"):
        return False
    offer = agent_patterns()["offer_help"]
    return any(
        c.question and offer.search(c.norm[c.qstart :]) for c in clauses_of(ctx.text(n)[:4000])
    )


# An interrogative after «y» in an open question asks a second thing («¿para quién es el regalo y
# qué uso le va a dar?»); «lo que», «el que» are no interrogative.
_WH = re.compile(
    r"(?<!lo )(?<!el )(?<!la )(?<!de )\b(?:que|quien|quienes|como|cuanto|cuanta|cuantos|cuantas|"
    r"cual|cuales|donde|cuando)\b"
)
MAX_ASKS_PER_TURN = 2


def open_asks(ctx: CallContext, turns: Sequence[int]) -> int:
    """The open questions asked in ``turns``, two in one turn counted as two (at most two a
    turn): «¿Para quién es el regalo y qué uso le va a dar?» explores twice (panel F)."""
    total = 0
    for n in turns:
        clauses = [c for c in split_clauses(ctx.text(n)[:4000]) if c.question and is_open(c)]
        asks = sum(
            1 + sum(bool(_WH.search(part)) for part in c.norm.split(" y ")[1:]) for c in clauses
        )
        total += min(MAX_ASKS_PER_TURN, max(asks, 1))
    return total


def need_turns(ctx: CallContext) -> list[int]:
    """Customer turns stating a need (a purchase decision is not a need statement)."""
    if "need_turns" not in ctx.memo:
        ctx.memo["need_turns"] = _need_turns(ctx)
    return list(ctx.memo["need_turns"])


def _need_turns(ctx: CallContext) -> list[int]:
    acts = ("need_statement",) if ctx.selling else ("need_statement", "complaint")
    found = []
    for n in ctx.customer_turns:
        if ctx.has(n, "acceptance") and not _describes_situation(ctx, n):  # panel N ub-06
            continue
        if ctx.has(n, *acts) or _describes_situation(ctx, n):
            found.append(n)
    return found


def _describes_situation(ctx: CallContext, n: int) -> bool:
    """A real answer (several words, no objection) to the agent's open probing question."""
    prev = ctx.prev_agent(n)
    return (
        prev == n - 1
        and ctx.has(prev, "open_question")
        and not ctx.has(n, "objection", "refusal", "data_given")
        and ctx.words[n - 1] >= SITUATION_WORDS
    )


def customer_questions(ctx: CallContext) -> list[int]:
    """Customer turns with a question that calls for an answer (not «¿y usted?» or «¿me oye?»)."""
    if "questions" not in ctx.memo:
        ctx.memo["questions"] = [
            n for n in ctx.customer_turns if ctx.has(n, "question") and not _only_phatic(ctx, n)
        ]
    return list(ctx.memo["questions"])


def _only_phatic(ctx: CallContext, n: int) -> bool:
    text = ctx.text(n)[:4000]
    if "?" in text and tx.cue("customer_moves_on").search(tx.fold(text.rsplit("?", 1)[1])):
        return True  # «¿Cuál es la idea? No, nada más.»: the customer answered it and is closing
    if "?" in text and tx.cue("customer_goes_ahead").search(tx.fold(text.rsplit("?", 1)[1])):
        return True  # «¿Y entonces qué? Sí, ándele, hágale.»: rhetorical, the customer goes ahead
    clauses = [tx.fold(m.group(1)) for m in _QUESTION.finditer(text)]
    clauses = [c for c in clauses if c]
    phatic, fragment = tx.cue("phatic_question"), tx.cue("fragment_question")
    return bool(clauses) and all(phatic.search(c) or fragment.search(c.strip()) for c in clauses)


def ignored_questions(ctx: CallContext) -> list[int]:
    """The customer questions left unanswered that fail the element: all of them, except a single
    one among several answered (see the module docstring)."""
    questions = customer_questions(ctx)
    ignored = [q for q in questions if not is_answered(ctx, q)]
    if len(ignored) == 1 and len(questions) - 1 >= ANSWERED_TO_FORGIVE_ONE:
        return []
    return ignored


def is_answered(ctx: CallContext, q: int) -> bool:
    """Does the agent reply to customer question ``q`` answer it?

    The reply is the next agent turn; when that turn is very short ("ahorita lo checo") or asks
    for a hold, the agent turn after it counts too.
    """
    key = f"answered:{q}"
    if key not in ctx.memo:
        ctx.memo[key] = _is_answered(ctx, q)
    return bool(ctx.memo[key])


def _is_answered(ctx: CallContext, q: int) -> bool:
    nxt = ctx.next_agent(q, 2)
    if not nxt:
        return True  # the call ended on the customer's words: nothing was ignored
    if nxt[0] != q + 1:
        return True  # the customer kept talking; judge only direct replies
    replies = nxt[:1]
    if len(nxt) > 1 and (ctx.words[nxt[0] - 1] < SHORT_REPLY or ctx.has(nxt[0], "hold_request")):
        replies = nxt
    if any(_answers(ctx, q, a) for a in replies):
        return True
    # a late answer: «¿y la instalación?» answered two turns later, on its topic, still counts
    return any(_answers_late(ctx, q, a) for a in ctx.next_agent(q, LATE_TURNS)[1:])


def _answers_late(ctx: CallContext, q: int, a: int) -> bool:
    """A later agent turn answers ``q`` only on its topic (shared words, or an amount to a price
    question)."""
    q_fold = ctx.folded[q - 1]
    if asks_about_someone_else(ctx, q):
        return conduct.refuses_disclosure(ctx.text(a))
    if ctx.content_words(q) & ctx.content_words(a):
        return True
    if tx.cue("time_question").search(q_fold):
        # «¿cuándo?» answered late only on its topic («la instalación es en 72 h») or with a time
        # («¿cuánto van a tardar?» — «vamos a atenderlo de inmediato»)
        return bool(tx.cue("time_given").search(ctx.folded[a - 1]))
    return bool(tx.cue("price_question").search(q_fold) and ctx.amounts(a))


def asks_about_someone_else(ctx: CallContext, q: int) -> bool:
    """«¿Mi vecina ya pagó su recibo?»: a trap question whose right answer is a refusal."""
    folded = ctx.folded[q - 1]
    return bool(tx.cue("third_party_person").search(folded)) and bool(
        tx.cue("third_party_data").search(folded)
    )


def _answers(ctx: CallContext, q: int, a: int) -> bool:
    q_fold, a_fold = ctx.folded[q - 1], ctx.folded[a - 1]
    if conduct.refuses_disclosure(ctx.text(a)):
        return True  # a polite «no me es posible» answers a request for others' data
    overlap = bool(ctx.content_words(q) & ctx.content_words(a))
    if asks_about_someone_else(ctx, q):
        # Only a refusal (or a reply on its topic: «sí/no…», shared words) answers a trap
        # question; empathy or a sales pitch that ignores it does not.
        return overlap or bool(tx.cue("direct_reply_start").search(a_fold))
    if overlap:
        return True
    if tx.cue("price_question").search(q_fold) and (
        ctx.amounts(a) or tx.cue("price_answer").search(a_fold)
    ):
        return True
    if tx.cue("time_question").search(q_fold) and tx.cue("time_answer").search(a_fold):
        return True
    if ctx.has(a, *ANSWER_ACTS):
        return True
    if tx.cue("purpose_question").search(q_fold) and tx.cue("purpose_answer").search(a_fold):
        return True  # «¿Para qué llama?» — «Le llamo por su tarjeta de crédito»
    if tx.cue("procedure_question").search(q_fold) and ctx.has(a, "close", "data_request"):
        return True  # «¿Cómo le hago para contratarlo?» — «Se lo hago ahorita: ¿me da su correo?»
    if tx.cue("reason_question").search(q_fold) and tx.cue("reason_answer").search(a_fold):
        return True  # «¿A qué viene eso?» — «Le pregunto para saber si le quedó claro»
    if tx.cue("trust_question").search(q_fold) and tx.cue("trust_answer").search(a_fold):
        return True  # «¿Cómo sé que es del banco?» — «puede colgar y marcar al número oficial»
    if tx.cue("personal_question").search(q_fold) and tx.cue("personal_answer").search(a_fold):
        return True  # «¿Y usted de dónde es?» — «Soy de aquí, de la Ciudad de México»
    if _remark(ctx, q) and tx.cue("remark_reaction").search(a_fold):
        return True  # «¿ya vio que se fue el agua?» — «¡No me diga, qué lata!»
    if ctx.has(a, "data_request") and tx.cue("data_question").search(q_fold):
        return True  # «¿Qué datos le doy?» — «Me falta su correo y la dirección de envío»
    if ctx.amounts(q) and ctx.amounts(a):
        return True  # «¿me queda en 5,499?» — «cuesta 6,299»
    if q < (ctx.agent_turns[0] if ctx.agent_turns else 0) + 3 and has_opening_act(ctx, a):
        return True  # «¿Bueno? ¿Quién habla?» answered by the opening
    return bool(tx.cue("answer_start").search(a_fold))


def _remark(ctx: CallContext, q: int) -> bool:
    """Every question of customer turn ``q`` is small talk that tells something («¿ya vio que…?»)."""
    asked = [tx.fold(m.group(1)).strip() for m in _QUESTION.finditer(ctx.text(q)[:4000])]
    asked = [c for c in asked if c]
    return bool(asked) and all(tx.cue("remark_question").search(c) for c in asked)


def _collections(ctx: CallContext) -> Judged:
    """Collections: explore why the payment fell behind and what the debtor can pay (the cause
    and the capacity), with any question — open or an alternative («¿un pago o en
    mensualidades?») — before or while proposing the arrangement; and answer every question."""
    explored = collections_probes(ctx)
    ignored = ignored_questions(ctx)
    parts = {"explored": bool(explored), "answers": not ignored}
    missing = {
        "explored": MISSING_COLLECTIONS,
        "answers": "Responder cada pregunta del cliente"
        + (f" (sin respuesta: turno {', '.join(str(q) for q in ignored[:5])})" if ignored else ""),
    }
    cited = [t for q in ignored[:3] for t in (q, *ctx.next_agent(q)[:1])] + explored[:3]
    evidence = [ctx.evidence(n) for n in list(dict.fromkeys(cited))[:8]]
    result = judged(parts, missing, evidence, "needs_detection", slots(ctx))
    result.facts.update(open_before=explored, needs=need_turns(ctx), ignored=ignored)
    return result


def probing_count(ctx: CallContext, kinds: Sequence[str]) -> int:
    """The questions the coaching plan's probing goal counts: open ones before the presentation;
    in collections before the arrangement; in an emergency service also the quick closed checks
    of safety and damage («¿ya cerró la llave de paso?», panel E), never data requests."""
    if ctx.kind == "collections":
        return sum(ctx.has(n, "open_question") for n in collections_probes(ctx))
    found = probing_questions_before_presentation(ctx)
    asked = open_asks(ctx, found)
    if "assistance_service" in kinds:
        checks = [
            n
            for n in ctx.agent_turns
            if ctx.has(n, "closed_question")
            and not ctx.has(n, "data_request", "data_confirmation", "offer_more")
            and not is_identity_check(ctx, n)
        ]
        # «¿ya cerró la llave? ¿y el agua alcanzó algún mueble?»: two checks in one turn count
        # as two, as two open questions do (panel J yl-01)
        return asked + sum(_asks_in(ctx, n) for n in set(checks) - set(found))
    return asked


def _asks_in(ctx: CallContext, n: int) -> int:
    """The questions of agent turn ``n`` (at least one, at most ``MAX_ASKS_PER_TURN``)."""
    asked = sum(1 for c in split_clauses(ctx.text(n)[:4000]) if c.question)
    return min(MAX_ASKS_PER_TURN, max(asked, 1))


MISSING_COLLECTIONS = (
    "Indagar la causa del atraso y la capacidad de pago antes de proponer un arreglo"
)


def judge(ctx: CallContext) -> Judged:
    skipped = kind_not_applicable("needs_detection", ctx.kind)
    if skipped is not None:
        return skipped
    if ctx.kind == "collections":
        return _collections(ctx)
    open_before = probing_questions_before_presentation(ctx)
    needs = need_turns(ctx)
    ignored = ignored_questions(ctx)
    parts = {"open_before": bool(open_before), "needs_found": bool(needs), "answers": not ignored}
    if not ctx.selling and needs and not open_before:
        # Inbound service: the customer states the need unprompted; no sales probing is owed.
        del parts["open_before"]
    # Unanswered questions come first (and the agent reply that skipped them): they are why
    # the element failed, so they must survive the evidence cap.
    cited = [t for q in ignored[:3] for t in (q, *ctx.next_agent(q)[:1])]
    # the agent's probes show the element; the customer's need statements only when no probe
    # drew them out (an inbound caller who told the need unasked) — panel J: «cita líneas del
    # cliente como evidencia del desempeño del agente»
    cited += open_before[:3] + ([] if open_before else needs[:2])
    evidence = [ctx.evidence(n) for n in list(dict.fromkeys(cited))[:8]]
    missing = dict(MISSING)
    if ignored:
        listing = ", ".join(str(q) for q in ignored[:5])
        missing["answers"] = f"Responder cada pregunta del cliente (sin respuesta: turno {listing})"
    if not open_before and ctx.first_presentation:
        missing["open_before"] += f" (presentó en el turno {ctx.first_presentation} sin sondear)"
    result = judged(parts, missing, evidence, "needs_detection", slots(ctx))
    result.facts.update(
        open_before=open_before,
        open_asked=open_asks(ctx, open_before),
        needs=needs,
        ignored=ignored,
    )
    return result
