"""What an agent turn does, named as a trainer names it: a probe, a paraphrase, a product claim,
an objection answer, a data request or read-back, a close, the call's close or the opening.

Why: an element's evidence must be a turn that did the thing (issue 12, blind panel M: ~30 unfair
judgements quoted a turn of another function). The functions are read once per call from the
shared understanding of the turn (its acts, its amounts, the objections the customer raised) and
``evidence_functions.py`` picks each element's evidence from the turns with the functions its
rule data (``es/evidence_functions.yaml``) declares. The feedback's praise of a probe or of an
objection answer reads the same functions.
"""

from __future__ import annotations

import re

from simulator.analysis import conduct
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext, states_registration
from simulator.scoring.elements_objections import is_do_not_call, objection_turns, response_turn
from simulator.scoring.elements_opening import opening_turns
from simulator.scoring.evidence_fit import informs
from simulator.scoring.turn_questions import (
    asks_situation,
    data_only_questions,
    decision_question,
    pattern,
    permission_only,
    situation_question,
    statement_words,
)

ASKS = ("open_question", "closed_question")
OPENING_ACTS = ("greeting", "company_id", "agent_id", "offer_help")
# a question in a turn that does one of these is that act's, not a probe of the situation
NOT_PROBING = (
    "data_request",
    "data_confirmation",
    "close",
    "offer_more",
    "hold_request",
    "hold_return",
)
# a number read back digit by digit («cinco cinco, nueve ocho…») repeats a datum
_READ = 2000  # the part of a turn read for its questions
# a phone or account number said in groups of digits («55 23 45 67 89», «81 1234 5670»)
_DIGIT_RUN = re.compile(r"\d{2,}(?:[ .-]\d{2,}){2,}")
_SPELLED = re.compile(r"\b(?:cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b")
SPELLED_DIGITS = 4
# «Él lo trae, no se preocupe» repeats a word, it reflects nothing (panel M vb-02 T15)
PARAPHRASE_WORDS = 7
# an answer this long says something about the objection, whatever its acts
ANSWER_WORDS = 15
# score-s (panel N): a turn presents the offer when it says this much outside its questions
# («Así es, sin riesgo. Entonces, ¿le parece si le dejo contratado…?» only asks for the decision)
PRESENT_WORDS = 12
# without a price, a preamble this long before a probe is still no presentation (ug-03 T8: «con 42
# años entra en el rango de 35 a 44 del precio que le voy a dar. ¿Y en cuanto a salud…?»)
PRESENT_WORDS_NO_PRICE = 20
TOLD_WORDS = 12
PRESENT_WORDS_WITH_DATA = 30
READ_BACK_TOKENS = 2
# what makes a turn something else than presenting the offer
NOT_PRESENTING = ("registration", "refusal", "call_back", "read_back", "identification")


def _objection_answers(ctx: CallContext) -> set[int]:
    answers = set()
    for n in objection_turns(ctx):
        if is_do_not_call(ctx, n):
            continue  # respected, not «handled» (panel p-09)
        a = response_turn(ctx, n)
        if a is not None and _procedure_only(ctx, a):
            # the line validated first and answers in the next turn (panel O tb-03 T3: «para
            # validar que es el titular, ¿me proporciona el número de la línea?» answers nothing)
            after = ctx.next_agent(a)
            a = after[0] if after and _engages(ctx, after[0]) else None
        if a is None or (
            conduct.refuses_disclosure(ctx.text(a))
            and pattern("confidential").search(ctx.folded[a - 1])
        ):
            continue
        if _probes_instead(ctx, a) or _pitch_only(ctx, a):
            continue
        # the answer acknowledges, explores or answers with a fact: «Sí, sí, ahorita le mando a
        # alguien. ¿Dirección y teléfono?» or «No, también teléfono y dirección» only moves on to
        # the data (panel M vb-02 T5, vd-02 T9)
        substance = (
            ctx.has(a, "empathy", "feature", "benefit", "open_question")
            or (ctx.has(a, "paraphrase") and ctx.words[a - 1] >= PARAPHRASE_WORDS)
            or ctx.words[a - 1] >= ANSWER_WORDS  # «Claro, está en su derecho. Soy Ricardo…»
        )
        if substance or any(x.is_money for x in ctx.amounts(a)):
            answers.add(a)
    return answers


