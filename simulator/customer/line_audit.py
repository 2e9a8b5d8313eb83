"""The line audit: every piece of a customer reply must have its licence in the call.

A reply is glued from pieces (a filler, a lead-in, a bank line, a datum, a reaction). Blind panel K
heard pieces whose trigger was not in the call: «Ya le había dicho: …» about what was never said,
«Exacto, ese es.» after a registration notice, «justo de eso le quería platicar» about nothing the
agent said, «Eso, la verdad, no sabría decirle» after a real answer, «así ya me gustó más» from a
customer who never doubted, «con esto del calor» in December, and the same idea said twice in one
reply. Filters at the choice of each bank line could not see the glued reply; this audit reads the
reply as it will be said, piece by piece, against the call (the agent's last turn, the customer's
own earlier lines, its data, the call's date) and drops or rephrases each piece without its
licence. It never leaves the reply empty: when every piece would go, the reply stays as it was.
The rules and their phrases live in ``es/line_audit.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from simulator.customer import cues, line_pairs, line_words, reactions
from simulator.customer.casing import capitalize
from simulator.customer.line_words import (
    INTERJECTIONS,
    QUESTION,
    bare,
    config,
    has,
    pattern,
    phrases,
    pieces,
    stems,
)
from simulator.customer.presuppose import AGENT_TEXT
from simulator.customer.state import CustomerState
from simulator.language.normalize import normalize
from simulator.models.content import Scenario

# words of discourse that may open a piece before its marker («Pues mire, es que…»)
_OPENING = INTERJECTIONS | {"mire", "oiga", "o", "sea", "es", "que", "y", "si", "no", "ya", "a"}
_OPENING |= {"ver", "uy", "fijese", "le", "digo", "pero"}
_LEADING = re.compile(r"^[\s,:;.…—-]+")
MARKER_REACH = 40  # characters: a back-reference or a lead-in opens its piece
READ_DIGITS = 4  # a datum with this many digits read back is checked even before it was given
TOPIC_WORDS = 2  # content words shared with the agent's turn: it brought the topic up
EXACT_WORDS = 3  # words of a sentence said again word for word, to be recognised as said
PASSES = 4  # audits of one reply at most (each pass only drops or shortens)
OPENING_WORDS = 3  # at most this many words («Pues mire, es que») before it


@dataclass(frozen=True)
class Context:
    """What licenses a piece: the agent's last turn, the customer's earlier lines, the call."""

    agent: str = ""
    told: tuple[str, ...] = ()
    month: int = 0
    doubted: bool = False
    gave_data: bool = False
    readback: bool = False


def context(state: CustomerState, scenario: Scenario) -> Context:
    """The licences of this reply, from the call memory (before the reply is remembered)."""
    agent = state.play.get(AGENT_TEXT, "")
    try:
        month = date.fromisoformat(state.call_date).month if state.call_date else 0
    except ValueError:
        month = 0
    # a read-back is of what the customer gave (or of a number of its own), not «plomería» said
    # in passing because the scenario files the customer's service under it (panel J yl-01)
    data = {
        f: str(v)
        for f, v in scenario.customer.data.items()
        if f in state.fields_given or sum(c.isdigit() for c in str(v)) >= READ_DIGITS
    }
    readback = bool(agent) and any(cues.value_matches(f, agent, v) for f, v in data.items())
    doubted = bool(state.objections_raised or state.objections or state.closes_refused)
    return Context(
        agent=agent,
        told=tuple(state.used_texts),
        month=month,
        doubted=doubted,
        gave_data=bool(state.fields_given),
        readback=readback,
    )


@lru_cache(maxsize=64)
def _head_words(piece: str) -> frozenset[str]:
    return frozenset(normalize(piece[: 2 * MARKER_REACH]).split())


def _opening(phrase: str, piece: str, words: int = OPENING_WORDS) -> re.Match[str] | None:
    """Where ``phrase`` opens ``piece`` (after at most ``words`` words of discourse, «Pues mire,
    es que»; not «La otra vez que llamé…»), if it does."""
    if phrase.split(" ", 1)[0] not in _head_words(piece):
        return None  # its first word is not even there (most pieces, most phrases)
    match = pattern(phrase).search(piece[: MARKER_REACH + len(phrase)])
    if match is None:
        return None
    if "¿" in piece[: match.start()]:
        return None  # «¿Otra vez mis datos?» complains of a question asked again
    before = normalize(piece[: match.start()]).split()
    if len(before) > words or not set(before) <= _OPENING:
        return None
    return match


def _told_sentences(ctx: Context) -> list[frozenset[str]]:
    return [s for line in ctx.told for s in map(stems, pieces(line)) if s]


def _back_reference(piece: str, after: str, ctx: Context) -> str | None:
    """``piece`` as said (None: dropped): a «como le dije» whose sentence the customer never
    told loses its marker. A marker that leads in («Mire, como le dije, pues…») refers to the
    piece ``after`` it."""
    for phrase in phrases("back_references"):
        match = _opening(phrase, piece)
        if match is None:
            continue
        rest = piece[match.end() :]
        if not stems(rest) and piece.rstrip().endswith("…") and after:
            rest = after
        said = stems(rest)
        told = _told_sentences(ctx)
        share = float(config().get("told_share", 0.5))
        reproach = phrase in phrases("reproaches")
        again = len(said & stems(ctx.agent)) >= TOPIC_WORDS  # the agent asked about it again
        if (
            said
            and any(len(said & s) >= share * len(said) for s in told)
            or _told_exactly(rest, ctx)
        ) and (again or not reproach):
            return piece
        if not said and rest is not after:  # «Ya le había dicho eso.»: about what is asked now
            asked = stems(" ".join(QUESTION.findall(ctx.agent)) or ctx.agent)
            return piece if any(asked & s for s in told) else None
        head = piece[: match.start()].rstrip(" ,:;")
        body = _LEADING.sub("", piece[match.end() :])
        if not body:  # «Sí, como le comentaba hace ratito…»: the «Sí» is left
            return f"{head}." if stems(head) or bare(normalize(head)) else None
        return f"{head}, {body}" if head and head[-1:] not in ".!?…" else body
    return piece


def _told_exactly(rest: str, ctx: Context) -> bool:
    """What follows the marker is a sentence the customer said word for word («la verdad no lo
    tengo muy claro» has no content word to compare, but was said)."""
    said = normalize(rest).strip()
    return len(said.split()) >= EXACT_WORDS and any(said in normalize(line) for line in ctx.told)


def _checking(ctx: Context) -> bool:
    """The agent's last turn asks to check something (a check phrase in a question, or one of
    the customer's data read back)."""
    if ctx.readback:
        return True
    questions = [normalize(q) for q in QUESTION.findall(ctx.agent)]
    if has(" ".join(questions), phrases("check_phrases")):
        return True
    heads = [f"{bare(q)} " for q in questions]
    return any(h.startswith(f"{p} ") for h in heads for p in phrases("identity_checks"))


