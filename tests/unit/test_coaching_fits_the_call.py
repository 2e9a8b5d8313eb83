"""Feedback and plan that fit the call (blind panels F and G, issue 12 items 6–7).

Our own lines, each for one general mechanism: the probing quota follows the situation (a
customer in a hurry, an emergency, a need told unasked), the plan's «hoy» uses the scorecard's own
numbers and never asks for a count already reached, suggestions never affirm before answering
nor name a greeting as the customer's need, a false claim is answered with the catalog's own
condition, evidence cites the turns that did the work, and the customer-type and listening skills
cannot be high for an agent who pushed or brushed the customer off.
"""

from __future__ import annotations

from simulator.coaching import grade, situation, suggest
from simulator.coaching.phrasing import answer_for, asks_nothing, need_clause
from simulator.coaching.plan import quota
from simulator.content.library import load_library
from simulator.content.transcripts import apply_scenario
from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript
from simulator.scoring.engine import score_with_context
from simulator.scoring.metrics import buying_signal_turns
from simulator.scoring.skills import SkillInputs, customer_type_handling

CATALOG = [
    {
        "name": "Paquete Fibra 300",
        "price": 549,
        "period": "mes",
        "conditions": ["Instalación en un máximo de 48 horas hábiles"],
    }
]


def _transcript(turns: list[tuple[str, str]], kind: str = "sale") -> Transcript:
    return Transcript.model_validate(
        {
            "kind": kind,
            "company": "Red Total",
            "agent_name": "Lucía",
            "catalog": CATALOG,
            "turns": [{"speaker": s, "text": t} for s, t in turns],
        }
    )


def _card(turns: list[tuple[str, str]], kind: str = "sale", **hint: str) -> Scorecard:
    return grade(_transcript(turns, kind), scenario_hint=hint or None)


HURRIED = [
    ("customer", "¿Bueno?"),
    ("agent", "Buenos días, le saluda Lucía de Red Total. ¿Hablo con el señor Tomás Vega?"),
    ("customer", "Sí, soy yo, pero ando en una reunión; dígame solo lo importante."),
    (
        "agent",
        "Claro, señor Tomás, seré breve. ¿Qué es lo que más le falla hoy de su internet?",
    ),
    ("customer", "Se cae en la tarde, cuando trabajo desde casa."),
    (
        "agent",
        "Para trabajar desde casa sin cortes, el Paquete Fibra 300 le da 300 megas estables por"
        " 549 pesos al mes. ¿Se lo dejo programado?",
    ),
    ("customer", "Mándeme la información y lo veo."),
]


def test_a_customer_in_a_hurry_is_not_asked_for_three_open_questions() -> None:
    card = _card(HURRIED)
    goals = [p.goal for p in card.coaching_plan.priorities]
    assert not any("≥ 3 preguntas abiertas" in g for g in goals), goals


def test_the_hurry_is_read_from_the_call_or_the_customer_type() -> None:
    ctx = score_with_context(_transcript(HURRIED))[1]
    assert situation.pressed_for_time(ctx)
    calm = [(s, t.replace("pero ando en una reunión; dígame solo lo importante", "dígame"))
            for s, t in HURRIED]  # fmt: skip
    calm_ctx = score_with_context(_transcript(calm))[1]
    assert not situation.pressed_for_time(calm_ctx)
    assert situation.pressed_for_time(calm_ctx, {"customer_type": "impaciente"})
    probe = situation.probing(ctx, ["sale"], 3)
    assert probe.need == 1 and probe.reason == "hurry" and probe.asked == 1


NO_PROBING = [
    ("customer", "¿Bueno?"),
    ("agent", "Buenos días, le saluda Lucía de Red Total. ¿Hablo con la señora Inés Lara?"),
    ("customer", "Sí, con ella."),
    (
        "agent",
        "Le llamo porque tenemos el Paquete Fibra 300: 300 megas por 549 pesos al mes, con"
        " instalación en 48 horas hábiles. ¿Se lo instalo?",
    ),
    ("customer", "No sé, lo tengo que pensar."),
]


def test_the_plan_counts_open_questions_as_the_scorecard_does() -> None:
    card = _card(NO_PROBING)
    probing = [p for p in card.coaching_plan.priorities if p.skill == "probing"]
    assert probing, card.coaching_plan
    shown = int(card.metrics["open_questions"] or 0)
    assert f"hoy: {shown} antes de presentar" in probing[0].goal


