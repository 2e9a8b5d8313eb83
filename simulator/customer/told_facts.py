"""One memory of the facts the customer told, by concept, consulted when a reply is composed.

Blind panel L (session 19) heard a fact twice in one reply, once from the customer's own story
and once from the answer to the question («mis dos hijos toman clases… Somos tres: mis dos hijos,
con sus clases, y yo»; «12 gigas… Y unos 12 gigas al mes»), and an old fact retold as news to a
question about something else (the move date again when asked what the internet is for). The
checks work on concepts, not strings: a piece's content-word stems (``line_words.stems``) with
the ways of saying one thing in other words folded into one name (``es/told_facts.yaml``).

* two pieces of one reply that share a fact (two concepts, or every concept of the later one)
  keep the answer and drop the own-story piece (``need_statement``…): ``clash``;
* an own-story piece whose fact the call already heard from the customer is not stitched onto
  another answer: ``told``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from simulator.customer import line_words
from simulator.customer.casing import capitalize
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize

SHARED = 2  # concepts two pieces share to tell one fact


@cache
def config() -> dict[str, Any]:
    data = resource_yaml("simulator.customer", "es/told_facts.yaml")
    return data if isinstance(data, dict) else {}


@cache
def _groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    groups = config().get("groups", {}) or {}
    return tuple(
        (str(name), tuple(sorted((normalize(str(p)) for p in phrases), key=len, reverse=True)))
        for name, phrases in groups.items()
    )


@cache
def _stop() -> frozenset[str]:
    cut = int(line_words.config().get("stem", 5))
    return frozenset(normalize(str(w))[:cut] for w in config().get("stopwords", []))


@lru_cache(maxsize=4096)
def concepts(text: str) -> frozenset[str]:
    """The facts a piece names: its group names, then the stems of the words left."""
    norm = f" {normalize(text)} "
    names = set()
    for name, phrases in _groups():
        for phrase in phrases:
            if f" {phrase} " in norm:
                names.add(f"#{name}")
                norm = norm.replace(f" {phrase} ", " ")
    return frozenset(names | (line_words.stems(norm) - _stop()))


def own_story(intent_name: str) -> bool:
    return intent_name in set(config().get("own_story", []))


def same_fact(line: str, earlier: str) -> bool:
    """``line`` tells a fact ``earlier`` told: all of its concepts are there, or they share two
    («WhatsApp y redes» twice; «12 gigas» and «home office»/«desde la casa» said in other
    words). Loose on purpose: only a piece of the customer's own story is ever left out for it,
    never an answer, a datum or a pick."""
    mine, theirs = concepts(line), concepts(earlier)
    return (bool(mine) and mine <= theirs) or len(mine & theirs) >= SHARED


def clash(line: str, parts: list[str]) -> int | None:
    """The index of the earlier piece of this reply that tells the fact ``line`` tells. Within
    one reply two plain words are not enough (the own story may answer another part: «estoy con
    mi esposo, que no puede pisar mojado» and «el agua va por el piso»): a figure or a fact said
    in other words must be among them, or three concepts, or all of the line's."""
    for index, part in enumerate(parts):
        if any(_same_in_reply(line, sentence) for sentence in line_words.pieces(part)):
            return index
    return None


def _same_in_reply(line: str, earlier: str) -> bool:
    mine, theirs = concepts(line), concepts(earlier)
    shared = mine & theirs
    entities = {f"#{g}" for g in config().get("entity_groups", [])}
    marked = any((c.startswith("#") and c not in entities) or c.isdigit() for c in shared)
    if bool(mine) and mine <= theirs:
        return True
    return len(shared) > SHARED or (len(shared) == SHARED and marked)


def told(line: str, said: list[str]) -> bool:
    """Every sentence of ``line`` tells what the customer's lines told: it shares two concepts
    with them and at most half of its concepts are new («se rompió el tubo de abajo del
    fregadero y el agua ya llegó a la sala» after «se me rompió un tubo en la cocina» is new
    detail, the answer to «¿cómo está la fuga?»: not retold)."""
    sentences = line_words.pieces(line)
    known = frozenset().union(*(concepts(text) for text in said)) if said else frozenset()
    return bool(sentences) and all(_retells(concepts(s), known) for s in sentences)


