"""The parts of an agent's turn as the agent said them, and the options each part offers — any
number of them.

Blind panels J and K found option questions answered with nothing chosen when the options were
three («¿la cámara, ver videos o que le dure la batería?»), listed with «entre» or «ya sea», or
stood inside a longer sentence («¿…padecimiento, y qué le pesa más, pagar poco al mes o pagar
menos de su bolsa?»): the older splitters took the whole question as one either/or of two sides.
This module reads each question sentence as parts (at «, y …», «; …» and at « y » before a new
interrogative), keeps each part's words as said (accents and capitals), and finds in a part its
options in order: «A o B», «A, B o C», «entre A, B y C», «ya sea A o B». It decides nothing:
``choice_each`` picks, ``every_part`` answers the other parts. Cue words are data
(``es/brain.yaml`` ``choice``, ``open_leads``).
"""

from __future__ import annotations

import re

from simulator.customer import choice_lists, choice_options, cues
from simulator.language.normalize import normalize

_QUESTION = re.compile(r"¿([^¿?]+)\?|([^.!?¿]+)\?")
_BREAK = re.compile(r",\s*y\s+|;\s*")
_PREPOSITIONS = frozenset({"desde", "hasta", "para", "de", "a", "en", "con"})
MAX_OPTION_WORDS = 10  # a first option longer than this is a clause, not an option
MAX_OPTIONS = 5
_LISTED_WORDS = 6  # an option listed before the last comma is at most this long
_SAY_WORDS = 6  # an option said back is at most this long


def questions(text: str) -> list[str]:
    """The turn's question sentences as said («¿…?», or a sentence that ends in «?»)."""
    return [(m.group(1) or m.group(2)).strip() for m in _QUESTION.finditer(text[:4000])]


def raw_parts(text: str) -> list[str]:
    """The parts of the turn's questions, in order, with the agent's own words: «¿A qué se
    dedica y cómo está cubierto hoy?» has two; «¿la cámara, ver videos o la batería?» one."""
    out: list[str] = []
    for question in questions(text):
        for piece in _BREAK.split(question):
            out += [p.strip(" ,") for p in _split_at_lead(piece) if p.strip(" ,")]
    return out


def _split_at_lead(piece: str) -> list[str]:
    """«desde cuándo está sin servicio y qué ve en el módem»: a « y » before an interrogative
    (a preposition may stand between) opens a second part."""
    leads = sorted(cues.phrases("open_leads"), key=len, reverse=True)
    words = piece.split()
    folded = [normalize(w) for w in words]
    cuts = [0]
    for index, word in enumerate(folded):
        if word not in ("y", "e") or index == 0:
            continue
        rest = folded[index + 1 :]
        if rest and rest[0] in _PREPOSITIONS:
            rest = rest[1:]
        head = " ".join(rest[:4]) + " "
        if any(head.startswith(lead + " ") for lead in leads):
            cuts.append(index)
    cuts.append(len(words))
    parts = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        chunk = words[start:end]
        if start and chunk and normalize(chunk[0]) in ("y", "e"):
            chunk = chunk[1:]
        parts.append(" ".join(chunk))
    return parts


def _not_a_choice(part: str) -> bool:
    """«¿sí o no?», «o sea», a tail «…o algo?» / «…o qué?»: no options («o que le dure la
    batería» in the middle of a list is one)."""
    norm = f" {normalize(part)} "
    blocked = [normalize(x) for x in cues.config().get("choice", {}).get("not_a_choice", [])]
    return any(
        norm.rstrip().endswith(f" {x}") or (not x.startswith("o ") and f" {x} " in norm)
        for x in blocked
    )


def options_of(part: str) -> list[str]:
    """The options a part offers, in order and as said, or [] when it offers none: «entre el
    Astra, el Nova o el Zeta», «ya sea en tienda o en línea», «¿la cámara, ver videos, o que le
    dure la batería?», «¿qué le pesa más, pagar poco al mes o pagar menos de su bolsa?»."""
    if _not_a_choice(part):
        return []
    found = re.search(r"(?i)\b(?:entre|ya sea)\s+(.+)$", part)
    body = found.group(1) if found else part
    sides = choice_options.SPLIT_O.split(body)
    if len(sides) < 2 and found and re.search(r"(?i)\by\s+", body):
        sides = re.split(r"(?i),?\s+y\s+", body)  # «entre A, B y C»
    if len(sides) < 2:
        return []
    head, last = " o ".join(sides[:-1]), sides[-1]
    listed = [x.strip(" ,") for x in re.split(r",\s+", head)]
    listed = [x for x in listed if not _aside(x)] or listed
    first = listed[-1] if found else _parallel(_lead_cut(listed), last)
    options = [*_listed_before(listed), first, last.strip(" ,")] if not found else [*listed, last]
    options = [o.strip(" ,") for o in options if o.strip(" ,")]
    if not 2 <= len(options) <= MAX_OPTIONS:
        return []
    if any(len(o.split()) > MAX_OPTION_WORDS for o in options[:-1]):
        return []
    return options


def _aside(item: str) -> bool:
    """«por ejemplo debajo del fregadero»: an example of the option before it (cust-f)."""
    asides = [normalize(str(x)) for x in cues.config().get("choice_asides", [])]
    norm = normalize(item)
    return any(norm == x or norm.startswith(x + " ") for x in asides)


