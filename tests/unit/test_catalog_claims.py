"""Claims about the offer checked against the catalog (issue 12 item 3): conditions said to be
absent, coverage promised, delivery times and discounts. Sentences written for this test (helper
"claims2"); every positive has a near miss that states the catalog correctly, and a catalog that
is silent on a topic never yields an error.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis import claims
from simulator.content.library import load_library
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

CARD = [
    {
        "name": "Tarjeta Horizonte Clásica",
        "price": 690,
        "period": "año",
        "aliases": ["clásica"],
        "conditions": [
            "Sin anualidad el primer año",
            "Anualidad de 690 pesos a partir del segundo año",
            "Tasa de interés anual de 42 %",
            "La tarjeta llega a su domicilio en 7 a 10 días hábiles",
        ],
    },
    {
        "name": "Tarjeta Horizonte Oro",
        "price": 1290,
        "period": "año",
        "aliases": ["oro"],
        "conditions": [
            "Anualidad de 1,290 pesos desde el primer año",
            "Ingreso mínimo comprobable de 25,000 pesos al mes",
        ],
    },
]
INTERNET = [
    {
        "name": "Plan Hogar 200 megas",
        "price": 499,
        "period": "mes",
        "aliases": ["200 megas"],
        "conditions": ["Sin plazo forzoso", "Instalación en un máximo de 72 horas"],
    }
]
HEALTH = [
    {
        "name": "Gastos Médicos Esencial",
        "price": 850,
        "period": "mes",
        "aliases": ["esencial"],
        "conditions": [
            "Periodo de espera de 10 meses para cirugías programadas",
            "No cubre padecimientos preexistentes declarados",
        ],
    }
]
SERVICE = [
    {
        "name": "Aclaración de cargo duplicado",
        "price": 0,
        "aliases": ["aclaración", "reembolso"],
        "conditions": ["El reembolso se refleja en 5 a 10 días hábiles"],
    },
    {
        "name": "Bonificación por días sin servicio",
        "price": 0,
        "aliases": ["bonificación"],
        "conditions": ["Se aplica en el siguiente recibo cuando la falla se confirma"],
    },
]


def _errors(line: str, catalog: list[dict[str, object]], before: str = "") -> list[str]:
    turns = [
        {
            "speaker": "agent",
            "text": "Buenas tardes, le habla Luis de Banco Horizonte. ¿Hablo con la señora Rosa?",
        },
        {"speaker": "customer", "text": "Sí, soy yo."},
    ]
    if before:
        turns += [{"speaker": "agent", "text": before}, {"speaker": "customer", "text": "Ajá."}]
    turns += [{"speaker": "agent", "text": line}, {"speaker": "customer", "text": "Ah, bueno."}]
    call = Transcript.model_validate({"kind": "sale", "catalog": catalog, "turns": turns})
    card = score_transcript(call)
    return [e.code for e in card.critical_errors if e.turn == len(turns) - 1]


WRONG = [
    ("La clásica no tiene anualidad, señora.", CARD, ""),
    ("La tarjeta oro no le cobra anualidad.", CARD, ""),
    ("Y no cobra anualidad, nunca.", CARD, "Le ofrezco la Tarjeta Horizonte Oro."),
    (
        "La clásica no le pide comprobante de ingresos... perdón, la oro no necesita comprobar ingresos.",
        CARD,
        "",
    ),
    ("Para la oro no necesita comprobante de ingresos, nada más su INE.", CARD, ""),
    ("La clásica le llega mañana mismo a su casa.", CARD, ""),
    ("El plan de 200 megas se lo instalamos hoy mismo.", INTERNET, ""),
    ("El técnico le instala en media hora, el de 200 megas.", INTERNET, ""),
    ("Con el plan esencial queda cubierta desde el primer día, hasta para cirugías.", HEALTH, ""),
    ("El esencial no tiene periodo de espera.", HEALTH, ""),
    ("Aunque ya tenga diabetes, el esencial se la cubre.", HEALTH, ""),
    ("El reembolso se lo reflejamos hoy mismo.", SERVICE, ""),
    ("Le hago un 20% de descuento en el plan de 200 megas.", INTERNET, ""),
    ("Y le regalo los primeros tres meses gratis del plan de 200 megas.", INTERNET, ""),
]
RIGHT = [
    ("La clásica no tiene anualidad el primer año; a partir del segundo son 690 pesos.", CARD, ""),
    ("El primer año no paga anualidad con la clásica.", CARD, ""),
    ("La oro sí pide comprobar ingresos de 25 mil pesos al mes.", CARD, ""),
    ("La clásica le llega en 7 a 10 días hábiles a su domicilio.", CARD, ""),
    ("El plan de 200 megas no tiene plazo forzoso.", INTERNET, ""),
    ("La instalación del de 200 megas es en un máximo de 72 horas.", INTERNET, ""),
    ("Le llega hoy mismo un correo con su folio del plan de 200 megas.", INTERNET, ""),
    ("El esencial tiene un periodo de espera de 10 meses para cirugías programadas.", HEALTH, ""),
    ("El esencial no cubre padecimientos preexistentes.", HEALTH, ""),
    ("El reembolso se refleja en 5 a 10 días hábiles.", SERVICE, ""),
    ("Le aplico la bonificación por los días sin servicio en su siguiente recibo.", SERVICE, ""),
    # Silent catalog: nothing is invented.
    ("El plan de 200 megas no tiene comisiones por pago en tienda.", INTERNET, ""),
    ("El esencial no tiene deducible para consultas.", HEALTH, ""),
]


@pytest.mark.parametrize(("line", "catalog", "before"), WRONG)
def test_a_claim_the_catalog_contradicts_is_inaccurate(
    line: str, catalog: list, before: str
) -> None:
    assert "inaccurate_information" in _errors(line, catalog, before), line


@pytest.mark.parametrize(("line", "catalog", "before"), RIGHT)
def test_a_claim_that_matches_or_the_catalog_is_silent_on_is_fine(
    line: str, catalog: list, before: str
) -> None:
    assert "inaccurate_information" not in _errors(line, catalog, before), line


@pytest.mark.parametrize(
    ("condition", "window"),
    [
        ("La tarjeta llega a su domicilio en 7 a 10 días hábiles", (168.0, 240.0)),
        ("Instalación en un máximo de 72 horas", (0.0, 72.0)),
        ("Horarios de visita de 9 a 13 horas, al día hábil siguiente", (24.0, 24.0)),
        ("Se programa con al menos 3 días hábiles de anticipación", (72.0, float("inf"))),
        ("El pago se refleja al día hábil siguiente", (24.0, 24.0)),
        ("El primer pago debe hacerse en los próximos 5 días", None),
        ("Sin plazo forzoso", None),
    ],
)
def test_catalog_time_windows_are_read(condition: str, window: tuple[float, float] | None) -> None:
    assert claims.duration_window(condition) == window


@pytest.mark.parametrize(
    ("span", "hours"),
    [
        ("llega en media hora", 0.5),
        ("se lo instalamos hoy mismo", 4.0),
        ("le llega mañana", 24.0),
        ("queda instalado en 3 días", 72.0),
        ("en 20 minutos", 1 / 3),
    ],
)
def test_promised_times_are_read(span: str, hours: float) -> None:
    assert claims.promised_hours(span) == pytest.approx(hours)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.text(max_size=200))
def test_time_readers_never_raise(text: str) -> None:
    window = claims.duration_window(text)
    assert window is None or window[0] <= window[1]
    hours = claims.promised_hours(text)
    assert hours is None or hours >= 0


def test_every_scenario_condition_stated_back_is_no_error() -> None:
    """Reading a product's own conditions back to the customer is never inaccurate."""
    library = load_library()
    for scenario in library.scenarios.values():
        catalog = [
            p.model_dump(include={"name", "price", "period", "aliases", "conditions"})
            for p in scenario.catalog
        ]
        for product in scenario.catalog:
            for condition in product.conditions:
                line = f"Le comento del {product.name}: {condition}."
                assert "inaccurate_information" not in _errors(line, catalog), (scenario.id, line)


