"""Agent dialogue acts (docs/formats.md §4): rules over lexicons, function beats form.

A question whose job is to request or confirm data, ask for hold, offer help, close or offer more
carries that act instead of open/closed_question; paraphrase and objection_response need the
customer's previous turn as context.
"""

from __future__ import annotations

import re
from functools import lru_cache

from simulator.analysis import conduct, disrespect_shapes, offensive, talking_down
from simulator.analysis.clauses import Clause, is_open, is_question, split_clauses
from simulator.analysis.close_forms import deal_tag_closes, proposal_opinion_closes
from simulator.analysis.customer import objection_alone
from simulator.analysis.figures_back import _gives_figure_back
from simulator.analysis.greeting_forms import _resolve_greeting, _topic_que_tal
from simulator.analysis.lexicon import agent_hit, agent_patterns
from simulator.analysis.overlap import content_lemmas, content_overlap, shared_words
from simulator.language.extract import extract_email, extract_phone
from simulator.language.normalize import MAX_CHARS, fold, normalize
from simulator.language.numbers import extract_amounts
from simulator.models.acts import AGENT_ACTS

# Acts matched clause by clause straight from the lexicon.
_LEXICAL = (
    "greeting",
    "company_id",
    "agent_id",
    "offer_help",
    "offer_more",
    "hold_request",
    "hold_return",
    "data_request",
    "data_confirmation",
    "empathy",
    "feature",
    "benefit",
    "trial_close",
    "close",
    "cross_sell",
    "thanks",
    "farewell",
    "disrespect",
)
# Generic question-only forms (see the ``*_q`` keys of acts_agent.yaml) and the act they mark.
_QUESTION_ONLY = {
    "close_q": "close",
    "offer_more_q": "offer_more",
    "data_request_q": "data_request",
    "trial_close_q": "trial_close",
}
# A question clause carrying one of these acts is not labelled open/closed (function over form).
_FUNCTIONAL = {
    "data_request",
    "data_confirmation",
    "hold_request",
    "hold_return",
    "offer_help",
    "offer_more",
    "close",
    "greeting",
    "disrespect",
}
# Acts that show the agent answered or explored an objection (not only acknowledged it).
_ANSWERS = {
    "open_question",
    "closed_question",
    "feature",
    "benefit",
    "cross_sell",
    "close",
    "trial_close",
    "offer_help",
}
# In a question clause these only count when stated, not asked ("¿tiene algún seguro…?").
_STATEMENT_ONLY = ("feature", "benefit")
_STATED_IN_QUESTION = re.compile(r"^(?:y )?(?:sabia|sabe|sabias) (?:usted )?que ")
_HEARD_YOU = re.compile(
    r"(?:entiendo|comprendo|le entiendo|ya veo|claro) lo que (?:usted )?me (?:dice|comenta|esta diciendo)"
    r"(?! (?:es que|de|que|sobre|del|con)\b)"
)
_STRONG_PARAPHRASE = re.compile(
    r"^(?:.* )?(?:o sea que|osea que|si (?:le |la |lo )?entend[io] bien|si no me equivoco|"
    r"lo que (?:usted )?me (?:dice|comenta|esta diciendo|quiere decir)|es decir|en otras palabras|"
    r"a ver si (?:le |la |lo )?entend[io]|me esta diciendo que)(?: |$)"
)
# Words that say the agent is giving back what the customer said («para confirmar que le
# entendí: …», «usted me dijo que…», «entonces lo importante es…»): a paraphrase even inside a
# read-back and without a shared word (panel F: «no se quede sin pila» for «la batería»).
_GIVES_BACK = re.compile(
    r"(?:^| )(?:(?:para )?confirmar (?:que|si) (?:le|la|lo|les) entend[io]|"
    r"(?:usted|ya) me (?:dijo|comento|platico|conto|menciono) que|"
    r"entonces lo (?:mas )?importante (?:para (?:usted|ustedes) )?es)(?: |$)"
)
# An acknowledgement word before a restatement («Entiendo, son dos clases a la misma hora»).
_ACK_LEAD = re.compile(r"^(?:ah |ok )?(?:entiendo|ya veo|claro|ah ok|perfecto|ok) ")
_NOT_PARAPHRASE = {"close", "data_request", "data_confirmation", "hold_request", "offer_more"}
# A receipt word followed by punctuation opens the turn ("Entiendo, …", "Claro. …").
_RAW_ACK = re.compile(
    r"^\s*[!¡]*\s*(?:si,? )?(?:claro|entiendo|comprendo|perfecto|muy bien|excelente|ok|okey|aja|"
    r"de acuerdo|correcto|ya veo|va|sale|listo|entendido|orale|por supuesto|le entiendo|"
    r"lo entiendo|la entiendo)\s*[,.!;:…]"
)
_PHONE_GIVEN = re.compile(r"(?:llamar|marcar|comunicarse|llame|marque|linea)\s+(?:al|a)\s*$")


