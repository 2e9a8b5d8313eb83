"""Blind panel N (session 21, helper score-s): the evidence is the turn the standard describes,
the score reads like the call, and a request only promised is no case resolved.

Every sentence was written for this test: the presentation of the offer is «Brinda información»,
not the close that only names the plan; the full read-back is «Gestiona datos», not an apology
that ends asking for the account; «¿cuál es?» is no open probe; a call with elements not met
cannot read 94; a collections call that names one payment option out of three did not inform;
a refund promised in words after the last registration leaves the complaint unresolved.
"""

from __future__ import annotations

from typing import Any

from simulator.coaching.grading import grade
from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Event, Transcript
from simulator.scoring.engine import score_with_context
from simulator.scoring.turn_functions import functions
from simulator.session.outcome_reason import outcome_reason
from simulator.session.unregistered import unregistered_turn

SALE = [
    ("agent", "Buenas tardes, le habla Tomás de Cable Norte. ¿Hablo con la señora Irma Salas?"),
    ("customer", "Sí, con ella."),
    ("agent", "Mucho gusto, señora Irma. Le llamo por los planes de internet para su casa."),
    ("customer", "A ver, dígame."),
    ("agent", "Gracias. Platíqueme, ¿cómo usan el internet en su casa y quiénes se conectan?"),
    ("customer", "Mi nieto estudia en línea y yo veo mis novelas; en la noche se congela."),
    (
        "agent",
        "Por lo que me cuenta, con su nieto en clases y usted con sus novelas a la misma hora, "
        "le recomiendo el Plan Hogar 100 megas: aguanta varios equipos sin que se congele la "
        "imagen, la instalación no tiene costo y cuesta 450 pesos al mes. ¿Cómo lo ve?",
    ),
    ("customer", "Suena bien, la verdad."),
    ("agent", "Entonces, ¿le dejo contratado el Plan Hogar 100 megas en 450 pesos al mes?"),
    ("customer", "Sí, contrátelo."),
    (
        "agent",
        "Qué gusto, señora Irma, y disculpe que la haga esperar con esto. ¿Me da su correo?",
    ),
    ("customer", "Es irma.salas@correo.mx."),
    ("agent", "Le confirmo: irma punto salas arroba correo punto mx. ¿Es correcto?"),
    ("customer", "Correcto."),
    ("agent", "¿Hay algo más en lo que le pueda ayudar?"),
    ("customer", "No, gracias."),
    ("agent", "Gracias por su tiempo, señora Irma. Le atendió Tomás de Cable Norte; buena tarde."),
]


def _score(lines: list[tuple[str, str]], **fields: Any) -> tuple[Scorecard, Any]:
    transcript = Transcript.model_validate(
        {"kind": "sale", "turns": [{"speaker": s, "text": t} for s, t in lines]} | fields
    )
    return score_with_context(transcript)


def _cited(card: Scorecard, key: str) -> list[int]:
    return [e.turn for e in card.elements[key].evidence]


def test_the_presentation_shows_the_information_not_the_close_that_names_the_plan() -> None:
    card, ctx = _score(SALE)
    assert "presentation" in functions(ctx, 7)
    assert "presentation" not in functions(ctx, 9)  # only asks for the decision
    assert _cited(card, "product_information")[0] == 7
    assert 9 not in _cited(card, "product_information")


def test_a_presentation_that_ends_in_a_question_is_no_probe() -> None:
    card, ctx = _score(SALE)
    assert "open_probe" in functions(ctx, 5)
    assert not functions(ctx, 7) & {"probe", "open_probe"}
    assert 7 not in _cited(card, "needs_detection")


def test_the_read_back_is_the_data_evidence_before_an_apology_that_asks() -> None:
    card, _ = _score(SALE)
    cited = _cited(card, "data_management")
    assert 13 in cited


