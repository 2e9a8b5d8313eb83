"""What an agent's either/or question offers: its two options as the agent said them, and whether
a customer can say them back (split from ``choice_moves.py``, which decides the customer's choice).
«¿cuál le late más, el Astra 5 o el Nova X?» offers «el Astra 5» and «el Nova X»; «¿ya probó
reiniciarlo o sigue igual?» offers an agent's verb a customer does not repeat. Cue words are data
(``es/brain.yaml`` ``choice``)."""

from __future__ import annotations

import re

from simulator.customer import cues
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

_QUESTION = re.compile(r"¿([^¿?]+)\?|([^.!?¿]+)\?")
_MAX_OPTION_WORDS = 4  # besides articles: «el Nova X de 256» is four
_ARTICLES = frozenset({"el", "la", "los", "las", "de", "del"})
_PAST_ADDRESSED = re.compile(r"^(?:ya |y |o )?\w{2,}ó\b")
# «con o sin el Auto sustituto», «más o menos» are one phrase, no split between two options
# (panel K xd-05: «Eh… con o.»)
SPLIT_O = re.compile(r",?\s+o\s+(?!(?:sin|menos)\b)", re.IGNORECASE)
_ADDRESSED_VERB = re.compile(r"\w{2,}ó$|\w{3,}(?:ar|er|ir)(?:lo|la|los|las|le|les|se)$")


def _last_question(text: str) -> str | None:
    """The turn's last question, unless it is no choice («¿sí o no?», «o sea», «o algo más»)."""
    found = [m.group(1) or m.group(2) for m in _QUESTION.finditer(text)]
    if not found:
        return None
    question = found[-1].strip()
    norm = normalize(question)
    not_a_choice = cues.config().get("choice", {}).get("not_a_choice", [])
    if any(f" {normalize(x)} " in f" {norm} " for x in not_a_choice):
        return None
    last = SPLIT_O.split(norm)[-1] if SPLIT_O.search(norm) else ""
    if last and cues.open_form_question(f"¿{last}?") and not last.startswith("cual"):
        return None  # «¿qué servicio tiene, o con qué se conectan?» asks what, not which
    return question


def _options(text: str) -> list[str]:
    """The two options of the turn's last either/or question, as the agent said them."""
    question = _last_question(text)
    if question is None:
        return []
    conf = cues.config().get("choice", {})
    parts = SPLIT_O.split(question)
    if len(parts) != 2:
        return []
    first, last = parts[0].strip(" ,"), parts[1].strip(" ,")
    first = _around_comma(first)
    leads = sorted([*conf.get("leads", []), *conf.get("extra_leads", [])], key=len, reverse=True)
    for lead in leads:
        match = re.search(rf"(?i)\b{re.escape(lead)}\s+", first)
        if match:
            first = first[match.end() :]
            break
    first = _without_connective(first, conf)
    for lead in leads:  # «…o le interesa el Plus?» is «el Plus»
        match = re.match(rf"(?i)(?:y )?{re.escape(lead)}\s+", last)
        if match:
            last = last[match.end() :]
            break
    return [first, last]


def _without_connective(first: str, conf: dict[str, object]) -> str:
    """«¿Y ahora ya está trabajando o sigue buscando?»: the first option without the question's
    connective and time word («ya está trabajando»), when words are left to say."""
    for word in [str(w) for w in conf.get("option_connectives", []) or []]:  # type: ignore[attr-defined]
        match = re.match(rf"(?i){re.escape(word)}\s+(?=\S+\s+\S)", first)
        if match:
            first = first[match.end() :]
    return first


