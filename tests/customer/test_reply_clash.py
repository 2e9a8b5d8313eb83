"""One coherent reply (cust-d, session 20): classes of pieces that may not meet in one reply,
decided on the plan's intents; turns of mood that need their trigger; clauses said twice.
Our own wordings; the seeded property test plays thousands of turns over every scenario."""

from __future__ import annotations

import pytest

from simulator.customer import line_pairs, persuasion, reply_clash
from simulator.customer.line_words import stems
from simulator.customer.state import Intent, OpenObjection
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from tests.customer.seeded import seeded_calls, turn_on
from tests.customer.test_planner_properties import _pool

pytestmark = pytest.mark.usefixtures("bundled_content_only")

SCENARIO = "retencion-plan-movil"
CALLS = 200
TURNS = 14


def _turn(text: str, persona: str = "amable", scenario: str = SCENARIO) -> Turn:
    return turn_on(scenario, persona, text, {"open_question"})


def _names(intents: list[Intent]) -> list[str]:
    return [i.name for i in intents]


def test_going_ahead_then_putting_off_keeps_the_first() -> None:
    t = _turn("¿Le quito un minuto ahorita, o mejor le hablo al rato?")
    plan = [
        Intent(name="time_ok"),
        Intent(name="choice_answer", slots={"option": "mejor me marca más tarde"}),
    ]
    assert _names(reply_clash.resolve(t, plan)) == ["time_ok"]


def test_putting_off_drops_what_goes_on_with_the_talk() -> None:
    t = _turn("¿A qué hora le vuelvo a llamar?")
    plan = [
        Intent(name="part_answer", slots={"value": "A las cinco.", "kind": "callback_time"}),
        Intent(name="ask_price"),
    ]
    assert _names(reply_clash.resolve(t, plan)) == ["part_answer"]


def test_leave_to_talk_is_not_said_with_a_yes_to_the_offer() -> None:
    t = _turn("Le dejo el plan de 349. ¿Se lo cambio?")
    plan = [Intent(name="objection_softened", ref="sin-tiempo"), Intent(name="acceptance")]
    assert _names(reply_clash.resolve(t, plan)) == ["acceptance"]


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        ("nothing_else", "need_statement", "need_statement"),
        ("no_doubts", "objection_softened", "objection_softened"),
        ("interrupt_monologue", "nothing_else", "nothing_else"),
        ("back_on_track", "farewell", "farewell"),
    ],
)
def test_the_class_pair_drops_the_piece_it_names(first: str, second: str, kept: str) -> None:
    t = _turn("Bueno, pues eso sería lo principal de la propuesta.")
    for plan in (
        [Intent(name=first), Intent(name=second)],
        [Intent(name=second), Intent(name=first)],
    ):
        assert _names(reply_clash.resolve(t, plan)) == [kept]


def test_no_idea_and_an_opinion_to_one_question() -> None:
    t = _turn("¿Qué le parece la propuesta?")
    plan = [
        Intent(name="part_answer_first", slots={"value": "Ni idea.", "kind": "unknown:open"}),
        Intent(name="buying_signal_generic"),
    ]
    assert _names(reply_clash.resolve(t, plan)) == ["buying_signal_generic"]
    two = _turn("¿Sabe cuántos gigas gasta? ¿Y qué le parece la propuesta?")
    assert len(reply_clash.resolve(two, list(plan))) == 2  # two questions: one each


def test_a_reply_is_never_left_empty() -> None:
    t = _turn("¿Algo más?")
    assert _names(reply_clash.resolve(t, [Intent(name="nothing_else")])) == ["nothing_else"]


@pytest.mark.parametrize(
    ("option", "said"),
    [
        ("la casa la rentan", "la casa la rentamos"),
        ("también pagan aparte", "también pagamos aparte"),
        ("bien si seguimos", "sí, sigamos"),
        ("el plan de siempre", "el plan de siempre"),
    ],
)
def test_an_option_is_said_in_the_customers_person(option: str, said: str) -> None:
    assert reply_clash.own_words(option) == said


def test_a_plain_refusal_of_the_discount_is_let_go_grudgingly() -> None:
    top = OpenObjection(id="_discount", type="price", intent="discount_request", raised_turn=1)
    flat = _turn("Entiendo, pero ese precio no lo puedo bajar, es el mismo para todos.")
    assert persuasion.settled_as(flat, top, "objection_softened") == "haggle_conceded"
    given = _turn("No lo puedo bajar, pero le puedo dar el primer mes sin costo.")
    assert persuasion.settled_as(given, top, "objection_softened") == "objection_softened"


def test_a_haggler_asks_before_his_first_yes() -> None:
    t = _turn("Le queda en 349 al mes. ¿Se lo activo?", persona="regateador")
    t.s.turn = 2
    plan = reply_clash.resolve(t, [Intent(name="acceptance")])
    assert _names(plan) == ["discount_request"]
    assert not t.s.accepted and "_discount" in t.s.objections_raised


def test_a_clause_said_twice_in_one_reply_goes() -> None:
    earlier = stems("Uso el coche para el trabajo y los domingos voy a la playa.")
    said = line_pairs.repeated_clauses("Los domingos voy a la playa; lo demás es local.", earlier)
    assert normalize(said) == normalize("Lo demás es local.")
    own = "Soy contadora, trabajo en casa."
    assert line_pairs.repeated_clauses(own, stems("Tengo dos hijos.")) == own


def test_no_clashing_classes_over_thousands_of_seeded_turns() -> None:
    pool = _pool()
    turns = 0
    for rng, sim, state in seeded_calls("reply-clash", CALLS):
        for _ in range(TURNS):
            text = rng.choice(pool)
            reply, state = sim.respond(text, state)
            turns += 1
            if len(reply.intents) < 2:  # a single piece clashes with nothing (and stays)
                continue
            t = Turn(text, normalize(text), set(), state, sim.scenario, sim.persona)
            assert reply_clash.clash(t, reply.intents) is None, (text, reply.intent_names)
            if state.hung_up:
                break
    assert turns > CALLS * 5


def test_the_hagglers_ask_is_not_glued_to_a_settled_doubt() -> None:
    t = _turn("Son 349 al mes con todo incluido. ¿Se lo dejo así?", persona="regateador")
    t.s.turn = 2
    plan = [Intent(name="objection_softened", ref="sin-tiempo"), Intent(name="acceptance")]
    assert _names(reply_clash.resolve(t, plan)) == ["discount_request"]
    yes = _turn("Le leo su pedido: plan de 349. ¿Es correcto?", persona="regateador")
    yes.s.turn = 2
    read = [Intent(name="data_confirm_yes"), Intent(name="acceptance")]
    assert _names(reply_clash.resolve(yes, read)) == ["data_confirm_yes", "acceptance"]
    assert "_discount" not in yes.s.objections_raised