def _parallel(first: str, last: str) -> str:
    """The first option from the head the last one opens with: «el agua sale del tubo de abajo»
    before «de la llave» is «del tubo de abajo» (cust-f, panel N ub-03); unchanged when the last
    option opens with no such head or the first holds none after its first word."""
    words, heads = first.split(), normalize(last).split()[:1]
    if not heads or len(words) <= _SAY_WORDS:
        return first  # «mañana de 9 a 13» is said back whole
    for group in cues.config().get("choice_parallel_heads", []):
        family = {normalize(str(x)) for x in group}
        if heads[0] not in family or normalize(words[0]) in family:
            continue
        at = next((i for i, w in enumerate(words) if i and normalize(w) in family), None)
        return " ".join(words[at:]) if at is not None else first
    return first


def _listed_before(listed: list[str]) -> list[str]:
    """The short items before the last comma-separated one: «la cámara, ver videos» of
    «¿qué usa más: la cámara, ver videos o la batería?»; the first keeps what follows the
    question's lead («le late más el rojo, …» → «el rojo»)."""
    items = listed[:-1]
    out: list[str] = []
    heads = {normalize(x).split()[0] for x in listed[-1:] if x.split()}
    for index in range(len(items) - 1, -1, -1):
        item = items[index]
        folded = [normalize(w) for w in item.split()]
        if ":" in item:
            out.insert(0, item.rsplit(":", 1)[1].strip())
            break
        lead_item = index == 0 or len(folded) > _LISTED_WORDS
        if lead_item and len(folded) > 3 and heads and heads & set(folded[1:]):
            # «lo usan más para ver videos, para la escuela o para trabajar»: the options
            # share their first word, so the first one starts at its last «para»
            at = max(i for i, w in enumerate(folded) if w in heads)
            out.insert(0, " ".join(item.split()[at:]))
            break
        if index == 0:  # the question's lead stands before the first option, if anywhere
            cut = _strip_lead(item)
            if cut or cues.open_form_question(f"¿{item}?"):
                if cut and len(cut.split()) <= _LISTED_WORDS:
                    out.insert(0, cut)
                break  # «qué es lo que más usa», not an option
        if len(folded) > _LISTED_WORDS:
            break  # a clause, not an option
        out.insert(0, item)
    return [o for o in out if o]


_COMPARATIVES = re.compile(r"(?i)^.*\b(?:más|mas|mejor)\s+")


def _strip_lead(item: str) -> str | None:
    """What follows the question's lead in an item, or None when the item is all lead:
    «prefiere el Plus» → «el Plus»; «le late más el rojo» → «el rojo»."""
    conf = cues.config().get("choice", {})
    leads = sorted([*conf.get("leads", []), *conf.get("extra_leads", [])], key=len, reverse=True)
    for lead in leads:
        match = re.search(rf"(?i)\b{re.escape(lead)}\s+", item)
        if match and match.end() < len(item):
            return item[match.end() :]
    match = _COMPARATIVES.match(item)
    if match and match.end() < len(item):
        return item[match.end() :]
    return None


def _lead_cut(listed: list[str]) -> str:
    """The first option with the question's lead cut off: «qué le pesa más, pagar poco» →
    «pagar poco»; «prefiere el Plus» → «el Plus»."""
    first = listed[-1]
    if ":" in first:
        return first.rsplit(":", 1)[1].strip()
    return _strip_lead(first) or first


_AGENT_WE = re.compile(r"(?i)^(?:.*\s)?\w{3,}(?:amos|emos|imos)\s+")


_CLAUSE_HEADS = frozenset({"cuando", "si", "porque", "mientras", "aunque", "pues", "ya", "y"})


def _before_clause(option: str) -> str | None:
    """«pagar menos de mi bolsa cuando ocurra un evento» → «pagar menos de mi bolsa»: the words
    before a clause a person leaves out when saying an option back."""
    words = option.split()
    for index, word in enumerate(words):
        if index >= 2 and normalize(word) in _CLAUSE_HEADS:
            return " ".join(words[:index]).strip(" ,")
    return None


def say_back(option: str, others: list[str] | None = None) -> str | None:
    """An option as the customer says it: from its own side («le dure la batería» → «me dure la
    batería», «se lo mandamos a usted» → «a mí»), cut to what a person repeats; None when no
    short form addresses nobody. A form cut so short that another option holds all its words
    («pagar menos» of «pagar menos de su bolsa» next to «pagar menos cada mes») says nothing."""
    rivals = [set(normalize(o).split()) for o in others or [] if o != option]
    text = re.sub(r"(?i)^(?:y|o)\s+", "", option.strip(" ,.")).strip()
    text = _AGENT_WE.sub("", text)  # «se lo mandamos a usted»: the agent's «we» is not said
    shifted = choice_lists.first_person(text)
    for candidate in (
        shifted,
        text,
        _before_clause(shifted or text),
        choice_lists.short_option(shifted or text),
        choice_lists.main_clause(shifted or text),
    ):
        if not candidate:
            continue
        words = candidate.split()
        short = len(words) <= _SAY_WORDS and choice_lists.sayable_own(candidate)
        folded = set(normalize(candidate).replace("mi ", "su ").split())
        if any(folded <= rival for rival in rivals):
            continue
        bare = re.sub(r"(?i)^que\s+", "", candidate)  # «que me llegue a mi casa» asks nothing
        if short and not cues.open_form_question(f"¿{bare}?"):
            return candidate
    return None
