"""The customer answers the question the agent ended on (issue 7, blind panels G and H replayed).

Still seen on the replay of panels G and H: «Exacto, ese es» to a yes/no question about something
else that ended a turn with a read-back in it; a bare «no… creo que no» to an either/or whose
sides are clauses too long to repeat; «Pues El agua…» with the question's capital. The wordings
here are our own, not the panel's.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import choice_lists, choice_moves, choice_parts, facts, presuppose
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _turn(text: str, seed: int = 3, scenario: str = "seguro-auto-amplio") -> Turn:
    library = load_library()
    sim = CustomerSimulator(library.scenario(scenario), library.persona("amable"))
    return Turn(text, normalize(text), set(), sim.start(seed), sim.scenario, sim.persona)


def test_a_no_to_a_long_either_or_says_the_other_side_in_the_customers_words() -> None:
    turn = _turn("¿Lo quiere liquidar en una sola exhibición o le gustaría dividirlo en pagos?")
    out = choice_moves.answer(turn, [Intent(name="short_no")])
    assert [i.name for i in out] == ["choice_not_first"]
    assert out[0].slots["option"] == "me gustaría dividirlo en pagos"


def test_a_yes_to_a_long_either_or_keeps_the_main_clause() -> None:
    assert (
        choice_lists.main_clause("es el único carro que maneja toda la familia entre semana")
        == "es el único carro"
    )
    assert choice_lists.main_clause("lo que usted diga") is None  # too little before «que»
    turn = _turn(
        "Una pregunta más: ¿es el único carro que maneja toda la familia entre semana, o tienen"
        " otro vehículo en casa para esos días?"
    )
    out = choice_moves.answer(turn, [Intent(name="short_yes")])
    assert [i.name for i in out] == ["choice_answer"]
    assert out[0].slots["option"] == "es el único carro"


def _fuga(seed: int) -> tuple[CustomerSimulator, CustomerState]:
    library = load_library()
    sim = CustomerSimulator(library.scenario("asistencia-hogar-fuga"), library.persona("amable"))
    state = sim.start(seed)
    _, state = sim.first_line(state)
    _, state = sim.respond("Asistencia Total, buenos días, habla Sofía. ¿Con quién hablo?", state)
    return sim, state


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(
    "question",
    [
        "¿Le quedó claro lo del tope por evento?",
        "¿Su casa tiene otra toma de agua aparte de la cocina?",
    ],
)
def test_a_read_back_ending_on_another_question_gets_no_exacto(seed: int, question: str) -> None:
    """A turn that repeats the customer's phone and then asks something else is answered to
    that question, not with the read-back's «Exacto, ese es»; «¿es correcto?» still gets it."""
    sim, state = _fuga(seed)
    state.fields_given["telefono"] = sim.scenario.customer.data["telefono"]
    readback = "Anotado, el plomero le marcará al 55 2345 6789 cuando vaya en camino."
    reply, _ = sim.respond(f"{readback} {question}", state.model_copy(deep=True))
    assert "data_confirm_yes" not in reply.intent_names, reply.text
    reply, _ = sim.respond(f"{readback} ¿Es correcto?", state)
    assert "data_confirm_yes" in reply.intent_names, reply.text


@pytest.mark.parametrize("seed", range(4))
def test_a_sentence_after_a_field_name_is_no_value_to_correct(seed: int) -> None:
    """«Su cobertura paga hasta 1,500 pesos…» names the field «cobertura» and reads back no value
    of it: no «No, no, corríjalo: plomería de emergencia»; a wrong value of its size still is."""
    sim, state = _fuga(seed)
    reply, _ = sim.respond(
        "Su cobertura paga hasta 1,500 pesos por evento entre mano de obra y materiales.",
        state.model_copy(deep=True),
    )
    assert "data_correction" not in reply.intent_names, reply.text
    assert facts.could_be_misread("cobertura", "cerrajería de emergencia", "plomería de emergencia")
    assert not facts.could_be_misread(
        "cobertura",
        "paga hasta 1,500 pesos por evento entre mano de obra",
        "plomería de emergencia",
    )


@pytest.mark.parametrize("seed", range(4))
def test_an_option_taken_from_the_start_of_a_question_is_said_in_lowercase(seed: int) -> None:
    library = load_library()
    sim = CustomerSimulator(library.scenario("asistencia-hogar-fuga"), library.persona("callado"))
    state = sim.start(seed)
    _, state = sim.first_line(state)
    reply, state = sim.respond("Asistencia Total, buenas noches, ¿quién me llama?", state)
    reply, state = sim.respond("¿La tubería sigue tirando agua o ya logró cortar el paso?", state)
    for option in ("La tubería", "Ya logró"):
        assert f" {option}" not in reply.text, reply.text


