"""«Pruebe decir» that a trainee can say (blind panel O, session 22, helper s1): the need a
benefit is tied to is the customer's situation, not the condition that would reassure him
(tb-06 T8: «Como me comentó que ok, si puede verificarlo…»). Every sentence was written for this
test."""

from __future__ import annotations

from simulator.coaching.phrasing import need_clause


def test_a_condition_is_no_need() -> None:
    said = need_clause(
        "Ok, si me lo confirman por escrito, me quedo más tranquilo. Hoy no tengo ningún seguro "
        "y mi hija apenas va a nacer."
    )
    assert said.startswith("hoy no tiene ningún seguro")
    assert "si me lo" not in said


def test_only_a_condition_leaves_the_need_open() -> None:
    assert need_clause("Bueno, si me lo dejan más barato, lo pienso.") == "…"


def test_a_yes_with_its_accent_still_tells_the_need() -> None:
    assert need_clause("Sí, en la tarde se me corta la señal cuando trabajo.").startswith(
        "en la tarde"
    )
