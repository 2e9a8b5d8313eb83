"""Claims about the offer (issue 12 item 3): sentences written for this test. Promises nobody can
verify are flagged; conditions said to be absent are checked against the catalog; an amount about
something else (a surgery, the bill, a saving, a debt, an example) is never a price claim; and the
extractor never raises on arbitrary text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis import claims
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Con nosotros todo es gratis, señor.", "free"),
        ("La tarjeta le sale completamente gratis", "free"),
        ("usted no va a pagar ni un peso", "free"),
        ("Su crédito sale aprobado seguro, se lo garantizo.", "guarantee"),
        ("Aquí no revisamos buró, es aprobación garantizada.", "guarantee"),
        ("Tenemos una tarjeta preaprobada para usted.", "preapproval"),
        ("Su préstamo ya está autorizado, nada más dígame su nombre.", "preapproval"),
        ("Felicidades, usted se ganó un viaje a la playa.", "free"),
        ("Si no paga, va a terminar en la cárcel.", "legal_consequence"),
        ("Nunca más le van a dar un crédito en ningún banco.", "legal_consequence"),
    ],
)
def test_promises_are_extracted(text: str, topic: str) -> None:
    assert ("promise", topic) in {(c.kind, c.topic) for c in claims.extract(text)}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Esta tarjeta no tiene anualidad.", "annual_fee"),
        ("Es un plan sin plazo forzoso, lo cancela cuando quiera.", "forced_term"),
        ("Los primeros meses son sin intereses.", "interest"),
        ("No le cobramos ninguna comisión.", "fees"),
        ("Ese seguro no tiene deducible.", "deductible"),
    ],
)
def test_absent_conditions_are_extracted(text: str, topic: str) -> None:
    assert ("condition_absent", topic) in {(c.kind, c.topic) for c in claims.extract(text)}


def test_delivery_times_are_extracted() -> None:
    assert any(c.kind == "delivery" for c in claims.extract("El chip le llega en media hora."))
    assert any(c.kind == "delivery" for c in claims.extract("Se lo instalamos hoy mismo."))


@pytest.mark.parametrize(
    "text",
    [
        "Buenas tardes, le llamo para darle seguimiento a su reporte.",
        "El plan cuesta 499 al mes e incluye 200 megas.",
        "Nunca le vamos a pedir su NIP.",
    ],
)
def test_ordinary_sentences_claim_nothing(text: str) -> None:
    assert claims.extract(text) == ()


@pytest.mark.parametrize(
    "clause",
    [
        "una operación como la de su esposo cuesta más de 200 mil pesos",
        "son seiscientos pesos más al año, como cincuenta al mes de ahorro",
        "usted debe 3 mil 500 de su tarjeta",
        "por ejemplo, si chocara, el deducible de 5 mil",
        "hoy le cobran 650 en su recibo",
    ],
)
def test_amounts_about_other_things_are_recognised(clause: str) -> None:
    assert claims.amount_about_other(clause)


OTHER_CONTEXTS = [
    "una cirugía cuesta {n} pesos",
    "su recibo de luz trae {n} pesos",
    "se ahorraría unos {n} pesos",
    "su deuda es de {n} pesos",
    "por ejemplo, un hospital le cobra {n} pesos",
]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.text(max_size=300))
def test_extractor_never_raises(text: str) -> None:
    assert isinstance(claims.extract(text), tuple)
    assert isinstance(claims.amount_about_other(text), bool)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(OTHER_CONTEXTS))
def test_an_amount_about_something_else_is_never_a_price_error(n: int, template: str) -> None:
    call = Transcript.model_validate(
        {
            "kind": "sale",
            "catalog": [{"name": "Seguro Vida Plus", "price": 350, "period": "mes"}],
            "turns": [
                {"speaker": "agent", "text": "Buenas tardes, le habla Ana de Seguros Aurora."},
                {"speaker": "customer", "text": "Sí, dígame."},
                {"speaker": "agent", "text": f"Mire, {template.format(n=n)}."},
                {"speaker": "customer", "text": "Ajá."},
            ],
        }
    )
    card = score_transcript(call)
    assert "inaccurate_information" not in {e.code for e in card.critical_errors}


def _sale(agent_line: str, catalog: list[dict[str, object]] | None = None) -> list[str]:
    data: dict[str, object] = {
        "kind": "sale",
        "turns": [
            {
                "speaker": "agent",
                "text": "Buenas tardes, le habla Luis de Banco Aurora. ¿Hablo con la señora Rosa?",
            },
            {"speaker": "customer", "text": "Sí, soy yo."},
            {"speaker": "agent", "text": agent_line},
            {"speaker": "customer", "text": "Ah, ya veo."},
        ],
    }
    if catalog is not None:
        data["catalog"] = catalog
    card = score_transcript(Transcript.model_validate(data))
    return [e.code for e in card.critical_errors if e.turn == 3]


def test_an_unverifiable_promise_is_inaccurate_even_without_a_catalog() -> None:
    assert "inaccurate_information" in _sale("Su crédito sale aprobado seguro, sin revisar buró.")


def test_todo_gratis_without_a_catalog_is_false_only_when_the_call_brings_a_cost() -> None:
    """Alone it cannot be checked (an expert leaves it as borderline); a fee or a deposit asked
    later in the same call makes it false."""
    free = "Con esta tarjeta todo le sale completamente gratis."
    assert "inaccurate_information" not in _sale(free)
    data = {
        "kind": "sale",
        "turns": [
            {"speaker": "agent", "text": "Buenas tardes, le habla Luis de Viajes Aurora."},
            {"speaker": "customer", "text": "Buenas tardes."},
            {"speaker": "agent", "text": "Se ganó un viaje a la playa totalmente gratis."},
            {"speaker": "customer", "text": "¿De veras? ¿Y qué tengo que hacer?"},
            {"speaker": "agent", "text": "Nada más cubrir la cuota de inscripción de 2,500 pesos."},
        ],
    }
    card = score_transcript(Transcript.model_validate(data))
    assert ("inaccurate_information", 3) in [(e.code, e.turn) for e in card.critical_errors]


def test_a_condition_the_catalog_contradicts_is_inaccurate() -> None:
    catalog = [{"name": "Tarjeta Oro", "price": 0, "conditions": ["Anualidad de 650 pesos"]}]
    assert "inaccurate_information" in _sale("La Tarjeta Oro no tiene anualidad.", catalog)


def test_a_condition_the_catalog_confirms_is_fine() -> None:
    catalog = [{"name": "Tarjeta Oro", "price": 0, "conditions": ["Sin anualidad el primer año"]}]
    assert "inaccurate_information" not in _sale("La Tarjeta Oro no tiene anualidad.", catalog)


def test_without_a_catalog_conditions_are_not_judged() -> None:
    assert "inaccurate_information" not in _sale("Esta tarjeta no tiene anualidad.")


def test_a_preapproval_offered_to_someone_unidentified_is_inaccurate() -> None:
    call = Transcript.model_validate(
        {
            "kind": "sale",
            "turns": [
                {"speaker": "agent", "text": "¿Hablo con el señor Tomás Ibarra?"},
                {"speaker": "customer", "text": "No, ¿quién habla?"},
                {
                    "speaker": "agent",
                    "text": "Le tenemos un préstamo preaprobado para usted. ¿Cómo se llama?",
                },
                {"speaker": "customer", "text": "Marta."},
            ],
        }
    )
    codes = [(e.code, e.turn) for e in score_transcript(call).critical_errors]
    assert ("inaccurate_information", 3) in codes


@pytest.mark.parametrize(
    "text",
    [
        "Sí, claro. No cubre padecimientos preexistentes declarados.",
        "Sí, mire: no cubrimos enfermedades que ya tenga diagnosticadas, eso se lo digo de una vez.",
    ],
)
def test_a_denied_coverage_after_a_yes_claims_nothing(text: str) -> None:
    # without accents the «sí» before the denial must not read as a conditional «si»
    assert not [c for c in claims.extract(text) if c.kind == "coverage"]


def test_a_coverage_promise_across_a_comma_is_still_a_claim() -> None:
    found = claims.extract("Aunque ya padezca presión alta, se la cubre el seguro.")
    assert any(c.kind == "coverage" and c.topic == "preexisting" for c in found)
