"""Critical-error families that must hold on wording no source gave us (issue 12, helper score-l):
promises no company keeps, false legal consequences, two prices for one thing, condescension,
blame and mockery as shapes — each under the variations a real call adds (a vocative, a filler
before, speech-recognition form) — and the polite near misses that must stay clean.

Every sentence was written for this test (none comes from a call of the external sets).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

SALE_OPEN = [
    ("agent", "Buenas tardes, le habla Rosa de Plan Seguro, ¿hablo con el señor Tomás Ibarra?"),
    ("customer", "Sí, soy yo."),
]
DEBT_OPEN = [
    ("agent", "Buenas tardes, le habla Rosa de Cobranza Centro por su crédito de Banco Sol, "
     "¿hablo con el señor Tomás Ibarra?"),
    ("customer", "Sí, soy yo."),
]  # fmt: skip
TAIL = [("customer", "Ajá, ya veo."), ("agent", "Gracias por su tiempo, que tenga buen día.")]


def _codes(lines: list[tuple[str, str]], kind: str) -> set[str]:
    data = {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    card = score_transcript(Transcript.model_validate(data))
    return {e.code for e in card.critical_errors}


def _said(sentence: str, kind: str) -> set[str]:
    opening = DEBT_OPEN if kind == "collections" else SALE_OPEN
    return _codes([*opening, ("agent", sentence), *TAIL], kind)


PROMISES = [
    "Le garantizo que no le van a cobrar nada, nunca.",
    "Esta cuenta es sin ningún costo de por vida.",
    "Queda cubierto al cien por ciento en cualquier clínica.",
    "Su préstamo sale aprobado mañana, de todas todas.",
]
LEGAL = [
    "Mañana pasamos a su casa con el actuario para llevarnos sus muebles.",
    "Esa deuda nunca prescribe, lo vamos a buscar toda la vida.",
    "Si no paga le congelan todas sus cuentas.",
]
TALKING_DOWN = [
    "Usted no me está poniendo atención.",
    "Si hubiera pagado a tiempo no estaríamos con esto.",
    "Si no le alcanza, ¿para qué pidió el crédito?",
    "No me haga reír.",
    "¿Usted cree que el banco regala el dinero?",
    "Esto no es beneficencia.",
    "¿Sabe leer? Ahí dice clarito.",
]
CLEAN = [
    "Le garantizo que yo le doy seguimiento a su reporte.",
    "La consulta no tiene costo.",
    "Si el pago no se cubre, el atraso puede aparecer en su historial de crédito.",
    "¿Me permite repetirle el monto para que lo anote?",
    "Le llamo mañana sin falta para confirmarle.",
    "Sin falta, hoy le llega.",
    "Si hubiera algún cargo que no reconozca, nos llama y lo revisamos.",
    "No se preocupe, no es su culpa.",
]
# What a caller adds around a sentence: nothing, a vocative, a filler, both.
BEFORE = st.sampled_from(["", "Mire, ", "Oiga, ", "Señor Tomás, ", "Pues, "])
AFTER = st.sampled_from(["", " ¿Sí?", " Señor.", " ¿Me entiende?"])


def _asr(text: str) -> str:
    """As speech recognition delivers it: lowercase, no accents or punctuation."""
    table = str.maketrans("áéíóúüñ", "aeiouun", "¿?¡!.,;:")
    return text.lower().translate(table)


@settings(max_examples=12, deadline=None)
@given(sentence=st.sampled_from(PROMISES), before=BEFORE, after=AFTER, asr=st.booleans())
def test_promises_no_company_keeps_are_inaccurate(
    sentence: str, before: str, after: str, asr: bool
) -> None:
    line = before + sentence + after
    assert "inaccurate_information" in _said(_asr(line) if asr else line, "sale")


@settings(max_examples=12, deadline=None)
@given(sentence=st.sampled_from(LEGAL), before=BEFORE, asr=st.booleans())
def test_false_legal_consequences_are_inaccurate(sentence: str, before: str, asr: bool) -> None:
    line = before + sentence
    assert "inaccurate_information" in _said(_asr(line) if asr else line, "collections")


@settings(max_examples=14, deadline=None)
@given(sentence=st.sampled_from(TALKING_DOWN), before=BEFORE, asr=st.booleans())
def test_talking_down_is_disrespect(sentence: str, before: str, asr: bool) -> None:
    line = before + sentence
    for kind in ("collections", "sale"):
        assert "disrespect" in _said(_asr(line) if asr else line, kind)


@pytest.mark.parametrize("sentence", CLEAN)
@pytest.mark.parametrize("kind", ["sale", "collections"])
def test_polite_near_misses_stay_clean(sentence: str, kind: str) -> None:
    assert _said(sentence, kind) == set()


def _priced(first: str, customer: str, second: str) -> set[str]:
    lines = [*SALE_OPEN, ("agent", first), ("customer", customer), ("agent", second), *TAIL]
    return _codes(lines, "sale")


@settings(max_examples=10, deadline=None)
@given(
    low=st.integers(min_value=150, max_value=900),
    delta=st.integers(min_value=20, max_value=300),
    second=st.sampled_from(
        ["Entonces son {p} pesos al mes por el plan.", "Serían {p} pesos mensuales del plan."]
    ),
)
def test_two_prices_for_one_thing_are_inaccurate(low: int, delta: int, second: str) -> None:
    first = f"La mensualidad del plan es de {low} pesos."
    said = _priced(first, "Ajá.", second.format(p=low + delta))
    assert "inaccurate_information" in said


@pytest.mark.parametrize(
    ("customer", "second"),
    [
        ("¿Y con el módem incluido?", "Con el módem son 459 pesos al mes."),
        ("Ajá.", "Ya con IVA, el plan queda en 464 pesos al mes."),
        ("Ajá.", "Y a partir del séptimo mes el plan es de 499 pesos al mes."),
        ("Ajá.", "Perdón, me equivoqué: el plan es de 429 pesos al mes."),
        ("Ajá.", "El plan de 50 megas es de 549 pesos al mes."),
        ("Ajá.", "Le repito: el plan es de 399 pesos al mes."),
    ],
)
def test_second_price_of_another_thing_is_no_contradiction(customer: str, second: str) -> None:
    assert "inaccurate_information" not in _priced(
        "El plan es de 399 pesos al mes.", customer, second
    )


@pytest.mark.parametrize(
    ("claimed", "before", "after", "wrong"),
    [(40, 500, 400, True), (20, 500, 400, False), (25, 800, 610, False), (50, 800, 610, True)],
)
def test_a_saving_the_calls_own_figures_contradict(
    claimed: int, before: int, after: int, wrong: bool
) -> None:
    lines = [
        *SALE_OPEN,
        ("agent", f"Si junta sus dos servicios en un paquete, va a ahorrar {claimed}% al mes."),
        ("customer", "¿Cómo está eso?"),
        ("agent", f"Pasaría de pagar {before} pesos en total a {after} pesos con un solo recibo."),
        *TAIL,
    ]
    assert ("inaccurate_information" in _codes(lines, "sale")) is wrong
