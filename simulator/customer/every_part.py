"""Every part of what the agent asked gets its own answer, in order, before the customer's own move.

Blind panel J's largest class of incoherent customer lines was the half answer: «¿desde cuándo
y qué muestra el módem?» answered only about the modem, «¿a qué se dedica y cuánto gana?» only
with the income, «¿cuánto quiere gastar?» answered with the need, a close («¿se lo dejo
contratado?») answered with a story and no decision. The moves before this pass each answer what
they recognise; this pass, run last in ``shape.fit``, reads the turn as parts (each question
sentence, split again where « y » opens a second interrogative), gives each part the answers the
reply already holds (a datum it names, a plausible or situation part of its kind, a need it
probes, a date to «¿cuándo?», a figure to «¿cuánto?», then the remaining answers in order) and
fills each part left over from data: the customer's own story, a plausible line
(``parts`` in ``es/plausible.yaml``) or an honest «no sabría decirle» that names what was asked
(``unknown_parts``). A close gets a decision: a reply with none says it is not ready yet.
Session 18 (panel K): a part with a line of its own («¿a qué se dedica?») no longer counts as
answered by a need that only its probe words match; a yes/no check of a datum read back right
(«¿es correcto?») gets its «sí» first; a yes/no part on a topic the customer may honestly not be
sure of gets «tendría que checarlo» (``part_answers`` in es/brain.yaml); every part answer is
kept in one memory (``part_memory``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from simulator.customer import (
    choice_each,
    choice_many,
    choice_options,
    close_decision,
    closed_parts,
    cues,
    data_give,
    fact_model,
    need_choice,
    part_checks,
    part_memory,
    part_words,
    plausible,
    situation_moves,
)
from simulator.customer.mouth_lines import told_before
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

# Intents that answer nothing asked: the customer's own moves and courtesies.
OWN, COURTESY = part_words.OWN, part_words.COURTESY
YES_NO = frozenset({"short_yes", "short_no", "data_confirm_yes", "identity_confirm"})
ENDING = frozenset({"hangup", "farewell", "refusal", "nothing_else", "secret_refusal"})
MAX_INTENTS = 5
VENTING = frozenset({"complaint", "annoyed", "data_before_empathy"})
OPINION_WORDS = 5  # «¿qué le parece así?», «¿cómo lo ve?»; not «¿cómo está cubierto hoy…?»
_DIGITS = re.compile(r"\d")


def parts(text: str) -> list[str]:
    """The normalized parts of the turn's questions: «¿A qué se dedica y cuánto gana?» has two.
    cust-f (panel N uf-02, ub-03): the parts ``choice_each`` reads (``choice_many.raw_parts``),
    so an either/or «¿ya pudo cerrar la llave, o sigue saliendo?» is one part with its options,
    not two yes/no parts («sigue saliendo» taken for a read-back check)."""
    out: list[str] = []
    for piece in choice_many.raw_parts(text):
        part = normalize(piece).strip(" ?¿,")
        if part:
            out.append(part)
    return out


def _family(part: str) -> str:
    """What a part asks for: ``amount`` («¿cuánto…?»), ``time`` («¿cuándo…?»), ``open`` (another
    interrogative) or ``closed`` (yes/no, a check)."""
    if need_choice.asked_slot(f"¿{part}?") == "when":
        return "time"  # «¿para cuándo…?», «¿desde qué día…?»
    if not cues.open_form_question(f"¿{part}?") and not any(
        part.startswith(lead + " ") for lead in cues.phrases("open_data_leads")
    ):
        return "closed"
    if len(part.split()) <= OPINION_WORDS and cues.contains_any(
        part, cues.phrases("opinion_questions")
    ):
        return "opinion"  # «¿qué le parece?»: a doubt or a haggle answers it too
    if cues.contains_any(part, [str(x) for x in cues.config().get("count_asks", [])]):
        return "count"  # cust-f: «¿cuántas personas…?» gets a number (count_asks, brain.yaml)
    if cues.contains_any(
        part, ["cuanto", "cuanta", "cuantos", "cuantas"]
    ) and not cues.contains_any(
        part, ["cuantos anos", "cuantas personas", "cuantos son", "cuantos se", "cuantas veces"]
    ):
        return "amount"
    if need_choice.asked_slot(f"¿{part}?") == "when":
        return "time"
    return "open"


_text_of = part_words.text_of


def _fits(
    t: Turn, part: str, family: str, intent: Intent, probe: bool = True, grounding: bool = True
) -> bool:
    """Whether this intent answers this part specifically (a need: whichever of its lines the
    mouth says); ``probe=False``: by what it says, not because the part probes its need."""
    need = next((n for n in t.scenario.needs if n.id == intent.ref), None)
    if intent.name == "need_statement" and need is not None and len(need.statements) > 1:
        return all(
            _fits(t, part, family, Intent(name="part_answer", slots={"value": str(x)}))
            or probe
            and need_choice.probed(part, need.probe_keywords)
            and (family == "open" or _grounded(t, family, intent))
            for x in need.statements
        )
    said = _text_of(t, intent)
    option = normalize(str(intent.slots.get("option", "")))
    if intent.name.startswith("choice_") and option:
        # cust-f (panel L we-05, wf-01): a pick answers the either/or that offered it
        return _offers(part) and bool(part_checks.words(option) & part_checks.words(part))
    if intent.name.startswith("situation_payment") and family == "amount":
        # cust-f (panel N uc-04): what it pays answers «¿cuánto paga…?» by what it says
        return cues.contains_any(part, plausible.words("paid_asks"))
    kind = plausible.part_kind(part)
    told = intent.slots.get("kind")
    if kind is not None and told and intent.name == "part_answer" and told != kind:
        return False  # a line told for another part («dejé la empresa»: cover) is not the work
    if kind is not None and (
        intent.slots.get("kind") == kind or cues.contains_any(said, plausible.answered_by(kind))
    ):
        return True
    if intent.ref and intent.name.startswith("data_") and cues.fields_mentioned(part, [intent.ref]):
        return True
    need = next((n for n in t.scenario.needs if n.id == intent.ref), None)
    probed = probe and need is not None and need_choice.probed(part, need.probe_keywords)
    if probed or (intent.name not in YES_NO and _stems(part) & _stems(said)):
        return family == "open" or _grounded(t, family, intent)
    # customer-z: a line another part took answers this one by what it says, not because it
    # holds a figure or a day («trabajo en la oficina todo el día» is no «¿desde cuándo…?»)
    return family != "open" and grounding and _grounded(t, family, intent)


STEM = part_words.STEM
_stems = part_words.stems


def _grounded(t: Turn, family: str, intent: Intent) -> bool:
    """A figure answers «¿cuánto?», a date «¿cuándo?»."""
    if str(intent.slots.get("kind", "")).startswith("unknown:"):
        return True  # «cuánto exactamente no sabría decirle» answers honestly
    said = _text_of(t, intent)
    need = next((n for n in t.scenario.needs if n.id == intent.ref), None)
    if intent.name == "need_statement" and need is not None:
        # the mouth says one of its lines: every one must hold the figure or the date
        lines = [normalize(str(x)) for x in need.statements]
        test = (
            (lambda x: bool(_DIGITS.search(x)))
            if family == "amount"
            else part_checks.counts
            if family == "count"
            else cues.has_date
        )
        return bool(lines) and all(test(x) for x in lines)
    if family == "amount":
        return bool(_DIGITS.search(said)) or intent.name.startswith("situation_payment")
    if family == "count":
        return part_checks.counts(said)
    if family == "time":
        return (
            cues.has_date(said)
            or cues.contains_any(normalize(said), cues.phrases("time_answer_words"))
            or intent.name == "slot_fact"
            or (
                intent.name.startswith("data_") and str(intent.ref).startswith(("fecha", "horario"))
            )
        )
    return False


def _offers(part: str) -> bool:
    """The part offers options or asks which one."""
    return bool(choice_options.SPLIT_O.search(part)) or cues.contains_any(part, ["cual", "cuales"])


def _assign(t: Turn, asked: list[str], intents: list[Intent]) -> list[int | None]:
    """For each part, the index in ``intents`` of the answer it gets (specific answers first,
    then the rest in order), or None."""
    families = [_family(p) for p in asked]
    # customer-z: a need the mouth will not say again (told before) answers no part (panel L)
    answers = [
        k
        for k, i in enumerate(intents)
        if i.name not in OWN | COURTESY | NO_ANSWER
        and not unsaid(t, i)
        # a «no sé» the reply drops next to a fill answers no part of a double question
        and not (len(asked) > 1 and i.name in UNSAID)
    ]
    if "opinion" in families and len(answers) < len(intents):
        answers = list(range(len(intents)))  # the customer's doubt is its opinion
    used: set[int] = set()
    got: list[int | None] = [None] * len(asked)
    own_lines = {
        n for n, p in enumerate(asked) if plausible.part_lines(p, t.scenario.kind, t.scenario.id)
    }
    # cust-f (panel N uc-04): lines that answer by what they say first, then by a figure or day
    for grounded in (False, True):
        for n, part in enumerate(asked):
            if got[n] is not None:
                continue
            # one line may answer two parts («soy independiente; perdí el seguro» — work,
            # cover); a part with a line of its own («¿a qué se dedica?») takes a need only by
            # what the need says, not because it probes it (panel J yl-03)
            own_line = n in own_lines
            hit = next(
                (
                    k
                    for k in answers
                    if _fits(
                        t,
                        part,
                        families[n],
                        intents[k],
                        not own_line,
                        grounded
                        # cust-f (panel N ua-01): nor a figure two «¿cuánto…?» parts
                        and (k not in used or families[n] not in ("time", "amount")),
                    )
                ),
                None,
            )
            if hit is not None:
                used.add(hit)
                got[n] = hit
    # the reply's other lines go to the parts that have no line of their own first
    for n in sorted(range(len(asked)), key=lambda x: x in own_lines):
        family = families[n]
        # customer-t: a part asking a fact of the scenario's model gets it, not a leftover
        if got[n] is not None or _owned(t, asked[n], family):
            continue
        for k in answers:
            answer = intents[k]
            if k in used:
                continue
            closed = answer.name in YES_NO
            # a pick answers «¿cuál…?» and «¿A o B?», not a yes/no part next to them (K xa-02)
            picks = answer.name.startswith("choice_") and _offers(asked[n])
            if answer.name.startswith("choice_") and not picks:
                continue
            if picks or (family == "closed") == closed or (family == "open" and not closed):
                if family in ("amount", "time", "count") and not _grounded(t, family, answer):
                    continue
                used.add(k)
                got[n] = k
                break
    return got


def _owned(t: Turn, part: str, family: str) -> bool:
    """The part asks a fact of the scenario's model; «¿cuánto paga…?» only a fact with a figure
    (customer-z: «¿cuánto paga hoy por su seguro?» is the payment, not the cover it has)."""
    fact = fact_model.fact_of(t, part)
    paid = family == "amount" and cues.contains_any(part, plausible.words("paid_asks"))
    return fact is not None and (not paid or any(_DIGITS.search(x) for x in fact.lines))


def _fill(t: Turn, part: str, family: str, said_now: list[Intent] | None = None) -> Intent | None:
    """An answer to a part the reply left out: the customer's own story or a plausible line that
    answers it, else an honest «no sabría decirle» naming what was asked; None for a yes/no part."""
    if family == "closed" and _offers(part) and fact_model.owns(t, part, said_now or []):
        named = fact_model.fill(t, part, said_now or [])  # cust-f (N ue-01): if it names a side
        return named if named and part_checks.may_answer(t, part, named) else None
    if family == "closed":
        told = closed_parts.fact(t, part, said_now or [])  # customer-z: «¿hoy tiene el plan…?»
        return closed_parts.checked(t, part) or told or closed_parts.unknown(t, part)
    either = family != "count" and len(choice_options._raw_options(f"¿{part}?")) == 2
    if family == "opinion" or either:  # «¿cuántas personas o aparatos…?» offers no options
        return None  # an either/or part is ``choice_each``'s: a pick, not «no sabría decirle»
    if _owned(t, part, family):  # customer-t: the scenario's fact model
        return fact_model.fill(t, part, said_now or [])  # None: the reply says it already
    kind = plausible.part_kind(part)
    lines = plausible.part_lines(part, t.scenario.kind, t.scenario.id)
    if family == "time" and not lines:
        dated = [f for f in t.scenario.customer.data if f.startswith("fecha") and "nacim" not in f]
        if dated:  # «¿y para cuándo?» from a customer whose call has its date: the date
            aside = replace(t, intents=[])
            data_give._give(aside, dated[0], str(t.scenario.customer.data[dated[0]]))
            return aside.intents[0]
        fact = need_choice.fact_line(t.scenario, "when")
        if fact is not None and fact not in t.s.used_texts and "?" not in fact:
            return Intent(name="slot_fact", slots={"value": fact, "kind": "when"})
    paid = t.scenario.customer.current_payment
    if family == "amount" and paid and cues.contains_any(part, plausible.words("paid_asks")):
        # «¿cuánto está pagando hoy?»: what the scenario says it pays
        amount, period = situation_moves._amount(paid), situation_moves._period(t)
        return Intent(name="situation_payment", slots={"amount": amount, "period": period})
    key = kind or f"unknown:{family}"
    said = part_memory.recall(t, key)
    if said:
        lines = [said]
    if not lines and family == "open" and t.acts & {"greeting", "offer_help"}:
        # the opening «¿con quién tengo el gusto? ¿en qué le puedo servir?» is answered by the
        # reason for the call, never «de eso no estoy seguro» (blind panel K xe-06, xf-02)
        return None
    if not lines:
        lines = plausible.unknown_lines(family)
    if not lines:
        return None
    # one memory (part_memory): the same answer when asked again, a «no sé» in new words
    line = said or part_memory.fresh(t, lines)
    part_memory.remember(t, key, line)
    lower = line[:1].lower() + line[1:]
    if said:  # asked again: the same answer, said as told before, not as news
        line, lower = f"Como le dije, {lower}", f"como le dije, {lower}"
    return Intent(name="part_answer", slots={"value": line, "value_lc": lower, "kind": key})


def complete(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The reply with every part of the agent's questions answered, before its own move."""
    names = {i.name for i in intents}
    if not intents or names & ENDING or "?" not in t.text:
        return intents
    if names & VENTING:
        # an upset customer who has had no empathy vents instead of answering: the persona's
        # play (personas README), not a half answer to fill in
        return intents
    intents = choice_each.complete(t, close_decision.decided(t, intents))
    asked = parts(t.text)
    if not asked or len(asked) > MAX_INTENTS:
        return intents
    got = _assign(t, asked, intents)
    intents, got = part_checks.picks_in_order(intents, got, MOVABLE)
    loose = [
        k for k, i in enumerate(intents) if i.name not in OWN | COURTESY | UNSAID and k not in got
    ]
    own = next((n for n, i in enumerate(intents) if i.name in OWN | {"hold_ok"}), len(intents))
    slots: dict[int, list[Intent]] = {}  # position in the reply -> fills said there
    moved: set[int] = set()
    count = len(intents)
    for n, part in enumerate(asked):
        k = got[n]
        if k is not None and intents[k].name in MOVABLE and k not in moved:
            # a part answer added after the reply goes where its part comes in the question
            later = [x for x in got[n + 1 :] if x is not None and x != k]
            if later and min(later) < k:
                moved.add(k)
                slots.setdefault(min(later), []).append(intents[k])
            continue
        if k is not None or count >= MAX_INTENTS:
            continue
        closed = _family(part) == "closed"
        fill = (
            closed_parts.checked(t, part)
            if closed and len(asked) > 1 and not names & CHECKED
            else None
        )
        near = [k for k in loose if part_checks.may_answer(t, part, intents[k])]
        if fill is None and closed and (len(asked) < 2 or near or names & CHECKED):
            continue  # a yes/no part with a reply line no part took: that line may answer it
        fill = fill or _fill(t, part, _family(part), intents)
        if fill is None or any(
            f.slots.get("kind") == fill.slots.get("kind") for v in slots.values() for f in v
        ):
            continue
        # said where this part comes in the question: before the answer to a later part
        later = [k for k in got[n + 1 :] if k is not None]
        at = 0 if n == 0 and fill.name == "data_confirm_yes" else min([own, *later])
        slots.setdefault(at, []).append(fill)
        count += fill.name != "data_confirm_yes"  # «sí, correcto» is short: no part gives way
    if not slots:
        return intents
    out: list[Intent] = []
    for k, intent in enumerate([*intents, None]):
        out += slots.get(k, [])
        if intent is not None and intent.name not in UNSAID and k not in moved:
            out.append(intent)
    return _wait_last(out) or intents


