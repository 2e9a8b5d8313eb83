"""Scorer findings of the session 13 blind panel F, on our own lines (never a panelist's):
- an inbound caller who says what it calls for in its first breath («quiero darme de baja»,
  «quería apartar la lavadora») has given the reason of the call: no offer of help is owed;
- the change put up for a yes («¿la paso a la tarifa de 15 gigas?») is a close, and a yes to an
  either/or close («¿se la cambio o seguimos con la baja?» — «Órale, sí, eso sí») is the
  customer's yes, for the simulated customer's own decision as for the scorer;
- a visit window read back in 12-hour speech («el jueves de 10 a 2») confirms the one captured in
  24-hour form («jueves de 10 a 14 h»);
- small talk asked as a question («¿ya supo que cerraron la calle?») is answered by a reaction
  («¡Híjole, qué barbaridad!»), and «¿usted de dónde es?» by «de acá, de la Ciudad»;
- «No, gracias» to an offer of more help in any wording («¿algo más en que le sirva?», «¿otra
  cosa que ocupe?») is the end of the call, not a «no me interesa» objection left unanswered;
- understanding that grants the customer's point about money («la entiendo, 450 contra 250 es
  bastante diferencia») is empathy;
- giving back what the customer said is a paraphrase: inside a read-back («para confirmar que le
  entendí: …»), recalling earlier words («usted me platicó que…»), a summary with other words
  («entonces lo importante es que no se quede sin señal»), «o sea: …» or «Entiendo, …» before a
  restatement;
- objections in other words: a cheaper offer elsewhere («en la otra compañía me sale en menos»),
  what happened to someone else on a call like this («a mi cuñada le clonaron la tarjeta»), the
  fear of debt seen in someone else («a mi prima la tarjeta la hundió de deudas»);
- which offer to register put up for a yes («¿cuál de los dos le activo?», «¿le dejo el
  Familiar?») is a close, and a buying signal is followed when the close comes right after the
  objection the customer raised in between;
- two open questions in one turn («¿a quién quiere asegurar y qué le preocupa más?») count as two
  for the probing goal (at most two a turn);
- «¿… o lo dejamos como está?» keeps things as they are: no «¿cómo está?» greeting in it;
- what to say instead of a false «todo gratis» is the catalog's own cost condition, and a free
  product is «no tiene costo», never «cuesta 0 pesos»."""

from __future__ import annotations

from simulator.analysis.agent import tag_agent
from simulator.analysis.customer import states_call_reason, tag_customer
from simulator.customer import closing_moves
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.hours import same_slot, windows
from simulator.language.normalize import normalize
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring.elements_needs import open_asks
from simulator.scoring.engine import score_with_context
from simulator.scoring.kinded import render


def _card(lines: list[tuple[str, str]], **extra: object):  # type: ignore[no-untyped-def]
    data = {"turns": [{"speaker": s, "text": t} for s, t in lines], **extra}
    return score_transcript(Transcript.model_validate(data))


def test_a_caller_who_says_what_it_calls_for_needs_no_offer_of_help() -> None:
    card = _card(
        [
            ("agent", "Gracias por comunicarse a Telered, le atiende Mariana. ¿Me dice su nombre?"),
            ("customer", "Julieta Campos Ortiz. Quiero darme de baja del paquete, es todo."),
            ("agent", "Claro, señora Julieta. ¿Me confirma el número de contrato, por favor?"),
            ("customer", "Es el 7788123."),
        ],
        company="Telered",
        agent_name="Mariana",
    )
    opening = card.elements["opening_protocol"]
    assert opening.met is True, opening.missing


def test_the_reason_of_a_call_is_read_whether_or_not_it_is_a_need() -> None:
    assert states_call_reason("Ramón Ibáñez. Venía a apartar la lavadora de la promoción.")
    assert states_call_reason("Ramón Ibáñez. Quería apartar la lavadora de la promoción.")
    assert states_call_reason("Buenas. Le hablo por lo del cobro que me llegó doble.")
    assert states_call_reason("Necesito reportar que no tengo luz desde ayer.")
    assert not states_call_reason("Ramón Ibáñez, a sus órdenes.")
    assert not states_call_reason("Sí, soy yo, dígame.")


def test_the_change_put_up_for_a_yes_is_a_close() -> None:
    assert "close" in tag_agent("Entonces, ¿la paso a la tarifa de 15 gigas en vez de la baja?")
    assert "close" in tag_agent("¿Lo subimos al paquete Familiar 300 desde este corte?")
    assert "close" not in tag_agent("Le paso al área de facturación, ¿me permite?")
    assert "close" not in tag_agent("Ya lo cambié al paquete nuevo, ¿algo más?")


