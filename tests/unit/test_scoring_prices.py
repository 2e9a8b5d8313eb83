"""Fairness of the price check (``inaccurate_information``): what is and is not a wrong price."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.models.scorecard import TurnActs
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

CATALOG = [
    {"name": "Plan Hogar 100 megas", "price": 399, "period": "mes"},
    {
        "name": "Plan Hogar 200 megas",
        "price": 499,
        "period": "mes",
        "conditions": ["Cambio de equipo: 250 pesos", "Instalación gratis"],
    },
    {"name": "Paquete de canales", "price": 99, "period": "mes"},
]


def price_errors(lines: list[tuple[str, str]], **fields: Any) -> list[tuple[int, str]]:
    turns = [{"speaker": "agent" if s == "a" else "customer", "text": t} for s, t in lines]
    acts = [TurnActs(index=i, speaker=t["speaker"], acts=[]) for i, t in enumerate(turns, 1)]
    data: dict[str, Any] = {"kind": "sale", "catalog": CATALOG, "turns": turns}
    data.update(fields)
    card = score_transcript(Transcript.model_validate(data), acts)
    return [
        (e.turn or 0, e.explanation)
        for e in card.critical_errors
        if e.code == "inaccurate_information"
    ]


def test_current_payment_stated_by_agent_and_its_difference_are_not_flagged() -> None:
    lines = [
        ("c", "¿Bueno?"),
        (
            "a",
            "Entiendo que el precio es importante para usted. Hoy paga unos 450; por 49 pesos "
            "más tiene el doble de velocidad. ¿Qué le parece?",
        ),
        ("c", "Es que el dinero está justo. Ya pago 450 de internet."),
    ]
    assert price_errors(lines) == []


def test_amount_the_customer_said_earlier_is_accepted() -> None:
    lines = [
        ("c", "Yo pago 650 pesos al mes."),
        ("a", "Con 650 pesos al mes ya gasta bastante; tenemos una opción mejor."),
    ]
    assert price_errors(lines) == []


def test_scenario_current_payment_explains_a_difference() -> None:
    lines = [("a", "Por solo 49 pesos extra al mes tiene el doble de velocidad.")]
    assert price_errors(lines, current_payment=450) == []


@pytest.mark.parametrize(
    "said",
    [
        "Del Plan Hogar 100 megas al Plan Hogar 200 megas son 100 pesos más al mes.",
        "El Plan Hogar 200 megas con el Paquete de canales le queda en 598 pesos al mes.",
        "Con el paquete, son 598 pesos al mes en total.",
        "El Plan Hogar 200 megas cuesta 499 pesos al mes, es decir 5,988 pesos al año.",
        "Al año son 5,988 pesos.",
        "El cambio de equipo cuesta 250 pesos.",
        "Con su compañía actual le cobran 650 pesos al mes.",
        "Usted paga hoy 720 pesos y no le funciona.",
    ],
)
def test_tolerated_amounts(said: str) -> None:
    assert price_errors([("c", "Hola."), ("a", said)]) == []


def test_difference_with_customer_amount_next_to_a_product() -> None:
    lines = [
        ("c", "Pago 450 al mes."),
        ("a", "Usted paga 450; el Plan Hogar 200 megas cuesta 499 pesos, son 49 pesos más."),
    ]
    assert price_errors(lines) == []


def test_current_bill_and_our_price_in_one_sentence() -> None:
    lines = [("a", "Hoy paga 450 y con el Plan Hogar 200 megas paga 499 pesos al mes.")]
    assert price_errors(lines) == []


def test_misstated_price_of_our_product_is_flagged() -> None:
    errors = price_errors([("a", "El Plan Hogar 200 megas cuesta 399 pesos al mes.")])
    assert [turn for turn, _ in errors] == [1]
    assert "499" in errors[0][1]


def test_misstated_price_is_flagged_even_if_the_customer_said_that_amount() -> None:
    lines = [
        ("c", "Yo pago 399."),
        ("a", "El Plan Hogar 200 megas cuesta 399 pesos al mes."),
    ]
    assert [turn for turn, _ in price_errors(lines)] == [2]


def test_usted_paga_next_to_our_product_is_still_checked() -> None:
    lines = [("a", "Con el Plan Hogar 200 megas usted paga 449 pesos al mes.")]
    assert [turn for turn, _ in price_errors(lines)] == [1]


def test_unexplained_amount_without_product_is_flagged() -> None:
    assert [t for t, _ in price_errors([("a", "El plan le queda en 350 pesos al mes.")])] == [1]


def test_a_difference_said_as_the_price_is_flagged() -> None:
    """300 = 399 − 99 is a fine difference, but not what «el plan le queda en» costs."""
    assert [t for t, _ in price_errors([("a", "El plan le queda en 300 pesos al mes.")])] == [1]
    assert price_errors([("a", "Son 300 pesos más al mes que el Paquete de canales.")]) == []


def test_savings_talk_across_clauses_is_not_a_price() -> None:
    said = "Al año usted ahorraría, comparado con lo que paga, unos 600 pesos."
    assert price_errors([("a", said)]) == []


# Blind panel, session 3: correct amounts that were punished as wrong prices (our own wording).


def test_a_price_in_a_clause_that_names_no_product_is_not_claimed_by_another_product() -> None:
    lines = [
        (
            "a",
            "No puedo bajarle el precio, pero le cuido que pague exactamente sus 499 pesos. "
            "Si busca algo más económico, el de 100 megas le queda en 399.",
        )
    ]
    assert price_errors(lines) == []


def test_an_add_on_total_is_the_sum_of_two_catalog_prices() -> None:
    lines = [("a", "Si le agrega el paquete de canales, el de 200 megas le queda en 598 al mes.")]
    assert price_errors(lines) == []


def test_a_difference_announced_at_the_start_of_the_clause_is_a_difference() -> None:
    lines = [
        (
            "a",
            "Si hoy paga 450, la diferencia con el de 200 megas es de 49 pesos al mes, "
            "y tiene el doble de velocidad.",
        )
    ]
    assert price_errors(lines) == []


def test_insurance_coverage_amounts_are_not_prices() -> None:
    lines = [
        (
            "a",
            "El de 200 megas incluye responsabilidad civil por 3 millones de pesos y 12,000 pesos "
            "por evento; cuesta 499 al mes.",
        )
    ]
    assert price_errors(lines) == []


def test_a_wrong_price_next_to_the_product_is_still_flagged() -> None:
    lines = [("a", "El Plan Hogar 200 megas le cuesta 399 pesos al mes.")]
    assert price_errors(lines)


def test_keeping_or_choosing_a_plan_by_its_number_is_no_price() -> None:
    """Blind panel F (zq-06): «si se queda en 100» names the 100-megas plan; our own wordings."""
    lines = [
        (
            "a",
            "Si decide quedarse en 100, le reinstalamos todo igual; si se pasa al de 200, cambia el módem.",
        ),
        ("a", "Usted escoge el de 200 o sigue con el de 100, como le acomode."),
    ]
    assert price_errors(lines) == []
    # a wrong price is still a wrong price, even after a plan's number
    assert [
        t
        for t, _ in price_errors([("a", "Si se queda en el de 100, le queda en 620 pesos al mes.")])
    ] == [1]


def test_a_document_sent_in_minutes_is_no_delivery_promise() -> None:
    """Blind panel F (zo-04): the summary e-mailed «en unos minutos» is not the product's time."""
    from simulator.analysis import claims

    said = "Queda a nombre de laura punto rios arroba gmail punto com; ahí le llega el resumen en unos minutos."
    assert not [c for c in claims.extract(said) if c.kind == "delivery"]
    assert [
        c for c in claims.extract("El técnico le llega en unos minutos.") if c.kind == "delivery"
    ]
