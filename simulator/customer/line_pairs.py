"""The line audit's rules within one reply (split from ``line_audit.py``: size).

Pieces of one reply that clash with each other or with the call's date: the same statement said
twice, a short one that a later piece says in full, two bare yeses, a «no sé» beside the answer to
the one question asked, a piece another contradicts, a lead-in left leading into nothing, weather
talk out of season. Each rule says whether a piece goes; ``line_audit.audit`` applies them.
"""

from __future__ import annotations

import re

from simulator.customer.line_words import (
    INTERJECTIONS,
    QUESTION,
    bare,
    config,
    has,
    phrases,
    stems,
)
from simulator.language.normalize import normalize


def weather(piece: str, month: int) -> str | None:
    """Small talk about a weather the call's month does not have: the clause goes."""
    if not month:
        return piece
    norm = normalize(piece)
    for rule in (config().get("weather") or {}).values():
        if month in rule.get("months", []):
            continue
        words = tuple(normalize(str(w)) for w in rule.get("words", []))
        if not has(norm, words):
            continue
        clauses = re.split(r"(?<=,)\s+", piece)
        for i, clause in enumerate(clauses):
            if has(normalize(clause), words):
                later = clauses[i + 1 :]
                if later and later[0].lstrip().startswith("¿") and len(stems(" ".join(later))):
                    return " ".join(later)
                return None
    return piece


def dont_know_contradicted(piece: str, kept: list[str], agent: str) -> bool:
    """A «no sé» piece with an answer beside it to the agent's one question (or to no question)."""
    if not has(normalize(piece), phrases("dont_know")):
        return False
    questions = QUESTION.findall(agent)
    if not questions and "?" not in agent:
        return True
    if len(questions) > 1 or any(SECOND_PART.search(q) for q in questions):
        return False  # «no sé» may answer another of the questions (or parts) asked
    return any(
        other is not piece
        and "?" not in other
        and len(stems(other)) >= 2
        and not has(normalize(other), phrases("dont_know"))
        for other in kept
    )


# customer-z: «¿de cuánto es, y lo piensa pagar de contado?» asks two things in one «¿…?»
SECOND_PART = re.compile(
    r"(?i),?\s+y\s+(?:(?:desde|hasta|para|de|a|en|con)\s+)?(?:qu[ée]|cu[áa]nt|cu[áa]l|c[óo]mo|d[óo]nde|cu[áa]ndo|qui[ée]n|l[oae]s? |si |ya |tiene|hay|usa)"
)


_YES = ("si", "esta bien", "claro", "va", "ok", "de acuerdo", "perfecto", "sale", "adelante")
_BARE_YES = frozenset({"si", "esta", "bien", "claro", "ok", "va", "todo", "correcto", "adelante"})
_BARE_YES_ALSO = frozenset({"de", "acuerdo", "perfecto", "sale", "orale", "andale", "exacto"})


def yes_twice(piece: str, following: str) -> bool:
    """A bare «Sí, está bien.» before a piece that says yes again («Ay, está bien, sí,
    contrátemelo»): once is enough."""
    words = bare(normalize(piece)).split()
    if not words or not set(words) <= _BARE_YES | _BARE_YES_ALSO | INTERJECTIONS:
        return False
    nxt = bare(normalize(following))
    return any(nxt == y or nxt.startswith(f"{y} ") for y in _YES)


def dangling(piece: str | None) -> bool:
    """A short lead-in («Ah, y pues…») that only leads into the next piece."""
    return bool(piece) and str(piece).rstrip().endswith("…") and len(stems(str(piece))) == 0


def duplicate(piece: str, earlier: frozenset[str], asked: frozenset[str] = frozenset()) -> bool:
    """A statement whose content the earlier pieces of the reply already said; a short piece in
    the words of the agent's question («sigue saliendo agua» to «¿…o sigue saliendo agua?») is
    the answer to it and stays."""
    said = stems(piece)
    if "?" in piece or "@" in piece or not said:
        return False  # a question, or an e-mail dictated after the name it is made of
    short = len(piece.split()) <= int(config().get("dup_short_words", 6))
    if short and len(said & asked) >= int(config().get("dup_min", 2)):
        return False
    covered = len(said & earlier)
    share = float(config().get("dup_share", 0.6))
    if covered == len(said) and short:
        return True
    return covered >= int(config().get("dup_min", 2)) and covered >= share * len(said)


def contradicted(piece: str, others: list[str]) -> bool:
    """A piece that another piece of the reply contradicts (``contradictions``)."""
    norm = normalize(piece)
    for rule in config().get("contradictions", []) or []:
        when = tuple(normalize(str(p)) for p in rule.get("when", []))
        drop = tuple(normalize(str(p)) for p in rule.get("drop", []))
        if has(norm, drop) and not has(norm, when) and any(has(normalize(o), when) for o in others):
            return True
    return False


def leads_into_continuation(piece: str, following: str) -> bool:
    """A short lead-in («Mire, con toda confianza le cuento…») before a piece that goes on from
    something said before («y encima me cobraron…»)."""
    words = int(config().get("lead_in_words", 6))
    if not piece.rstrip().endswith("…") or len(piece.split()) > words:
        return False
    said = f"{normalize(following)} "
    return any(said.startswith(f"{c} ") for c in phrases("continuations"))


_CLAUSE = re.compile(r"(?<=[,;])\s+")
CLAUSE_STEMS = 2  # a clause said again is dropped when it has at least this many content words


def repeated_clauses(piece: str, earlier: frozenset[str]) -> str:
    """``piece`` without the clauses an earlier piece of the reply already said in full («…y dos
    veces al mes salgo a carretera. Mire, dos veces al mes salgo a carretera; lo demás…»: cust-d,
    blind panel M); the piece as it was when nothing of its own would be left."""
    if "?" in piece or not earlier:
        return piece
    clauses = _CLAUSE.split(piece.strip())
    if len(clauses) < 2:
        return piece
    kept = [c for c in clauses if not (len(stems(c)) >= CLAUSE_STEMS and stems(c) <= earlier)]
    if len(kept) == len(clauses) or len(stems(" ".join(kept))) < CLAUSE_STEMS:
        return piece
    said = " ".join(kept).rstrip(" ,;")
    if said[-1:] not in ".!?…":
        said += piece.rstrip()[-1:] if piece.rstrip()[-1:] in ".!?…" else "."
    return re.sub(r"[,;]\s*$", ".", said)
