"""Customer dialogue acts (docs/formats.md §4) and the objection type, from lexicons plus context.

Whether "no" is a refusal or "sí" an acceptance depends on what the agent just asked (a close, an
offer, a data request), so the agent's previous turn is the context.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from simulator.analysis.clauses import clauses_of, is_open, is_question, split_clauses
from simulator.analysis.lexicon import (
    agent_hit,
    customer_patterns,
    objection_patterns,
)
from simulator.analysis.overlap import content_lemmas, content_overlap
from simulator.language.extract import (
    extract_email,
    extract_field_value,
    extract_name,
    extract_phone,
)
from simulator.language.normalize import MAX_CHARS, normalize
from simulator.language.numbers import extract_amounts
from simulator.models.acts import CUSTOMER_ACTS

_NEGATORS = {"no", "ni", "nunca", "tampoco", "jamas", "nada"}
_LEAD_FILLERS = re.compile(
    r"^(?:(?:m+|mm+h*|hm+|eh+|ay|ah|uy|este|oiga|mire|bueno|pues|ya)\s+)+(?=\w)"
)
_EH_TAG = re.compile(r",?\s*¿?\s*\beh\s*\?", re.IGNORECASE)
_STRONG_NOT_INTERESTED = re.compile(
    r"no (?:me |nos )?interesa|no (?:lo |la )?(?:necesito|ocupo)|no me llama la atencion"
)


class CustomerTags(BaseModel):
    """What a customer turn does: its acts and, for an objection, the objection type."""

    model_config = ConfigDict(extra="forbid")

    acts: list[str] = Field(default_factory=list)
    objection_type: str | None = None


def _negated(norm: str, start: int) -> bool:
    before = norm[:start].rsplit(None, 2)[-2:]
    return any(word in _NEGATORS for word in before)


def _search_positive(pattern: re.Pattern[str], norm: str) -> bool:
    return any(not _negated(norm, m.start()) for m in pattern.finditer(norm))


@lru_cache(maxsize=2048)
def _context_acts(context: str) -> frozenset[str]:
    """The functions of the agent's previous turn that change how the answer reads."""
    acts = set()
    whole = normalize(context)
    for key, act in (
        ("proposal_context", "close"),  # "¿le hago el cambio hoy?", "¿se queda con el de 400 o…?"
        ("request_context", "data_request"),  # "¿me da los números de su tarjeta?"
        ("collections_context", "collections"),
        ("small_talk_context", "small_talk"),
        ("offer_context", "offer_question"),
    ):
        if customer_patterns()[key].search(whole):
            acts.add(act)
    for clause in clauses_of(context):
        for act in (
            "close",
            "cross_sell",
            "trial_close",
            "data_request",
            "data_confirmation",
            "hold_request",
            "offer_help",
            "offer_more",
        ):
            if agent_hit(act, clause.norm):
                acts.add(act)
        if clause.question:
            acts.add("question")
            if is_open(clause) and not agent_hit("data_request", clause.norm):
                acts.add("open_question")
            if agent_hit("close_q", clause.norm):
                acts.add("close")
            if agent_hit("offer_more_q", clause.norm):  # «¿algo más en que le apoye?» (zr-02)
                acts.add("offer_more")
            if agent_hit("cross_sell", clause.norm):
                acts.add("cross_sell_question")
    return frozenset(acts)


@lru_cache(maxsize=4096)
def _objection(norm: str) -> str | None:
    for kind, pattern in objection_patterns():
        if kind == "has_provider":
            if _search_positive(pattern, norm) or any(
                m.group(0).startswith(("no ", "ni ", "ya ")) for m in pattern.finditer(norm)
            ):
                return kind
            continue
        if pattern.search(norm):
            return kind
    return None


_OFFERED = ("feature", "benefit", "cross_sell", "close", "trial_close")


def _offered(context: str) -> bool:
    """The agent's previous turn put a product forward (a feature, a benefit, an offer)."""
    return any(agent_hit(act, c.norm) for c in clauses_of(context) for act in _OFFERED)