def _is_confirmation(piece: str) -> bool:
    norm = normalize(piece)
    found = set(phrases("confirmations"))
    return norm in found or bare(norm) in found


def _lead_in(piece: str, after: str, ctx: Context) -> str | None:
    """A lead-in that says the agent brought the topic up, when it did not, is left out."""
    for kind in ("topic", "question"):
        for phrase in phrases("lead_ins", kind):
            match = _opening(phrase, piece, OPENING_WORDS + 1)
            if match is None:
                continue
            if kind == "question" and "?" in ctx.agent:
                return piece
            rest = piece[match.end() :]
            topic = stems(rest) or stems(after)
            # what the agent asks about (or, asking nothing, says) is the topic it brought up
            raised = stems(" ".join(QUESTION.findall(ctx.agent)) or ctx.agent)
            if kind == "topic" and len(topic & raised) >= TOPIC_WORDS:
                return piece
            head = piece[: match.start()].rstrip(" ,:;")
            body = _LEADING.sub("", rest)
            if not stems(body):
                return None
            return f"{head}, {body}" if head and head[-1:] not in ".!?…" else body
    return piece


def _persuaded(ctx: Context) -> bool:
    """The customer can be won over by this turn: it doubted, and the agent's last turn argues
    more than it asks and asks no check (a read-back convinces nobody)."""
    asks = " ".join(QUESTION.findall(ctx.agent))
    if not ctx.doubted or _checking(ctx) or reactions.grants_time(asks):
        return False  # «¿Le parece si le marco en unos días?» wins nobody over
    asked = sum(len(q.split()) for q in QUESTION.findall(ctx.agent))
    return len(ctx.agent.split()) - asked >= asked


