"""Offensive words said of the listener, beyond the fixed phrases of the conduct lexicon.

Why: an insult a QA lead catches at once («usted es un desocupado», «no sea mamerto», «¡cállate,
pelotuda!») is as varied as the Spanish-speaking world; listing phrases one by one never reaches the
wording of calls nobody here wrote. So the vocabulary is a public lexicon — the word lists of the
``spanlp`` package (MIT, 21 countries), read from the installed package, never copied — plus our own
pejoratives, minus the seed's words that are ordinary in a call (``language/es/offensive.yaml``).
A word alone is not an insult («tengo un primo»): it counts only in a frame that says it of the
listener («usted es un…», «no sea…», «qué … es usted», «pedazo de…», or a clause that is the word
alone, said to them). ``conduct.disrespect_kind`` reads this, so the agent tagger, the customer
brain and the scorer agree. Without spanlp installed the project's own words still work.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from simulator.analysis.lexicon import load_yaml
from simulator.language import prefilter, regex_cache
from simulator.language.normalize import MAX_CHARS, normalize

LEXICON = "offensive.yaml"
SEED_PACKAGE = "spanlp"


def seed_words() -> frozenset[str]:
    """The normalized words and phrases of the public seed lexicon (empty when not installed)."""
    return _seed()


@cache
def _seed() -> frozenset[str]:
    try:
        root = resources.files(SEED_PACKAGE).joinpath("dataset")
        entries = [e for e in root.iterdir() if e.name.endswith(".txt")]
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError, OSError):
        return frozenset()
    words: set[str] = set()
    for entry in entries:
        try:
            text = entry.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            word = normalize(line)
            if word and len(word) >= 3 and "?" not in word:
                words.add(word)
    return frozenset(words)


@cache
def words() -> frozenset[str]:
    """Every offensive word or phrase: the seed plus our own, minus the ordinary ones."""
    data = load_yaml(LEXICON)
    own = {normalize(str(w)) for w in data["own"]}
    ordinary = {normalize(str(w)) for w in data["not_offensive"]}
    # an ordinary word is ordinary in the plural too: «años» normalizes to «anos» (panel G, «35 a
    # 44 años, como usted» read as an insult)
    ordinary |= {_plural(w) for w in ordinary if w}
    inflected = {form for w in seed_words() | own for form in _inflections(w)}
    return frozenset(inflected - ordinary - {""})


def _plural(word: str) -> str:
    """The plural of a word or of a phrase's last word («ano» → «anos», «pan» → «panes»)."""
    return word + ("s" if word[-1] in "aeiou" else "es")


def _inflections(word: str) -> set[str]:
    """A word in both genders and numbers (the lists give one form: «pelotudo» → «pelotuda»,
    «pelotudos»; «cabrón» → «cabrona», «cabrones»), the last word of a phrase inflected."""
    head, _, last = word.rpartition(" ")
    prefix = f"{head} " if head else ""
    forms = {last}
    if last.endswith("o"):
        forms |= {last[:-1] + "a", last + "s", last[:-1] + "as"}
    elif last.endswith("a"):
        forms |= {last + "s"}
    elif last.endswith(("on", "an", "or")):
        forms |= {last + "a", last + "es", last + "as"}
    elif last[-1:] not in ("s", "e", "i", "u"):
        forms |= {last + "es"}
    return {prefix + form for form in forms}


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_yaml(LEXICON)
    # Longest first, so «hijo de puta» wins over «puta» and a phrase over its first word.
    alternation = "|".join(re.escape(w) for w in sorted(words(), key=lambda w: (-len(w), w)))
    group = f"(?:{alternation})"
    frames = "|".join(f"(?:{str(f).replace('{w}', group)})" for f in data["frames"])
    vocative = "|".join(f"(?:{str(f).replace('{w}', group)})" for f in data["vocative"])
    edge = r"(?<![a-z0-9])(?:{})(?![a-z0-9])"
    return (
        prefilter.wrap(regex_cache.compile(edge.format(frames))),
        prefilter.wrap(regex_cache.compile(vocative)),
    )


_TITLES = frozenset(
    {"senor", "senora", "senorita", "don", "dona", "joven", "licenciado", "licenciada"}
)


def _names_someone(raw_clause: str) -> bool:
    """The clause is a title followed by a capitalised word («señora Ana», «don Concho»)."""
    raw = raw_clause.split()
    for before, word in zip(raw, raw[1:], strict=False):
        if normalize(before) in _TITLES and word[:1].isupper():
            return True
    return False


# A clause and the punctuation that closes it: «¿fresco?» asks, «¡fresco!» names the listener.
_CLAUSE = re.compile(r"([^.,;:!?¿¡\n…]+)([.,;:!?¿¡\n…]*)")


@lru_cache(maxsize=8192)
def insult(text: str) -> str | None:
    """The words of an insult said of the listener in a raw agent turn, or None."""
    framed, vocative = _patterns()
    text = text[:MAX_CHARS]
    match = framed.search(normalize(text))
    if match:
        return match.group(0)
    for part in _CLAUSE.finditer(text):
        clause = normalize(part.group(1))
        if clause and "?" not in part.group(2) and vocative.match(clause):
            if _names_someone(part.group(1)):
                continue  # «Gracias, señora Ana»: a capitalised word after a title is a name
            return clause
    return None
