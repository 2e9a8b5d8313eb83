"""Scorer findings of the session 12 blind panel E, on our own lines (never a panelist's):
- a do-not-call request honoured in words that sound like a close («se lo registro para que ya
  no le marquen») is answered, not an unanswered objection;
- promising to be quick («se lo resolvemos rapidito») answers «ando con prisa»;
- thanking back for the customer's time or trust without «gracias» thanks; a wish with
  «regrese» («ojalá regrese pronto la luz») is no return from hold, so «gracias por su
  paciencia» still thanks;
- asking whether someone else already paid their card is no «ya tengo tarjeta» objection;
- sending a quote to an e-mail address is no close;
- empathy without «entiendo que…» (the feeling named, «la comprendo» and what the situation
  means, reassurance, validating a decision) is counted;
- «¿me platica para qué…?», a fronted subject or time before the interrogative, are open
  questions; «¿le gusta tomar fotos…?» is no close;
- collections: the purpose said once the holder's own questions are answered is the opening's."""

from __future__ import annotations

from simulator.analysis.agent import tag_agent
from simulator.analysis.customer import objection_alone, tag_customer
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring.engine import score_with_context


def _card(lines: list[tuple[str, str]], **extra: object):  # type: ignore[no-untyped-def]
    data = {"turns": [{"speaker": s, "text": t} for s, t in lines], **extra}
    return score_transcript(Transcript.model_validate(data))


def test_an_honoured_do_not_call_request_is_answered() -> None:
    card = _card(
        [
            (
                "agent",
                "Buenos días, le llama Raúl de Aseguradora Quetzal. ¿Hablo con la señora Inés?",
            ),
            ("customer", "Sí, soy yo."),
            ("agent", "Le llamo para ofrecerle un seguro de hogar. ¿Le interesa que le cuente?"),
            ("customer", "No, gracias, y por favor no me vuelvan a marcar para ofertas."),
            (
                "agent",
                "Claro, señora Inés, en este momento se lo registro para que ya no le marquen con "
                "ofertas. Gracias por su tiempo, que tenga buena tarde.",
            ),
            ("customer", "Gracias, bye."),
        ]
    )
    missing = card.elements["objection_handling"].missing
    assert not any("sin respuesta" in m for m in missing), missing
    assert not any(e.code == "ignores_do_not_call" for e in card.critical_errors)


def test_promising_to_be_quick_answers_a_time_objection() -> None:
    acts = tag_agent(
        "Con gusto, don Beto, se lo resolvemos rapidito. ¿Me da su número de contrato?",
        "Oiga, ando con prisa, tengo que salir a trabajar.",
    )
    assert "objection_response" in acts


def test_thanking_back_for_time_or_trust_thanks() -> None:
    acts = tag_agent(
        "A usted, señora Lupe, por su confianza. Le atendió Diana de Mueblería Arce, bonito día.",
        "Es todo, muchas gracias.",
    )
    assert "thanks" in acts
    acts = tag_agent("A usted. Le atendió Diana de Mueblería Arce.", "Gracias, señorita.")
    assert "thanks" in acts


def test_a_wish_is_no_return_from_hold_so_patience_thanks_count() -> None:
    acts = tag_agent(
        "Gracias por su paciencia con todo esto, don Raúl. Ojalá regrese pronto la luz en su "
        "colonia; que tenga buena noche."
    )
    assert "thanks" in acts and "hold_return" not in acts
    assert "hold_return" in tag_agent("Ya regresé, don Raúl, gracias por esperar.")


def test_asking_about_someone_elses_payment_is_no_provider_objection() -> None:
    assert not objection_alone("¿Y me dice si mi hermano ya pagó su préstamo? Yo se lo presté.")
    assert objection_alone("Ya tengo tarjeta con otro banco, gracias.")


def test_sending_a_quote_to_an_email_is_no_close() -> None:
    acts = tag_agent(
        "Va, se la envío ahorita a lupe punto arce arroba correo punto com, ¿está bien?"
    )
    assert "close" not in acts
    assert "close" in tag_agent("Perfecto, ¿se lo envío hoy mismo?")


def test_empathy_without_entiendo_que_is_counted() -> None:
    for line in (
        "La comprendo, a nadie le gusta quedarse sin luz toda la tarde.",
        "Híjole, dos semanas esperando al técnico, eso es durísimo.",
        "No se apure, don Beto, yo le ayudo a dejarlo listo.",
        "Me parece muy prudente, es una decisión de los dos.",
        "Es muy entendible, da nervios cambiar de compañía.",
    ):
        assert "empathy" in tag_agent(line), line
    for line in (
        "Le entiendo, pero la tarifa es la misma para todos.",
        "Le comprendo, señora, permítame revisar su contrato.",
        "Es normal el cargo de reconexión.",
    ):
        assert "empathy" not in tag_agent(line), line


def test_le_soy_sincero_is_no_agent_name() -> None:
    assert "agent_id" not in tag_agent("Le soy sincero: ese modelo ya no lo tenemos.")
    assert "agent_id" in tag_agent("Buenas tardes, soy Diana, de Mueblería Arce.")


