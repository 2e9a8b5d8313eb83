"""Better phrasings sound natural: courtesy name, the agent's own name, natural data requests."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.coaching import grade
from simulator.models.scorecard import Scorecard, TurnActs
from simulator.models.transcript import Transcript
from simulator.scoring.address import split_name
from simulator.scoring.context import CallContext
from simulator.scoring.elements_data import FieldCheck, data_phrasing
from simulator.scoring.slots import slots

CATALOG = [{"name": "Plan Hogar 200 megas", "price": 499, "period": "mes"}]
FULL = "Rosa María Hernández"


def transcript(lines: list[tuple[str, str]], **fields: Any) -> Transcript:
    data: dict[str, Any] = {
        "kind": "sale",
        "company": "Internet Veloz",
        "agent_name": "Mariana",
        "catalog": CATALOG,
        "customer_data": {"nombre": FULL},
        "turns": [{"speaker": "agent" if s == "a" else "customer", "text": t} for s, t in lines],
    }
    data.update(fields)
    return Transcript.model_validate(data)


def call_slots(lines: list[tuple[str, str]], **fields: Any) -> dict[str, str]:
    t = transcript(lines, **fields)
    acts = [TurnActs(index=i, speaker=x.speaker, acts=[]) for i, x in enumerate(t.turns, 1)]
    return slots(CallContext.build(t, acts))


def phrasings(card: Scorecard) -> list[str]:
    out = [i.try_saying or "" for i in card.feedback.improvements]
    out += [e.better_phrasing or "" for e in card.elements.values()]
    out += [e.better_phrasing or "" for e in card.critical_errors + card.non_critical_errors]
    return [p for p in out if p]


@pytest.mark.parametrize(
    ("name", "given", "surname"),
    [
        ("Rosa María Hernández", ["Rosa", "María"], "Hernández"),
        ("Juan Pérez López", ["Juan"], "Pérez"),
        ("Ramiro Torres", ["Ramiro"], "Torres"),
        ("Ana Lucía Gómez Ruiz", ["Ana", "Lucía"], "Gómez"),
        ("Lupita", ["Lupita"], ""),
    ],
)
def test_split_name(name: str, given: list[str], surname: str) -> None:
    assert split_name(name) == (given, surname)


def test_three_word_name_reads_a_known_second_given_name() -> None:
    assert split_name("Itzel Abril Soto") == (["Itzel", "Abril"], "Soto")
    # an unknown middle word is the paternal surname, even if the call said «Héctor Salinas»
    assert split_name("Héctor Salinas Campos") == (["Héctor"], "Salinas")


def test_title_in_the_call_gives_title_and_surname() -> None:
    s = call_slots([("a", "Buenas tardes, ¿hablo con la señora Rosa María Hernández?")])
    assert s["cliente"] == "señora Hernández"
    assert s["nombre_completo"] == "la señora Rosa María Hernández"


def test_without_title_the_given_names_are_used() -> None:
    s = call_slots([("a", "Hola, Rosa María, le habla Mariana de Internet Veloz.")])
    assert s["cliente"] == "Rosa María"


def test_don_goes_with_the_given_name() -> None:
    s = call_slots(
        [("a", "Buenos días, don Ramiro, le llamo de Internet Veloz.")],
        customer_data={"nombre": "Ramiro Torres Díaz"},
    )
    assert s["cliente"] == "don Ramiro"


def test_agent_name_said_in_the_opening_wins_over_agent_name() -> None:
    s = call_slots([("a", "Buenas tardes, le habla Daniel de Internet Veloz.")])
    assert s["agente"] == "Daniel"
    s = call_slots([("a", "Buenas tardes, soy de Internet Veloz.")])
    assert s["agente"] == "Mariana"


def test_played_call_phrasings_never_use_the_full_name_and_sign_with_the_spoken_name() -> None:
    lines = [
        ("c", "¿Bueno…?"),
        (
            "a",
            "Buenas tardes, le habla Daniel de Internet Veloz, ¿hablo con la señora Rosa María Hernández?",
        ),
        ("c", "Sí, es correcto, ¿quién habla?"),
        ("a", "Mucho gusto. ¿Cómo usan el internet en su casa durante el día?"),
        ("c", "Lo usan mis hijos para la escuela, tienen clases por videollamada."),
        ("a", "Le recomiendo el Plan Hogar 200 megas por 499 pesos al mes."),
        ("c", "Es que el dinero está justo."),
    ]
    card = grade(transcript(lines, required_fields=["nombre", "telefono", "correo", "direccion"]))
    said = phrasings(card)
    assert said
    assert not [p for p in said if FULL in p and "Hablo con" not in p]
    closing = [p for p in said if "le atendió" in p]
    assert closing and all("Daniel" in p and "Mariana" not in p for p in closing)
    assert any("señora Hernández" in p for p in said)
    data = [p for p in said if "proporciona" in p]
    assert data and "Le confirmo sus datos: …" not in " ".join(said)


def test_data_phrasing_asks_for_missing_fields() -> None:
    checks = [FieldCheck(name=n, captured=None) for n in ("nombre", "telefono", "correo")]
    text = data_phrasing(checks)
    assert text == (
        "Para registrar su solicitud, ¿me proporciona su nombre completo, su teléfono y su "
        "correo electrónico?"
    )


def test_data_phrasing_reads_back_values_and_asks_the_rest() -> None:
    checks = [
        FieldCheck(name="telefono", captured="5512345678"),
        FieldCheck(name="correo", captured=None),
    ]
    text = data_phrasing(checks)
    assert text.startswith("Le confirmo sus datos: teléfono: 55 1234 5678. ¿Es correcto?")
    assert text.endswith("¿me proporciona su correo electrónico?")


def test_data_phrasing_reads_back_when_everything_was_given() -> None:
    checks = [
        FieldCheck(name="nombre", captured="Rosa María Hernández", said="Rosa María Hernández")
    ]
    assert (
        data_phrasing(checks)
        == "Le confirmo sus datos: nombre: Rosa María Hernández. ¿Es correcto?"
    )


def test_agent_name_from_speech_input_and_not_from_lower_case_words() -> None:
    s = call_slots([("a", "buenas tardes le habla daniel de internet veloz")])
    assert s["agente"] == "Daniel"
    s = call_slots([("a", "Buenas tardes, soy nuevo en Internet Veloz.")])
    assert s["agente"] == "Mariana"
