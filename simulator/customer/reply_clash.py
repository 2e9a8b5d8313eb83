"""Classes of a reply's pieces that may not meet in one reply, decided on the final plan.

The planner's ``FORBIDDEN`` pairs are between intent names. Blind panel M heard clashes the names
alone do not show, because one side is the words of an option chosen or a part answered:
«Sí, cómo no, dígame. Ah, pues que me llame en otro momento» (going ahead, then putting the talk
off), «Pues me marca más tarde. Trabajo por mi cuenta…» (putting it off and going on), «Oiga, va,
dos minutos. Bueno, sí, está bien, va» (leave to talk, then a yes to the offer), «Mmm… no, nada.
Pago 599 y…» (nothing, then the reason), «Dígame solo lo importante. Es todo, gracias» (hurry and
farewell), «De eso no estoy seguro. Ay, pues sí suena muy bien» (no idea, then an opinion). Each
piece gets its classes (``classes``) and ``es/reply_clash.yaml`` says, per pair of classes,
which piece goes; a piece that goes takes back what it changed in the state. It also says a
chosen option in the customer's person («lo usan igual» → «lo usamos igual»; «bien si
seguimos» → «sí, sigamos»): the agent's words are not echoed in the customer's mouth.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from simulator.customer import cues, line_pairs, objections, planner
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.datafiles import resource_yaml
from simulator.language.normalize import normalize

ANSWERED = frozenset({"choice_answer", "choice_not_first", "part_answer", "part_answer_first"})
NEED = frozenset({"need_statement", "need_lead_in"})
HURRY = frozenset({"impatience", "interrupt_monologue"})
ENDING = frozenset({"nothing_else", "farewell"})
NOTHING = frozenset({"nothing_else", "no_doubts"})
# (a scenario's buying signal is often a question of its own: «¿y si lo contrato hoy…?» answers
# no «¿cuál le acomoda?», so a «no sé» beside it stays)
YES = frozenset({"buying_signal_generic", "acceptance", "objection_softened"})
YES |= {"short_yes", "data_confirm_yes"}  # «Sí, está bien. … eso no lo sé bien» to one question
SETTLED = frozenset({"objection_softened", "haggle_conceded"})
SAYS = NEED | planner.OWN_MOVES | SETTLED
# (a hurry piece stays: the impatient customer's «al grano» tells the agent how to go on)
GOES_ON = planner.OWN_MOVES | frozenset({"acceptance"})
TIME_TYPES = frozenset({"time"})
CLITICS = frozenset({"lo", "la", "los", "las"})
MAX_PASSES = 6  # each pass drops one piece at most


@cache
def config() -> dict[str, Any]:
    data = resource_yaml("simulator.customer", "es/reply_clash.yaml")
    return data if isinstance(data, dict) else {}


def _words(intent: Intent) -> str:
    return normalize(str(intent.slots.get("option") or intent.slots.get("value") or ""))


def _kind(intent: Intent) -> str:
    return str(intent.slots.get("kind", ""))


def classes(t: Turn, intent: Intent) -> set[str]:
    """The classes of one piece of the reply (``es/reply_clash.yaml``, ``pairs``)."""
    name, found = intent.name, set()
    cfg = config()
    if name in ANSWERED:
        words = _words(intent)
        if _kind(intent) in cfg.get("postpone_kinds", []) or cues.contains_any(
            words, cfg.get("postpone_words", [])
        ):
            found.add("postpone")
        elif cues.contains_any(words, cfg.get("go_ahead_words", [])):
            found.add("go_ahead")
        if any(_kind(intent).startswith(k) for k in cfg.get("unknown_kinds", [])):
            found.add("unknown")
    if name == "slot_unknown":
        found.add("unknown")
    if name == "time_ok":
        found |= {"go_ahead", "permission"}
    if name == "objection_softened" and _objection_type(t, intent.ref) in TIME_TYPES:
        found.add("permission")  # «Va, dos minutos» lets the agent talk; it takes nothing
    if name in GOES_ON:
        found.add("goes_on")
    if name == "acceptance":
        found.add("accept")
    if name in NOTHING:
        found.add("nothing")
    if name in SAYS:
        found.add("says_something")
    if name in HURRY:
        found.add("hurry")
    if name in ENDING:
        found.add("ending")
    if name in YES and _one_question(t):
        found.add("opinion")
    if name == "back_on_track":
        found.add("aside")
        if "digression" not in t.s.last_intents:
            found.add("unlicensed")  # «ya regreso a lo suyo» after no digression of its own
    return found


def _objection_type(t: Turn, ref: str | None) -> str:
    spec = next((o for o in t.scenario.objections if o.id == ref), None)
    return str(spec.type) if spec is not None else ""


def _one_question(t: Turn) -> bool:
    """The agent asked one thing at most (not «¿qué tiene y cuánto paga?»): a «no sé» and an
    opinion answer the same question."""
    questions = cues.question_sentences(t.text)
    return len(questions) <= 1 and not any(line_pairs.SECOND_PART.search(q) for q in questions)


def clash(t: Turn, intents: list[Intent]) -> int | None:
    """The index of the piece that goes for the first clashing pair, or None."""
    found = [classes(t, i) for i in intents]
    for rule in config().get("pairs", []):
        first, second, goes = str(rule["first"]), str(rule["second"]), str(rule["goes"])
        for a, ca in enumerate(found):
            if first not in ca:
                continue
            for b, cb in enumerate(found):
                if a == b or second not in cb:
                    continue
                if goes == "later":
                    return max(a, b)
                return a if goes == "first" else b
    return None


def resolve(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The reply with no clashing pair of classes: the piece each pair names goes (with what it
    changed in the state); never an empty reply. Options are then said in the customer's person."""
    kept = haggles_first(t, list(intents))
    if len(kept) > 1:
        kept = [i for i in kept if "unlicensed" not in classes(t, i)] or kept
    for _ in range(MAX_PASSES):
        at = clash(t, kept)
        if at is None or len(kept) <= 1:
            break
        gone = kept.pop(at)
        _take_back(t, gone)
        if gone.name == "need_statement":  # «Mire, le digo la verdad…» led into it
            kept = [i for i in kept if i.name != "need_lead_in"] or kept
    return [_own_person(i) for i in kept]