def test_a_yes_to_an_either_or_close_is_the_customers_decision() -> None:
    from tests.unit.test_customer_brain import mini_scenario, persona

    sim = CustomerSimulator(mini_scenario(), persona())
    state = sim.start(7)
    state.presented = True
    text = "Con eso ahorra 200 al mes. ¿Se la cambio o seguimos con la baja?"
    close = Turn(text, normalize(text), {"close", "feature"}, state, sim.scenario, sim.persona)
    took = [Intent(name="choice_take")]
    assert closing_moves.accepted_in_words("Órale, sí, eso sí.", took, close)
    asked = Turn(text, normalize(text), {"closed_question"}, state, sim.scenario, sim.persona)
    assert not closing_moves.accepted_in_words("Órale, sí, eso sí.", took, asked)
    filler = [Intent(name="filler_ack")]  # a filler is no pick: the brain's decision stands
    assert not closing_moves.accepted_in_words("Sí, sí.", filler, close)
    doubt = [Intent(name="not_ready")]
    assert not closing_moves.accepted_in_words("Sí, pero déjeme pensarlo.", doubt, close)


def test_an_imported_call_with_a_yes_to_the_either_or_close_has_consent() -> None:
    close = "¿Le dejo la tarifa de 15 gigas o prefiere seguir con la baja?"
    assert "acceptance" in tag_customer("Órale, sí, eso sí.", close).acts
    card = _card(
        [
            (
                "agent",
                "Gracias por llamar a Telered, le atiende Mariana. ¿Con quién tengo el gusto?",
            ),
            ("customer", "Julieta Campos. Quiero darme de baja, pago mucho."),
            ("agent", "Entiendo, señora Julieta. ¿Qué es lo que más usa de su línea?"),
            ("customer", "Nada más WhatsApp y llamadas."),
            (
                "agent",
                "Entonces le conviene la tarifa de 15 gigas: 249 al mes con WhatsApp ilimitado, "
                "y conserva su número. " + close,
            ),
            ("customer", "Órale, sí, eso sí."),
            ("agent", "Listo, quedó registrado el cambio. ¿Algo más en que le ayude?"),
            ("customer", "No, es todo."),
            ("agent", "Gracias por su preferencia, señora Julieta. Que tenga buen día."),
        ],
        company="Telered",
        agent_name="Mariana",
        events=[{"type": "sale_registered", "t": 60.0, "after_turn": 6}],
    )
    assert not any(e.code == "sale_without_consent" for e in card.critical_errors)


def test_time_windows_are_read_on_the_clock_face() -> None:
    assert windows("el jueves de 10 a 14 h") == ((10, 2),)
    assert windows("entre las diez y las dos") == ((10, 2),)
    assert windows("de 4 a 8 de la noche") == windows("16:00-20:00")
    assert same_slot("jueves de 10 a 14 h", "Queda el jueves de 10 a 2, ¿correcto?")
    assert not same_slot("jueves de 10 a 14 h", "Queda el viernes de 10 a 2, ¿correcto?")
    assert not same_slot("jueves de 10 a 14 h", "Queda el jueves de 4 a 8, ¿correcto?")
    assert not same_slot("el 5 de enero", "el 5 de enero")  # a date is no window


def test_a_window_read_back_in_twelve_hour_speech_confirms_the_capture() -> None:
    card = _card(
        [
            ("agent", "Gracias por llamar a Aguas del Valle, le atiende Tomás. ¿En qué le ayudo?"),
            ("customer", "Quiero reportar una fuga en la banqueta, soy Irma Salgado."),
            ("agent", "Claro, señora Irma. ¿Qué horario le acomoda para la cuadrilla?"),
            ("customer", "El jueves de 10 a 2, por favor."),
            ("agent", "Le confirmo: Irma Salgado, cuadrilla el jueves de 10 a 2. ¿Es correcto?"),
            ("customer", "Sí, correcto."),
            ("agent", "Listo, quedó el reporte. Gracias por avisarnos, que tenga buena tarde."),
        ],
        company="Aguas del Valle",
        agent_name="Tomás",
        capture={"nombre": "Irma Salgado", "horario_visita": "jueves de 10 a 14 h"},
        required_fields=["nombre", "horario_visita"],
    )
    data = card.elements["data_management"]
    assert not any("horario" in m for m in data.missing), data.missing


