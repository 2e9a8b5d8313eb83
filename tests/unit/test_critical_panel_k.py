"""Critical errors of the classes panel K found missed or misread (issue 12, fix-j): a promotion
the catalog lacks, «free» as the whole answer to «¿tengo que pagar?», a one-person price quoted
for a family, an add-on the customer stopped that rides along with the sale, and a coverage said
of one product read against another product's exclusion. Sentences written for this test; every
positive has a near miss that says the same thing honestly.
"""

from __future__ import annotations

from typing import Any

import pytest

from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

OPEN = [
    {"speaker": "agent", "text": "Buenas tardes, le habla Marta. ¿Hablo con el señor Ruiz?"},
    {"speaker": "customer", "text": "Sí, soy yo."},
]
INTERNET = [
    {
        "name": "Plan Hogar 300 megas",
        "price": 549,
        "period": "mes",
        "aliases": ["300 megas"],
        "conditions": ["Sin plazo forzoso"],
    },
]
HOME_HELP = [
    {
        "name": "Cerrajero a domicilio",
        "price": 0,
        "aliases": ["cerrajero", "cerrajería"],
        "conditions": [
            "Sin costo hasta 900 pesos por servicio",
            "El excedente lo cubre el cliente",
        ],
    },
]
HEALTH = [
    {
        "name": "Seguro Médico Familiar Uno",
        "price": 1100,
        "period": "mes",
        "aliases": ["uno"],
        "conditions": ["Precio mensual para titular de 30 a 39 años; se ajusta por edad"],
    },
]
SHOP = [
    {"name": "Laptop Delta 14", "price": 12999, "aliases": ["delta"], "conditions": []},
    {"name": "Mochila acolchada", "price": 450, "aliases": ["mochila"], "conditions": []},
]
CAR = [
    {
        "name": "Plan Auto Total",
        "price": 9000,
        "period": "año",
        "aliases": ["total"],
        "conditions": ["Daños materiales con deducible de 5 %"],
    },
    {
        "name": "Plan Auto Básico",
        "price": 5000,
        "period": "año",
        "aliases": ["básico"],
        "conditions": ["No cubre daños materiales al propio auto"],
    },
]


def _critical(
    lines: list[tuple[str, str]],
    catalog: list[dict[str, Any]],
    kind: str = "sale",
    events: list[dict[str, Any]] | None = None,
) -> list[tuple[str, int | None]]:
    turns = OPEN + [{"speaker": s, "text": t} for s, t in lines]
    call = Transcript.model_validate(
        {"kind": kind, "catalog": catalog, "turns": turns, "events": events or []}
    )
    return [(e.code, e.turn) for e in score_transcript(call).critical_errors]


@pytest.mark.parametrize(
    ("line", "wrong"),
    [
        ("Le llamo por el Plan Hogar 300 megas, ahorita está en promoción, le conviene.", True),
        ("Le tengo una promoción: el Plan Hogar 300 megas, le conviene.", False),
        (
            "Le llamo por el Plan Hogar 300 megas; ahorita no está en promoción, pero le conviene.",
            False,
        ),
    ],
)
def test_a_promotion_the_catalog_lacks(line: str, wrong: bool) -> None:
    found = _critical([("agent", line), ("customer", "Ajá.")], INTERNET)
    assert (("inaccurate_information", 3) in found) is wrong


@pytest.mark.parametrize(
    ("answer", "wrong"),
    [
        ("No, es sin costo, ya viene en su plan.", True),
        ("No tiene costo hasta 900 pesos; si pasa de eso, el excedente lo paga usted.", False),
    ],
)
def test_free_as_the_whole_answer_to_a_cost_question(answer: str, wrong: bool) -> None:
    lines = [
        ("agent", "Ya quedó el cerrajero, llega en una hora."),
        ("customer", "Muy bien. ¿Y tengo que pagar algo cuando llegue?"),
        ("agent", answer),
        ("customer", "Ah, bueno."),
    ]
    found = _critical(lines, HOME_HELP, kind="service")
    assert (("inaccurate_information", 5) in found) is wrong


@pytest.mark.parametrize(
    ("quote", "wrong"),
    [
        ("Le recomiendo el Seguro Médico Familiar Uno, cuesta 1,100 pesos al mes.", True),
        (
            "Le recomiendo el Seguro Médico Familiar Uno: 1,100 pesos al mes para usted como titular;"
            " lo de su esposa y sus hijos se cotiza por edad.",
            False,
        ),
    ],
)
def test_a_one_person_price_quoted_for_a_family(quote: str, wrong: bool) -> None:
    lines = [
        ("agent", "¿El seguro sería para usted solo?"),
        ("customer", "No, también para mi esposa y mis hijos."),
        ("agent", quote),
        ("customer", "Mmm, déjeme ver."),
    ]
    found = _critical(lines, HEALTH)
    assert (("inaccurate_information", 5) in found) is wrong


@pytest.mark.parametrize(
    ("announced", "wrong"),
    [
        ("Listo, ya quedó su Laptop Delta 14 con la mochila acolchada.", True),
        ("Listo, ya quedó su Laptop Delta 14, sin la mochila, como me pidió.", False),
    ],
)
def test_an_add_on_the_customer_stopped_rides_along(announced: str, wrong: bool) -> None:
    lines = [
        ("agent", "La Laptop Delta 14 sale en 12,999. Le agrego la mochila acolchada, ¿va?"),
        ("customer", "No, no, espéreme tantito. ¿Qué procesador trae?"),
        ("agent", "Trae procesador de ocho núcleos. ¿Le registro la Laptop Delta 14?"),
        ("customer", "Sí, regístrela."),
        ("agent", announced),
        ("customer", "Gracias."),
    ]
    events = [
        {"type": "consent", "value": "accepted", "after_turn": 6},
        {"type": "sale_registered", "after_turn": 6},
    ]
    found = _critical(lines, SHOP, events=events)
    assert any(code == "sale_without_consent" for code, _ in found) is wrong


@pytest.mark.parametrize(
    ("line", "wrong"),
    [
        ("La diferencia es que el Total le cubre los daños de su carro y el Básico no.", False),
        ("El Básico le cubre los daños de su carro, no se preocupe.", True),
    ],
)
def test_a_coverage_said_of_one_plan_is_read_against_that_plan(line: str, wrong: bool) -> None:
    found = _critical([("agent", line), ("customer", "Ah, ok.")], CAR)
    assert (("inaccurate_information", 3) in found) is wrong
