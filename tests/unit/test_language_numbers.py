"""Spanish numbers in words and digits, and the amounts (money) found in text."""

from __future__ import annotations

import pytest

from simulator.language.numbers import extract_amounts, segments, words_to_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("cuatrocientos noventa y nueve", 499),
        ("499", 499),
        ("$499.00", 499),
        ("quinientos", 500),
        ("mil doscientos", 1200),
        ("dos mil quinientos", 2500),
        ("1,299", 1299),
        ("veintinueve", 29),
        ("cien", 100),
        ("un millón trescientos mil", 1_300_000),
        ("2 mil", 2000),
    ],
)
def test_words_to_number(text: str, value: float) -> None:
    assert words_to_number(text) == value


def test_words_to_number_none_when_not_a_single_number() -> None:
    assert words_to_number("hola") is None
    assert words_to_number("") is None
    assert words_to_number("cincuenta y cinco doce") is None
    assert words_to_number("un plan") is None


def test_amounts_money_cues() -> None:
    (a,) = extract_amounts("$499.00")
    assert (a.value, a.text, a.is_money) == (499, "$499.00", True)
    (b,) = extract_amounts("Son quinientos pesos")
    assert (b.value, b.text, b.is_money) == (500, "quinientos", True)
    (c,) = extract_amounts("cuesta cuatrocientos noventa y nueve al mes")
    assert (c.value, c.text, c.is_money) == (499, "cuatrocientos noventa y nueve", True)
    (d,) = extract_amounts("499 pesos")
    assert d.is_money and d.value == 499


def test_amounts_keep_the_span_as_written_and_non_money_numbers() -> None:
    amounts = extract_amounts("El plan cuesta $ 499 al mes y tiene 200 megas")
    assert [(a.value, a.text, a.is_money) for a in amounts] == [
        (499, "$ 499", True),
        (200, "200", False),
    ]
    (x,) = extract_amounts("mil doscientos")
    assert x.value == 1200 and not x.is_money


def test_segments_split_phone_pairs() -> None:
    text = "cincuenta y cinco doce treinta y cuatro cincuenta y seis setenta y ocho"
    assert [s.digits for s in segments(text)] == ["55", "12", "34", "56", "78"]


def test_amounts_bounded_on_huge_input() -> None:
    amounts = extract_amounts("cuesta 499 pesos " * 10_000)
    assert amounts and all(a.value == 499 for a in amounts)


def test_dates_times_and_units_are_not_money() -> None:
    (day,) = extract_amounts("¿Le parece bien si dejamos la promesa de pago para el viernes 28?")
    assert day.value == 28 and not day.is_money
    assert not extract_amounts("el pago es el 5 de diciembre")[0].is_money
    price, hour = extract_amounts("pago de 850 a las 6")
    assert price.is_money and not hour.is_money
    price, months = extract_amounts("precio de 599 pesos por 12 meses")
    assert price.is_money and not months.is_money
    assert extract_amounts("su tarjeta cuesta 499")[0].is_money


def test_day_of_the_month_after_el_is_not_money() -> None:
    # a collections promise: «cobra el 27» is payday, not a 27-peso amount (tmux play, session 5)
    for text in (
        "Considerando que cobra el 27, ¿lo dejamos así?",
        "paga el 15 de cada mes",
        "antes del 3 se refleja",
        "le cobran el 10",
    ):
        assert not any(a.is_money for a in extract_amounts(text)), text
    assert [a.is_money for a in extract_amounts("el 27 pesos")] == [True]
    assert [a.is_money for a in extract_amounts("su pago de 1,850 para el 27")] == [True, False]
    assert [a.is_money for a in extract_amounts("el plan de 499 al mes")] == [True]


def test_pesos_con_cents_is_one_amount() -> None:
    # «un peso con sesenta al día» is 1.60, not a 60-peso price (tmux play, session 6)
    assert [(a.value, a.is_money) for a in extract_amounts("como un peso con sesenta al día")] == [
        (1.6, True)
    ]
    assert [a.value for a in extract_amounts("son dos pesos con cincuenta centavos")] == [2.5]
    assert [a.value for a in extract_amounts("cuesta 1 peso con 60")] == [1.6]
    # a number after «pesos con» that is not cents stays itself
    assert [a.value for a in extract_amounts("el plan de 399 pesos con 50 megas")] == [399.0, 50.0]
    assert [a.value for a in extract_amounts("son 499 pesos con un descuento de 50")] == [
        499.0,
        50.0,
    ]
