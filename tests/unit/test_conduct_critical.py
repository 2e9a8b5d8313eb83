"""Critical errors a QA lead would catch: disrespect, confidential disclosure, do-not-call.

Every sentence here was written for this test (natural, varied, some as speech recognition gives
them: no accents, no punctuation). The same conduct lexicon drives the simulated customer, so the
last tests check that the customer and the scorecard agree.
"""

from __future__ import annotations

import pytest

from simulator.analysis import conduct, tag_agent
from simulator.content.library import load_library
from simulator.customer.simulator import CustomerSimulator
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.session.call import CallSession

OPEN = [
    (
        "agent",
        "Buenas tardes, le habla Karla de Internet Veloz, ¿hablo con el señor Jorge Ramírez?",
    ),
    ("customer", "Sí, soy yo, ¿qué se le ofrece?"),
]


def _call(lines: list[tuple[str, str]], kind: str = "sale") -> Transcript:
    return Transcript.model_validate(
        {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )


def _codes(lines: list[tuple[str, str]], kind: str = "sale") -> list[tuple[str, int | None]]:
    card = score_transcript(_call(lines, kind))
    return [(e.code, e.turn) for e in card.critical_errors]


DISRESPECTFUL = [
    "Cálmese, señora, así no le puedo ayudar.",
    "calmese senor asi no vamos a llegar a nada",
    "Tranquilícese, por favor, que no es para tanto.",
    "No sé si sepas leer, pero ahí dice clarito el precio.",
    "no se si sepa leer el contrato pero ahi viene todo",
    "Ay, no sea pendejo, si ya le expliqué.",
    "Es usted bien terco, eh.",
    "no sea codo es bien poquito lo que paga",
    "Pues usted se lo pierde.",
    "Decídase ya, que no tengo todo el día.",
    "decidase de una vez senora",
    "¿Lo quiere o no lo quiere?",
    "Si no le gusta, cuelgue y búsquele con otra compañía.",
    "pues cuelguele si quiere",
    "Eso le pasa por no leer lo que firma.",
    "Jajaja, ¿de verdad pensó que era gratis?",
    "Se lo voy a explicar despacito para que me entienda.",
    "Ya cállese y déjeme hablar.",
    "Ni que fuera un muerto de hambre, son cien pesos.",
    "No me diga que es usted de los que le piden permiso a la esposa para todo.",
    "Bájele dos rayitas, ¿no?",
    "Pues fíjese bien en lo que firma, que luego no hay reclamos.",
]

RESPECTFUL = [
    "Entiendo su molestia, señora, tiene toda la razón en estar enojada.",
    "Lamento mucho lo que pasó, ahorita mismo lo revisamos juntos.",
    "Con gusto le explico otra vez, fue mi error no ser más claro.",
    "¿Qué es lo que más le preocupa del cambio de plan?",
    "Qué tonto de mi parte, le di el folio incompleto; es el 48213.",
    "Yo me encargo de que no sea así. Gracias por su paciencia.",
    "Ojalá no sea así, pero si pasa, llámenos con su folio.",
    "me dice que esta lento su internet desde el lunes verdad",
    "No se preocupe, no es su culpa, el cargo se hizo por un error nuestro.",
    "Tómese su tiempo, le dejo la información por correo y usted decide.",
    "Si no le convence, no pasa nada, le agradezco mucho su tiempo.",
    "El sistema está bien lento hoy, discúlpeme la espera.",
    "Ay, qué lata que en la tarde se le ponga lento. ¿Cuántas personas se conectan en su casa?",
    "Le confirmo que nunca le vamos a pedir su NIP ni su contraseña.",
    "Obviamente le respetamos la promoción que le ofrecimos.",
    # «fíjese que» is the polite Mexican lead-in to a fact (panel J; our own wordings)
    "Pues fíjese que con 150 pesos más ya le incluye la limpieza dental.",
    "pues fijese que el tecnico puede ir desde mañana temprano",
    "Pues fíjese, el plan de 20 gigas le sale más barato que el suyo.",
]


@pytest.mark.parametrize("line", DISRESPECTFUL)
def test_disrespect_is_tagged_and_critical(line: str) -> None:
    assert "disrespect" in tag_agent(line), line
    assert conduct.disrespect_kind(line) is not None
    codes = _codes([*OPEN, ("agent", line), ("customer", "Oiga, pues qué le pasa.")])
    assert ("disrespect", 3) in codes


@pytest.mark.parametrize("line", RESPECTFUL)
def test_respectful_lines_are_not_disrespect(line: str) -> None:
    assert "disrespect" not in tag_agent(line), line
    assert conduct.disrespect_kind(line) is None
    assert not any(c == "disrespect" for c, _ in _codes([*OPEN, ("agent", line)]))


def test_disrespect_explanation_names_the_kind() -> None:
    card = score_transcript(_call([*OPEN, ("agent", "Cálmese, señor, no me grite.")]))
    assert "calmara" in card.critical_errors[0].explanation


# ---------------------------------------------------------------------------- do not call

DNC = [
    "Ya le dije que no me interesa, y no me vuelva a llamar.",
    "no me interesa ya no me llame",
    "Por favor anóteme para que no me llamen más.",
    "Sáquenme de su lista, se lo pido por favor.",
]
PERSUASION_AFTER = [
    "Pero todavía no le he explicado los beneficios.",
    "Déjeme explicarle nada más un minuto, se va a sorprender.",
    "Pero escúcheme, es una promoción que le conviene mucho.",
    "solo un minutito señor no me cuelgue",
    "¿Y si le ofrezco tres meses gratis?",
    "Piénselo, de verdad le conviene.",
]
RESPECT_AFTER = [
    "Claro, señor, lo damos de baja de nuestra lista. Disculpe la molestia, que tenga buen día.",
    "Entendido, queda registrado que no desea más llamadas. Hasta luego.",
    "de acuerdo ya no lo molestamos mas que este bien",
]


@pytest.mark.parametrize("request_line", DNC)
@pytest.mark.parametrize("after", PERSUASION_AFTER)
def test_any_persuasion_after_do_not_call_is_critical(request_line: str, after: str) -> None:
    lines = [
        *OPEN,
        ("agent", "Le llamo para ofrecerle nuestro nuevo plan de internet."),
        ("customer", request_line),
        ("agent", after),
    ]
    assert ("ignores_do_not_call", 5) in _codes(lines)


@pytest.mark.parametrize("request_line", DNC)
@pytest.mark.parametrize("after", RESPECT_AFTER)
def test_a_polite_goodbye_after_do_not_call_is_fine(request_line: str, after: str) -> None:
    lines = [
        *OPEN,
        ("agent", "Le llamo para ofrecerle nuestro nuevo plan de internet."),
        ("customer", request_line),
        ("agent", after),
    ]
    assert not any(c == "ignores_do_not_call" for c, _ in _codes(lines))
    assert conduct.respects_do_not_call(after)


# ---------------------------------------------------------------------------- confidential


@pytest.mark.parametrize(
    "line",
    [
        "Para validar, ¿me da su NIP por favor?",
        "me puede dictar el cvv que viene atras de su tarjeta",
        "Necesito los 16 dígitos de su tarjeta para aplicar la promoción.",
        "¿Cuál es la contraseña de su banca en línea?",
        "Dígame los tres números de atrás de la tarjeta.",
    ],
)
def test_asking_for_a_secret_is_critical(line: str) -> None:
    assert conduct.asks_secret(line)
    assert ("confidential_disclosure", 3) in _codes([*OPEN, ("agent", line)])


@pytest.mark.parametrize(
    "line",
    [
        "Por su seguridad, nunca le vamos a pedir su NIP ni su CVV.",
        "¿Me confirma los últimos cuatro dígitos de su tarjeta?",
        "no comparta su contraseña con nadie ni por telefono",
    ],
)
def test_warning_about_secrets_is_not_a_request(line: str) -> None:
    assert not conduct.asks_secret(line)


THIRD_PARTY_OPEN = [
    ("agent", "Buenas tardes, le llamo de Financiera Azteca, ¿se encuentra el señor Ramiro Tapia?"),
]


@pytest.mark.parametrize(
    ("reply", "detail"),
    [
        (
            "No, no se encuentra, soy su esposa.",
            "Dígale que tiene un adeudo de 3,200 pesos con nosotros.",
        ),
        (
            "no esta salio a trabajar",
            "es que el senor debe tres mensualidades y ya lo vamos a reportar al buro de credito",
        ),
        ("Ya no vive aquí, es mi primo.", "Es que su tarjeta está vencida en sus pagos."),
        (
            "Habla su vecina, él no tiene teléfono.",
            "Mire, el señor tiene un saldo vencido desde marzo.",
        ),
    ],
)
def test_volunteering_account_details_to_a_third_party_is_critical(reply: str, detail: str) -> None:
    lines = [*THIRD_PARTY_OPEN, ("customer", reply), ("agent", detail)]
    assert ("confidential_disclosure", 3) in _codes(lines, "collections")


@pytest.mark.parametrize(
    "answer",
    [
        "Por privacidad no le puedo dar detalles, ¿le podría dejar un recado para que nos llame?",
        "Solo puedo darle la información al titular. ¿A qué hora lo puedo localizar?",
        "no se preocupe le llamo mas tarde gracias",
    ],
)
def test_refusing_details_to_a_third_party_is_fine(answer: str) -> None:
    lines = [
        *THIRD_PARTY_OPEN,
        ("customer", "No se encuentra, ¿de parte de quién? ¿Tiene algún problema?"),
        ("agent", answer),
    ]
    assert not any(c == "confidential_disclosure" for c, _ in _codes(lines, "collections"))


def test_details_to_the_holder_after_confirming_identity_are_fine() -> None:
    lines = [
        *THIRD_PARTY_OPEN,
        ("customer", "Sí, soy yo, dígame."),
        ("agent", "Señor Tapia, tiene un adeudo de 3,200 pesos con vencimiento el día 15."),
    ]
    assert not any(c == "confidential_disclosure" for c, _ in _codes(lines, "collections"))


def test_the_holder_comes_to_the_phone_after_a_relative() -> None:
    lines = [
        *THIRD_PARTY_OPEN,
        ("customer", "No está, soy su hija. Ah, espere, ya llegó, se lo paso."),
        ("agent", "Gracias."),
        ("customer", "Bueno, sí, soy yo, Ramiro Tapia."),
        ("agent", "Señor Tapia, le llamo porque tiene un adeudo de 3,200 pesos."),
    ]
    assert not any(c == "confidential_disclosure" for c, _ in _codes(lines, "collections"))


@pytest.mark.parametrize(
    ("wrong", "confirm"),
    [
        ("Perdón, no, ese no soy yo. ¿A quién buscaba?", "Sí, a sus órdenes."),
        ("No, aquí no es. ¿A quién busca?", "Sí, dígame."),
        ("No, se equivocó, ese no soy yo.", "Sí, con él."),
    ],
)
def test_a_wrong_name_corrected_then_confirmed_is_the_holder(wrong: str, confirm: str) -> None:
    """Tmux play: the agent asked for the wrong name, apologised, asked for the right one and got
    «Sí, a sus órdenes»; telling the debt then was flagged as told to a third party."""
    lines = [
        ("customer", "¿Bueno?"),
        ("agent", "Buenas tardes, ¿hablo con el señor Marco Antonio Ruiz?"),
        ("customer", wrong),
        ("agent", "Perdón, me equivoqué de nombre. ¿Hablo con el señor Ernesto Vázquez Lara?"),
        ("customer", confirm),
        ("agent", "Gracias, señor Ernesto. Le llamo porque su tarjeta tiene dos meses de atraso."),
    ]
    assert not any(c == "confidential_disclosure" for c, _ in _codes(lines, "collections"))


def test_a_relative_who_says_yes_to_a_question_about_a_message_is_still_a_relative() -> None:
    lines = [
        *THIRD_PARTY_OPEN,
        ("customer", "No está, soy su esposa."),
        ("agent", "¿Le puede dar un recado?"),
        ("customer", "Sí, claro."),
        ("agent", "Dígale que tiene un adeudo de 3,200 pesos con nosotros."),
    ]
    assert ("confidential_disclosure", 5) in _codes(lines, "collections")


# ---------------------------------------------------------------------------- one truth


def test_what_offends_the_customer_is_on_the_scorecard() -> None:
    """«Cálmese» makes the simulated customer angry and the scorer flags it: one lexicon."""
    library = load_library()
    scenario = library.scenario("queja-internet-sin-servicio")
    sim = CustomerSimulator(scenario, library.persona(scenario.default_persona))
    state = sim.start(0)
    first = "Gracias por llamar a Internet Veloz, le atiende Daniel, ¿en qué le puedo ayudar?"
    reply0, state = sim.respond(first, state)
    rude = "Cálmese, señora, así no le puedo ayudar."
    reply, state = sim.respond(rude, state)
    assert "annoyed" in reply.intent_names or reply.hung_up
    lines = [("agent", first), ("customer", reply0.text), ("agent", rude), ("customer", reply.text)]
    assert ("disrespect", 3) in _codes(lines, "service")


def _play(scenario_id: str, lines: list[str], seed: int = 0) -> tuple[Transcript, list[str]]:
    library = load_library()
    scenario = library.scenario(scenario_id)
    session = CallSession(scenario, library.persona(scenario.default_persona), seed=seed)
    session.set_status("Disponible")
    session.start()
    for line in lines:
        if session.ended:
            break
        session.agent_says(line)
    result = session.hang_up()
    assert result.scorecard is not None
    return result.transcript, [e.code for e in result.scorecard.critical_errors]


def test_an_insulted_hang_up_is_an_event_and_a_critical_error() -> None:
    transcript, codes = _play(
        "queja-internet-sin-servicio",
        [
            "Gracias por llamar a Internet Veloz, le atiende Daniel, ¿en qué le puedo ayudar?",
            "Cálmese, señora, así no le puedo ayudar.",
            "Pues si no le gusta, cuelgue y búsquele con otra compañía.",
            "No sea exagerada, tampoco es para tanto.",
            "Ya cállese y déjeme hablar.",
        ],
    )
    hangups = [e for e in transcript.events if e.type == "hangup" and e.value == "cliente"]
    assert hangups and hangups[0].reason == "insulted"
    assert "disrespect" in codes


def test_asking_for_the_nip_is_refused_by_the_customer_and_flagged() -> None:
    transcript, codes = _play(
        "tarjeta-credito-horizonte",
        [
            "Buenas tardes, le habla Karla de Tarjetas Horizonte, ¿hablo con la titular?",
            "Para validar su identidad, ¿me da el NIP de su tarjeta actual?",
        ],
    )
    customer = [t.text for t in transcript.turns if t.speaker == "customer"]
    assert "confidential_disclosure" in codes
    assert any("confidencial" in c or "no se" in c.lower() or "no los" in c for c in customer[-2:])


def test_every_do_not_call_line_the_customer_can_say_is_read_as_do_not_call() -> None:
    """The brain's do-not-call lines (base bank, personas, scenarios) are what the scorer reads."""
    from simulator.analysis import tag_customer
    from simulator.customer.mouth import base_bank

    library = load_library()
    lines = list(base_bank().get("objection_do_not_call", []))
    for persona in library.personas.values():
        for key, bank in persona.speech.banks.items():
            if key.startswith("objection_do_not_call"):
                lines += bank
    for scenario in library.scenarios.values():
        for objection in [*scenario.objections, *scenario.traps]:
            if objection.type == "do_not_call":
                lines += objection.statements
    assert lines
    for line in lines:
        assert tag_customer(line, "¿Le interesa?").objection_type == "do_not_call", line


def test_thanks_with_persuasion_after_do_not_call_is_no_goodbye() -> None:
    lines = [
        *OPEN,
        ("agent", "Le llamo para ofrecerle nuestro nuevo plan de internet."),
        ("customer", "No me interesa, ya no me llame."),
        ("agent", "Gracias, señor, pero déjeme explicarle nada más un minuto."),
    ]
    assert ("ignores_do_not_call", 5) in _codes(lines)


@pytest.mark.parametrize(
    "text",
    [
        "Quedan incluidas, como le dije. Y sí, como no hay plazo forzoso, puede regresar cuando quiera.",
        "Le pregunto directo, para respetar su decisión: ¿quiere que inicie hoy su solicitud, sí o no?",
    ],
)
def test_plain_courtesies_are_not_mockery_or_pressure(text: str) -> None:
    """Blind panel g-03, h-05 (session 4): «sí, como no hay…» and a close ending «…, sí o no?»."""
    assert conduct.disrespect_kind(text) is None


@pytest.mark.parametrize("text", ["Ay sí, cómo no.", "¿Entonces sí o no?"])
def test_sarcasm_and_a_bare_yes_or_no_still_are(text: str) -> None:
    assert conduct.disrespect_kind(text) is not None
