"""Every datum the agent asks for gets its own answer piece: the value, or plainly «no me lo sé».

Blind panel M (session 20, cust-a): «¿Me regala el código postal?» answered «Mjm.», «Ay, sí, sí.»,
«Sí, todo bien»; «¿y su ingreso mensual?» answered «Ay, sí, sí.»; «¿tiene otro número?» answered
with the same number again; an address asked «con código postal» given without it, and a postcode
asked next to a date answered with the date only. The moves before this pass give the data the
scenario holds when they recognise the request; this pass, run on the finished plan, reads every
asking sentence of the turn (a question, or a request «…, por favor») and makes sure each datum it
names has a piece: a datum the reply already says, else the value the customer holds, else the
honest reply ``es/fact_data_asks.yaml`` names for a datum the scenario lacks.

Decision: a datum the scenario does not hold (a postcode not in the address, an RFC, a second
phone) is never invented — the trainee's read-back and the scorer check the scenario's values; the
customer says it does not know it by heart (``part_unknown``) or has only the one it gave
(``datum_only_one``), and says the same when asked again. No «déjeme ver» is said, so no promise
to look it up is left dropped. Bare acknowledgements («Sí, sí», «Mjm») next to it give way.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from simulator.customer import cues, data_give, every_part, facts
from simulator.customer.data_requests import _ELLIPTIC
from simulator.customer.field_frame import names_the_datum
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize

# Pieces that say a datum (or why it is not said).
SAYS = frozenset({"data_given", "data_repeated", "age_given", "data_correction"})
REASONS = frozenset(
    {
        "part_unknown",
        "part_unknown_again",
        "datum_only_one",
        "datum_private",
        "datum_why",
        "datum_refused_again",
        "repetition_complaint",
        "data_before_empathy",
    }
    | {"guarantee_request", "identity_proof_request", "secret_refusal", "annoyed", "hangup"}
    | {"farewell", "hold_ok", "wrong_person", "not_ready", "refusal", "objection"}
    | {"objection_repeat", "data_withheld", "privacy_refusal", "unconsented_protest"}
)
# Acknowledgements that answer no datum: they give way to the piece that does.
EMPTY = frozenset({"short_yes", "filler_ack", "vague_answer", "slot_unknown", "data_confirm_yes"})
MAX_PIECES = 4
_CLAUSE = re.compile(r"[^.!?¿¡]*¿[^?]*\?|[^.!?¿¡]+(?:[.!]|$)")


@cache
def _data() -> dict[str, Any]:
    return resource_yaml("simulator.customer", "es/fact_data_asks.yaml") or {}


def asking_sentences(text: str) -> list[str]:
    """The normalized sentences of the turn that ask for something: each question with the clause
    that leads into it («Solo me faltó el código postal, ¿me lo confirma?»), and each plain
    request («La dirección con código postal, por favor.»)."""
    out: list[str] = []
    requests = cues.phrases("request_phrases") + cues.phrases("plain_request_leads")
    for clause in _CLAUSE.findall(text[:4000]):
        norm = normalize(clause)
        if not norm:
            continue
        if "?" in clause or "por favor" in norm or cues.contains_any(norm, requests):
            out.append(norm)
    return out


def _held(t: Turn, entry: dict[str, Any]) -> bool:
    """Whether the customer has this datum: a value it gave or holds contains it."""
    pattern = entry.get("held")
    if not pattern:
        return False
    data = t.scenario.customer.data
    values = [str(v) for f, v in {**data, **t.s.fields_given}.items() if f in entry.get("in", [])]
    return any(re.search(str(pattern), v) for v in values)


def unheld_asked(t: Turn) -> list[dict[str, Any]]:
    """The data of ``es/fact_data_asks.yaml`` the turn asks for that the customer does not hold."""
    sentences = [f" {s} " for s in asking_sentences(t.text)]
    held = facts.known_data(t.scenario.customer.data, t.scenario.customer.situation)
    out = []
    for entry in _data().get("unheld", []) or []:
        if {entry.get("field"), *entry.get("also", [])} & set(held) or _held(t, entry):
            continue
        if any(_names(s, entry) for s in sentences):
            out.append(entry)
    return out


def _names(sentence: str, entry: dict[str, Any]) -> bool:
    """The sentence names the entry's datum as the datum (not «le llegue a su domicilio»)."""
    padded = f" {sentence} "
    frame = cues.config().get("field_frame") or {}
    for p in entry["phrases"]:
        key = normalize(p)
        at = padded.find(f" {key} " if p.startswith(" ") else key)
        while at >= 0:
            start = at + 1 if p.startswith(" ") or padded[at] == " " else at
            if names_the_datum(padded, start, start + len(key), frame):
                return True
            at = padded.find(f" {key} " if p.startswith(" ") else key, at + 1)
    return False


