"""What the agent's turn asks of the customer's data: which fields a request names (plainly, as an
open request or elliptically «¿y la dirección?»), a month owed with a day, a part of a datum
(the postal code) not said yet. Split from ``data_moves.py``, which gives and checks the data."""

from __future__ import annotations

import re

from simulator.customer import cues, facts, open_requests
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

SHORT_REQUEST_WORDS = 9  # «¿A qué número le marco si se necesita algo?» is a request by itself


def _open_ask(t: Turn) -> bool:
    """The turn's last question is an open one («¿qué horario le queda mejor?»)."""
    questions = cues.question_sentences(t.text)
    return bool(questions) and cues.open_form_question(f"¿{questions[-1]}?")


def _asks_month(t: Turn) -> bool:
    return cues.contains_any(" ".join(cues.question_sentences(t.text)), cues.phrases("month_asks"))


def _month_owed(t: Turn, data: dict[str, str]) -> list[str]:
    """«El día 5, ¿de qué mes?»: the yearless date whose day the agent said (or the only one)
    is owed with its month, even if the day was already given."""
    if not _asks_month(t):
        return []
    dates = [f for f, v in data.items() if facts.day_of_month(v)]
    days = set(re.findall(r"\d+", t.text))
    named = [f for f in dates if facts.day_of_month(data[f]) in days]
    chosen = named or (dates if len(dates) == 1 else [])
    return [f for f in chosen if facts.with_month(data[f]).split(" de ")[-1] not in t.norm]


def _open_request(t: Turn, fields: list[str]) -> list[str]:
    """Fields named by an open question of the turn («¿a dónde se cambia y para cuándo?»)."""
    leads = cues.phrases("open_data_leads")
    found: list[str] = []
    for q in cues.question_sentences(t.text):
        head = " ".join(q.split()[:3])
        if cues.open_form_question(f"¿{q}?") or any(head.startswith(k) for k in leads):
            found += [f for f in cues.fields_mentioned(q, fields) if f not in found]
    return found


def _request(t: Turn, fields: list[str]) -> list[str] | None:
    """The fields the agent's turn asks for (possibly none), or None when it asks for no data."""
    s = t.s
    asked = cues.fields_requested(t.text, fields)
    # «la cuenta ya la tengo; me falta el teléfono»: what was given is asked again only by a
    # question that names it
    questioned = {
        f for q in cues.question_sentences(t.text) for f in cues.fields_mentioned(q, asked)
    }
    known = {*s.fields_confirmed, *s.fields_given}
    requested = cues.contains_any(t.norm, cues.phrases("request_phrases"))
    fresh = [f for f in asked if f not in known or f in questioned]
    questions = cues.question_sentences(t.text)
    if asked and not fresh and questions and "data_request" not in t.acts:
        # «…dejamos solo su cambio de domicilio con su plan actual. ¿Cómo le parece mejor?» names
        # a field already given and asks something else: no «ya se lo había dicho» (panel H)
        return None
    asked = fresh or asked
    curt = bool(asked) and "?" in t.norm and t.words <= 4  # «Ajá. ¿Nombre?» still asks for it
    # «¿a qué número le marco?», «¿dónde le entregamos?»: a question that names a field by its
    # meaning asks for it, whatever the act tagger called it
    asking = bool(asked) and "?" in t.norm and not t.acts & {"offer_more", "farewell"}
    short = any(
        len(q.split()) <= SHORT_REQUEST_WORDS and cues.fields_mentioned(q, asked)
        for q in cues.question_sentences(t.text)
    )
    # «¿Y la dirección donde instalamos, con calle y número?»: a question that is the field itself
    elliptic = any(
        _ELLIPTIC.match(q) and cues.fields_mentioned(q, asked)
        for q in cues.question_sentences(t.text)
    )
    inferred = asking and (requested or curt or elliptic or (short and _unmet(asked, s)))
    inferred = inferred or (bool(asked) and _plain_ask(t))
    if "data_request" not in t.acts and not inferred:
        return None
    return asked


def _asks_new_field(t: Turn) -> bool:
    """A question of the turn asks for a field the customer has not given yet («¿a qué teléfono
    la contactamos?»; not «¿le confirmo la contratación a su nombre?»)."""
    fields = list(t.scenario.customer.data)
    requests = cues.phrases("request_phrases")
    return any(
        f not in t.s.fields_given
        for q in cues.question_sentences(t.text)
        if cues.open_form_question(f"¿{q}?") or cues.contains_any(q, requests) or _ELLIPTIC.match(q)
        for f in cues.fields_mentioned(q, fields)
    )


def _plain_ask(t: Turn) -> bool:
    """«Nada más el correo donde le mando la póliza.», or «Las placas y el modelo, por favor.»
    once on board (a sale not agreed to gives no data to a bare list: panel F zn-08)."""
    if "?" in t.text or cues.contains_any(t.norm, cues.phrases("plain_request_leads")):
        return "?" not in t.text
    on_board = t.scenario.goal != "sale" or t.s.accepted
    return on_board and open_requests.asks_in_statement(t, list(t.scenario.customer.data))


def _unmet(asked: list[str], s: object) -> bool:
    given = getattr(s, "fields_given", {})
    return any(f not in given for f in asked)


def _label(field_key: str) -> str:
    return field_key.replace("_", " ")


# «¿la dirección donde se haría la instalación?», «¿y su correo?»: a request said as the field
_ELLIPTIC = re.compile(r"^(?:y |por ultimo |ahora |tambien |ademas )?(?:la|el|su|sus|los|las) ")


def _missing_part(t: Turn, values: list[str]) -> str | None:
    """The part of a datum the turn asks for that no given value has (``data_parts`` in
    es/brain.yaml: a postal code asked after an address of street and colonia), as it is named."""
    for part in cues.config().get("data_parts", []) or []:
        if not cues.contains_any(t.norm, [normalize(p) for p in part.get("phrases", [])]):
            continue
        if not any(re.search(str(part.get("pattern", "$^")), v) for v in values):
            return str(part.get("name", ""))
    return None
