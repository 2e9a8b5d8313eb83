"""Strengths of a call: what was done well, each anchored to the turn that shows it.

Split from ``feedback.py`` (improvements) so each stays readable. A strength is never a turn the
scorecard cites for an error, a greeting is not an answer to an objection, and a respected
do-not-call request is not an objection «handled» (blind panel of session 10).
"""

from __future__ import annotations

import re
from functools import cache

from simulator.analysis import conduct
from simulator.analysis.clauses import clauses_of, is_open
from simulator.coaching.phrasing import question_part, templates
from simulator.models.scorecard import FeedbackItem, Scorecard
from simulator.scoring import metric_counts
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.elements_closing import acceptance_turn
from simulator.scoring.elements_objections import objection_turns, response_turn
from simulator.scoring.elements_opening import opening_turns
from simulator.scoring.signal_context import closes_in_words
from simulator.scoring.turn_functions import functions
from simulator.scoring.turn_questions import data_question

MAX_STRENGTHS = 4
# «No se preocupe, señora, le va a gustar. ¿Su teléfono?»: comfort in passing on the way to the
# data is no active listening to praise (panel L wb-06 T13)
BRUSH_WORDS = 12
# a turn whose main job is one of these shows listening only when no plainer reflection exists
_NOT_LISTENING = frozenset(
    {"presentation", "identification", "data_request", "read_back", "registration", "call_back"}
)


@cache
def _cue(name: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in templates()[name]))


@cache
def _SCHEDULE() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, read once
    """Asking when to call back or to visit (data file), which probes nothing."""
    return re.compile("|".join(f"(?:{p})" for p in templates()["schedule_question"]))


def item(
    ctx: CallContext,
    skill: str,
    n: int | None,
    message: str,
    why: str,
    try_saying: str | None = None,
    hint: str | None = None,
) -> FeedbackItem:
    quote = tx.quote(ctx.text(n), hint) if n else None
    return FeedbackItem(
        skill=skill, turn=n, quote=quote, message=message, why=why, try_saying=try_saying
    )


_ASKED = re.compile(r"¿([^¿?]+)\?")


def _open_part(text: str) -> str:
    """The open question of the turn to quote (not the closed one that follows it, panel E)."""
    for asked in _ASKED.findall(text[:2000]):
        clauses = clauses_of(f"¿{asked}?")
        if clauses and is_open(clauses[-1]):
            return asked.strip()
    return question_part(text)


def _probe_part(text: str) -> str | None:
    """The turn's first open question that asks about the situation, not for a figure or a
    date (``None`` when it has none)."""
    for asked in _ASKED.findall(text[:2000]):
        clauses = clauses_of(f"¿{asked}?")
        folded = tx.fold(asked)
        if (
            clauses
            and is_open(clauses[-1])
            and not data_question(folded)
            and not _cue("not_a_probe").search(folded)
            and not _either_or(folded)
        ):
            return asked.strip()
    return None


# «¿cómo lo usan, para trabajar o para ver series?», «¿lo quiere para usted o también para su
# familia?»: a choice between the options said is no open question (panel Q: three panelists saw
# an either/or praised as «Buena pregunta abierta»)
_EITHER_OR = re.compile(
    r"\b\w+(?: \w+){0,4} o (?:tambien |mas bien |prefiere |bien )?\w+(?: \w+){0,4}$"
)
_OPEN_START = re.compile(
    r"^(?:y )?(?:que|como|cual|cuales|cuando|donde|por que|cuanto|cuanta|cuantos|cuantas|quien|quienes)\b"
)


def _either_or(folded: str) -> bool:
    """A choice between options: «¿lo quiere para usted o también para su familia?»; a question
    that opens with an interrogative keeps its «o» inside («¿qué le preocupa de su salud o la de
    su familia?»)."""
    text = folded.strip(" ?¿")
    return bool(_EITHER_OR.search(text)) and not _OPEN_START.match(text)