@lru_cache(maxsize=8)
def _missing(agent: str) -> tuple[str, ...]:
    """The reaction phrases the agent's turn gives no trigger for (reactions.py), once a turn."""
    return tuple(reactions.missing(agent, set()))


def _unlicensed_reaction(piece: str, ctx: Context) -> bool:
    norm = normalize(piece)
    if has(norm, phrases("doubt_needed")) and not _persuaded(ctx):
        return True
    if has(norm, phrases("given_references")) and not ctx.gave_data:
        return True
    if not ctx.agent:
        return False
    return has(norm, _missing(ctx.agent))


# ------------------------------------------------------------------ the audit


def audit(text: str, ctx: Context) -> str:
    """The reply with every piece that lacks its licence dropped or rephrased; the reply as it
    was when nothing would be left. Audited again until nothing changes («Le repito, ya se lo
    había comentado.» loses both markers, then the «Este…» that led into them)."""
    for _ in range(PASSES):
        said = _audit_once(text, ctx)
        if said == text:
            break
        text = said
    return line_words.undouble(text)


def _audit_once(text: str, ctx: Context) -> str:
    parts = pieces(text)
    if not parts:
        return text
    out: list[str | None] = []
    for i, piece in enumerate(parts):
        after = parts[i + 1] if i + 1 < len(parts) else ""
        said: str | None = line_pairs.weather(piece, ctx.month)
        said = _back_reference(said, after, ctx) if said else None
        said = _lead_in(said, after, ctx) if said else None
        if said and _is_confirmation(said) and not _checking(ctx):
            # «Sí, correcto.» to a yes/no question that checks nothing is a plain yes
            said = "Sí." if normalize(said).startswith("si ") and "?" in ctx.agent else None
        if said and _unlicensed_reaction(said, ctx):
            said = None
        out.append(said)
    for i, said in enumerate(out):
        if said and line_pairs.dont_know_contradicted(said, [p for p in out if p], ctx.agent):
            out[i] = None
    for i, said in enumerate(out):
        if said and line_pairs.contradicted(said, [p for p in out if p and p is not said]):
            out[i] = None
    for i in range(1, len(out)):
        if out[i] is None and parts[i] and line_pairs.dangling(out[i - 1]):
            out[i - 1] = None  # «Ah, y pues…» led into what was dropped
    kept = [p for p in out if p]
    kept = [
        p
        for i, p in enumerate(kept)
        if not (
            i + 1 < len(kept)
            and (
                line_pairs.yes_twice(p, kept[i + 1])
                or line_pairs.leads_into_continuation(p, kept[i + 1])
            )
        )
    ]
    final: list[str] = []
    seen: frozenset[str] = frozenset()
    asked = stems(" ".join(QUESTION.findall(ctx.agent)))
    for piece in kept:
        if final and line_pairs.duplicate(piece, seen, asked):
            if line_pairs.dangling(final[-1]):
                final.pop()  # «Este…» led into what was dropped
            continue
        piece = line_pairs.repeated_clauses(piece, seen)  # cust-d: a clause said twice
        final.append(piece)
        seen |= stems(piece)
    if not final:
        return text
    joined: list[str] = []
    for piece in final:
        if not joined or joined[-1].rstrip()[-1:] in ".!?":
            piece = capitalize(piece)
        joined.append(piece)
    if joined[-1].rstrip().endswith((",", ":", ";")):
        joined[-1] = joined[-1].rstrip(" ,:;") + "."
    return " ".join(joined)


def faults(text: str, ctx: Context) -> bool:
    """Whether the audit would change ``text`` (for tests and benches)."""
    return audit(text, ctx) != text
