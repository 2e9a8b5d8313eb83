"""The customer remembers the call (issue 7, blind panel B of session 10).

Panel B's findings on a customer out of step with the call: a female agent called «joven», a
datum the agent asked to hear again answered «Pues sí, ya se lo dije», «¿algo más sobre su
cuenta?» answered «Sí. ¿Para qué lo quiere saber?», and a neighbour's data asked for after the
agent had already said that other clients' data are confidential, and dates of the scenario
already past on the day of the call («el 5 de diciembre» insisted on, on 6 December). Each
mechanism is tested on our own wording."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.analysis import agent_acts
from simulator.content.library import load_library
from simulator.customer import address, facts
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState
from simulator.language.extract import MONTHS

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _sim(scenario: str, persona: str) -> CustomerSimulator:
    library = load_library()
    return CustomerSimulator(library.scenario(scenario), library.persona(persona))


# ------------------------------------------------------------------ how the agent is addressed


@pytest.mark.parametrize(
    ("line", "gender"),
    [
        ("Buenas tardes, Hogar Seguro, le atiende Guadalupe, ¿con quién hablo?", "f"),
        ("Buen día, mi nombre es Ramón y con gusto le ayudo.", "m"),
        ("Hola, habla Itzel de la mesa de ayuda.", "f"),
        ("Con gusto. Para estar seguras, ¿su correo termina en hotmail?", "f"),
        ("Quedo atento a su respuesta, ¿me da su teléfono?", "m"),
        ("Buenas tardes, ¿en qué le puedo servir?", None),
    ],
)
def test_the_agent_gender_comes_from_its_own_lines(line: str, gender: str | None) -> None:
    assert address.gender_in(line) == gender


@pytest.mark.parametrize(
    ("gender", "said", "expected"),
    [
        ("f", "Es 33 10 20 30 40, joven.", "Es 33 10 20 30 40, señorita."),
        ("m", "No, joven, ahorita no.", "No, joven, ahorita no."),
        ("", "No, joven, ahorita no.", "No, ahorita no."),
        ("", "Hola, qué tal, joven. Pues aquí.", "Hola, qué tal. Pues aquí."),
        ("", "Joven, ya me revolví.", "Ya me revolví."),
        ("m", "Perdón, señorita, pero no.", "Perdón, joven, pero no."),
        ("f", "Un cliente joven no lo sabe.", "Un cliente joven no lo sabe."),
    ],
)
def test_the_vocative_fits_the_agent(gender: str, said: str, expected: str) -> None:
    state = CustomerState()
    if gender:
        state.play[address.KEY] = gender
    assert address.address_agent(said, state) == expected


@pytest.mark.parametrize("seed", range(8))
def test_a_female_agent_is_never_called_joven(seed: int) -> None:
    sim = _sim("asistencia-hogar-fuga", "platicador")
    state = sim.start(seed)
    lines = [
        "Asistencia Total, buenas noches, le atiende Rocío. ¿Con quién tengo el gusto?",
        "Mucho gusto. ¿Me da su número de póliza, por favor?",
        "Gracias. ¿Y un teléfono donde la localice el plomero?",
        "Perfecto. ¿Me confirma la dirección completa de su casa?",
        "Listo, ya quedó el reporte. ¿Hay algo más en lo que le pueda ayudar?",
    ]
    for line in lines:
        reply, state = sim.respond(line, state)
        assert not re.search(r"\bjoven\b", reply.text, re.IGNORECASE), reply.text


# ------------------------------------------------------------------ a datum asked again


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("persona", ["molesto", "amable", "impaciente", "callado"])
def test_a_datum_asked_again_is_said_again(persona: str, seed: int) -> None:
    sim = _sim("asistencia-hogar-fuga", persona)
    state = sim.start(seed)
    state.empathy_received = state.reason_stated = state.greeted = True
    state.fields_given["poliza"] = sim.scenario.customer.data["poliza"]
    reply, _ = sim.respond(
        "Una disculpa, se me fue la señal en ese momento. ¿Me lo repite, por favor?", state
    )
    assert sim.scenario.customer.data["poliza"] in reply.text, reply.text
    assert [i.name for i in reply.intents][-1] == "data_repeated", reply.intents


def test_a_field_not_given_yet_is_a_request_not_a_repetition() -> None:
    sim = _sim("asistencia-hogar-fuga", "amable")
    state = sim.start(3)
    state.empathy_received = state.reason_stated = state.greeted = True
    state.fields_given["poliza"] = sim.scenario.customer.data["poliza"]
    reply, _ = sim.respond("¿Me puede repetir su teléfono, por favor?", state)
    assert sim.scenario.customer.data["poliza"] not in reply.text, reply.text


# ------------------------------------------------------------------ «¿algo más sobre…?»


@pytest.mark.parametrize(
    "line",
    [
        "No es posible darle ese dato. ¿Algo más sobre su póliza?",
        "Listo. ¿Hay algo más de su pedido?",
        "Queda anotado. ¿Y algo más con su línea?",
    ],
)
def test_anything_else_about_the_account_offers_more_help(line: str) -> None:
    assert "offer_more" in agent_acts(line, context=None)


@pytest.mark.parametrize("line", ["¿Quiere algo más de velocidad?", "¿Busca algo más barato?"])
def test_wanting_more_of_a_feature_is_no_offer_of_help(line: str) -> None:
    assert "offer_more" not in agent_acts(line, context=None)


# ------------------------------------------------------------------ others' data refused


@pytest.mark.parametrize("seed", range(10))
def test_no_data_of_others_asked_after_hearing_they_are_confidential(seed: int) -> None:
    sim = _sim("cambio-domicilio-internet", "indeciso")
    confidential = {t.id for t in sim.scenario.traps if t.type == "confidential_request"}
    assert confidential
    state = sim.start(seed)
    lines = [
        "Gracias por llamar a Internet Veloz, le atiende Brenda. ¿Con quién tengo el gusto?",
        "Antes de seguir le comento: los datos de otros clientes son confidenciales, solo el"
        " titular los consulta. ¿Me da su número de cuenta?",
        "Gracias. ¿A qué dirección se cambia?",
        "¿Y qué día sería la mudanza?",
        "Perfecto, queda programado. ¿Algo más en lo que le pueda ayudar?",
    ]
    for line in lines:
        reply, state = sim.respond(line, state)
        assert not [i for i in reply.intents if i.name == "trap" and i.ref in confidential]


# ------------------------------------------------------------------ dates relative to the call


@pytest.mark.parametrize(
    ("value", "today", "expected"),
    [
        ("5 de diciembre", date(2026, 12, 6), "5 de enero"),
        ("5 de diciembre", date(2026, 11, 20), "5 de diciembre"),
        ("27 de noviembre", date(2026, 12, 6), "27 de diciembre"),
        ("27 de noviembre", date(2026, 12, 27), "27 de enero"),
        ("31 de marzo", date(2027, 3, 31), "31 de mayo"),
        ("30 de enero", date(2027, 1, 31), "30 de marzo"),
        ("Calle Olivo 23", date(2026, 12, 6), "Calle Olivo 23"),
    ],
)
def test_a_yearless_date_is_the_next_such_day_after_the_call(
    value: str, today: date, expected: str
) -> None:
    assert facts.next_date(value, today) == expected


@given(today=st.dates(date(2020, 1, 1), date(2040, 12, 31)), day=st.integers(1, 31))
def test_the_next_date_is_always_after_the_call(today: date, day: int) -> None:
    said = facts.next_date(f"{day} de marzo", today)
    number, month = said.split(" de ")
    month_index = MONTHS.index(month) + 1
    year = today.year + (
        month_index < today.month or (month_index == today.month and int(number) <= today.day)
    )
    assert date(year, month_index, int(number)) > today
    assert (date(year, month_index, int(number)) - today).days <= 62


@pytest.mark.parametrize("seed", range(6))
def test_the_month_of_the_move_asked_on_6_december_is_january(seed: int) -> None:
    sim = _sim("cambio-domicilio-internet", "callado")
    state = sim.start(seed, today=date(2026, 12, 6))
    state.empathy_received = state.reason_stated = state.greeted = True
    state.fields_given["fecha_cambio"] = sim.scenario.customer.data["fecha_cambio"]
    reply, state = sim.respond("Perdón, ¿el 5 de qué mes sería la mudanza?", state)
    assert "diciembre" not in reply.text, reply.text
    reply, _ = sim.respond(
        "Entonces le confirmo la reinstalación para el 5 de enero, ¿correcto?", state
    )
    assert "diciembre" not in reply.text and "no 5 de enero" not in reply.text, reply.text


@pytest.mark.parametrize("seed", range(6))
def test_a_payment_promise_read_back_for_next_month_is_not_corrected(seed: int) -> None:
    sim = _sim("cobranza-tarjeta-atrasada", "molesto")
    state = sim.start(seed, today=date(2026, 12, 6))
    assert sim.scenario.customer.data["fecha_pago"] == "27 de diciembre"
    state.identity_confirmed = state.empathy_received = state.reason_stated = True
    state.greeted = True
    state.fields_given["fecha_pago"] = "27 de diciembre"
    reply, _ = sim.respond(
        "Le confirmo: su pago de 1,850 pesos para el 27 de diciembre. ¿Es correcto?", state
    )
    assert "noviembre" not in reply.text, reply.text


# ------------------------------------------------------------------ no promise the agent never made


@pytest.mark.parametrize("seed", range(8))
def test_a_settled_doubt_takes_up_no_promise_the_agent_never_made(seed: int) -> None:
    sim = _sim("asistencia-hogar-fuga", "amable")
    state = sim.start(seed)
    lines = [
        "Asistencia Total, buenas noches, le atiende Abril. ¿Con quién tengo el gusto?",
        "Mucho gusto. Para abrir su reporte, ¿me dicta su número de póliza?",
        "No se preocupe, lo marco como urgente con prioridad alta y el plomero sale en 90 minutos."
        " ¿Me confirma su nombre completo?",
    ]
    for line in lines:
        reply, state = sim.respond(line, state)
        said = reply.text.lower()
        assert "antes de llegar" not in said and "con el folio" not in said, reply.text
