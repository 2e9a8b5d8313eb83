"""What a reaction of the customer reacts to: the licences of reaction pieces, from the turn.

Blind panel O (session 21) heard reactions with nothing to react to: «Ah, mire, eso no lo sabía.
Así está mejor» when the agent had only asked for two data, «Mmm, no suena mal, ¿eh?» to «¿ya
reinició el módem?», «Bueno, le creo» when nothing had been vouched for, «Mire, no me dé el
discurso» and «Perdón que la corte» after a turn of twenty words, «Sí, a sus órdenes, dígame» in
the middle of the call, «con mucho gusto» (the agent's formula) as the customer's yes. Each such
piece presupposes something the agent just did. ``es/licences.yaml`` (``reaction_pieces`` and the
``pieces`` of whole intents) names, for each kind of reaction, the licences any one of which lets
it be said; this module computes those licences from the shared understanding of the agent's turn
(the acts ``simulator.analysis`` tags on its statements, its figures, its questions' form) and the
call (its turn count), never from the reaction's own words. ``licences`` checks the plan and the
bank lines against them, so the persona's flavour is still said at a moment that licenses it.

Licences (all of the agent's last turn):
  informed    a statement (not a question) that tells something: a feature, a benefit or an
              answer to the objection is tagged on it, or it states a figure
  assured     informed, or it vouches for something (a proof or good news the reaction table
              of ``es/reactions.yaml`` knows)
  concession  it concedes something it had not conceded before in the call
              (``concession_made`` of ``es/presuppositions.yaml``, not denied in its sentence)
  offer_now   it puts or speaks of the offer: a close, a trial close, a cross-sell, a feature or a
              benefit is tagged on it, or it names a product of the catalog or one of its prices
  close_put   it asks for the decision (a close, a trial close, a cross-sell)
  monologue   it talks at length: ``monologue_words`` words outside its questions, or
              ``long_turn`` words in all
  data_asked  its question asks for a datum
  asked_nothing  no clause of it is a question (a «¿y entonces?» presses it; one that asks him
              something is answered: blind panel P sa-04, sa-06)
  opening     the call has just begun (the agent's first ``opening_turns`` turns)
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from simulator.analysis.agent import tag_agent
from simulator.analysis.clauses import split_clauses
from simulator.customer import answer_form, cues, licence_data, reactions
from simulator.customer.state import CustomerState
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize
from simulator.models.content import Scenario

INFORMING = frozenset({"feature", "benefit", "objection_response"})
CLOSING = frozenset({"close", "trial_close", "cross_sell"})
OFFERING = CLOSING | INFORMING
VOUCHING = frozenset({"proof", "good_news"})
_DIGIT = re.compile(r"\d")
CONCEDED = "concessions_heard"  # ``state.play``: the concession phrases the agent said


@cache
def _concession_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The phrases that make a concession and those that deny it in their sentence: the table
    of ``es/presuppositions.yaml`` (``concession_made``), read here too (presuppose imports
    the licences, so this module does not import it)."""
    data = resource_yaml("simulator.customer", "es/presuppositions.yaml") or {}
    said = (data.get("agent_said") or {}).get("concession_made") or []
    denied = (data.get("denied_by") or {}).get("concession_made") or []
    return tuple(normalize(str(p)) for p in said), tuple(normalize(str(p)) for p in denied)


def _conceded(text: str) -> frozenset[str]:
    """The concession phrases the turn says and does not deny: no denial word among the
    ``denial_reach`` words before the phrase («no le puedo hacer un descuento», «ningún
    descuento»; a «no» earlier in a long sentence denies another thing)."""
    said, denied = _concession_words()
    reach = _setting("denial_reach", 5)
    out: set[str] = set()
    for clause in split_clauses(text[:4000]):
        words = clause.norm.split()
        for phrase in said:
            size = len(phrase.split())
            for i in range(len(words) - size + 1):
                if " ".join(words[i : i + size]) != phrase:
                    continue
                head = " ".join(words[max(0, i - reach) : i])
                if not reactions.has_phrase(head, denied):
                    out.add(phrase)
    return frozenset(out)


def _new_concession(text: str, state: CustomerState) -> bool:
    """The turn concedes what the agent had not conceded before («envío gratis» said again is no
    new concession: blind panel O tb-02). The phrases heard are kept in ``state.play``, once per
    turn (the mouth asks again for every line)."""
    found = _conceded(text)
    if state.play.get(f"{CONCEDED}_turn") != str(state.turn):
        state.play[f"{CONCEDED}_turn"] = str(state.turn)
        state.play[f"{CONCEDED}_before"] = state.play.get(CONCEDED, "")
    before = {p for p in state.play[f"{CONCEDED}_before"].split("|") if p}
    state.play[CONCEDED] = "|".join(sorted(before | found))
    return bool(found - before)


def _setting(key: str, default: int) -> int:
    return int((licence_data.config().get("reaction_settings") or {}).get(key, default))


@lru_cache(maxsize=256)
def text_licences(text: str) -> frozenset[str]:
    """The licences the turn's words give by themselves."""
    if not text:
        return frozenset()
    out: set[str] = set()
    clauses = split_clauses(text[:4000])
    stated = [c.norm for c in clauses if not c.question and c.norm]
    stated_acts = {act for norm in stated for act in tag_agent(norm)}
    acts = set(tag_agent(text[:4000]))
    if stated_acts & INFORMING or any(_DIGIT.search(n) for n in stated):
        out.add("informed")
    if "informed" in out or reactions.triggers(text, acts) & VOUCHING:
        out.add("assured")
    if (acts | stated_acts) & OFFERING:
        out.add("offer_now")
    if (acts | stated_acts) & CLOSING:
        out.add("close_put")
    stated_words = sum(len(n.replace("?", " ").split()) for n in stated)
    words = len([w for c in clauses for w in c.norm.split() if w != "?"])
    if stated_words >= _setting("monologue_words", 30) or words >= _setting("long_turn", 55):
        out.add("monologue")
    if answer_form.form(text) == "data":
        out.add("data_asked")
    if not any(c.question for c in clauses) and "?" not in text:
        out.add("asked_nothing")
    return frozenset(out)


def _topic(norm: str) -> bool:
    """A short clause that only names what the question after it is about («Y del cobro doble,
    ¿fue a su tarjeta?»): a product named there is a topic, not an offer (blind panel P sb-04:
    «Ay, pues sí suena muy bien» to a question about the double charge)."""
    leads = [normalize(str(x)) for x in licence_data.config().get("topic_leads", [])]
    words = norm.split()
    return len(words) <= _setting("topic_words", 5) and any(
        f" {norm} ".startswith(f" {lead} ") for lead in leads
    )


def call_licences(text: str, state: CustomerState, scenario: Scenario | None) -> frozenset[str]:
    """The turn's licences with those the call adds (the offer named, the call's start)."""
    out = set(text_licences(text))
    if scenario is not None and text:
        norm = " ".join(c.norm for c in split_clauses(text[:4000]) if not _topic(c.norm))
        if cues.products_named(norm, scenario.catalog) or cues.catalog_price_said(text, scenario):
            out.add("offer_now")
    if text and _new_concession(text, state):
        out.add("concession")
    if state.turn <= _setting("opening_turns", 1):
        out.add("opening")
    return frozenset(out)
