"""Counts read as Spanish: «1 intento», «2 intentos», «0 veces» (ux-d, session 18)."""

from __future__ import annotations

import pytest

from simulator.coaching.plan import _actual
from simulator.language.plural import count


@pytest.mark.parametrize(
    ("n", "singular", "expected"),
    [
        (0, "vez", "0 veces"),
        (1, "vez", "1 vez"),
        (3, "vez", "3 veces"),
        (1, "intento", "1 intento"),
        (2, "intento", "2 intentos"),
        (0, "error no crítico", "0 errores no críticos"),
        (1, "error no crítico", "1 error no crítico"),
        (2, "error de precio", "2 errores de precio"),
        (2, "transcripción guardada", "2 transcripciones guardadas"),
        (4, "llamada sin terminar", "4 llamadas sin terminar"),
    ],
)
def test_count(n: int, singular: str, expected: str) -> None:
    assert count(n, singular) == expected


def test_plan_goal_counts_read_as_spanish() -> None:
    from tests.unit.test_coaching import graded

    card = graded("wrong_price")
    for skill in ("closing", "phone_etiquette", "product_knowledge"):
        said = _actual(skill, card)
        assert "(s)" not in said and "(es)" not in said, said
