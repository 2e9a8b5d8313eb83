"""Findings of the session 8 blind panel (trainers w, x, y), fixed in general and tested here on
our own new sentences (never the scripts' lines):
- a secret named as what is NOT asked («ninguno es su NIP») is no secret request;
- the customer's own family in a statement is no request for someone else's data;
- an amount belongs to the product the turn is about (a cap of that product is no price error);
- «el tiempo depende de…» answers «¿cuánto tardan?»;
- the customer's explicit «me quedo» is its decision, and a yes once given stands at a test
  question while the data are taken; «¿autoriza el cargo?» is a close;
- an e-mail spelled back with its parts apart is a read-back; «¿para qué lo va a usar?» is open;
  «Con Julián Ortega, a sus órdenes» gives the name;
- after «no me vuelvan a llamar», a respectful «¿algo más?» gets a goodbye, not a hang-up;
- a recommendation for the customer's situation ties a benefit to the need."""

from __future__ import annotations

import pytest

from simulator.analysis import conduct
from simulator.analysis.agent import tag_agent
from simulator.analysis.customer import tag_customer
from simulator.customer import brain, closing_moves
from simulator.customer.cues import wrong_price
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.extract import email_spelled_in
from simulator.language.names import extract_name
from simulator.language.normalize import normalize
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from tests.unit.test_customer_brain import mini_scenario, persona

# ----------------------------------------------------------------------------- secrets (w-08)


@pytest.mark.parametrize(
    "line",
    [
        "Le voy a pedir tres datos, ninguno es su NIP ni su clave. ¿Me dice su nombre completo?",
        "Para el trámite no necesito su contraseña; ¿me confirma su correo?",
        "Con su nombre y su fecha basta, nada de claves. ¿Cuál es su fecha de nacimiento?",
        "Ninguno de estos datos es contraseña. ¿Me da un teléfono de contacto?",
    ],
)
def test_a_secret_named_as_not_asked_is_no_request(line: str) -> None:
    assert not conduct.asks_secret(line)


@pytest.mark.parametrize(
    "line",
    [
        "Su correo ya lo tengo. ¿Me dicta su NIP para validar?",
        "No necesito su clave de la app, solo su NIP: ¿cuál es?",
        "Ninguno es contraseña. Ahora, ¿me da los tres números de atrás de su tarjeta?",
    ],
)
def test_a_real_secret_request_next_to_a_reassurance_still_counts(line: str) -> None:
    assert conduct.asks_secret(line)


# ------------------------------------------------------------------------ third party (y-09)

PLANS = [
    {
        "name": "Seguro Hogar Básico",
        "aliases": ["básico"],
        "price": 300,
        "period": "mes",
        "features": ["Tope de 50,000 pesos por robo"],
    },
    {
        "name": "Seguro Hogar Total",
        "aliases": ["total"],
        "price": 520,
        "period": "mes",
        "features": ["Tope de 150,000 pesos por robo", "Deducible de 2,000 pesos"],
    },
]


def _sale(turns: list[tuple[str, str]]) -> Transcript:
    return Transcript.model_validate(
        {
            "kind": "sale",
            "catalog": PLANS,
            "turns": [{"speaker": s, "text": t} for s, t in turns],
        }
    )


def _codes(turns: list[tuple[str, str]]) -> list[str]:
    return [e.code for e in score_transcript(_sale(turns)).critical_errors]


def test_the_customers_own_family_in_a_statement_is_no_third_party_request() -> None:
    turns = [
        ("agent", "Buenas tardes, le habla Irene de Seguros Casa Firme. ¿Cómo puedo ayudarle?"),
        (
            "customer",
            "Le pregunto porque el robo en la casa de mi hermana nos dejó con miedo. ¿El Total"
            " cubre el robo de la tele?",
        ),
        ("agent", "Sí, el Total cubre el robo con tope de 150,000 pesos y cuesta 520 al mes."),
    ]
    assert "confidential_disclosure" not in _codes(turns)
    asked = [
        turns[0],
        ("customer", "¿Me dice cuánto paga el seguro de mi hermana? Ella es clienta."),
        ("agent", "Claro, su hermana paga 780 pesos al mes."),
    ]
    assert "confidential_disclosure" in _codes(asked)


# ------------------------------------------------------------------ amounts and products (x-01)


def test_a_cap_belongs_to_the_product_the_turn_is_about() -> None:
    turns = [
        ("agent", "Buenas tardes, le habla Irene de Seguros Casa Firme. ¿En qué le ayudo?"),
        ("customer", "Quiero asegurar mi casa. ¿Qué me ofrece?"),
        (
            "agent",
            "El Total tiene deducible de 2,000 pesos; el Básico lo tiene sin deducible. Si le"
            " roban, usted recibe el valor de lo robado, y nunca más de 150,000 pesos.",
        ),
    ]
    assert "inaccurate_information" not in _codes(turns)
    priced = [*turns[:2], ("agent", "El Básico cuesta 150,000 pesos al mes.")]
    assert "inaccurate_information" in _codes(priced)


# ---------------------------------------------------------------- late / conditional answers (w-06)


def test_what_the_wait_depends_on_answers_how_long() -> None:
    turns = [
        ("agent", "Buenas tardes, Asistencia Hogar, le atiende Raúl. ¿En qué le ayudo?"),
        ("customer", "Se me botó la chapa de la puerta. ¿Cuánto tarda el cerrajero?"),
        (
            "agent",
            "Lo entiendo, vamos a resolverlo. La llegada depende de la zona: ¿en qué colonia"
            " se encuentra?",
        ),
    ]
    card = score_transcript(_sale(turns))
    missing = " ".join(card.elements["needs_detection"].missing)
    assert "sin respuesta" not in missing