def test_probing_forms_are_open_questions() -> None:
    for line in (
        "Para orientarlo, ¿me platica para qué necesita la camioneta?",
        "¿Y ahorita qué compañía tiene, o con quién está?",
        "¿Y su hijo para qué usa más la computadora?",
    ):
        acts = tag_agent(line)
        assert "open_question" in acts and "close" not in acts, (line, acts)
    assert "open_question" not in tag_agent("¿Con cuál de los dos se queda?")


def test_asking_what_the_customer_likes_to_do_is_no_close() -> None:
    acts = tag_agent("¿Le gusta tomar videos de sus nietos o más bien platicar por mensaje?")
    assert "close" not in acts
    assert "close" in tag_agent("¿Gusta tomarlo de una vez?")


def test_collections_purpose_after_the_holders_questions() -> None:
    card = _card(
        [
            ("customer", "¿Diga?"),
            (
                "agent",
                "Buenas tardes, le habla Paola Ruiz de Financiera Ceiba. ¿Hablo con el señor "
                "Tomás Peña?",
            ),
            ("customer", "Sí, él habla."),
            ("agent", "Gracias, señor Tomás. Para validar, ¿me confirma su fecha de nacimiento?"),
            ("customer", "¿Y para qué quiere mi fecha? ¿Cómo sé que es de la financiera?"),
            (
                "agent",
                "Es muy válido que lo pregunte: puede colgar y marcar al número de su estado de "
                "cuenta. ¿Me la confirma?",
            ),
            ("customer", "¿Esta llamada se graba?"),
            ("agent", "Sí, señor, se graba por calidad. ¿Me confirma su fecha de nacimiento?"),
            ("customer", "Es el 3 de marzo de 1980."),
            (
                "agent",
                "Gracias. Le llamo por un tema de su crédito personal, que tiene un pago "
                "pendiente. ¿Qué fue lo que pasó?",
            ),
            ("customer", "Me recortaron horas en el trabajo."),
        ],
        kind="collections",
        company="Financiera Ceiba",
        agent_name="Paola Ruiz",
    )
    opening = card.elements["opening_protocol"]
    assert not any("motivo" in m for m in opening.missing), opening.missing


def test_a_tight_budget_a_counter_offer_and_debt_fear_are_price_objections() -> None:
    for line in (
        "Uy, es que la quincena anda bien apretada, oiga.",
        "Mejor déjemela en 7,500 y lo cerramos.",
        "¿Y si le pago todo de una vez me rebaja algo?",
        "Es que no quiero acabar endeudado con otra tarjeta.",
    ):
        assert objection_alone(line), line
    assert "acceptance" not in tag_customer("Déjemelo en 7,500, ándele.").acts
    assert "acceptance" in tag_customer("Sí, apártemelo, por favor.").acts


def test_judging_the_offer_worth_it_is_a_buying_signal() -> None:
    assert "buying_signal" in tag_customer("Pues así sí vale la pena, la verdad.").acts
    assert "buying_signal" not in tag_customer("No, la verdad no vale la pena.").acts


def test_the_agents_own_turns_come_first_in_the_evidence() -> None:
    card = _card(
        [
            ("agent", "Gracias por llamar a Mueblería Arce, le atiende Diana. ¿En qué le ayudo?"),
            ("customer", "Quiero saber cuánto cuesta el comedor de seis sillas."),
            ("agent", "El comedor de seis sillas cuesta 12,900 pesos con envío incluido."),
            ("customer", "Ah, muy bien, es todo, gracias."),
            ("agent", "¿Algo más en que le ayude? Gracias por llamar, que tenga buen día."),
            ("customer", "No, gracias, hasta luego."),
        ],
        kind="service",
    )
    for element in card.elements.values():
        speakers = [e.speaker for e in element.evidence]
        assert speakers == sorted(speakers), speakers  # «agent» sorts before «customer»


def test_collections_probing_counts_until_the_arrangement_is_proposed() -> None:
    from simulator.scoring.elements_needs import probing_count

    lines = [
        ("customer", "¿Bueno?"),
        ("agent", "Buenas tardes, le habla Paola de Financiera Ceiba. ¿Hablo con el señor Tomás?"),
        ("customer", "Sí, soy yo."),
        (
            "agent",
            "Le llamo porque su crédito tiene dos pagos atrasados por 2,300 pesos. ¿Qué le pasó?",
        ),
        ("customer", "¿Y cómo sé que es de la financiera?"),
        (
            "agent",
            "Con toda razón. Puede marcar al número de su contrato y verificarlo. ¿Le marco "
            "después o prefiere que sigamos?",
        ),
        ("customer", "Sigamos."),
        ("agent", "Gracias. Platíqueme, ¿qué fue lo que pasó con los pagos?"),
        ("customer", "Me quedé sin chamba dos meses."),
        ("agent", "Qué difícil. ¿Y cuándo cobra y cuánto podría abonar?"),
        ("customer", "El 15, unos mil pesos."),
        ("agent", "¿Le parece si dejamos un pago de 1,000 pesos el 15?"),
    ]
    _, ctx = score_with_context(
        Transcript.model_validate(
            {"kind": "collections", "turns": [{"speaker": s, "text": t} for s, t in lines]}
        )
    )
    assert probing_count(ctx, ["collections"]) >= 2


