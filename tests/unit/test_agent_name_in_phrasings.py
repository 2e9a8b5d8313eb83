"""«Pruebe decir» signs with the name the agent used in this call, wherever it was said (ux-d).

Session 17's ux-c, playing as a trainee who said her own name only outside the «le habla…» of the
opening, read a suggested opening and closing signed with the scenario's default agent — to her,
another trainee's name.
"""

from __future__ import annotations

import pytest

from simulator.coaching import grade
from tests.unit.test_coaching_names import call_slots, transcript


@pytest.mark.parametrize(
    "lines",
    [
        [("a", "Internet Veloz, buenas tardes, Lucía al habla. ¿En qué le ayudo?")],
        [
            ("a", "Buenas tardes, de Internet Veloz."),
            ("c", "Sí, dígame."),
            ("a", "¿Algo más? Gracias por su tiempo, le atendió Lucía de Internet Veloz."),
        ],
    ],
)
def test_the_name_said_anywhere_in_the_call_fills_the_agent(lines: list[tuple[str, str]]) -> None:
    assert call_slots(lines)["agente"] == "Lucía"


def test_a_company_word_before_al_habla_is_no_name() -> None:
    assert call_slots([("a", "Buenas tardes, Internet Veloz al habla.")])["agente"] == "Mariana"


def test_suggested_opening_signs_with_the_name_of_the_closing() -> None:
    lines = [
        ("c", "¿Bueno?"),
        ("a", "Buenas tardes, de Internet Veloz. ¿Hablo con la señora Rosa María Hernández?"),
        ("c", "Sí, soy yo."),
        ("a", "¿Cómo usan el internet en su casa?"),
        ("c", "Para la escuela de mis hijos."),
        ("a", "Gracias por su tiempo, señora; le atendió Lucía de Internet Veloz. Buen día."),
    ]
    card = grade(transcript(lines))
    said = [e.better_phrasing or "" for e in card.elements.values()]
    said += [i.try_saying or "" for i in card.feedback.improvements]
    assert any("Lucía" in p for p in said)
    assert not any("Mariana" in p for p in said)