def _retells(mine: frozenset[str], known: frozenset[str]) -> bool:
    return len(mine & known) >= SHARED and 2 * len(mine - known) <= len(mine)


def keep(name: str, line: str, parts: list[str], names: list[str]) -> str | None:
    """``line`` (of intent ``name``) as it joins the reply's ``parts`` (whose intents are
    ``names``), or None. When it tells the fact an earlier piece told, the own-story one goes:
    this line (None), or the earlier piece, removed here with the lead-in before it (and the
    line's «Ah, y…» that joined it to that piece)."""
    if name in set(config().get("never_dropped", [])):
        return line
    index = clash(line, parts)
    if index is None:
        index = _covered(line, parts, names)
    if index is None:
        return line
    if own_story(name) or _adds_nothing(line, parts[index]):
        return None
    if not own_story(names[index]):
        return line  # two answers (a pick after a fact): each answers a part of the question
    last = index == len(parts) - 1
    del parts[index], names[index]
    if index and names[index - 1].endswith("lead_in"):
        del parts[index - 1], names[index - 1]
    if parts:
        parts[0] = unjoined(parts[0]) if index <= 1 else capitalize(parts[0])
    return unjoined(line) if last else line


def unjoined(line: str) -> str:
    """``line`` without the «Ah, y…» that joined it to a piece no longer before it."""
    return capitalize(_JOINER.sub("", line, count=1))


_JOINER = re.compile(r"^(?:ah,?\s+)?y\s+(?:tambi[eé]n\s+)?", re.IGNORECASE)


def retold(intent: Any, line: str, said: list[str], parts: list[str], after: int) -> bool:
    """An own-story piece, not asked again, whose facts the customer told in earlier turns,
    while the reply has something else to say (pieces before it, or intents after it)."""
    if not own_story(intent.name) or intent.slots.get("again") or not (parts or after):
        return False
    return told(line, [*said, *parts])


def _adds_nothing(line: str, earlier: str) -> bool:
    """Every concept of ``line`` is in ``earlier`` («Ah, pues también para mi familia» after
    «para toda la familia: mi esposa, mis dos hijos y yo»)."""
    mine = concepts(line)
    return bool(mine) and mine <= concepts(earlier)


def _covered(line: str, parts: list[str], names: list[str]) -> int | None:
    """The index of an earlier own-story piece whose every concept ``line`` says («Casi no uso
    datos.» before «Unos 12 gigas al mes, casi todo WhatsApp…»): the answer says it all."""
    mine = concepts(line)
    for index, part in enumerate(parts):
        theirs = concepts(part)
        if own_story(names[index]) and theirs and theirs <= mine:
            return index
    return None


VERBATIM_WORDS = 5  # a sentence this long said again word for word is a retelling
_SENTENCE = re.compile(r"[^.!?…]+")


def _long_sentences(text: str) -> list[str]:
    found = (normalize(x).replace("?", "").strip() for x in _SENTENCE.findall(text))
    return [x for x in found if len(x.split()) >= VERBATIM_WORDS and not re.search(r"\d", x)]


def verbatim(intent_name: str, line: str, said: list[str]) -> bool:
    """Every long sentence of ``line`` was said word for word earlier in the call (blind panel
    P, queja × regateador: «Llevo tres días sin internet y ya es la tercera vez que llamo» said
    with the reason for calling, then again as the answer to «¿desde cuándo?»). Figures and
    data are left to the data moves: a datum dictated again is asked for."""
    if intent_name not in set(config().get("story_pieces", [])):
        return False
    mine = _long_sentences(line)
    if not mine:
        return False
    earlier = {x for text in said for x in _long_sentences(text)}
    return all(x in earlier for x in mine)
