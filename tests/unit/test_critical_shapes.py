"""Disrespect read by shape and by the call's parties (issue 12, helper s3, session 23): contact
promised until the debt is paid, the listener labelled as a stereotype, a lesson in manners
(``analysis.disrespect_shapes``), and a listener who said «número equivocado» still addressed by
the name asked for (``scoring.denied_identity``). Each with near misses that use the same words
correctly and must stay clean.

Every sentence was written for this test (none comes from a call of the external sets).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis import conduct, disrespect_shapes
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

THREATS = [
    "Le vamos a estar marcando todos los días mientras no liquide su adeudo.",
    "No vamos a dejar de buscarla hasta que cubra lo que debe.",
    "Si no paga, la seguiremos llamando hasta que pague.",
    "Aquí la vamos a tener, llamándole diario, hasta que se ponga al corriente.",
    "Vamos a seguir insistiendo en este número hasta el día en que salde su crédito.",
]
NOT_THREATS = [
    "No la vamos a seguir llamando; si decide pagar, usted nos busca.",
    "Le llamo el jueves para confirmar que quedó registrado su pago.",
    "Le vuelvo a marcar mañana; hasta que no se refleje el pago, el saldo sigue igual.",
    "Nadie la va a estar llamando hasta que pague, no se preocupe.",
    "Gracias por llamar; mantenga la llave cerrada hasta que llegue el plomero.",
]
LABELS = [
    "Creo que usted es el típico cliente que todo lo quiere gratis.",
    "Usted ha de ser uno de esos que nunca contestan.",
    "No me diga que usted es otro de esos que le tienen miedo a todo.",
    "Se nota que usted es la clásica persona que desconfía de todo.",
]
NOT_LABELS = [
    "Es usted un cliente muy valioso para nosotros.",
    "Usted es de los clientes que más tiempo llevan con nosotros, gracias.",
    "El típico problema de señal se resuelve reiniciando el módem.",
    "Es un caso clásico de cargo duplicado; se lo reembolsamos hoy.",
]
LESSONS = [
    "Ojalá aprenda usted algo de modales, caballero.",
    "Le hacen falta modales, señora.",
    "A ver si le enseñan un poco de educación en su casa.",
    "¿Qué maneras de hablar son esas?",
    "Usted no tiene ni tantita educación.",
]
NOT_LESSONS = [
    "Le explico las formas de pago: efectivo o tarjeta.",
    "Le pido que nos hablemos con respeto, por favor.",
    "Con nuestro curso aprende educación financiera desde casa.",
    "Le faltan dos pagos para liquidar, ¿le genero la referencia?",
    "¿Qué formas de pago acepta la tienda?",
]


@pytest.mark.parametrize("sentence", THREATS)
def test_contact_until_paid_is_a_threat(sentence: str) -> None:
    assert disrespect_shapes.kind(sentence) == "threat"
    assert conduct.disrespect_kind(sentence) == "threat"


@pytest.mark.parametrize("sentence", NOT_THREATS + NOT_LABELS + NOT_LESSONS)
def test_the_same_words_said_correctly_are_no_offence(sentence: str) -> None:
    assert disrespect_shapes.kind(sentence) is None


@pytest.mark.parametrize("sentence", LABELS)
def test_a_stereotype_label_is_mockery(sentence: str) -> None:
    assert disrespect_shapes.kind(sentence) == "mockery"


@pytest.mark.parametrize("sentence", LESSONS)
def test_a_lesson_in_manners_is_condescension(sentence: str) -> None:
    assert disrespect_shapes.kind(sentence) == "condescension"


PERSIST = ["la seguiremos", "le vamos a seguir", "lo vamos a estar", "la estaremos", "le seguimos"]
CONTACT = ["llamando", "marcando", "buscando", "molestando", "insistiendo"]
LIMIT = ["hasta que", "mientras no", "hasta no"]
PAY = ["pague", "liquide", "cubra su saldo", "se ponga al corriente", "abone algo"]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(PERSIST),
    st.sampled_from(CONTACT),
    st.sampled_from(LIMIT),
    st.sampled_from(PAY),
    st.booleans(),
)
def test_any_contact_until_payment_and_its_denial(
    persist: str, contact: str, limit: str, pay: str, denied: bool
) -> None:
    sentence = f"{'No ' if denied else ''}{persist} {contact} {limit} {pay}."
    assert (disrespect_shapes.kind(sentence) == "threat") is not denied


# ---------------------------------------------------------------- a denied identity disbelieved


def _codes(lines: list[tuple[str, str]], kind: str = "collections") -> set[str]:
    data = {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    card = score_transcript(Transcript.model_validate(data))
    return {e.code for e in card.critical_errors}


ASK = ("agent", "Buenas tardes, le llamo de Financiera Sur, ¿me comunica con el señor Tadeo Ríos?")
TAIL = [("customer", "Bueno, ya."), ("agent", "Que tenga buen día.")]
DENIALS = ["Está equivocado, aquí no vive ningún Tadeo.", "Yo no soy Tadeo, se equivocó de número."]
DISBELIEF = [
    "Ándele, señor Tadeo, no se haga, sé que es usted.",
    "Mire, señor Tadeo, reconozco perfecto su voz.",
    "Señor Ríos, no me diga eso, hablemos con calma.",
]
BELIEF = [
    "Disculpe la molestia, señor, entonces no es usted el señor Tadeo.",
    "Entiendo. ¿Conoce usted al señor Tadeo Ríos?",
    "Perdone, ¿será que me dieron mal el número del señor Ríos?",
]


@pytest.mark.parametrize("denial", DENIALS)
@pytest.mark.parametrize("answer", DISBELIEF)
def test_addressing_the_denier_by_the_name_asked_is_disrespect(denial: str, answer: str) -> None:
    assert "disrespect" in _codes([ASK, ("customer", denial), ("agent", answer), *TAIL])


@pytest.mark.parametrize("denial", DENIALS)
@pytest.mark.parametrize("answer", BELIEF)
def test_taking_the_denial_is_no_disrespect(denial: str, answer: str) -> None:
    assert "disrespect" not in _codes([ASK, ("customer", denial), ("agent", answer), *TAIL])


def test_the_person_asked_for_comes_to_the_phone() -> None:
    lines = [
        ASK,
        ("customer", "No está, soy su hermana, déjeme ver si ya llegó."),
        ("agent", "Claro, gracias, espero."),
        ("customer", "Bueno, sí, soy yo, Tadeo Ríos."),
        ("agent", "Señor Tadeo, buenas tardes, gracias por tomar la llamada."),
        *TAIL,
    ]
    assert "disrespect" not in _codes(lines)


def test_a_relative_with_the_same_surname_is_addressed_as_herself() -> None:
    lines = [
        ASK,
        ("customer", "No se encuentra, soy su esposa."),
        ("agent", "Gracias, señora Ríos, le dejo mi número para que él se comunique."),
        *TAIL,
    ]
    assert "disrespect" not in _codes(lines)
