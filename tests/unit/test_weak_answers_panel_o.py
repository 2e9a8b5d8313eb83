"""What an expert QA lead does not credit a weak agent for (blind panel O, session 22, helper
s1): saying yes to a false figure the customer asked to confirm is inaccurate information (ta-04
T4), and an answer to an objection that only vouches for itself («es seguro», «confíe», «no hay
truco») answers nothing (tc-01 T6, tg-03 T6). Every sentence was written for this test."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript
from simulator.scoring import cheapest_claim as cheapest
from simulator.scoring.brushoff import reassures_only
from simulator.scoring.confirmed_premise import contradicted, figures
from simulator.scoring.context import CallContext
from simulator.scoring.engine import score_with_context

CATALOG = [
    {
        "name": "Plan Casa 150 megas",
        "price": 459,
        "period": "mes",
        "conditions": ["Sin plazo forzoso", "Instalación en un máximo de 48 horas"],
        "features": ["Internet de 150 megas", "Módem incluido"],
    }
]


def _score(lines: list[tuple[str, str]]) -> tuple[Scorecard, CallContext]:
    transcript = Transcript.model_validate(
        {
            "kind": "sale",
            "catalog": CATALOG,
            "turns": [{"speaker": s, "text": t} for s, t in lines],
        }
    )
    return score_with_context(transcript)


def _premise_call(question: str, answer: str) -> list[tuple[str, str]]:
    return [
        ("agent", "Buenas tardes, le habla Nora de Red Casa. ¿Hablo con el señor Iván Prieto?"),
        ("customer", "Sí, soy yo."),
        ("agent", "Le llamo para platicarle del Plan Casa 150 megas, ¿tiene un minuto?"),
        ("customer", question),
        ("agent", answer),
        ("customer", "Ya veo."),
    ]


def test_a_yes_to_the_customers_false_figure_is_inaccurate_information() -> None:
    for question in (
        "Antes, confírmeme algo: ¿la instalación es en un máximo de 24 horas, verdad?",
        "Oiga, ¿me lo instalan en 12 horas como máximo? ¿Así es?",
    ):
        card, ctx = _score(_premise_call(question, "Sí, así es, se lo instalan rapidísimo."))
        assert contradicted(ctx, 5) is not None
        assert "inaccurate_information" in [e.code for e in card.critical_errors]


def test_correcting_the_figure_or_a_true_figure_is_no_error() -> None:
    corrected = _premise_call(
        "¿La instalación es en un máximo de 24 horas, verdad?",
        "Sí se instala rápido, pero le corrijo: es en un máximo de 48 horas.",
    )
    card, ctx = _score(corrected)
    assert contradicted(ctx, 5) is None
    true = _premise_call(
        "¿La instalación es en un máximo de 48 horas, verdad?", "Así es, máximo 48 horas."
    )
    card, ctx = _score(true)
    assert contradicted(ctx, 5) is None
    assert "inaccurate_information" not in [e.code for e in card.critical_errors]


@given(st.integers(min_value=1, max_value=999))
def test_a_figure_keeps_its_number_unit_and_topic(hours: int) -> None:
    (found,) = figures(f"La instalación es en {hours} horas")
    assert found.value == hours
    assert found.unit == "hora"
    assert "insta" in found.topic


def _trust_call(answer: str) -> tuple[Scorecard, CallContext]:
    return _score(
        [
            ("agent", "Buenas tardes, le habla Nora de Red Casa. ¿Hablo con el señor Iván?"),
            ("customer", "Sí. Oiga, a mi cuñado lo estafaron con una llamada igualita."),
            ("agent", answer),
            ("customer", "Mmm."),
        ]
    )


def test_an_answer_that_only_vouches_for_itself_answers_nothing() -> None:
    for answer in (
        "No, no se preocupe, esto es de la empresa, es seguro. ¿Me da su correo?",
        "Pues somos una empresa seria, confíe. ¿Le tomo sus datos?",
        "No hay ningún truco, señor. ¿Se lo contrato?",
    ):
        _, ctx = _trust_call(answer)
        assert reassures_only(ctx, 3), answer


def test_a_reassurance_with_a_ground_or_empathy_answers() -> None:
    for answer in (
        "No se preocupe, nunca le vamos a pedir claves ni contraseñas; si prefiere, puede "
        "colgar y marcar al número oficial.",
        "Qué mal lo de su cuñado, entiendo que desconfíe; es seguro, pero usted decide.",
        "Si se cambia de plan, conserva su número, eso es seguro. ¿Qué usa más?",
    ):
        _, ctx = _trust_call(answer)
        assert not reassures_only(ctx, 3), answer


PLANS = [
    {"name": "Plan Línea 30", "price": 399, "period": "mes"},
    {"name": "Plan Línea 10", "price": 229, "period": "mes"},
    {"name": "Seguro de equipo", "price": 59, "period": "mes"},
]


def _plans_call(answer: str) -> tuple[Scorecard, CallContext]:
    transcript = Transcript.model_validate(
        {
            "kind": "sale",
            "catalog": PLANS,
            "turns": [
                {"speaker": "customer", "text": "Si me lo deja en 250, me quedo con ustedes."},
                {"speaker": "agent", "text": answer},
            ],
        }
    )
    return score_with_context(transcript)


def test_calling_a_price_the_lowest_when_the_catalog_sells_cheaper_is_inaccurate() -> None:
    for answer in (
        "En 250 no tengo nada, lo más económico es el de 399. ¿Se lo cambio?",
        "No hay nada más barato que el Plan Línea 30 en 399, se lo aseguro.",
    ):
        card, ctx = _plans_call(answer)
        assert cheapest.contradicted(ctx, 2) is not None, answer
        assert "inaccurate_information" in [e.code for e in card.critical_errors]


def test_the_true_lowest_or_a_narrowed_lowest_is_no_error() -> None:
    for answer in (
        "Lo más barato que tengo es el Plan Línea 10 en 229, aunque trae menos datos.",
        "El más económico que trae llamadas al extranjero es el de 399.",
        "Si prefiere lo más económico, el Plan Línea 10 queda en 229.",
    ):
        card, ctx = _plans_call(answer)
        assert cheapest.contradicted(ctx, 2) is None, answer


def test_a_complaint_registered_owes_the_customer_its_folio() -> None:
    """Panel O tb-04 T17: the report registered, the folio never told (the brief asks for it)."""
    import re

    from simulator.content.library import load_library
    from simulator.scoring import text as tx

    scenario = load_library().scenario("queja-internet-sin-servicio")
    owed = {
        p.id: p.must_say for p in scenario.catalog if p.id in ("visita-tecnica", "aclaracion-cobro")
    }
    assert set(owed) == {"visita-tecnica", "aclaracion-cobro"}
    for entries in owed.values():
        patterns = [re.compile(p) for e in entries for p in e.said_as]
        told = tx.fold("Listo, quedó registrado con el folio IV-4471, se lo repito.")
        untold = tx.fold("Listo, ya quedó. Mañana va el técnico de 9 a 1.")
        assert any(p.search(told) for p in patterns)
        assert not any(p.search(untold) for p in patterns)
