"""The reply fits the shape of what was asked: an open question gets content, every part of a
double question gets its answer.

Blind panel E counted as incoherent, most of all, replies that do not fit the kind of question:
«Mmm, sí.» or «Así es.» to «¿qué es lo que más le preocupa?», «Ahorita no sabría decirle» to
«¿qué es lo que más usa del cel?» (a fact the customer knows), and double questions answered by
halves («¿cada cuándo le pagan y cuánto podría destinar?» — only the date; «¿a qué número y a
qué hora le marco?» — only the number). This pass runs last in ``brain.decide``:

- ``open_content``: a bare token (yes, no, «ajá», «correcto», «no sabría decirle») to an open
  question about the customer's own situation becomes a line of that situation: the need the
  question probes (told now, or said again), else one it has not told yet;
- ``missing_parts``: a part of the question the reply leaves unanswered and the scenario has no
  fact for gets a plausible line of the customer's own (``plausible.part_lines``, data).
"""

from __future__ import annotations

from simulator.customer import (
    choice_parts,
    choice_voice,
    commitments,
    cues,
    every_part,
    fact_model,
    facts,
    need_choice,
    opinion_asks,
    part_memory,
    plausible,
)
from simulator.customer.opinion_asks import how_only as how_only
from simulator.customer.state import Intent
from simulator.customer.turn import Turn, clamp
from simulator.language.normalize import normalize

# Replies that carry no content: a token to an open question is no answer.
TOKENS = frozenset(
    {"short_yes", "short_no", "filler_ack", "data_confirm_yes", "vague_answer", "slot_unknown"}
    | {"hold_return_ok"}
)
# Replies that end or refuse: nothing is added to them.
ENDING = frozenset({"hangup", "farewell", "refusal", "nothing_else", "secret_refusal"})
# Lines that say the customer has nothing (more) to say: not next to an answer it gives.
SILENT = frozenset({"nothing_more_to_add", "slot_unknown", "vague_answer", "filler_ack"})
# Replies that doubt or object: the customer does not go on answering the rest of the question.
DOUBTING = frozenset(
    {"objection", "objection_repeat", "guarantee_request", "identity_proof_request", "trap"}
    | {"not_ready", "annoyed", "knowledge_test", "objection_must_consult", "complaint"}
)
MAX_PARTS = 4  # intents a reply may hold with the parts added


