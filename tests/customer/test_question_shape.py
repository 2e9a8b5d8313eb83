"""The customer answers the shape of what was asked (issue 7 items 1–3, blind panel E).

Panel E's incoherent lines were mostly replies that did not fit the kind of question: a bare
«Sí.» or «Ajá.» to an open question about the customer's own situation, «Lo primero» where no list
was given, «De nada» to «Gracias… ¿me da su fecha de nacimiento?», double questions answered by
halves and a date without its month. Each mechanism is tested on wordings of our own."""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import choice_lists, choice_moves, facts, plausible, shape
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _sim(scenario: str, persona: str) -> CustomerSimulator:
    library = load_library()
    return CustomerSimulator(library.scenario(scenario), library.persona(persona))


def _turn(sim: CustomerSimulator, text: str, acts: set[str], state: CustomerState) -> Turn:
    return Turn(text, normalize(text), acts, state, sim.scenario, sim.persona)


# ------------------------------------------------------------------ open questions


def test_a_token_to_an_open_question_about_use_becomes_the_need() -> None:
    sim = _sim("retencion-plan-movil", "callado")
    state = sim.start(3)
    turn = _turn(sim, "Oiga, ¿y usted para qué usa más su línea?", {"open_question"}, state)
    out = shape.open_content(turn, [Intent(name="short_yes")])
    assert [i.name for i in out] == ["need_statement"]
    assert out[0].ref in state.revealed_needs


def test_an_opinion_question_keeps_the_brains_answer() -> None:
    sim = _sim("retencion-plan-movil", "callado")
    state = sim.start(3)
    turn = _turn(sim, "Así queda el plan nuevo. ¿Qué le parece?", {"open_question"}, state)
    bare = [Intent(name="short_yes")]
    assert shape.open_content(turn, bare) == bare


def test_asked_again_about_a_problem_it_told_it_says_it_again() -> None:
    sim = _sim("cambio-domicilio-internet", "impaciente")
    state = sim.start(2)
    state.revealed_needs = ["pareja-home-office"]
    turn = _turn(sim, "¿Y qué le pasa con la conexión?", {"open_question"}, state)
    out = shape.open_content(turn, [Intent(name="nothing_more_to_add")])
    assert [(i.name, i.ref) for i in out] == [("need_statement", "pareja-home-office")]


# ------------------------------------------------------------------ double questions


@pytest.mark.parametrize("seed", range(4))
def test_a_number_and_an_hour_are_both_answered(seed: int) -> None:
    sim = _sim("seguro-gastos-medicos", "amable")
    state = sim.start(seed)
    _, state = sim.first_line(state)
    reply, state = sim.respond("Hola, le habla Irene de Seguros Protege. ¿Con quién hablo?", state)
    reply, state = sim.respond(
        "Para enviarle la cotización, ¿a qué número le hablo mañana y a qué hora le acomoda?",
        state,
    )
    assert "33 12 34 56 78" in reply.text
    assert "part_answer" in reply.intent_names, reply.text


def test_a_budget_part_uses_the_promise_amount_in_collections() -> None:
    sim = _sim("cobranza-tarjeta-atrasada", "amable")
    state = sim.start(1)
    text = "¿Y en qué fecha le depositan su sueldo, y cuánto podría abonar a la tarjeta?"
    turn = _turn(sim, text, {"open_question"}, state)
    out = shape.missing_parts(turn, [Intent(name="need_statement", ref="quincena")])
    assert [i.name for i in out] == ["need_statement", "part_answer"]
    assert "1,850" in out[1].slots["value"]


def test_no_part_is_added_to_a_datum_of_its_own_and_a_doubt_comes_after_the_part() -> None:
    sim = _sim("queja-internet-sin-servicio", "amable")
    state = sim.start(1)
    turn = _turn(sim, "¿A qué hora le acomoda que pase el técnico?", {"open_question"}, state)
    given = [Intent(name="data_given", ref="horario_visita")]
    assert shape.missing_parts(turn, given) == given
    doubt = [Intent(name="objection", ref="x")]
    sim = _sim("seguro-gastos-medicos", "amable")
    state = sim.start(1)
    turn = _turn(sim, "¿A qué hora le llamo para confirmar?", {"open_question"}, state)
    # the hour asked is answered first; the customer's own doubt follows it (issue 7, item 1)
    assert [i.name for i in shape.missing_parts(turn, doubt)] == ["part_answer", "objection"]