def _wait_last(intents: list[Intent]) -> list[Intent]:
    """«…sigue en rojo. Está bien, espero.»: the yes to a hold closes the reply, after the answers
    (back from a hold, «Sí, sigo aquí» still opens it)."""
    return [i for i in intents if i.name != "hold_ok"] + [i for i in intents if i.name == "hold_ok"]


# cust-a (panel M vg-02): «Está bien, espero» to «permítame» answers no part of the question.
NO_ANSWER = frozenset({"hold_ok", "hold_return_ok"})
# Replies that already say whether a read-back was right.
CHECKED = frozenset(
    {"data_correction", "data_confirm_yes", "agree_summary", "short_yes", "short_no"}
)
# Part answers the shape added stay where they are: moving them changed a panel call's outcome
# (f-02); only the fills of this pass and (cust-f, panel N ub-03) the picks go where their part comes.
MOVABLE: frozenset[str] = frozenset({"choice_answer", "choice_not_first", "choice_unsure"})
# «No sabría decirle» / «nada más» is no reply next to the part now answered.
UNSAID = frozenset({"slot_unknown", "vague_answer", "nothing_more_to_add"})


def unsaid(t: Turn, intent: Intent) -> bool:
    """A need told before that the mouth leaves out of a reply (``mouth_lines.told_before``):
    it answers no part, so the part gets its own answer (blind panel L we-06, wc-03)."""
    if intent.name != "need_statement" or intent.slots.get("again"):
        return False
    return told_before(intent, t.s.used_keys, t.s.used_texts, t.scenario)
