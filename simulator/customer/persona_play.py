"""How each customer type plays, not only how it talks (personas/README.md, «Cómo juega»).

The brain's shared moves treat every customer alike; this module adds what makes a type a type:
- impaciente: short, direct agent turns calm him (a monologue still costs, ``moves.mood_effects``);
- desconfiado: each kind of concrete, verifiable proof (folio, official number, in writing,
  recorded call, the agent's identity, no lock-in, «nunca le pedimos su NIP») earns trust once;
  empty assurances («confíe en mí») lose it; an outbound call must first prove who is calling;
- experto: after the presentation he asks or checks one real condition of the catalog
  (``expert_play.py``);
- platicador: after a digression he stays off topic until a polite redirect brings him back;
- molesto: a request for data before any empathy meets resistance (``brain._empathy_gate``); a
  bare «lo siento» is not enough (``empathy_needed`` doses: a second empathetic turn, or the
  agent taking charge in the same breath, «yo me encargo»);
- callado: a closed question gets «sí» or «no» and nothing of his own;
- regateador: a first fair «no hay descuento» does not win him (``haggling.py``).
Amable and indeciso play through the shared moves and ``es/brain.yaml``.
Everything here is deterministic given the state's seed; memory lives in ``CustomerState.play``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from simulator.customer import cues, expert_compare, expert_play, persona_policy
from simulator.customer.state import Intent
from simulator.customer.turn import Turn, clamp

# What the customer may have just asked (the agent's answer to it may run longer, and for the
# impatient customer a short answer to it calms him most).
ASKED = frozenset(
    {
        "ask_price",
        "ask_detail",
        "objection",
        "trap",
        "knowledge_test",
        "guarantee_request",
        "identity_proof_request",
        "discount_request",
        "haggle_again",
        "add_on_doubt",
        "add_on_doubt_priced",
        "buying_signal",
        "buying_signal_generic",
        "wrong_fact_reaction",
        "interrupt_monologue",
        "impatience",
        "not_ready",
    }
)
# Own moves a quiet customer never adds to a «sí» or «no».
QUIET_DROPS = frozenset({"ask_price", "ask_detail", "digression"})
# What a quiet customer keeps to himself when a closed question passes it by (his doubt repeated,
# his own small talk): a bare «ajá» instead.
QUIET_HELD = frozenset({"objection_repeat", "need_lead_in", "buying_signal_generic"})


def _dial(name: str, default: int) -> int:
    value = cues.config().get("persona_play", {}).get(name, default)
    return int(value) if isinstance(value, int) else default


def before(t: Turn) -> None:
    """Moods each type reads from the agent's turn, before the reply is chosen."""
    _impatient(t)
    _distrustful(t)
    expert_play.listens(t)


def after(t: Turn) -> None:
    """Shape the proposed reply the way the type plays (before the planner orders it)."""
    _impatient_monologues(t)
    expert_play.question(t)
    expert_compare.compares(t)  # an offer dearer than the rival figure he told: the difference
    _chatty(t)
    persona_policy.link_digressions(t)  # a story only when the agent's words bring one to mind
    persona_policy.keep_tone(t)  # the amable never says a line of distrust
    _quiet(t)


def settle(t: Turn, retract: Callable[[Turn, Intent], None]) -> None:
    """Remember what the type did this turn (after the planner chose the reply); a quiet
    customer's reply keeps to its answers (``persona_policy.quiet_cap``)."""
    s = t.s
    persona_policy.quiet_cap(t, retract)
    if t.persona.traits.digresses and any(i.name == "digression" for i in t.intents):
        s.play["drift"] = str(s.turn)


# ------------------------------------------------------------------ impaciente


def brief(t: Turn) -> bool:
    """An impatient customer's turn was short and direct: time did not drag (no drain)."""
    return t.ctype == "impaciente" and 0 < t.words <= _dial("brief_words", 25)


def bar(t: Turn, needs: int, interest: int) -> tuple[int, int]:
    """(needs revealed, interest) a customer needs before saying yes. The impatient one decides
    fast: the one need that matters and a direct offer are enough (he never tells a second)."""
    if t.ctype == "impaciente":
        return min(needs, 1), interest - 15
    return needs, interest


def _long(t: Turn) -> bool:
    """A long agent turn, not yet a monologue (an answer to his question may be twice as long;
    thanks and goodbye are not counted)."""
    words = _dial("long_turn_words", 25)
    if set(t.s.last_intents) & ASKED or "data_confirmation" in t.acts:
        words *= 2
    return t.words > words and "farewell" not in t.acts


