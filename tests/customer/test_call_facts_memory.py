"""The customer keeps the call's facts and reacts as a person would (issue 7 items 2, 4, 5; blind
panel E of session 12: prices, credit lines and times asked again right after the agent said them,
«como le decía» before a new answer, «me convenció» twice, «Me está faltando al respeto» to a
courteous offer, a warm goodbye after a sale registered without consent, «ando ocupado» from a
woman, «contrátemelo» for a phone). Every mechanism is tested on our own wording."""

from __future__ import annotations

import random

import pytest

from simulator.content.library import load_library
from simulator.customer import address, cues, line_fit, memory, planner, wronged
from simulator.customer.mouth import TemplateMouth
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


@pytest.mark.parametrize(
    ("agent", "topic"),
    [
        ("Ese equipo se lo dejo en 7,250 con envío incluido.", "cost"),
        ("La mensualidad queda en 515.", "cost"),
        ("Con la tarjeta le damos una línea inicial de 22 mil.", "limit"),
        ("El técnico pasa a instalar en un plazo de 48 horas.", "delivery"),
        ("El nuevo plan se aplica desde su próximo corte.", "delivery"),
        ("Le confirmo: plan de 300 megas, sin plazo forzoso, a su nombre.", "read_back"),
        ("La carátula se la hago llegar a su correo hoy mismo.", "written"),
        ("Ese color ya no se resurte, no tenemos fecha.", "restock"),
        ("Necesito su RFC para dar de alta la póliza.", "purpose"),
    ],
)
def test_what_the_agent_states_is_remembered_as_a_topic(agent: str, topic: str) -> None:
    assert topic in memory.topics_answered(normalize(agent), agent)


def test_a_fact_the_agent_stated_is_not_asked_for_again() -> None:
    lines = memory.topic_lines(["cost", "limit", "delivery"])
    for asked in ("¿Y de precio cómo anda?", "¿Y de cuánto sería el límite?", "¿En cuánto tiempo?"):
        assert line_fit.presumes(asked, lines), asked
    assert not line_fit.presumes("¿Y tiene algún plazo forzoso?", lines)


def test_the_price_is_never_asked_after_the_agent_said_an_amount() -> None:
    sim = _sim("celular-agotado-electrohogar", "impaciente")
    state = sim.start(3)
    asked = []
    for seed in range(12):
        state = sim.start(seed)
        for line in (
            "ElectroHogar, buenas tardes, habla Rocío, ¿en qué le ayudo?",
            "Ese ya no lo tengo, pero el Astra 5 le queda en 4,999 y el de 256 en 6,299.",
            "El Astra tiene batería que dura todo el día. ¿Cómo lo ve?",
        ):
            reply, state = sim.respond(line, state)
            asked.append(reply.text)
    said = " ".join(normalize(a) for a in asked[2::3])
    for line in memory.topic_lines(["cost"]):
        assert f" {line} " not in f" {said} ", line


def test_como_le_decia_only_before_a_line_said_again() -> None:
    sim = _sim("internet-veloz-hogar", "amable")
    mouth = TemplateMouth()
    for seed in range(15):
        state = sim.start(seed)
        said = mouth.realize(
            [Intent(name="short_yes")], state, sim.scenario, sim.persona, random.Random(seed)
        )
        state.used_keys.clear()  # the same line again: it gets a prefix, never «Como le decía»
        again = mouth.realize(
            [Intent(name="short_yes")], state, sim.scenario, sim.persona, random.Random(seed)
        )
        assert again != said and "como le decía" not in again.lower(), again


