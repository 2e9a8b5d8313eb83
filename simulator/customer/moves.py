"""The customer's everyday moves for one agent turn: mood, presentation, needs, colour.

Each function reads a ``Turn`` (agent text, acts, the state being built, scenario, persona) and
appends intents / changes the state; ``brain.decide`` orders them. The other move families have
their own modules: giving and checking data in ``data_moves.py``, the close and buying signals in
``closing_moves.py``, objections, traps and the readiness to buy in ``objections.py``.
"""

from __future__ import annotations

import re

from simulator.analysis import conduct
from simulator.customer import (
    asked_about,
    choice_moves,
    cues,
    need_choice,
    own_facts,
    shape,
    situation_moves,
)
from simulator.customer.objections import raise_pending, raise_triggered
from simulator.customer.persuasion import say_doubt as say_doubt  # cust-d; closing_moves too
from simulator.customer.traps import fire_trap
from simulator.customer.turn import Turn, benefit_ties, clamp, tied_benefits

__all__ = ["Turn", "clamp"]

# Customer intents that ask the agent something: the next agent turn may be longer.
ANSWER_WANTED = {
    "ask_price",
    "ask_detail",
    "objection",
    "trap",
    "knowledge_test",
    "guarantee_request",
    "discount_request",
    "haggle_again",
    "add_on_doubt",
    "add_on_doubt_priced",
    "buying_signal",
    "wrong_fact_reaction",
    "identity_proof_request",
    "not_ready",
    "interrupt_monologue",  # «¿me lo dice en concreto?» asks for the answer, in few words
    "impatience",
}
PRESSURE_SPOKEN = 60  # pressure_reaction from which a customer says out loud that pressure annoys