def _impatient_monologues(t: Turn) -> None:
    """Monologues the impatient customer counts: a turn over his tolerance
    (``moves.mood_effects`` counts it and he interrupts) or two long turns in a row. At
    ``monologues_to_hangup`` of them within ``monologue_window_turns`` turns he hangs up; before
    that he only complains (a monologue never empties his patience by itself), and monologues
    far apart fade (concise turns between them keep him)."""
    s = t.s
    if t.ctype != "impaciente":
        return
    monologue = "monologue" in t.causes
    if not monologue and _long(t):
        if s.play.get("long") == str(s.turn - 1):
            monologue = True
            s.monologues += 1
            t.causes.append("monologue")
            s.patience = clamp(s.patience - _dial("long_turns_patience", 6))
            if not any(i.name == "interrupt_monologue" for i in t.intents):
                t.say("interrupt_monologue")
            s.play.pop("long", None)
        else:
            s.play["long"] = str(s.turn)
    elif not monologue:
        s.play.pop("long", None)
    if not monologue:
        return
    s.play.pop("long", None)
    window = _dial("monologue_window_turns", 6)
    recent = [int(x) for x in s.play.get("monologue_turns", "").split() if s.turn - int(x) < window]
    recent.append(s.turn)
    s.play["monologue_turns"] = " ".join(str(x) for x in recent)
    if _giving_data(t):  # a long data request after his yes: he gives the data, no «al grano»
        t.intents = [i for i in t.intents if i.name != "interrupt_monologue"]
        s.patience = max(s.patience, _dial("monologue_patience_floor", 8))
    elif len(recent) >= _dial("monologues_to_hangup", 3):
        t.intents = [i for i in t.intents if i.name != "interrupt_monologue"]
        t.say("hangup")
    else:
        s.patience = max(s.patience, _dial("monologue_patience_floor", 8))


def _giving_data(t: Turn) -> bool:
    """He took the offer and the agent asks for the data to register it: he hurries the agent
    along and gives them, he does not hang up on what he asked for (c3, panel P se-05: «Rápido,
    ¿qué datos le doy?» and, asked for them, «Le cuelgo, tengo cosas que hacer»)."""
    return t.s.accepted and "data_request" in t.acts


def _impatient(t: Turn) -> None:
    if not brief(t):
        return
    asked = bool(set(t.s.last_intents) & ASKED)
    calm = _dial("brief_answer_calm", 8) if asked else _dial("brief_calm", 5)
    t.s.patience = clamp(t.s.patience + calm)


# ------------------------------------------------------------------ desconfiado


def _distrustful(t: Turn) -> None:
    s = t.s
    if not t.persona.traits.asks_for_guarantees:
        return
    kinds = cues.config().get("proof_kinds", {})
    earned = [
        kind
        for kind, words in kinds.items()
        if f"proof:{kind}" not in s.once_flags and cues.contains_any(t.norm, list(words))
    ]
    for kind in earned[:2]:  # a turn that lists everything is not worth more than two proofs
        s.once_flags.append(f"proof:{kind}")
        s.trust = clamp(s.trust + _dial("proof_trust", 8))
    if not earned and cues.contains_any(t.norm, cues.phrases("empty_assurances")):
        s.trust = clamp(s.trust - _dial("empty_assurance_trust", 6))
        t.causes.append("empty_assurance")


def proofs_heard(s: object) -> int:
    flags = getattr(s, "once_flags", [])
    return sum(1 for f in flags if f.startswith("proof:"))


# ------------------------------------------------------------------ platicador


def drifting(t: Turn) -> bool:
    return t.persona.traits.digresses and "drift" in t.s.play


def redirects(t: Turn) -> bool:
    """A polite way back: a redirect phrase, or a warm acknowledgement and a question."""
    if cues.contains_any(t.norm, cues.phrases("redirect_phrases")):
        return True
    warm = bool({"acknowledgement", "empathy", "paraphrase"} & t.acts) or cues.contains_any(
        t.norm, cues.phrases("warm_acknowledgements")
    )
    return warm and ("?" in t.norm or bool(t.acts & {"close", "data_request", "feature"}))


def _chatty(t: Turn) -> None:
    s = t.s
    if not t.persona.traits.digresses:
        return
    cooldown = _dial("drift_cooldown_turns", 3)
    if drifting(t) and s.play["drift"] != str(s.turn - 1):
        # his last reply told no story (it answered): he came back by himself, and a «perdón, me
        # desvié» now would excuse a story nobody heard (blind panel K xa-03)
        del s.play["drift"]
    if drifting(t):
        if redirects(t):
            del s.play["drift"]
            s.play["back"] = str(s.turn)
            s.patience = clamp(s.patience + 2)
            t.intents.insert(0, Intent(name="back_on_track"))
            t.intents = [i for i in t.intents if i.name != "digression"]
            return
        # not brought back: the story goes on instead of anything of the customer's own
        if not any(i.name == "digression" for i in t.intents) and len(t.intents) < 2:
            t.say("digression")
        return
    back = s.play.get("back")
    if back is not None and s.turn - int(back) <= cooldown:
        t.intents = [i for i in t.intents if i.name != "digression"]


