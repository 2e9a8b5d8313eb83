"""Customer act forms the tagger must read from the agent's previous turn: acceptances with
clitic imperatives, declines with vocatives, complaints, needs vs. small talk, ASR questions."""

from __future__ import annotations

import pytest

from simulator.analysis import tag_customer


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Va, cámbiemelo.", "¿Le hago el cambio de plan hoy?"),
        ("me lo quedo", "Es el último equipo que tengo en promoción, ¿se lo aparto?"),
        ("si por favor inscribame", "¿Le inscribo al programa de puntos?"),
        ("Ándale, sí, el de 400.", "¿Se queda con el plan de 400 o con el de 600?"),
        ("Con el de 500, por favor.", "¿Se queda con el de 300 o con el de 500 megas?"),
        ("va que va", "¿Se lo activo de una vez?"),
        ("pues si ya que", "¿Entonces le hago el cargo?"),
        ("ta bueno pues", "Entonces le aplico la promoción, ¿de acuerdo?"),
        ("Sí, sí, déjelo así.", "Entonces le dejo el plan de 349, ¿le parece?"),
    ],
)
def test_acceptance_forms(text: str, context: str) -> None:
    tags = tag_customer(text, context)
    assert tags.acts == ["acceptance"], (text, tags.acts)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("no señorita gracias", "¿Le activo el servicio de streaming por 99 pesos?"),
        ("No, así déjelo.", "¿Le subo la línea de crédito?"),
        ("Mmm, no, mejor así lo dejamos.", "¿Quiere que le aumente los megas?"),
        ("No, eso sí no.", "¿Me da los números de su tarjeta?"),
        ("no ya no quiero nada", "¿Le ofrezco también el seguro de vida?"),
    ],
)
def test_refusal_after_an_offer_or_request(text: str, context: str) -> None:
    assert tag_customer(text, context).acts == ["refusal"]


def test_a_bare_no_with_no_offer_before_is_no_refusal() -> None:
    assert "refusal" not in tag_customer("no señorita gracias", "Su saldo es de 300 pesos.").acts


@pytest.mark.parametrize(
    "text",
    [
        "Me hicieron un cargo que yo no autoricé.",
        "ya llevo tres reportes y sigue igual",
        "pesima atencion siempre me cuelgan",
        "Pagué a tiempo y aun así me cobraron recargos.",
        "Me prometieron un descuento y nunca me lo aplicaron.",
        "nomas me dan largas y no me solucionan",
        "Ya hablé cinco veces y siguen sin mandar al técnico.",
        "es un robo lo que me cobran de comision",
    ],
)
def test_complaints(text: str) -> None:
    tags = tag_customer(text, "¿En qué le puedo ayudar?")
    assert tags.acts == ["complaint"], (text, tags.acts)
    assert tags.objection_type is None


def test_small_talk_answer_is_no_need_but_a_situation_is() -> None:
    assert tag_customer("Pues aquí, en la casa, viendo la tele.", "¿Cómo ha estado?").acts == [
        "other"
    ]
    need = tag_customer("tengo una tiendita y quiero aceptar tarjetas", "¿Para qué la quiere?")
    assert need.acts == ["need_statement"]


@pytest.mark.parametrize(
    ("text", "context", "acts"),
    [
        ("puedo pagar en oxxo", "Su pago pendiente es de 900 pesos.", ["question"]),
        ("y donde pago", "Su convenio quedó registrado.", ["question"]),
        ("me puede dar un numero de reporte", "Ya quedó levantado su reporte.", ["question"]),
        (
            "tiene algun costo extra",
            "Le podemos agregar la tarjeta.",
            ["buying_signal", "question"],
        ),
        (
            "y eso cuanto me va a costar",
            "Le agregamos la asistencia.",
            ["buying_signal", "question"],
        ),
        ("y la instalacion tiene costo", "El plan cuesta 399.", ["buying_signal", "question"]),
    ],
)
def test_unpunctuated_questions(text: str, context: str, acts: list[str]) -> None:
    assert tag_customer(text, context).acts == acts


def test_puedo_answering_the_agents_question_is_a_statement() -> None:
    tags = tag_customer("puedo pagar el viernes", "¿Cuándo podría realizar su pago?")
    assert "question" not in tags.acts


def test_no_to_an_offer_question_declines_but_yes_only_shows_interest() -> None:
    no = tag_customer("No, señor, no me interesa.", "¿Le gustaría conocer nuestro seguro?")
    assert no.acts == ["objection", "refusal"] and no.objection_type == "not_interested"
    yes = tag_customer("Sí, me interesa, ¿qué necesito?", "¿Le gustaría conocer el plan?")
    assert "acceptance" not in yes.acts and "buying_signal" in yes.acts


def test_confirming_data_states_no_need() -> None:
    context = "¿Me confirma que tiene dos dependientes económicos?"
    assert tag_customer("Sí, tengo dos hijos.", context).acts == ["other"]


def test_asking_about_ones_own_payment_is_no_buying_signal() -> None:
    tags = tag_customer("en cuanto tiempo se refleja mi pago", "Su pago ya fue recibido.")
    assert tags.acts == ["question"]