def test_a_clarifying_which_one_is_not_praised_as_an_open_probe() -> None:
    lines = [
        ("agent", "Gracias por llamar a Plomería Ya, le atiende Rocío. ¿En qué le puedo ayudar?"),
        ("customer", "Se me está saliendo el agua de un tubo en el baño."),
        (
            "agent",
            "Vamos a ayudarle. Me dijo que es en el baño y antes que en la cocina, ¿cuál es?",
        ),
        ("customer", "En el baño, perdón."),
        ("agent", "Le mando un plomero hoy mismo; la visita no tiene costo. ¿Algo más?"),
        ("customer", "No, gracias."),
        ("agent", "Gracias por llamar a Plomería Ya, que tenga buena tarde."),
    ]
    transcript = Transcript.model_validate(
        {"kind": "service", "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    card = grade(transcript)
    assert all(item.turn != 3 for item in card.feedback.strengths if item.skill == "probing")


def test_a_call_with_elements_not_met_does_not_read_like_a_competent_one() -> None:
    lines = [line for n, line in enumerate(SALE, start=1) if n not in (15, 16)]
    lines[-1] = ("agent", "Bueno, bye.")  # no «¿algo más?», no proper goodbye
    card, _ = _score(lines)
    assert card.verdict == "not_yet_competent"
    assert card.overall <= 84


DEBT_CATALOG = [
    {"name": "Pago mínimo vencido", "price": 1850, "aliases": ["pago mínimo"]},
    {"name": "Pago para no generar intereses", "price": 6420, "aliases": ["pago total"]},
    {"name": "Convenio de pago a 3 meses", "price": 2140, "aliases": ["convenio"]},
]
DEBT = [
    ("agent", "Buenas tardes, le habla Lidia de Banco Sur. ¿Hablo con el señor Abel Rocha?"),
    ("customer", "Sí, soy yo."),
    ("agent", "Le llamo de cobranza: su tarjeta tiene dos pagos mínimos vencidos. ¿Qué pasó?"),
    ("customer", "Me quedé sin chamba un tiempo, ya estoy trabajando otra vez."),
    ("agent", "Qué bueno que ya trabaja. ¿Puede cubrir el pago mínimo de 1,850 pesos?"),
    ("customer", "Sí, el viernes."),
]


def _debt(lines: list[tuple[str, str]]) -> Scorecard:
    transcript = Transcript.model_validate(
        {
            "kind": "collections",
            "scenario": "prueba-cobranza",
            "catalog": DEBT_CATALOG,
            "turns": [{"speaker": s, "text": t} for s, t in lines],
        }
    )
    return score_with_context(transcript)[0]


def test_collections_with_one_option_named_out_of_three_is_not_informed() -> None:
    card = _debt(DEBT)
    info = card.elements["product_information"]
    assert info.met is False
    assert any("opciones reales" in m for m in info.missing)


def test_collections_with_the_options_named_is_informed_about_them() -> None:
    lines = list(DEBT)
    lines[4] = (
        "agent",
        "Qué bueno que ya trabaja. Tiene tres opciones: el pago mínimo de 1,850 pesos, el pago "
        "total de 6,420 para no generar intereses o un convenio de tres pagos de 2,140. "
        "¿Cuál le acomoda?",
    )
    card = _debt(lines)
    assert not any("opciones reales" in m for m in card.elements["product_information"].missing)


COMPLAINT = [
    ("agent", "Red Hogar, buenas tardes, le atiende Nora. ¿En qué le ayudo?"),
    ("customer", "No tengo internet y además me cobraron doble."),
    ("agent", "Le agendo la visita técnica para mañana. Su folio es RH-1020."),
    ("customer", "¿Y el cobro doble?"),
    ("agent", "Ah, sí, le meto la aclaración también y le regresan su dinero en unos días."),
    ("customer", "Ojalá."),
]


def _complaint(events: list[Event]) -> Transcript:
    return Transcript.model_validate(
        {
            "kind": "complaint",
            "turns": [{"speaker": s, "text": t} for s, t in COMPLAINT],
            "events": [e.model_dump() for e in events],
        }
    )


def test_a_request_promised_after_the_last_registration_is_unregistered() -> None:
    registered = Event(type="sale_registered", t=1.0, value=None, after_turn=3)
    assert unregistered_turn(_complaint([registered])) == 5
    again = Event(type="sale_registered", t=2.0, value=None, after_turn=5)
    assert unregistered_turn(_complaint([registered, again])) is None
    assert unregistered_turn(_complaint([])) is None  # nothing registered: the customer decides


def test_the_reason_names_the_request_never_registered() -> None:
    registered = Event(type="sale_registered", t=1.0, value=None, after_turn=3)
    said = outcome_reason("unresolved", _complaint([registered]))
    assert said is not None and "nunca se registró" in said
