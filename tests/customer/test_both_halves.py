"""Both halves of a double question, and a real choice when options are given (task cust-f, s21).

Blind panel N still heard half answers: a figure said for «¿cuánto paga y de cuántos megas
es?» taken as the answer to both parts, «¿cuántas personas se conectan…?» answered with who but
no number, an either/or cut into two yes/no parts («…o sigue saliendo» taken for a read-back
check), the agent's example after «por ejemplo» or a clause fragment said back as the pick, a
pick dropped because another part's answer shared a word with the whole question, and a bare
«Sí…» to an either/or with long sides. Wordings here are our own; the property test plays seeded
double questions with an either/or on every scenario.
"""

from __future__ import annotations

import random

import pytest

from simulator.customer import (
    brain,
    choice_many,
    choice_moves,
    choice_options,
    every_part,
    part_checks,
)
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from tests.customer.seeded import every_scenario, turn_on

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def test_an_either_or_is_one_part_not_two_yes_no_parts() -> None:
    asked = every_part.parts("Antes que nada, ¿ya logró cortar el gas, o todavía huele?")
    assert len(asked) == 1 and " o " in asked[0]


def test_an_example_after_por_ejemplo_is_no_option() -> None:
    part = "¿el cable está suelto, por ejemplo detrás de la tele, o se cortó afuera?"
    options = choice_many.options_of(part.strip("¿?"))
    assert options and not any("ejemplo" in normalize(o) for o in options)
    text = "Oiga, ¿la mancha está en el techo, digamos arriba de la regadera, o en la pared?"
    assert not any("digamos" in normalize(o) for o in choice_options._options(text))


def test_the_example_grounds_the_pick_but_is_said_without_its_lead() -> None:
    text = (
        "¿el tubo roto se ve a simple vista, por ejemplo debajo del fregadero, o sale de la pared?"
    )
    option = "el tubo roto se ve a simple vista"
    assert "fregadero" in choice_options.with_aside(option, text)
    assert choice_options.example_of(option, text) == "debajo del fregadero"


def test_the_first_option_starts_at_the_head_the_last_one_opens_with() -> None:
    options = choice_many.options_of(
        "la humedad se está metiendo por el muro de la calle o por la ventana"
    )
    assert options[0] == "por el muro de la calle"
    # a short first option is said back whole
    assert choice_many.options_of("le late mañana de 8 a 12 o de 3 a 7")[0].endswith("de 8 a 12")


def test_a_payment_line_answers_the_payment_not_the_speed() -> None:
    text = "¿Cuántos megas tiene contratados y cuánto le cobran al mes?"
    t = turn_on("internet-veloz-hogar", "amable", text, {"open_question"}, seed=3)
    paid = Intent(name="situation_payment", slots={"amount": "450", "period": " al mes"})
    out = every_part.complete(t, [paid])
    kinds = [str(i.slots.get("kind", i.name)) for i in out]
    assert "model:plan_speed" in kinds and "situation_payment" in kinds
    assert kinds.index("model:plan_speed") < kinds.index("situation_payment")  # as asked


def test_how_many_people_is_answered_by_a_number() -> None:
    assert every_part._family("cuantas personas viven con usted") == "count"
    assert part_checks.counts("somos cuatro en la casa")
    assert not part_checks.counts("tengo 42 anos")
    assert not part_checks.counts("pago 450 pesos al mes")


def test_a_pick_is_said_where_its_either_or_came() -> None:
    pick = Intent(name="choice_answer", slots={"option": "en pagos"})
    told = Intent(name="part_answer", slots={"value": "Como veinte mil."})
    out, got = part_checks.picks_in_order([pick, told], [1, 0], every_part.MOVABLE)
    assert [i.name for i in out] == ["part_answer", "choice_answer"] and got == [0, 1]


def test_a_bare_yes_to_a_long_either_or_names_a_side() -> None:
    text = "¿Pagarlo así le dejaría sin dinero para la renta o ya lo tiene juntado?"
    t = turn_on("tarjeta-credito-horizonte", "callado", text, {"closed_question"}, seed=2)
    out = choice_moves.answer(t, [Intent(name="short_yes")])
    assert [i.name for i in out] != ["short_yes"]


# The property: a count or open part next to an either/or, seeded, on every scenario.
FIRSTS = (
    "¿Cuántas personas viven con usted",
    "¿Cuánto paga hoy al mes",
    "¿Desde cuándo tiene el servicio",
    "¿A qué se dedica",
)
EITHERS = (
    "y le acomoda más en la mañana o en la tarde?",
    "y lo prefiere pagar de contado o en pagos?",
    "y le marco a este número o a otro?",
    "y lo quiere recibir en su casa o en la oficina?",
)
BARE = frozenset({"short_yes", "short_no", "filler_ack"})


@pytest.mark.parametrize("seed", [5, 17])
def test_seeded_double_questions_with_an_either_or_get_both_halves(seed: int) -> None:
    rng = random.Random(seed)
    for sid, sim, state in every_scenario(seed, rng):
        text = f"{rng.choice(FIRSTS)}, {rng.choice(EITHERS)}"
        acts = ["open_question", "closed_question"]
        intents, _ = brain.decide(text, acts, state, sim.scenario, sim.persona)
        names = [i.name for i in intents]
        if set(names) & (every_part.ENDING | every_part.VENTING | {"hangup"}):
            continue  # hanging up or venting before any empathy is the persona's play
        asked = every_part.parts(text)
        assert len(asked) == 2, text
        assert not set(names) <= BARE, (sid, text, names)  # never a bare token to both halves
        t = Turn(text, normalize(text), set(acts), state, sim.scenario, sim.persona)
        for intent in intents:
            option = normalize(str(intent.slots.get("option", "")))
            if intent.name.startswith("choice_") and option:
                # a pick names an option of the either/or, never words of the other part
                assert part_checks.words(option) & part_checks.words(asked[1]), (sid, text)
        assert t.scenario.id == sid