def test_an_emergency_counts_its_quick_safety_checks_as_probing() -> None:
    library = load_library()
    lines = [
        ("agent", "Asistencia Hogar, buenas noches, le atiende Lucía. ¿En qué le puedo ayudar?"),
        ("customer", "Se reventó un tubo en la cocina y está saliendo mucha agua."),
        ("agent", "Ahorita le ayudo. ¿Están todos bien? ¿Ya pudo cerrar la llave de paso?"),
        ("customer", "Sí, todos bien, pero no encuentro la llave."),
        ("agent", "Está bien. ¿El agua está cerca de algún contacto o aparato eléctrico?"),
        ("customer", "No, está lejos de los contactos."),
    ]
    transcript = Transcript.model_validate(
        {
            "scenario": "asistencia-hogar-fuga",
            "events": [{"type": "call_start"}],
            "turns": [{"speaker": s, "text": t} for s, t in lines],
        }
    )
    transcript = apply_scenario(transcript, library)
    ctx = score_with_context(transcript)[1]
    kinds = suggest.keys(ctx)
    probe = situation.probing(ctx, kinds, quota(kinds))
    assert probe.asked >= probe.need, probe
    card = grade(transcript)
    assert "probing" not in [p.skill for p in card.coaching_plan.priorities]


def test_reflections_reached_leave_only_the_talk_share_goal() -> None:
    long_answer = " ".join(["Le explico las condiciones con calma y con todo detalle."] * 6)
    lines = [
        ("customer", "¿Bueno?"),
        ("agent", "Buenos días, le saluda Lucía de Red Total. ¿Hablo con el señor Raúl Peña?"),
        ("customer", "Sí, soy yo, ¿qué se le ofrece? Ando con muchas cosas en la casa hoy."),
        ("agent", f"Entiendo que está ocupado, don Raúl. {long_answer} ¿Cómo usa su internet?"),
        ("customer", "Pues mis hijos hacen tareas y yo veo películas en la noche con mi esposa."),
        (
            "agent",
            f"O sea que lo usan para la escuela y para descansar en la noche. {long_answer}"
            " Lamento que se le corte justo entonces. ¿Qué más le molesta?",
        ),
        ("customer", "Que se corta a cada rato, sobre todo en la noche cuando vemos algo."),
        ("agent", f"Qué lata, de veras. {long_answer}"),
    ]
    card = _card(lines)
    assert (card.metrics["paraphrases"] or 0) + (card.metrics["empathy_statements"] or 0) >= 2
    for p in card.coaching_plan.priorities:
        if p.skill == "active_listening":
            assert "parafraseos" not in p.goal and "Proporción de habla" in p.goal, p.goal


def test_the_buying_signal_close_never_affirms_before_answering() -> None:
    ctx = score_with_context(_transcript(HURRIED))[1]
    for asked in (False, True):
        said = suggest.signal_close(ctx, asked)
        assert not said.startswith("¡Claro") and "(responda" not in said, said
    assert "dato exacto" in suggest.signal_close(ctx, True)


def test_a_fact_put_to_the_test_and_corrected_is_no_buying_signal() -> None:
    lines = [
        *NO_PROBING[:4],
        ("customer", "A ver, yo leí que la instalación es en 12 horas. ¿Es así?"),
        (
            "agent",
            "Le agradezco la pregunta, pero no es así: la instalación es en 48 horas hábiles.",
        ),
        ("customer", "Ah, bueno."),
    ]
    ctx = score_with_context(_transcript(lines))[1]
    assert 5 not in buying_signal_turns(ctx)


def test_fillers_are_no_questions_and_questions_are_answered_plainly() -> None:
    assert asks_nothing("Qué más") and asks_nothing("eh")
    assert not asks_nothing("Cuánto cuesta")
    said = answer_for("cuánto tarda la instalación", "don Raúl", False)
    assert "Buena pregunta" not in said and "«cuánto tarda la instalación»" in said


def test_the_need_restated_is_never_a_greeting_or_a_question() -> None:
    assert need_clause("Buenos días. ¿Me repite de dónde llama?") == "…"
    told = need_clause("Hola. Necesito internet que no se corte para mis clases en línea.")
    assert told.startswith("necesita internet") and "sus clases" in told, told


