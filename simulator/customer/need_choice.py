"""Which of the customer's needs answers the agent's question.

Two things a literal keyword list missed in play:
- A probe keyword matches with a few words in between and other forms of its long words: «¿para
  cuándo *cree que* podría hacer un pago?» probes the need keyed «cuándo podría», «¿cómo le está
  afectando?» the one keyed «cómo le afecta» (``probed``).
- The question's slot must fit the answer: «¿para cuándo…?» is answered with a need that names a
  date or a time, never with the story of why the customer stopped paying (tmux play,
  collections/callado: «¿Y para cuándo cree que podría hacer un pago?» — «Estuve desempleado y no
  pude pagar.»). When no need fits, the customer says it does not know (``slot_unknown``).
The slot leads and the words that fit them are data (``question_slots`` in ``es/brain.yaml``).
"""

from __future__ import annotations

import re
from functools import cache

from simulator.analysis import questions
from simulator.customer import cues
from simulator.language.names import field_lexicon
from simulator.language.normalize import normalize
from simulator.models.content import Need, Scenario

# At most this many words may stand between two words of a probe keyword.
GAP = 2
# A keyword word this long matches the longer forms it starts («afecta» → «afectando»).
STEM_LENGTH = 5
# Words that may stand before the interrogative of a slot question («¿Y usted para cuándo…?»).
LEAD_SKIP = frozenset(
    {"y", "e", "entonces", "oiga", "usted", "pero", "bueno", "ok", "ya", "mas", "o"}
)
SMALL = frozenset({"le", "se", "me", "lo", "la", "usted", "ya"})


@cache
def _datum_names() -> tuple[str, ...]:
    """The names of the data a call captures that are more than one word («fecha de
    nacimiento», «número de póliza»), normalized, longest first."""
    labels = field_lexicon().get("field_labels")
    names = {normalize(str(v)) for v in (labels.values() if isinstance(labels, dict) else [])}
    return tuple(sorted((n for n in names if len(n.split()) > 1), key=len, reverse=True))


def without_datum_names(norm_text: str) -> str:
    """The turn without the names of data it asks for: a probe keyword inside one («fecha» of
    «¿me confirma su fecha de nacimiento?») asks for that datum, not about a need (blind panel P
    sb-03: «El 27 cobro» to a request for the birth date)."""
    padded = f" {norm_text} "
    for name in _datum_names():
        padded = padded.replace(f" {name} ", " , ")
    return padded.strip()


def probed(norm_text: str, keywords: list[str]) -> bool:
    """A keyword's words appear in order in the turn, with at most ``GAP`` words between
    consecutive ones (little words like «le», «se» are left out of both first); never inside
    the name of a datum asked for (``without_datum_names``)."""
    norm_text = without_datum_names(norm_text)
    if cues.need_keyword_hit(norm_text, keywords):
        return True
    words = [w for w in norm_text.split() if w not in SMALL]
    for keyword in keywords:
        key = [w for w in normalize(keyword).split() if w not in SMALL]
        if key and _in_order(words, key):
            return True
    return False


def _same(word: str, part: str) -> bool:
    """«afectando» for «afecta», «trabajando» for «trabaja»: a long keyword word is a stem."""
    return word == part or (len(part) >= STEM_LENGTH and word.startswith(part))


def _in_order(words: list[str], key: list[str]) -> bool:
    for start, word in enumerate(words):
        if not _same(word, key[0]):
            continue
        at = start
        for part in key[1:]:
            window = words[at + 1 : at + 2 + GAP]
            hit = next((i for i, w in enumerate(window) if _same(w, part)), None)
            if hit is None:
                break
            at = at + 1 + hit
        else:
            return True
    return False


_PART_BREAK = re.compile(r",\s*(?:y|o)\s+|;\s*")


def question_parts(text: str) -> list[str]:
    """The parts of the turn's questions, normalized: «¿A qué horas se traba, y cuántas personas
    se conectan?» has two («a que horas se traba», «cuantas personas se conectan»)."""
    parts = []
    for question in questions.bodies(text):
        parts += [normalize(p) for p in _PART_BREAK.split(question) if p.strip()]
    return [p for p in parts if p]


def asked_slot(text: str) -> str | None:
    """What the question asks for: ``when`` («¿para cuándo…?», «¿qué día…?») or None."""
    asked = questions.bodies(text) or [text]
    slots = cues.config().get("question_slots", {})
    for question in reversed(asked):  # the last question is the one to answer
        # the interrogative leads the question («¿Y para cuándo…?», «¿Usted cuándo…?»); a
        # «cuando» further on is a clause («¿qué hace cuando se va la luz?»)
        words = normalize(question).split()
        while words and words[0] in LEAD_SKIP:
            words = words[1:]
        head = " ".join(words) + " "
        for slot, spec in slots.items():
            if any(head.startswith(normalize(lead) + " ") for lead in spec.get("leads", [])):
                return str(slot)
    return None


def fits(need: Need, slot: str, *, strict: bool = False) -> bool:
    """Whether some statement of ``need`` answers a question about ``slot``; ``strict``: with a
    date or one of the slot's ``strong_words`` (another need than the one asked for must really
    answer: «dos cargos de 499 este mes» is no answer to «¿cuántos días lleva sin servicio?»)."""
    spec = cues.config().get("question_slots", {}).get(slot, {})
    key = "strong_words" if strict else "answer_words"
    words = [normalize(w) for w in spec.get(key, [])]
    for statement in need.statements:
        norm = normalize(statement)
        if cues.has_date(norm) or cues.contains_any(norm, words):
            return True
    return False


def fact_line(scenario: Scenario, slot: str) -> str | None:
    """A line of the caller's own story that answers ``slot`` («¿desde cuándo está sin servicio?»
    → «Oiga, no tengo internet desde el lunes…»): its reasons for calling, first person, as the
    scenario wrote them. Deterministic: the first that fits."""
    spec = cues.config().get("question_slots", {}).get(slot, {})
    words = [normalize(w) for w in spec.get("answer_words", [])]
    lines = [*scenario.banks.get("state_reason", []), *scenario.banks.get("complaint", [])]
    for line in lines:
        norm = normalize(line)
        if cues.has_date(norm) or cues.contains_any(norm, words):
            return line
    return None


def for_open_question(
    text: str, norm_text: str, unrevealed: list[Need], hinted: list[str]
) -> tuple[Need | None, bool]:
    """The need an open question reveals, and whether the customer must say it does not know
    (the question asks for a date and no untold need names one)."""
    # the questions probe, not the paraphrase before them: «…entre las clases y sus ventas… ¿y cómo
    # le funciona su conexión?» asks about the connection, not the sales it just told (lead play)
    asked = " ".join(question_parts(text)) or norm_text
    hit = next((n for n in unrevealed if probed(asked, n.probe_keywords)), None)
    if hit is None:  # the question probes none: a need the statement touches («batería…») may come
        hit = next((n for n in unrevealed if probed(norm_text, n.probe_keywords)), None)
    if hit is not None:
        return hit, False
    need = next((n for n in unrevealed if n.reveal == "open"), None)
    if need is None:
        need = next((n for n in unrevealed if n.id in hinted), None)
    slot = asked_slot(text)
    if slot is None or need is None or fits(need, slot):
        return need, False
    fitting = next((n for n in unrevealed if fits(n, slot, strict=True)), None)
    return fitting, fitting is None
