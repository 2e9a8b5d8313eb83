"""Evidence and wording from blind panel P's unfair judgements (session 23, helper s1): needs
detection is quoted from the questions about the situation before the offer, not from a request
for a datum, a read-back check or a decision question; a number read back in other digit groups
is a read-back and «quedó registrado» with the customer's name is none; the opening's praise names
the turn with the purpose; praise for listening is not a confidentiality refusal; the reasons of
the strengths speak the call kind's language; a model opening keeps the agent's time of day and
the fillers tip names the fillers said. Every sentence was written for this test."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from simulator.analysis.agent import tag_agent
from simulator.analysis.fillers import said
from simulator.coaching.grading import grade
from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript
from simulator.scoring.context import CallContext
from simulator.scoring.engine import score_with_context
from simulator.scoring.kinded import render
from simulator.scoring.turn_functions import functions

OUTBOUND_SALE = [
    ("customer", "¿Bueno?"),
    (
        "agent",
        "Buenas tardes, le habla Rocío Lara de Seguros Alfa. ¿Hablo con el señor Tomás Rivas?",
    ),
    ("customer", "Sí, soy yo."),
    (
        "agent",
        "Gracias, señor Rivas. Le llamo porque su seguro de auto vence este mes. Para ofrecerle "
        "algo que le sirva, platíqueme: ¿cómo usa su coche entre semana y qué le preocupa más?",
    ),
    ("customer", "Lo uso para ir a la fábrica todos los días; me preocupa que me lo roben."),
    (
        "agent",
        "Entonces es su medio de trabajo diario y le inquieta el robo. Le recomiendo la "
        "Cobertura Total: robo total con deducible del 10 %, daños materiales y grúa, por "
        "9,500 pesos al año. ¿Cuál de las dos formas de pago le acomoda más, anual o mensual?",
    ),
    ("customer", "Anual está bien. Sí la quiero."),
    ("agent", "Perfecto. ¿Y la dirección donde le mandamos la póliza impresa?"),
    ("customer", "Calle Olivo 22, colonia Jardines, Querétaro. Mi celular es 44 21 88 90 13."),
    (
        "agent",
        "Le confirmo: Calle Olivo 22, colonia Jardines, Querétaro, celular 442 188 9013. "
        "¿Los datos que le leí están correctos?",
    ),
    ("customer", "Sí, correctos."),
    ("agent", "Listo, don Tomás, quedó registrado todo."),
    ("customer", "Gracias."),
    (
        "agent",
        "¿Hay algo más en lo que le pueda ayudar? Gracias por su tiempo, señor Rivas; le "
        "atendió Rocío Lara de Seguros Alfa. Buena tarde.",
    ),
]

COLLECTIONS = [
    ("customer", "¿Diga?"),
    (
        "agent",
        "Buenas tardes, le habla Sara Ponce de Banco Norte, del área de cobranza. ¿Hablo con "
        "la señora Elena Cruz?",
    ),
    ("customer", "Sí, ella habla."),
    (
        "agent",
        "Gracias, señora Cruz. Le llamo porque su tarjeta tiene un pago vencido de 2,300 pesos. "
        "¿Qué pasó este mes que no se pudo cubrir?",
    ),
    ("customer", "¿Y cómo sé que usted es del banco? Ya me han querido estafar."),
    (
        "agent",
        "Tiene toda la razón en cuidarse: yo no le voy a pedir claves ni su NIP, y puede "
        "marcar al número de su tarjeta para comprobarlo. ¿Para qué fecha podría cubrir los "
        "2,300 pesos?",
    ),
    ("customer", "El viernes 15 los pago."),
    ("agent", "Perfecto. ¿Me confirma que el viernes 15 paga los 2,300 pesos?"),
    ("customer", "Sí, el viernes."),
    (
        "agent",
        "Queda registrada su promesa. ¿Algo más en que le pueda ayudar? Gracias por su "
        "tiempo, señora Cruz; que tenga buena tarde.",
    ),
]


def _score(lines: list[tuple[str, str]], kind: str = "sale") -> tuple[Scorecard, CallContext]:
    transcript = Transcript.model_validate(
        {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    _, ctx = score_with_context(transcript)
    return grade(transcript), ctx


def _cited(card: Scorecard, key: str) -> list[int]:
    return [e.turn for e in card.elements[key].evidence]


def test_a_request_for_a_datum_or_a_read_back_check_is_no_probe() -> None:
    _, ctx = _score(OUTBOUND_SALE)
    assert "probe" not in functions(ctx, 8)  # «¿Y la dirección donde le mandamos…?»
    assert "probe" not in functions(ctx, 10)  # «¿Los datos que le leí están correctos?»


def test_needs_detection_is_quoted_from_the_question_before_the_offer() -> None:
    card, _ = _score(OUTBOUND_SALE)
    cited = _cited(card, "needs_detection")
    assert cited and cited[0] == 4
    assert not set(cited) & {8, 10, 12}


def test_a_number_read_back_in_other_groups_is_a_read_back() -> None:
    _, ctx = _score(OUTBOUND_SALE)
    assert "read_back" in functions(ctx, 10)


def test_the_name_and_quedo_registrado_read_nothing_back() -> None:
    card, ctx = _score(OUTBOUND_SALE)
    assert "read_back" not in functions(ctx, 12)
    assert 12 not in _cited(card, "data_management")
    assert 10 in _cited(card, "data_management")


def test_the_opening_praise_names_the_turn_with_the_purpose() -> None:
    card, _ = _score(OUTBOUND_SALE)
    assert card.elements["opening_protocol"].met
    assert _cited(card, "opening_protocol") == [2, 4]
    opening = [s for s in card.feedback.strengths if s.skill == "phone_etiquette"]
    assert opening and opening[0].turn == 2
    assert "turno 2" in opening[0].message and "turno 4" in opening[0].message


def test_collections_strengths_speak_of_no_sale() -> None:
    card, _ = _score(COLLECTIONS, kind="collections")
    assert card.feedback.strengths
    for item in card.feedback.strengths:
        assert "venta" not in item.why.lower()


def test_service_objection_praise_speaks_of_no_sale() -> None:
    lines = [
        ("agent", "Gracias por llamar a Hogar Seguro, le atiende Iván. ¿En qué le puedo ayudar?"),
        ("customer", "Se me rompió un tubo, y la otra vez me cobraron el material. No confío."),
        (
            "agent",
            "Entiendo su desconfianza, y lamento lo de la vez pasada. Esta vez el material está "
            "cubierto hasta 1,500 pesos y se lo dejo anotado. ¿Ya cerró la llave de paso?",
        ),
        ("customer", "Sí, ya la cerré."),
        ("agent", "Muy bien. ¿Algo más en que le pueda ayudar? Gracias por llamar, buen día."),
    ]
    card, _ = _score(lines, kind="service")
    for item in card.feedback.strengths:
        assert "venta" not in item.why.lower()


def test_a_confidentiality_refusal_is_not_praised_as_listening() -> None:
    lines = [
        ("agent", "Gracias por llamar a Red Uno, le atiende Paola. ¿En qué le ayudo?"),
        ("customer", "Quiero saber cuánto debe mi vecino, él también es cliente."),
        (
            "agent",
            "Entiendo que quiera ayudarle, qué amable. Pero por confidencialidad no puedo darle "
            "datos de la cuenta de otra persona; él puede llamarnos directamente.",
        ),
        ("customer", "Bueno, está bien."),
        ("agent", "¿Algo más en que le pueda ayudar? Gracias por llamar, que esté bien."),
    ]
    card, ctx = _score(lines, kind="service")
    assert "refusal" in functions(ctx, 3)
    assert not any(s.skill == "active_listening" and s.turn == 3 for s in card.feedback.strengths)


def test_le_parece_que_iniciemos_is_a_close() -> None:
    for line in (
        "Entonces, ¿le parece que iniciemos su solicitud del plan Plus?",
        "¿Le parece bien que empecemos con la solicitud de su tarjeta?",
        "¿Le parece que arranquemos el trámite de su cambio de plan?",
    ):
        assert "close" in tag_agent(line), line
    assert "close" not in tag_agent("¿Le parece que le marque mañana en la tarde?")


def test_the_model_opening_keeps_the_agents_time_of_day() -> None:
    slots = {"agente": "Iván", "empresa": "Hogar Seguro", "saludo": "buenas tardes"}
    text = render("Buenos días, le habla {agente} de {empresa}.", slots)
    assert text.startswith("Buenas tardes, le habla Iván")
    assert render("{empresa}, buenos días.", slots).endswith("buenas tardes.")


@given(st.sampled_from(["buenas tardes", "buenas noches", "buenos días", ""]))
def test_the_greeting_slot_never_leaves_another_time_of_day(greeting: str) -> None:
    text = render("Buenos días, le atiende {agente}.", {"agente": "Eva", "saludo": greeting})
    expected = greeting or "buenos días"
    assert text.lower().startswith(expected)


def test_the_fillers_named_are_the_ones_said() -> None:
    assert said("Pues ya le mando un plomero, pues no se preocupe.") == ["pues", "pues"]
    assert "este" in said("Este… le comento que, este, sí hay cobertura.")
    assert said("Le confirmo su cita para mañana a las diez.") == []


# ------------------------------------------------------------------ outcome (panel P se-05, sa-06)


def _sale_outcome(hung_up: bool, registered: bool) -> str:
    from simulator.customer.state import CustomerState
    from simulator.models.transcript import Event
    from simulator.session.result import decide_outcome

    class _Scenario:
        goal = "sale"
        required_fields: list[str] = []

    lines = [
        ("agent", "¿Le parece si dejamos contratada la Cobertura Total hoy?"),
        ("customer", "Ándele, sí."),
        ("agent", "Perfecto. Ahora sí, ¿me da las placas y el modelo de su coche?"),
        ("customer", "Ya no tengo tiempo, le cuelgo."),
    ]
    transcript = Transcript.model_validate(
        {"kind": "sale", "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    events = [Event(type="consent", after_turn=2, value="accepted")]
    if registered:
        events.append(Event(type="sale_registered", after_turn=3, value="Cobertura Total"))
    transcript.events = events
    state = CustomerState(accepted=True, hung_up=hung_up)
    return decide_outcome(_Scenario(), state, transcript)  # type: ignore[arg-type]


def test_a_yes_hung_up_on_before_registering_is_no_sale() -> None:
    assert _sale_outcome(hung_up=True, registered=False) == "hung_up"
    assert _sale_outcome(hung_up=True, registered=True) == "sale"
    assert _sale_outcome(hung_up=False, registered=False) == "sale"


def _deferral(agent_last: str) -> str | None:
    from simulator.models.transcript import Event, Turn
    from simulator.session.outcome_reason import outcome_reason

    turns = [
        Turn(speaker="agent", text="¿Le parece que iniciemos su solicitud del plan Familiar?"),
        Turn(speaker="customer", text="No decido sin platicarlo con mi esposa."),
        Turn(speaker="agent", text=agent_last),
        Turn(speaker="customer", text="Está bien, gracias."),
    ]
    events = [Event(type="consent", t=1.0, value="hesitated", after_turn=2, reason="objection")]
    return outcome_reason("no_sale", Transcript(kind="sale", turns=turns, events=events))


def test_a_deferral_with_an_agreed_call_back_is_no_unresolved_objection() -> None:
    for line in (
        "Me parece muy bien. Le mando el resumen y le marco mañana a las cinco, ¿le parece?",
        "Claro, es decisión de los dos. ¿Le parece si la llamo el jueves en la tarde?",
        "Con gusto; le propongo llamarle el viernes para resolver sus dudas.",
    ):
        said = _deferral(line) or ""
        assert "seguimiento" in said and "sin resolver" not in said, line
    plain = _deferral("Entiendo. Cualquier cosa aquí estamos.") or ""
    assert "objeción sin resolver" in plain


def test_a_read_back_tip_says_dates_and_amounts_as_an_agent_would() -> None:
    from simulator.scoring.data_quotes import spoken

    assert spoken("fecha_nacimiento", "7/11/1990") == "7 de noviembre de 1990"
    assert spoken("fecha_nacimiento", "1990-11-07") == "7 de noviembre de 1990"
    assert spoken("ingreso_mensual", "25000") == "25,000 pesos"
    assert spoken("monto", "1,850") == "1,850 pesos"
    assert spoken("fecha_pago", "27") == "27"  # a day, no amount
    assert spoken("numero_cuenta", "18000") == "18000"


def test_a_monologue_tip_is_a_line_to_say() -> None:
    from simulator.coaching.long_turn import opening_idea

    said = (
        "Perfecto, ya quedó anotado. Le comento cómo funciona: el cambio no tiene costo una vez "
        "al año y conserva su plan. El técnico llega en la mañana y le deja el módem listo."
    )
    assert opening_idea(said).startswith("Le comento cómo funciona")
    assert opening_idea("¿Me confirma su correo?") == ""


def test_the_first_pitch_without_empathy_is_no_objection_answer() -> None:
    lines = [
        ("agent", "Buenas tardes, le habla Iris de Red Móvil. ¿Hablo con el señor Abel Ruiz?"),
        ("customer", "Sí. Mire, no me interesa, siempre me ofrecen cosas que no sirven."),
        (
            "agent",
            "Le puedo cambiar al Plan Conecta 20 por 349 pesos al mes, con 20 GB y llamadas "
            "ilimitadas a todo México, sin plazo forzoso. ¿Se lo cambio?",
        ),
        ("customer", "Es que en otra compañía me lo dejan más barato."),
        (
            "agent",
            "Entiendo que quiera pagar menos, señor Ruiz. ¿Qué le ofrecen allá? Aquí conserva su "
            "número y no paga penalización si se cambia de plan después.",
        ),
        ("customer", "Déjeme pensarlo."),
        ("agent", "Claro. ¿Algo más en que le ayude? Gracias por su tiempo, buena tarde."),
    ]
    _, ctx = _score(lines)
    assert ctx.first_presentation == 3
    assert "objection_answer" not in functions(ctx, 3)
    assert "objection_answer" in functions(ctx, 5)
