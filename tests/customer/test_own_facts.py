"""The customer keeps what it said about itself and what it heard (issue 7 items 2 and 4).

Blind panel I found a customer who said «sí» to a change of address in the last twelve months and
«no» when the agent asked about «este último año», one who took an add-on and said «no» to its
plain confirmation, one who asked when a change applies after the agent had said it, and one who
greeted a delivery time said for the second time as news. Each mechanism is tested on our own
wording, with seeded properties over several personas.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import memory, mouth, own_facts
from simulator.customer.simulator import CustomerSimulator

pytestmark = pytest.mark.usefixtures("bundled_content_only")

YES = {"short_yes", "acceptance", "identity_confirm", "data_confirm_yes", "agree_summary"}
NO = {"short_no", "refusal"}


def _sim(scenario: str, persona: str) -> CustomerSimulator:
    library = load_library()
    return CustomerSimulator(library.scenario(scenario), library.persona(persona))


def _side(names: set[str]) -> str:
    return "yes" if names & YES and not names & NO else "no" if names & NO else ""


# ------------------------------------------------------------------ one fact, two wordings


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "¿Su servicio ya lo cambió de domicilio en los últimos 12 meses?",
            "Y ese cambio de domicilio, ¿fue en el último año?",
        ),
        (
            "Para el trámite: ¿usted es el titular de la cuenta?",
            "Perdón, me distraje: ¿el titular es usted?",
        ),
    ],
)
def test_two_wordings_of_one_fact_share_their_content(first: str, second: str) -> None:
    a = own_facts.content(own_facts._question(first))
    b = own_facts.content(own_facts._question(second))
    assert own_facts.same_fact(a, b), (a, b)


def test_an_answer_kept_is_recalled_for_the_same_fact_only() -> None:
    sim = _sim("cambio-domicilio-internet", "amable")
    state = sim.start(1)
    state.play[own_facts.KEY + "cambi domic ultimo_ano"] = own_facts.NO
    reply, _ = sim.respond(
        "Gracias. Y sobre ese cambio de domicilio, ¿fue en este último año?", state
    )
    assert not {i.name for i in reply.intents} & YES, reply.text
    assert own_facts.recall_for("¿Le gusta el color azul del módem nuevo?", state) is None


@pytest.mark.parametrize("persona", ["amable", "impaciente", "callado", "indeciso"])
@pytest.mark.parametrize("seed", range(12))
def test_no_fact_about_itself_is_answered_both_ways(persona: str, seed: int) -> None:
    sim = _sim("cambio-domicilio-internet", persona)
    state = sim.start(seed)
    state.empathy_received = state.reason_stated = state.greeted = True
    state.identity_confirmed = True
    turns = [
        "Le aviso que el cambio es sin costo una vez al año. "
        "¿Ya había cambiado su servicio de domicilio en los últimos doce meses?",
        "Entiendo. Le comento que la reinstalación se programa con tres días de anticipación.",
        "Nada más para no equivocarme con el cargo: ese cambio de domicilio, "
        "¿fue en este último año?",
    ]
    sides = []
    for line in turns:
        reply, state = sim.respond(line, state)
        sides.append(_side({i.name for i in reply.intents}))
    first, last = sides[0], sides[-1]
    assert not (first and last and first != last), (sides, state.play)


# ------------------------------------------------------------------ an offer taken stays taken


@pytest.mark.parametrize("persona", ["amable", "callado", "indeciso", "regateador"])
@pytest.mark.parametrize("seed", range(10))
def test_an_add_on_taken_is_not_refused_at_its_plain_confirmation(persona: str, seed: int) -> None:
    sim = _sim("tarjeta-credito-horizonte", persona)
    state = sim.start(seed)
    state.empathy_received = state.reason_stated = state.greeted = True
    state.identity_confirmed = True
    state.play[own_facts.OFFER + "59.0"] = own_facts.YES  # it said «sí, lo quiero» to it
    reply, _ = sim.respond(
        "Va. Le repito: asistencia en viajes, 59 pesos al mes, se cancela cuando guste. "
        "¿Se la dejo en su solicitud?",
        state,
    )
    assert not {i.name for i in reply.intents} & {"short_no"}, reply.text


# ------------------------------------------------------------------ a term stated is not asked


def test_a_stated_start_and_a_bill_credit_are_topics_heard() -> None:
    heard = memory.topics_answered(
        "el ajuste entra a partir de su siguiente corte y el descuento sale en su proximo recibo"
    )
    assert "bill_credit" in heard
    lines = memory.topic_lines(["bill_credit", "delivery"])
    assert "se ve en el siguiente recibo" in lines and "cuando se aplica" in lines


@pytest.mark.parametrize("persona", ["impaciente", "amable", "desconfiado", "molesto"])
@pytest.mark.parametrize("seed", range(8))
def test_a_bill_credit_stated_is_never_asked_again(persona: str, seed: int) -> None:
    sim = _sim("queja-internet-sin-servicio", persona)
    state = sim.start(seed)
    state.empathy_received = state.reason_stated = state.greeted = True
    state.identity_confirmed = True
    state.interest = 90
    turns = [
        "Le pido una disculpa por los días sin servicio. Los días que no tuvo internet se le "
        "descuentan en su siguiente recibo, sin que tenga que hacer nada.",
        "Además le agendo la visita del técnico para el siguiente día hábil.",
        "Su folio queda registrado. ¿Algo más en que le pueda ayudar?",
    ]
    for line in turns:
        reply, state = sim.respond(line, state)
        assert "recibo?" not in reply.text.replace("¿", ""), reply.text


def test_a_figure_said_again_is_no_news() -> None:
    sim = _sim("celular-agotado-electrohogar", "indeciso")
    state = sim.start(4)
    state.greeted = True
    for line in (
        "El envío es gratis y tarda de 4 a 6 días hábiles.",
        "Como le decía, son de 4 a 6 días hábiles; por eso conviene apartarlo hoy.",
    ):
        reply, state = sim.respond(line, state)
    assert state.play.get(memory.FIGURES_NEW) == "0"
    assert "no lo sabia" not in reply.text.lower().replace("í", "i"), reply.text


# ------------------------------------------------------------------ a need asked again


@pytest.mark.parametrize(
    ("said", "rest"),
    [
        (
            "Me cambiaron de turno en la fábrica, y ahora salgo hasta las diez de la noche.",
            "Ahora salgo hasta las diez de la noche.",
        ),
        ("Lo uso para vender por internet; pero se me cae a cada rato.", "Se me cae a cada rato."),
        ("Lo uso nada más para ver series.", "Lo uso nada más para ver series."),
    ],
)
def test_a_terse_customer_asked_again_says_what_it_left_out(said: str, rest: str) -> None:
    assert mouth.rest_clause(said) == rest


@pytest.mark.parametrize("seed", range(8))
def test_a_terse_customer_does_not_retell_the_same_clause(seed: int) -> None:
    sim = _sim("cobranza-tarjeta-atrasada", "callado")
    state = sim.start(seed)
    state.identity_confirmed = state.greeted = True
    said = []
    for line in (
        "Le llamo por los dos pagos atrasados de su tarjeta. ¿Qué pasó, por qué no ha podido pagar?",
        "Lo siento mucho. ¿Y cómo está su situación ahora?",
    ):
        reply, state = sim.respond(line, state)
        said.append(reply.text)
    assert said[0] != said[1], said