def _around_comma(first: str) -> str:
    """The first option where a comma cuts it: «¿cuál le late más para su mamá, el Astra 5…» is
    «el Astra 5»; «¿se queda con el Esencial, como lo platicamos, o…» is «…el Esencial»; «9,800»
    is no cut."""
    if ", " not in first:
        return first
    asides = [normalize(str(x)) for x in cues.config().get("choice_asides", [])]
    items = [x for x in first.split(", ") if not any(normalize(x).startswith(a) for a in asides)]
    if items and len(items) < len(first.split(", ")):  # cust-f: «, por ejemplo …» is no option
        return _around_comma(", ".join(items))
    after = first.rsplit(", ", 1)[1].strip()
    starts = cues.config().get("choice", {}).get("option_starts", [])
    head = normalize(after).split()[:1]
    if head and (head[0] in starts or head[0].isdigit()):
        return after
    lead = normalize(first).split()[:1]
    if head and lead and lead[0] in WHICH_WORDS:
        return after  # «¿Cuál le late más, ese o el de 20?»: the question, then its options (s22)
    return first.split(", ", 1)[0].strip()


# A which-question put before its options, cut by a comma
WHICH_WORDS = frozenset({"cual", "cuales", "que", "quien"})


def is_choice(text: str) -> bool:
    """The turn ends with an either/or question whose options a customer can say back («¿cuál le
    late más, el Astra 5 o el Nova X?»; not «¿quiénes dependen de usted, esposa o hijos que…?»
    nor «¿cuántos días lleva sin internet y hay algún foco rojo o apagado?»)."""
    options = _options(text)
    return len(options) == 2 and all(_speakable(o) for o in options)


def _speakable(option: str) -> bool:
    if cues.open_form_question(f"¿{option}?"):
        return False  # «¿Cómo lo ve, o prefiere…?»: «cómo lo ve» is a question, not an option
    words = [w for w in normalize(option).split() if w not in _ARTICLES]
    conf = cues.config().get("choice", {})
    banned = {
        *conf.get("second_person", []),
        *conf.get("agent_verbs", []),
        *conf.get("indefinite", []),
    }
    return 0 < len(words) <= _MAX_OPTION_WORDS and not banned & set(words)


def _sayable(option: str) -> bool:
    """«¿ya probó reiniciarlo o sigue igual?»: an option that is the agent's verb addressed to the
    customer (a past «probó», an infinitive with its pronoun) is not said back as it is."""
    verb_like = any(_ADDRESSED_VERB.search(w) for w in option.lower().split())
    return _speakable(option) and not verb_like


def _raw_options(text: str) -> list[str]:
    """The two sides of the turn's last question split at its last «o» (any length)."""
    question = _last_question(text)
    if question is None:
        return []
    parts = SPLIT_O.split(question)
    if len(parts) < 2:
        return []
    return [" o ".join(parts[:-1]).strip(" ,"), parts[-1].strip(" ,")]


def _clean(option: str, first: bool) -> str:
    """An option as a customer says it back: the agent's lead verb and trailing asides cut."""
    conf = cues.config().get("choice", {})
    text = _without_connective(_around_comma(option), conf) if first else option
    for lead in sorted(
        [*conf.get("leads", []), *conf.get("extra_leads", [])], key=len, reverse=True
    ):
        match = re.search(rf"(?i)^(?:y |o )?{re.escape(lead)}\s+", text)
        if match:
            text = text[match.end() :]
            break
    return text.split(", ", 1)[0].strip()


_WITH_OR_WITHOUT = re.compile(r"(?i)\bcon o sin\s+(.+)$")


def settle_with_or_without(intents: list[Intent], take: bool) -> None:
    """Each option said back that is «con o sin X» becomes one side (:func:`with_or_without`)."""
    for i in intents:
        option = i.slots.get("option")
        if option:
            i.slots["option"] = with_or_without(str(option), take)


def with_or_without(option: str, take: bool) -> str:
    """«con o sin el Auto sustituto» is a choice itself: the customer says one side («con el Auto
    sustituto» when it takes the add-on, else «sin el Auto sustituto»), never «con o» (panel K
    xd-05)."""
    found = _WITH_OR_WITHOUT.search(option)
    if found is None:
        return option
    return f"{'con' if take else 'sin'} {found.group(1).strip(' ,')}"