OTHER_AMOUNTS = [
    "Con la clásica le damos una línea de crédito de 30 mil pesos.",
    "Su límite de crédito sería de 15,000 pesos para empezar.",
    "Si gana más de 8 mil pesos al mes, califica.",
    "Con sus compras acumula puntos: por cada 100 pesos, un punto.",
    "Un televisor de 12 mil pesos lo puede pagar a 12 meses.",
    "En otros bancos la anualidad es de 900 pesos.",
]


@pytest.mark.parametrize("line", OTHER_AMOUNTS)
def test_amounts_about_credit_lines_income_examples_or_rivals_are_no_price(line: str) -> None:
    assert "inaccurate_information" not in _errors(line, CARD[:1]), line


def test_a_wrong_price_of_our_product_is_still_an_error() -> None:
    assert "inaccurate_information" in _errors(
        "La anualidad de la clásica es de 450 pesos.", CARD[:1]
    )


PLUS = [
    {"name": "Gastos Médicos Esencial", "price": 850, "period": "mes", "aliases": ["esencial"]},
    {"name": "Gastos Médicos Plus", "price": 1250, "period": "mes", "aliases": ["plus"]},
]


@pytest.mark.parametrize(
    "line",
    [
        "Le doy un ejemplo: si una operación costara 180,000 pesos con el plan Plus, usted pondría "
        "el deducible de 15,000 y el resto lo cubrimos.",
        "Sí, señor, el Plus sí maneja deducible: 15,000 pesos por evento.",
        "Imagine que le hospitalizan con el Esencial: una cuenta de 90,000 no le sale de su bolsa.",
    ],
)
def test_examples_and_deductibles_next_to_a_product_are_no_price(line: str) -> None:
    assert "inaccurate_information" not in _errors(line, PLUS), line


def test_a_wrong_price_next_to_an_example_is_still_an_error() -> None:
    line = "Por ejemplo, el plan Plus cuesta 990 pesos al mes."
    assert "inaccurate_information" in _errors(line, PLUS)


@pytest.mark.parametrize(
    "line",
    [
        "Le garantizo que su crédito sale aprobado hoy mismo.",
        "Con nosotros la aprobación es segura, no checamos buró.",
        "Le garantizo que con este plan nunca se le va a caer la señal.",
    ],
)
def test_unverifiable_guarantees_are_inaccurate_without_a_catalog(line: str) -> None:
    assert "inaccurate_information" in _errors(line, [])


@pytest.mark.parametrize(
    "line",
    [
        "No le puedo garantizar la aprobación; depende de la revisión de buró.",
        "La aprobación está sujeta a la revisión de su historial.",
        "Le aseguro que vamos a revisar su caso hoy mismo.",
        "Le garantizo que le doy seguimiento personalmente.",
    ],
)
def test_honest_commitments_are_no_guarantee(line: str) -> None:
    assert "inaccurate_information" not in _errors(line, [])
