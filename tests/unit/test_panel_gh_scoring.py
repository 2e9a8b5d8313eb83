"""Scorer findings of the session 14 blind panels G and H, on our own lines (never a panelist's):
- a question about how the customer uses something stays open when it lists examples («¿en qué
  ocupa más la computadora, tareas, juegos o videollamadas?»), and so does one that leaves a slot
  open («¿qué le inquieta, el hospital, las medicinas, o algo en especial?»); a forced choice between two
  things («¿qué le importa más, el precio o la entrega?») is still closed. The customer's answer
  to such a question describes her situation, so the benefit tied to it is seen;
- which offer to register, asked with the product's word or between the options («¿con cuál
  paquete la dejo, Básico o Familiar?», «¿la dejamos con el Familiar o con el Básico?»), is a
  close, and «¿cuál de los dos le va mejor?» after the options is a trial close: a buying signal
  followed by them is followed;
- a question about what the offer does not cover, or one that voices distrust («esas compañías
  siempre ponen pretextos, ¿qué no incluye?»), is a doubt to answer, not a buying signal;
- leaving the service over its failure, said mid-call («mejor doy de baja el servicio, no
  funciona»), is an objection, so a complaint call's handling of it is judged and counted; a
  customer who must consult is answered when the agent grants what was asked («con gusto se lo
  mando para que lo revisen juntos»);
- «Pidió la decisión al cliente» praises a close that asks, never a step announced («le registro
  el seguro…»), and never in a service call, which is not judged on asking for a sale;
- an open question asked after a datum is confirmed in the same turn is probing, and brevity
  asked as the condition to listen («lo escucho, pero rapidito») is a customer in a hurry."""

from __future__ import annotations

import pytest

from simulator.analysis.agent import tag_agent
from simulator.coaching import situation
from simulator.coaching.grading import grade
from simulator.coaching.strengths import strengths
from simulator.models.transcript import Transcript
from simulator.scoring.engine import score_with_context

CATALOG = [
    {"name": "Seguro Hogar Básico", "price": 2400, "period": "año"},
    {"name": "Seguro Hogar Familiar", "price": 3600, "period": "año"},
]

# The first four turns of the home-insurance calls below: greeting, identity, an open question
# about the house and the customer's answer (a robbery last year).
ANA_LUZ_OPENING = [
    ("agent", "Buenas tardes, le habla Irene de Seguros Alba. ¿Hablo con la señora Ana Luz?"),
    ("customer", "Sí, soy yo."),
    (
        "agent",
        "Gracias, señora Ana Luz. ¿Cómo está protegida hoy su casa si pasa algo, una fuga,"
        " un robo?",
    ),
    ("customer", "No tenemos nada, y el año pasado se nos metieron a robar."),
]


def _card(lines: list[tuple[str, str]], raw: bool = False, **extra: object):  # type: ignore[no-untyped-def]
    data = {"turns": [{"speaker": s, "text": t} for s, t in lines], **extra}
    if raw:  # the scorecard and its context, before feedback
        return score_with_context(Transcript.model_validate(data))
    return grade(Transcript.model_validate(data))  # the scorecard with its feedback


@pytest.mark.parametrize(
    "text",
    [
        "Para recomendarle bien: ¿en qué ocupa más la computadora, tareas, juegos o videollamadas?",
        "¿Y para qué utilizan más el carro, trabajo, escuela o paseos?",
        "¿Qué le inquieta hoy, el hospital, las medicinas, o algo en especial?",
        "¿Qué busca en una tarjeta, meses sin intereses, puntos u otra cosa?",
    ],
)
def test_a_question_listing_examples_or_leaving_a_slot_open_is_open(text: str) -> None:
    acts = tag_agent(text)
    assert "open_question" in acts and "closed_question" not in acts


@pytest.mark.parametrize(
    "text",
    ["¿Qué le importa más, el precio o la entrega?", "¿Cuál prefiere, el azul o el negro?"],
)
def test_a_forced_choice_between_two_things_stays_closed(text: str) -> None:
    acts = tag_agent(text)
    assert "closed_question" in acts and "open_question" not in acts


