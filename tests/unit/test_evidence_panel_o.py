"""Evidence that quotes the turn that did the thing, from blind panel O's unfair judgements
(session 22, helper s1): the courtesy of the opening does not hide the situation question that
follows it (tb-02 T3), a closed question that settles the order after the offer is no probe
(tb-02 T29), a request for the line to validate the holder answers no objection (tb-03 T3),
and noting an address down reflects no need (tf-03 T7). Every sentence was written for this
test."""

from __future__ import annotations

from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript
from simulator.scoring.context import CallContext
from simulator.scoring.engine import score_with_context
from simulator.scoring.turn_functions import functions

INBOUND_SALE = [
    ("agent", "Gracias por llamar a Tienda Sol, le atiende Irma. ¿Con quién tengo el gusto?"),
    ("customer", "Con Lucía Paredes. Quiero comprar la tableta Brisa que vi en la página."),
    (
        "agent",
        "Mucho gusto, señora Lucía, con gusto la ayudo con la tableta. Antes de revisarla, "
        "cuénteme: ¿para quién es y para qué la va a usar principalmente?",
    ),
    (
        "customer",
        "Es para mi hijo, para la escuela; necesito que le dure la pila toda la mañana.",
    ),
    (
        "agent",
        "Para la escuela le va muy bien la tableta Brisa: la pila dura diez horas y trae "
        "funda con teclado, en 3,499 pesos con envío gratis. ¿Se la aparto?",
    ),
    ("customer", "Sí, apártemela."),
    (
        "agent",
        "Perfecto. Nada más para no confundirme: ¿la quiere en color gris o en azul?",
    ),
    ("customer", "En gris."),
    ("agent", "Anotado. ¿Me da un correo para mandarle la confirmación?"),
    ("customer", "lucia.paredes@correo.mx"),
    (
        "agent",
        "Le confirmo: lucia punto paredes arroba correo punto mx. Queda su tableta gris. "
        "¿Hay algo más en lo que le pueda ayudar?",
    ),
    ("customer", "No, gracias."),
    ("agent", "Gracias por su compra, señora Lucía. Le atendió Irma de Tienda Sol, buen día."),
]


def _score(lines: list[tuple[str, str]], kind: str = "sale") -> tuple[Scorecard, CallContext]:
    transcript = Transcript.model_validate(
        {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    return score_with_context(transcript)


def _cited(card: Scorecard, key: str) -> list[int]:
    return [e.turn for e in card.elements[key].evidence]


def test_the_opening_courtesy_does_not_hide_the_situation_question() -> None:
    card, ctx = _score(INBOUND_SALE)
    assert "open_probe" in functions(ctx, 3)
    assert 3 in _cited(card, "needs_detection")


def test_a_question_that_settles_the_order_after_the_offer_is_no_probe() -> None:
    card, ctx = _score(INBOUND_SALE)
    assert "probe" not in functions(ctx, 7)
    assert 7 not in _cited(card, "needs_detection")


RETENTION = [
    ("agent", "Gracias por llamar a Red Uno, le atiende Pablo. ¿Con quién tengo el gusto?"),
    ("customer", "Soy Ramón Téllez. Quiero dar de baja mi línea, me cuesta demasiado."),
    (
        "agent",
        "Mucho gusto, don Ramón, con gusto lo atiendo. Para revisar su cuenta y validar que "
        "usted es el titular, ¿me dicta el número de la línea, por favor?",
    ),
    ("customer", "Es 33 44 55 66 77."),
    (
        "agent",
        "Gracias, la línea 33 44 55 66 77. Entiendo que siente que paga de más y quiero "
        "ayudarle. ¿Para qué usa más su línea en el día?",
    ),
    ("customer", "Casi solo WhatsApp y llamadas a mi hija en Monterrey."),
]


def test_validating_the_line_answers_no_objection() -> None:
    card, ctx = _score(RETENTION)
    assert "objection_answer" not in functions(ctx, 3)
    # the turn after takes the complaint up: as its answer or as the probe it is
    assert functions(ctx, 5) & {"objection_answer", "open_probe"}


MOVE = [
    ("agent", "Gracias por llamar a Cable Norte, le atiende Sara. ¿Con quién tengo el gusto?"),
    ("customer", "Con Elena Cruz. Me mudo y quiero llevarme el internet."),
    ("agent", "Con gusto, señora Cruz. ¿Cuál es la dirección nueva?"),
    ("customer", "Calle Pino 412, departamento 8, colonia Jardines, en Querétaro."),
    (
        "agent",
        "Anotado: Calle Pino 412, departamento 8, colonia Jardines. ¿Me permite un momento en "
        "línea mientras reviso la cobertura?",
    ),
    ("customer", "Sí, claro."),
]


def test_noting_an_address_down_is_no_paraphrase() -> None:
    _, ctx = _score(MOVE, kind="service")
    assert "paraphrase" not in functions(ctx, 5)
