"""A stock answer must answer the question asked (fix-h, blind panel K): the note of a folio,
a turn that only announces something done, a «con o sin» choice, the option its story names, a
need's new line said as news, and no catalog name recited with other data."""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import choice_options
from simulator.customer.mouth_lines import line_told
from simulator.customer.simulator import CustomerSimulator

FOLIO_TURNS = [
    "Asistencia Total, buenas tardes, le atiende Fernanda. ¿Con quién tengo el gusto?",
    "Su folio es AT-771204: A, T, guion, siete, siete, uno, dos, cero, cuatro.",
]


def _sim(scenario: str, persona: str) -> tuple[CustomerSimulator, object]:
    library = load_library()
    sim = CustomerSimulator(library.scenario(scenario), library.persona(persona))
    return sim, sim.start(3)


@pytest.mark.parametrize("persona", ["platicador", "callado", "experto", "amable"])
@pytest.mark.parametrize("ask", ["¿Tiene dónde anotar el folio?", "¿Lo pudo anotar?"])
def test_a_question_about_the_note_is_answered_about_the_note(persona: str, ask: str) -> None:
    sim, state = _sim("asistencia-hogar-fuga", persona)
    for line in FOLIO_TURNS:
        _, state = sim.respond(line, state)
    reply, _ = sim.respond(f"Por favor guárdelo. {ask}", state)
    assert "note_taken" in reply.intent_names, reply.text
    assert "short_no" not in reply.intent_names, reply.text


@pytest.mark.parametrize("persona", ["platicador", "callado", "amable"])
def test_asked_whether_it_can_note_before_anything_was_dictated_it_gets_ready(
    persona: str,
) -> None:
    sim, state = _sim("asistencia-hogar-fuga", persona)
    _, state = sim.respond(FOLIO_TURNS[0], state)
    reply, _ = sim.respond("Le voy a dar su número de reporte. ¿Tiene con qué anotar?", state)
    assert "note_ready" in reply.intent_names, reply.text
    assert "note_taken" not in reply.intent_names, reply.text


def test_a_done_announcement_is_not_confirmed_as_a_read_back() -> None:
    sim, state = _sim("asistencia-hogar-fuga", "amable")
    _, state = sim.respond(FOLIO_TURNS[0], state)
    reply, _ = sim.respond(
        "Listo, señora Guadalupe, su solicitud de plomería de emergencia quedó registrada.", state
    )
    assert "data_confirm_yes" not in reply.intent_names, reply.text


def test_with_or_without_is_one_side_never_a_broken_echo() -> None:
    assert choice_options.with_or_without("con o sin la grúa", True) == "con la grúa"
    assert choice_options.with_or_without("con o sin la grúa", False) == "sin la grúa"
    question = "¿Lo contrata hoy, con o sin la grúa, o prefiere pensarlo?"
    parts = choice_options.SPLIT_O.split(question)
    assert len(parts) == 2 and "con o sin la grúa" in parts[0]


def test_the_option_its_story_names_is_the_one_it_picks() -> None:
    story = "Se rompió la manguera de atrás de la lavadora; ya cerré la llave del patio."
    options = ["de la manguera de la lavadora", "de la llave"]
    assert choice_options.told_most(options, story) == options[0]
    # verbs addressed to the customer are not said back from a story
    assert choice_options.told_most(["y lava en la mañana", "o lava en la tarde"], story) is None


def test_a_new_line_of_a_told_need_is_not_said_as_told() -> None:
    said = ["Trabajo por mi cuenta desde hace dos años, ya no tengo seguro de la empresa."]
    assert not line_told("Mis hijas nadan diario y una ya se lastimó la rodilla.", said)
    assert line_told("Trabajo por mi cuenta desde hace dos años.", said)


def test_a_catalog_name_is_not_recited_with_the_policy_number() -> None:
    sim, state = _sim("asistencia-hogar-fuga", "amable")
    _, state = sim.respond(FOLIO_TURNS[0], state)
    reply, _ = sim.respond(
        "Para validar su cobertura, ¿me proporciona su número de póliza, por favor?", state
    )
    assert "AT-558120" in reply.text
    assert "plomería de emergencia" not in reply.text.lower(), reply.text
