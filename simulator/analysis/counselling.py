"""Our agent acts read as the codes of counselling corpora (MIDAS, MITI): question and reflection.

The benches and the learned head's training measure the analyzer on real Spanish counselling units
(``bench/bench_learned.py``, ``bench/bench_external.py``, ``bench/train_learned.py``); they must
map our acts to the corpus's codes the same way, so the mapping lives here, once.

- A *reflection* is ``paraphrase`` or ``empathy``.
- A *question* is a question by form: ``open_question``, ``closed_question``, ``offer_more`` or
  ``offer_help`` (chosen on the MIDAS dev half) — unless everything the turn asks is a bare tag on
  a statement («…, ¿verdad?», «…, vale?», «Bueno. ¿Ves? Tú mismo lo dijiste»). The coding manuals
  file such a turn by its statement (a reflection with «¿no?» is a reflection, information with
  «¿vale?» is information); our own acts keep calling it a closed question, which is right for the
  simulated customer (it answers «sí»). A turn that is only a tag («¿De acuerdo?») asks, and
  «¿…, no?» opened by «¿» asks its whole sentence. Text without «?» (speech form) is read by its
  acts alone. A question the speaker answers in the next sentence («¿Qué pasa? Que…», «¿Por qué?
  Porque…») is rhetorical: information.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from simulator.language.normalize import MAX_CHARS, normalize

QUESTION_FORM = frozenset({"open_question", "closed_question", "offer_more", "offer_help"})
REFLECTION = frozenset({"paraphrase", "empathy"})

_SENTENCES = re.compile(r"(?<=[?.!;…])\s+|\n+")


def _tag_rest(norm: str) -> str | None:
    """``norm`` without its final tag (None when it does not end in one)."""
    from simulator.analysis.lexicon import agent_patterns

    match = agent_patterns()["question_tag"].search(norm)  # anchored at the end («…$»)
    if match is None or match.end() != len(norm):
        return None
    return norm[: match.start()].strip()


def _asks(sentence: str) -> bool | None:
    """Whether one sentence ending in «?» asks beyond a tag; None when it is a bare tag."""
    from simulator.analysis.clauses import _is_open_form, question_start

    opened = "¿" in sentence
    asked = sentence[sentence.rindex("¿") :] if opened else sentence
    norm = " ".join(normalize(asked).replace("?", " ").split())
    if not norm:  # a stray «?» («…, o ..?»): read with what came before
        return False
    rest = _tag_rest(norm)
    if rest is None or rest == "o" or rest.endswith((" o", " si o")):  # «…o no?» offers a choice
        return True
    if not rest:
        return None
    if opened:  # «¿Se le está juntando todo, no?»: the «¿» opens the whole question
        return True
    return _is_open_form(rest) or question_start(rest) is not None


# «¿Qué es lo que ocurre? Que te asustas…», «¿Por qué se lo damos? Porque…»: the next sentence
# answers the question the speaker just put (a rhetorical question, coded as information).
_ANSWERS = (
    (re.compile(r"^(?:y |entonces |pero )?por que\b"), re.compile(r"^(?:pues )?porque ")),
    (
        re.compile(r"^(?:y |entonces |pero )?(?:que|cual)\b"),
        re.compile(r"^(?:pues )?que (?!(?:yo |usted )?(?:vea|sepa|recuerde|tenga|le vaya)\b)"),
    ),
)


def _answered(sentence: str, following: list[str]) -> bool:
    if not following:
        return False
    asked = sentence[sentence.rindex("¿") :] if "¿" in sentence else sentence
    question = normalize(asked).replace("?", " ").strip()
    answer = normalize(following[0])
    return any(q.match(question) and a.match(answer) for q, a in _ANSWERS)


def asks_beyond_tag(text: str) -> bool:
    """Whether ``text`` asks something more than a tag on a statement (see the module docstring);
    True for text without «?»."""
    text = text[:MAX_CHARS]
    if "?" not in text:
        return True
    tags = 0
    words = 0
    sentences = [x for x in _SENTENCES.split(text) if x and x.strip()]
    for i, sentence in enumerate(sentences):
        if "?" in sentence:
            asks = _asks(sentence)
            if asks and _answered(sentence, sentences[i + 1 : i + 2]):
                asks = False  # a rhetorical question the speaker answers at once
            if asks:
                return True
            if asks is None:
                tags += 1
                before = sentence[: sentence.rindex("¿")] if "¿" in sentence else ""
                words += len(normalize(before).split())
                continue
            words += 1  # a statement with its tag (or a stray «?»)
        else:
            words += len(normalize(sentence).split())
    return tags > 0 and words == 0


_OFFERS = frozenset({"offer_more", "offer_help"})


def _offer_asks(text: str) -> bool:
    """An offer codes as a question only when asked («¿En qué más le ayudo?»): «yo te puedo
    ofrecer otra hora y podemos hablar más de esto» is information."""
    from simulator.analysis.clauses import is_question as asks

    return asks(text)


def is_question(text: str, acts: Iterable[str]) -> bool:
    """The counselling code *question* for an agent turn and its acts.

    A restatement said with a rising «?» and nothing more asked (the turn carries ``paraphrase``
    and its question is weak: no «¿», no interrogative, ``learned_features.weak_question``) is a
    *reflection*, as the coding manuals file it («estás un poco preocupada?»); so is a restatement
    said without marks whose closed question only the learned head heard (no question form the
    rules know: «entonces es que estabas muy motivado»)."""
    from simulator.analysis.clauses import is_question as clause_asks
    from simulator.analysis.learned_features import weak_question

    present = set(acts)
    asked = QUESTION_FORM.intersection(present)
    if not asked or (asked <= _OFFERS and not _offer_asks(text)):
        return False
    if "paraphrase" in present and "?" in text and weak_question(text):
        return False
    if (
        "paraphrase" in present
        and "?" not in text
        and "open_question" not in present
        and not clause_asks(text)
    ):
        return False  # said without marks: a restatement the rules do not read as a question
    return asks_beyond_tag(text)


def is_reflection(acts: Iterable[str]) -> bool:
    """The counselling code *reflection* (restating or interpreting what the client said)."""
    return bool(REFLECTION.intersection(acts))