@lru_cache(maxsize=4096)
def _tag_customer_cached(text: str, context: str | None) -> tuple[tuple[str, ...], str | None]:
    norm = normalize(text)
    if not norm:
        return ("other",), None
    patterns = customer_patterns()
    ctx = _context_acts(context) if context else frozenset()
    proposal = bool(ctx & {"close", "cross_sell", "trial_close"})
    acts: set[str] = set()
    if patterns["phone_answer"].match(norm) and not proposal:
        return ("other",), None  # «¿Bueno?», «Sí.» picking up; a «Sí.» to a close is an answer
    objection = _objection(norm)
    if not objection and context and patterns["chosen_other"].search(norm) and _offered(context):
        objection = "has_provider"  # «ya me había decidido por el Nova» after another offer
    affirmative = bool(patterns["affirmative_start"].match(_LEAD_FILLERS.sub("", norm)))
    bare_no = bool(patterns["bare_no"].match(norm)) or bool(
        re.match(r"\s*[¡]?no\s*[,.!]", text.lower())
    )
    untagged = _EH_TAG.sub("", text)
    asking = (
        is_question(untagged)
        or _asks_unpunctuated(untagged, norm, "question" in ctx)
        or bool(patterns["indirect_question"].search(norm))
    )
    if asking and "?" not in text and patterns["not_question"].search(norm):
        asking = False  # 'va que va', 'pues si, ya que'
    if proposal or ctx & {"data_request", "hold_request", "offer_question"}:
        weak = patterns["weak_refusal"].search(norm) and not objection
        plain_yes = affirmative and not re.search(r"\b(?:no|nel|mejor)\b", norm)  # "sí, déjelo así"
        refused = patterns["refusal"].search(norm) and not plain_yes
        if refused or weak or (bare_no and not affirmative):
            acts.add("refusal")
    elif _firm_refusal(norm):
        acts.add("refusal")
    if (
        objection == "not_interested"
        and ("refusal" in acts or "offer_more" in ctx)
        and not _STRONG_NOT_INTERESTED.search(norm)
    ):
        objection = None
    if objection in ("must_consult", "time") and context and _takes_up_offer(norm, context):
        objection = None
    if objection:
        acts.add("objection")
    declined = bare_no or "refusal" in acts
    clauses = split_clauses(text)
    stated = [c.norm for c in clauses if not (c.question and asking)]
    explicit = any(_search_positive(patterns["acceptance"], c) for c in stated)
    said_yes_first = bool(re.match(r"[^¿?]*,", text))  # "Pues ya, sí, ¿qué le doy?"
    opens_yes = (
        bool(clauses) and (not (clauses[0].question and asking) or said_yes_first) and affirmative
    )
    implicit = bool(ctx & {"close", "cross_sell_question"}) and opens_yes and not objection
    chose = "close" in ctx and bool(
        patterns["choice_answer"].match(norm) or patterns["resigned_yes"].match(norm)
    )
    if not declined and (explicit or implicit or chose) and not hesitates(text):
        acts.add("acceptance")
    if (
        "acceptance" not in acts
        and (
            _search_positive(patterns["buying_signal"], norm)
            or (
                asking
                and not objection
                and not patterns["complaint"].search(norm)
                and bool(patterns["buying_signal_q"].search(norm))
            )
        )
        and objection not in ("not_interested", "do_not_call", "trust")
        and "collections" not in ctx
        and not patterns["own_account"].search(norm)
    ):
        acts.add("buying_signal")
    confirming = "data_confirmation" in ctx and affirmative  # "sí, tengo dos hijos"
    lacks = re.search(
        r"\bno (?:tengo|tenemos|cuento con|contamos con) (?:\w+ )?(?:internet|seguro|tarjeta|gastos medicos|cobertura|asistencia)",
        norm,
    )
    vetoed = bool(patterns["need_veto"].search(norm)) and not patterns["strong_need"].search(norm)
    # "no tengo seguro pero no me interesa" states no need
    vetoed = vetoed or objection in ("time", "do_not_call", "not_interested")
    # ... but a sentence of its own that tells the use does, beside the refusal or the wish to
    # cancel («…le hablo mucho a mi hermano en Houston. Nada más quiero cancelar.»: lead s22);
    # that sentence carries no objection or veto itself
    vetoed = confirming or (vetoed and not _need_apart(text, patterns))
    if not vetoed and (_search_positive(patterns["need_statement"], norm) or lacks):
        acts.add("need_statement")
    if asking:
        acts.add("question")
    if patterns["complaint"].search(norm):
        acts.add("complaint")
        if (
            objection == "trust"
            and not ctx & {"close", "cross_sell", "trial_close"}
            and patterns["grievance"].search(norm)
        ):
            acts.discard("objection")  # "es un robo lo que me cobran": a grievance, not distrust
            objection = None
    if "refusal" not in acts and _gives_data(text, norm, ctx):
        acts.add("data_given")
    if not acts and "open_question" in ctx and "small_talk" not in ctx and _tells_situation(norm):
        acts.add("need_statement")
    if not acts:
        acts.add("other")
    ordered = tuple(act for act in CUSTOMER_ACTS if act in acts)
    return ordered, objection


def _need_apart(text: str, patterns: dict[str, re.Pattern[str]]) -> bool:
    """A sentence of the turn states a need and holds no objection or veto of its own."""
    sentences = [normalize(x) for x in re.split(r"[.!?;]+", text[:4000]) if x.strip()]
    return len(sentences) > 1 and any(
        _search_positive(patterns["need_statement"], x)
        and _objection(x) is None
        and not patterns["need_veto"].search(x)
        for x in sentences
    )


def _takes_up_offer(norm: str, context: str) -> bool:
    """The customer sets as a condition what the agent just offered («si me manda el resumen por
    correo…» after «le mando el resumen por correo»): the agent's way forward, taken."""
    match = customer_patterns()["takes_up_offer"].search(norm)
    return match is not None and content_overlap(match.group(0), context) >= 1