def _answered(intents: list[Intent], entry: dict[str, Any]) -> bool:
    return any(
        i.name.startswith(entry["reply"]) and i.slots.get("part", entry["name"]) == entry["name"]
        for i in intents
    )


ELLIPTIC_WORDS = 7  # «¿y su teléfono?», not «¿y el servicio está en la dirección donde vive?»
WORRIES = frozenset({"objection", "objection_repeat", "not_ready"})
ONLY_ONE = "datum_only_one"
CHECKS = frozenset({"data_confirm_yes"})
PHONES = frozenset({"telefono", "numero_linea", "celular"})
OWN_REASONS = frozenset(
    {"part_unknown", "part_unknown_again", ONLY_ONE, "datum_private", "datum_why"}
    | {"datum_refused_again"}
)


def _phone_again(intent: Intent) -> bool:
    return intent.name == "repetition_complaint" or (
        intent.name in SAYS and str(intent.ref) in PHONES
    )


def _held_asked(t: Turn, intents: list[Intent], pieces: list[Intent]) -> list[Intent]:
    """The data the customer holds that a plain request of the turn names and no piece says
    («¿Así es? Y por último, la dirección de la instalación: calle, número…, por favor.»)."""
    data = facts.known_data(t.scenario.customer.data, t.scenario.customer.situation)
    said = {i.ref for i in [*intents, *pieces] if i.name in SAYS}
    if any(i.name == "caller_name" for i in intents):
        said.add("nombre")
    if any(str(i.slots.get("kind", "")).startswith("unknown:") for i in intents):
        return []  # «la cantidad exacta no la sé» already answers it, honestly
    bare = all(i.name in EMPTY for i in intents)  # «Sí, sí» to «¿me comparte su teléfono?»
    requests = cues.phrases("request_phrases")
    plain = " ".join(
        s
        for s in asking_sentences(t.text)
        # «¿me lo comparte?», «¿y su teléfono?»
        if "?" not in s
        or cues.contains_any(s, requests)
        or (_ELLIPTIC.match(s) and len(s.split()) <= ELLIPTIC_WORDS)
    )
    personal = [f for f in data if f in _data().get("personal_fields", [])]
    named = cues.fields_mentioned(plain, personal)
    for entry in _data().get("unheld", []) or []:
        # «su teléfono» of a customer who holds its line number: that number
        also = [f for f in entry.get("also", []) if f in data]
        if also and entry.get("field") not in data and _names(plain, entry):
            named.append(also[0])
    out: list[Intent] = []
    for f in dict.fromkeys(named):
        if f in said or cues.value_matches(f, t.text, data[f]):
            continue
        if f in t.s.fields_given:
            if bare:  # asked again with nothing said: it says it again, not «Ok»
                value = facts.spoken(f, t.s.fields_given[f])
                out.append(Intent(name="data_repeated", ref=f, slots={"value": value}))
            continue
        t.s.fields_given[f] = data[f]
        value = data_give.said_as(f, facts.spoken(f, data[f]))
        out.append(Intent(name="data_given", ref=f, slots={"value": value}))
    return out


