"""Judged by the call's kind: what is not yet due is not demanded, what cannot be seen is n.a.

A QA lead does not fail data capture when the customer hung up before any data was due, does not
credit (or fail) a preparation step the simulator did for the trainee, and addresses a Mexican
customer by the paternal surname. Sentences are our own natural Mexican Spanish.
"""

from __future__ import annotations

from typing import Any

import pytest

from simulator.language.names import name_mentions, split_name
from simulator.models.scorecard import Scorecard, TurnActs
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

DATA = {"nombre": "Ramiro Ibarra Ríos", "telefono": "5544332211"}
REQUIRED = ["nombre", "telefono", "correo"]


def score(lines: list[tuple[str, str, list[str]]], **fields: Any) -> Scorecard:
    turns = [{"speaker": "agent" if s == "a" else "customer", "text": t} for s, t, _ in lines]
    acts = [
        TurnActs(index=i, speaker="agent" if s == "a" else "customer", acts=a)
        for i, (s, _, a) in enumerate(lines, start=1)
    ]
    data: dict[str, Any] = {
        "kind": "sale",
        "company": "Seguros Alianza",
        "agent_name": "Lucía",
        "catalog": [{"name": "Cobertura Amplia", "price": 1450, "period": "mes"}],
        "customer_data": dict(DATA),
        "required_fields": REQUIRED,
        "turns": turns,
    }
    data.update(fields)
    return score_transcript(Transcript.model_validate(data), acts)


OPENING = [
    ("a", "Buenas tardes, ¿hablo con el señor Ramiro Ibarra?", ["greeting", "closed_question"]),
    ("c", "Sí, soy yo. ¿Quién habla?", ["question"]),
    (
        "a",
        "Le habla Lucía de Seguros Alianza, señor Ibarra; le llamo por el seguro de su camioneta.",
        ["company_id", "agent_id", "offer_help"],
    ),
]
HANGUP = [("c", "No, ahorita no me interesa, al rato me marcan. Bye.", ["refusal"])]
HUNG_UP_EVENT = [{"type": "hangup", "value": "cliente", "after_turn": 4}]


def test_data_is_not_demanded_when_the_customer_hung_up_before_any_was_due() -> None:
    card = score(OPENING + HANGUP, events=HUNG_UP_EVENT, outcome="hung_up")
    element = card.elements["data_management"]
    assert element.met is None
    assert "colgó" in (element.not_applicable_reason or "")


def test_data_given_before_the_hang_up_is_still_judged() -> None:
    lines = [
        *OPENING,
        ("c", "Ajá. Mi correo es ramiro.ibarra@gmail.com, mándeme la info.", ["data_given"]),
        ("a", "Le confirmo: ramiro.ibarra@gmail.com. ¿Es correcto?", ["data_confirmation"]),
        ("c", "Sí. Ya me tengo que ir, bye.", ["farewell"]),
    ]
    events = [{"type": "hangup", "value": "cliente", "after_turn": 6}]
    card = score(
        lines, events=events, outcome="hung_up", capture={"correo": "ramiro.ibarra@gmail.com"}
    )
    assert card.elements["data_management"].met is True


def test_a_registered_sale_still_needs_every_field() -> None:
    card = score(OPENING + HANGUP, events=HUNG_UP_EVENT, outcome="sale")
    assert card.elements["data_management"].met is False


def test_preparation_set_by_the_simulator_is_not_applicable() -> None:
    auto = [{"type": "status", "value": "Disponible", "after_turn": 0, "reason": "automatic"}]
    card = score(OPENING, preparation_applicable=True, events=auto)
    element = card.elements["preparation"]
    assert element.met is None
    assert "simulador" in (element.not_applicable_reason or "")
    by_hand = [{"type": "status", "value": "Disponible", "after_turn": 0}]
    assert score(OPENING, preparation_applicable=True, events=by_hand).elements["preparation"].met


def test_script_play_marks_its_status_change_as_automatic() -> None:
    from simulator.content.library import load_library
    from simulator.session.call import CallSession
    from simulator.session.script import parse_script, run_script

    library = load_library()
    scenario = library.scenario("seguro-auto-amplio")
    persona = library.personas_for(scenario)[0]
    run = run_script(CallSession(scenario, persona, seed=1), parse_script("Buenas tardes.\n"))
    status = [e for e in run.result.transcript.events if e.type == "status"]
    assert status and status[0].reason == "automatic"
    card = run.result.scorecard
    assert card is not None and card.elements["preparation"].met is None