def _firm_refusal(norm: str) -> bool:
    """A refusal that stands without a proposal before it ("no le voy a dar mis datos")."""
    return bool(customer_patterns()["refusal"].search(norm)) and bool(
        re.search(
            r"no (?:le|les) (?:voy a dar|doy)|no (?:quiero|voy a) contratar|no acepto|no autorizo|"
            r"ya (?:le|les) dije que no",
            norm,
        )
    )


@lru_cache(maxsize=4096)
def objection_alone(text: str) -> bool:
    """Whether ``text`` read with no context is an objection: the same answer as
    ``"objection" in tag_customer(text).acts`` without tagging the other acts."""
    if not text or not text.strip():
        return False
    norm = normalize(text[:MAX_CHARS])
    if not norm or customer_patterns()["phone_answer"].match(norm):
        return False
    objection = _objection(norm)
    if objection == "not_interested" and _firm_refusal(norm):
        return bool(_STRONG_NOT_INTERESTED.search(norm))
    if objection == "trust" and customer_patterns()["grievance"].search(norm):
        return False  # with no offer before it, a grievance ("es un robo…") is a complaint
    return objection is not None


def _tells_situation(norm: str) -> bool:
    """An answer to an open question that describes the customer's use, need or problem."""
    if customer_patterns()["bare_no"].match(norm) or customer_patterns()["phone_answer"].match(
        norm
    ):
        return False
    if re.match(r"(?:no se|no,? no se|quien sabe|nada|ninguno|igual|pues nada)\b", norm):
        return False
    return len(content_lemmas(norm)) >= 2


def _asks_unpunctuated(text: str, norm: str, after_question: bool = False) -> bool:
    """A question typed or transcribed without "¿?" ("y cuanto cuesta", "me puede dar un folio");
    "puedo pagar en oxxo" asks only when it does not answer the agent's own question."""
    if any(ch in text for ch in ".,!¿?"):
        return False
    patterns = customer_patterns()
    if not after_question and patterns["question_lead_free"].match(norm):
        return True
    return bool(patterns["question_lead"].match(norm) or patterns["mid_question"].search(norm))


def _gives_data(text: str, norm: str, ctx: frozenset[str]) -> bool:
    if extract_phone(text) or extract_email(text):
        return True
    if customer_patterns()["data_leadins"].search(norm):
        return True
    number = extract_field_value("folio", text)
    if number and len(number) >= 5 and not any(a.is_money for a in extract_amounts(text)):
        return True  # an account, policy or postal-code number dictated on its own
    if "data_request" in ctx:
        if re.search(r"\d{2,}", norm) or extract_name(text):
            return True
        if re.search(r"\b(?:calle|avenida|colonia|cp|codigo postal)\b|\bnumero \d", norm):
            return True
    return False


@lru_cache(maxsize=4096)
def hesitates(text: str) -> bool:
    """The customer neither accepts nor declines («Mmm, depende», «lo voy a pensar», «a ver…»):
    at a close this is no consent."""
    if not text or not text.strip():
        return False
    return bool(customer_patterns()["hesitation"].search(normalize(text[:MAX_CHARS])))


@lru_cache(maxsize=4096)
def affirms(text: str) -> bool:
    """An explicit yes at the start of the turn («sí», «así es», «órale, va», «está bien»), not
    undone by «no», «pero» or a hesitation: consent when it answers a close."""
    if not text or not text.strip():
        return False
    norm = normalize(text[:MAX_CHARS])
    if hesitates(text) or re.search(r"\b(?:no|nel|mejor no|pero)\b", norm):
        return False
    lead = _LEAD_FILLERS.sub("", norm)
    return bool(customer_patterns()["affirmative_start"].match(lead)) or bool(
        _search_positive(customer_patterns()["acceptance"], norm)
    )


def tag_customer(text: str, context: str | None = None) -> CustomerTags:
    """Customer acts of ``text`` (CustomerAct values) and objection type; ``context`` = agent."""
    if not text or not text.strip():
        return CustomerTags(acts=["other"], objection_type=None)
    ctx = context[:MAX_CHARS] if context else None
    acts, objection = _tag_customer_cached(text[:MAX_CHARS], ctx)
    return CustomerTags(acts=list(acts), objection_type=objection)


@lru_cache(maxsize=4096)
def states_call_reason(text: str) -> bool:
    """The customer says what it calls for («Quiero cancelar», «Quería pedir el Nova X», «le
    hablo para dar de baja…»), a need or not: in an inbound call, the reason of the call."""
    if not text or not text.strip():
        return False
    norm = normalize(text[:MAX_CHARS])
    return bool(customer_patterns()["call_reason"].search(norm))


def is_do_not_call_text(text: str) -> bool:
    """A piece of a customer turn asks not to be called or offered anything again (the
    ``do_not_call`` objection of the lexicon), read alone."""
    return _objection(normalize(text[:MAX_CHARS])) == "do_not_call"
