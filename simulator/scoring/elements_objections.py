"""Element ``objection_handling``: every objection answered (LAER) and at least one close attempt.

In a complaint call a renewed complaint counts as an objection; in a sale with someone who is not
the holder no close is owed; a callback agreed with a customer who has no time is the close.

An objection counts as addressed when the agent's next turn carries an objection response, or
acknowledges/empathises/paraphrases and then explores or answers (question, feature, benefit).
A «no me vuelva a llamar» is addressed by apologising and closing, not by selling.

A call from outside the simulator is read as a QA analyst reads it: a «no» to the offer is an
objection too (handled by acknowledging, asking why or taking it, not by pitching on), and with no
resistance at all and no decision asked there is nothing to judge.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from simulator.analysis import conduct
from simulator.analysis.lexicon import customer_patterns
from simulator.datafiles import parse as parse_yaml
from simulator.language.display import display
from simulator.models.scorecard import Evidence
from simulator.scoring import applicability, brushoff, chosen_product, consent, kinded
from simulator.scoring import text as tx
from simulator.scoring.context import SELLING_ACTS, CallContext
from simulator.scoring.imported_resistance import turns as imported_resistance
from simulator.scoring.judged import Judged, example, judged, not_applicable
from simulator.scoring.slots import slots

ADDRESS_DIRECT = ("objection_response",)
SOFT_WORDS = 10
ADDRESS_SOFT = ("empathy", "paraphrase", "acknowledgement")
STALLS = ("must_consult", "time")
ADDRESS_FOLLOW = ("open_question", "closed_question", "feature", "benefit", "trial_close")
# what an agent may do before answering an objection without ignoring it: the call's procedure
PROCEDURE_ACTS = ("data_request", "data_confirmation", "identity_check")


def objection_turns(ctx: CallContext) -> list[int]:
    """Customer turns with an objection the agent had a turn to answer: the customer's last
    words before hanging up («no tengo tiempo para esto, adiós») leave no turn to answer them
    (panel s-03 T9). A «no me vuelva a llamar» is no objection to explore (panel N uf-06 T27):
    ``do_not_call_turns``, judged apart. Computed once: element, metric, skill and feedback read
    this list (score-q)."""
    if "objection_turns" not in ctx.memo:
        last = ctx.agent_turns[-1] if ctx.agent_turns else 0
        ctx.memo["objection_turns"] = [
            n
            for n in ctx.customer_turns
            if not is_do_not_call(ctx, n)
            and n < last
            and (
                (ctx.has(n, "objection") and not owns_unoffered(ctx, n))
                or n in renewed_complaints(ctx)
                or n in imported_resistance(ctx)
                or (ctx.imported and declines_offer(ctx, n))
            )
        ]
    return list(ctx.memo["objection_turns"])


def do_not_call_turns(ctx: CallContext) -> list[int]:  # even as the call's last words
    return [n for n in ctx.customer_turns if is_do_not_call(ctx, n)]


def owns_unoffered(ctx: CallContext, n: int) -> bool:
    """«Yo tengo un plan de 69.90 y me cobran 114.90»: what the customer already has resists an
    offer only when one was made; before any (an inbound complaint, a service call) it describes
    the customer's situation (external dev pe157: «no hay objeciones»)."""
    return ctx.objection_type(n) == "has_provider" and not any(
        ctx.acts[a - 1] & SELLING_ACTS for a in ctx.agent_turns if a < n
    )


