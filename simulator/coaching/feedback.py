"""Strengths and improvements, each anchored to a turn, quoted, explained, with a better phrasing.

Coaching reads the finished scorecard and re-derives moment-level facts (which closed question,
which objection, which buying signal) with the scorer's own helpers, so every item points to the
exact turn where a better phrasing would have helped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from simulator.coaching import long_turn, situation, suggest
from simulator.coaching.phrasing import (
    answer_for,
    asks_nothing,
    need_clause,
    question_part,
)
from simulator.coaching.strengths import item as _item
from simulator.coaching.strengths import strengths
from simulator.language.display import display
from simulator.models.scorecard import Feedback, FeedbackItem, Scorecard
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.elements_data import check_field, data_phrasing
from simulator.scoring.elements_needs import (
    asks_about_someone_else,
    customer_questions,
    is_answered,
    need_turns,
    open_asks,
)
from simulator.scoring.elements_objections import objection_turns, response_turn
from simulator.scoring.elements_opening import is_identity_check, opening_turns
from simulator.scoring.metrics import (
    buying_signal_turns,
    follows_signal,
    longest_run,
    signals_judged,
)
from simulator.scoring.rubric import rule
from simulator.scoring.slots import slots

MAX_IMPROVEMENTS = 8
Hint = Mapping[str, Any] | None
ERROR_SKILL = {
    "disrespect": "phone_etiquette",
    "inaccurate_information": "product_knowledge",
    "confidential_disclosure": "data_management",
    "sale_without_consent": "closing",
    "ignores_do_not_call": "customer_type_handling",
    "no_personalization": "phone_etiquette",
    "hold_without_permission": "phone_etiquette",
    "hold_without_thanks": "phone_etiquette",
    "hold_too_long": "phone_etiquette",
    "missing_farewell": "phone_etiquette",
    "fillers": "phone_etiquette",
    "interrupting": "active_listening",
    "unbacked_claim": "product_knowledge",
}


def _errors(ctx: CallContext, card: Scorecard) -> list[FeedbackItem]:
    items = []
    for error in card.critical_errors + card.non_critical_errors:
        kind = "critical" if error in card.critical_errors else "non_critical"
        name = display("critical_error" if kind == "critical" else "non_critical_error", error.code)
        prefix = "Error crítico: " if kind == "critical" else ""
        turn = error.turn if error.turn and error.turn <= ctx.n_turns else None
        items.append(
            FeedbackItem(
                skill=ERROR_SKILL.get(error.code, "phone_etiquette"),
                turn=turn,
                quote=error.evidence
                if turn and error.evidence
                else (tx.quote(ctx.text(turn)) if turn else None),
                message=f"{prefix}{name}. {error.explanation}",
                why=rule(error.code, kind).description,  # type: ignore[arg-type]
                try_saying=error.better_phrasing,
            )
        )
    return items


_CHOICE = re.compile(r"\w \bo\b (?!sea\b)\w+")  # «¿… X o Y?»: options offered, not a yes/no
_NOT_PROBING = re.compile(
    r"\b(?:me permite|permitame|me regala|me da chance|me espera|me lo (?:vuelve a decir|repite)"
    r"|me repite|me podria repetir|algo mas)\b"
)  # asking permission or a repetition is no probing question
# an accented interrogative or an invitation to tell: the question is open, whatever its tail
_ASKS_OPEN = re.compile(
    r"\b(?:qué|cómo|cuál|cuáles|cuánto|cuánta|cuántos|cuántas|quién|quiénes|dónde|cuándo"
    r"|cuénteme|platíqueme|me cuenta|me platica)\b",
    re.IGNORECASE,
)


def _question_sentence(text: str) -> str:
    """The sentence of the last question, lead-in included («Y me cuenta qué luces ve, ¿están
    en rojo?»): the scorer's question part reads only the tail inside «¿…?»."""
    end = text.rfind("?")
    if end < 0:
        return text
    start = max(text.rfind(".", 0, end), text.rfind("!", 0, end)) + 1
    return text[start : end + 1]


def _fair_closed(ctx: CallContext, n: int) -> bool:
    """A closed question a trainer would not flag: the turn also asks an open one (the closed
    part gives examples), it offers options («¿la prefiere de 9 a 13 o de 14 a 18?»), it asks
    permission (to hold, for a minute) or a repetition, it offers more help, the customer
    answered it by telling the situation, or it clarifies a need already told after an open
    question (blind panel, session 10)."""
    if ctx.has(n, "open_question", "hold_request", "offer_more"):
        return True
    asked = tx.fold(question_part(ctx.text(n)))
    if _CHOICE.search(asked) or _NOT_PROBING.search(asked):
        return True
    if _ASKS_OPEN.search(_question_sentence(ctx.text(n))):
        return True
    needs = need_turns(ctx)
    answer = [c for c in ctx.customer_turns if c > n][:1]
    if answer and answer[0] in needs:
        return True
    # in a service call «¿en qué le puedo ayudar?» is the open question; a closed check clarifies
    opener = ("open_question",) if ctx.selling else ("open_question", "offer_help")
    asked_open = any(ctx.has(a, *opener) for a in ctx.agent_turns if a < n)
    return asked_open and any(c < n for c in needs)