def _small_talk_call(reaction: str):  # type: ignore[no-untyped-def]
    return _card(
        [
            ("agent", "Gracias por llamar a Telered, le atiende Mariana. ¿En qué le ayudo?"),
            ("customer", "Quiero cambiar mi paquete de domicilio, soy Rosa Ibarra."),
            ("agent", "Con gusto, señora Rosa. ¿Para qué fecha sería el cambio?"),
            ("customer", "Para el 12. Oiga, ¿ya supo que cerraron la calle por la obra del metro?"),
            ("agent", reaction + "Dígame, ¿a qué hora le acomoda que vaya el técnico?"),
            ("customer", "En la mañana, de 9 a 12."),
            ("agent", "Queda el 12, de 9 a 12. ¿Es correcto?"),
            ("customer", "Sí, así es."),
            ("agent", "Listo, señora Rosa. ¿Algo más? Gracias por llamar, buena tarde."),
        ],
        company="Telered",
        agent_name="Mariana",
    )


def test_small_talk_asked_as_a_question_is_answered_by_a_reaction() -> None:
    needs = _small_talk_call("¡Híjole, qué barbaridad! ").elements["needs_detection"]
    assert not any("sin respuesta" in m for m in needs.missing), needs.missing
    ignored = _small_talk_call("").elements["needs_detection"]
    assert any("sin respuesta: turno 4" in m for m in ignored.missing), ignored.missing


def test_no_thanks_to_an_offer_of_more_help_is_no_objection() -> None:
    for offer in (
        "Eso ya quedó. ¿Algo más en que le apoye, don Beto?",
        "Listo. ¿Otra cosa que ocupe hoy?",
        "Con eso terminamos. ¿Alguna otra duda pendiente?",
    ):
        tags = tag_customer("No, gracias.", offer)
        assert "objection" not in tags.acts, (offer, tags)
    # a plain «no me interesa» to an offer still objects
    assert "objection" in tag_customer("No me interesa, gracias.", "¿Le platico del plan?").acts


def test_granting_the_customers_point_about_money_is_empathy() -> None:
    assert "empathy" in tag_agent("La entiendo, 450 contra 250 es bastante diferencia.")
    assert "empathy" in tag_agent("Comprendo, es mucho dinero. ¿Cuánto le gustaría pagar?")
    assert "empathy" not in tag_agent("El Plus cuesta 900, es mucha diferencia en cobertura.")


def test_giving_back_what_the_customer_said_is_a_paraphrase() -> None:
    said = "Se me va la señal en la cocina y en el patio, y ahí trabajo en las tardes."
    assert "paraphrase" in tag_agent(
        "Para confirmar que le entendí: en la cocina y el patio pierde la conexión cuando trabaja, "
        "¿es correcto?",
        said,
    )
    assert "paraphrase" in tag_agent(
        "Usted me platicó que sus papás viven con usted, ¿verdad? Por eso le conviene el familiar.",
        "No, ninguna duda.",
    )
    assert "paraphrase" in tag_agent(
        "Entonces lo importante es que no se quede sin internet. Le recomiendo el de 200.",
        "Trabajo en casa y si se me cae la red pierdo clientes.",
    )
    assert "paraphrase" in tag_agent(
        "O sea: dos semanas esperando al técnico y la renta cobrada completa.",
        "Llevo dos semanas esperando al técnico y me cobraron la renta completa.",
    )
    assert "paraphrase" in tag_agent(
        "Entiendo, son tres recámaras y el módem en la sala. ¿Cuánto paga hoy?",
        "Tenemos tres recámaras y el módem está en la sala, hasta arriba no llega.",
    )
    # a read-back of data alone gives back no words of the customer's
    assert "paraphrase" not in tag_agent(
        "Le confirmo: calle Olmo 12, colonia Centro. ¿Es correcto?", "Sí, está bien."
    )


def test_objections_in_other_words() -> None:
    cases = {
        "Pues en la otra compañía me sale en menos, la verdad.": "price",
        "Con la competencia el plan es más económico.": "price",
        "Ay no, a mi cuñada le clonaron la tarjeta con una llamada así.": "trust",
    }
    for line, kind in cases.items():
        tags = tag_customer(line, "Le platico del plan Familiar, cuesta 399 al mes.")
        assert tags.objection_type == kind, (line, tags)
    # a question about the cheaper of two plans offered is no objection
    assert "objection" not in tag_customer("El otro plan es más barato, ¿verdad?").acts


def test_which_offer_to_register_is_a_close() -> None:
    assert "close" in tag_agent("Entonces, ¿cuál de los dos le activo, el de 300 o el de 150?")
    assert "close" in tag_agent("Listo, eso es todo lo que incluye. ¿Le dejo el Familiar?")
    assert "close" not in tag_agent("¿Le dejo el folio para su seguimiento?")
    assert "close" not in tag_agent("¿Le dejo mi extensión?")


