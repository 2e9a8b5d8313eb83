"""The customer reacts only to what was said (issue 7, blind panel «incoherent_customer»).

Regressions from the panel's kinds of failure: a wrong name is not confirmed, a line that answers
something never said («No le voy a dar datos» to «¿qué pasó?») is not chosen, a trust doubt is
settled by «no le voy a pedir ningún dato», and a question about something already told gets it
told again, not a filler."""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import cues, facts
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState

SCENARIO = "cobranza-tarjeta-atrasada"
OPENING = [
    "Buenas tardes, ¿hablo con el señor Ernesto Vázquez Lara?",
    "Gracias, señor Ernesto. Le habla Jimena, de Banco Horizonte. Le llamo por su tarjeta de"
    " crédito. ¿Tiene un par de minutos?",
]


pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _sim(persona: str) -> CustomerSimulator:
    library = load_library()
    return CustomerSimulator(library.scenario(SCENARIO), library.persona(persona))


def _play(
    sim: CustomerSimulator, seed: int, lines: list[str]
) -> tuple[list[list[str]], list[str], CustomerState]:
    state = sim.start(seed)
    _, state = sim.first_line(state)
    names, texts = [], []
    for line in lines:
        reply, state = sim.respond(line, state)
        names.append(reply.intent_names)
        texts.append(reply.text)
    return names, texts, state


@pytest.mark.parametrize("persona", ["callado", "molesto", "desconfiado", "amable"])
def test_a_wrong_name_is_not_confirmed_and_the_right_one_is(persona: str) -> None:
    names, texts, state = _play(
        _sim(persona),
        3,
        [
            "Buenas tardes, ¿hablo con el señor Marco Antonio Ruiz?",
            "Perdón, me equivoqué de nombre. ¿Hablo con el señor Ernesto Vázquez Lara?",
        ],
    )
    assert names[0] == ["wrong_person"], texts[0]
    assert "identity_confirm" not in names[0]
    assert "identity_confirm" in names[1], texts[1]
    assert state.identity_confirmed


def test_other_person_asked_reads_the_name_after_the_identity_question() -> None:
    own = ["Ernesto Vázquez Lara", "Ernesto"]
    assert cues.other_person_asked("¿Hablo con el señor Marco Antonio Ruiz?", own)
    assert cues.other_person_asked("¿Se encuentra la señora Lupita Gómez?", own)
    assert not cues.other_person_asked("¿Hablo con el señor Vázquez?", own)
    assert not cues.other_person_asked("¿Hablo con el titular de la tarjeta?", own)
    assert not cues.other_person_asked("Buenas tardes, le habla Jimena de Banco Horizonte.", own)


def test_lines_that_presuppose_words_never_said_are_marked_unasked() -> None:
    unasked = cues.unasked(cues.normalize("¿Qué ha pasado, cómo ha estado la situación?"))
    assert "dar datos" in unasked.split("|")
    assert "me calme" in unasked.split("|")
    asked = cues.unasked(cues.normalize("¿Me confirma su número de teléfono? Cálmese, por favor."))
    assert "dar datos" not in asked.split("|")
    assert "me calme" not in asked.split("|")


@pytest.mark.parametrize("seed", range(12))
def test_an_open_question_is_not_answered_with_a_refusal_of_data(seed: int) -> None:
    for persona in ("callado", "molesto", "desconfiado", "indeciso"):
        _, texts, _ = _play(
            _sim(persona),
            seed,
            [*OPENING, "Le comento: su tarjeta tiene dos meses de atraso. ¿Qué ha pasado?"],
        )
        said = cues.normalize(texts[-1])
        assert "dar datos" not in said and "mis datos" not in said, (persona, seed, texts)
        assert "me calme" not in said, (persona, seed, texts)


@pytest.mark.parametrize("seed", range(6))
def test_a_trust_doubt_is_settled_by_saying_no_data_will_be_asked(seed: int) -> None:
    sim = _sim("callado")
    names, texts, state = _play(
        sim,
        seed,
        [
            *OPENING,
            "No le voy a pedir ningún dato de su tarjeta, señor Ernesto. Solo quiero saber qué"
            " pasó para buscar juntos una opción de pago.",
        ],
    )
    if "objection" in names[1]:  # the doubt came up at the opening: it is answered now
        assert "objection_softened" in names[2], texts
        assert "es-un-fraude" in state.objections_handled
    assert not state.hung_up


def test_asked_again_about_what_it_told_the_customer_says_it_again() -> None:
    sim = _sim("callado")
    names, texts, _ = _play(
        sim,
        1,
        [
            *OPENING,
            "No le voy a pedir ningún dato. Le comento: tiene dos meses de atraso. ¿Qué pasó?",
            "Entiendo. ¿Y qué le pasó para que se atrasara?",
        ],
    )
    told = [i for i, n in enumerate(names) if "need_statement" in n]
    assert told, texts
    assert "need_statement" in names[-1], texts
    assert "vague_answer" not in names[-1]


