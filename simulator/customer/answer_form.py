"""The form of the agent's question, and the form the reply's first piece must have.

Blind panel L heard «Sí, así es» to «¿menos de 10 mil, de 10 a 20 o más?», «Ok, rápido entonces.
Sí…» to «¿es por el precio o por el servicio?», «Sí, así está bien, proceda» to «¿le registro el
cambio y el plan, o sólo el cambio?»: a yes/no to a question that offered options. The reply's
plan is checked here, in one place: the agent's question is classified (yes/no, either/or with N
options, wh-open, a request for permission, a request for data, or no question at all) from the
shared understanding (the acts ``simulator.analysis`` tags on the question alone), and a reply to
an either/or whose first piece is a bare yes/no or an acceptance gets a choice among the offered
options instead (``choice_moves``), or an honest «no sé cuál».
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from simulator.analysis import questions
from simulator.analysis.agent import tag_agent
from simulator.analysis.clauses import split_clauses
from simulator.customer import choice_lists, choice_moves, cues, licence_data
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

# «¿…, o no?», «¿o qué?», «¿o algo así?»: a tag, not a second option («…, o que no se le corte
# la señal?» is one: «o qué» / «o no» end the question to be a tag)
_TAG_OR_RAW = re.compile(
    r"\bm[aá]s o menos\b|,? o (?:no|qu[eé])(?=\s*(?:$|,))|,? o (?:algo|c[oó]mo|sea|bien)\b(?= |$|,)",
    re.IGNORECASE,
)
# Pieces that choose nothing among options: a bare yes, a confirmation, an acceptance (a «no»
# may refuse every option and stays).
BARE = frozenset({"short_yes", "data_confirm_yes", "filler_ack", "agree_summary"})
ACCEPT = "acceptance"
YES = frozenset({"short_yes", ACCEPT, "agree_summary"})  # a «sí» to the question itself
YES_NO = YES | {"short_no", "data_confirm_yes", "data_correction", "not_ready"}
_LEADS = frozenset({"y", "e", "entonces", "bueno", "ok", "oiga", "ahora", "pues", "ya"})
_PREPS = frozenset({"en", "a", "de", "con", "para", "por", "desde", "hasta"})
_WH = frozenset(
    {"que", "como", "cual", "cuales", "cuando", "cuanto", "cuanta", "cuantos", "cuantas"}
    | {"donde", "quien", "quienes"}
)
# Acts of a closing move: options put with one of them ask to choose among them.
PROPOSALS = frozenset({"close", "trial_close", "cross_sell"})
FORMS = ("either_or", "permission", "data", "open", "yes_no", "statement")


def last_question(text: str) -> str:
    """The turn's last question as written (what the reply answers first), or ``""``."""
    found = questions.marked(text)
    if found:
        return found[-1]
    asked = [c.norm for c in split_clauses(text) if c.question]
    if asked:
        return asked[-1]
    # typed without «¿?» («ya tiene internet en casa o apenas lo va a contratar»): the analysis
    # still hears a question; its last sentence is the one asked (blind probes, session 19)
    sentences = [p.strip() for p in re.split(r"[.:;!]\s+", text[:4000]) if p.strip()]
    for sentence in reversed(sentences):
        if {"closed_question", "open_question"} & set(tag_agent(sentence)):
            return sentence
    return offered_statement(text)


def offered_statement(text: str) -> str:
    """The turn's last sentence when it puts options to decide among without a question mark
    («Solo me falta saber cómo prefiere pagar: un solo pago o 12 mensualidades.», panel M): a
    closing move (the analysis tags a close on it) that lists options asks to choose."""
    sentences = [p.strip() for p in re.split(r"(?<=[.;!])\s+", text[:4000]) if p.strip()]
    if not sentences or not options(sentences[-1]):
        return ""
    return sentences[-1] if PROPOSALS & set(tag_agent(sentences[-1])) else ""


def options(question: str) -> list[str]:
    """The options an either/or question offers («¿A, B o C?»: three), none for a yes/no."""
    raw = _TAG_OR_RAW.sub(" ", question.strip(" ¿?.").lower())
    raw = raw.rpartition(": ")[2]  # «solo me falta saber cómo prefiere pagar: A o B»
    if " o " not in f" {normalize(raw)} ":
        return []
    head, _, last = raw.rpartition(" o ")
    parts = [p for p in re.split(r",\s+", head) if p.strip()]
    if not parts or not last.strip():
        return []
    if len(parts) > 1 and _is_wh(normalize(parts[0])):
        parts = parts[1:]  # cust-e: «¿qué le preocupa más, A o B?» — the question is no option
    return [*parts[-3:], last] if len(parts) > 1 else [parts[-1], last]