def _pitch_only(ctx: CallContext, a: int) -> bool:
    """In a sale, agent turn ``a`` is the offer's first presentation and takes up nothing the
    customer raised (no empathy, no reflection): the pitch, not the objection's answer (blind
    panel P sa-05 T13 after «sea rápido», se-03 T8)."""
    return ctx.selling and a == ctx.first_presentation and not ctx.has(a, "empathy", "paraphrase")


def _procedure_only(ctx: CallContext, a: int) -> bool:
    """Agent turn ``a`` only asks for or confirms the customer's data: no empathy, no fact, no
    question about the situation, however long its courtesy."""
    return ctx.has(a, "data_request", "data_confirmation") and not ctx.has(
        a, "empathy", "feature", "benefit", "open_question", "paraphrase"
    )


def _engages(ctx: CallContext, a: int) -> bool:
    """Agent turn ``a`` takes up what the customer raised: it answers, acknowledges or asks
    about the situation («Entiendo que siente que paga de más. ¿Para qué usa su línea?»)."""
    return ctx.has(a, "objection_response", "empathy", "paraphrase", "open_question")


def _probes_instead(ctx: CallContext, a: int) -> bool:
    """Agent turn ``a`` answers the objection only by moving on to a question about the
    customer's situation that draws a need (panel O td-02 T8: «Claro que sí. Para no ofrecerle
    algo que no le sirva, cuénteme: ¿cómo usa su auto?» after «si puedo verificarlo me da más
    confianza»): a probe, not the objection's answer."""
    return (
        not ctx.has(a, "empathy", "feature", "benefit", "paraphrase")
        and not any(x.is_money for x in ctx.amounts(a))
        and situation_question(ctx.text(a)) is not None
        and _elicits_need(ctx, a)
    )


def _data_tokens(text: str) -> set[str]:
    """What a datum looks like in a turn: digit groups, e-mails and capitalised words inside a
    sentence (names, streets)."""
    tokens = set(re.findall(r"\d{2,}", text)) | set(re.findall(r"\S+@\S+", text.lower()))
    # a number read back in other groups («81 1234 5670» for «81 12 34 56 70», blind panel P
    # sa-03 T14) is the same datum: its digits run together
    tokens |= {re.sub(r"\D", "", m) for m in _DIGIT_RUN.findall(text)}
    tokens |= {
        tx.fold(w) for w in re.findall(r"(?<=[^.!?¿¡:]\s)([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})", text)
    }
    return tokens