def test_a_benefit_tied_to_the_usage_answered_to_a_listing_question_is_seen() -> None:
    card = _card(
        [
            ("agent", "Buenas tardes, le habla Rocío de Telered. ¿Hablo con el señor Tomás Ruiz?"),
            ("customer", "Sí, soy yo. ¿Qué se le ofrece?"),
            (
                "agent",
                "Le llamo por su paquete de internet, señor Tomás. Antes de ofrecerle algo: ¿para"
                " qué usan más el internet en su casa, tareas, series o trabajo?",
            ),
            (
                "customer",
                "Pues mis dos hijas hacen la tarea en línea en las tardes y a veces se traba"
                " cuando las dos están conectadas.",
            ),
            (
                "agent",
                "Entonces con las dos conectadas por las tardes le conviene el Plan 200 megas:"
                " aguanta las dos clases al mismo tiempo sin que se trabe, por 499 pesos al mes."
                " ¿Cómo lo ve?",
            ),
            ("customer", "Suena bien."),
        ],
        catalog=[{"name": "Plan 200 megas", "price": 499, "period": "mes"}],
    )
    needs = card.elements["needs_detection"]
    assert needs.met is True
    product = card.elements["product_information"]
    assert (
        "Ligar al menos un beneficio a una necesidad que expresó el cliente" not in product.missing
    )
    probing = [i for i in card.feedback.improvements if i.skill == "probing"]
    assert not any("sin antes preguntar" in i.message for i in probing)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Con eso ya tiene los dos. ¿Con cuál paquete la dejo, Básico o Familiar?", "close"),
        ("Entonces, ¿la dejamos con el Familiar de 3,600 o con el Básico de 2,400?", "close"),
        (
            "El Familiar cubre a los cuatro. ¿Cuál de los dos le va mejor a su familia?",
            "trial_close",
        ),
    ],
)
def test_which_offer_to_register_is_a_close(text: str, act: str) -> None:
    assert act in tag_agent(text)


def _signal_call(customer_question: str, agent_answer: str) -> tuple[object, object]:
    card = _card(
        [
            (
                "agent",
                "Buenas tardes, le habla Irene de Seguros Alba. ¿Hablo con la señora Ana Luz?",
            ),
            ("customer", "Sí, soy yo."),
            (
                "agent",
                "Gracias, señora Ana Luz. Le llamo por el seguro de su casa. ¿Cómo está protegida"
                " hoy su casa si pasa algo, una fuga, un robo?",
            ),
            ("customer", "Pues no tenemos nada, y el año pasado se nos metieron a robar."),
            (
                "agent",
                "Qué mal rato. Para que no vuelva a pagar eso de su bolsa tengo dos opciones: el"
                " Seguro Hogar Básico en 2,400 pesos al año y el Seguro Hogar Familiar en 3,600"
                " pesos al año, que cubre también los contenidos de toda la familia.",
            ),
            ("customer", customer_question),
            ("agent", agent_answer),
            ("customer", "Ah, bueno."),
        ],
        catalog=CATALOG,
    )
    return card.metrics["buying_signals"], card.metrics["buying_signals_followed"]


def test_a_question_about_what_is_not_covered_is_no_buying_signal() -> None:
    missed = _signal_call(
        "Esas compañías siempre ponen pretextos para no pagar. ¿Qué no incluye?",
        "Se lo digo claro: no cubre daños que ya existían ni desgaste por uso; lo demás sí.",
    )
    assert missed == (0, 0)


def test_a_price_question_followed_by_which_offer_to_register_is_followed() -> None:
    missed = _signal_call(
        "¿Y cuánto sería si lo pago en mensualidades?",
        "En mensualidades no tengo el dato exacto y no se lo invento. Con eso que me dice, ¿con"
        " cuál paquete la dejo, Básico o Familiar?",
    )
    assert missed == (1, 1)


def test_leaving_the_service_over_its_failure_is_an_objection_the_agent_answers() -> None:
    card = _card(
        [
            ("agent", "Gracias por llamar a Telered, le atiende Rocío. ¿Con quién tengo el gusto?"),
            ("customer", "Con Tomás Ruiz. Llevo dos días sin internet y nadie me dice nada."),
            (
                "agent",
                "Qué molesto, señor Tomás, dos días sin servicio y sin respuesta; le ofrezco una"
                " disculpa. ¿Me confirma su número de contrato para revisar su línea?",
            ),
            ("customer", "Es el 4417820. Mejor doy de baja el servicio, no funciona."),
            (
                "agent",
                "Lo entiendo, señor Tomás, y está en su derecho. Antes de que decida, le propongo"
                " algo: le agendo un técnico para mañana sin costo y le descuento los días sin"
                " servicio. ¿Le parece?",
            ),
            ("customer", "Bueno, va, pero que sí vengan."),
        ],
        kind="complaint",
    )
    assert card.metrics["objections"] == 1
    assert card.metrics["objections_addressed"] == 1
    assert card.elements["objection_handling"].met is True


