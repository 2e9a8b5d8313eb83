"""Element ``data_management``: required fields captured, correct and confirmed.

Correct means equal (by the language layer's field comparison) to what the customer said in the
call and to ``customer_data`` when given. Confirmed means the agent read the value back, or asked
the customer to confirm right after the customer gave it. Calls without a list of required fields
(imported real calls) are judged in ``data_unlisted.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from simulator.language import extract as lx
from simulator.language import hours, names, spelled
from simulator.models.scorecard import ElementResult, ErrorFinding
from simulator.scoring import data_refused, lang
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.data_phrasing import data_phrasing as data_phrasing
from simulator.scoring.data_phrasing import read_back as read_back
from simulator.scoring.data_quotes import request_hint
from simulator.scoring.data_terms import catalog_terms_of, customer_confirmed, same_date
from simulator.scoring.data_unlisted import judge_unlisted
from simulator.scoring.judged import Judged, dedupe, not_applicable
from simulator.scoring.rubric import rule

_DIGITS = re.compile(r"\D+")
LONG_VALUE_WORDS = 5
LONG_VALUE_SHARE = 0.4  # «fuga en el tubo…» reads back «fuga de agua por tubo roto…» (panel v-05)
READ_BACK_SHARE = 0.6
MIN_PARTIAL = 10
DATA_ACTS = ("data_request", "data_confirmation")
NOT_DATA_ACTS = ("greeting", "farewell", "thanks", "offer_more")
GREETING_ACTS = ("greeting", "company_id", "agent_id")  # the opening, not the data work


@dataclass
class FieldCheck:
    name: str
    captured: str | None
    said: str | None = None
    said_turn: int | None = None
    expected: str | None = None
    correct: bool = True
    confirm_turn: int | None = None
    request_turn: int | None = None
    problems: list[str] = field(default_factory=list)


def field_label(name: str) -> str:
    return names.field_label(name)


@lru_cache(maxsize=4096)
def _safe_matches(name: str, expected: str, given: str) -> bool:
    try:
        if lx.field_matches(name, expected, given):
            return True
    except Exception:  # unknown field kinds fall back to folded comparison
        pass
    a, b = tx.fold(expected), tx.fold(given)
    if a == b or _content_words(a) == _content_words(b) != frozenset() or same_date(a, b):
        return True  # «de 9 a 13 horas» = «9 a 13 horas»
    # A value heard only in part («Calle Olivo 23, Col») still agrees with the full capture.
    short, full = sorted((a, b), key=len)
    return len(short) >= MIN_PARTIAL and full.startswith(short)


def _content_words(folded: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", folded) if w not in tx.stopwords())


def _answers_other_field(ctx: CallContext, n: int, name: str) -> bool:
    """Customer turn ``n`` gave another captured field («Es de 9 a 13 horas» is the visit time,
    not the account number, even if the agent's request also said «número»)."""
    folded = ctx.folded[n - 1]
    for other, value in ctx.transcript.capture.items():
        if other == name or not value or not value.strip():
            continue
        words = _content_words(tx.fold(value))
        if words and words <= _content_words(folded):
            return True
    return False


_EMAIL = re.compile(r"\S+@\S+")


def mentions_value(ctx: CallContext, n: int, name: str, value: str) -> bool:
    """Agent turn ``n`` reads ``value`` back (exact, phone digits, or most of its words)."""
    folded_value = tx.fold(value)
    if not folded_value:
        return False
    text, folded = ctx.text(n), ctx.folded[n - 1]
    if "@" in text and lang.field_kind(name) != "email":
        # «correo arturo.ibarra@…» reads back the email, not the name (panel J yi-02)
        text = _EMAIL.sub(" ", text)
        folded = tx.fold(text)
    if folded_value in folded:
        return True
    if same_date(value, folded) or hours.same_slot(value, text):
        return True  # «2027-01-05» read as «el 5 de enero», «de 9 a 13 horas» as «de 9 a 1»
    digits = _DIGITS.sub("", value)
    if len(digits) >= 7:
        phone = lang.phone(text, folded)
        if phone and _DIGITS.sub("", phone).endswith(digits[-8:]):
            return True
    said = lang.field_value(name, text, folded)
    if said and _safe_matches(name, value, str(said)):
        return True
    if lang.field_kind(name) == "email" and lx.email_spelled_in(value, text):
        return True  # «h salinas arroba outlook…», «p, a, t, y, punto…» (panels w-08, y-02)
    if spelled.spelled_in(value, text):
        return True  # a plate or a folio spelled back: «N-X-R 4-8-2 B», «pe, cu, erre…»
    number = _as_number(value)
    if number is not None and any(abs(a.value - number) < 0.5 for a in ctx.amounts(n)):
        return True
    value_words = [w for w in _expanded(name, value).split() if w not in _skippable()]
    if len(value_words) < 2:
        return False
    # «Avenida…, departamento…, colonia…» reads back «Av. …, Depto. …, Col. …», in any order,
    # the kind words (calle, colonia, ciudad de México) may be left out
    words = (
        set(folded.split())
        | set(_expanded(name, text).split())
        | {f"{a.value:g}" for a in ctx.amounts(n)}
    )
    value_words = [f"{float(w):g}" if w.isdigit() else w for w in value_words]
    hits = sum(w in words for w in value_words)
    # a long free-text value is read back in fewer words (panel u-06)
    share = READ_BACK_SHARE if len(value_words) < LONG_VALUE_WORDS else LONG_VALUE_SHARE
    return hits / len(value_words) >= share


def _expanded(name: str, text: str) -> str:
    try:
        return lx.normalize_field(name, text)
    except Exception:  # unknown field kinds: the folded words
        return tx.fold(text)


@cache
def _skippable() -> frozenset[str]:
    """Words a read-back may leave out: stopwords and an address's kind words («colonia»)."""
    kinds = lx.field_lexicon()["address_kind_words"]
    assert isinstance(kinds, list)
    return frozenset(str(w) for w in kinds) | tx.stopwords()


def _as_number(value: str) -> float | None:
    cleaned = value.replace("$", "").replace(",", "").replace(" ", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _data_turns(ctx: CallContext) -> list[int]:
    """Customer turns that give data (computed once per call, shared by every field)."""
    if "data_turns" not in ctx.memo:
        ctx.memo["data_turns"] = [n for n in ctx.customer_turns if _gives_data(ctx, n)]
    return list(ctx.memo["data_turns"])


def _said_values(ctx: CallContext, name: str) -> list[tuple[int, str]]:
    found = []
    for n in _data_turns(ctx):
        value = lang.field_value(name, ctx.text(n), ctx.folded[n - 1])
        if value:
            found.append((n, str(value)))
    return found


def _asked_for(ctx: CallContext, n: int, name: str) -> bool:
    """The agent turn right before customer turn ``n`` asked for ``name``."""
    prev = ctx.prev_agent(n)
    return prev == n - 1 and bool(tx.field_label_cue(name).search(ctx.folded[prev - 1]))


def _gives_data(ctx: CallContext, n: int) -> bool:
    """Customer turn ``n`` gives data: tagged so, or it answers an agent's data request."""
    if ctx.has(n, "data_given"):
        return True
    prev = ctx.prev_agent(n)
    return prev is not None and prev == n - 1 and ctx.has(prev, "data_request")


def check_field(ctx: CallContext, name: str) -> FieldCheck:
    """The capture check of one required field (computed once per call)."""
    key = f"field:{name}"
    if key not in ctx.memo:
        ctx.memo[key] = _check_field(ctx, name)
    return ctx.memo[key]  # type: ignore[no-any-return]


def _check_field(ctx: CallContext, name: str) -> FieldCheck:
    t = ctx.transcript
    captured = (t.capture.get(name) or "").strip() or None
    check = FieldCheck(name=name, captured=captured, expected=t.customer_data.get(name) or None)
    said = _said_values(ctx, name)
    matching = [(n, v) for n, v in said if captured and _safe_matches(name, v, captured)]
    asked = [
        (n, v)
        for n, v in said
        if _asked_for(ctx, n, name) and not _answers_other_field(ctx, n, name)
    ]
    if matching:
        check.said_turn, check.said = matching[-1]
    elif asked:
        check.said_turn, check.said = asked[-1]
    label = field_label(name)
    if captured is None:
        check.correct = False
        check.problems.append(f"Falta capturar el campo «{label}»")
        return check
    if check.said and not _safe_matches(name, check.said, captured):
        check.correct = False
        check.problems.append(
            f"«{label}» capturado como «{captured}», pero el cliente dijo «{check.said}» "
            f"(turno {check.said_turn})"
        )
    elif (
        check.expected
        and not _safe_matches(name, check.expected, captured)
        and not catalog_terms_of(ctx, check.expected, captured)
        and not customer_confirmed(ctx, lambda n: mentions_value(ctx, n, name, captured))
    ):
        check.correct = False
        check.problems.append(
            f"«{label}» capturado como «{captured}» no coincide con el registro del cliente"
        )
    if check.said_turn and ctx.prev_agent(check.said_turn) == check.said_turn - 1:
        prev = check.said_turn - 1
        if ctx.has(prev, "data_request", "data_confirmation") or _asked_for(
            ctx, check.said_turn, name
        ):
            check.request_turn = prev
    check.confirm_turn = _confirm_turn(ctx, name, check.said_turn or 0, check.said or captured)
    if check.confirm_turn is None and matching:
        # the customer said it again after the agent's read-back («le confirmo: … teléfono 81 12…»
        # — «sí, 81 12…»): the read-back before the repeat counts (panel n-01, session 16)
        first = matching[0][0] if len(matching) > 1 else 0
        check.confirm_turn = _confirm_turn(ctx, name, first, check.said or captured)
    if check.confirm_turn is None:
        check.problems.append(f"Confirmar «{label}» leyéndoselo de vuelta al cliente")
    return check


def collection_start(ctx: CallContext) -> int:
    """The first agent turn that asks for or reads back data (0 when there is none)."""
    if "collection_start" not in ctx.memo:
        ctx.memo["collection_start"] = next(
            (n for n in ctx.agent_turns if ctx.has(n, *DATA_ACTS)), 0
        )
    return int(ctx.memo["collection_start"])


def _confirm_turn(ctx: CallContext, name: str, start: int, value: str) -> int | None:
    """The agent turn that confirms ``value``: a read-back during the data collection first.

    Turns before the collection (the opening's «¿hablo con la señora …?») or after it (a
    farewell that names the customer) still count when nothing better exists, but
    ``is_data_turn`` keeps them out of the evidence."""
    later = [n for n in ctx.agent_turns if n > start]
    confirms_at_once = bool(start and later) and ctx.has(later[0], "data_confirmation")
    if start and later and later[0] == start + 1 and lang.field_kind(name) == "name":
        # «Gracias, señor Reyes» right after the customer said «Marco Antonio Reyes Flores»:
        # the agent says the name back as it will address the customer
        confirms_at_once = confirms_at_once or names.name_mentions(ctx.text(later[0]), value) > 0
    if confirms_at_once and not mentions_value(ctx, later[0], name, value):
        # a read-back of the other fields («queda su pago de 1,850 el día 27, ¿me confirma?») does
        # not confirm this one (panel J yj-08: a phone never read back counted confirmed)
        confirms_at_once = not _reads_back_others(ctx, later[0], name)
    immediate = later[0] if confirms_at_once else None
    mentions = [n for n in later if mentions_value(ctx, n, name, value)]
    data_mentions = [n for n in mentions if is_data_turn(ctx, n)]
    if data_mentions:
        return data_mentions[0]
    if immediate is not None:
        return immediate
    return mentions[0] if mentions else None


def _reads_back_others(ctx: CallContext, n: int, name: str) -> bool:
    """Agent turn ``n`` reads back the captured value of another field."""
    return any(
        mentions_value(ctx, n, other, value)
        for other, value in ctx.transcript.capture.items()
        if other != name and value and str(value).strip()
    )


def is_data_turn(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` belongs to the data collection (a request or a read-back)."""
    if ctx.has(n, *DATA_ACTS):
        return True
    start = collection_start(ctx)
    return bool(start) and n >= start and not ctx.has(n, *NOT_DATA_ACTS)


def _evidence(ctx: CallContext, checks: list[FieldCheck]) -> list[Any]:
    """The agent's read-backs first (what a QA lead looks for), then requests (not the greeting's
    «¿con quién tengo el gusto?» when more shows the work: panel E), then the customer's values."""
    first: list[int] = []
    then: list[int] = []
    for c in checks:
        if c.confirm_turn and is_data_turn(ctx, c.confirm_turn):
            first.append(c.confirm_turn)
        if c.request_turn:
            then.append(c.request_turn)
    then = [n for n in then if len(first) + len(then) < 3 or not ctx.has(n, *GREETING_ACTS)]
    then += [c.said_turn for c in checks if c.said_turn]
    # a turn that reads the data back is cited instead of one that names a value while explaining
    # (panel J: «T13 es la explicación de la aclaración»)
    read = [n for n in first if ctx.has(n, "data_confirmation")]
    first = read or first
    if not first and not then:
        then = [n for n in ctx.agent_turns if ctx.has(n, *DATA_ACTS)][:2]
    turns = list(dict.fromkeys(first + then))[:6]  # requests quoted at their question
    return [ctx.evidence(n, request_hint(ctx, n, first)) for n in turns]


def data_not_due(ctx: CallContext) -> str | None:
    """Why the required fields were not yet due, or None: the call ended before its goal (the
    customer hung up, refused the sale or made no promise), so only what was given is judged."""
    t = ctx.transcript
    if ctx.sale_registered or t.outcome in ("sale", "resolved"):
        return None
    if ctx.customer_hung_up:
        return "customer hung up before data"
    if ctx.kind in ("sale", "collections") and t.outcome in ("no_sale", "unresolved"):
        return "goal not reached before data"
    return None


def judge(ctx: CallContext) -> Judged:
    required = list(dict.fromkeys(ctx.transcript.required_fields))
    if not required:
        return judge_unlisted(ctx)
    checks = [check_field(ctx, name) for name in required]
    checks = [c for c in checks if c.captured or c.said or not data_refused.refused(ctx, c.name)]
    if not checks:
        return not_applicable("customer refused the data")
    not_due = data_not_due(ctx)
    if not_due:
        # a QA lead judges only the data that was given or captured before the call ended
        checks = [c for c in checks if c.captured or c.said]
        if not checks:
            return not_applicable(not_due)
    captured = sum(c.captured is not None for c in checks)
    correct = sum(c.captured is not None and c.correct for c in checks)
    confirmed = sum(c.confirm_turn is not None for c in checks)
    missing = [p for c in checks for p in c.problems]
    evidence = _evidence(ctx, checks)
    met = not missing
    better = None if met else data_phrasing(checks, ctx.kind)
    score = (captured + correct + confirmed) / (3 * len(checks))
    result = Judged(
        ElementResult(met=met, evidence=dedupe(evidence), missing=missing, better_phrasing=better),
        score,
    )
    result.facts.update(checks=checks, required=len(checks), correct=correct, confirmed=confirmed)
    return result


DISCLOSURE_MISSING = "Verificar la identidad del titular antes de dar o comentar datos de su cuenta"


def after_critical(ctx: CallContext, judged: Judged, critical: list[ErrorFinding]) -> Judged:
    """A confidential disclosure is also a failure to manage the customer's data: the element
    cannot be met (or left out) in a call that gave an account's data to someone unverified."""
    turns = [e.turn for e in critical if e.code == "confidential_disclosure" and e.turn]
    if not turns or judged.result.met is False:
        return judged
    evidence = dedupe([*judged.result.evidence, ctx.evidence(turns[0])])
    result = ElementResult(
        met=False,
        evidence=evidence,
        missing=[*judged.result.missing, DISCLOSURE_MISSING],
        better_phrasing=judged.result.better_phrasing
        or rule("confidential_disclosure", "critical").example,
    )
    replaced = Judged(result, 0.0)
    replaced.facts.update(judged.facts)
    replaced.errors = judged.errors
    return replaced