def test_a_yearless_scenario_date_is_said_as_the_next_such_day() -> None:
    # «27 de noviembre» in the scenario, a call in December: the customer says «el 27»
    assert facts.spoken("fecha_pago", "27 de noviembre") == "el 27"
    assert facts.relative_dates("El 27 de noviembre cobro.") == "El 27 cobro."
    assert (
        facts.relative_dates("Nací el 2 de septiembre de 1984.")
        == "Nací el 2 de septiembre de 1984."
    )
    assert cues.value_matches("fecha_pago", "Queda su pago para el viernes 27.", "27 de noviembre")
    assert not cues.value_matches("fecha_pago", "Queda su pago de 1,850 el 11.", "27 de noviembre")


@pytest.mark.parametrize("seed", range(10))
def test_collections_customer_never_names_the_scenario_month(seed: int) -> None:
    for persona in ("callado", "indeciso", "amable", "platicador"):
        _, texts, _ = _play(
            _sim(persona),
            seed,
            [
                *OPENING,
                "No le voy a pedir ningún dato. ¿Qué pasó con los pagos?",
                "Entiendo. ¿Y cuándo le pagan? ¿Cuándo cobra su quincena?",
                "Perfecto. ¿Me confirma la fecha de pago y su teléfono?",
            ],
        )
        assert not any("noviembre" in text for text in texts), (persona, seed, texts)


MOVE = [
    "Gracias por llamar a Internet Veloz, le atiende Mariana. ¿Con quién tengo el gusto y en qué"
    " le puedo servir?",
    "Con gusto. Para ubicar su cuenta, ¿me da su nombre completo y su número de cuenta, por favor?",
    "Gracias, señora Ana Laura, cuenta IV-1183002 a nombre de Ana Laura Jiménez Soto, ya la tengo."
    " ¿A qué dirección se cambia y qué día se muda?",
    "Anotado: Avenida Universidad 845, departamento 302, colonia Del Valle, CDMX, para el 5 de"
    " diciembre. El cambio no tiene costo y conserva su plan de 100 megas, su cuenta y su precio de"
    " 399. ¿A qué teléfono la contactamos para confirmar la visita?",
]


@pytest.mark.parametrize("seed", range(6))
def test_a_phone_request_is_not_answered_with_the_account_again(seed: int) -> None:
    library = load_library()
    scenario = library.scenario("cambio-domicilio-internet")
    for persona in ("impaciente", "amable", "callado"):
        sim = CustomerSimulator(scenario, library.persona(persona))
        state = sim.start(seed)
        names: list[list[str]] = []
        texts: list[str] = []
        for line in MOVE:
            reply, state = sim.respond(line, state)
            names.append(reply.intent_names)
            texts.append(reply.text)
        if "numero_cuenta" not in state.fields_given:
            continue  # this customer had not given the account yet
        # «su cuenta y su precio de 399» reads no account number: nothing to correct
        assert "data_correction" not in names[-1], (persona, texts[-1])
        assert "IV-1183002" not in texts[-1], (persona, texts[-1])
        if "data_given" in names[-1]:
            assert "34 56 78 12" in texts[-1], (persona, texts[-1])


@pytest.mark.parametrize("seed", range(8))
def test_a_cost_question_is_not_asked_after_the_cost_was_said(seed: int) -> None:
    # blind panel k-01: «¿Y tengo que pagar algo cuando llegue?» after the tope was explained
    library = load_library()
    scenario = library.scenario("asistencia-hogar-fuga")
    lines = [
        "Gracias por llamar a Asistencia Hogar, le atiende Fernanda. ¿En qué le puedo ayudar?",
        "Lamento mucho lo que está pasando. Su servicio de plomería no tiene costo: usted no paga"
        " nada mientras la reparación no pase de 1,500 pesos. ¿Qué fue lo que pasó?",
        "Entiendo. ¿Ya pudo cerrar la llave de paso?",
        "Muy bien. ¿Hasta dónde llegó el agua?",
        "De acuerdo. El técnico le llama antes de llegar. ¿Hay alguien más en casa con usted?",
    ]
    for persona in scenario.personas:
        sim = CustomerSimulator(scenario, library.persona(persona))
        state = sim.start(seed)
        for line in lines:
            reply, state = sim.respond(line, state)
            said = cues.normalize(reply.text)
            assert "pagar algo" not in said and "tengo que pagar" not in said, (persona, reply.text)
        assert "cost" in state.topics_heard
