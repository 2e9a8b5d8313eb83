"""How a bank line is fitted to the call: the first or remaining clause of a statement, an
opener said once, a part that says again what an earlier part said, the greeting of an inbound
call, the scenario's proper words. Split from ``mouth.py``, which picks and fills the lines."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import normalize
from simulator.models.content import Scenario

MIN_CLAUSE_WORDS = 4


@cache
def glue() -> dict[str, Any]:
    text = resources.files("simulator.customer").joinpath("es/mouth.yaml").read_text("utf-8")
    data = parse_yaml(text)
    return data if isinstance(data, dict) else {}


_OPENERS = "¿¡«\"'(— "
TAG_WORDS = 6  # a question tag needs a sentence of at least this many words to ask about
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
INBOUND_KINDS = ("inbound_sale", "service")
_WORD = re.compile(r"[\w-]+")


def direction(scenario: Scenario) -> str:
    """``inbound`` when the customer made the call (sale or service), else ``outbound``; of the bank
    variants ``<intent>_<kind>`` and ``<intent>_inbound``/``_outbound`` the most specific wins."""
    return "inbound" if scenario.kind in INBOUND_KINDS else "outbound"


def inbound_greeting(line: str) -> str:
    """A greeting reply for a call the customer made: clauses that ask the agent what they want
    («Dígame», «¿De qué se trata?») belong to calls the customer receives, so they are dropped."""
    drop = [normalize(p) for p in glue().get("inbound_greeting_drop", [])]
    kept = []
    for sentence in _SENTENCE_END.split(line.strip()):
        parts = sentence.split(", ")
        clauses = [c for c in parts if not any(d in normalize(c) for d in drop)]
        if clauses and (len(clauses) == len(parts) or clauses[0][:1].isupper()):
            text = ", ".join(clauses)
            kept.append(text if text.endswith((".", "?", "!", "…")) else f"{text}.")
    if not kept:
        return str(glue().get("inbound_greeting_default", "Buenas tardes."))
    first = kept[0]
    kept[0] = first[:1].upper() + first[1:]
    return " ".join(kept)


SHORT_PART = 3  # words: a part this short that ends as an earlier one adds nothing
_LAST_WORD = 5  # letters: «dígame», «adelante» — not «sí» or «va»


def says_again(line: str, parts: list[str]) -> bool:
    """A short part that ends on the word an earlier part of the reply ended on («… dígame.» and
    «Va, dígame.»): a second reaction stitched onto the first (blind panel I)."""
    words = normalize(line).split()
    if not words or len(words) > SHORT_PART or len(words[-1]) < _LAST_WORD:
        return False
    return any(normalize(p).split()[-1:] == words[-1:] for p in parts)


def first_sentence(line: str) -> str:
    """The first sentence of a line («Buenas, buenas. Pues aquí, platicando…» → «Buenas, buenas.»)."""
    return _SENTENCE_END.split(line.strip(), maxsplit=1)[0]


def first_clause(line: str) -> str:
    """A terse customer's version of a statement: up to the first «;» or «, » (or whole when the
    first clause would be too short or holds a question). «Ya ni le digo: …» keeps its «:»."""
    for mark in ("; ", ", "):
        head, sep, _ = line.partition(mark)
        if sep and len(head.split()) >= MIN_CLAUSE_WORDS and "?" not in head and "¿" not in head:
            return head.rstrip(" ,;:") + "."
    return line


def rest_clause(line: str) -> str:
    """What ``first_clause`` leaves out of a statement, as a sentence of its own («Estuve
    desempleado y no pude pagar, pero ya estoy trabajando otra vez.» → «Ya estoy trabajando otra
    vez.»); the first clause when nothing is left out."""
    head = first_clause(line)
    if head == line:
        return line
    rest = re.sub(
        r"^(?:pero|y|aunque|pues)\s+", "", line[len(head) - 1 :].lstrip(" ,;:"), flags=re.I
    )
    return rest[:1].upper() + rest[1:] if len(rest.split()) >= MIN_CLAUSE_WORDS else head


TOLD_WORDS = 2  # content words a need's line shares with what the customer said, to be told
_MIN_LETTERS = 4


def _words(text: str) -> set[str]:
    stop = {normalize(w) for w in glue().get("told_stopwords", [])}
    return {w for w in normalize(text).split() if len(w) >= _MIN_LETTERS and w not in stop}


def told_before(intent: Any, used_keys: list[str], used_texts: list[str], scenario: Any) -> bool:
    """A need of the customer's own that the call already heard: a line of it was said (its key
    is used), or another line of the customer said it («somos tres… y yo, que vendo ropa por
    WhatsApp» tells the WhatsApp shop: two content words of one of its lines, one of them a
    keyword of the need)."""
    if intent.name != "need_statement" or not intent.ref:
        return False
    if any(k.startswith(f"need:{intent.ref}:") for k in used_keys):
        return True
    need = next((n for n in scenario.needs if n.id == intent.ref), None)
    if need is None or not used_texts:
        return False
    said = _words(" ".join(used_texts))
    keys = {normalize(k) for k in [*need.benefit_keywords, *need.probe_keywords]}
    for line in need.statements:
        shared = _words(str(line)) & said
        if len(shared) >= TOLD_WORDS and shared & keys:
            return True
    return False


def line_told(line: str, used_texts: list[str]) -> bool:
    """This very line was said before in the call: half its content words (two at least) are in
    the customer's earlier lines. Another line of a need told before is news, not «Ya le había
    dicho: …» (blind panel K xc-06, xa-06, xd-03)."""
    words = _words(line)
    shared = words & _words(" ".join(used_texts))
    return len(shared) >= max(TOLD_WORDS, (len(words) + 1) // 2)


def told_again(line: str, proper: set[str]) -> str:
    """A fact told before, said again as such: «Como le dije, …» before it, never as news with
    «Fíjese que…» (blind panel J yj-07: the WhatsApp shop told in T5 and again in T15)."""
    norm = normalize(line)
    if any(norm.startswith(normalize(m)) for m in glue().get("again_markers_told", [])):
        return line
    prefixes = glue().get("told_again_prefixes", []) or ["Como le dije,"]
    prefix = prefixes[len(norm) % len(prefixes)]
    rest = drop_opener(line)
    first = rest.split(" ", 1)[0]
    if first.lower() not in proper and not first.isupper():
        rest = rest[:1].lower() + rest[1:]
    return f"{prefix} {rest}"


DATA_INTENTS = frozenset({"data_given", "age_given"})
DATUM_LEAD = 18  # characters: «Sí, es », «Ah, sí: », «Con mucho gusto: » before the value


def bare_datum(line: str, value: str, intent: str) -> str:
    """A datum dictated right after another one, without its lead: «Es X. Es Y. Ah, sí: Z.» is
    glue on every datum (blind panel J yg-08: «Sí, es…», «Mire, es…», «Anote:» each time)."""
    if intent != "data_given" or not value:
        return line
    where = line.find(value)
    if not 0 < where <= DATUM_LEAD:
        return line
    return line[where:]


def first_word(text: str) -> str:
    """The first word, normalized (lowercase, no accents, no punctuation); empty if none."""
    words = normalize(text).split()
    return words[0] if words else ""


@cache
def filler_words() -> frozenset[str]:
    """Words that open a line as a filler does (``starts_with_filler``), normalized."""
    return frozenset(normalize(w) for w in glue().get("starts_with_filler", []))


def drop_repeated_opener(line: str, parts: list[str]) -> str:
    """The line without its opening filler word when a part already said in this turn opened with
    the same one («Ay, no hay de qué. Ay, pues mire…» → «… Pues mire…»)."""
    word = first_word(line)
    if word not in filler_words() or word not in {first_word(p) for p in parts}:
        return line
    start = len(line) - len(line.lstrip(_OPENERS))
    match = _WORD.match(line, start)
    if match is None:
        return line
    rest = line[match.end() :].lstrip(" ,…")
    if not rest:
        return line
    return line[:start] + rest[:1].upper() + rest[1:]


def drop_opener(line: str) -> str:
    """The line without a leading discourse marker (``lead_in_openers``): after a lead-in it would
    repeat one («Pues mire… pues mis hijos…»)."""
    norm = normalize(line)
    for opener in glue().get("lead_in_openers", []):
        marker = normalize(opener)
        if norm.startswith(marker + " ") or norm.startswith(marker + ","):
            rest = line[len(opener) :].lstrip(" ,…")
            if rest:
                return rest[:1].upper() + rest[1:]
    return line


def proper_words(scenario: Scenario) -> set[str]:
    """What keeps its capital: words of the names of the customer, agent, company, products and
    data (lowercased), and those whole names (phrases with a space)."""
    names = [
        scenario.customer.name,
        scenario.customer.first_name,
        scenario.agent_name,
        scenario.company.name,
        *(p.name for p in scenario.catalog),
        *scenario.customer.data.values(),
        *glue().get("proper_nouns", []),
    ]
    words = {w.lower() for name in names for w in _WORD.findall(str(name)) if w[:1].isupper()}
    words -= {w.lower() for w in glue().get("never_proper", [])}
    phrases = {
        str(name).lower()
        for name in names
        if sum(w[:1].isupper() for w in _WORD.findall(str(name))) >= 2
    }
    return words | phrases