# ------------------------------------------------------------------ molesto


def enough_empathy(t: Turn) -> bool:
    """Count one empathetic turn of the agent; whether the upset customer has now heard enough
    (``persona_play.empathy_needed`` turns, or one that takes charge: «yo me encargo», «se lo
    resuelvo hoy»)."""
    heard = int(t.s.play.get("empathy", "0")) + 1
    t.s.play["empathy"] = str(heard)
    # both doses in one breath: the apology with what he told said back («lo siento; o sea que
    # lleva tres días sin servicio»), or with the agent taking charge
    listened = "paraphrase" in t.acts
    return heard >= _dial("empathy_needed", 1) or _owns(t) or listened


def more_empathy_wanted(t: Turn) -> None:
    """A first bare «lamento lo que pasó»: «Sí, lo siente, pero ¿qué va a hacer?»; a request for
    data in the same turn is still resisted."""
    t.s.trust = clamp(t.s.trust + 4)
    if not resist_data(t):
        t.say("empathy_partial")


def _owns(t: Turn) -> bool:
    """Taking charge: «yo me encargo» (``ownership_phrases``), or committing to act in any words,
    «ahorita le levanto el reporte» (``ownership_leads`` + ``ownership_verbs``)."""
    verbs = "|".join(re.escape(v) for v in cues.phrases("ownership_verbs")) or "$^"
    leads = "|".join(re.escape(v) for v in cues.phrases("ownership_leads")) or "$^"
    acts = rf"\b(?:{leads}) (?:(?:se |le |lo |la |los |las )*)(?:{verbs})"
    return cues.contains_any(t.norm, cues.phrases("ownership_phrases")) or bool(
        re.search(acts, t.norm)
    )


def takes_charge(t: Turn) -> bool:
    """After a first «lo siento», the agent taking charge («yo me encargo») or showing it listened
    («o sea que el agua ya llegó a la sala») is the second dose."""
    # a bare «Va, rápido» or «Ah, bueno» before an offer pushed on him is no listening (blind
    # panel J yg-01: «Es lo primero que alguien me dice así» to «…se lo cambio de una vez, ¿va?»)
    closing = bool(t.acts & {"close", "trial_close"})
    listened = ("paraphrase" in t.acts and not closing) or (
        "acknowledgement" in t.acts and not closing and "feature" not in t.acts
    )
    return int(t.s.play.get("empathy", "0")) >= 1 and (listened or _owns(t))


def resist_data(t: Turn) -> bool:
    """An upset customer asked for data before any empathy: resistance instead of the data."""
    if "data_request" not in t.acts and (
        offers(t)
        or not ("?" in t.norm and cues.contains_any(t.norm, cues.phrases("request_phrases")))
    ):
        return False
    t.say("data_before_empathy")
    return True


def offers(t: Turn) -> bool:
    """The turn lays out what is offered and asks which («tres opciones… ¿cuál le queda
    mejor?»): an offer before empathy, not a request for his data (blind panel J yj-08: «Mire,
    datos ya di» when no datum was asked)."""
    return "feature" in t.acts and "?" in t.text and "data_request" not in t.acts


# ------------------------------------------------------------------ callado


def _quiet(t: Turn) -> None:
    """A closed question gets a bare «sí», «no» or «ajá»: nothing of his own added, and a doubt
    he still has is kept to himself (it stays open and comes back when he is asked to decide)."""
    if not t.persona.traits.short_answers_to_closed:
        return
    if "closed_question" not in t.acts or t.acts & {"open_question", "data_request", "close"}:
        return
    names = {i.name for i in t.intents}
    if names & {"short_yes", "short_no"}:
        kept = [i for i in t.intents if i.name not in QUIET_DROPS | QUIET_HELD | {"vague_answer"}]
        for dropped in (i for i in t.intents if i.name in QUIET_DROPS):
            if dropped.name in t.s.once_flags:
                t.s.once_flags.remove(dropped.name)
        t.intents = kept
    elif t.intents and names <= QUIET_DROPS | QUIET_HELD | {"vague_answer", "filler_ack"}:
        t.intents = [Intent(name="filler_ack")]


knowledge_turn = expert_play.knowledge_turn  # objections.py hands the open test over here
asks_at_close = expert_play.asks_at_close  # closing_moves: his question before his decision
