"""Worked examples are arithmetic, not prices; «cubre todo hasta…» is a bound, not a promise.
Found by outside trainers on the medical-insurance scenario (panel g-02, h-05); every sentence
here was written for this test, in other products' terms."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from simulator.models.transcript import Transcript
from simulator.scoring import price_arithmetic, score_transcript

AUTO = [
    {
        "name": "Cobertura Amplia",
        "price": 9800,
        "period": "año",
        "conditions": ["Deducible del 5 % del valor del auto", "No cubre desgaste natural"],
    },
    {"name": "Cobertura Limitada", "price": 6200, "period": "año"},
]


def _critical(*agent_lines: str) -> list[str]:
    turns = []
    for line in agent_lines:
        turns += [
            {"speaker": "customer", "text": "A ver, explíqueme."},
            {"speaker": "agent", "text": line},
        ]
    card = score_transcript(Transcript.model_validate({"catalog": AUTO, "turns": turns}))
    return [e.code + ":" + e.explanation for e in card.critical_errors]


def test_a_worked_deductible_example_is_not_a_price() -> None:
    assert not _critical(
        "Le pongo un ejemplo: si la reparación de su carro le sale en 60,000 pesos con la "
        "Cobertura Amplia, usted pone el 5 % de deducible, unos 3,000, y lo demás lo pagamos nosotros."
    )


def test_a_share_of_a_remainder_is_worked_out_not_stated() -> None:
    assert not _critical(
        "Si el siniestro llega a 90,000 y usted ya cubrió 10,000, del resto el 10 % serían 8,000 pesos."
    )


def test_a_wrong_price_said_with_cuesta_is_still_an_error() -> None:
    found = _critical("La Cobertura Amplia cuesta 8,500 pesos al año, con deducible del 5 %.")
    assert any("inaccurate_information" in f for f in found)


def test_a_wrong_price_in_an_if_clause_about_our_product_is_still_an_error() -> None:
    found = _critical("Si contrata la Cobertura Limitada le cuesta 5,000 pesos al año.")
    assert any("inaccurate_information" in f for f in found)


def test_covers_everything_up_to_the_sum_insured_is_a_bound() -> None:
    assert not _critical(
        "No, don Ramiro, desde el primer peso no: primero va su deducible y de ahí en adelante la "
        "Cobertura Amplia cubre todo hasta el valor comercial del auto."
    )


def test_covers_everything_without_a_bound_is_still_a_false_promise() -> None:
    found = _critical("Con la Cobertura Amplia no se preocupe, le cubre todo.")
    assert any("inaccurate_information" in f or "cubre todo" in f for f in found)


@given(
    st.integers(min_value=1_000, max_value=500_000),
    st.integers(min_value=1, max_value=30),
)
def test_a_share_of_a_stated_amount_is_a_result(base: int, percent: int) -> None:
    text = (
        f"Si la cuenta es de {base:,} pesos, el {percent} % serían unos {base * percent // 100:,}"
    )
    assert price_arithmetic.is_result(
        base * percent // 100, price_arithmetic.without(text, f"{base * percent // 100:,}")
    )


def test_a_difference_split_per_day_in_pesos_and_cents_is_no_price() -> None:
    # «un peso con sesenta» was read as a 60-peso price: a critical error on an excellent line
    assert not _critical(
        "Son 3,600 pesos más que la Limitada, como diez pesos con cincuenta al día, y ya lo cubre todo."
    )