def _dated(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«¿Cuál es la nueva dirección y para cuándo sería el cambio?»: a «¿para cuándo…?» part of a
    call whose scenario holds that date gets the date, not a need that only holds a date (its
    line may be left out as told before: blind panel M vf-04)."""
    dated = [f for f in t.scenario.customer.data if f.startswith("fecha") and "nacim" not in f]
    said = {i.ref for i in intents if i.name in SAYS}
    if not dated or dated[0] in said or dated[0] in t.s.fields_given:
        return []
    if any(every_part._grounded(t, "time", i) and not _date_only_need(t, i) for i in intents):
        return []  # «el 27 cobro» already says when; a need of the date alone gives way to it
    f = dated[0]
    asked = [
        p
        for p in every_part.parts(t.text)
        if every_part._family(p) == "time"
        and (p.startswith("para cuando") or cues.fields_mentioned(p, [f]))
    ]
    if not asked:
        return []
    aside = replace(t, intents=[])
    data_give._give(aside, f, str(t.scenario.customer.data[f]))
    return aside.intents[:1]


def _date_only_need(t: Turn, intent: Intent) -> bool:
    need = next((n for n in t.scenario.needs if n.id == intent.ref), None)
    if intent.name != "need_statement" or need is None or not need.statements:
        return False
    return all(cues.has_date(normalize(str(x))) for x in need.statements)


def _read_back(t: Turn) -> bool:
    """A datum read back with a bare check of its own («…arroba gmail punto com. ¿Así es?»): not
    «Solo me faltó el código postal, ¿me lo confirma?», which asks for the missing datum."""
    data = facts.known_data(t.scenario.customer.data, t.scenario.customer.situation)
    if not any(cues.value_matches(f, t.text, v) for f, v in data.items()):
        return False
    phrases = [normalize(p) for e in _data().get("unheld", []) or [] for p in e["phrases"]]
    return any(
        not cues.fields_mentioned(q, list(data)) and not cues.contains_any(f" {q} ", phrases)
        for q in asking_sentences(t.text)
        if "?" in q
    )


def _remembered(t: Turn, intent: Intent) -> Intent:
    """A «no me lo sé» the moves before said is remembered too: asked again, said as before."""
    if intent.name != "part_unknown" or not intent.slots.get("part"):
        return intent
    return _unknown(t, {"name": intent.slots["part"], "reply": "part_unknown"})


def _unknown(t: Turn, entry: dict[str, Any]) -> Intent:
    """The honest reply for an unheld datum; asked again, it says it as said before."""
    key = f"datum_asks:{entry['name']}"
    again = key in t.s.once_flags
    if not again:
        t.s.once_flags.append(key)
    name = entry["reply"]
    if again and name == "part_unknown":
        name = "part_unknown_again"
    elif again and name in ("datum_why", "datum_private"):
        name = "datum_refused_again"  # the same refusal, not the same sentence
    return Intent(name=name, slots={"part": entry["name"]})


def complete(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The plan with a piece for every datum asked that it leaves unsaid."""
    if "?" not in t.text and "por favor" not in t.norm or t.s.hung_up:
        return intents
    intents = [_remembered(t, i) for i in intents]
    asked = [e for e in unheld_asked(t) if not _answered(intents, e)]
    said_now = {i.ref for i in intents if i.name in SAYS}
    first_phone: list[Intent] = []
    if any(e["reply"] == ONLY_ONE for e in asked):
        asked, intents, first_phone = _other_number(t, asked, intents, said_now)
    reasons = REASONS - OWN_REASONS
    if t.scenario.goal != "sale" or t.s.accepted:
        reasons -= WORRIES  # «¿y sí van a venir?» in a service call: a worry, said after the datum
    if {i.name for i in intents} & reasons:
        return intents  # the reply says why no datum is given
    unknown = [_unknown(t, e) for e in asked]
    date = _dated(t, intents)
    if date:  # the date said as the datum: a need that only tells that date gives way
        intents = [i for i in intents if not _date_only_need(t, i)]
    pieces = [*first_phone, *_held_asked(t, intents, first_phone), *date, *unknown]
    if not pieces:
        return intents
    # «¿Así es?»: its «sí» stands before the pieces; a bare «sí» to nothing read back gives way
    empty = EMPTY - CHECKS if _read_back(t) else EMPTY
    if any(
        p.name in (ONLY_ONE, "datum_private", "datum_why", "datum_refused_again") for p in pieces
    ):
        intents = [i for i in intents if i.name != "short_no"]  # its line says «no» already
    says = [i for i in intents if i.name in SAYS or i.name not in empty]
    if any(_before(i) for i in says):
        # «Avenida Reforma 1520, colonia Centro… El código postal no me lo sé»: after the data,
        # the check's «sí» and the pick («le doy otro: …»)
        at = max(k + 1 for k, i in enumerate(says) if _before(i))
        return [*says[:at], *pieces, *says[at:]][: max(MAX_PIECES, len(says))]
    # the datum asked is the answer: it comes first, the customer's own move after it
    return [*pieces, *says][:MAX_PIECES]


def _before(intent: Intent) -> bool:
    return intent.name in SAYS | CHECKS or intent.name.startswith("choice_")


def _other_number(
    t: Turn, asked: list[dict[str, Any]], intents: list[Intent], said_now: set[str | None]
) -> tuple[list[dict[str, Any]], list[Intent], list[Intent]]:
    """«¿Tiene otro número?»: before any number was given, the one it has (said first); after,
    «nada más tengo ese» — not that number again, nor «ya se lo dije»."""
    again = any(i.name in ("repetition_complaint", "data_repeated") for i in intents)
    if again or (set(t.s.fields_given) - said_now) & PHONES:
        return asked, [i for i in intents if not _phone_again(i)], []
    asked = [e for e in asked if e["reply"] != ONLY_ONE]
    phones = [f for f in t.scenario.customer.data if f in PHONES]
    if not phones or said_now & PHONES:
        return asked, intents, []
    f = phones[0]
    t.s.fields_given[f] = t.scenario.customer.data[f]
    value = facts.spoken(f, t.s.fields_given[f])
    return asked, intents, [Intent(name="data_given", ref=f, slots={"value": value})]
