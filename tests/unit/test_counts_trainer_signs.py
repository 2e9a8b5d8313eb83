"""Counts, skills and tips a trainer would sign (helper score-o, session 20; our own wordings).

Blind panel M found buying signals, objections, empathy and closes miscounted, the «Parta este
turno» tip on complete answers, skills at 100 with no evidence and plan goals already met.
"""

from __future__ import annotations

import pytest

from simulator.analysis import analyze_turns
from simulator.coaching import grade
from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript, Turn

CATALOG = [
    {"name": "Plan Móvil 15", "price": 279, "period": "mes"},
    {"name": "Plan Móvil 30", "price": 399, "period": "mes"},
]


def _acts(agent: str, customer: str) -> tuple[list[str], str | None]:
    turns = [Turn(speaker="agent", text=agent), Turn(speaker="customer", text=customer)]
    tagged = list(analyze_turns(turns))[1]
    return list(tagged.acts), tagged.objection_type


def _card(turns: list[tuple[str, str]], kind: str = "sale", **hint: object) -> Scorecard:
    transcript = Transcript.model_validate(
        {
            "kind": kind,
            "company": "Telefonía Sol",
            "agent_name": "Jimena",
            "catalog": CATALOG,
            "turns": [{"speaker": s, "text": t} for s, t in turns],
        }
    )
    return grade(transcript, scenario_hint=dict(hint) or None)


@pytest.mark.parametrize(
    ("agent", "customer"),
    [
        ("El Plan Móvil 30 se puede pagar a 6 meses sin intereses.", "Ah, así sí me alcanza."),
        ("La activación tarda 24 horas.", "Bien, 24 horas. Me parece razonable."),
        ("¿Para qué usa más su línea?", "Para el trabajo. Oiga, ¿y no pierdo mi número?"),
        ("Le recomiendo el de 30 gigas.", "¿Y si después ocupo menos, me puedo regresar?"),
    ],
)
def test_interest_in_the_conditions_is_a_buying_signal(agent: str, customer: str) -> None:
    assert "buying_signal" in _acts(agent, customer)[0]


def test_a_cheaper_figure_elsewhere_is_a_price_objection() -> None:
    acts, kind = _acts(
        "¿Cuánto paga hoy?", "Pago 450, y con otra compañía me dan lo mismo por 250."
    )
    assert "objection" in acts
    assert kind == "price"


def test_unsure_about_a_fact_asked_is_no_objection() -> None:
    acts, _ = _acts("¿A qué hora hay alguien en casa?", "Mmm, de eso no estoy seguro, fíjese.")
    assert "objection" not in acts


def test_withholding_data_until_someone_answers_is_an_objection() -> None:
    customer = "Primero quiero que alguien se haga responsable, después le doy mi cuenta."
    assert "objection" in _acts("¿Me da su número de cuenta?", customer)[0]


SALE = [
    ("agent", "Buenas tardes, le habla Jimena de Telefonía Sol. ¿Hablo con el señor Tomás Ruiz?"),
    ("customer", "Sí, soy yo, ¿qué se le ofrece?"),
    ("agent", "Gracias, señor Tomás. ¿Cómo usa hoy su celular y cuánto paga al mes?"),
    ("customer", "Pago 450 y la verdad ando corto de dinero; en otro lado me dan algo por 250."),
]


def test_recognising_the_money_worry_and_alternative_close_are_counted() -> None:
    answer = (
        "Entiendo, el dinero cuenta. Tengo el Plan Móvil 15 en 279 al mes y el Plan Móvil 30 en"
        " 399. ¿Cuál le acomoda mejor?"
    )
    card = _card([*SALE, ("agent", answer), ("customer", "Déjeme pensarlo.")])
    assert (card.metrics["empathy_statements"] or 0) >= 1
    assert (card.metrics["close_attempts"] or 0) >= 1


COLD_SERVICE = [
    ("agent", "Telefonía Sol."),
    ("customer", "Oiga, no tengo señal desde ayer y la otra vez tardaron días en arreglarlo."),
    ("agent", "Número de línea."),
    ("customer", "55 11 22 33 44. ¿Y ahora sí lo van a arreglar?"),
    ("agent", "Sí, es 55 11 22 33 44."),
    ("customer", "¿Pero cuándo?"),
    ("agent", "No, nada más eso. Ya quedó el reporte."),
    ("customer", "Ajá."),
]


def test_no_reflection_at_all_keeps_listening_and_handling_low() -> None:
    card = _card(COLD_SERVICE, kind="service")
    assert card.metrics["paraphrases"] == 0
    assert card.metrics["empathy_statements"] == 0
    assert (card.skills["active_listening"] or 0) < 80
    handling = card.skills["customer_type_handling"]
    assert handling is not None and handling <= 60


ANSWER = (
    "Le explico cómo queda, sin rodeos: el Plan Móvil 30 cuesta 399 al mes, trae 30 gigas, redes"
    " sociales sin límite y llamadas a Estados Unidos y Canadá; usted conserva su número y el"
    " cambio aplica en su siguiente corte, sin cargo por cambiarse. Si prefiere gastar menos,"
    " el Plan Móvil 15 cuesta 279 con 15 gigas, que le alcanza si usa el wifi en casa y en la"
    " oficina casi todo el día. Los dos son sin plazo forzoso y puede cambiar cuando quiera."
    " ¿Cuál le acomoda más?"
)
QUESTION = ("customer", "Ya, ¿pero qué me da usted por menos dinero? Explíqueme bien.")


def _split_tip(card: Scorecard) -> bool:
    return any(i.message.startswith("Monólogo") for i in card.feedback.improvements)


def test_a_complete_answer_handing_the_floor_back_is_no_monologue() -> None:
    card = _card([*SALE, QUESTION, ("agent", ANSWER), ("customer", "Déjeme ver.")])
    assert (card.metrics["longest_monologue_words"] or 0) > 80
    assert not _split_tip(card)


def test_with_a_customer_in_a_hurry_the_long_answer_still_earns_the_tip() -> None:
    turns = [*SALE, QUESTION, ("agent", ANSWER), ("customer", "Déjeme ver.")]
    assert _split_tip(_card(turns, customer_type="impaciente"))


def test_a_long_pitch_that_answers_nothing_earns_the_tip() -> None:
    told = ("customer", "Para trabajar, nada más.")
    card = _card([*SALE[:3], told, ("agent", ANSWER), ("customer", "Déjeme ver.")])
    assert _split_tip(card)


def test_a_close_attempt_the_customer_put_off_is_no_closing_goal() -> None:
    turns = [
        *SALE,
        ("agent", "Entiendo, el dinero cuenta. ¿Le parece si lo dejamos contratado hoy?"),
        ("customer", "No, primero lo tengo que platicar con mi esposa."),
        (
            "agent",
            "Claro, señor Tomás, con gusto le marco mañana a las seis. Gracias por su tiempo.",
        ),
        ("customer", "Sale, gracias."),
    ]
    card = _card(turns)
    assert (card.metrics["close_attempts"] or 0) >= 1
    assert "closing" not in [p.skill for p in card.coaching_plan.priorities]
