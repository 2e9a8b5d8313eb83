"""Clauses and questions: where a turn's sentences start and end, and which ones ask something.

Typed turns carry ``¿?`` and periods; speech-recognised turns carry none, so a question is then
recognised by how the clause opens ("qué…", "¿tiene usted…", "le gustaría…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from simulator.analysis.lexicon import agent_hit, agent_patterns
from simulator.language.normalize import MAX_CHARS, normalize

_SPLIT = re.compile(r"(?<=[.!?;…])\s+|(?=[¿¡])|\n+")
_TAG_ONLY = re.compile(
    r"^(?:y )?(?:verdad|cierto|correcto|no|si|ok|okey|sale|va|me explico|me entiende|no es asi|o no|o que|asi es|es correcto|esta bien)(?: \?)?$"
)
_MARKERS = {
    "y",
    "pero",
    "entonces",
    "bueno",
    "ok",
    "okey",
    "oiga",
    "mire",
    "ahora",
    "perfecto",
    "claro",
    "este",
    "pues",
    "a",
    "ver",
    "ah",
    "oh",
    "si",
    "muy",
    "bien",
    "excelente",
    "digame",
    "dime",
    "sr",
    "sra",
    "senor",
    "senora",
    "senorita",
    "don",
    "dona",
    "usted",
    "ustedes",
    "eh",
    "aja",
    "ademas",
    "tambien",
    "ya",
    "listo",
    "sale",
    "va",
}


@dataclass(frozen=True)
class Clause:
    """One sentence of a turn: normalized text and whether it reads as a question."""

    norm: str
    marked: bool  # carries ? or ¿ in the written text
    question: bool
    qstart: int = 0  # where the question starts inside ``norm`` (speech clauses)


# A fronted phrase of two or three words («en casa», «en su trabajo») before a wh-word.
_FRONTED = frozenset({"en", "con", "para", "de", "hoy", "ahorita", "ahora", "actualmente", "ya"})
# A fronted subject («¿su mamá para qué usa el celular?», «¿el carro quién lo maneja?»)
_FRONTED_SUBJECT = frozenset({"su", "sus", "el", "la", "los", "las"})
# Prepositions that may open the interrogative («para qué», «con quién», «a qué hora»)
_WH_PREP = frozenset({"para", "con", "a", "de", "en", "por"})
_WH = frozenset(
    {"que", "quien", "quienes", "como", "cuando", "donde", "cual", "cuales", "cuanto", "cuanta"}
    | {"cuantos", "cuantas"}
)


_TOPICS = frozenset({"eso", "esto", "aquello", "tu", "vos"})
_AS_YOU_LIKE = re.compile(
    r"(?:como|cuando|donde) (?:usted |ustedes |tu )?(?:le |les |te )?"
    r"(?:guste|gusten|quiera|quieran|prefiera|prefieran|desee|deseen|convenga|acomode|pueda|puedan)\b"
)


def _strip_markers(norm: str) -> str:
    words = norm.split()
    i = 0
    while i < len(words) and i < 4 and words[i] in _MARKERS:
        i += 1
    return " ".join(words[i:])


@lru_cache(maxsize=16384)
def _is_open_form(norm: str, in_question: bool = False) -> bool:
    """``in_question``: the clause is already known to be a question (a fronted subject — «¿su mamá
    para qué…?» — only marks an open question then; spoken «y su familia cómo lo toma» may not ask)."""
    lead = agent_patterns()["open_lead"]
    body = _strip_markers(norm)
    if lead.match(body) or lead.match(norm):
        return True
    # «¿Y en casa quiénes son?», «¿en su trabajo cómo le afecta?»: a short place or time phrase
    # may come before the interrogative (panel j-02)
    words = body.split()
    # «y eso cómo lo hace sentir», «tú qué opinas»: a fronted pronoun before the interrogative
    # (not «eso, como usted guste»: «as you like»)
    if len(words) > 1 and words[0] in _TOPICS and words[1] in _WH:
        asked = " ".join(words[1:])
        if lead.match(asked) and not _AS_YOU_LIKE.match(asked):
            return True
    if words and words[0] in (_FRONTED | _FRONTED_SUBJECT if in_question else _FRONTED):
        # «en casa», «en su trabajo», «hoy qué…», «su mamá para qué…»
        for at in (1, 2, 3):
            if at == 1 and words[0] in _WH_PREP:
                continue  # «con cuál de los dos» picks an option; «con qué» is an open_lead form
            rest = words[at:]
            wh = (
                rest[:1]
                if rest[:1] and rest[0] in _WH
                else rest[1:2]
                if rest[:1] and rest[0] in _WH_PREP
                else []
            )
            if wh and wh[0] in _WH and lead.match(" ".join(rest)):
                return True
    return False


def split_clauses(text: str) -> list[Clause]:
    """The clauses of a turn, each normalized, with its question status."""
    return list(clauses_of(text[:MAX_CHARS]))


@lru_cache(maxsize=8192)
def clauses_of(text: str) -> tuple[Clause, ...]:
    """``split_clauses`` as an immutable tuple, cached by text (a turn is read as itself and as
    the context of the next turn)."""
    punctuated = any(ch in text for ch in "?¿.,!;:")
    marks = "?" in text or "¿" in text
    out: list[Clause] = []
    for raw in _SPLIT.split(text):
        if not raw or not raw.strip():
            continue
        norm = normalize(raw)
        if not norm or norm == "?":
            if out and norm == "?":
                last = out[-1]
                out[-1] = Clause(last.norm, True, True)
            continue
        marked = "?" in raw or "¿" in raw
        qstart = 0
        if marked and "¿" not in raw:
            qstart = _typed_question_start(raw, norm)
        if out and marked and _TAG_ONLY.match(norm):
            last = out[-1]
            out[-1] = Clause(f"{last.norm} {norm}", True, True, last.qstart)
            continue
        if marked:
            question = True
        elif punctuated and not marks:
            start = request_start(raw, norm)
            question = start is not None
            qstart = start or 0
        elif punctuated:  # the turn marks its questions: only an opening imperative asks
            question = _is_open_form(norm) and bool(_IMPERATIVE.match(_strip_markers(norm)))
        else:
            start = question_start(norm)
            question = start is not None
            qstart = start or 0
        out.append(Clause(norm, marked, question, qstart))
    return tuple(out)


_IMPERATIVE = re.compile(r"(?:platiqueme|platicame|cuenteme|cuentame|describame|expliqueme|comenteme)")


def request_start(raw: str, norm: str) -> int | None:
    """Where a request for information starts in a sentence of a turn typed without «?»
    («Cuénteme qué pasó.», «Cuando dice eso, me podría explicar…»): at the start of the sentence
    or after one of its commas (the ``info_request`` forms of acts_agent.yaml); None when the
    sentence requests nothing. A turn that marks its questions asks with its marks: there only an
    opening imperative asks («Cuénteme: ¿…?»), as before."""
    request = agent_patterns()["info_request"]
    words = norm.split()
    for at in range(min(len(words), 5)):  # after discourse markers («oiga, dígame qué pasó»)
        if at and words[at - 1] not in _MARKERS:
            break
        body = " ".join(words[at:])
        if request.match(body):
            return len(norm) - len(body)
    parts = raw.split(",")
    if agent_patterns()["request_offer_front"].search(normalize(parts[0])):
        return None
    for at in range(1, min(len(parts), 6)):
        tail = normalize(",".join(parts[at:]))
        rest = _strip_markers(tail)
        if rest and request.match(rest) and norm.endswith(rest):
            return len(norm) - len(rest)
    return None


def _typed_question_start(raw: str, norm: str) -> int:
    """Where the question starts in a clause typed with a final "?" but no "¿"."""
    cue = question_start(norm)
    if cue:
        return cue
    head, comma, tail = raw.rpartition(",")
    if not comma:
        return 0
    tail_norm = normalize(tail)
    if not tail_norm or _TAG_ONLY.match(tail_norm) or not norm.endswith(tail_norm):
        return 0
    return len(norm) - len(tail_norm)


@lru_cache(maxsize=8192)
def question_start(norm: str) -> int | None:
    """For an unpunctuated (speech) clause: where a question starts, or None if none does."""
    if _is_open_form(norm):
        return 0
    body = _strip_markers(norm)
    m = agent_patterns()["question_lead"].search(body)
    if m and m.start() == 0:
        return 0
    ident = agent_patterns()["identity_check"].search(norm)
    if ident:
        return ident.start()
    mid = agent_patterns()["mid_open"].search(norm)
    if mid:
        return mid.start()
    return 0 if _offers_choice(norm) else None


_CHOICE_TAIL = re.compile(r"^(?:\w+ ){2,10}o (?:\w+ ){0,4}\w+$")
_STATES = ("feature", "benefit", "close", "cross_sell", "offer_help", "data_confirmation")


def _offers_choice(norm: str) -> bool:
    """A speech clause ending in "… o …" that offers options and states nothing about the offer
    ("la señal se le va en la noche o todo el día")."""
    if not _CHOICE_TAIL.match(norm) or norm.startswith(("no ", "ni ", "pero ", "porque ")):
        return False
    return not any(agent_hit(act, norm) for act in _STATES)


def looks_like_question(norm: str) -> bool:
    """Heuristic for unpunctuated (speech) clauses: opens like a question."""
    return question_start(norm) is not None


def _coordinated_open(norm: str) -> bool:
    """«¿trabaja por su cuenta o tiene prestaciones, y a quién quiere asegurar?»: a second question
    joined by «, y» that starts with an interrogative is open, whatever the first asks (panel D)."""
    lead = agent_patterns()["open_lead"]
    for part in re.split(r",\s*(?:y|e)\s+|\s+y\s+(?=(?:a |de |en |con |para |por )?\w+\s)", norm)[
        1:
    ]:
        words = part.split()
        if not words:
            continue
        at = 1 if words[0] in ("a", "de", "en", "con", "para", "por") and len(words) > 1 else 0
        if words[at] in _WH and lead.match(" ".join(words)):
            return True
    return False


def is_open(clause: Clause) -> bool:
    """An open question: not answerable by sí/no nor by choosing an offered option."""
    if _coordinated_open(_strip_markers(clause.norm[clause.qstart :])):
        return True
    if not _is_open_form(clause.norm[clause.qstart :], True) and not _is_open_form(
        clause.norm, True
    ):
        return False
    patterns = agent_patterns()
    offers_options = patterns["choice_or"].search(clause.norm)
    if patterns["open_choice"].search(clause.norm):
        return True  # the options are examples of a usage, or one is left open
    return not (offers_options and patterns["choice_verbs"].search(clause.norm))


def is_question(text: str) -> bool:
    """Whether ``text`` asks something (``?``/``¿``, or an unpunctuated question opening)."""
    if not text:
        return False
    return any(clause.question for clause in clauses_of(text[:MAX_CHARS]))