_PHRASE_HEADS = frozenset(
    {"de", "del", "en", "con", "por", "a", "al", "el", "la", "los", "las", "un", "una", "desde"}
)
_STORY_WORDS = 2  # an option its story names by two words or more («tubo», «fregadero»)


def with_aside(option: str, text: str) -> str:
    """The option with the example the agent gave of it («el tubo roto está a la vista, por
    ejemplo debajo del fregadero»): what grounds the pick, not what is said back (cust-f)."""
    asides = "|".join(re.escape(str(x)) for x in cues.config().get("choice_asides", []))
    if not asides or not option:
        return option
    found = re.search(rf"(?i){re.escape(option)},\s*((?:{asides})\s[^,?¿]+)", text)
    return f"{option} {found.group(1)}" if found else option


def example_of(option: str, text: str) -> str:
    """The agent's example of the option without its lead («debajo del fregadero»), or ""."""
    grounded = with_aside(option, text)
    if grounded == option:
        return ""
    aside = grounded[len(option) :].strip()
    for lead in sorted(cues.config().get("choice_asides", []), key=len, reverse=True):
        if normalize(aside).startswith(normalize(str(lead)) + " "):
            return " ".join(aside.split()[len(str(lead).split()) :])
    return ""


def told_most(options: list[str], story: str) -> str | None:
    """The option the customer's own story names by more of its words than the other: «¿sale
    del tubo de abajo del fregadero o de la llave?» from one whose pipe broke under the sink
    (and who also closed «la llave de paso») is the pipe, not the tap; None when neither is
    named by two of its words or they tie."""
    heads = {normalize(o).split()[0] if o.strip() else "" for o in options}
    if not heads <= _PHRASE_HEADS:
        return None  # «¿y viaja por carretera, o se mueve en la ciudad?»: verbs, not said back
    told = set(normalize(story).split())
    hits = [sum(w in told for w in normalize(o).split() if len(w) > 3) for o in options]
    best = max(hits, default=0)
    if best < _STORY_WORDS or hits.count(best) > 1:
        return None
    return options[hits.index(best)]


def told_side(t: Turn, raw: list[str]) -> int | None:
    """The side of a fact either/or the customer's story names (with the agent's example of it,
    «…a la vista, por ejemplo debajo del fregadero»), or None (cust-f, panel N uf-02)."""
    sides = [_clean(o, first=n == 0) for n, o in enumerate(raw)]
    grounds = [with_aside(o, t.text) for o in sides]
    if grounds == sides:
        return None  # no example given: the older paths decide as before
    said = " ".join(v for k, v in t.s.play.items() if k.startswith("part:"))
    story = told_most(grounds, f"{t.scenario.customer.situation} {said}")
    return grounds.index(story) if story is not None else None


STEM = 5  # «trabajando» and «trabajar» share «traba»: the root a told fact and an option share


def stem_grounded(options: list[str], known_norm: str) -> str | None:
    """«¿ya está trabajando o sigue buscando?» from a customer whose situation says he found a job
    three weeks ago: the one option whose content words share a root with what the customer knows
    of himself (lead's TUI play, session 21: the last option was said against his facts)."""
    if not all(_states_something(o) for o in options):
        return None  # «¿los últimos dígitos de su tarjeta o su fecha de nacimiento?» names data
    roots = {w[:STEM] for w in known_norm.split() if len(w) > STEM}
    hits = [
        option
        for option in options
        if any(len(w) > STEM and w[:STEM] in roots for w in normalize(option).split())
    ]
    return hits[0] if len(hits) == 1 else None


def _states_something(option: str) -> bool:
    """The option says what the customer does or did («sigue buscando», «ya consiguió trabajo»):
    a gerund, a past said to him, or a verb of the first-person table."""
    shift = cues.config().get("choice", {}).get("first_person", {})
    verbs = {*shift.get("verbs", {}), *shift.get("person_verbs", {})}
    words = normalize(option).split()
    return any(w.endswith(("ando", "iendo")) or w in verbs for w in words) or any(
        _ADDRESSED_VERB.search(w) for w in option.lower().split()
    )
