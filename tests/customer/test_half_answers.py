"""Half answers and broken echoes (customer-z, session 19, issue 7; blind panel L).

A double question got one part answered when the other part's answer was a need the mouth leaves
out (told before), a yes/no part about the customer's own situation that no fact answered, or a
«no sé» the line audit dropped next to the other part's answer. A pick of an either/or question
was said back in the agent's persons. Our own wordings, and a seeded property: on a call where
the customer has already told its need, a two-part question gets a piece per part.
"""

from __future__ import annotations

import random

import pytest

from simulator.customer import choice_voice, closed_parts, every_part, fact_model, line_pairs
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from tests.customer.seeded import every_scenario, turn_on

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _turn(scenario: str, persona: str, text: str, acts: set[str]) -> Turn:
    return turn_on(scenario, persona, text, acts, seed=5)


@pytest.mark.parametrize(
    ("option", "said"),
    [
        ("le explico primero", "me explica primero"),  # the agent's act, done for the customer
        ("me pasa otro correo", "le paso otro correo"),  # the customer's act, in its «yo»
        ("me dice otro", "le digo otro"),
        ("su número de siempre", "mi número de siempre"),
        ("viaja a Guadalajara", "viajo a Guadalajara"),
        ("para usted sola", "para mí sola"),
        ("el de la tarde", "el de la tarde"),  # nothing marked for a person: as it is
        ("es otra falla", "es otra falla"),  # a thing, not the customer: no «soy»
    ],
)
def test_an_option_is_turned_to_the_customers_persons(option: str, said: str) -> None:
    assert choice_voice.customer_voice(option) == said


def test_an_option_the_agent_says_of_itself_is_not_turned() -> None:
    assert choice_voice.customer_voice("lo agendo de una vez") is None
    assert choice_voice.customer_voice("con mi supervisor") is None


def test_a_pick_that_cannot_be_turned_is_left_out_next_to_other_lines() -> None:
    text = "¿Lo dejamos para el jueves o lo agendo de una vez?"
    t = _turn("cambio-domicilio-internet", "amable", text, {"closed_question"})
    pick = Intent(name="choice_answer", slots={"option": "lo agendo de una vez"})
    other = Intent(name="part_answer", slots={"value": "El jueves no puedo."})
    assert choice_voice.fit(t, [pick, other]) == [other]


def test_what_befalls_the_customer_is_said_of_itself() -> None:
    assert choice_voice.customer_voice("le parece bien el jueves") == "me parece bien el jueves"


def test_a_pick_next_to_a_line_that_answers_the_choice_is_not_echoed() -> None:
    text = "¿La fuga llega a algún enchufe o a la lavadora?"
    t = _turn("asistencia-hogar-fuga", "amable", text, {"closed_question"})
    told = Intent(name="part_answer", slots={"value": "No, ningún enchufe se ha mojado."})
    out = choice_voice.fit(
        t, [Intent(name="choice_answer", slots={"option": "a la lavadora"}), told]
    )
    assert out == [told]


def test_a_pick_in_the_customers_words_is_left_alone() -> None:
    text = "¿Prefiere el plan chico o el grande?"
    t = _turn("retencion-plan-movil", "amable", text, {"closed_question"})
    pick = Intent(name="choice_answer", slots={"option": "me quedo con el chico"})
    assert choice_voice.fit(t, [pick]) == [pick]


def test_a_yes_no_part_about_what_it_has_today_gets_the_fact() -> None:
    t = _turn(
        "retencion-plan-movil", "amable", "¿Hoy tiene el Ilimitado Plus?", {"closed_question"}
    )
    told = closed_parts.fact(t, "hoy tiene el ilimitado plus", [])
    assert told is not None and "599" in told.slots["value"]


def test_a_yes_no_part_that_asks_no_fact_of_its_own_gets_none() -> None:
    t = _turn(
        "retencion-plan-movil", "amable", "¿Le parece si le explico el plan?", {"closed_question"}
    )
    assert closed_parts.fact(t, "le parece si le explico el plan", []) is None


def test_a_need_told_before_answers_no_part() -> None:
    text = "¿Qué cobertura tiene hoy y para qué usa el auto?"
    t = _turn("seguro-auto-amplio", "amable", text, {"open_question"})
    need = t.scenario.needs[0]
    t.s.used_keys.append(f"need:{need.id}:0")
    assert every_part.unsaid(t, Intent(name="need_statement", ref=need.id))
    got = every_part._assign(
        t, every_part.parts(text), [Intent(name="need_statement", ref=need.id)]
    )
    assert got == [None, None]


def test_an_i_do_not_know_stays_next_to_the_other_parts_answer() -> None:
    agent = "¿Cuánto cuesta el que vio, y lo pagaría de contado?"
    pieces = ["No sabría decirle cuánto, la verdad.", "De contado, con mis ahorros."]
    assert not line_pairs.dont_know_contradicted(pieces[0], pieces, agent)


FIRSTS = ("¿Qué tiene contratado hoy", "¿A qué se dedica", "¿Qué es lo que más le preocupa")
SECONDS = ("cuánto paga al mes?", "quiénes viven con usted?", "desde cuándo lo tiene?")
ASK_NEED = "Cuénteme, ¿qué es lo que necesita?"


@pytest.mark.parametrize("seed", range(3))
def test_a_two_part_question_gets_a_piece_per_part(seed: int) -> None:
    rng = random.Random(seed)
    for sid, sim, state in every_scenario(seed, rng):
        _, state = sim.respond_to_acts(ASK_NEED, ["open_question"], state)  # the need is told
        text = f"{rng.choice(FIRSTS)} y {rng.choice(SECONDS)}"
        reply, state = sim.respond_to_acts(text, ["open_question"], state)
        names = {i.name for i in reply.intents}
        if reply.hung_up or names & (every_part.ENDING | every_part.VENTING):
            continue  # hanging up or venting before any empathy is the persona's play
        answering = [i for i in reply.intents if i.name not in every_part.OWN | every_part.COURTESY]
        assert len(answering) >= 2, (
            sid,
            sim.persona.id,
            text,
            reply.text,
            [i.name for i in reply.intents],
        )


def test_a_request_with_no_question_mark_is_read_like_a_part() -> None:
    text = "Antes que nada, si puede, cierre la llave de paso. ¿Me da su número de póliza?"
    asked = fact_model.requests(text)
    assert asked == ["antes que nada si puede cierre la llave de paso"]
    assert fact_model.requests("Le explico el plan. ¿Le parece?") == []


def test_a_pick_between_offers_stays_next_to_a_line_about_what_it_has() -> None:
    text = "¿Con cuál se queda, la Amplia sola o la Amplia con Auto sustituto?"
    t = _turn("seguro-auto-amplio", "amable", text, {"closed_question"})
    pick = Intent(name="choice_answer", slots={"option": "la Amplia con Auto sustituto"})
    told = Intent(name="part_answer", slots={"value": "El mío no trae auto sustituto."})
    assert choice_voice.fit(t, [told, pick]) == [told, pick]
