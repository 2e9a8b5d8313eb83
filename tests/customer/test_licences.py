"""Accept / register / confirm pieces need their licence in the agent's turn, and the reply's
first piece fits the form of the question (customer/licences.py, customer/answer_form.py).

Wordings here are our own. The property test plays seeded calls over the pool of agent lines the
planner's property test uses and checks, on every reply, that an acceptance answers a turn that
proposed something, and that an either/or is answered with a bare yes only when the either/or
move has no option the customer can say.
"""

from __future__ import annotations

import pytest

from simulator.analysis.agent import tag_agent
from simulator.content.library import load_library
from simulator.customer import answer_form, choice_moves, licences, presuppose
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from tests.customer.seeded import seeded_calls
from tests.customer.test_planner_properties import _pool

pytestmark = pytest.mark.usefixtures("bundled_content_only")

CALLS = 160
TURNS = 14


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿Le late que se lo deje contratado desde hoy?", "yes_no"),
        ("¿Lo prefiere en efectivo, con tarjeta o por depósito?", "either_or"),
        ("¿Qué día le queda mejor para la instalación?", "open"),
        ("¿Me regala su código postal?", "data"),
        ("¿Me espera un momentito en la línea?", "permission"),
        ("Su pedido ya va en camino.", "statement"),
        ("¿Y para qué día lo necesita?", "open"),
    ],
)
def test_question_forms(text: str, expected: str) -> None:
    assert answer_form.form(text) == expected


def test_options_counts_three_and_skips_tags() -> None:
    three = answer_form.options("¿Gasta menos de 500, entre 500 y 1,000, o más de 1,000?")
    assert len(three) == 3
    assert answer_form.options("¿Le queda claro o no?") == []
    assert answer_form.options("¿Más o menos cuántos son en casa?") == []


@pytest.mark.parametrize(
    ("text", "proposal"),
    [
        ("¿Le parece si se lo dejo registrado ya?", True),
        ("Ya con eso está. ¿Cómo lo ve?", True),
        ("Lo capturo como urgente. ¿En qué horario le acomoda que pase el técnico?", False),
        ("Lo marco como urgente. ¿La fuga está en la cocina o en el baño?", False),
        ("Gracias, su cuenta 4411, ¿correcto?", False),
        ("¿Me permite unos minutos?", False),
    ],
)
def test_proposal_licence(text: str, proposal: bool) -> None:
    assert ("proposal" in licences._text_licences(text)) is proposal


def test_verification_and_dictated_figure() -> None:
    assert "verification" in licences._text_licences("Permítame revisarlo en el sistema.")
    assert "verification" not in licences._text_licences("¿Me regala cinco minutos?")
    assert licences._dictated("Su número de reporte es 7 7 3 1 2. ¿Lo anotó?", [])
    assert not licences._dictated(
        "Le marcamos al 55 1234 5678. ¿Tiene dónde anotar?", ["55 1234 5678"]
    )


def _turn(text: str, sid: str = "cambio-domicilio-internet") -> Turn:
    library = load_library()
    scenario = library.scenario(sid)
    persona = library.persona(
        scenario.personas[0] if scenario.personas else scenario.default_persona
    )
    state = CustomerState(seed=1)
    return Turn(text, normalize(text), set(tag_agent(text)), state, scenario, persona)


def test_unlicensed_acceptance_words_go_the_decision_stands() -> None:
    t = _turn("Lo dejo anotado como prioritario. ¿Qué día le acomoda para la visita?")
    t.s.accepted = True  # giving the date an assumptive close asks for is a yes
    plan = [Intent(name="acceptance"), Intent(name="data_given", slots={"value": "el lunes"})]
    kept = licences.fit_plan(t, plan, was_accepted=False)
    assert [i.name for i in kept] == ["data_given"]
    assert t.s.accepted


def test_licensed_acceptance_stays() -> None:
    t = _turn("Son 399 al mes sin plazo forzoso. ¿Se lo registro así?")
    plan = [Intent(name="acceptance")]
    assert licences.fit_plan(t, plan, was_accepted=False) == plan


def test_note_before_the_folio_is_ready_not_written() -> None:
    t = _turn("Quedó levantado su reporte. ¿Tiene a la mano con qué anotar?")
    kept = licences.fit_plan(t, [Intent(name="note_taken")], was_accepted=False)
    assert [i.name for i in kept] == ["note_ready"]


def test_verify_line_needs_a_stated_check() -> None:
    line = "Sí, mejor que lo verifique."
    state = CustomerState(seed=1)
    plain = licences.line_facts(state, "¿Me regala unos minutos para platicarle?")
    checked = licences.line_facts(state, "Deje lo consulto en el sistema, ¿me espera?")
    assert not licences.line_licensed(line, "hold_ok", plain)
    assert licences.line_licensed(line, "hold_ok", checked)
    assert licences.line_licensed("Sí, aquí espero.", "hold_ok", plain)
    # facts made by hand (no licences computed) leave every line free
    assert presuppose.holds(line, frozenset(), "hold_ok")


def test_either_or_gets_an_option_not_a_bare_yes() -> None:
    t = _turn("Le agendo la visita. ¿La quiere en la mañana o en la tarde?")
    plan = answer_form.fit(t, [Intent(name="short_yes")])
    assert plan and plan[0].name not in answer_form.BARE
    slot = [Intent(name="data_given", slots={"value": "de 15 a 18 horas"})]
    picked = answer_form.fit(t, slot)
    assert picked[0].name == "choice_answer"
    assert "tarde" in picked[0].slots["option"]


def _sayable_option(sim: CustomerSimulator, state: CustomerState, text: str) -> bool:
    """Whether the either/or move has an option the customer can say to ``text``."""
    t = Turn(text, normalize(text), set(tag_agent(text)), state, sim.scenario, sim.persona)
    said = choice_moves.answer(t, [Intent(name="short_yes")])
    return any(i.name not in answer_form.BARE for i in said)


def test_seeded_calls_keep_licences_and_forms() -> None:
    pool = _pool()
    turns = accepted = either = 0
    for rng, sim, state in seeded_calls("licences", CALLS):
        for _ in range(TURNS):
            text = rng.choice(pool)
            before = state.model_copy(deep=True)
            reply, state = sim.respond(text, state)
            turns += 1
            names = reply.intent_names
            if "acceptance" in names:
                accepted += 1
                assert "proposal" in licences._text_licences(text), (text, reply.text)
            if names and "hangup" not in names and answer_form.form(text) == "either_or":
                either += 1
                if names[0] in answer_form.BARE:  # only when no option could be said
                    assert not _sayable_option(sim, before, text), (text, reply.text)
            if state.hung_up:
                break
    assert turns >= 1500
    assert accepted and either  # both checks were exercised