def test_no_second_me_convencio_after_a_yes() -> None:
    sim = _sim("internet-veloz-hogar", "indeciso")
    state = sim.start(8)
    state.accepted = True
    t = _turn(sim, "Le leo sus datos: Calle Olivo 23. ¿Es correcto?", {"data_confirmation"}, state)
    t.accepted_before = True
    t.intents = [Intent(name="data_confirm_yes"), Intent(name="acceptance")]
    planner.plan(t)
    mouth = TemplateMouth()
    for seed in range(25):
        text = mouth.realize(
            t.intents, state.model_copy(deep=True), sim.scenario, sim.persona, random.Random(seed)
        )
        assert "convenc" not in normalize(text), text


def test_an_accusation_needs_its_cause() -> None:
    sim = _sim("retencion-plan-movil", "molesto")
    state = sim.start(2)
    t = _turn(sim, "Le propongo el plan de 349, sin plazo forzoso.", {"feature"}, state)
    t.causes.append("pressure")
    unfit = memory.unfounded_accusations(t)
    assert line_fit.presumes("Me está faltando al respeto, ¿eh?", unfit)
    assert not line_fit.presumes("No me presione, por favor.", unfit)
    t.causes.append("insulted")
    assert not memory.unfounded_accusations(t)


def test_a_sale_registered_without_a_yes_is_protested_and_the_goodbye_is_cold() -> None:
    sim = _sim("tarjeta-credito-horizonte", "amable")
    state = sim.start(4)
    _, state = sim.first_line(state)
    reply, state = sim.respond(
        "Buenas tardes, habla Lorena del banco. Le ofrezco la tarjeta Clásica sin anualidad.", state
    )
    reply, state = sim.respond("Listo, ya quedó registrada su tarjeta, le llega el lunes.", state)
    assert reply.intent_names == ["unconsented_protest"], reply.text
    assert state.play.get(wronged.KEY) == "unconsented"
    reply, state = sim.respond("Bueno, gracias por su tiempo, que tenga buena tarde.", state)
    assert "bendiga" not in reply.text and "bonita" not in reply.text, reply.text


def test_a_registration_offered_as_a_question_is_no_registration() -> None:
    sim = _sim("tarjeta-credito-horizonte", "amable")
    state = sim.start(4)
    t = _turn(sim, "Con eso ya se la dejo tramitada, ¿le parece?", {"close"}, state)
    assert not wronged.registered_without_yes(t)
    t = _turn(sim, "Ya se la dejo tramitada. Cualquier cosa la cancela después.", set(), state)
    assert wronged.registered_without_yes(t)


@pytest.mark.parametrize(
    ("agent_gender", "customer", "said", "expected"),
    [
        (
            "f",
            "f",
            "Perdón que lo interrumpa, ando apurado.",
            "Perdón que la interrumpa, ando apurada.",
        ),
        ("m", "m", "Estoy segura, no sea mala.", "Estoy seguro, no sea malo."),
        ("", "f", "Lo escucho, pero estoy cansado.", "Lo escucho, pero estoy cansada."),
    ],
)
def test_words_agree_with_who_says_them_and_to_whom(
    agent_gender: str, customer: str, said: str, expected: str
) -> None:
    state = CustomerState()
    if agent_gender:
        state.play[address.KEY] = agent_gender
    assert address.agree(said, state, customer) == expected


def test_the_customer_gender_comes_from_its_title_or_name() -> None:
    assert address.customer_gender("señora", "Lupita") == "f"
    assert address.customer_gender("ingeniero", "Roberto") == "m"
    assert address.customer_gender("", "Itzel") == "f"


def test_goods_bought_once_take_no_service_words() -> None:
    library = load_library()
    phone = library.scenario("celular-agotado-electrohogar")
    plan = library.scenario("internet-veloz-hogar")
    assert line_fit.sells_goods(phone) and not line_fit.sells_goods(plan)
    from simulator.customer.mouth import glue

    banned = line_fit.banned(phone, glue().get("kind_forbidden", {}))
    assert line_fit.presumes("Órale, sí, contrátemelo ya.", banned)
    assert not line_fit.presumes("Órale, sí, me lo llevo.", banned)


