"""An either/or question gets one of its options, never a bare «sí».

Outside trainers counted «Sí, correcto», «Ajá» or «Afirmativo» after «¿Plus o Esencial?», «¿un pago
o mensualidades?» or «¿ya cerró la llave o sigue saliendo?» as the most frequent incoherent customer
line. When the brain's whole reply to such a question is a bare yes/no or filler, this move says
the option instead. It picks the option the customer leans to (a product it already heard about,
or words of its situation and needs), otherwise the last option, which is the one that is spoken
as a phrase a customer can repeat («Sigue saliendo», «Mensualidades, mejor»). The choice is
deterministic and draws nothing more from the call's random stream, so the rest of the call
is unchanged. Cue words are data (``es/brain.yaml`` ``choice``).
"""

from __future__ import annotations

import re

from simulator.customer import cues
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

BARE = frozenset({"short_yes", "short_no", "vague_answer", "filler_ack", "data_confirm_yes"})
_QUESTION = re.compile(r"¿([^¿?]+)\?|([^.!?¿]+)\?")
_MAX_OPTION_WORDS = 4  # besides articles: «el Nova X de 256» is four
_ARTICLES = frozenset({"el", "la", "los", "las", "de", "del"})


def _options(text: str) -> list[str]:
    """The two options of the turn's last either/or question, as the agent said them."""
    found = [m.group(1) or m.group(2) for m in _QUESTION.finditer(text)]
    if not found:
        return []
    question = found[-1].strip()
    conf = cues.config().get("choice", {})
    norm = normalize(question)
    if any(f" {normalize(x)} " in f" {norm} " for x in conf.get("not_a_choice", [])):
        return []
    parts = re.split(r"\s+o\s+", question)
    if len(parts) != 2:
        return []
    first, last = parts[0].strip(" ,"), parts[1].strip(" ,")
    if "," in first:  # «¿cuál le late más para su mamá, el Astra 5 o el Nova X?»
        first = first.rsplit(",", 1)[1].strip()
    for lead in sorted(conf.get("leads", []), key=len, reverse=True):
        match = re.search(rf"(?i)\b{re.escape(lead)}\s+", first)
        if match:
            first = first[match.end() :]
            break
    return [first, last]


def is_choice(text: str) -> bool:
    """The turn ends with an either/or question whose options a customer can say back («¿cuál le
    late más, el Astra 5 o el Nova X?»; not «¿quiénes dependen de usted, esposa o hijos que…?»
    nor «¿cuántos días lleva sin internet y hay algún foco rojo o apagado?»)."""
    options = _options(text)
    return len(options) == 2 and all(_speakable(o) for o in options)


def _speakable(option: str) -> bool:
    words = [w for w in normalize(option).split() if w not in _ARTICLES]
    banned = set(cues.config().get("choice", {}).get("second_person", []))
    return 0 < len(words) <= _MAX_OPTION_WORDS and not banned & set(words)


def _leaning(t: Turn, options: list[str]) -> str | None:
    for option in options:  # its own data first: «¿de 9 a 13 o de 14 a 18?» → «de 9 a 13»
        said = normalize(option)
        if any(said and said in normalize(v) for v in t.scenario.customer.data.values()):
            return option
    heard = [p for p in t.scenario.catalog if p.id in t.s.products_mentioned]
    known = " ".join(
        [t.scenario.customer.situation]
        + [n.description for n in t.scenario.needs if n.id in t.s.revealed_needs]
        + [p.name for p in heard]
    )
    known_norm = f" {normalize(known)} "
    for option in reversed(options):  # the last option is the one a customer repeats best
        words = [w for w in normalize(option).split() if len(w) > 3]
        if words and all(f" {w} " in known_norm for w in words):
            return option
    return None


def _named_options(t: Turn) -> list[str]:
    """«Le sugiero la funda… y la garantía extendida… ¿Le interesa alguno?»: a which-one question
    over the products the turn names, as options in the order they were said («la funda»)."""
    found = [m.group(1) or m.group(2) for m in _QUESTION.finditer(t.text)]
    which = cues.config().get("choice", {}).get("which_one", [])
    if not found or not any(f" {normalize(w)} " in f" {normalize(found[-1])} " for w in which):
        return []
    hits: list[tuple[int, str]] = []
    for product in cues.products_named(t.norm, t.scenario.catalog):
        for alias in sorted([product.name, *product.aliases], key=len, reverse=True):
            match = re.search(rf"\b(?:(el|la|los|las) )?{re.escape(normalize(alias))}\b", t.norm)
            if match:
                article = f"{match.group(1)} " if match.group(1) else ""
                hits.append((match.start(), f"{article}{alias}"))
                break
    return [option for _, option in sorted(hits)] if len(hits) >= 2 else []


def answer(t: Turn, intents: list[Intent]) -> list[Intent]:
    """Replace a bare yes/no/filler reply to an either/or question by the chosen option, and a
    bare yes to «¿le interesa alguno?» over named products by the one it wants (a «no» stays)."""
    if not intents or any(i.name not in BARE for i in intents):
        return intents
    options = _options(t.text)
    if len(options) != 2:
        options = _named_options(t)
        if not options or any(i.name == "short_no" for i in intents):
            return intents
        wanted = _leaning(t, options) or options[-1]
        return [Intent(name="choice_answer", slots={"option": wanted})]
    choice = _leaning(t, options)
    if choice is None or not _speakable(choice):
        choice = options[1] if _speakable(options[1]) else None
    if choice is None:
        return intents
    return [Intent(name="choice_answer", slots={"option": choice})]


def unknown(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«Bien, normal» answers «¿cómo le va con…?», not «¿qué dato le falta?» nor «¿desde qué
    día…?» (panel v: «Funciona dentro de lo esperado» to a question about data): a question that
    asks no «how» gets «no sabría decirle» instead."""
    if not any(i.name == "vague_answer" for i in intents):
        return intents
    asked = " ".join(cues.question_sentences(t.text))
    if cues.contains_any(asked, cues.phrases("how_questions")):
        return intents
    return [Intent(name="slot_unknown") if i.name == "vague_answer" else i for i in intents]