@pytest.mark.parametrize(
    ("name", "given", "paternal", "maternal"),
    [
        ("Rosa María Hernández López", ["Rosa", "María"], "Hernández", "López"),
        ("Héctor Salinas Campos", ["Héctor"], "Salinas", "Campos"),
        ("Ramiro Ibarra Ríos", ["Ramiro"], "Ibarra", "Ríos"),
        ("María de la Luz Ortiz", ["María", "de", "la", "Luz"], "Ortiz", ""),
        ("Juan de la Fuente", ["Juan"], "de la Fuente", ""),
        ("José Luis de la Fuente Ríos", ["José", "Luis"], "de la Fuente", "Ríos"),
        ("María del Carmen Ruiz Pérez", ["María", "del", "Carmen"], "Ruiz", "Pérez"),
        ("Ana Laura Jiménez", ["Ana", "Laura"], "Jiménez", ""),
        ("Lupita", ["Lupita"], "", ""),
    ],
)
def test_split_name_reads_mexican_names(
    name: str, given: list[str], paternal: str, maternal: str
) -> None:
    assert split_name(name) == (given, paternal, maternal)


def test_the_maternal_surname_alone_is_not_personalisation() -> None:
    full = "Rosa María Hernández López"
    assert name_mentions("Claro que sí, señora Hernández.", full) == 1
    assert name_mentions("Claro que sí, señora López.", full) == 0
    assert name_mentions("Con gusto, señora López. Sí, Rosa María, le explico.", full) == 1
    assert name_mentions("Oiga, señor Campos, ¿me escucha?", "Héctor Salinas Campos") == 0
    assert name_mentions("Gracias, don Ramiro. Señor Ibarra, ¿algo más?", "Ramiro Ibarra Ríos") == 2


COLLECTIONS = [
    ("c", "¿Bueno?", ["other"]),
    (
        "a",
        "Buenas tardes, le habla Lucía de Banco Horizonte. ¿Hablo con el señor Ramiro Ibarra?",
        ["greeting", "company_id", "agent_id", "closed_question"],
    ),
    ("c", "¿De parte de quién? ¿Para qué lo busca?", ["question"]),
    (
        "a",
        "Es un asunto personal que solo puedo tratar con el señor Ramiro. ¿Es usted?",
        ["closed_question"],
    ),
    ("c", "Sí, soy yo.", ["other"]),
    (
        "a",
        "Gracias, señor Ibarra. Le llamo porque su tarjeta trae dos pagos vencidos por 1,850"
        " pesos. ¿Qué fue lo que pasó con sus pagos?",
        ["open_question", "feature"],
    ),
    ("c", "Me quedé sin chamba un rato, pero ya entré a otra.", ["need_statement"]),
    (
        "a",
        "Qué bueno que ya está trabajando. ¿Me confirma que el 27 realiza el pago de 1,850"
        " pesos en ventanilla?",
        ["data_confirmation"],
    ),
    ("c", "Correcto.", ["other"]),
    (
        "a",
        "Queda registrado. ¿Algo más en que le pueda ayudar? Gracias por su tiempo, señor"
        " Ibarra; que tenga buena tarde.",
        ["offer_more", "thanks", "farewell"],
    ),
]


def test_collections_promise_to_pay_is_the_close_and_its_yes_the_consent() -> None:
    events = [{"type": "sale_registered", "value": "Pago mínimo", "after_turn": 9}]
    card = score(
        COLLECTIONS,
        kind="collections",
        catalog=[],
        required_fields=[],
        events=events,
    )
    assert "sale_without_consent" not in [e.code for e in card.critical_errors]
    assert card.metrics["close_attempts"] >= 1
    assert card.elements["objection_handling"].met is not False
    assert card.elements["call_closing"].met is True


def test_collections_purpose_comes_after_right_party_contact() -> None:
    card = score(COLLECTIONS, kind="collections", catalog=[], required_fields=[])
    assert card.elements["opening_protocol"].met is True


def test_collections_needs_are_the_cause_and_the_capacity_to_pay() -> None:
    card = score(COLLECTIONS, kind="collections", catalog=[], required_fields=[])
    assert card.elements["needs_detection"].met is True
    assert card.elements["product_information"].met is True
    # offering an arrangement straight away, without asking anything, is not exploring
    blunt = COLLECTIONS[:5] + [
        (
            "a",
            "Le llamo porque debe 1,850 pesos de su tarjeta. Le ofrezco pagarlo en tres"
            " mensualidades de 620 pesos.",
            ["feature"],
        ),
        ("c", "Está bien.", ["acceptance"]),
    ]
    judged = score(blunt, kind="collections", catalog=[], required_fields=[])
    assert judged.elements["needs_detection"].met is False
    assert "causa del atraso" in " ".join(judged.elements["needs_detection"].missing)