def test_a_sold_out_notice_with_an_open_question_is_no_presentation() -> None:
    _, ctx = score_with_context(
        Transcript.model_validate(
            {
                "turns": [
                    {
                        "speaker": "agent",
                        "text": "Gracias por llamar a Mueblería Arce, ¿en qué le ayudo?",
                    },
                    {"speaker": "customer", "text": "Quiero el sillón Nube gris."},
                    {
                        "speaker": "agent",
                        "text": "El sillón Nube gris está agotado, una disculpa. Platíqueme, ¿para "
                        "qué espacio lo quiere?",
                    },
                    {"speaker": "customer", "text": "Para la sala, somos cinco."},
                ]
            }
        )
    )
    assert ctx.first_presentation is None


def test_asking_for_the_datum_just_named_is_a_data_request() -> None:
    acts = tag_agent("Le pido su número de contrato solo para validar. ¿Me lo proporciona?")
    assert "data_request" in acts and "closed_question" not in acts


def test_choosing_between_the_offered_options_is_a_trial_close() -> None:
    assert "trial_close" in tag_agent("¿Cuál le late más, el sillón Nube o el sillón Brisa?")
    assert "trial_close" not in tag_agent("¿Qué le preocupa más, el precio o la entrega?")


def test_a_price_put_to_the_test_is_no_buying_signal() -> None:
    card = _card(
        [
            ("agent", "Gracias por llamar a Mueblería Arce, le atiende Diana. ¿En qué le ayudo?"),
            ("customer", "Busco un comedor para seis personas."),
            ("agent", "Platíqueme, ¿para cuántas personas lo usa a diario?"),
            ("customer", "Somos seis en casa."),
            ("agent", "Le recomiendo el comedor Roble de seis sillas: cuesta 12,900 pesos."),
            ("customer", "¿Y el Roble sale en 9,900, verdad?"),
            ("agent", "No, para que no haya confusión: el Roble es de 12,900 pesos, no de 9,900."),
            ("customer", "Ah, ok."),
        ]
    )
    assert card.metrics["buying_signals"] == 0


def test_more_empathy_forms_of_panels_c_and_d() -> None:
    for line in (
        "¡Felicidades por el nuevo trabajo, don Beto!",
        "Qué bonito que su hija ya vaya a la universidad.",
        "Ay, qué contratiempo, y con la lluvia encima.",
        "La noto preocupada, y es normal.",
        "Entiendo que quiera verificarlo, y hace muy bien.",
        "Claro, no se preocupe, lo resolvemos.",
    ):
        assert "empathy" in tag_agent(line), line
    assert "empathy" not in tag_agent("Y hace bien la tarjeta en cubrir compras en línea.")


def test_the_praised_open_question_is_the_open_one() -> None:
    from simulator.coaching import grade

    card = grade(
        Transcript.model_validate(
            {
                "turns": [
                    {
                        "speaker": "agent",
                        "text": "Gracias por llamar a Mueblería Arce, le atiende Diana.",
                    },
                    {"speaker": "customer", "text": "Quiero ver comedores."},
                    {
                        "speaker": "agent",
                        "text": "Con gusto. ¿Para cuántas personas lo busca? ¿Lo quiere de madera?",
                    },
                    {"speaker": "customer", "text": "Para seis, de madera."},
                    {
                        "speaker": "agent",
                        "text": "El comedor Roble de seis sillas cuesta 12,900 pesos.",
                    },
                ]
            }
        )
    )
    praised = [s for s in card.feedback.strengths if s.skill == "probing"]
    assert praised and "cuántas personas" in (praised[0].quote or "")


def test_how_the_customer_uses_the_service_states_the_need() -> None:
    assert "need_statement" in tag_customer("Casi no uso internet, nomás mensajes.").acts
    assert "need_statement" in tag_customer("Lo ocupamos más que nada para videollamadas.").acts
    acts = tag_agent("¿Y para qué usa más su celular durante el día?")
    assert "open_question" in acts and "data_request" not in acts
    assert "data_request" in tag_agent("¿Me regala su celular, por favor?")


def test_tips_about_another_customer_type_are_left_out() -> None:
    from simulator.coaching.plan import _tips, plan_data

    entry = {"tips": ["Con clientes molestos: primero empatía.", "Use frases cortas."]}
    assert _tips(entry, {"customer_type": "amable"}) == ["Use frases cortas."]
    assert len(_tips(entry, {"customer_type": "molesto"})) == 2
    assert len(_tips(entry, {})) == 2
    assert plan_data()["tip_customer_types"]


def test_doubting_the_service_will_come_is_a_trust_objection() -> None:
    assert objection_alone("¿Y de verdad van a llegar? La vez pasada me dejaron esperando.")