def _repeats_data(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` reads back what the customer gave as data (a digit group, an e-mail, a
    name of a turn that gave data, a number spelled digit by digit, or the datum the customer
    just gave), so its confirmation is a read-back, not «se lo repito: puede pagar en
    sucursal…» (panel M ve-06 T22)."""
    before = [c for c in ctx.customer_turns if c < n and ctx.has(c, "data_given")]
    if not before:
        return False
    if len(_SPELLED.findall(ctx.folded[n - 1])) >= SPELLED_DIGITS:
        return True
    if before[-1] == n - 1 and not states_registration(ctx.text(n)):
        # right after the datum, a confirmation repeats it unless it only says it is registered
        # («Listo, quedó registrado todo.», blind panel P sb-04 T15)
        return True
    said = _repeated(ctx, n, before)
    # the customer's name alone is how the agent addresses him («Listo, don Jorge, quedó
    # registrado todo.», blind panel P sb-04 T15), no datum read back
    name = {tx.fold(w) for w in (ctx.customer_name or "").split()}
    return bool(said) and not (len(said) == 1 and said <= name)


def _echoes_data(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` repeats a datum the customer gave (an address, a number): «Anotado:
    Avenida Universidad 845…» notes it down, it reflects no need (panel O tf-03 T7)."""
    before = [c for c in ctx.customer_turns if c < n and ctx.has(c, "data_given")]
    said = _repeated(ctx, n, before) if before else set()
    # the customer's name alone is how the agent addresses her, not a datum repeated
    return len(said) >= READ_BACK_TOKENS + 1 or any(
        "@" in t or any(c.isdigit() for c in t) for t in said
    )


def _repeated(ctx: CallContext, n: int, before: list[int]) -> set[str]:
    """The customer's data tokens agent turn ``n`` says again: a product's name or price is the
    offer's, not the customer's datum (panel N ug-04 T12: «¿cuál le interesa: el Astra 5 de
    4,999…?» after the customer named the Astra)."""
    given: set[str] = set()
    for c in before:
        given |= _data_tokens(ctx.text(c))
    return (_data_tokens(ctx.text(n)) & given) - _offer_tokens(ctx)


def _offer_tokens(ctx: CallContext) -> set[str]:
    """The catalog's names and prices as ``_data_tokens`` reads them."""
    if "offer_tokens" not in ctx.memo:
        said = [
            f"x {p.name} {p.price:,.0f} {p.price:.0f}" if p.price else f"x {p.name}"
            for p in ctx.transcript.catalog
        ]
        ctx.memo["offer_tokens"] = _data_tokens(" ".join(said))
    return set(ctx.memo["offer_tokens"])


def _claims(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` informs (a feature, a benefit or a price, not a reflection of the
    customer's words), from the offer's presentation on
    in a sale («entonces en las tardes se le traba, ¿y eso qué le ha costado?» before it is a
    probe, panel M ve-05 T6)."""
    money = any(a.is_money for a in ctx.amounts(n)) and not ctx.has(n, "data_request")
    # a reflection informs only when it also states the offer and asks for the decision
    # (``evidence_fit.informs``, panel K)
    if not (informs(ctx, n) and (ctx.has(n, "feature", "benefit") or money)):
        return False
    shown = ctx.first_presentation
    return not (ctx.selling and shown is not None and n < shown)


def _presents(ctx: CallContext, n: int, out: set[str]) -> bool:
    """Agent turn ``n`` presents the offer as the standard describes it: it states features,
    benefits or a price at some length outside its questions, tied to the need or not, and is no
    request for data, read-back, registration or opening (panel N ua-01 T12 over the close T16,
    ug-03 T10 over the probe T8, ub-01 T14 over the recap with a data request T18)."""
    if out & set(NOT_PRESENTING):
        return False
    # a request for data after a long explanation still explains (panel N uf-04 T9: «Se programa
    # con al menos 3 días hábiles… El cambio no tiene costo…»); a recap before it does not
    words = statement_words(ctx.text(n))
    if ctx.has(n, "data_request", "data_confirmation") and words < PRESENT_WORDS_WITH_DATA:
        return False
    money = any(a.is_money for a in ctx.amounts(n))
    # a benefit word alone is no presentation (panel M ve-05 T6: «entonces en las tardes… se le
    # traba. ¿Y eso qué le ha costado?»)
    if not (ctx.has(n, "feature") or money):
        return False
    if words < (PRESENT_WORDS if money else PRESENT_WORDS_NO_PRICE):
        return False
    shown = ctx.first_presentation
    return not (ctx.selling and shown is not None and n < shown)


def _settles_order(ctx: CallContext, n: int, situation: bool) -> bool:
    """In a sale, a closed question after the offer was presented settles the order or the data
    («Para no equivocarme: ¿le agrego solo la funda o también la garantía?», «¿Y la dirección
    de envío?»): it probes the customer's situation only when it draws a need (panel O tb-02
    T29, tc-02 T17/T23)."""
    shown = ctx.first_presentation
    return (
        ctx.selling
        and shown is not None
        and n > shown
        and not situation
        and not _elicits_need(ctx, n)
    )


def _elicits_need(ctx: CallContext, n: int) -> bool:
    """The customer's next turn states a need: the agent's question probed, even after a
    read-back (panel N ua-03 T5, panel M vb-03 T5: «Le confirmo: cuenta… Y cuénteme, ¿desde
    cuándo…?»)."""
    if n + 1 not in ctx.customer_turns:
        return False
    # a complaint told at length is the situation the question asked for (ud-03 T6: «la luz del
    # módem está en rojo; ya lo apagué…»), «ya me harté» is not (panel L wc-05 T8)
    told = ctx.has(n + 1, "complaint") and ctx.words[n] >= TOLD_WORDS
    return ctx.has(n + 1, "need_statement") or told


def _of(ctx: CallContext, n: int, answers: set[int], opening: set[int]) -> frozenset[str]:
    text, folded = ctx.text(n), ctx.folded[n - 1]
    out: set[str] = set()
    if n in opening and ctx.has(n, *OPENING_ACTS):
        out.add("identification")
    if ctx.has(n, "agent_id", "company_id"):
        out.add("identification")
    if n in answers:
        out.add("objection_answer")
    if conduct.refuses_disclosure(text) and pattern("confidential").search(folded):
        out.add("refusal")
    if states_registration(text):
        out.add("registration")
    if pattern("call_back").search(folded):
        out.add("call_back")
    if ctx.has(n, "close", "trial_close"):
        out.add("close")
    if ctx.has(n, "offer_more"):
        out.add("offer_more")
    if ctx.has(n, "farewell") or (n == ctx.agent_turns[-1] and ctx.has(n, "thanks")):
        out.add("farewell")
    if ctx.has(n, "data_request") and "identification" not in out:
        out.add("data_request")
    if ctx.has(n, "data_confirmation") and "identification" not in out and _repeats_data(ctx, n):
        out.add("read_back")
    if "read_back" in out and _presents(ctx, n, out - {"read_back"}):
        # «Le confirmo que el Nova X está agotado… tengo dos opciones» presents; a read-back of
        # the product and of two or more of the customer's data is still one (uc-06 T28)
        before = [c for c in ctx.customer_turns if c < n and ctx.has(c, "data_given")]
        if len(_repeated(ctx, n, before)) < READ_BACK_TOKENS:
            out.discard("read_back")
    presents = _presents(ctx, n, out)
    if presents:
        out.add("presentation")
    quiet = not (
        out & {"identification", "objection_answer", "refusal", "call_back", "registration"}
    )
    # «¿le agrego la funda por 349 pesos?» offers, it probes nothing (panel N ug-06 T15)
    offers = ctx.has(n, "feature") and any(a.is_money for a in ctx.amounts(n))
    situation = ctx.has(n, "open_question") and situation_question(text) is not None
    if (
        quiet
        and not presents
        and not offers
        and ctx.has(n, *ASKS)
        and not ctx.has(n, *NOT_PROBING)
        and not permission_only(ctx, n)
        and not data_only_questions(ctx, n)
        and not decision_question(ctx, n)
        and not _settles_order(ctx, n, situation)
    ):
        out.add("probe")
        if situation:
            out.add("open_probe")
    elif (
        situation
        and not presents
        and not ctx.has(n, "data_request", "close")
        and not out & {"refusal", "objection_answer", "call_back"}
        # the opening's courtesy («Mucho gusto… con gusto la ayudo. ¿Para qué lo va a usar?») is
        # no identification of the agent: its situation question probes (panel O tb-02 T3)
        and not (
            "identification" in out
            and (n == ctx.agent_turns[0] or ctx.has(n, "agent_id", "company_id", "greeting"))
        )
        and _elicits_need(ctx, n)
    ):
        out |= {"probe", "open_probe"}
    if (
        ctx.has(n, "paraphrase")
        and ctx.words[n - 1] >= PARAPHRASE_WORDS
        and not ctx.has(n, "data_request", "data_confirmation", "greeting", "close", "hold_request")
        and not presents
        and not _echoes_data(ctx, n)
    ):
        out.add("paraphrase")
    if ctx.has(n, "paraphrase", "empathy"):
        out.add("reflection")
    if _claims(ctx, n) and "call_back" not in out:
        out.add("product_claim")
    if asks_situation(ctx, n, out):
        out.add("asks_situation")
    return frozenset(out)


def functions(ctx: CallContext, n: int) -> frozenset[str]:
    """The functions of turn ``n`` (empty for a customer turn), computed once per call."""
    table = ctx.memo.get("turn_functions")
    if table is None:
        answers = _objection_answers(ctx)
        opening = set(opening_turns(ctx))
        table = {m: _of(ctx, m, answers, opening) for m in ctx.agent_turns}
        ctx.memo["turn_functions"] = table
    return table.get(n, frozenset())


def turns_with(ctx: CallContext, function: str) -> list[int]:
    """The agent turns that have ``function``, in call order."""
    return [n for n in ctx.agent_turns if function in functions(ctx, n)]
