"""Licences that say which forms of reply the agent's question leaves open (task cust-b, s20).

Blind panel M heard «Nada más, gracias» to «¿le parece si dejamos su Plus contratado desde
hoy?» (the «si tiene alguna duda, yo se la resuelvo» said after it is no «¿algo más?»), «No, eso
sería todo por hoy» to «¿Qué es lo que le hace dudar: el monto, la fecha, o algo más?», «Ninguna
de las dos» when four ways to pay were offered, and «Sí, ese.» to «¿Todo correcto?» after five
data read back. Each of these pieces or lines presupposes a form of question; the licences that
``licences.py`` checks them against are computed here, from the acts ``simulator.analysis``
tags on each question alone and from the options ``answer_form`` counts:

* ``anything_else``: the turn offers more help («¿algo más?») on a question of its own, or asks
  nothing, or offers nothing at all (a «nada más» planned on other grounds is not judged here);
  an offer of more help said beside another question, or inside a question about the doubt
  itself, is not «¿algo más?»;
* ``two_options``: no sentence of the turn lists three options or more («ninguna de las dos»);
* ``offer_last``: the offer is the last option of the either/or, or there is none («Sí, mejor
  eso» points to what was said last: to «¿le agrego el plan de 200, o sólo el cambio?» it would
  take the wrong one);
* ``one_item`` (a line fact): the turn reads back at most one of the customer's data («Sí, ese»).
* ``not_presence``: no question of the turn asks whether the person is there («¿Se encuentra el
  señor Ernesto?» gets «Sí, soy yo», never «Sí, es correcto»: panel O tf-06).

A summary checked with a short yes/no gets a yes or a no first (``summary_check``, read by
``answer_form.fit``). And a correction needs something wrong to correct (``part_of``, read by ``data_moves``): «¿Me
confirma su nombre completo, señora Rosa María?» says a part of her name, not a wrong one.
"""

from __future__ import annotations

import re

from simulator.analysis.agent import tag_agent
from simulator.customer import answer_form, cues, licence_data, shape
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from simulator.models.content import Scenario

OFFER_MORE = "offer_more"
# A question tagged with these as well as offer_more asks about the doubt («¿qué le hace dudar…,
# o algo más?»), not whether there is anything else.
NOT_MORE = frozenset({"objection_response"})


def licences(text: str, asked: list[str]) -> frozenset[str]:
    """The form licences of a turn (its questions as ``licences._questions`` found them)."""
    out = set()
    if _anything_else(text, asked):
        out.add("anything_else")
    if not _many_options(text):
        out.add("two_options")
    offered = answer_form.options(answer_form.last_question(text))
    if answer_form.offer_index(offered) in (None, len(offered) - 1):
        out.add("offer_last")
    if not _asks_presence(asked):
        out.add("not_presence")
    return frozenset(out)


def _asks_presence(asked: list[str]) -> bool:
    """A question of the turn asks whether the person is there («¿se encuentra el señor…?»)."""
    words = [normalize(str(w)) for w in licence_data.config().get("presence_asks", [])]
    return any(cues.contains_any(normalize(q), words) for q in asked)


def _anything_else(text: str, asked: list[str]) -> bool:
    if not asked or OFFER_MORE not in tag_agent(text[:4000]):
        return True
    for question in asked:
        acts = set(tag_agent(question))
        if OFFER_MORE in acts and not acts & NOT_MORE:
            return True
    return False


def _many_options(text: str) -> bool:
    sentences = re.split(r"(?<=[.;!?])\s+|¿", text[:4000])
    return any(len(answer_form.options(s)) >= 3 for s in sentences if " o " in s)


def one_item(text: str, scenario: Scenario) -> bool:
    """At most one of the customer's data is read back in the turn."""
    data = scenario.customer.data
    return sum(1 for f, v in data.items() if cues.value_matches(f, text, str(v))) <= 1


def part_of(said: str, truth: str) -> bool:
    """The value the agent said is a part of the customer's own («Rosa María» of «Rosa María
    Hernández», said to address her): a correction needs something wrong, not something short."""
    words = normalize(said).split()
    return bool(words) and set(words) <= set(normalize(truth).split())


def with_summary_yes(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«¿Lo entendí bien?» after a summary of the customer's story: «Sí, así es.» first (run on
    the plan ``answer_form.fit`` returns; kept here so that module does not import this one)."""
    names = {i.name for i in intents}
    if not intents or "hangup" in names or names & answer_form.YES_NO or not summary_check(t):
        return intents
    return [Intent(name="agree_summary"), *intents]


def summary_check(t: Turn) -> bool:
    """The turn sums up what the customer told and checks it with a short yes/no («…, lo que más
    le preocupa es quedarse sin carro. ¿Lo entendí bien?»): the reply owes a yes or a no first,
    also when the analysis did not tag the summary a paraphrase (``shape.restates_own_story``)."""
    questions = cues.question_sentences(t.text)
    if not questions or not t.s.revealed_needs or answer_form.form(t.text) != "yes_no":
        return False
    last = normalize(questions[-1])
    if len(last.split()) > shape.CHECK_WORDS or not cues.contains_any(
        last, cues.phrases("check_words")
    ):
        return False  # «¿Se lo dejo?» proposes; «¿Lo entendí bien?», «¿verdad?» check
    said = shape._content_words(t.norm)
    return any(
        len(said & shape._content_words(" ".join(normalize(x) for x in need.statements)))
        >= shape.RESTATED_WORDS
        for need in t.scenario.needs
        if need.id in t.s.revealed_needs
    )


# Replies that only say yes: to «Le programo la visita para el 5. ¿Algo más?» they accept the
# statement and leave the question unanswered («Ay, sí, sí.»: lead's TUI play, session 21).
YES_ONLY = frozenset({"short_yes", "acceptance", "filler_ack", "data_confirm_yes"})


def with_anything_else(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The last question is the protocol's «¿algo más?» and the plan only says yes: the customer
    also says there is nothing else (a yes alone would promise a request that never comes)."""
    if not intents or OFFER_MORE not in t.acts or any(i.name not in YES_ONLY for i in intents):
        return intents
    questions = cues.question_sentences(t.text)
    if not questions or not cues.contains_any(questions[-1], cues.phrases("anything_else")):
        return intents
    return [*intents, Intent(name="nothing_else")]


# A lead-in announces what follows («Pues mire…»); with nothing of substance after it, it hangs
# (panel N ud-03 T8; lead's TUI play, session 21: «…el 5 de enero. Pues mire…»).
LEAD_INS = frozenset({"need_lead_in"})
NOT_SUBSTANCE = frozenset({"filler_ack", "thanks_reply", "time_ok", "hold_return_ok"})


def without_hanging_lead(intents: list[Intent]) -> list[Intent]:
    """Drop every lead-in that no content piece follows."""
    out: list[Intent] = []
    for index, intent in enumerate(intents):
        rest = intents[index + 1 :]
        if intent.name in LEAD_INS and all(i.name in NOT_SUBSTANCE | LEAD_INS for i in rest):
            continue
        out.append(intent)
    return out or intents
