"""The reply as one person says it: one assent, one decision, one wish — said once.

A reply is composed from several passes (a confirmation of the data read back, an acceptance, a
softened objection, a pick), each with its bank line. Blind panel P heard the seams: «Sí, eso es.
Sí, acepto. Me convenció.», «Sí, eso es. Sí, está bien, regístrelo, por favor.», «Mmm… me
gustaría solicitarla de una vez. Ay, está bien, sí, tramítemela.», two «Ojalá que…» around a
datum, «Fíjese, sí». This check reads the finished line (``mouth.realize``, after the audit) and
keeps, of the pieces that only say yes or decide, the one that says the most:

* a piece made only of assent words («Sí, eso es.», «Bueno, está bien.», «Me convenció.») goes
  when another piece of the reply decides («Sí, acepto.», «regístrelo, por favor»);
* of several such bare pieces, the one with most words stays; of several decisions, the first;
* a piece that opens with a wish or stance already opened in the reply («Ojalá que…») goes;
* a filler that only leads into a yes («Fíjese, sí…») is left out.

It never leaves the reply empty. Its words are data (``one_voice`` in es/line_audit.yaml).
"""

from __future__ import annotations

import re

from simulator.customer import answer_form
from simulator.customer.casing import capitalize
from simulator.customer.line_words import INTERJECTIONS, config, pieces
from simulator.language.normalize import normalize

_WORD = re.compile(r"[\wáéíóúñü]+", re.IGNORECASE)
_CLITIC_END = re.compile(r"[áéíóú]\w*(?:me|se)?(?:lo|la|los|las)$", re.IGNORECASE)
_TAG = re.compile(r",?\s*¿(?:eh|no|sí|si|verdad|okey|ok)\?\s*$", re.IGNORECASE)
MIN_IMPERATIVE = 5  # «hágalo»; shorter words ending like a pronoun are none


def _conf() -> dict[str, list[str]]:
    conf = config().get("one_voice", {})
    return conf if isinstance(conf, dict) else {}


def _set(key: str) -> frozenset[str]:
    return frozenset(normalize(str(w)) for w in _conf().get(key, []))


def _words(piece: str) -> list[str]:
    return _WORD.findall(piece)


def _core(piece: str) -> list[str]:
    """The piece's normalized words without the interjections it opens with."""
    words = [normalize(w) for w in _words(piece)]
    while words and words[0] in INTERJECTIONS:
        words = words[1:]
    return words


def bare_assent(piece: str) -> bool:
    """The piece only says yes («Sí, eso es.», «Bueno, está bien.», «Ándele pues, sí.»)."""
    if "?" in piece or piece.rstrip().endswith("…"):
        return False  # «Bueno…» leads into what follows, it says no yes of its own
    words = {normalize(w) for w in _words(piece)}
    return bool(words & _set("assent")) and words <= _set("assent") | INTERJECTIONS


def decides(piece: str) -> bool:
    """The piece takes the offer in words of its own: a request with its pronoun («agréguelo»,
    «tramítemela»), or a decision word («acepto», «proceda»)."""
    piece = _TAG.sub("", piece)  # «contrátemelo, ¿eh?»: a tag asks nothing
    if "?" in piece or _core(piece)[:1] in (["pero"], ["nomas"]):
        return False  # «Pero mándeme todo por correo»: a condition, not the decision
    raw = _words(piece)
    core = {normalize(w) for w in raw}
    if core & _set("decisions"):
        return True
    return any(len(w) > MIN_IMPERATIVE and _CLITIC_END.search(w) for w in raw)


def _opener(piece: str) -> str | None:
    norm = " ".join(_core(piece))
    return next((o for o in _set("once_openers") if norm == o or norm.startswith(f"{o} ")), None)


def _unled(piece: str) -> str:
    """«Fíjese, sí, claro…» → «Sí, claro…»: a filler that only leads into a yes."""
    match = re.match(r"^\s*([\wáéíóú]+)[,…]+\s*(.*)$", piece, re.IGNORECASE)
    if not match or normalize(match.group(1)) not in _set("yes_leads"):
        return piece
    rest = match.group(2)
    first = normalize(rest).split()[:1]
    return capitalize(rest) if first == ["si"] else piece


def _yes_fillers(parts: list[str], agent: str) -> list[str]:
    """«Ajá… sí…» opening the answer to «¿con quién tengo el gusto?»: a yes to a question that
    asks for content, not for a yes, is left out (the answer after it stays)."""
    if not agent or answer_form.form(agent) not in ("open", "data"):
        return parts
    k = 0
    while k < len(parts) - 1 and parts[k].rstrip().endswith("…") and _only_yes(parts[k]):
        k += 1
    return parts[k:]


def _only_yes(piece: str) -> bool:
    words = {normalize(w) for w in _words(piece)}
    return bool(words & _set("yes_words")) and words <= _set("assent") | INTERJECTIONS


def fit(text: str, agent: str = "") -> str:
    """The reply with one assent, one decision and each wish once (``module docstring``);
    ``agent``: the agent's turn it answers."""
    parts = _yes_fillers(pieces(text), agent)
    if len(parts) == 1 and parts[0] != text.strip():
        return capitalize(parts[0])
    if len(parts) < 2:
        return _unled(text) if parts else text
    bare = [k for k, p in enumerate(parts) if bare_assent(p)]
    deciding = [k for k, p in enumerate(parts) if k not in bare and decides(p)]
    drop: set[int] = set()
    if deciding:
        drop |= set(bare) | set(deciding[1:])
    elif len(bare) > 1:  # the one that says the most («Ándele, sí, vamos a hacerlo.»)
        keep = max(bare, key=lambda k: (len(_words(parts[k])), -k))
        drop |= set(bare) - {keep}
    opened: set[str] = set()
    for k, piece in enumerate(parts):
        opener = _opener(piece)
        if opener is None or k in drop:
            continue
        if opener in opened:
            drop.add(k)
        opened.add(opener)
    kept = [p for k, p in enumerate(parts) if k not in drop]
    if not kept:
        return text
    kept[0] = _unled(kept[0])
    return " ".join(
        capitalize(p) if not k or kept[k - 1].rstrip()[-1:] in ".!?" else p
        for k, p in enumerate(kept)
    )