def _probing(ctx: CallContext, card: Scorecard) -> list[FeedbackItem]:
    limit = ctx.probing_limit
    open_before = [
        n
        for n in ctx.agent_turns
        if n < limit and ctx.has(n, "open_question") and not is_identity_check(ctx, n)
    ]
    if open_asks(ctx, open_before) >= 3:
        return []
    kinds = suggest.keys(ctx)
    # an emergency is probed with quick closed checks of safety and damage (panels F and G)
    if "assistance_service" in kinds and situation.probing(ctx, kinds, 1).asked:
        return []
    opening = {
        n
        for n in opening_turns(ctx)
        if ctx.has(n, "greeting", "company_id", "agent_id", "offer_help")
    }
    closed = [
        n
        for n in ctx.agent_turns
        if n < limit
        and n not in opening
        and ctx.has(n, "closed_question")
        and not ctx.has(n, "data_request", "data_confirmation")  # «¿me dicta su póliza?» asks data
        and not tx.cue("check_question").search(ctx.folded[n - 1])  # «¿le queda claro?» checks
        and not tx.cue("fact_question").search(tx.fold(question_part(ctx.text(n))))
        and not is_identity_check(ctx, n)
        and not _fair_closed(ctx, n)
    ]
    why = (
        "Las preguntas cerradas solo obtienen «sí» o «no»; una pregunta abierta hace que el "
        "cliente le cuente su situación y su necesidad."
    )
    if closed:
        n = closed[0]
        q = question_part(ctx.text(n))
        return [
            _item(
                ctx,
                "probing",
                n,
                f"Hizo una pregunta cerrada («{q}») donde convenía una abierta.",
                why,
                suggest.open_question(ctx, ctx.text(n)),
                hint=q,
            )
        ]
    # collections: telling the debt is why the call is made, not a pitch (panel u-01)
    if ctx.first_presentation and not open_before and ctx.kind != "collections":
        n = ctx.first_presentation
        return [
            _item(
                ctx,
                "probing",
                n,
                "Presentó el producto sin antes preguntar por la situación del cliente.",
                why,
                suggest.first_question(ctx),
            )
        ]
    return []


def _objections(ctx: CallContext) -> list[FeedbackItem]:
    items = []
    for n in objection_turns(ctx):
        if response_turn(ctx, n) is not None:
            continue
        kind = ctx.objection_type(n)
        nxt = ctx.next_agent(n)
        target = nxt[0] if nxt else n
        label = display("objection_type", kind) if kind else "objeción"
        items.append(
            _item(
                ctx,
                "objection_handling",
                target,
                f"La objeción del cliente en el turno {n} ({label}) no se atendió.",
                "Con LAER (escuchar, reconocer, explorar, responder) el cliente siente que lo escuchan y la objeción se resuelve en lugar de crecer.",
                suggest.objection(ctx, kind),
            )
        )
    return items[:2]


def _buying_signals(ctx: CallContext) -> list[FeedbackItem]:
    if not signals_judged(ctx):
        return []
    for s in buying_signal_turns(ctx):
        nxt = ctx.next_agent(s, 2)
        if follows_signal(ctx, s):
            continue
        target = nxt[0] if nxt else s
        return [
            _item(
                ctx,
                "buying_signals",
                target,
                f"El cliente dio una señal de compra en el turno {s} y no se aprovechó para cerrar.",
                "Una pregunta sobre precio, fecha o forma de pago indica interés: es el momento de un cierre de prueba o de un cierre.",
                suggest.signal_close(ctx, ctx.has(s, "question")),
            )
        ]
    return []


def _no_close(ctx: CallContext, card: Scorecard) -> list[FeedbackItem]:
    if (
        not ctx.selling
        or card.metrics.get("close_attempts")
        or any(e.code == "ignores_do_not_call" for e in card.critical_errors)
    ):
        return []
    presented = [n for n in ctx.agent_turns if ctx.has(n, "benefit", "feature")]
    target = presented[-1] if presented else (ctx.agent_turns[-1] if ctx.agent_turns else None)
    return [
        _item(
            ctx,
            "closing",
            target,
            "No hubo ningún intento de cierre en la llamada.",
            "El estándar pide al menos un intento de cierre por llamada; sin pedir la decisión no hay venta.",
            suggest.close_attempt(ctx),
        )
    ]


# why a wrong or unconfirmed field matters, in the words of the call's kind (ux-d)
_DATA_WHY = {
    "sale": "Un dato mal capturado o sin confirmar genera un nuevo contacto y puede invalidar la venta.",
    "service": "Un dato mal capturado o sin confirmar genera un nuevo contacto y retrasa la solución.",
    "complaint": "Un dato mal capturado o sin confirmar genera un nuevo contacto y retrasa la solución.",
    "collections": "Un dato mal capturado o sin confirmar genera un nuevo contacto y puede invalidar el acuerdo de pago.",
}