def declines_offer(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` says no to what the agent put forward (not «no, es todo» to «¿algo
    más?», which ends the call rather than resisting it)."""
    before = ctx.prev_agent(n)
    return ctx.has(n, "refusal") and not (before and ctx.has(before, "offer_more", "offer_help"))


RESISTANCE = ("refusal", "objection", "complaint", "hesitation")


def resisted(ctx: CallContext) -> bool:
    """Some customer turn declines, objects, complains or hesitates («No...», «no me intere…»),
    even as the call's last words: the offer met resistance, so a close was owed."""
    negative = customer_patterns()["negative_start"]
    return any(
        ctx.has(n, *RESISTANCE) or negative.search(ctx.folded[n - 1].strip(" ¿?¡!.,…"))
        for n in ctx.customer_turns
    )


RESPECTS_REFUSAL = (
    "thanks",
    "farewell",
    "acknowledgement",
    "empathy",
    "paraphrase",
    "open_question",
)


def respects_refusal(ctx: CallContext, a: int) -> bool:
    """Agent turn ``a`` takes a customer's «no» as an answer (acknowledges, asks why, thanks or
    says goodbye) instead of pitching on: a QA analyst's reading of a refusal handled."""
    return not (ctx.acts[a - 1] & SELLING_ACTS) and ctx.has(a, *RESPECTS_REFUSAL)


def renewed_complaints(ctx: CallContext) -> list[int]:
    """In a complaint call, the customer complaining again after the agent answered the first
    complaint («¡Llevo una semana así, me cambio de proveedor!») is what has to be handled
    (acknowledge, apologise, resolve), as an objection is in a sale."""
    if ctx.kind != "complaint":
        return []
    complaints = [n for n in ctx.customer_turns if ctx.has(n, "complaint")]
    if not complaints:
        return []
    answered = ctx.next_agent(complaints[0])
    return [n for n in complaints[1:] if answered and n > answered[0]]


def is_do_not_call(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` asks not to be called again (computed once per call)."""
    if "dnc" not in ctx.memo:  # the analysis objection lexicon is the one do-not-call list
        ctx.memo["dnc"] = frozenset(
            m for m in ctx.customer_turns if ctx.objection_type(m) == "do_not_call"
        )
    return n in ctx.memo["dnc"]


def response_turn(ctx: CallContext, n: int) -> int | None:
    """The agent turn that addresses objection ``n`` (None when it was not addressed).

    The next agent turn, or the one after it when the next one only took care of the call's
    procedure first (asked or confirmed the customer's data, with nothing sold and no pressure):
    a retention agent who validates the line and then says «entiendo que ya no quiere pagar de
    más, ¿cuánto paga hoy?» answered the price complaint (lead's play, session 19)."""
    nxt = ctx.next_agent(n, 2)
    if not nxt:
        return None
    first = _addressed_by(ctx, n, nxt[0])
    if first is not None or len(nxt) < 2 or is_do_not_call(ctx, n):
        return first
    if ctx.acts[nxt[0] - 1] & SELLING_ACTS or conduct.pressure(ctx.text(nxt[0])):
        return None
    if not ctx.has(nxt[0], *PROCEDURE_ACTS):
        return None
    return _addressed_by(ctx, n, nxt[1])


def _addressed_by(ctx: CallContext, n: int, a: int) -> int | None:
    """``a`` when agent turn ``a`` addresses objection ``n``."""
    if is_do_not_call(ctx, n):
        # honoured when the agent confirms the removal, even in words that sound like a close
        # («ahorita mismo lo registro para que no le lleguen promociones»): the same test as
        # the critical error ``ignores_do_not_call``
        text = ctx.text(a)
        if conduct.persuades(text):
            return None
        if conduct.respects_do_not_call(text) and not conduct.offers_again(text):
            return a
        return None if ctx.acts[a - 1] & SELLING_ACTS else a
    if ctx.objection_type(n) in STALLS and conduct.pressure(ctx.text(a)):
        # a customer who wants time or information answered with «no se va a arrepentir»,
        # «mejor lo dejamos de una vez» was pushed, not heard (panel K xa-04, score-i)
        return None
    if (
        brushoff.dismisses(ctx.text(a))
        or brushoff.reassures_only(ctx, a)
        or (ctx.objection_type(n) not in STALLS and brushoff.bare(ctx, a))
    ):
        return None  # «hágame caso», «es lo que hay», a bare «sí, ya quedó» (panel L, score-k)
    if ctx.has(a, *ADDRESS_DIRECT):
        return a
    if ctx.objection_type(n) == "must_consult" and tx.cue("grants_request").search(
        ctx.folded[a - 1]
    ):
        return a  # what the customer asked for to decide later, granted
    if ctx.has(a, "empathy", "paraphrase"):
        return a  # acknowledged with empathy or a reflection (the A of LAER)
    if identifies_on_request(ctx, n, a) or chosen_product.substitute_offered(ctx, n, a):
        return a
    if ctx.imported and answers_concretely(ctx, n, a):
        return a
    if ctx.has(n, "refusal") and not ctx.has(n, "objection") and respects_refusal(ctx, a):
        return a
    if ctx.has(a, *ADDRESS_SOFT) and (
        ctx.has(a, *ADDRESS_FOLLOW) or ctx.words[a - 1] >= SOFT_WORDS
    ):
        return a
    return None


def answers_concretely(ctx: CallContext, n: int, a: int) -> bool:
    """Agent turn ``a`` answers objection ``n`` with something concrete, as a QA analyst credits
    the R of LAER in a call from outside: a complaint or a threat to leave met with a remedy (a
    claim code, a credit note, a discount, a technician: external dev pe156), a price objection
    met with a concrete offer (a discount, another plan with its price: mx144)."""
    folded = ctx.folded[a - 1]
    if ctx.kind in ("complaint", "service") and tx.cue("remedy").search(folded):
        return True
    return ctx.objection_type(n) == "price" and bool(
        ctx.has(a, "feature", "benefit") and tx.cue("concrete_offer").search(folded)
    )


_WHO_CALLS = re.compile(
    r"\b(?:numero|identificacion|credencial|gafete|clave) de (?:trabajador|trabajadora|empleado|"
    r"empleada|asesor|asesora|agente)\b|\bquien (?:es usted|eres|me habla|habla|me llama|llama)\b|"
    r"\bde (?:que|cual) (?:banco|empresa|compania|area|departamento)\b"
)


def identifies_on_request(ctx: CallContext, n: int, a: int) -> bool:
    """A customer who doubts who calls («¿me da su número de empleado?», «¿exactamente quién es
    usted?») is answered by the agent saying who they are: the company, their name, an employee
    number (blind panel zq-07; external dev es46, co47)."""
    if ctx.objection_type(n) != "trust" or not _WHO_CALLS.search(ctx.folded[n - 1]):
        return False
    return ctx.has(a, "company_id", "agent_id") or bool(re.search(r"\d{3}", ctx.folded[a - 1]))


def took_second_no(
    ctx: CallContext, objections: list[int], responses: dict[int, int | None]
) -> bool:
    """A customer who declined the offer, heard a counter-offer and declined again, and the
    agent took that second «no» (thanks, goodbye): the close was tried and the refusal respected,
    as a QA analyst reads an outbound call from outside (external dev pe159: «T5 acepta el
    segundo no»). Calls from the simulator keep the explicit close."""
    nos = [
        n
        for n in objections
        if ctx.objection_type(n) in ("not_interested", "do_not_call") or ctx.has(n, "refusal")
    ]
    if not ctx.imported or len(nos) < 2 or any(responses.get(n) is None for n in nos):
        return False
    first, last = responses[nos[0]], responses[nos[-1]]
    assert first is not None and last is not None
    return bool(ctx.acts[first - 1] & SELLING_ACTS) and respects_refusal(ctx, last)


def agreed_unresisted(ctx: CallContext) -> bool:
    """The customer said yes (to the offer, or to a close) and never resisted: in a call from
    outside there was nothing to handle (external dev ar32, mx37, mx72, co150: «no hay
    objeción»)."""
    first_close = next(iter(close_turns(ctx)), None)
    return any(
        ctx.has(n, "acceptance")
        or (first_close is not None and n > first_close and consent.says_yes(ctx, n))
        for n in ctx.customer_turns
    )


def close_turns(ctx: CallContext) -> list[int]:
    return [n for n in ctx.agent_turns if ctx.has(n, "close")]


def close_evidence(ctx: CallContext, n: int) -> Evidence:
    """Agent turn ``n`` quoted at its last question, where a close asks for the decision (the
    whole turn's opening when it asks nothing or the question is too long to quote alone)."""
    text = ctx.text(n)
    start = text.rfind("¿")
    tail = text[start:].strip() if start >= 0 else ""
    if not tail or len(tail) > tx.MAX_QUOTE:
        return ctx.evidence(n)
    return Evidence(turn=n, speaker="agent", quote=tail)


def callback_turns(ctx: CallContext, objections: list[int]) -> list[int]:
    """Agent turns agreeing when to call back a customer with no time now or who asked for it
    («le llamo en media hora»): the close such a call allows (panel O tg-01)."""
    asked = [n for n in ctx.customer_turns if tx.cue("callback_request").search(ctx.folded[n - 1])]
    busy = [n for n in objections if ctx.objection_type(n) == "time"] + asked
    agreed = [a for n in busy for a in ctx.next_agent(n)[: 1 if n in objections else 3]]
    return [a for a in agreed if tx.cue("callback").search(ctx.folded[a - 1])]


@cache
def _examples() -> dict[str, dict[str, str]]:
    path = resources.files("simulator.scoring").joinpath("es/phrasings.yaml")
    data = parse_yaml(path.read_text("utf-8"))
    return {str(k): dict(v) for k, v in data["objection_examples"].items()}


def objection_example(ctx: CallContext, objection: str | None) -> str:
    """The model answer (LAER) for ``objection`` in this call's kind and line of business
    (``no_close`` when every objection was answered and the close is what was missing)."""
    s = slots(ctx)
    if objection == "trust" and not ctx.is_outbound:  # who called is known (panel N ue-05 T6)
        objection = "trust_inbound"
    table = _examples().get(objection or "", {}) or _examples()["default"]
    if s.get("tercero"):  # never negotiate with (or sell to) someone who is not the holder
        table = {**table, **_examples()["third_party"]}
    return kinded.render(kinded.choose(table, s), s)


def objection_phrasing(ctx: CallContext, unaddressed: list[int], objections: list[int]) -> str:
    """The model answer for the objection actually raised (the first unanswered one).

    «Lo tengo que pensar» gets exploring the doubt + a recommendation + a low-risk reassurance,
    not a price answer; with every objection answered the missing part is the close."""
    if unaddressed:
        kind = ctx.objection_type(unaddressed[0]) or (
            "do_not_call" if is_do_not_call(ctx, unaddressed[0]) else None
        )
        return objection_example(ctx, kind) or example("objection_handling", slots(ctx))
    return objection_example(ctx, "no_close")


def judge(ctx: CallContext) -> Judged:
    objections = objection_turns(ctx)
    if not ctx.selling and not objections and not do_not_call_turns(ctx):
        return not_applicable("no objections")
    # no sale can be closed with someone who is not the holder: only their objections are judged
    # (in collections the close owed to a third party is a way to reach the debtor, still judged)
    closing_owed = ctx.selling and not (ctx.kind == "sale" and applicability.third_party(ctx))
    volunteered = [n for n in ctx.customer_turns if ctx.has(n, "acceptance")]
    decided = bool(close_turns(ctx)) or bool(volunteered)
    if (
        ctx.imported
        and not objections
        and not resisted(ctx)
        and (not decided or agreed_unresisted(ctx))
    ):
        # a call from outside the simulator that met no resistance (no objection, refusal,
        # complaint or hesitation) and where nobody asked for a decision is judged as a QA analyst
        # judges objection handling: nothing to judge (external dev calls: «no hay objeción», never
        # a missing close, which the closing skill still measures)
        closing_owed = False
    if not closing_owed and not objections and not do_not_call_turns(ctx):
        third = ctx.selling and not ctx.imported
        return not_applicable("third_party" if third else "no objections")
    responses = {n: response_turn(ctx, n) for n in objections}
    unaddressed = [n for n, a in responses.items() if a is None]
    closes = close_turns(ctx)
    parts = {"addressed": not unaddressed}
    dnc_asked = {n: response_turn(ctx, n) for n in do_not_call_turns(ctx)}
    dnc = bool(dnc_asked)
    if dnc:
        parts["do_not_call"] = all(a is not None for a in dnc_asked.values())
    if closing_owed and not dnc:
        # a customer who says yes to the offer before being asked («está bien, me quedo con ese»)
        # was closed by the offer itself: no close attempt is missing (panel C, a retention call)
        parts["close"] = (
            bool(closes)
            or bool(volunteered)
            or bool(callback_turns(ctx, objections))
            or took_second_no(ctx, objections, responses)
        )
    ignored = [n for n, a in dnc_asked.items() if a is None]
    missing = {
        "addressed": "Atender cada objeción (reconocer, explorar y responder)",
        "close": "Hacer al menos un intento de cierre en la llamada",
        "do_not_call": "Respetar la petición de no volver a llamar"
        + (f" (turno {ignored[0]})" if ignored else ""),
    }
    if unaddressed:
        listing = ", ".join(
            f"turno {n}"
            + (
                f" ({display('objection_type', ctx.objection_type(n))})"
                if ctx.objection_type(n)
                else ""
            )
            for n in unaddressed[:4]
        )
        missing["addressed"] = f"Atender cada objeción con LAER; sin respuesta: {listing}"
    # the answers that handled an objection (never the greeting), then the objections; the close
    # only when no objection was answered (it is then what the element judged; panels F and G
    # read a greeting or the pitch cited as objection handling)
    answers = [
        a
        for a in dict.fromkeys([*responses.values(), *dnc_asked.values()])
        if a is not None and not ctx.has(a, "greeting", "company_id", "agent_id")
    ]
    evidence = [ctx.evidence(a) for a in answers[:3]]
    # the customer's objection is cited only when it went unanswered: an element met is shown
    # by the agent's own turns (panel J: «T1 no es evidencia de manejo de objeciones»)
    evidence += [ctx.evidence(n) for n in [*unaddressed, *ignored][:3]]
    if not answers:
        # the close judged, quoted at its question rather than the pitch before it (panel K
        # xa-02: «T16 es presentación, no manejo de objeción»)
        # a read-back that ends «¿me autoriza a registrarla?» confirms data, it is no close to
        # cite here when a plain one was asked (panel L wa-05 T20, score-k)
        worded = [n for n in ctx.agent_turns if tx.cue("signal_close").search(ctx.folded[n - 1])]
        plain = sorted(set(closes) | set(worded))
        asked = [n for n in plain if not ctx.has(n, "data_confirmation")] or closes
        evidence += [close_evidence(ctx, n) for n in asked[:2]]
    result = judged(parts, missing, evidence, "objection_handling", slots(ctx))
    if result.result.met is False:
        result.result.better_phrasing = objection_phrasing(ctx, unaddressed or ignored, objections)
    result.facts.update(
        objections=objections, responses=responses, closes=closes, do_not_call=dnc_asked
    )
    return result