@lru_cache(maxsize=256)
def form(text: str) -> str:
    """The form of the agent's last question (``FORMS``)."""
    question = last_question(text)
    if not question:
        return "statement"
    acts = set(tag_agent(question))
    if "data_request" in acts:
        return "data"  # «¿me da su fecha de nacimiento o los últimos cuatro dígitos?»
    if options(question):
        return "either_or"
    if "hold_request" in acts:
        return "permission"
    if wh_led(question):
        return "open"
    return "yes_no"


def wh_led(question: str) -> bool:
    """The question opens with an interrogative word (tagged open by the analysis, or led by
    «qué», «cuál», «para qué»… after a connective): it asks for content, not for a yes."""
    if "open_question" in set(tag_agent(question)):
        return True
    return any(c.question and _is_wh(c.norm) for c in split_clauses(question))


def _is_wh(norm: str) -> bool:
    words = norm.replace("?", " ").replace("mas o menos", " ").split()
    while words and words[0] in _LEADS:
        words = words[1:]
    if words[:1] and words[0] in _PREPS:
        words = words[1:]
    return bool(words) and words[0] in _WH


def fits(first: Intent, question_form: str) -> bool:
    """Whether a reply may open with ``first`` to a question of this form."""
    if question_form == "either_or":
        return first.name not in BARE
    return True


def _unoffered(intent: Intent, offered: list[str]) -> bool:
    """A datum said to an either/or that offered none like it: «de 9 a 13 horas» to «¿en la
    mañana o en la tarde?» names an exact slot nobody offered (figures in it, none in the
    options, and no option leaves the datum open: «¿o me da otro?»)."""
    value = normalize(str(intent.slots.get("value", "")))
    if intent.name != "data_given" or not any(c.isdigit() for c in value):
        return False
    if any(any(c.isdigit() for c in o) for o in offered):
        return False
    opener = set(map(normalize, _config().get("open_options", [])))
    return not any(set(normalize(o).split()) & opener for o in offered)