def _said_down(clauses: list[Clause], idx: int) -> bool:
    """The clause talks down, read with the clause before it: help offered just before
    («claro, dígame, ¿qué parte no le quedó clara?») makes the shape a service (conduct.py)."""
    here = clauses[idx].norm
    if conduct.disrespect_kind(here) is None:
        return False
    return not idx or conduct.disrespect_kind(f"{clauses[idx - 1].norm} {here}") is not None


def _match_clauses(clauses: list[Clause]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for idx, clause in enumerate(clauses):
        asked = clause.question and not _STATED_IN_QUESTION.match(clause.norm)
        for act in _LEXICAL:
            if asked and act in _STATEMENT_ONLY:
                continue
            if (
                agent_hit(act, clause.norm) and (act != "disrespect" or _said_down(clauses, idx))
            ) or (
                act == "disrespect"
                and (offensive.insult(clause.norm) or conduct.mocking_laughter(clause.norm))
            ):
                # a denied threat («nadie lo va a embargar») is no disrespect (conduct.py); an
                # offensive word said of the listener is (offensive.py)
                found.setdefault(act, []).append(idx)
        # a payment method to choose closes, unless the agent asks how the customer pays today
        if (
            idx not in found.get("close", ())
            and agent_hit("payment_choice", clause.norm)
            and not (clause.question and agent_hit("current_habit", clause.norm))
        ):
            found.setdefault("close", []).append(idx)
        if agent_hit("time_ask", clause.norm):
            if idx in found.get("hold_request", ()):
                found["hold_request"].remove(idx)
                if not found["hold_request"]:
                    del found["hold_request"]
            found.setdefault("offer_help", []).append(idx)
        if clause.question and _reads_back(clause.norm):
            found.setdefault("data_confirmation", []).append(idx)
        if clause.question:
            tail = clause.norm[clause.qstart :]
            wh_question = is_open(clause)
            for key, act in _QUESTION_ONLY.items():
                if idx in found.get(act, ()) or (act == "close" and wh_question):
                    continue
                if act == "data_request" and idx in found.get("data_confirmation", ()):
                    continue
                if agent_hit(key, tail):
                    found.setdefault(act, []).append(idx)
    return found


def _drop_if_covered(found: dict[str, list[int]], weaker: str, stronger: str) -> None:
    if weaker in found and stronger in found and set(found[weaker]) <= set(found[stronger]):
        del found[weaker]


def _drop_close_inside_hold(found: dict[str, list[int]], clauses: list[Clause]) -> None:
    """ "Me permite un momento en lo que lo registro": the action explains the hold."""
    for idx in list(found.get("close", ())):
        if idx in found.get("hold_request", ()) and re.search(
            r"\b(?:en lo que|mientras)\b", clauses[idx].norm
        ):
            found["close"].remove(idx)
    if "close" in found and not found["close"]:
        del found["close"]


def _questions(found: dict[str, list[int]], clauses: list[Clause]) -> set[str]:
    acts: set[str] = set()
    for idx, clause in enumerate(clauses):
        if not clause.question:
            continue
        here = {act for act, where in found.items() if idx in where}
        if clause.qstart:
            tail = clause.norm[clause.qstart :]
            here = {act for act in here if agent_hit(act, tail)}
        if here & _FUNCTIONAL and not agent_hit("time_ask", clause.norm):
            continue
        acts.add("open_question" if is_open(clause) else "closed_question")
    return acts


# What a turn that only answers the customer's thanks may also do (then «a sus órdenes» thanks).
# (signing off with one's name and company is closing courtesy too: «A usted. Le atendió Ana de…»;
# so is a last recap or apology: «Al contrario. Recuerde su folio AT-…, el técnico llega en 90
# minutos», «A usted, y de nuevo una disculpa por las molestias»: panel J yl-01, yh-05)
_CLOSING_COURTESY = frozenset(
    {
        "offer_help",
        "offer_more",
        "farewell",
        "thanks",
        "acknowledgement",
        "company_id",
        "agent_id",
        "empathy",
        "feature",
        "data_confirmation",
    }
)
# Acts that give a clause its own job: a statement carrying one is not a bare restatement.
_OWN_JOB = _NOT_PARAPHRASE | {
    "feature",
    "benefit",
    "cross_sell",
    "offer_help",
    "greeting",
    "company_id",
    "agent_id",
    "thanks",
    "farewell",
    "empathy",
    "hold_return",
    "disrespect",
    "trial_close",
}
# The agent announcing its own action ("ya registré…", "le marco mañana") answers, not restates.
_AGENT_ACTION = re.compile(
    r"(?:^| )(?:registre|registro|damos|doy|volvemos|vuelvo|marco|llamo|hago|quito|quitamos|elimino|"
    r"envio|mando|reviso|genero|agendo|aplico|dejo|paso|transfiero|comunico|levanto|tramito)(?: |$)"
)
_ABOUT_CUSTOMER = re.compile(r"(?:^| )(?:usted|ustedes|su|sus|se le|se les|le|les|ya no)(?: |$)")


def _bare_restatement(clause: Clause, idx: int, context: str, found: dict[str, list[int]]) -> bool:
    """A statement with no lead-in that repeats the content of the customer's turn."""
    if clause.question or is_question(context):
        return False
    if any(idx in found.get(act, ()) for act in _OWN_JOB) or _AGENT_ACTION.search(clause.norm):
        return False
    if _gives_figure_back(clause.norm, context):
        return True
    own = content_lemmas(clause.norm)
    if len(own) < 2:
        return False
    shared = shared_words(clause.norm, context)
    if shared >= 2 and (shared * 2 >= len(own) or _ACK_LEAD.match(clause.norm)):
        return True
    return shared >= 1 and shared * 3 >= len(own) and bool(_ABOUT_CUSTOMER.search(clause.norm))


def _paraphrase(clauses: list[Clause], context: str | None, found: dict[str, list[int]]) -> bool:
    lead = agent_patterns()["paraphrase_lead"]
    for idx, clause in enumerate(clauses):
        if not lead.search(clause.norm) or _HEARD_YOU.search(clause.norm):
            if context is not None and idx < 2 and _bare_restatement(clause, idx, context, found):
                return True
            continue
        if context is None:
            if _STRONG_PARAPHRASE.match(clause.norm):
                return True
            continue
        gives_back = bool(_GIVES_BACK.search(clause.norm)) and idx not in found.get("close", ())
        if not gives_back and any(idx in found.get(act, ()) for act in _NOT_PARAPHRASE):
            continue
        if gives_back or content_overlap(clause.norm, context) >= 1:
            return True
    return False


@lru_cache(maxsize=4096)
def _tag_agent_cached(text: str, context: str | None) -> tuple[str, ...]:
    clauses = split_clauses(text)
    if not clauses:
        return ()
    norm = " ".join(c.norm for c in clauses)
    found = _match_clauses(clauses)
    if "disrespect" not in found and conduct.mocking_laughter(text):
        found["disrespect"] = [0]  # the laugh and the challenge fall in different clauses
    if "disrespect" not in found and (talking_down.kind(text) or disrespect_shapes.kind(text)):
        found["disrespect"] = [0]  # talking down read by its shape across the clauses
    _topic_que_tal(found, clauses)
    _resolve_greeting(found, clauses, norm)
    _drop_if_covered(found, "offer_help", "offer_more")
    _drop_if_covered(found, "thanks", "hold_return")
    if "hold_return" in found and "thanks" in found:
        patience = re.compile(r"(?:gracias por|agradezco) (?:su |la |mucho su )?paciencia")
        if all(patience.search(clauses[i].norm) for i in found["thanks"]):
            del found["thanks"]
    _drop_if_covered(found, "trial_close", "close")
    proposal_opinion_closes(found, clauses)
    deal_tag_closes(found, clauses)
    for idx in [i for i in found.get("data_confirmation", ()) if i in found.get("close", ())]:
        if agent_hit("consent_check", clauses[idx].norm):  # «¿me confirma que quiere…?» closes
            found["data_confirmation"].remove(idx)
    if "data_confirmation" in found and not found["data_confirmation"]:
        del found["data_confirmation"]
    _drop_close_inside_hold(found, clauses)
    if any(
        any(a.is_money for a in extract_amounts(clauses[i].norm))
        for i in found.get("data_confirmation", ())
    ):
        _drop_if_covered(found, "feature", "data_confirmation")
    if "hold_request" in found and "data_request" in found:
        _drop_if_covered(found, "hold_request", "data_request")
    acts = set(found)
    patterns = agent_patterns()
    first = clauses[0]
    if _RAW_ACK.match(fold(text[:200])) or (
        not first.marked and patterns["acknowledgement"].match(first.norm)
    ):
        acts.add("acknowledgement")
    else:
        for clause in clauses[1:]:
            if (
                not clause.marked
                and len(clause.norm.split()) <= 3
                and patterns["acknowledgement"].match(clause.norm)
            ):
                acts.add("acknowledgement")
                break
    if patterns["acknowledgement_any"].search(norm):
        acts.add("acknowledgement")
    acts |= _questions(found, clauses)
    if "feature" not in acts and _states_money(clauses, found, context):
        acts.add("feature")
    if "data_confirmation" not in acts and (extract_email(text) or _reads_phone(text)):
        acts.add("data_confirmation")
    if _paraphrase(clauses, context, found):
        acts.add("paraphrase")
    if (
        context is not None
        and acts <= _CLOSING_COURTESY
        and agent_hit("thanks_reply", clauses[0].norm)
        and agent_hit("thanked_context", normalize(context))
    ):
        acts.add("thanks")  # «—Muchas gracias. —A sus órdenes. Que tenga buen día.»
    answers = bool(acts & _ANSWERS) or bool(patterns["objection_response"].search(norm))
    if context is not None:
        if answers and objection_alone(context):
            acts.add("objection_response")
    elif patterns["objection_response"].search(norm):
        acts.add("objection_response")
    return tuple(act for act in AGENT_ACTS if act in acts)


def _states_money(clauses: list[Clause], found: dict[str, list[int]], context: str | None) -> bool:
    """An amount of money stated outside a read-back and not repeated from the customer's turn
    (there the amount is data, not a fact of the offer)."""
    busy = set(found.get("data_confirmation", ()))
    theirs = {a.value for a in extract_amounts(context)} if context else set()
    return any(
        idx not in busy
        and any(a.is_money and a.value not in theirs for a in extract_amounts(c.norm))
        for idx, c in enumerate(clauses)
    )


def _reads_back(norm: str) -> bool:
    return bool(extract_email(norm)) or _reads_phone(norm)


def _reads_phone(text: str) -> bool:
    phone = extract_phone(text)
    if not phone:
        return False
    norm = normalize(text)
    idx = norm.find(phone[:2])
    return not (idx > 0 and _PHONE_GIVEN.search(norm[:idx]))


def tag_agent(text: str, context: str | None = None) -> list[str]:
    """Agent acts of ``text`` (AgentAct values, in AgentAct order); ``context`` = customer's turn."""
    if not text or not text.strip():
        return []
    ctx = context[:MAX_CHARS] if context else None
    return list(_tag_agent_cached(text[:MAX_CHARS], ctx))
