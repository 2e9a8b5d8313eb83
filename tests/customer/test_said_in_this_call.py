"""A customer line refers only to what this call said and does not ask again what the agent's
turn answered (c3, session 22, blind panel O). Our own paraphrases of the failing classes."""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import datum_asks, presuppose, referents, said_figures, wronged
from simulator.customer.state import CustomerState
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _facts(*agent_lines: str, customer: tuple[str, ...] = ()) -> frozenset[str]:
    state = CustomerState()
    for line in agent_lines:
        referents.note(state, normalize(line))
        state.play[referents.AGENT_TEXT] = line
    state.used_texts += list(customer)
    sc = load_library().scenario("tarjeta-credito-horizonte")
    return frozenset(state.facts_heard) | referents.facts(state, sc)


@pytest.mark.parametrize(
    "line",
    [
        "Y el viaje lo quiero pagar en mensualidades.",
        "Lo del viaje también lo quisiera a meses.",
    ],
)
def test_a_trip_is_referred_to_only_once_told(line: str) -> None:
    assert not referents.fits(line, _facts("¿Para qué usaría la tarjeta?"))
    assert referents.fits(line, _facts(customer=("Queremos hacer un viaje en diciembre.",)))
    assert referents.fits(line, _facts("¿Y el viaje de fin de año cómo lo pensaba pagar?"))


@pytest.mark.parametrize(
    "line",
    ["¿Y lo del baño también me lo arreglan?", "¿Entra también el baño en lo mismo?"],
)
def test_a_bathroom_is_a_referent_only_once_someone_named_it(line: str) -> None:
    assert not referents.fits(line, _facts("Ya le mando al plomero a la cocina."))
    assert referents.fits(line, _facts("¿Tiene algo más en el baño o sólo la cocina?"))


def test_the_lookalike_of_a_sold_out_phone_needs_the_sold_out_said() -> None:
    line = "Nada más quiero saber cuál se parece al Nova X."
    assert not referents.fits(line, _facts("¿Para qué lo va a usar?"))
    assert referents.fits(line, _facts("Ese modelo está agotado, pero le tengo otro."))
    assert referents.fits(line, _facts("No tenemos existencia de ese equipo por ahora."))


@pytest.mark.parametrize("line", ["¿Y cómo se paga?", "¿Qué formas de pago manejan?"])
def test_how_to_pay_is_not_asked_after_the_forms_of_payment_were_said(line: str) -> None:
    assert referents.fits(line, _facts("Cuesta 870 pesos."))
    assert not referents.fits(line, _facts("Son 9,800 al año o 12 pagos mensuales con tarjeta."))
    assert not referents.fits(line, _facts("Lo puede pagar de contado o en mensualidades."))


@pytest.mark.parametrize(
    "line", ["Dígame con claridad las exclusiones.", "¿Y qué no cubren, a ver?"]
)
def test_exclusions_are_not_asked_right_after_they_were_said(line: str) -> None:
    assert referents.fits(line, _facts("Le cubre hospital y cirugía."))
    assert not referents.fits(line, _facts("Ojo: no cubre padecimientos preexistentes."))
    assert not referents.fits(line, _facts("Hay un periodo de espera de 10 meses."))


def test_another_option_is_not_asked_for_after_two_were_presented() -> None:
    state = CustomerState(products_mentioned=["astra-5-128", "nova-x-256"])
    sc = load_library().scenario("celular-agotado-electrohogar")
    facts = referents.facts(state, sc)
    assert not referents.fits("Bueno, ¿y qué otra opción me da?", facts)
    one = referents.facts(CustomerState(products_mentioned=["astra-5-128"]), sc)
    assert referents.fits("Bueno, ¿y qué otra opción me da?", one)


def test_why_is_not_asked_of_a_turn_that_just_said_why() -> None:
    line = "¿Y para qué necesita saber eso?"
    assert referents.fits(line, _facts("¿Tiene algún padecimiento?"))
    assert not referents.fits(line, _facts("Se lo pregunto porque eso cambia lo que le cubre."))
    assert not referents.fits(line, _facts("Es para que usted sepa qué queda fuera."))


@pytest.mark.parametrize(
    "line",
    [
        "Bueno, comparado con los 90 mil de la operación, sí conviene.",
        "Con esos 45 mil que gastamos, ya lo hubiera pagado.",
    ],
)
def test_a_figure_referred_back_to_needs_to_have_been_said(line: str) -> None:
    assert said_figures.referred(line)
    state = CustomerState()
    assert not said_figures.fits(line, said_figures.said(state))
    state.used_texts.append("Nos costó 90 mil la cirugía, y otros 45 mil de medicinas.")
    assert said_figures.fits(line, said_figures.said(state))
    assert not said_figures.referred("Pago 599 y me ofrecen 299.")


def _turn(text: str, scenario: str = "tarjeta-credito-horizonte") -> Turn:
    library = load_library()
    sc = library.scenario(scenario)
    return Turn(text, normalize(text), set(), CustomerState(), sc, library.persona("indeciso"))


@pytest.mark.parametrize(
    "text",
    [
        "¿Le tramito la tarjeta para que le llegue a su domicilio en una semana?",
        "Se la enviamos a su domicilio sin costo, ¿le parece?",
    ],
)
def test_a_delivery_to_the_home_is_no_request_for_the_address(text: str) -> None:
    assert not any(e["name"] == "mi dirección" for e in datum_asks.unheld_asked(_turn(text)))


def test_the_address_asked_for_is_still_a_request() -> None:
    asked = datum_asks.unheld_asked(_turn("¿Me da su domicilio completo, por favor?"))
    assert any(e["name"] == "mi dirección" for e in asked)


@pytest.mark.parametrize(
    "text",
    [
        "Ya quedó, ingeniero, ya tiene su plan Plus.",
        "Listo, ya está dado de alta, nada más es pagar.",
        "Perfecto, ya cuenta con su póliza.",
    ],
)
def test_a_registration_in_other_words_without_a_yes_is_protested(text: str) -> None:
    library = load_library()
    sc = library.scenario("seguro-gastos-medicos")
    turn = Turn(text, normalize(text), set(), CustomerState(), sc, library.persona("indeciso"))
    assert wronged.registered_without_yes(turn)


def test_the_known_facts_carry_the_figures_said() -> None:
    state = CustomerState()
    said_figures.note(state, "Le cuesta 1,250 al mes.")
    sc = load_library().scenario("seguro-gastos-medicos")
    assert "figure_said:1250" in presuppose.known(state, sc)


def test_a_fact_line_that_presupposes_an_unsaid_fact_gives_way_to_one_that_does_not() -> None:
    from simulator.customer import fact_match

    fact = next(f for f in fact_match.facts("celular-agotado-electrohogar") if f.key == "missing")
    facts = frozenset({"licence:computed"})
    for turn in range(4):
        text, again = fact_match.line({}, fact, turn, lambda x: referents.fits(x, facts))
        assert "se parece" not in text and not again
    text, _ = fact_match.line(
        {}, fact, 0, lambda x: referents.fits(x, facts | {"unavailable_told"})
    )
    assert text
