"""Better phrasings for a specific moment of the call, from the templates in es/phrasings.yaml.

The main trick: turning the closed question the trainee asked into an open question about the
same topic — first by topic keywords, then by verb patterns that reuse the trainee's own words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml
from simulator.scoring.text import fold

_QUESTION = re.compile(r"¿([^?¿]+)\??|([^.!?¿]+)\?")


_ARTICLES = frozenset(
    {"su", "sus", "el", "la", "los", "las", "un", "una", "de", "del", "mi", "mis"}
)


class _Slots(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "…"


@cache
def templates() -> dict[str, Any]:
    text = resources.files("simulator.coaching").joinpath("es/phrasings.yaml").read_text("utf-8")
    return dict(parse_yaml(text))


@cache
def _verb_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(item["pattern"]), item["say"]) for item in templates()["open_verbs"])


def fill(key: str, **slots: str) -> str:
    """Template ``key`` with ``slots`` filled (unknown slots become «…»)."""
    return str(templates()[key]).format_map(_Slots(slots))


def question_part(text: str) -> str:
    """The (last) question inside a turn, without ¿?; the whole turn when there is none."""
    found = [m.group(1) or m.group(2) for m in _QUESTION.finditer(text[:2000])]
    found = [f.strip() for f in found if f and f.strip()]
    return found[-1] if found else text[:200].strip()


def table(key: str) -> dict[str, Any]:
    """A per-kind table of es/phrasings.yaml (``open_generic``, ``benefit_tie``…)."""
    return dict(templates()[key])


def _first(keys: Sequence[str], tables: dict[str, Any]) -> Any:
    return next((tables[k] for k in (*keys, "generic") if k in tables), None)


def open_question_for(closed: str, keys: Sequence[str] = ("sale",)) -> str:
    """An open question about the same topic as the closed question ``closed``, in the words of
    the call's kind and line of business (``keys``: scoring.kinded.keys_for, most specific first)."""
    question = question_part(closed)
    folded = fold(question)
    words = set(folded.split())
    topics = templates()["open_topics"]
    for key in keys:
        for topic in topics.get(key, []):
            if any((k in words) if " " not in k else (k in folded) for k in topic["keys"]):
                return str(topic["say"])
    generic = str(_first(keys, table("open_generic")))
    if not any(k.split("_")[-1] in ("sale", "outbound", "inbound") for k in keys):
        return generic  # trainee's words reused only in sales («¿tiene…?» → «¿cómo usan…?»)
    skip = set(templates()["open_verbs_skip"])
    for pattern, say in _verb_patterns():
        match = pattern.match(folded)
        if match and not skip & set(match.groupdict().get("obj", "").split()):
            groups = {k: v for k, v in match.groupdict().items() if v}
            groups["obj"] = _original_words(question, groups.get("obj", ""))
            return say.format_map(_Slots(groups))
    return generic


def _original_words(original: str, folded_piece: str) -> str:
    """The words of ``original`` (with accents) that spell ``folded_piece`` once folded."""
    words = original.split()
    target = folded_piece.split()
    for i in range(len(words)):
        window = words[i : i + len(target) + 2]
        if fold(" ".join(window)).startswith(folded_piece):
            out = []
            for w in window:
                out.append(w)
                if fold(" ".join(out)) == folded_piece or len(fold(" ".join(out))) >= len(
                    folded_piece
                ):
                    break
            return " ".join(out).rstrip("?,.;")
    return folded_piece


def answer_for(question: str, cliente: str, someone_elses_data: bool) -> str:
    """Answer the customer's question — or, when it asks for someone else's data, refuse it."""
    if someone_elses_data:
        return fill("refuse_third_party", cliente=cliente)
    return fill("answer_question", pregunta=question.strip(" ,.;:"), cliente=cliente)


def asks_nothing(question: str) -> bool:
    """«¿Qué más?», «¿eh?»: a filler or a prompt to go on, no question to answer."""
    return fold(question).strip(" ,.;:!") in set(templates()["not_questions"])


_SENTENCE = re.compile(r"([^.!?]+)([.!?]|$)")
NEED_WORDS = 14
_GREETING = re.compile(r"\b(?:hola|buen[oa]s? (?:dias|tardes|noches)|gracias|que tal)\b")
# a sentence that sets a condition («Ok, si puedo verificarlo en el número oficial, me da más
# confianza») tells what would reassure, not the need (panel O tb-06 T8: «Como me comentó que
# ok, si puede verificarlo…»); «sí» with its accent is a yes, not a condition
_CONDITION = re.compile(
    r"^(?:(?:ok|okey|ok[aá]y|pues|bueno|este|mire|ah|eh|mmm|oiga|va|aj[aá])[,.…]?\s+)*si\b"
)


def need_clause(text: str) -> str:
    """The sentence of a customer turn that tells the need, as the agent would restate it: not
    a question, a greeting or a courtesy («Buenas tardes. ¿Me repite su nombre?» names no need,
    panel G zs-01); «…» when no sentence does."""
    found = [
        body.strip()
        for body, end in _SENTENCE.findall(text.replace("¿", "").replace("¡", "")[:2000])
        if end != "?"
        and len(body.split()) >= 3
        and not _GREETING.search(fold(body))
        and not _CONDITION.match(body.strip().lower())
    ]
    if not found:
        return "…"
    kept: list[str] = []
    for part in max(found, key=len).split(","):  # whole clauses only, never «…, el de»
        if kept and len(", ".join([*kept, part]).split()) > NEED_WORDS:
            break
        kept.append(part)
    return reported(",".join(kept), NEED_WORDS)


def reported(text: str, max_words: int = 14) -> str:
    """The customer's words as the agent would restate them («mis hijos…» → «sus hijos…»)."""
    data = templates()
    words = text.replace("¿", "").replace("¡", "").split()[:max_words]
    fillers = {f for f in data["leading_fillers"] if " " not in f}
    phrases = [f.split() for f in data["leading_fillers"] if " " in f]
    changed = True
    while words and changed:
        changed = False
        first = words[0].lower().strip(",.;:")
        if first in fillers:
            words, changed = words[1:], True
            continue
        for phrase in phrases:
            head = [w.lower().strip(",.;:") for w in words[: len(phrase)]]
            if head == phrase:
                words, changed = words[len(phrase) :], True
                break
    swap = data["person_swap"]
    out: list[str] = []
    for word in words:
        core = word.lower().strip(",.;:!?")
        tail = word[len(word.rstrip(",.;:!?")) :]
        after_article = bool(out) and out[-1].lower() in _ARTICLES
        if core in swap and not (after_article and core not in ("mi", "mis")):
            out.append(swap[core] + tail)
        else:
            out.append(word.lower() if not out else word)
    return " ".join(out).rstrip(",.;:!?") or "…"
