"""What the customer answered to yes/no questions about itself and the offer, kept for the call.

A person who said «sí» to «¿ya hizo un cambio en los últimos doce meses?» does not say «no» when
the agent asks «¿fue en este último año?», and one who said «sí lo quiero» to an add-on does not
say «Mmm, no» to its plain confirmation («¿Lo agrego a su solicitud?» with the same price). The
closed questions the customer answered with a bare yes or no were a coin toss each time (blind
panel I: yd-05, yd-04). This module remembers each such answer in ``state.play``:

- by the question's content words (``own_facts.concepts`` in es/brain.yaml fold the ways of
  naming one thing: «últimos doce meses», «este último año»), so the same fact asked again gets
  the same answer;
- by the amounts of the turn the customer said yes or no to an offer, so a later question in a
  turn that only restates those amounts is the same offer.

``recall`` is what the brain answers a closed question with when it would otherwise draw one.
"""

from __future__ import annotations

import re

from simulator.customer import cues
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from simulator.language.numbers import extract_amounts

YES, NO = "yes", "no"
KEY = "fact:"  # ``state.play`` key prefix of a question's content words
OFFER = "offer:"  # ``state.play`` key prefix of an offer's amounts
PREFIX = 5  # content words compare by their first letters («cambió» / «cambio»)
MIN_SHARED = 2  # content words two questions share at least to be about one fact
YES_NAMES = frozenset({"short_yes", "acceptance", "identity_confirm", "choice_take"})
NO_NAMES = frozenset({"short_no", "refusal"})
EXPLICIT = frozenset({"acceptance", "refusal", "choice_take"})


def _conf() -> dict[str, list[str]]:
    conf: dict[str, list[str]] = cues.config().get("own_facts", {}).get("concepts", {})
    return conf


def _question(text: str) -> str:
    """The agent's last question with the clause that leads into it («Y sobre el cambio
    anterior, ¿fue en este último año?»), folded; empty when the turn asks nothing with «¿»."""
    if "¿" not in text:
        return ""
    lead, asked = text.rsplit("¿", 1)
    lead = re.split(r"[.!?:;]", lead)[-1]
    return normalize(f"{lead} {asked}")


def content(question: str) -> frozenset[str]:
    """The content words of a folded question (their first ``PREFIX`` letters), each way of
    naming a concept folded into it."""
    text = f" {question} "
    for concept, names in _conf().items():
        for name in names:
            text = text.replace(f" {normalize(name)} ", f" {concept} ")
    stop = set(cues.phrases("question_stopwords")) | set(
        cues.config().get("own_facts", {}).get("stopwords", [])
    )
    return frozenset(
        w if w in _conf() else w[:PREFIX]
        for w in text.split()
        if len(w) > 2 and w not in stop and w != "?"
    )


def _either_or(text: str) -> bool:
    """The last question offers two things («¿lo agrego o prefiere pensarlo?»; not «¿sí o no?»)."""
    asked = normalize(text.rsplit("¿", 1)[-1]) if "¿" in text else ""
    return bool(re.search(r"\bo\b", asked)) and not re.search(r"\bsi o no\b", asked)


def same_fact(key: frozenset[str], other: frozenset[str]) -> bool:
    """Two questions ask one fact: they share two content words or more (half the shorter
    question's), or the shorter one is a concept of ``own_facts.concepts`` the other holds
    («¿el titular es usted?» after «¿usted es el titular de la cuenta?»)."""
    shared = key & other
    if len(shared) >= MIN_SHARED:
        return 2 * len(shared) >= min(len(key), len(other))
    return bool(shared) and shared in (key, other) and all(w in _conf() for w in shared)


def _amounts(text: str) -> frozenset[str]:
    return frozenset(str(a.value) for a in extract_amounts(text) if a.value >= 10)


def recall(t: Turn) -> str | None:
    """The yes or no the customer already gave to this closed question, or to the offer this
    turn only restates; None when it never answered it."""
    return recall_for(t.text, t.s)


def recall_for(text: str, state: CustomerState) -> str | None:
    """``recall`` for an agent's ``text`` and the customer's ``state``."""
    play = state.play
    key = content(_question(text))
    best = None
    for name, answer in play.items():
        if not name.startswith(KEY):
            continue
        if same_fact(key, frozenset(name[len(KEY) :].split())):
            best = answer  # the latest stored answer stands (dicts keep insertion order)
    if best is not None:
        return best
    figures = _amounts(text)
    if figures:
        for name, answer in play.items():
            if name.startswith(OFFER) and figures <= frozenset(name[len(OFFER) :].split()):
                best = answer
    return best


def remember(t: Turn, intents: list[Intent]) -> None:
    """Keep this reply's bare yes or no to the agent's closed question (and to its offer)."""
    asked = "closed_question" in t.acts or bool(t.acts & {"close", "trial_close"})
    names = {i.name for i in intents}
    said = YES if names & YES_NAMES else NO if names & NO_NAMES else None
    if not asked or said is None or (names & YES_NAMES and names & NO_NAMES):
        return
    explicit = bool(names & EXPLICIT)  # «sí lo quiero» takes the offer even from «¿A o B?»
    if _either_or(t.text) and not explicit:
        return  # a bare «sí» to «¿A o B?» is no yes to either
    key = content(_question(t.text))
    concept = any(w in _conf() for w in key)
    if (len(key) >= MIN_SHARED or concept) and not _either_or(t.text):
        _keep(t, KEY + " ".join(sorted(key)), said)
    figures = _amounts(t.text)
    if figures and (t.acts & {"close", "trial_close"} or explicit):
        _keep(t, OFFER + " ".join(sorted(figures)), said)


def _keep(t: Turn, name: str, said: str) -> None:
    t.s.play.pop(name, None)  # the latest answer goes last: ``recall`` takes the last match
    t.s.play[name] = said


def answer(t: Turn, draw: float, yes_odds: float) -> str:
    """The intent a closed question gets: the answer given before, else the draw."""
    # an either/or question («¿lo agrego o prefiere pensarlo?») is answered by its options
    # (choice_moves), not by a yes or no remembered from another question
    kept = None if _either_or(t.text) else recall(t)
    if kept is not None:
        return "short_yes" if kept == YES else "short_no"
    if t.s.accepted and _checks_agreement(t.text):
        return "short_yes"  # it said yes to the offer: its terms read back are agreed to
    return "short_yes" if draw < yes_odds else "short_no"


def _checks_agreement(text: str) -> bool:
    """The turn's last question checks the customer agrees («¿Está de acuerdo con estas
    condiciones?», «¿le parece bien?»)."""
    asked = cues.question_sentences(text)
    checks = [normalize(w) for w in cues.config().get("own_facts", {}).get("agreement_checks", [])]
    return bool(asked) and cues.contains_any(asked[-1], checks)
