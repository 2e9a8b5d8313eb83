"""One customer line is one intent with its parts (issue 7 items 1 and 3, blind panel I): two
reactions that contradict or say the same thing are never stitched into one reply, a bare token
gives way, a short part that ends as an earlier one is not said, a line that reacts to a
concession or names a term needs the agent to have said one, and two courses offered get a side
or an honest «no sé cuál», never a bare «sí». Wordings here are our own."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

import pytest

from simulator.content.library import load_library
from simulator.customer import choice_moves, cues, facts, mouth, planner, presuppose
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from simulator.models.content import Persona, Speech

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _settle(*names: str) -> list[str]:
    turn: Any = SimpleNamespace(s=CustomerState(), scenario=None)
    return [i.name for i in planner.settle(turn, [Intent(name=n) for n in names])]


@pytest.mark.parametrize(
    ("names", "pair"),
    [
        (["objection_softened", "no_doubts"], ("objection_softened", "no_doubts")),
        (["impatience", "no_doubts"], ("impatience", "no_doubts")),
        (["haggle_conceded", "annoyed"], ("haggle_conceded", "annoyed")),
        (["interrupt_monologue", "time_ok"], ("interrupt_monologue", "time_ok")),
        (["nothing_else", "short_no"], ("nothing_else", "short_no")),
    ],
)
def test_contradicting_or_doubled_reactions_are_a_forbidden_pair(
    names: list[str], pair: tuple[str, str]
) -> None:
    assert planner.forbidden_pair(names) == pair


def test_the_first_reaction_stands_and_the_second_is_not_said() -> None:
    assert _settle("objection_softened", "no_doubts", "buying_signal") == [
        "objection_softened",
        "buying_signal",
    ]
    assert _settle("impatience", "no_doubts") == ["impatience"]


def test_a_bare_token_gives_way_to_the_line_it_would_stitch_onto() -> None:
    assert _settle("nothing_else", "short_no") == ["nothing_else"]
    assert _settle("short_yes", "nothing_else") == ["nothing_else"]


@pytest.mark.parametrize(
    ("line", "parts", "again"),
    [
        ("Ándele, adelante.", ["Sí, soy yo, adelante."], True),
        ("Sí, adelante.", ["Claro, con gusto le escucho."], False),
        ("Va, sí.", ["Pues sí, la verdad sí."], False),  # «sí» is too short to count
        ("Bueno, pues mire, yo quería saber si me lo dejan adelante.", ["Pase, adelante."], False),
    ],
)
def test_a_short_part_ending_as_an_earlier_one_is_said_again(
    line: str, parts: list[str], again: bool
) -> None:
    assert mouth.says_again(line, parts) is again


def _persona(banks: dict[str, list[Any]]) -> Persona:
    base = load_library().persona("regateador")
    return base.model_copy(update={"speech": Speech.model_validate({"banks": banks})})


def _softened_after(agent: str) -> str:
    scenario = load_library().scenario("internet-veloz-hogar")
    persona = _persona(
        {
            "objection_softened": [
                {"say": "Ah, pues con esa rebaja sí me animo.", "requires": ["concession_made"]},
                "Bueno, eso que me explica tiene sentido.",
            ]
        }
    )
    state = CustomerState()
    presuppose.note(state, agent, scenario)
    intent = Intent(name="objection_softened")
    return mouth.TemplateMouth()._line(intent, state, scenario, persona, random.Random(3))


def test_a_reaction_to_a_concession_needs_one() -> None:
    refused = "Le soy franco: el precio es el mismo para todos, no tengo descuento que darle."
    assert _softened_after(refused) == "Bueno, eso que me explica tiene sentido."
    granted = "Mire, si lo contrata hoy le dejo en 449 los primeros seis meses, con descuento."
    assert _softened_after(granted) == "Ah, pues con esa rebaja sí me animo."


@pytest.mark.parametrize(
    ("fact", "said", "unsaid"),
    [
        ("cat_mentioned", "El costo anual total viene en su contrato.", "Tiene anualidad."),
        ("deductible_mentioned", "El deducible es de veinte mil.", "La suma es de 5 millones."),
        ("visit_mentioned", "Le mando un técnico el lunes.", "Ya quedó su reporte."),
        ("annuity_free_said", "El primer año no paga anualidad.", "La anualidad es de 690."),
    ],
)
def test_a_term_is_known_only_once_the_agent_says_it(fact: str, said: str, unsaid: str) -> None:
    scenario = load_library().scenario("tarjeta-credito-horizonte")
    state = CustomerState()
    presuppose.note(state, unsaid, scenario)
    assert fact not in presuppose.known(state, scenario)
    presuppose.note(state, said, scenario)
    assert fact in presuppose.known(state, scenario)


def _turn(agent: str) -> Turn:
    scenario = load_library().scenario("internet-veloz-hogar")
    persona = load_library().persona("indeciso")
    return Turn(agent, normalize(agent), {"closed_question"}, CustomerState(), scenario, persona)


def _reply_to(agent: str, names: list[str]) -> list[str]:
    return [i.name for i in choice_moves.answer(_turn(agent), [Intent(name=n) for n in names])]


TWO_COURSES = (
    "¿Prefiere que se lo dejemos programado hoy, o prefiere pensarlo con calma y le marco?"
)


def test_a_bare_yes_to_two_courses_never_stays_bare() -> None:
    assert _reply_to(TWO_COURSES, ["short_yes"])[0] not in choice_moves.UNCHOSEN
    assert _reply_to(TWO_COURSES, ["filler_ack"])[0] not in choice_moves.UNCHOSEN


def test_a_bare_yes_left_unchosen_becomes_no_se_cual_without_asides() -> None:
    bare = [Intent(name="short_yes"), Intent(name="buying_signal_generic")]
    unsure = choice_moves._unchosen(_turn(TWO_COURSES), bare)
    assert [i.name for i in unsure] == ["choice_unsure"]


def test_a_question_about_what_the_customer_knows_gets_no_unsure() -> None:
    agent = "¿En su casa se conectan más en las mañanas, o más bien por las noches?"
    bare = [Intent(name="short_yes")]
    assert [i.name for i in choice_moves._unchosen(_turn(agent), bare)] == ["short_yes"]


@pytest.mark.parametrize(
    ("said", "slip"),
    [
        ("Nacida el 14 de marzo de 1991, con un deducible de 30,000.", None),
        (
            "Nacida el 15 de marzo de 1991, ¿correcto?",
            ("15 de marzo de 1991", "el 14 de marzo de 1991"),
        ),
        ("Su fecha es 14/03/1991 y el folio 0030.", None),
        ("Le confirmo su correo y su teléfono.", None),
    ],
)
def test_a_read_back_date_is_corrected_only_for_a_difference_it_says(
    said: str, slip: tuple[str, str] | None
) -> None:
    assert facts.full_date_slip("14/03/1991", said) == slip
    assert cues.misread("fecha_nacimiento", said, "14/03/1991") == slip
