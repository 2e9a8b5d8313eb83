"""Person names: how often the agent personalises with the customer's name, and names given.

Personalisation ("Sra. Hernández", "don Ramiro", "Rosa") is a QA item: the customer's name used
fewer than two times is a non-critical error. Matching is accent- and case-insensitive. Mexican
names carry a paternal and a maternal surname: agents say «señora Hernández» for «Rosa María
Hernández López», never «señora López»; ``split_name`` is the one reading of a registered name
(compound given names, «de la» surnames, single surnames) used here and by the scorer's phrasings.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import fold, normalize, tokens


@cache
def field_lexicon() -> dict[str, object]:
    """The data-capture vocabulary of ``es/fields.yaml``."""
    text = resources.files("simulator.language").joinpath("es/fields.yaml").read_text("utf-8")
    data: dict[str, object] = parse_yaml(text)
    return data


def field_label(key: str) -> str:
    """A capture field's Spanish name («numero_cuenta» → «número de cuenta»), shared by the
    customer's lines and the scorer's feedback."""
    labels = field_lexicon().get("field_labels")
    if isinstance(labels, dict) and key in labels:
        return str(labels[key])
    return key.replace("_", " ")


def _words(key: str) -> list[str]:
    value = field_lexicon()[key]
    assert isinstance(value, list)
    return [str(v) for v in value]


@cache
def _titles() -> frozenset[str]:
    return frozenset(_words("name_titles"))


@cache
def _second_given() -> frozenset[str]:
    return frozenset(_words("second_given_names"))


_EDGE = ",.;:!?¿¡«»\"'()"


def _units(words: list[str]) -> list[list[str]]:
    """Words grouped so a particle goes with the word after it («de la Fuente», «del Carmen»)."""
    particles = set(_words("name_particles"))
    units: list[list[str]] = []
    pending: list[str] = []
    for word in words:
        pending.append(word)
        if fold(word) not in particles:
            units.append(pending)
            pending = []
    if pending:
        if units:
            units[-1].extend(pending)
        else:
            units.append(pending)
    return units


def split_name(full_name: str) -> tuple[list[str], str, str]:
    """(given names, paternal surname, maternal surname) of a registered name, as written.

    «Rosa María Hernández López» → (Rosa María, Hernández, López); «Héctor Salinas Campos» →
    (Héctor, Salinas, Campos); «María de la Luz Ortiz» → (María de la Luz, Ortiz, "");
    «Juan de la Fuente» → (Juan, de la Fuente, ""). Two or more units after the given names are
    the two surnames; a middle unit is a given name only when it is a common second given name.
    """
    words = [w.strip(_EDGE) for w in full_name.split() if w.strip(_EDGE)]
    units = _units(words)
    joined = [" ".join(u) for u in units]
    if len(units) <= 1:
        return words, "", ""
    if len(units) == 2:
        return units[0], joined[1], ""
    given = 1
    while given < len(units) - 1 and fold(joined[given]) in _second_given():
        given += 1
    rest = joined[given:]
    if len(rest) == 1:
        return [w for u in units[:given] for w in u], rest[0], ""
    return [w for u in units[: len(units) - 2] for w in u], joined[-2], joined[-1]


def name_mentions(text: str, full_name: str) -> int:
    """Times ``text`` addresses the customer by name.

    Counts the first name (alone or followed by the surname: one use), or the paternal surname
    (or the first name) preceded by a title (Sr., Sra., señora, don, doña, licenciado…). "don
    Ramiro" counts once; «señora López» for «Rosa María Hernández López» does not: the maternal
    surname alone is not how a Mexican agent addresses a customer.
    """
    name_toks = [t for t in tokens(full_name) if t not in _titles()]
    if not name_toks or not text:
        return 0
    particles = set(_words("name_particles"))
    first = name_toks[0]
    _, paternal, _maternal = split_name(" ".join(name_toks))
    surnames = {t for t in tokens(paternal) if t not in particles and len(t) > 1}
    surnames = surnames or {t for t in name_toks[1:] if t not in particles and len(t) > 1}
    whole = set(name_toks) - {first}
    toks = tokens(text)
    count = 0
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if tok in _titles() and i + 1 < n and (toks[i + 1] in surnames or toks[i + 1] == first):
            count += 1
            i += 2
            while i < n and toks[i] in whole:
                i += 1
            continue
        if tok == first and len(first) > 1:
            count += 1
            i += 1
            while i < n and toks[i] in whole:
                i += 1
            continue
        i += 1
    return count


def professional_title(texts: list[str], full_name: str) -> str | None:
    """The professional title the call ties to the customer: in the registered name, or said
    right before the first name or the paternal surname («¿Hablo con el ingeniero Roberto
    Sánchez?» → ingeniero)."""
    professional = frozenset(_words("professional_titles"))
    toks = tokens(full_name)
    for tok in toks:
        if tok in professional:
            return tok
    name_toks = [t for t in toks if t not in _titles()]
    if not name_toks:
        return None
    _, paternal, _maternal = split_name(" ".join(name_toks))
    names = {name_toks[0]} | {t for t in tokens(paternal) if len(t) > 1}
    for text in texts:
        said = tokens(text)
        for word, following in zip(said, said[1:], strict=False):
            if word in professional and following in names:
                return word
    return None


def title_mentions(text: str, title: str, full_name: str) -> int:
    """Times ``text`` addresses the customer by the bare title («Perdón, ingeniero, ¿…?»): not
    followed by the name (``name_mentions`` counts that) nor in the third person («el
    ingeniero que lo visita»)."""
    not_vocative = frozenset(_words("title_not_vocative"))
    name_toks = set(tokens(full_name))
    said = tokens(text)
    count = 0
    for i, word in enumerate(said):
        if word != title:
            continue
        if i and said[i - 1] in not_vocative:
            continue
        if i + 1 < len(said) and said[i + 1] in name_toks:
            continue
        count += 1
    return count


@cache
def _leadin_re() -> re.Pattern[str]:
    leads = sorted(_words("name_leadins"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in leads) + r")\s+")


_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


# Words that may open a bare dictated name ("Anote: Roberto Sánchez", "Sí, mire, Rosa López").
_BARE_LEADS = frozenset(
    ("si", "claro", "es", "este", "pues", "mire", "ah", "eh", "anote", "apunte", "anotele")
    + ("apuntele", "escriba", "ponga", "pongale", "seria", "oiga", "bueno", "ok", "okey")
    # «¿Con quién tengo el gusto?» — «Con Patricia Gómez.»
    + ("con",)
)


_PARTICLES = frozenset(("de", "del", "la", "los", "las"))
# A sentence of only these words is a greeting, never a name (customer-r, session 17).
_GREETING_WORDS = frozenset(
    ("hola", "buenas", "buenos", "buen", "dia", "dias", "tardes", "noches", "que", "tal")
    + ("gracias", "muy", "bien", "y", "usted", "senorita", "senora", "senor", "joven")
)
_HESITATION = re.compile(r"^(?:h?m+|e+m+|e+h+|a+h+|mm+h?)$")


def _bare_words(words: list[str]) -> list[str]:
    """The words of a bare answer after its fillers and lead words."""
    while words and (
        words[0] in _BARE_LEADS or words[0] in _GREETING_WORDS or _HESITATION.match(words[0])
    ):
        words = words[1:]
    return words


def _bare_start(text: str, folded: str, stops: set[str]) -> int | None:
    """Where a bare dictated name starts in the first sentence ("Mmm… Rosa María Hernández")."""
    sentences = re.split(r"(?<=[.!?;])\s+", text.replace("…", " "))
    for sentence in sentences[:3]:
        if "?" in sentence or "¿" in sentence:
            continue  # «¿Otra vez? Anote: Marco Reyes.»: a question is never the name
        words = _bare_words(normalize(sentence).split())
        if words and all(w in _GREETING_WORDS for w in words):
            continue  # «Buenas tardes. Con Patricia Gómez.»: the greeting comes before the name
        if not words or words == ["por", "favor"]:
            continue  # «Anote, por favor.» only leads to the name in the next sentence
        if not 1 <= len(words) <= 5 or any(w in stops or not w.isalpha() for w in words):
            # «Este… con Patricia Gómez Luna, mucho gusto»: a written name (capitalised) of two
            # words or more before the first comma, with a courtesy after it
            head = sentence.split(",")[0].split()
            words = _bare_words(normalize(" ".join(head)).split())
            written = head[len(head) - len(words) :] if words else []
            if (
                not 2 <= len(words) <= 5
                or any(w in stops and w not in _PARTICLES or not w.isalpha() for w in words)
                or words[0] in _PARTICLES
                or not all(w[:1].isupper() for w in written if fold(w) not in _PARTICLES)
            ):
                return None
        start = folded.find(words[0])
        return start if start >= 0 else None
    return None


def extract_name(text: str) -> str | None:
    """The name a customer gives ("me llamo Rosa Hernández", or just "Rosa Hernández López")."""
    if not text:
        return None
    folded = fold(text[:2000])
    stops = set(_words("name_stops"))
    particles = set(_words("name_particles"))
    matches = list(_leadin_re().finditer(folded))
    match = matches[-1] if matches else None
    if match is not None:
        start: int | None = match.end()
        following = _WORD.search(folded, match.end())
        if following is None or following.group(0) in stops:
            # «Marco Reyes. Soy cliente cumplido»: the lead-in introduces no name here.
            start = _bare_start(text, folded, stops)
    else:
        start = _bare_start(text, folded, stops)
    if start is None:
        return None
    picked: list[str] = []
    pos = start
    for m in _WORD.finditer(folded, start):
        gap = folded[pos : m.start()]
        if picked and any(ch in gap for ch in ",.;:!?"):
            break
        word = m.group(0)
        if word in stops and word not in particles:
            break
        if word in particles and not picked:
            break
        picked.append(text[m.start() : m.end()])
        pos = m.end()
        if len(picked) >= 6:
            break
    while picked and fold(picked[-1]) in particles:
        picked.pop()
    if not picked:
        return None
    return " ".join(picked)
