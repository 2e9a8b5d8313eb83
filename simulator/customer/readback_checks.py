"""Whether an agent's turn that reads back the customer's data asks to have it checked.

A read-back in passing («…le llamará al 55 23 45 67 89. ¿Le quedó clara la cobertura?») is not a
request to confirm the data: the customer answers the question the turn ends on, not «Exacto, ese
es». Kept apart from ``data_moves`` (which decides what data to give or confirm) so each stays
small.
"""

from __future__ import annotations

import re

from simulator.analysis import questions
from simulator.analysis.agent import tag_agent
from simulator.customer import cues, shape
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize


def asks_check(t: Turn, checked: list[str] | None = None) -> bool:
    """A read-back asks to be checked when it asks nothing else or one of its questions checks
    («¿es correcto?»); «Quedó registrada su promesa: 1,850 el 27. ¿Algo más?» or «…quedó
    registrado. ¿Le interesaría también el paquete o lo dejamos así?» gets no «Exacto, ese es.»
    A «¿me confirma…?» that names only data not read back («Anotado, de 9 a 13. ¿Me confirma su
    nombre y un teléfono?») asks for them: no «Exacto, ese es» before giving them (panel J)."""
    asked = questions.marked(t.text)
    if not asked:
        # «Listo, su solicitud de plomería de emergencia quedó registrada.» announces, it asks
        # nothing to be checked (panel K xd-01)
        return not t.acts & {"offer_more", "farewell"} and not announces_done(t)
    for q in asked:
        if asks_unread(t, q, checked or []) or _offers_two(q):
            continue  # «¿…subir de plan, o prefiere quedarse con sus 100 megas?» is a choice
        acts = set(tag_agent(q))
        if "data_confirmation" in acts or not acts & _NOT_A_CHECK:
            return True
    return False


def asks_unread(t: Turn, question: str, checked: list[str]) -> bool:
    """The question names data of the customer and reads back none of them: «¿me confirma la
    dirección completa donde llega el técnico?» asks for the address, it checks nothing."""
    data = t.scenario.customer.data
    named = cues.fields_mentioned(normalize(question), list(data))
    return bool(named) and not any(
        f in checked or cues.value_matches(f, question, data[f]) for f in named
    )


def ends_asking_unread(t: Turn, checked: list[str]) -> bool:
    """The turn reads back none of the customer's data and its last question asks for some
    (:func:`asks_unread`); a datum read back in passing before the request is still confirmed."""
    asked = questions.marked(t.text)
    return not checked and bool(asked) and asks_unread(t, asked[-1], checked)


def asks_else(t: Turn) -> bool:
    """A read-back that ends on a yes/no question about something else («…le llamará al 55 23 45
    67 89. ¿Le quedó clara la cobertura?», «…conserva las llamadas a su hermano. ¿La otra oferta
    las incluye?») is answered to that question, not with «Exacto, ese es» (panels G and H)."""
    asked = questions.marked(t.text)
    if not asked:
        return False
    last = asked[-1]
    acts = set(tag_agent(last))
    if acts & {"data_confirmation", "data_request"} or "data_request" in t.acts:
        return False
    # «¿Me deja un teléfono y un día para marcarle?» asks for data: the data moves answer it
    named = cues.fields_mentioned(normalize(last), list(t.scenario.customer.data))
    if any(f not in t.s.fields_given and f not in t.s.fields_confirmed for f in named):
        return False
    return "closed_question" in acts and not shape.has_check(last)


_NOT_A_CHECK = frozenset(
    {"offer_more", "farewell", "close", "trial_close", "cross_sell", "closed_question"}
    | {"open_question", "data_request"}
)


def announces_done(t: Turn) -> bool:
    """The turn asks nothing and tells that something is done (es/brain.yaml
    ``done_announcements``): «Listo, su solicitud quedó registrada.» is no read-back to check."""
    return "¿" not in t.text and any(p in t.norm for p in cues.phrases("done_announcements"))


def _offers_two(question: str) -> bool:
    """An either/or question («¿A, o prefiere B?»; not «¿sí o no?», not «¿es correcto o no?»)."""
    asked = normalize(question)
    return bool(re.search(r"\bo (?:prefiere|quiere|le|lo|la|se|mejor)\b", asked))


def moves_on(t: Turn) -> bool:
    """A read-back in passing in a turn that moves on: it announces something done
    (:func:`announces_done`) or ends on an either/or choice («Anotado, 55 34… ¿Le gustaría subir
    de plan, o prefiere quedarse con sus 100 megas?»): no «Exacto, ese es» (panel K xd-01, xd-02)."""
    asked = questions.marked(t.text)
    return announces_done(t) or bool(asked) and _offers_two(asked[-1])


def lay_data(t: Turn, fields: list[str], asked: list[str]) -> list[str]:
    """The fields a customer dictates in its own words: asked with other data in one turn, a
    datum whose value is a catalog product's name («Plomería de emergencia» for its coverage) is
    the agent's classification, not something it recites (panel K xd-01, xd-06, xe-03)."""
    if len(asked) < 2:
        return fields
    names = {normalize(p.name) for p in t.scenario.catalog}
    data = t.scenario.customer.data
    return [f for f in fields if normalize(str(data.get(f, ""))) not in names]