def fit(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The plan with pieces of a form that fits the question: to an either/or, the bare yes or
    acceptance pieces (and a datum nobody offered) give way to a choice among the options (or
    «no sé cuál» where choice_moves says it), said where the first of them was; a plan with no
    option it can say, and other forms, are kept."""
    if not intents or any(i.name == "hangup" for i in intents):
        return intents
    intents = agreed(intents)
    if form(t.text) != "either_or":
        return choice_first(t, intents) if choice_lists.asks_which(t.text) else intents
    return choice_first(t, _fit_either(t, intents))


def choice_first(t: Turn, intents: list[Intent]) -> list[Intent]:
    """To a question among options the pick is said first: «Ok, si es igual de bueno, no tengo
    problema. Mmm… el Nova.» opens with a reaction that chooses nothing (panel O tc-02 T10); a
    thanks or a «perdón, ¿me decía?» may still open the reply (``choice_moves.LEADERS``)."""
    at = next((k for k, i in enumerate(intents) if _chooses([i])), None)
    if not at:
        return intents
    front = 0
    while front < at and intents[front].name in choice_moves.LEADERS:
        front += 1
    return [*intents[:front], intents[at], *intents[front:at], *intents[at + 1 :]]


def _fit_either(t: Turn, intents: list[Intent]) -> list[Intent]:
    """``fit`` for an either/or question."""
    offered = options(last_question(t.text))
    # a datum may answer another question, or this one when it names a datum of the customer
    single = questions.count(t.text) <= 1 and not cues.fields_mentioned(
        normalize(last_question(t.text)), list(t.scenario.customer.data)
    )
    asked = questions.count(t.text)
    # «…a nombre de Ana, ¿correcto? ¿Y la luz está roja o apagada?»: the «Sí, correcto» answers
    # the check asked before the either/or
    bare = BARE - {"data_confirm_yes"} if asked > 1 else BARE
    wrong = [
        i
        for i in intents
        if i.name in bare
        or _unoffered(i, offered)
        and (single or _daypart_option(i, offered) is not None)
    ]
    chosen_any = any(i.name.startswith("choice_") or i.slots.get("option") for i in intents)
    if not wrong:
        if chosen_any or not any(i.name == ACCEPT for i in intents):
            return intents
        # «Sí, adelante» to «¿le registro A, o sólo B?» says which it takes, when it can
        accepted = choice_moves._accepted_option(t, intents)
        if _chooses(accepted):
            return accepted
        took = taken(t, offered)
        if took is None:
            return accepted
        # no option it can say in its own words: the offer it takes
        at = next(k for k, i in enumerate(intents) if i.name == ACCEPT)
        return [*intents[:at], took, *intents[at + 1 :]]
    rest = [i for i in intents if i not in wrong]
    if chosen_any:
        return rest  # a choice is said in the reply: the bare pieces beside it go
    at = intents.index(wrong[0])
    before = [i for i in intents[:at] if i not in wrong]
    after = [i for i in intents[at:] if i not in wrong]
    datum = next((_daypart_option(i, offered) for i in wrong if i.name == "data_given"), None)
    if datum is not None:  # «de 9 a 13» to «¿en la mañana o en la tarde?»: «en la mañana»
        return [*before, Intent(name="choice_answer", slots={"option": datum}), *after]
    chosen = choice_moves.answer(t, [Intent(name="short_yes")])
    picked = [i for i in chosen if i.name not in BARE]
    if not picked and any(i.name in bare for i in wrong):
        # a bare «sí» to «¿A, o B?» chooses nothing (blind panel M): the option the yes takes
        # (``taken``), else, to an offer, an honest «no sé cuál»; to a fact («¿está sola o hay
        # alguien más?») no «no sé cuál» (a question back the agent may leave unanswered)
        took = taken(t, offered)
        unsure = [Intent(name="choice_unsure")] if t.acts & PROPOSALS else []
        picked = [took] if took is not None else unsure
    if not picked:
        return intents  # a datum nobody offered, with no option it can say: the plan stays
    return [*before, *picked, *after]


def agreed(intents: list[Intent]) -> list[Intent]:
    """A «sí» that the rest of the reply takes back goes: «Sí, claro. Todavía no me decido.» to
    «¿se lo dejo registrado?» says no (a confirmation of data read back stays: it answers the
    check, not the proposal)."""
    names = {i.name for i in intents}
    if not names & YES or not names & frozenset(_config().get("refusing", [])):
        return intents
    return [i for i in intents if i.name not in YES] or intents


def _chooses(intents: list[Intent]) -> bool:
    return any(i.name.startswith("choice_") or i.slots.get("option") for i in intents)


def offer_index(offered: list[str]) -> int | None:
    """Which option is the offer: the one the analysis hears as the close, else the only one of
    two that is not things as they are («¿se lo agrego, o lo dejamos así?»); None when neither."""
    proposed = [k for k, o in enumerate(offered) if PROPOSALS & set(tag_agent(f"¿{o}?"))]
    if len(proposed) == 1:
        return proposed[0]
    words = [normalize(w) for w in cues.config().get("choice", {}).get("status_quo", [])]
    keeps = [cues.contains_any(normalize(o), words) for o in offered]
    return keeps.index(False) if len(offered) == 2 and keeps.count(False) == 1 else None


def taken(t: Turn, offered: list[str]) -> Intent | None:
    """The option a yes takes: the offer against its alternative («Sí, eso sí me interesa» —
    the option the analysis hears as the close, «¿le gustaría hacer el cambio de plan, o
    prefiere quedarse con el suyo?»; or the only one of two that is not things as they are), else
    the one its situation grounds said in its words (``choice_moves._leaning``); None when
    nothing tells. No «lo primero»: a place is said only after a numbered list (panel E)."""
    if offer_index(offered) is not None:
        return Intent(name="choice_take")
    leaning = choice_moves._leaning(t, offered)
    said = (leaning or "").strip(" ,.").removeprefix("o ").strip()
    if said and choice_moves._sayable(said):
        return Intent(name="choice_answer", slots={"option": said})
    return None


def _daypart_option(intent: Intent, offered: list[str]) -> str | None:
    """The offered option that names the part of the day the datum's first hour falls in."""
    hour = re.search(r"\d{1,2}", str(intent.slots.get("value", "")))
    if hour is None:
        return None
    parts = _config().get("dayparts", {})
    for word, span in parts.items() if isinstance(parts, dict) else []:
        if span[0] <= int(hour.group()) < span[1]:
            return next((o for o in offered if word in normalize(o).split()), None)
    return None


def _config() -> dict[str, Any]:
    return licence_data.config()