def _data(ctx: CallContext, card: Scorecard) -> list[FeedbackItem]:
    element = card.elements.get("data_management")
    if element is None or element.met is not False:
        return []
    checks = [check_field(ctx, name) for name in dict.fromkeys(ctx.transcript.required_fields)]
    turns = [c.said_turn for c in checks if c.said_turn]
    target = max(turns) if turns else (ctx.agent_turns[-1] if ctx.agent_turns else None)
    # all fields right, element failed for another reason (identity): say it, never «Datos: .»
    problems = "; ".join(p for c in checks for p in c.problems[:1]) or "; ".join(
        m[:1].lower() + m[1:] for m in element.missing[:2]
    )
    if not problems:
        return []
    return [
        _item(
            ctx,
            "data_management",
            target,
            f"Datos: {problems}.",
            _DATA_WHY.get(ctx.kind, _DATA_WHY["sale"]),
            data_phrasing(checks, ctx.kind),
        )
    ]


def _unanswered(ctx: CallContext) -> list[FeedbackItem]:
    for q in customer_questions(ctx):
        question = question_part(ctx.text(q))
        if not is_answered(ctx, q) and not asks_nothing(question):
            return [
                _item(
                    ctx,
                    "active_listening",
                    q,
                    "El cliente hizo una pregunta que no se respondió.",
                    "Responder lo que el cliente pregunta es parte del protocolo: las respuestas deben corresponder a las preguntas.",
                    answer_for(question, slots(ctx)["cliente"], asks_about_someone_else(ctx, q)),
                    hint=question,
                )
            ]
    return []


def _protocol(ctx: CallContext, card: Scorecard) -> list[FeedbackItem]:
    items = []
    opening = card.elements.get("opening_protocol")
    if opening is not None and opening.met is False and ctx.agent_turns:
        items.append(
            _item(
                ctx,
                "phone_etiquette",
                ctx.agent_turns[0],
                "Inicio incompleto: faltó " + "; ".join(opening.missing).lower() + ".",
                rule("opening_protocol", "element").description,
                suggest.opening(ctx),
            )
        )
    closing = card.elements.get("call_closing")
    protocol_missing = [m for m in (closing.missing if closing else []) if "venta" not in m]
    if closing is not None and protocol_missing and ctx.agent_turns:
        items.append(
            _item(
                ctx,
                "phone_etiquette",
                ctx.agent_turns[-1],
                "Cierre de llamada incompleto: faltó " + "; ".join(protocol_missing).lower() + ".",
                rule("call_closing", "element").description,
                suggest.closing(ctx),
            )
        )
    return items


def _delivery(ctx: CallContext, card: Scorecard, hint: Hint = None) -> list[FeedbackItem]:
    items = []
    words, run = longest_run(ctx)
    if long_turn.worth_splitting(ctx, words, run, hint):
        n = max(run, key=lambda t: ctx.words[t - 1])
        items.append(
            _item(
                ctx,
                "customer_type_handling",
                n,
                f"Monólogo de {words} palabras sin dejar hablar al cliente.",
                "Los discursos largos pierden al cliente; una idea por turno y una pregunta para comprobar.",
                long_turn.monologue_line(ctx, n),
            )
        )
    product = [n for n in ctx.agent_turns if ctx.has(n, "feature")]
    needs = need_turns(ctx)
    element = card.elements.get("product_information")
    untied = element is not None and any("beneficio" in m for m in element.missing)
    if product and untied:
        # the first need told in a clean sentence (never a greeting or a question, panel G)
        told = [c for c in (need_clause(ctx.text(n)) for n in needs) if c != "…"]
        need = told[0] if told else "…"
        items.append(
            _item(
                ctx,
                "product_knowledge",
                product[0],
                "Dio características sin ligarlas a lo que el cliente necesita.",
                "El cliente compra beneficios para su situación, no listas de características.",
                suggest.benefit_tie(ctx, need),
            )
        )
    return items


def build(ctx: CallContext, card: Scorecard, hint: Hint = None) -> Feedback:
    improvements = _errors(ctx, card)[:4]
    for part in (
        _probing(ctx, card),
        _objections(ctx),
        _buying_signals(ctx),
        _no_close(ctx, card),
        _data(ctx, card),
        _unanswered(ctx),
        _protocol(ctx, card),
        _delivery(ctx, card, hint),
    ):
        improvements.extend(part)
    seen: set[tuple[str, int | None]] = set()
    unique = []
    for item in improvements:
        keys = {(item.message[:40], item.turn), (item.try_saying or item.message, item.turn)}
        if not keys & seen:
            seen |= keys
            unique.append(item)
    return Feedback(strengths=strengths(ctx, card), improvements=unique[:MAX_IMPROVEMENTS])
