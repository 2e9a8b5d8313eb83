"""Scorer findings of the session 11 blind panels C and D, on our own lines (never a panelist's):
- a payment method asked about the customer's habits today is probing, not a close; «¿me permite
  preguntarle qué…?» is an open question;
- saving up for something, a broken appliance, a move or «quiero saber cómo le hago para…» state
  the customer's need;
- one stray question left among several answered is a coaching point, not a failed element; a
  question the customer closes in the same turn («… No, nada más.») is owed no answer; «¿a qué
  viene eso?» is answered by the reason for asking;
- the customer's name said before a probing question does not make it an identity check."""

from __future__ import annotations

from simulator.analysis.agent import tag_agent
from simulator.analysis.customer import tag_customer
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring.elements_opening import is_identity_check
from simulator.scoring.engine import score_with_context


def test_a_payment_habit_question_probes_and_a_payment_choice_still_closes() -> None:
    habit = tag_agent(
        "Para orientarla bien, ¿cómo acostumbra pagar sus compras, con débito o en efectivo?"
    )
    assert "close" not in habit and "open_question" in habit
    choice = tag_agent("Perfecto, ¿el enganche me lo da con débito o en efectivo?")
    assert "close" in choice


def test_a_question_asked_with_permission_is_open() -> None:
    acts = tag_agent("Antes de seguir, ¿me permite preguntarle qué uso le da a su camioneta?")
    assert "open_question" in acts
    acts = tag_agent("Oiga, ¿me cuenta qué le pasó con el último pago?")
    assert "open_question" in acts


def test_needs_stated_as_savings_a_broken_appliance_a_move_or_a_task() -> None:
    for line in (
        "Pues andamos ahorrando para una lavadora nueva.",
        "La estufa que tenemos ya no prende, fíjese.",
        "Nos cambiamos de casa a fin de mes, por eso le marco.",
        "Buenas, quisiera saber qué tengo que hacer para pasar mi línea a otro nombre.",
    ):
        assert "need_statement" in tag_customer(line).acts, line


def _needs_missing(lines: list[tuple[str, str]]) -> list[str]:
    card = score_transcript(
        Transcript.model_validate({"turns": [{"speaker": s, "text": t} for s, t in lines]})
    )
    return card.elements["needs_detection"].missing


START = [
    ("agent", "Buenas tardes, Papelería El Búho, le atiende Iván, ¿en qué le puedo ayudar?"),
    ("customer", "Necesito una impresora para la tarea de mis hijos. ¿Tienen de tinta continua?"),
    ("agent", "Sí, tenemos dos modelos. ¿Cuántas hojas imprimen más o menos a la semana?"),
    ("customer", "Unas cien. ¿Y cuánto cuesta la más sencilla?"),
    ("agent", "La sencilla cuesta 3,200 pesos e imprime hasta 300 hojas por semana."),
    ("customer", "¿Y trae cable o es inalámbrica?"),
    ("agent", "Es inalámbrica, se conecta al módem de su casa."),
]


def test_one_stray_question_among_answered_ones_does_not_fail_the_element() -> None:
    missing = _needs_missing(
        [
            *START,
            ("customer", "Bueno. ¿Y eso lo inventaron ustedes?"),
            ("agent", "Se la dejo apartada a su nombre. ¿Algo más en que le ayude?"),
            ("customer", "No, gracias."),
        ]
    )
    assert not any("sin respuesta" in m for m in missing)


def test_two_ignored_questions_still_fail_it() -> None:
    missing = _needs_missing(
        [
            *START,
            ("customer", "¿Y la garantía de cuánto es?"),
            ("agent", "Perfecto, ahorita se la preparo."),
            ("customer", "¿Y la entregan a domicilio?"),
            ("agent", "Perfecto, ¿algo más en que le ayude?"),
        ]
    )
    assert any("sin respuesta" in m for m in missing)


def test_a_question_the_customer_closes_in_the_same_turn_is_owed_no_answer() -> None:
    missing = _needs_missing(
        [
            (
                "agent",
                "Buenas tardes, Papelería El Búho, le atiende Iván, ¿en qué le puedo ayudar?",
            ),
            ("customer", "Necesito hojas blancas."),
            ("agent", "Claro, el paquete de 500 cuesta 120 pesos. ¿Algo más?"),
            ("customer", "Ay, ¿qué sería? No, es todo."),
            ("agent", "Gracias por su compra, que tenga buena tarde."),
        ]
    )
    assert not any("sin respuesta" in m for m in missing)


def test_why_do_you_ask_is_answered_by_the_reason() -> None:
    missing = _needs_missing(
        [
            (
                "agent",
                "Buenas tardes, Papelería El Búho, le atiende Iván, ¿en qué le puedo ayudar?",
            ),
            ("customer", "Necesito una mochila."),
            ("agent", "Con gusto. ¿Para qué grado es?"),
            ("customer", "¿Y eso qué tiene que ver?"),
            ("agent", "Se lo pregunto porque el tamaño cambia según los libros que cargue."),
        ]
    )
    assert not any("sin respuesta" in m for m in missing)


def test_the_name_before_a_probing_question_is_no_identity_check() -> None:
    transcript = Transcript.model_validate(
        {
            "kind": "collections",
            "turns": [
                {"speaker": "customer", "text": "¿Bueno?"},
                {
                    "speaker": "agent",
                    "text": "Buenos días, le habla Rocío de Financiera Sol. ¿Hablo con Tomás Ruiz?",
                },
                {"speaker": "customer", "text": "Sí, él habla."},
                {
                    "speaker": "agent",
                    "text": "Gracias, don Tomás. Su crédito tiene un pago atrasado. "
                    "¿Me cuenta qué le impidió pagarlo?",
                },
            ],
            "customer_data": {"nombre": "Tomás Ruiz"},
        }
    )
    ctx = score_with_context(transcript)[1]
    assert is_identity_check(ctx, 2)
    assert not is_identity_check(ctx, 4)


