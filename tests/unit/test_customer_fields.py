"""Every required field of every scenario has a spoken label, and a data request naming that label
gets the customer's true value."""

from __future__ import annotations

import re

import pytest

from simulator.content.library import load_library
from simulator.customer import facts
from simulator.customer.cues import field_aliases, fields_mentioned
from simulator.customer.simulator import CustomerSimulator
from simulator.language.names import field_label, field_lexicon
from simulator.language.normalize import normalize


def _cases() -> list[tuple[str, str]]:
    library = load_library()
    return [
        (sid, field)
        for sid in sorted(library.scenarios)
        for field in library.scenario(sid).required_fields
    ]


CASES = _cases()


def test_every_required_field_has_a_label() -> None:
    labels = field_lexicon()["field_labels"]
    assert isinstance(labels, dict)
    missing = sorted({f for _, f in CASES if f not in labels})
    assert not missing, f"faltan etiquetas en language/es/fields.yaml field_labels: {missing}"


@pytest.mark.parametrize(("scenario_id", "field"), CASES)
def test_label_is_recognised_as_that_field(scenario_id: str, field: str) -> None:
    scenario = load_library().scenario(scenario_id)
    label = field_label(field)
    assert field_aliases(field), field
    assert field in fields_mentioned(normalize(f"¿Me da su {label}?"), scenario.required_fields)


@pytest.mark.parametrize(("scenario_id", "field"), CASES)
def test_data_request_gets_the_true_value(scenario_id: str, field: str) -> None:
    library = load_library()
    scenario = library.scenario(scenario_id)
    sim = CustomerSimulator(scenario, library.persona("amable"))
    state = sim.start(seed=1)
    state = state.model_copy(
        update={
            "greeted": True,
            "identity_confirmed": True,
            "purpose_known": True,
            "reason_stated": True,
            "trust": 90,
            "patience": 90,
            "interest": 80,
            "accepted": scenario.goal == "sale",
            "traps_fired": [t.id for t in scenario.traps],
            "objections_raised": [o.id for o in scenario.objections],
            "objections_handled": [o.id for o in scenario.objections],
        }
    )
    label = field_label(field)
    reply, _ = sim.respond(f"Para su registro, ¿me proporciona su {label}, por favor?", state)
    true_value = scenario.customer.data[field]
    assert "data_given" in reply.intent_names, (field, reply.text)
    said = normalize(reply.text)
    digits = re.sub(r"\D", "", true_value)
    # said as a person says it: «colonia» for «Col.», phones in pairs, dates in words
    assert normalize(facts.spoken(field, true_value)) in said or (
        len(digits) >= 4 and digits in re.sub(r"\D", "", said)
    ), (
        field,
        reply.text,
    )


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("Mmm… Rosa María Hernández.", "Rosa María Hernández"),
        ("Mmm... Ana Laura Jiménez Soto", "Ana Laura Jiménez Soto"),
        ("Marco Antonio Reyes Flores. Soy cliente cumplido, ¿eh?", "Marco Antonio Reyes Flores"),
        ("Sí, soy Rosa López", "Rosa López"),
        ("Soy cliente desde hace años", None),
    ],
)
def test_a_filler_or_a_self_description_is_never_taken_as_the_name(
    said: str, name: str | None
) -> None:
    from simulator.language.extract import extract_name

    assert extract_name(said) == name