# --------------------------------------------------------------------------- consent (x-06, w-03)


@pytest.mark.parametrize(
    ("line", "yes"),
    [
        ("Bueno, con las llamadas incluidas y sin plazo, me quedo.", True),
        ("Ok, me quedo con el paquete de 20 gigas.", True),
        ("Si me lo baja a 250 como la otra compañía, me quedo.", False),
        ("Bueno, me quedo con la duda, luego le marco.", False),
        ("Lo quiero para la oficina de mi esposa.", False),
        ("Se lo quiero regalar a mi papá.", False),
        ("Apúntele: 33 98 76 54 32.", False),
        ("Sí, apúntemelo y me lo manda.", True),
    ],
)
def test_explicit_acceptances_and_lookalikes(line: str, yes: bool) -> None:
    assert ("acceptance" in tag_customer(line).acts) is yes


def test_a_customer_who_says_me_quedo_has_decided() -> None:
    sim = CustomerSimulator(mini_scenario(), persona())
    state = sim.start(3)
    state.presented = True
    turn = Turn("¿Qué le parece?", "que le parece ?", {"closed_question"}, state, sim.scenario,
                sim.persona)  # fmt: skip
    said = [Intent(name="objection_softened", ref="precio")]
    assert closing_moves.accepted_in_words("Bueno, visto así, me quedo con el de 200.", said, turn)
    assert not closing_moves.accepted_in_words("Ok, es razonable. Es todo por hoy.", said, turn)
    trap = [Intent(name="trap")]
    assert not closing_moves.accepted_in_words("Si me lo deja en 399, me quedo.", trap, turn)


def test_a_yes_already_given_stands_at_a_test_question_during_the_data() -> None:
    sim = CustomerSimulator(mini_scenario(), persona())
    state = sim.start(5)
    state.accepted = True
    text = "Entonces le registro el plan. ¿A qué teléfono le marcamos?"
    turn = Turn(text, normalize(text), {"close", "data_request"}, state, sim.scenario, sim.persona)
    brain._record_decision(turn, [Intent(name="data_given"), Intent(name="trap")], True)
    assert state.decision is None  # no «hesitated» on top of the yes


@pytest.mark.parametrize(
    "line",
    [
        "Le repito su pedido: lavadora de 18 kilos en 8,999. ¿Y usted autoriza el cargo?",
        "Con eso quedaría todo, ¿me confirma que está de acuerdo y que acepta la contratación?",
    ],
)
def test_asking_for_the_authorisation_is_a_close(line: str) -> None:
    assert "close" in tag_agent(line, None)


def test_a_difference_between_prices_is_no_wrong_price_for_the_customer() -> None:
    scenario = mini_scenario()
    line = "El Plan Hogar 200 megas cuesta 499, o sea 100 pesos menos que el de 100 megas más TV."
    assert wrong_price(line, normalize(line), scenario) is None
    wrong = "El Plan Hogar 200 megas cuesta 459 al mes."
    assert wrong_price(wrong, normalize(wrong), scenario) is not None


# ----------------------------------------------------------------------------- read-backs (y-02)


@pytest.mark.parametrize(
    ("said", "same"),
    [
        ("Se lo leo: j, o, r, g, e, punto, luna, arroba, hotmail punto com.", True),
        ("Anoto jorge luna arroba hotmail punto com, ¿sí?", False),  # the dot is missing
        ("Le confirmo: jorge punto luna arroba hot mail punto com.", True),
        ("Le confirmo: jorge punto lunas arroba hotmail punto com.", False),
    ],
)
def test_an_email_read_back_with_its_parts_apart(said: str, same: bool) -> None:
    assert email_spelled_in("jorge.luna@hotmail.com", said) is same


def test_what_the_customer_will_use_it_for_is_an_open_question() -> None:
    assert "open_question" in tag_agent("¿Y para qué la va a ocupar más, señor?", None)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Mmm… con Julián Ortega Ríos, a sus órdenes.", "Julián Ortega Ríos"),
        ("Con Ana María de la Peña, para servirle.", "Ana María de la Peña"),
        ("O sea, me cobraron de más el mes pasado.", None),
        ("Bueno, la verdad, no sé.", None),
    ],
)
def test_a_name_before_a_courtesy(line: str, name: str | None) -> None:
    assert extract_name(line) == name


# --------------------------------------------------------------------------- do-not-call (y-04)


def test_a_respectful_offer_of_more_help_after_do_not_call_gets_a_goodbye() -> None:
    line = "Claro que sí, lo respeto; dejo su número para que no le vuelvan a marcar. ¿Algo más?"
    assert conduct.respects_do_not_call(line)
    assert not conduct.persuades(line)
    sim = CustomerSimulator(mini_scenario(), persona())
    state = sim.start(2)
    state.do_not_call = True
    reply, state = sim.respond_to_acts(line, ["acknowledgement", "offer_more"], state)
    assert not reply.hung_up
    assert "farewell" in reply.intent_names


# ---------------------------------------------------------------------- benefit tied (w-09)


@pytest.mark.parametrize(
    "line",
    [
        "Para una persona que maneja a diario como usted, le recomiendo la cobertura amplia.",
        "Con el plan Total, lo máximo que saldría de su bolsa en un robo es de 2,000 pesos.",
    ],
)
def test_a_recommendation_for_the_customers_situation_is_a_benefit(line: str) -> None:
    assert "benefit" in tag_agent(line, None)