def test_a_signal_is_followed_by_the_close_after_the_objection_in_between() -> None:
    debt = "Es que a mi prima la tarjeta la hundió de deudas."
    assert tag_customer(debt).objection_type == "price"
    card = _card(
        [
            ("agent", "Buenas tardes, le llama Iván de Banco Roble. ¿Hablo con la señora Lidia?"),
            ("customer", "Sí, soy yo."),
            ("agent", "Le llamo por su tarjeta preaprobada. ¿Cómo paga hoy sus compras grandes?"),
            ("customer", "De contado, voy juntando para una estufa."),
            ("agent", "La tarjeta Roble tiene 10,000 de línea y meses sin intereses."),
            ("customer", "¿Y la puedo usar en cualquier tienda?"),
            ("agent", "Sí, en cualquier tienda que acepte tarjeta. ¿Tiene alguna duda?"),
            ("customer", debt),
            ("agent", "La entiendo, da miedo. ¿Qué fue lo que le pasó a su prima?"),
            ("customer", "Compraba de todo y pagaba el mínimo."),
            (
                "agent",
                "Por eso le conviene usarla solo para la estufa, a meses sin intereses. "
                "¿Le parece si se la tramito hoy?",
            ),
        ]
    )
    assert card.metrics["buying_signals"] == 1
    assert card.metrics["buying_signals_followed"] == 1


def test_two_open_questions_in_one_turn_count_twice() -> None:
    lines = [
        ("agent", "¿A quién quiere asegurar y qué es lo que más le preocupa hoy?"),
        ("customer", "A mis papás, que ya están grandes."),
        ("agent", "¿Cómo están de salud?"),
        ("customer", "Bien, gracias."),
        ("agent", "¿Qué hacen, dónde viven, cómo se mueven y quién los cuida?"),
    ]
    data = {"turns": [{"speaker": a, "text": b} for a, b in lines]}
    _, ctx = score_with_context(Transcript.model_validate(data))
    assert open_asks(ctx, [1]) == 2
    assert open_asks(ctx, [3]) == 1
    assert open_asks(ctx, [5]) == 2  # at most two a turn
    assert open_asks(ctx, [1, 3, 5]) == 5


def test_a_free_product_is_said_to_have_no_cost() -> None:
    slots = {"producto": "Cerrajería urgente", "precio": "0 pesos al mes"}
    assert render("{producto} cuesta {precio}.", slots) == "Cerrajería urgente no tiene costo."
    slots = {"producto": "Plan Casa", "precio": "299 pesos al mes"}
    assert render("{producto} cuesta {precio}.", slots) == "Plan Casa cuesta 299 pesos al mes."


def test_the_better_phrasing_of_a_false_free_promise_is_the_catalog_condition() -> None:
    catalog = [
        {
            "name": "Cerrajería urgente",
            "price": 0,
            "conditions": [
                "Sin costo hasta 900 pesos por servicio",
                "Lo que pase del tope lo cubre el cliente",
                "Máximo 3 servicios al año",
            ],
        }
    ]
    card = _card(
        [
            ("agent", "Auxilio Hogar, buenas noches, le atiende Nora. ¿Qué le pasó?"),
            ("customer", "Me quedé afuera de mi casa, soy Ramiro Cano."),
            ("agent", "No se preocupe, don Ramiro, el cerrajero es totalmente gratis, sin límite."),
            ("customer", "Ah, qué bueno."),
        ],
        catalog=catalog,
    )
    found = [e for e in card.critical_errors if e.code == "inaccurate_information"]
    assert found, card.critical_errors
    better = found[0].better_phrasing or ""
    assert "900 pesos" in better and "tope" in better, better
    assert "cuesta 0" not in better


def test_where_the_agent_is_from_answers_a_personal_question() -> None:
    ctx_lines = [
        ("agent", "Gracias por llamar a Telered, le atiende Mariana. ¿En qué le ayudo?"),
        ("customer", "Quiero cambiar mi paquete de 100 megas, soy Rosa Ibarra."),
        ("agent", "Con gusto, señora Rosa. ¿Qué es lo que más hacen en casa con la conexión?"),
        ("customer", "Tareas de los niños. Oiga, ¿y usted de dónde es? Se oye como norteña."),
        ("agent", "Ja, de acá, de la Ciudad. ¿Cuántas personas se conectan a la vez?"),
        ("customer", "Cuatro."),
    ]
    card = _card(ctx_lines, company="Telered", agent_name="Mariana")
    needs = card.elements["needs_detection"]
    assert not any("sin respuesta" in m for m in needs.missing), needs.missing


def test_things_as_they_are_is_no_greeting() -> None:
    assert "greeting" not in tag_agent("¿Se lo subo al de 300 o lo dejamos como está?")
    assert "greeting" not in tag_agent("¿Le interesa o prefiere quedarse como está, don Luis?")
    assert "greeting" in tag_agent("Buenos días, don Luis, ¿cómo está?")
    assert "greeting" in tag_agent("Qué tal, ¿cómo está usted?")
