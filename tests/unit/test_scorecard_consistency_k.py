"""Scorecard consistency classes from blind panel K (fix-i, session 17), in our own words: closes
asked as a request for a yes, delivery questions as buying signals, a datum picked between the
agent's options counted as given, and a close quoted at its question."""

from __future__ import annotations

import pytest

from simulator.analysis.agent import tag_agent
from simulator.analysis.customer import tag_customer
from simulator.customer.choice_moves import _datum_shaped


@pytest.mark.parametrize(
    "text",
    [
        "No tiene plazo forzoso y conserva su número. ¿Le parece si se la paso?",
        "Y no paga anualidad el primer año. ¿Le parece bien que se la tramitemos?",
        "Con eso queda cubierto. ¿Se lo dejamos solicitado?",
        "Sale más barato que su plan actual. ¿Le interesaría quedarse con el de 20 gigas?",
        "Le leo sus datos: Ana Ruiz, 55 1234 5678. ¿Todo bien para registrarlo?",
    ],
)
def test_a_request_for_a_yes_is_a_close(text: str) -> None:
    assert "close" in tag_agent(text)


@pytest.mark.parametrize(
    "text",
    [
        "¿Le parece si le explico cómo funciona el plan?",
        "¿A qué hora le acomoda que le regrese la llamada?",
        "¿Le parece si lo platica con su familia y le llamo mañana?",
    ],
)
def test_an_explanation_or_a_callback_is_no_close(text: str) -> None:
    assert "close" not in tag_agent(text)


def test_asking_how_the_product_arrives_is_a_buying_signal() -> None:
    assert "buying_signal" in tag_customer("Oiga, ¿y el chip me llega a domicilio?").acts
    assert "buying_signal" in tag_customer("¿Me envían la póliza a mi correo?").acts


def test_a_complaint_about_what_arrives_is_no_buying_signal() -> None:
    tagged = tag_customer("¿Por qué el estado de mi tarjeta me llega con cargos que no hice?")
    assert "buying_signal" not in tagged.acts


def test_a_time_slot_picked_is_a_datum_of_the_same_kind() -> None:
    assert _datum_shaped("en la tarde de 15 a 19", "de 10 a 14 horas")
    assert _datum_shaped("de 10 a 14", "de 10 a 14 horas")
    assert not _datum_shaped("el plan de 20 gigas", "de 10 a 14 horas")
    assert not _datum_shaped("la Amplia", "Ana Ruiz Soto")