def test_a_false_free_promise_is_answered_with_the_cap() -> None:
    library = load_library()
    lines = [
        ("agent", "Asistencia Hogar, buenas tardes, le atiende Lucía. ¿En qué le puedo ayudar?"),
        ("customer", "Tengo una fuga en el baño, ¿cuánto me va a costar el plomero?"),
        ("agent", "No se preocupe, es totalmente gratis y no tiene ningún límite."),
        ("customer", "Ah, qué bueno."),
    ]
    transcript = apply_scenario(
        Transcript.model_validate(
            {
                "scenario": "asistencia-hogar-fuga",
                "events": [{"type": "call_start"}],
                "turns": [{"speaker": s, "text": t} for s, t in lines],
            }
        ),
        library,
    )
    card = grade(transcript)
    wrong = [e for e in card.critical_errors if e.code == "inaccurate_information"]
    assert wrong, card.critical_errors
    better = wrong[0].better_phrasing or ""
    assert "cuesta 0 pesos" not in better and ("tope" in better.lower() or "1,500" in better), (
        better
    )


def test_objection_evidence_is_the_answer_never_the_greeting() -> None:
    lines = [
        ("customer", "¿Bueno? Ya les dije que no me interesa."),
        ("agent", "Buenos días, le saluda Lucía de Red Total. ¿Hablo con la señora Inés Lara?"),
        ("customer", "Sí, pero no me interesa."),
        (
            "agent",
            "Le entiendo, señora Inés, nadie quiere perder el tiempo. ¿Qué es lo que no le ha"
            " convencido de las llamadas anteriores?",
        ),
        ("customer", "Que siempre me ofrecen lo mismo."),
    ]
    card = _card(lines)
    cited = [e.turn for e in card.elements["objection_handling"].evidence]
    assert 2 not in cited, cited


def test_customer_type_handling_is_capped_after_pressure_or_a_sale_without_a_yes() -> None:
    ctx = score_with_context(_transcript(HURRIED))[1]
    metrics = {"longest_monologue_words": 20}
    free = customer_type_handling(SkillInputs(ctx, metrics, {}, [], None))  # type: ignore[arg-type]
    pushed = customer_type_handling(
        SkillInputs(ctx, metrics, {}, ["disrespect"], None)  # type: ignore[arg-type]
    )
    unasked = customer_type_handling(
        SkillInputs(ctx, metrics, {}, ["sale_without_consent"], None)  # type: ignore[arg-type]
    )
    assert free is not None and pushed is not None and unasked is not None
    assert pushed <= 30 < free and unasked <= 50 < free


def test_a_read_back_says_a_date_as_it_is_said_on_the_phone() -> None:
    from simulator.scoring.data_quotes import spoken

    assert spoken("fecha_nacimiento", "1979-03-15") == "15 de marzo de 1979"
    assert spoken("folio", "2024-99-01") == "2024-99-01"  # not a date: left as written


def test_the_need_restated_keeps_whole_clauses() -> None:
    told = need_clause(
        "Busco un seguro para mi carro nuevo, uno que cubra robo total, de preferencia con grúa"
        " incluida, y que no sea muy caro."
    )
    assert not told.endswith((" de", " el", " uno que")), told
    assert told.startswith("busca un seguro para su carro nuevo"), told


def test_a_curt_line_that_repeats_the_customer_is_not_praised_as_listening() -> None:
    lines = [
        ("customer", "¿Bueno?"),
        ("agent", "Buenos días, le saluda Lucía de Red Total. ¿Hablo con el señor Raúl Peña?"),
        ("customer", "Sí. ¿Y no me pueden instalar hoy mismo?"),
        ("agent", "Hoy mismo no le pueden instalar. Así es."),
        ("customer", "Pues mis hijos necesitan el internet para sus clases de la tarde."),
        ("agent", "Entonces lo importante es que sus hijos tengan internet para sus clases."),
        ("customer", "Sí, eso."),
        ("agent", "Gracias por su tiempo, señor Raúl. Que tenga excelente día."),
    ]
    praised = [i.turn for i in _card(lines).feedback.strengths if i.skill == "active_listening"]
    assert 4 not in praised and 6 in praised, praised