def haggles_first(t: Turn, intents: list[Intent]) -> list[Intent]:
    """The haggler does not take the first priced offer as it comes: before his first yes he asks
    for a discount once (panel M: «Bueno, sí, está bien, va» to the first proposal)."""
    s = t.s
    fresh = (
        not t.accepted_before
        and t.scenario.goal == "sale"
        and "_discount" not in s.objections_raised
    )
    if not (fresh and t.persona.traits.haggles and cues.amounts(t.text)):
        return intents
    if not any(i.name == "acceptance" for i in intents):
        return intents
    before = len(t.intents)
    if not objections.raise_persona(t, "_discount") or len(t.intents) <= before:
        return intents
    asked = t.intents[-1]
    said = [asked if i.name == "acceptance" else i for i in intents]
    if planner.forbidden_pair([i.name for i in said]) is not None:
        said = [i for i in said if i.name not in SETTLED]  # «Va, dos minutos» gives way
    if not said or planner.forbidden_pair([i.name for i in said]) is not None:
        planner.retract(t, asked)  # «Sí, correcto» to the read-back stands with its yes
        return intents
    s.accepted = False
    return said


def _take_back(t: Turn, intent: Intent) -> None:
    """Take back the state change of a piece not said. A need stays told: taken back, it would
    be forced into a later reply that asks nothing about it (a replay of panel M showed it)."""
    planner.retract(t, intent)


def _own_person(intent: Intent) -> Intent:
    """A chosen option in the customer's words: the agent's plural («lo usan igual») in the
    first person plural, a fragment of the agent's question («bien si seguimos») as a reply."""
    if intent.name not in ("choice_answer", "choice_not_first"):
        return intent
    option = str(intent.slots.get("option", ""))
    said = own_words(option)
    if said == option:
        return intent
    return intent.model_copy(update={"slots": {**intent.slots, "option": said}})


def _amount_after(words: list[str], index: int) -> bool:
    """«son 49 pesos más»: a verb before an amount speaks of a price, not of the people."""
    after = [normalize(w).strip(",.;") for w in words[index + 1 : index + 3]]
    return (
        bool(after)
        and after[0].replace(",", "").isdigit()
        and (len(after) < 2 or after[1] in config().get("amount_units", []))
    )


def own_words(option: str) -> str:
    """``option`` as the customer says it (unchanged when it is already the customer's)."""
    norm = normalize(option)
    for rule in config().get("fragments", []):
        if any(norm == normalize(w) for w in rule.get("when", [])):
            return str(rule["say"])
    verbs = config().get("plural_verbs", {})
    words = option.split()
    out = []
    for index, word in enumerate(words):
        key = normalize(word).strip(",.;")
        before = normalize(words[index - 1]) if index else ""
        slot = index == 0 or before in ("lo", "la", "los", "las", "tambien", "ya", "no")
        new = verbs.get(key) if slot and not _amount_after(words, index) else None
        if new is None and before in CLITICS and len(key) > 4 and key.endswith(("an", "en")):
            new = f"{key[:-1]}mos"  # «la rentan» → «la rentamos»: after a clitic, a verb
        out.append(word.replace(word.strip(",.;"), new) if new else word)
    return " ".join(out)
