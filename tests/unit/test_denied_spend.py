"""A saving promised on a spend the customer said they do not have (issue 12, helper s3, session
23): ``scoring.denied_spend`` through ``uncatalogued_offer``, with near misses.

Every sentence was written for this test (none comes from a call of the external sets).
"""

from __future__ import annotations

import pytest

from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

OPEN = [
    ("agent", "Buenas tardes, le habla Iván de Redes Norte, ¿hablo con el señor Tadeo Ríos?"),
    ("customer", "Sí, él habla."),
]


def _inaccurate(asked: str, answer: str, claim: str) -> bool:
    lines = [
        *OPEN,
        ("agent", asked),
        ("customer", answer),
        ("agent", claim),
        ("customer", "Mmm."),
        ("agent", "Gracias por su tiempo, buen día."),
    ]
    data = {"kind": "sale", "turns": [{"speaker": s, "text": t} for s, t in lines]}
    card = score_transcript(Transcript.model_validate(data))
    return "inaccurate_information" in [e.code for e in card.critical_errors]


CLAIMS = [
    "Justamente por eso con este paquete va a ahorrar cada mes.",
    "Con nosotros le reducimos ese gasto y paga menos.",
    "Así tiene todo junto sin pagar de más.",
]
QUESTIONS = [
    "¿Actualmente cuenta con algún servicio de música que pague aparte?",
    "¿Usted paga hoy alguna plataforma de películas?",
    "¿Tiene un seguro de vida contratado?",
]


@pytest.mark.parametrize("asked", QUESTIONS)
@pytest.mark.parametrize("claim", CLAIMS)
def test_a_saving_on_a_spend_denied_is_inaccurate(asked: str, claim: str) -> None:
    assert _inaccurate(asked, "No.", claim)


@pytest.mark.parametrize("claim", CLAIMS)
def test_a_saving_on_a_spend_the_customer_has_is_not_judged_here(claim: str) -> None:
    assert not _inaccurate(QUESTIONS[1], "Sí, pago dos.", claim)


def test_a_denial_followed_by_a_plain_offer_is_fine() -> None:
    assert not _inaccurate(
        QUESTIONS[0], "No, ninguno.", "Le ofrecemos el paquete de música por 99 pesos al mes."
    )


def test_a_question_about_something_else_is_no_denied_spend() -> None:
    assert not _inaccurate("¿Le parece si le cuento la promoción?", "No.", CLAIMS[0])