def test_granting_what_a_customer_who_must_consult_asked_for_answers_the_objection() -> None:
    card = _card(
        [
            *ANA_LUZ_OPENING,
            (
                "agent",
                "Para eso es el Seguro Hogar Básico: cubre robo y daños por 2,400 pesos al año."
                " ¿Se lo dejo contratado?",
            ),
            ("customer", "Lo tengo que platicar con mi esposo primero."),
            (
                "agent",
                "Con gusto se lo mando por correo para que lo revisen juntos. ¿A qué correo se lo"
                " envío?",
            ),
            ("customer", "A analuz@correo.mx."),
        ],
        catalog=CATALOG,
    )
    assert card.metrics["objections"] == 1
    assert card.metrics["objections_addressed"] == 1


def test_a_step_announced_is_not_praised_as_asking_for_the_decision() -> None:
    card = _card(
        [
            *ANA_LUZ_OPENING,
            (
                "agent",
                "Qué mal rato. Para eso es el Seguro Hogar Básico: cubre robo y daños por 2,400"
                " pesos al año.",
            ),
            ("customer", "Me convence, quiero contratarlo."),
            ("agent", "Listo, señora Ana Luz, le registro el Seguro Hogar Básico en 2,400 al año."),
            ("customer", "Gracias."),
            ("agent", "Gracias a usted, señora Ana Luz, que tenga buena tarde."),
        ],
        catalog=CATALOG,
        raw=True,
    )
    card, ctx = card
    card.critical_errors = []  # the praise alone: no critical finding holds it back
    assert not [s for s in strengths(ctx, card) if s.skill == "closing"]


def test_a_service_call_is_not_praised_for_asking_for_a_sale() -> None:
    card = _card(
        [
            ("agent", "Asistencia Hogar, le atiende Rocío. ¿Con quién tengo el gusto?"),
            ("customer", "Con Tomás Ruiz, se me está saliendo el agua del calentador."),
            (
                "agent",
                "Tranquilo, señor Tomás, ya lo ayudo. ¿Le registro el servicio como emergencia?",
            ),
            ("customer", "Sí, por favor."),
            (
                "agent",
                "Listo, señor Tomás, el plomero llega en 90 minutos. ¿Algo más en que le ayude?",
            ),
            ("customer", "No, gracias."),
            ("agent", "Gracias a usted, señor Tomás, que tenga buena tarde."),
        ],
        kind="service",
    )
    assert not [s for s in card.feedback.strengths if s.skill == "closing"]


def test_an_open_question_after_a_datum_confirmed_counts_as_probing() -> None:
    _, ctx = _card(
        [
            ("agent", "Gracias por llamar a Telered, le atiende Rocío. ¿Con quién tengo el gusto?"),
            ("customer", "Con Tomás Ruiz. Quiero cancelar mi paquete, está muy caro."),
            ("agent", "Claro, señor Tomás. ¿Me da su número de contrato para validar?"),
            ("customer", "Es el 4417820, pero lo escucho breve, eh."),
            (
                "agent",
                "Le confirmo el contrato 4417820. Antes de la baja, ¿para qué usan más el internet en su"
                " casa, series, tareas o trabajo?",
            ),
            ("customer", "Nada más series en la noche, somos dos."),
            (
                "agent",
                "Entonces para series de noche le alcanza el Plan 100 megas en 399 pesos, 100"
                " menos de lo que paga. ¿Cómo lo ve?",
            ),
            ("customer", "Pues sí, así sí."),
        ],
        kind="sale",
        raw=True,
    )
    assert situation.probing(ctx, ("sale",), 3).asked == 1


def test_brevity_asked_as_the_condition_to_listen_is_a_hurry() -> None:
    _, ctx = _card(
        [
            ("agent", "Buenas tardes, le habla Irene de Seguros Alba."),
            ("customer", "A ver, lo escucho, pero rapidito."),
        ],
        raw=True,
    )
    assert situation.pressed_for_time(ctx)