def mood_effects(t: Turn) -> None:
    """Interest, trust and patience move with how the agent talks, whatever they say."""
    s, tr = t.s, t.persona.traits
    # One conduct lexicon (cálmese, insults, blame…) for the tagger, this brain and the scorer;
    # abusive pressure («decídase ya») is answered as pressure below, not as an insult.
    kind = conduct.disrespect_kind(t.text) or ("insult" if "disrespect" in t.acts else None)
    if kind is not None and kind != "pressure":
        t.causes.append("insulted")
        s.trust = clamp(s.trust - 25)
        s.patience = clamp(s.patience - 20 - tr.pressure_reaction // 4)
        t.say("annoyed")
    tolerance = tr.monologue_tolerance_words
    asked = set(s.last_intents) & ANSWER_WANTED
    if asked or "data_confirmation" in t.acts:
        # answering what the customer just asked, or a read-back, is no monologue; answering
        # two questions at once («¿cuánto cuesta y cómo sé que es del banco?») takes longer
        tolerance *= 3 if len(asked - {"interrupt_monologue", "impatience"}) >= 2 else 2
    if "farewell" in t.acts:
        tolerance *= 3  # thanks and goodbye take words; nobody cuts a farewell short as a pitch
    if t.words > tolerance:
        t.causes.append("monologue")
        s.monologues += 1
        over = t.words - tolerance
        s.patience = clamp(
            s.patience - min(25, 6 + over // 8) * (0.5 + tr.interruption_reaction / 100)
        )
        s.interest = clamp(s.interest - 3)
        if t.ctype == "impaciente" or tr.patience < 35:
            t.say("interrupt_monologue")
        elif s.monologues >= 2:
            t.say("impatience")
    if conduct.pressure(t.text):
        t.causes.append("pressure")
        s.patience = clamp(s.patience - 3 - tr.pressure_reaction // 10)
        s.trust = clamp(s.trust - 4)
        if tr.pressure_reaction >= PRESSURE_SPOKEN and not any(
            i.name == "annoyed" for i in t.intents
        ):
            t.say("annoyed")  # «No se va a arrepentir, decídase ya» is not met with «Ok.»
    if set(s.last_intents) & OWN_QUESTIONS and _answers(t):
        s.interest = clamp(s.interest + 5)  # its own question answered: a step toward a yes
    if "empathy" in t.acts:
        s.trust = clamp(s.trust + 2 + tr.empathy_reaction // 12)
        s.patience = clamp(s.patience + 2)
    if "paraphrase" in t.acts:
        s.trust = clamp(s.trust + 4)
        s.interest = clamp(s.interest + 3)
        s.patience = clamp(s.patience + 1)
    if {"open_question", "closed_question"} & t.acts:
        key = cues.question_key(t.norm)
        if (
            len(key.split()) >= 2
            and key in s.questions_asked
            and not t.acts & {"data_confirmation", "offer_more", "close", "trial_close"}
        ):
            t.causes.append("repetition")
            s.patience = clamp(s.patience - 4 - tr.repetition_reaction // 10)
            s.trust = clamp(s.trust - 3)
            t.say("repetition_complaint")
        else:
            s.questions_asked.append(key)
            if "open_question" in t.acts:
                s.interest = clamp(s.interest + 2)


# The customer's own questions about the offer: an answer to one raises its interest.
OWN_QUESTIONS = frozenset({"ask_detail", "ask_price", "buying_signal", "buying_signal_generic"})


def _answers(t: Turn) -> bool:
    """The agent's turn says something about the offer (not only asks back or deflects)."""
    return bool(t.acts & {"feature", "benefit", "objection_response"}) or (
        t.words >= 12 and not t.acts & {"farewell", "hold_request"}
    )


def presentation(t: Turn) -> None:
    s, sc, tr = t.s, t.scenario, t.persona.traits
    named = cues.products_named(t.norm, sc.catalog)
    presenting = (
        bool(named)
        or "cross_sell" in t.acts
        or (bool({"feature", "benefit"} & t.acts) and cues.catalog_price_said(t.text, sc))
    )
    if not presenting or t.presentation_heard:
        return
    t.presentation_heard = True
    first = not s.presented
    s.presented = True
    for p in named:
        if p.id not in s.products_mentioned:
            s.products_mentioned.append(p.id)
    wrong = cues.wrong_price(t.text, t.norm, sc, quoted=s.last_text)
    if wrong is not None:
        s.wrong_facts += 1
        s.trust = clamp(s.trust - (25 if tr.tests_knowledge else 10))
        if tr.tests_knowledge or tr.price_sensitivity >= 70:
            t.say("wrong_fact_reaction", product=wrong.name, price=_price(wrong))
            return
    ties = tied_benefits(t)
    if not ties:
        s.interest = clamp(
            s.interest
            + (4 if benefit_ties(t, revealed_only=False) else 3 if "benefit" in t.acts else 1)
        )
    price_now = cues.price_mentioned(t.text, t.norm) and bool(named or s.products_mentioned)
    if any(i.name in ("objection_softened", "objection", "trap") for i in t.intents):
        s.price_mentioned = s.price_mentioned or price_now
        return  # one objection move per turn: what was triggered now waits (raise_pending)
    if first and (fire_trap(t, "presentation") or raise_triggered(t, "presentation")):
        s.price_mentioned = s.price_mentioned or price_now
        return
    if price_now:
        first_price = not s.price_mentioned
        s.price_mentioned = True
        if first_price and raise_triggered(t, "price"):
            return
    if not first and raise_triggered(t, "presentation"):
        return


def _price(product: object) -> str:
    price = getattr(product, "price", None)
    return f"{price:g}" if isinstance(price, float | int) else ""


def questions(t: Turn) -> None:
    s, sc = t.s, t.scenario
    if t.intents and t.intents[-1].name in ("objection", "trap", "repetition_complaint"):
        return
    if any(i.name == "repetition_complaint" for i in t.intents):
        return
    told_situation = situation_moves.answer(t)
    if told_situation and "open_question" not in t.acts:
        return
    unrevealed = [n for n in sc.needs if n.id not in s.revealed_needs]
    probe_hit = next((n for n in unrevealed if need_choice.probed(t.norm, n.probe_keywords)), None)
    callado = t.persona.traits.short_answers_to_closed
    if "open_question" in t.acts and need_choice.probed(t.norm, cues.phrases("doubt_questions")):
        # «¿Qué es lo que le hace dudar?»: the doubt it has, or that it has none (panel u-02:
        # «Creo que ya le platiqué lo importante»)
        if not (raise_pending(t) or raise_triggered(t, "close")):
            say_doubt(t)  # cust-d: the doubt still open, or «ninguna»
        return
    if "open_question" in t.acts:
        need, unknown = need_choice.for_open_question(t.text, t.norm, unrevealed, s.hinted_needs)
        if choice_moves.is_choice(t.text) or choice_moves.asks_among(t):
            return  # «¿cuál le late más, el Astra o el Nova?» is answered with an option
        # asked again what it told: judged on the questions («Qué bonito regalo. ¿Qué le molesta
        # de su celular?» does not ask about the gift again)
        asked = " ".join(need_choice.question_parts(t.text)) or t.norm
        told = next(
            (
                n
                for n in sc.needs
                if n.id in s.revealed_needs and need_choice.probed(asked, n.probe_keywords)
            ),
            None,
        )
        if unknown and told is None and not told_situation:
            fact = need_choice.fact_line(sc, need_choice.asked_slot(t.text) or "when")
            if fact is not None:  # «¿desde cuándo?» — «No tengo internet desde el lunes…»
                t.say("slot_fact", value=fact)
            else:
                t.say("slot_unknown")  # «¿para cuándo…?» and no date it could name
        elif need is None and told is not None:
            # asked again what it told: it says it again (a terse one, the part it left out)
            t.say("need_statement", ref=told.id, again="1")
        elif need is not None:
            _reveal(t, need.id)
            _other_part(t, need.id)
        elif told_situation or any(i.name == "objection_softened" for i in t.intents):
            pass  # the fact asked for, or «Visto así…» after an objection, is the answer
        elif not unrevealed:
            t.say("nothing_more_to_add")
        else:
            t.say("vague_answer")
        return
    if "closed_question" in t.acts:
        if asked_about.asks_noted(t):  # «¿Tiene dónde anotar el folio?» — the note, not a need
            t.say("note_ready" if asked_about.asks_ready_to_note(t) else "note_taken")
            return
        if probe_hit is not None and not callado:
            _reveal(t, probe_hit.id)
            return
        if probe_hit is not None:
            if probe_hit.id not in s.hinted_needs:
                s.hinted_needs.append(probe_hit.id)
            t.say("short_yes")
            return
        roll = s.rng().random()
        if any(i.name == "identity_confirm" for i in t.intents):
            return  # «¿hablo con el titular?» — «Sí, soy yo» is the answer; never «Mmm, no» after it
        if any(i.name == "objection_softened" for i in t.intents):
            return  # «Órale, así sí me conviene» is the answer; no «Pues no» after it
        if shape.restates_own_story(t) and not choice_moves.is_choice(t.text):
            t.say("agree_summary")  # «si le entiendo bien: se les corta la clase… ¿así es?» — yes
        elif callado:
            t.say(own_facts.answer(t, roll, 0.65))
        else:
            # a yes/no question gets a yes or a no (the one it gave before to the same fact);
            # a vague line here read as a how-are-you
            t.say(own_facts.answer(t, roll, 0.75))


def _other_part(t: Turn, answered: str) -> None:
    """A double question («¿a qué horas se les traba, y cuántas personas se conectan?») gets its
    second part answered too: the need that part asks about, told now or said again."""
    parts = need_choice.question_parts(t.text)
    if len(parts) < 2:
        return
    for part in parts:
        need = next(
            (
                n
                for n in t.scenario.needs
                if n.id != answered and need_choice.probed(part, n.probe_keywords)
            ),
            None,
        )
        if need is None:
            continue
        if need.id in t.s.revealed_needs:
            t.say("need_statement", ref=need.id, again="1")
        else:
            _reveal(t, need.id)
        return


def reveal_probed(t: Turn) -> bool:
    """A question of the turn probes a need not told yet («¿hay algo más que le esté
    afectando?» after a read-back): the customer tells it."""
    s = t.s
    questions = " ".join(cues.question_sentences(t.text))
    if not questions:
        return False
    need = next(
        (
            n
            for n in t.scenario.needs
            if n.id not in s.revealed_needs and need_choice.probed(questions, n.probe_keywords)
        ),
        None,
    )
    if need is None:
        return False
    _reveal(t, need.id)
    return True


def reveal_need(t: Turn, need_id: str) -> None:
    """Tell one need now (the hesitation a customer voices at a close it is not ready for)."""
    _reveal(t, need_id)


def _reveal(t: Turn, need_id: str) -> None:
    s = t.s
    s.revealed_needs.append(need_id)
    s.interest = clamp(s.interest + 4 + t.persona.traits.openness // 25)
    if t.persona.traits.verbosity >= 60 and s.rng().random() < 0.6:
        t.say("need_lead_in")
    t.say("need_statement", ref=need_id)


def persona_colour(t: Turn) -> None:
    """Type-specific extras: the talkative customer drifts off topic now and then — from turn
    ``digression_by_turn`` at the first turn that asks nothing if it has not yet, then with ``digression_chance`` percent a
    turn, at most ``digression_max`` times (es/brain.yaml ``persona_play``)."""
    s, tr = t.s, t.persona.traits
    play = cues.config().get("persona_play", {})
    told = s.once_flags.count("digression")
    # the first one, if still untold, waits for a turn that asks nothing (a story is no answer)
    due = told == 0 and s.turn >= int(play.get("digression_by_turn", 99)) and "?" not in t.text
    if (
        tr.digresses
        and s.turn >= 3
        and len(t.intents) < 2
        and told < int(play.get("digression_max", 3))
        and (s.rng().random() * 100 < int(play.get("digression_chance", 30)) or due)
    ):
        s.once_flags.append("digression")
        t.say("digression")


def asks_own_identity(t: Turn) -> bool:
    """«¿Hablo con el titular, el señor Ernesto?», «¿usted es el señor Ernesto en persona?»: the
    agent asks whether the customer is the one it looks for. The scenario's customer is that
    person, so the answer is always «sí, soy yo» (panel I ye-05: «Mmm, no.» and then acting as
    the holder)."""
    c = t.scenario.customer
    if cues.other_person_asked(t.text, [c.name, c.first_name]):
        return False
    who = [c.name, c.first_name, *cues.phrases("holder_words")]
    asking = [*cues.phrases("identity_phrases"), *cues.phrases("own_identity_phrases")]
    return any(
        cues.contains_any(q, asking) and cues.contains_any(q, who)
        for q in cues.question_sentences(t.text)
    )


def wrong_person(t: Turn) -> bool:
    """«¿Hablo con el señor Marco Ruiz?» to Ernesto: «No, aquí no es. ¿A quién busca?»"""
    c = t.scenario.customer
    if not cues.other_person_asked(t.text, [c.name, c.first_name]):
        return False
    t.s.identity_confirmed = False
    t.say("wrong_person")
    return True


def asks_for_someone(norm: str) -> bool:
    """The agent asks for a person («¿hablo con el señor Ibarra?», «quisiera hablar con Rosa»),
    not of the customer's relatives («llamadas para hablar con su hermano»: panel J yj-02)."""
    padded = f" {norm} "
    for phrase in cues.phrases("identity_phrases"):
        for match in re.finditer(rf" {re.escape(phrase)}(?= )(?: (\S+))?", padded):
            if match.group(1) not in ("su", "sus"):
                return True
    return False