def _asks(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` asks the customer something (a question clause), so a close in it can be
    the decision asked for rather than a step announced."""
    return any(clause.question for clause in clauses_of(ctx.text(n)))


def strengths(ctx: CallContext, card: Scorecard) -> list[FeedbackItem]:
    items: list[FeedbackItem] = []
    opening = card.elements.get("opening_protocol")
    if opening is not None and opening.met and ctx.agent_turns:
        items.append(_opening(ctx, [e.turn for e in opening.evidence if e.turn]))
    limit = ctx.probing_limit
    # a question that probes: not a data request, a call-back time or an offer of more help
    # (panels F and G: «¿a qué hora le acomoda que le llame?» praised as probing)
    # score-n (panel M va-06 T1, vf-04 T7): only a turn whose function is an open probe of the
    # situation (not the greeting's «¿qué necesita?», not «¿y qué fecha quiere el cambio?»)
    opens = [
        n
        for n in ctx.agent_turns
        if n < limit
        and "open_probe" in functions(ctx, n)
        and not _SCHEDULE().search(ctx.folded[n - 1])
    ]
    # a plain probe first: not the reply to distrust that ends with a question, not a question
    # for a figure or a date (panel L wa-04 T6, wd-02 T9, we-04 T7; score-k)
    # and a question that probes at all: no choice of slots, no name, no bare «¿qué necesita?»
    # (panel N ue-04 T7, ue-05 T7; score-q): without one, no praise for probing
    opens = [n for n in opens if _probe_part(ctx.text(n)) is not None]
    opens = [n for n in opens if not ctx.has(n, "objection_response")] or opens
    if opens:
        items.append(
            item(
                ctx,
                "probing",
                opens[0],
                "Buena pregunta abierta antes de presentar."
                if ctx.selling
                else "Buena pregunta abierta para entender la situación del cliente.",
                "Hizo hablar al cliente sobre su situación antes de ofrecer.",
                hint=_probe_part(ctx.text(opens[0])) or _open_part(ctx.text(opens[0])),
            )
        )
    # empathy first; a paraphrase that asks for or confirms data is a weaker example
    # a paraphrase is praised when it reads as one («entonces…», «si le entendí bien…»), not a
    # curt line that repeats the customer's words (panels F and G: «Es lo que hay, señor»)
    leads = re.compile("|".join(f"(?:{p})" for p in templates()["reflective_leads"]))
    own_slip = _cue("self_correction")
    reflections = [
        n
        for n in ctx.agent_turns
        if ctx.has(n, "empathy")
        and not own_slip.search(ctx.folded[n - 1])  # correcting its own slip (panel L wa-03)
        and not (ctx.has(n, "data_request") and ctx.words[n - 1] < BRUSH_WORDS)
    ] + [
        n
        for n in ctx.agent_turns
        if ctx.has(n, "paraphrase")
        and not ctx.has(n, "data_request", "data_confirmation", "greeting")
        and leads.search(ctx.folded[n - 1])
        and not own_slip.search(ctx.folded[n - 1])
    ]
    # only a turn the displayed counts read as a paraphrase or an empathy statement, a paraphrase
    # first (panel N ua-02 T13, uf-05 T6: praise on turns the metrics did not count; score-q)
    counted = metric_counts.reflection_turns(ctx)
    restated = set(metric_counts.paraphrase_turns(ctx))
    # a reflection is praised where it is the turn's job: not a confidentiality refusal, and
    # the pitch, the opening or a request for data only when no plainer one exists (blind panel
    # P sg-01 T21, sf-06 T8, sb-03 T6, sg-04 T9)
    reflections = sorted(
        (
            n
            for n in dict.fromkeys(reflections)
            if n in counted and "refusal" not in functions(ctx, n)
        ),
        key=lambda n: (bool(functions(ctx, n) & _NOT_LISTENING), n not in restated, n),
    )
    if reflections:
        items.append(
            item(
                ctx,
                "active_listening",
                reflections[0],
                "Mostró escucha activa (parafraseo o empatía).",
                "El cliente se siente entendido y se abre más.",
            )
        )
    greeting = {n for n in opening_turns(ctx) if ctx.has(n, "greeting", "company_id", "agent_id")}
    answered = [
        a
        for n in objection_turns(ctx)
        if ctx.objection_type(n) != "do_not_call"  # respected, not «handled» (panel p-09)
        and (a := response_turn(ctx, n)) is not None
        and "objection_answer" in functions(ctx, a)  # it answers, not only moves on (score-n)
        and a not in greeting  # the greeting answers no objection (panel m-05)
        # nor does a refused request for someone else's data (panels C, E: a confidentiality
        # trap, not an objection)
        and not conduct.refuses_disclosure(ctx.text(a))
    ]
    # the answer that shows the handling (empathy, a reflection, a fact), not a data request
    answered.sort(
        key=lambda a: (
            not ctx.has(a, "empathy", "paraphrase", "feature", "benefit"),
            ctx.has(a, "data_request", "data_confirmation"),
            a,
        )
    )
    if answered:
        items.append(
            item(
                ctx,
                "objection_handling",
                answered[0],
                "Atendió la objeción en lugar de ignorarla.",
                why_for(ctx, "objection"),
            )
        )
    # a close that asks for the decision: «la registro como emergencia» or «le registro la
    # Amplia» announce a step and ask nothing (blind panels G and H); a service call is not judged
    # on asking for a sale at all
    closes = [n for n in ctx.agent_turns if ctx.has(n, "close") and _asks(ctx, n)]
    accepted_close = acceptance_turn(ctx)[0]
    if accepted_close is not None and accepted_close not in closes:
        accepted_close = None
    # the decision asked before the read-back that asks leave to register it (score-s, panel N
    # uc-06 T28: «Le confirmo todo… ¿me autoriza a registrar?» after «¿sí desea contratar…?»)
    asked = [n for n in closes if "read_back" not in functions(ctx, n)]
    if accepted_close is not None and "read_back" in functions(ctx, accepted_close):
        earlier = [n for n in asked if n < accepted_close]
        accepted_close = earlier[-1] if earlier else accepted_close
    closes = asked or closes
    # the decision on the offer, not the request for the e-mail to send it to nor the add-on
    # offered after the yes (panel O tg-02 T14, ta-06 T17)
    main = [n for n in closes if not ctx.has(n, "cross_sell") and not _data_only(ctx, n)]
    if accepted_close is not None and accepted_close not in main and main:
        earlier = [n for n in main if n < accepted_close]
        accepted_close = earlier[-1] if earlier else None
    closes = main or closes
    if (
        ctx.selling
        and closes
        and not any(e.code == "sale_without_consent" for e in card.critical_errors)
    ):
        items.append(
            item(
                ctx,
                "closing",
                accepted_close or closes[-1],  # the close the customer answered, else the last
                "Pidió el compromiso de pago al cliente."
                if ctx.kind == "collections"
                else "Pidió la decisión al cliente.",
                why_for(ctx, "closing"),
            )
        )
    faulty = {e.turn for e in card.critical_errors + card.non_critical_errors if e.turn}
    # a turn cited for an error is never praised (panel p-04: pressure praised as handling)
    return [i for i in items if i.turn not in faulty][:MAX_STRENGTHS]


def why_for(ctx: CallContext, strength: str) -> str:
    """Why ``strength`` matters, in the words of the call's kind (rule data ``strength_why``:
    no «venta» in an assistance or a collections call, blind panel P sa-01 T5, sa-03 T10)."""
    table = templates()["strength_why"][strength]
    base = {"complaint": "service"}.get(ctx.kind, ctx.kind)
    return str(table.get(base) or table["generic"])


def _opening(ctx: CallContext, shown: list[int]) -> FeedbackItem:
    """The complete opening praised where it was said: an outbound call greets and names itself
    in one turn and gives the reason after the customer answers, so a quote of the greeting alone
    does not show the purpose (blind panel P sc-03 T2, sf-03 T2): both turns are named."""
    first = shown[0] if shown else ctx.agent_turns[0]
    later = [n for n in shown if n > first]
    message = "Inicio de llamada completo según el protocolo."
    if later:
        message = (
            f"Inicio de llamada completo según el protocolo: se presentó en el turno {first} "
            f"y dijo el motivo de la llamada en el turno {later[-1]}."
        )
    return item(ctx, "phone_etiquette", first, message, why_for(ctx, "opening"))


def _data_only(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` ends asking only for a datum («¿Me confirma el correo al que se lo
    mando?», panel O tg-02 T14), not for the decision."""
    if closes_in_words(ctx, n) or not ctx.has(n, "data_request", "data_confirmation"):
        return False
    asked = ctx.text(n).rsplit("¿", 1)[-1]
    return "?" in asked and bool(_cue("datum_asked").search(tx.fold(asked)))