def test_a_call_back_time_is_no_close_but_an_install_date_is() -> None:
    assert "close" not in tag_agent("Le marco el jueves. ¿En qué horario le acomoda que le llame?")
    assert "close" in tag_agent("¿Qué día le acomoda para la instalación, el martes o el jueves?")


def test_an_address_asked_piece_by_piece_is_a_data_request() -> None:
    acts = tag_agent("Muy bien. ¿En qué calle y número vive?")
    assert "data_request" in acts and "open_question" not in acts


def test_an_outbound_purpose_in_other_words_opens_the_call() -> None:
    card = score_transcript(
        Transcript.model_validate(
            {
                "kind": "sale",
                "company": "Seguros Cima",
                "agent_name": "Lorena",
                "turns": [
                    {"speaker": "customer", "text": "¿Diga?"},
                    {
                        "speaker": "agent",
                        "text": "Buenos días, le habla Lorena de Seguros Cima. ¿Hablo con la "
                        "licenciada Inés Mora?",
                    },
                    {"speaker": "customer", "text": "Sí, soy yo."},
                    {
                        "speaker": "agent",
                        "text": "Gracias, licenciada. Usted dejó sus datos en nuestra página para "
                        "una cotización de seguro de auto. ¿Tiene un par de minutos?",
                    },
                ],
            }
        )
    )
    assert "Ofrecimiento de ayuda o motivo de la llamada" not in (
        card.elements["opening_protocol"].missing
    )


def test_a_field_the_customer_declined_is_not_missing_but_one_never_asked_is() -> None:
    from tests.unit.test_scoring_rules import PITCH, PROBE, sale

    declined = [
        ("a", "¿Me da un teléfono de contacto?", "data_request"),
        ("c", "No, prefiero no darlo.", "refusal"),
        ("a", "Está bien. ¿Y su correo?", "data_request"),
        ("c", "rosa.hdz@gmail.com", "data_given"),
        ("a", "Le confirmo el correo rosa.hdz@gmail.com, ¿correcto?", "data_confirmation"),
        ("c", "Sí.", "acceptance"),
    ]
    card = sale(
        PROBE + PITCH + declined,
        required_fields=["telefono", "correo"],
        capture={"correo": "rosa.hdz@gmail.com"},
    )
    assert card.elements["data_management"].met is True
    never_asked = [
        line for line in declined if "teléfono" not in line[1] and "prefiero" not in line[1]
    ]
    card = sale(
        PROBE + PITCH + never_asked,
        required_fields=["telefono", "correo"],
        capture={"correo": "rosa.hdz@gmail.com"},
    )
    assert card.elements["data_management"].met is False


def test_a_yes_volunteered_to_the_offer_needs_no_close_attempt() -> None:
    from tests.unit.test_scoring_rules import PROBE, sale

    pitch = [
        (
            "a",
            "El Plan Hogar 200 megas cuesta 499 pesos al mes y no se traba.",
            "feature",
            "benefit",
        )
    ]

    objection = [
        ("c", "Está caro.", "objection", "obj:price"),
        (
            "a",
            "Le entiendo; sale en 16 pesos al día y sus hijos ya no pierden clase.",
            "objection_response",
            "feature",
        ),
        ("c", "Bueno, así sí, me quedo con ese.", "acceptance"),
    ]
    card = sale(PROBE + pitch + objection)
    assert "Hacer al menos un intento de cierre en la llamada" not in (
        card.elements["objection_handling"].missing
    )
    card = sale(PROBE + pitch + objection[:2] + [("c", "Lo voy a pensar.", "other")])
    assert "Hacer al menos un intento de cierre en la llamada" in (
        card.elements["objection_handling"].missing
    )


def test_validating_the_customer_s_caution_is_empathy() -> None:
    for line in (
        "Hace muy bien en checarlo antes de dar cualquier dato.",
        "Tiene toda la razón en comparar, don Julio.",
        "Ay, qué bonito detalle para su papá.",
    ):
        assert "empathy" in tag_agent(line), line


def test_a_model_phrasing_never_names_a_sold_out_product() -> None:
    from simulator.scoring.slots import slots

    transcript = Transcript.model_validate(
        {
            "kind": "sale",
            "catalog": [
                {"name": "Licuadora Turbo 9", "price": 1899, "conditions": ["Agotada por ahora"]},
                {"name": "Licuadora Ciclón 5", "price": 1499},
            ],
            "turns": [
                {"speaker": "agent", "text": "Gracias por llamar a Casa Hogar, le atiende Raúl."},
                {"speaker": "customer", "text": "Quiero la Licuadora Turbo 9."},
                {
                    "speaker": "agent",
                    "text": "La Licuadora Turbo 9 no la tengo; la Licuadora Turbo 9 se agotó. "
                    "Le ofrezco la Licuadora Ciclón 5 en 1,499.",
                },
            ],
        }
    )
    assert slots(score_with_context(transcript)[1])["producto"] == "Licuadora Ciclón 5"


def test_a_simulated_call_the_agent_opens_is_inbound() -> None:
    card = score_transcript(
        Transcript.model_validate(
            {
                "kind": "sale",
                "company": "Casa Hogar",
                "agent_name": "Raúl",
                "events": [{"type": "call_start", "t": 0.0}],
                "turns": [
                    {"speaker": "agent", "text": "Casa Hogar, buenas tardes, habla Raúl."},
                    {"speaker": "customer", "text": "Quiero una licuadora."},
                ],
            }
        )
    )
    assert not any("hablo con" in m for m in card.elements["opening_protocol"].missing)