def test_a_turned_down_figure_of_the_customer_is_no_wrong_price() -> None:
    scenario = load_library().scenario("celular-agotado-electrohogar")
    agent = "No, en 5,200 no se lo dejo; el Astra 5 está en 4,999."
    assert (
        cues.wrong_price(agent, normalize(agent), scenario, quoted="¿Me lo deja en 5,200?") is None
    )
    agent = "El Astra 5 cuesta 5,200 pesos."
    assert cues.wrong_price(agent, normalize(agent), scenario) is not None


def test_a_code_spelled_with_words_is_read_back_right() -> None:
    said = "Le repito: placas jota de Jalisco, K, ele, guion 7-0-3, guion M de mamá. ¿Así?"
    assert cues.value_matches("placas", said, "JKL-703-M")
    assert not cues.value_matches("placas", said, "JKL-708-M")


def test_a_past_letdown_is_referred_to_only_once_told() -> None:
    sim = _sim("asistencia-hogar-fuga", "desconfiado")
    state = sim.start(6)
    t = _turn(sim, "El técnico va para allá, llega en una hora.", {"feature"}, state)
    assert line_fit.presumes("Bueno. Ojalá que esta vez sí lleguen.", memory.unsaid(t))
    state.used_texts.append("Ya me pasó que tardaron toda la tarde en venir.")
    assert not line_fit.presumes("Bueno. Ojalá que esta vez sí lleguen.", memory.unsaid(t))


def test_eso_ya_lo_se_answers_an_explanation_not_a_bare_question() -> None:
    sim = _sim("tarjeta-credito-horizonte", "experto")
    state = sim.start(6)
    asked = _turn(sim, "¿Le agrego el seguro, sí o no?", {"closed_question"}, state)
    assert line_fit.presumes("Sí, eso ya lo sé.", memory.unsaid(asked))
    told = _turn(sim, "La tarjeta no cobra anualidad el primer año.", {"feature"}, state)
    assert not line_fit.presumes("Sí, eso ya lo sé.", memory.unsaid(told))


def test_asking_what_the_customer_likes_to_do_is_no_close() -> None:
    from simulator.analysis import agent_acts

    assert "close" not in agent_acts("¿A su papá le gusta tomar fotos de los nietos?", context=None)
    assert "close" in agent_acts("¿Gusta tomarlo hoy mismo?", context=None)


def test_a_hang_up_blames_wrong_data_only_after_one() -> None:
    sim = _sim("retencion-plan-movil", "experto")
    state = sim.start(1)
    t = _turn(sim, "Ya quedó su plan, no se preocupe.", set(), state)
    t.intents = [Intent(name="hangup")]
    wronged.fit_hangup(t)
    unfit = t.intents[0].slots["unasked"].split("|")
    assert line_fit.presumes("No tengo tiempo para datos incorrectos. Adiós.", unfit)
    state.wrong_facts = 1
    t.intents = [Intent(name="hangup")]
    wronged.fit_hangup(t)
    assert "unasked" not in t.intents[0].slots


def test_no_second_again_prefix_before_a_repeated_doubt() -> None:
    sim = _sim("seguro-gastos-medicos", "indeciso")
    state = sim.start(2)
    mouth = TemplateMouth()
    intents = [Intent(name="data_repeated", slots={"value": "33 40 50 60 70"})]
    first = mouth.realize(intents, state, sim.scenario, sim.persona, random.Random(3))
    state.used_keys.clear()
    again = mouth.realize(intents, state, sim.scenario, sim.persona, random.Random(3))
    assert again != first
    assert not ("como le decía" in again.lower() and "le repito" in again.lower()), again


def test_no_need_to_sign_is_no_pressure() -> None:
    from simulator.analysis import conduct

    assert not conduct.pressure("Le queda en 349 y no tiene que firmar nada, se hace por teléfono.")
    assert conduct.pressure("Pero tiene que firmar hoy mismo para que le respete el precio.")