def fit(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The reply shaped to the question: content for an open one, every part answered."""
    shaped = missing_parts(t, open_content(t, opinion_asks.opinion(t, _answer_first(t, intents))))
    shaped = time_part(t, shaped)
    shaped = choice_parts.which_part(t, choice_parts.either_or_part(t, shaped))
    shaped = choice_parts.whose_part(t, shaped)
    shaped = every_part.complete(t, shaped)  # no part of the question left unanswered
    shaped = fact_model.consistent(t, shaped)  # customer-t: no pick against the scenario's facts
    shaped = commitments.keep(choice_voice.fit(t, shaped))  # a pick in the customer's voice
    while len(shaped) > 1 and shaped[-1].name == "need_lead_in":
        shaped = shaped[:-1]  # «Pues sí, le platico…» with nothing told after it
    if shaped and shaped[0].name == "part_answer":
        # the reply opens with it: no «Ah, y…» / «Y…» joining it to nothing said before
        shaped = [Intent(name=FIRST_PART, slots=shaped[0].slots), *shaped[1:]]
    return shaped


FIRST_PART = "part_answer_first"


# The customer's own moves: said after the answer to an open question, never instead of it.
OWN = frozenset(
    {"objection", "objection_repeat", "trap", "guarantee_request", "ask_price", "ask_detail"}
    | {"digression", "buying_signal", "buying_signal_generic", "interrupt_monologue", "impatience"}
)


def _answer_first(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«¿Desde cuándo está sin servicio?» — «Ay, ¿y ahora por qué va a ser diferente?»: an open
    question about the customer's situation is answered first; its own move comes after."""
    if not intents or not all(i.name in OWN for i in intents) or _how_only(t):
        return intents
    opened = _open_questions(t)
    if not opened or any(plausible.part_kind(q) for q in opened):
        return intents
    if t.persona.traits.needs_empathy_first and not t.s.empathy_received:
        return intents
    asked = " ".join(opened)
    slot = need_choice.asked_slot(t.text)
    fact = need_choice.fact_line(t.scenario, slot) if slot else None
    if fact is not None and fact not in t.s.used_texts:
        return [Intent(name="slot_fact", slots={"value": fact}), *intents]
    need = need_for(t, asked, loose=False)  # only a need the question is about
    return [need, *intents] if need is not None else intents


def time_part(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«¿Hablo con la señora…? … ¿Tiene unos minutos?» — «Sí, yo soy.» answers who, not whether
    there is time: the yes to the time follows (blind panels: the identity answered, the minutes
    asked with it dropped)."""
    if not intents or any(i.name != "identity_confirm" for i in intents):
        return intents
    asked = " ".join(cues.question_sentences(t.text))
    if not cues.contains_any(asked, list(cues.config().get("time_permission", []))):
        return intents
    return [*intents, Intent(name="time_ok_after")]


def _open_questions(t: Turn) -> list[str]:
    """The turn's open questions (normalized), unless the last question is yes/no or a choice."""
    questions = cues.question_sentences(t.text)
    if not questions or not cues.open_form_question(f"¿{questions[-1]}?"):
        return []
    return [q for q in questions if cues.open_form_question(f"¿{q}?")]


def open_content(t: Turn, intents: list[Intent]) -> list[Intent]:
    """A bare token to an open question about the customer becomes what the customer knows."""
    names = [i.name for i in intents]
    if names == ["nothing_more_to_add"]:
        return _told_again(t, intents)  # «¿qué le pasa con la velocidad?» after telling it
    if not intents or not all(i.name in TOKENS for i in intents):
        return intents
    questions = cues.question_sentences(t.text)
    bare_yes = set(names) <= {"short_yes", "filler_ack"}
    if questions and bare_yes and cues.contains_any(questions[-1], cues.phrases("anything_else")):
        return [Intent(name="nothing_else")]  # «¿Algo más por ahora?» — «Sí.» says nothing
    if _how_only(t):
        return intents  # «¿cómo lo ve?» may get «bien»; the offer questions are the brain's
    opened = _open_questions(t)
    earlier = [q for q in questions[:-1] if cues.open_form_question(f"¿{q}?")]
    if not opened and not earlier:
        return intents
    for q in opened:
        kind = plausible.part_kind(q)
        lines = plausible.part_lines(q, t.scenario.kind, t.scenario.id)
        if lines and kind is not None and not _own_field(t, q, kind):
            return [_part(t, lines)]
    asked = " ".join(opened or earlier)
    if opened and cues.contains_any(opened[-1], cues.phrases("which_leads")):
        return _unknown(t, intents, True)  # «¿cuál le acomoda?» asks for a pick, not a need
    if opened and need_choice.probed(asked, cues.phrases("doubt_questions")) and not t.s.objections:
        return [Intent(name="no_doubts")]  # «¿qué es lo que todavía no le convence?»
    need = need_for(t, asked)
    if need is None:
        return _unknown(t, intents, bool(opened))
    # «¿Qué hacen en línea…? Y, ¿sí es el 5?»: the yes to the last one, then the open one
    return [*(intents if not opened else []), need]


def need_for(t: Turn, asked: str, *, loose: bool = True) -> Intent | None:
    """The need an open question (normalized) is about, told now (or said again when it probes
    one already told), or None; a need told here is marked revealed."""
    needs = t.scenario.needs
    probed = [n for n in needs if need_choice.probed(asked, n.probe_keywords)]
    untold = [n for n in probed if n.id not in t.s.revealed_needs]
    need = next(iter(untold or probed), None)
    if need is None:  # an untold need the question is about (shares a word with its probes)
        words = _content_words(asked)
        need = next(
            (
                n
                for n in needs
                if n.id not in t.s.revealed_needs
                and words & _content_words(" ".join(normalize(k) for k in n.probe_keywords))
            ),
            None,
        ) or next(
            (n for n in needs if loose and n.id not in t.s.revealed_needs and n.reveal == "open"),
            None,
        )
    if need is None:
        return None
    if need.id not in t.s.revealed_needs:
        t.s.revealed_needs.append(need.id)
        t.s.interest = clamp(t.s.interest + 4 + t.persona.traits.openness // 25)
    return Intent(name="need_statement", ref=need.id)


def _told_again(t: Turn, intents: list[Intent]) -> list[Intent]:
    """An open question about something the customer already told gets it again, not «eso
    sería todo»."""
    questions = _open_questions(t)
    if not questions or _how_only(t):
        return intents
    asked = _content_words(" ".join(questions))
    for need in t.scenario.needs:
        if need.id not in t.s.revealed_needs:
            continue
        told = " ".join(normalize(x) for x in [*need.probe_keywords, *need.statements])
        if asked & _content_words(told):
            return [Intent(name="need_statement", ref=need.id)]
    if t.s.revealed_needs and cues.contains_any(" ".join(questions), cues.phrases("what_happens")):
        return [Intent(name="need_statement", ref=t.s.revealed_needs[-1])]  # the problem it told
    return intents


def _content_words(norm: str) -> set[str]:
    stop = set(cues.phrases("question_stopwords"))
    return {w for w in norm.replace("?", " ").split() if len(w) >= 3 and w not in stop}


def _how_only(t: Turn) -> bool:
    return how_only(t.text)


def _data_part(t: Turn, part: str) -> bool:
    """A question part that asks for a datum the customer has (or a plausible part)."""
    fields = list(facts.known_data(t.scenario.customer.data, t.scenario.customer.situation))
    return bool(cues.fields_mentioned(part, fields)) or plausible.part_kind(part) is not None


def _own_field(t: Turn, question: str, kind: str) -> bool:
    """The scenario holds this part as a datum the question names (the visit's time slot, the
    amount of a promise): the data moves give it, not a plausible line."""
    fields = [f for f in plausible.fields_of(kind) if f in t.scenario.customer.data]
    return bool(cues.fields_mentioned(question, fields))


def _part(t: Turn, lines: list[str]) -> Intent:
    amount = t.scenario.customer.data.get("monto", "").strip()
    usable = [x for x in lines if "{amount}" not in x or amount.isdigit()] or lines
    line = usable[t.s.turn % len(usable)]
    if amount.isdigit():
        line = line.replace("{amount}", f"{int(amount):,}")
    lower = line[:1].lower() + line[1:]
    return Intent(name="part_answer", slots={"value": line, "value_lc": lower})


def missing_parts(t: Turn, intents: list[Intent]) -> list[Intent]:
    """Each part of the agent's questions that asks something the scenario has no fact for and the
    reply does not answer gets a plausible line (in the order asked, after the reply)."""
    intents = situation_facts(t, intents)
    names = {i.name for i in intents}
    if names & ENDING or "?" not in t.text or len(intents) >= MAX_PARTS:
        return intents
    added: list[Intent] = []
    for question in cues.question_sentences(t.text):
        kind = plausible.part_kind(question)
        if kind is None or _own_field(t, question, kind) or _covered(t, intents, kind):
            continue
        lines = plausible.part_lines(question, t.scenario.kind, t.scenario.id)
        said = part_memory.recall(t, kind)  # what it said of this before stays its answer
        if said:
            lines = [said]
        if lines and not any(a.slots.get("kind") == kind for a in added):
            part = _part(t, lines)
            part_memory.remember(t, kind, part.slots["value"])
            part.slots["kind"] = kind
            added.append(part)
    if not added and names & {"data_given", "age_given"} and "need_statement" not in names:
        # «¿cuántos años tiene, y qué es lo que más le preocupa?»: the age, then the worry
        for piece in need_choice.question_parts(t.text):
            if cues.open_form_question(f"¿{piece}?") and not _data_part(t, piece):
                need = need_for(t, piece)
                if need is not None:
                    added.append(need)
                break
    if not added:
        return intents
    # «Pues no, ya le conté todo» is no answer next to the part it now answers
    intents = [i for i in intents if i.name not in SILENT]  # the part answer replaces it
    # every part is answered before the customer's own move (a doubt, «no decido sin mi
    # esposa»): blind panel I, the age said and the worry asked with it dropped for a doubt
    own = next((n for n, i in enumerate(intents) if i.name in DOUBTING | OWN), len(intents))
    added = added[: max(1, MAX_PARTS - len(intents))]  # the own move is kept, not cut off
    return [*intents[:own], *added, *intents[own:]]


def situation_facts(t: Turn, intents: list[Intent]) -> list[Intent]:
    """A part of the question that asks a fact of the customer's situation («¿y qué luces tiene
    el módem?») is answered even when the customer goes on to doubt or complain, and before that
    own move (blind panel I: the other part answered, the lights ignored twice)."""
    names = {i.name for i in intents}
    if names & ENDING or "?" not in t.text:
        return intents
    sid = t.scenario.id
    added: list[Intent] = []
    closing = bool({"close", "trial_close"} & t.acts)
    for question in [*cues.question_sentences(t.text), *fact_model.requests(t.text)]:
        if closing and cues.products_named(normalize(question), t.scenario.catalog):
            continue  # «¿se la dejo con el Auto sustituto?» proposes our product: no own-cover fact
        for key, lines in plausible.fact_parts(question, sid, t.ctype):
            if not lines or any(a.slots.get("kind") == key for a in added):
                continue
            if _says_fact(t, intents, plausible.fact_answered_by(sid, key)):
                continue
            # asked again: the same fact in other words (every line of a fact says the same)
            said = t.s.play.get(f"fact:{key}")
            part = _part(t, [x for x in lines if x != said] or lines)
            t.s.play[f"fact:{key}"] = part.slots["value"]
            part.slots["kind"] = key
            added.append(part)
    if not added:
        return intents
    kept = [i for i in intents if i.name not in SILENT | {"short_yes", "short_no"}]
    own = next((n for n, i in enumerate(kept) if i.name in DOUBTING | OWN), len(kept))
    return [*kept[:own], *added, *kept[own:]]


def _says_fact(t: Turn, intents: list[Intent], words: list[str]) -> bool:
    """Whether the reply already says the fact: a value slot holding its words, or a need whose
    every line does (the line is picked later)."""
    keys = [normalize(w) for w in words]
    for intent in intents:
        if cues.contains_any(normalize(intent.slots.get("value", "")), keys):
            return True
        need = next((n for n in t.scenario.needs if n.id == intent.ref), None)
        if (
            intent.name == "need_statement"
            and need is not None
            and all(cues.contains_any(normalize(str(x)), keys) for x in need.statements)
        ):
            return True
    return False


def _covered(t: Turn, intents: list[Intent], kind: str) -> bool:
    """Whether the reply already answers a part of this kind (a datum of it, or a need whose lines
    say it: «me pagan cada quincena» answers when, not how much)."""
    words = [normalize(w) for w in plausible.answered_by(kind)]
    for intent in intents:
        if intent.name == "part_answer":
            return True
        if intent.name in ("data_given", "data_repeated") and intent.ref in plausible.fields_of(
            kind
        ):
            return True
        if intent.name == "need_statement":
            need = next((n for n in t.scenario.needs if n.id == intent.ref), None)
            if need and any(cues.contains_any(normalize(x), words) for x in need.statements):
                return True
    return False


CHECK_WORDS = 4  # «¿así es?», «¿le entendí bien?»: a paraphrase check is short
RESTATED_WORDS = 2  # content words of a told need a paraphrase must repeat to be about it


def restates_own_story(t: Turn) -> bool:
    """The agent sums up what the customer told («si le entiendo bien: sus hijos se conectan en la
    tarde y se les corta la clase, ¿así es?»): an accurate paraphrase gets a yes, not a random «no»
    (panel E: «Este… no.» to an exact summary of its own words)."""
    questions = cues.question_sentences(t.text)
    if "paraphrase" not in t.acts or not t.s.revealed_needs or not questions:
        return False
    if len(questions[-1].split()) > CHECK_WORDS or " o " in f" {questions[-1]} ":
        return False  # the check is the last question («¿así es?», «¿verdad?»), not a new one
    said = _content_words(t.norm)
    for need in t.scenario.needs:
        if need.id in t.s.revealed_needs:
            told = _content_words(" ".join(normalize(x) for x in need.statements))
            if len(said & told) >= RESTATED_WORDS:
                return True
    return False


CHECK_WORDS = 3  # «¿verdad?», «¿es correcto?», «¿así es?»: a short yes/no question checks


def has_check(text: str) -> bool:
    """A question of the turn checks a read-back («¿El 5 de enero, verdad?»)."""
    return any(
        not cues.open_form_question(f"¿{q}?")
        and (len(q.split()) <= CHECK_WORDS or cues.contains_any(q, cues.phrases("check_words")))
        for q in cues.question_sentences(text)
    )


YES_NO = frozenset({"short_yes", "short_no", "data_confirm_yes"})


def _unknown(t: Turn, intents: list[Intent], last_open: bool) -> list[Intent]:
    """An open question the customer has nothing for gets «no sé», not a bare «sí»; a read-back
    it checked keeps its «así es» first."""
    names = {i.name for i in intents}
    if not last_open or not names <= YES_NO:
        return intents
    kept = [i for i in intents if i.name == "data_confirm_yes" and has_check(t.text)]
    return [*kept, Intent(name="slot_unknown")]
