"""Panel Q's three excellent calls failed by one rule each (session 23), fixed in general and
checked here with our own sentences: a total the sheet states less the customer's budget is a
difference, not a price; a short number said near an account number is not the account; the
customer who hangs up on «¿algo más?» leaves no thanks or goodbye owed; a request for no more
SALES calls does not forbid the payment call the customer asked for."""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.language.extract import extract_field_value
from simulator.models.transcript import Transcript, Turn
from simulator.scoring import score_transcript
from simulator.session.result import skeleton

LIB = load_library()


def _card(scenario: str, lines: list[tuple[str, str]], **extra: object):  # type: ignore[no-untyped-def]
    base = skeleton(LIB.scenario(scenario), None)
    turns = [Turn(speaker=s, text=t) for s, t in lines]  # type: ignore[arg-type]
    data = {**base.model_dump(), "turns": [t.model_dump() for t in turns], "complete": True}
    data.update(extra)
    return score_transcript(Transcript.model_validate(data))


def _codes(card) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.code for e in card.critical_errors}


GASTOS = [
    ("agent", "Buenas tardes, le habla Karla de Seguros Protege. ¿Hablo con el ingeniero Roberto?"),
    ("customer", "Sí, soy yo. Para los cuatro no quiero pasar de unos 2,000 al mes."),
]


@pytest.mark.parametrize(
    ("said", "flagged"),
    [
        (
            "Para los cuatro el Esencial sale en 2,380 al mes; son 380 pesos arriba de su presupuesto.",
            False,
        ),
        (
            "La familia completa en el Esencial queda en 2,380, o sea 380 por encima de lo que pensaba.",
            False,
        ),
        ("Para los cuatro el Esencial sale en 3,100 pesos al mes.", True),
    ],
)
def test_a_family_total_less_the_budget_is_a_difference(said: str, flagged: bool) -> None:
    card = _card("seguro-gastos-medicos", [*GASTOS, ("agent", said)])
    assert ("inaccurate_information" in _codes(card)) is flagged


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Desde hace tres días no tengo nada. Anote: IV-2049377.", "IV-2049377"),
        ("Llevo dos semanas así; mi cuenta es la 55120934.", "55120934"),
        ("Son 3 días sin servicio, la póliza es PZ-88123.", "PZ-88123"),
    ],
)
def test_a_short_number_beside_an_account_is_not_the_account(text: str, value: str) -> None:
    assert extract_field_value("numero_cuenta", text) == value


def test_a_short_number_alone_is_still_read() -> None:
    assert extract_field_value("numero_cuenta", "Es la cuenta 4417.") == "4417"


QUEJA_CLOSE = [
    ("agent", "Internet Veloz, buenas tardes, le atiende Ricardo. ¿Con quién tengo el gusto?"),
    ("customer", "Con Jorge Medina. No tengo internet y me cobraron doble."),
    (
        "agent",
        "Lamento mucho la falla, señor Jorge. Ya quedó su visita técnica para mañana y la aclaración "
        "del cargo; su folio es IV-576606. ¿Hay algo más en que le pueda ayudar?",
    ),
]


@pytest.mark.parametrize(
    "last", ["Mire, ya no tengo tiempo. Adiós.", "No, nada más. Bye.", "Ya, con eso. Hasta luego."]
)
def test_a_customer_who_hangs_up_on_the_offer_of_help_owes_the_agent_no_goodbye(last: str) -> None:
    hangup = [{"type": "hangup", "t": 60.0, "value": "cliente", "after_turn": 4}]
    card = _card("queja-internet-sin-servicio", [*QUEJA_CLOSE, ("customer", last)], events=hangup)
    closing = card.elements["call_closing"]
    assert not any("Agradecer" in m or "Despedirse" in m for m in closing.missing)


def test_without_a_hang_up_the_goodbye_is_still_owed() -> None:
    card = _card(
        "queja-internet-sin-servicio",
        [*QUEJA_CLOSE, ("customer", "No, es todo."), ("agent", "Listo.")],
    )
    assert any("Despedirse" in m for m in card.elements["call_closing"].missing)