# ------------------------------------------------------------------ facts the customer knows


def test_a_birth_date_is_known_even_when_the_scenario_left_it_out() -> None:
    known = plausible.fill({"nombre": "Lucía Ramos Peña"})
    assert facts.spoken("fecha_nacimiento", known["fecha_nacimiento"]).count(" de ") == 2
    assert known["correo"].startswith(("lucia", "lucia.", "lucia_"))
    own = plausible.fill({"nombre": "Lucía Ramos Peña", "correo": "lr@x.mx"})
    assert own["correo"] == "lr@x.mx"  # a scenario's own data win


def test_a_plausible_birth_date_agrees_with_a_stated_age() -> None:
    known = facts.known_data({"nombre": "Tomás Ruiz"}, "Comerciante de 51 años. Vive en Toluca.")
    assert known["edad"] == "51"
    assert facts.age("", known["fecha_nacimiento"], facts.today()) == "51"


@pytest.mark.parametrize("seed", range(3))
def test_thanks_before_a_request_get_the_datum_not_de_nada(seed: int) -> None:
    sim = _sim("cobranza-tarjeta-atrasada", "amable")
    state = sim.start(seed)
    _, state = sim.first_line(state)
    _, state = sim.respond("Buen día, le llama Sofía del banco. ¿Hablo con don Ernesto?", state)
    reply, state = sim.respond("Mil gracias. Para validar, ¿su fecha de nacimiento?", state)
    assert "thanks_reply" not in reply.intent_names, reply.text
    assert "data_given" in reply.intent_names, reply.text


def test_a_date_of_next_month_is_said_with_its_month() -> None:
    assert facts.next_month("5 de enero", "2026-12-06")
    assert not facts.next_month("27 de noviembre", "2026-11-20")


# ------------------------------------------------------------------ either/or


def test_an_option_is_said_from_the_customers_side() -> None:
    assert choice_lists.first_person("le alcanza con su plan actual") == (
        "me alcanza con mi plan actual"
    )
    assert choice_lists.first_person("el baño también tiene fuga") is None
    # a reflexive verb of the customer turns whole: «se queda…» → «me quedo…», never «me queda»
    assert choice_lists.first_person("se queda sin línea el fin de semana") == (
        "me quedo sin línea el fin de semana"
    )


def test_a_numbered_list_is_read_and_an_open_question_is_no_choice() -> None:
    text = "Hay dos caminos: uno, liquidar hoy lo vencido; dos, un convenio a tres meses. ¿Cuál le late?"
    assert choice_lists.listed_options(text) == [
        "liquidar hoy lo vencido",
        "un convenio a tres meses",
    ]
    assert choice_lists.asks_which(text)
    assert choice_lists.listed_options("Se lo agrego o se lo quito. ¿Cuál le late?") == []
    assert not choice_moves.is_choice("¿Y hoy qué compañía tiene, o con qué se conecta?")


def test_a_yes_to_an_either_or_names_the_option() -> None:
    sim = _sim("seguro-gastos-medicos", "amable")
    state = sim.start(0)
    turn = _turn(sim, "¿Se lleva el Plus o mejor el Esencial?", {"close"}, state)
    out = choice_moves.answer(turn, [Intent(name="acceptance")])
    assert [i.name for i in out] == ["choice_answer", "acceptance"]
    assert out[0].slots["option"] in ("el Plus", "el Esencial")


def test_no_lo_primero_without_a_list() -> None:
    sim = _sim("internet-veloz-hogar", "amable")
    state = sim.start(0)
    text = "¿Prefiere que le explique cómo funciona el módem nuevo o que mejor se lo mandemos así?"
    turn = _turn(sim, text, {"closed_question"}, state)
    out = choice_moves.answer(turn, [Intent(name="short_yes")])
    assert not {"choice_first", "choice_second"} & {i.name for i in out}