@pytest.mark.parametrize(
    ("agent", "given"),
    [
        ("Al terminar de levantar el reporte le comparto su número de folio.", False),
        ("En cuanto quede registrado, le doy el folio para su seguimiento.", False),
        ("Su folio es AT-77310, anótelo por favor.", True),
        ("Le dicto el folio: A, T, siete, siete, tres.", True),
    ],
)
def test_a_folio_promised_is_no_folio_given(agent: str, given: bool) -> None:
    """«con el folio ya me siento más segura» needs the folio said, not promised for later."""
    library = load_library()
    scenario = library.scenario("asistencia-hogar-fuga")
    state = CustomerState(seed=1)
    presuppose.note(state, agent, scenario)
    assert ("folio_given" in state.facts_heard) is given


@pytest.mark.parametrize("seed", range(4))
def test_a_given_field_named_in_passing_is_not_asked_again(seed: int) -> None:
    """«…si lo prefiere, dejamos el cambio de domicilio con su paquete de siempre. ¿Qué opina?» names
    the new address the customer gave and asks for an opinion: no «ya se lo había dicho» and no
    address dictated again; «deme otra vez su nueva dirección» still gets it."""
    library = load_library()
    scenario = library.scenario("cambio-domicilio-internet")
    sim = CustomerSimulator(scenario, library.persona("indeciso"))
    state = sim.start(seed)
    _, state = sim.first_line(state)
    _, state = sim.respond("Internet Veloz, buenas tardes, le atiende Rocío.", state)
    state.fields_given["direccion_nueva"] = scenario.customer.data["direccion_nueva"]
    passing = (
        "Sin prisa: si lo prefiere, dejamos el cambio de domicilio con su paquete de siempre y"
        " lo de la velocidad lo vemos otro día. ¿Qué opina?"
    )
    reply, _ = sim.respond(passing, state.model_copy(deep=True))
    names = reply.intent_names
    assert "repetition_complaint" not in names and "data_given" not in names, reply.text
    reply, _ = sim.respond("Perdón, deme otra vez su nueva dirección, por favor.", state)
    assert {"data_given", "data_repeated"} & set(reply.intent_names), reply.text


@pytest.mark.parametrize(
    ("agent", "expected"),
    [
        ("Si busca algo más económico, tengo el modelo de 128 en 4,500 pesos.", "filler_ack"),
        ("¿Para qué fecha quiere la visita?", "slot_unknown"),
        ("¿Cómo le va con su plan de ahora?", "vague_answer"),
    ],
)
def test_a_vague_reply_fits_what_the_turn_asked(agent: str, expected: str) -> None:
    """A turn that asks nothing gets «Ajá», not «eso no lo sé bien»; a question it cannot answer
    gets «no sabría decirle»; a «how» question may get «bien, normal»."""
    turn = _turn(agent)
    out = choice_lists.unknown(turn, [Intent(name="vague_answer")])
    assert [i.name for i in out] == [expected]


def test_an_acceptance_does_not_also_pick_the_side_without_the_offer() -> None:
    """«Pues la baja del servicio. Sí, lo contrato» picks both sides of «¿le doy de baja el
    servicio o prefiere pasarse al Conecta 20?»: the acceptance stands alone; a pick of the
    offer's side stays with it."""
    turn = _turn(
        "Para no equivocarme: ¿le doy de baja el servicio, o prefiere pasarse al Conecta 20?",
        scenario="retencion-plan-movil",
    )
    baja = Intent(name="choice_answer", slots={"option": "la baja del servicio"})
    yes = Intent(name="acceptance")
    assert [i.name for i in choice_parts.agree(turn, [baja, yes])] == ["acceptance"]
    offer = Intent(name="choice_answer", slots={"option": "el Conecta 20"})
    assert choice_parts.agree(turn, [offer, yes]) == [offer, yes]
    assert choice_parts.agree(turn, [baja]) == [baja]  # no acceptance: the pick stands


def test_a_no_to_which_one_says_neither() -> None:
    """«No, eso no» answers no «¿cuál le acomoda más?»: a customer who wants none says so."""
    turn = _turn(
        "Le tengo el Nova X de 256 en 6,299 y el Astra 5 en 4,999. ¿Cuál le acomoda más?",
        scenario="celular-agotado-electrohogar",
    )
    out = choice_moves.answer(turn, [Intent(name="short_no")])
    assert [i.name for i in out] == ["choice_neither"]
    yes_no = _turn("¿Le interesa alguno de los dos?", scenario="celular-agotado-electrohogar")
    assert choice_lists.neither(yes_no, []) is None  # «No» answers a yes/no question
