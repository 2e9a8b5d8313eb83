"""Scorer findings of blind panel v (session 8), on our own values and lines:
- a full date is the same date written «02/09/1984» or «2 de septiembre de 1984»;
- «el 5» / «5 del próximo mes» is the day the customer gave for a yearless date;
- an address said with «…, ¿sí lo anotó bien?» ends before the question;
- «si por algo no le llega hoy, yo le doy seguimiento» is a promise, not condescension;
- a long free-text capture is read back in fewer words («fuga en el tubo…»)."""

from __future__ import annotations

import pytest

from simulator.analysis import conduct
from simulator.language.extract import field_matches
from simulator.scoring import lang
from simulator.scoring import text as tx
from simulator.scoring.elements_data import _safe_matches


@pytest.mark.parametrize(
    ("given", "same"),
    [
        ("2 de septiembre de 1984", True),
        ("el 2 de septiembre de 1984", True),
        ("02-09-1984", True),
        ("3 de septiembre de 1984", False),
        ("2 de septiembre de 1985", False),
    ],
)
def test_a_full_date_in_words_or_digits(given: str, same: bool) -> None:
    assert field_matches("fecha_nacimiento", "02/09/1984", given) is same


@pytest.mark.parametrize(
    ("given", "same"),
    [
        ("el 5", True),
        ("5 del próximo mes", True),
        ("el día 5 de este mes", True),
        ("6 del próximo mes", False),
    ],
)
def test_the_day_the_customer_said_for_a_yearless_date(given: str, same: bool) -> None:
    assert field_matches("fecha_cambio", "5 de diciembre", given) is same


def test_an_address_ends_before_the_customers_question() -> None:
    said = (
        "Es Avenida Universidad 845, departamento 302, colonia Del Valle, en la Ciudad de México,"
        " ¿sí lo anotó bien?"
    )
    value = lang.field_value("direccion_nueva", said, tx.fold(said))
    assert (
        value
        == "Avenida Universidad 845, departamento 302, colonia Del Valle, en la Ciudad de México"
    )
    assert _safe_matches(
        "direccion_nueva", str(value), "Avenida Universidad 845, depto. 302, Col. Del Valle, CDMX"
    )


def test_a_conditional_promise_is_not_condescension() -> None:
    assert (
        conduct.disrespect_kind("Si por algo no le llegara hoy, yo mismo le doy seguimiento.")
        is None
    )
    assert (
        conduct.disrespect_kind("Pues por algo no le aprobaron el crédito, ¿no?") == "condescension"
    )