AUTO = [
    ("agent", "Buenas tardes, le habla Laura de Seguros Protege. ¿Hablo con el señor Arturo?"),
    ("customer", "Sí, él habla."),
    (
        "agent",
        "Le llamo por la renovación de su seguro de auto. ¿Le marco mañana para la forma de pago?",
    ),
    ("customer", "Sí, márqueme mañana. Y ya no quiero más llamadas de venta, por favor."),
]


@pytest.mark.parametrize(
    "agent",
    [
        "Entendido: únicamente le marco mañana para la forma de pago, como me pidió, y ninguna llamada de venta. Que tenga buen día.",
        "Queda anotado: ninguna llamada de venta; solo le marco mañana para el pago de su póliza. Buen día.",
    ],
)
def test_the_call_the_customer_asked_for_is_no_sales_call(agent: str) -> None:
    card = _card("seguro-auto-amplio", [*AUTO, ("agent", agent)])
    assert "ignores_do_not_call" not in _codes(card)


def test_calling_back_after_a_plain_do_not_call_is_still_insistence() -> None:
    lines = [*AUTO[:3], ("customer", "No me vuelva a llamar, por favor.")]
    card = _card(
        "seguro-auto-amplio",
        [*lines, ("agent", "Entiendo. Le marco mañana para platicarle la promoción.")],
    )
    assert "ignores_do_not_call" in _codes(card)


@pytest.mark.parametrize(
    ("turn", "kept"),
    [
        (
            "Lamento mucho lo que pasó, señora, y entiendo su molestia. Le propongo el Plan Hogar "
            "200 megas de 499 pesos al mes, sin plazo forzoso. ¿Qué le parece?",
            "499",
        ),
        (
            "Con mucho gusto le explico. Entiendo que quiere algo sencillo. Su convenio queda en "
            "tres pagos de 2,140 pesos. ¿Le acomoda?",
            "2,140",
        ),
    ],
)
def test_the_monologue_line_keeps_the_substance_not_the_courtesy(turn: str, kept: str) -> None:
    """Panel Q: «Lamento mucho la falla. ¿Hasta aquí me explico bien…?» explained nothing."""
    from simulator.coaching.long_turn import opening_idea

    assert kept in opening_idea(turn)


@pytest.mark.parametrize(
    ("idea", "probed"),
    [
        (
            "La idea en corto: un seguro que pague la cirugía para no tocar sus ahorros. Para "
            "decirle cuál le conviene, ¿sería nada más para usted o también para su familia?",
            True,
        ),
        (
            "En resumen, una póliza que cubre hospital y cirugías. Una pregunta nada más: ¿a "
            "quiénes quisiera proteger?",
            True,
        ),
        (
            "Le recomiendo el Gastos Médicos Plus de 1,250 pesos al mes. ¿Sería para usted o "
            "también para su familia?",
            False,
        ),
    ],
)
def test_an_idea_without_a_price_then_a_probe_is_probing(idea: str, probed: bool) -> None:
    """To a customer who asked to get to the point, the short idea and one question about who
    it is for, in the same turn, probe; the plan and its price first do not (panel ve-04)."""
    lines = [
        ("agent", "Buenas tardes, le habla Karla de Seguros Protege. ¿Hablo con el ingeniero?"),
        ("customer", "Sí, pero al grano, por favor, estoy ocupado."),
        ("agent", idea),
        ("customer", "Para mi esposa, mis dos hijos y yo; los niños juegan futbol y me preocupan."),
    ]
    card = _card("seguro-gastos-medicos", lines)
    missing = " ".join(card.elements["needs_detection"].missing)
    assert ("sin sondear" not in missing) is probed


@pytest.mark.parametrize(
    ("question", "praised"),
    [
        ("¿Lo quiere para usted o también para su familia?", False),
        ("¿Prefiere la visita en la mañana o en la tarde?", False),
        ("¿Qué es lo que más le preocupa de su salud o la de su familia?", True),
        ("¿Cómo usan el internet en casa?", True),
    ],
)
def test_an_either_or_is_not_praised_as_an_open_question(question: str, praised: bool) -> None:
    """Panel Q: a choice between two options was praised as «Buena pregunta abierta»."""
    from simulator.coaching.strengths import _probe_part

    assert (_probe_part(question) is not None) is praised
