"""Practice hints are spaced by ``hint_every`` agent turns, and services pass the setting through."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.errors import InputError
from simulator.services import build_services
from simulator.session.call import HINT_EVERY, CallSession
from simulator.settings import load_settings

SCENARIO = "internet-veloz-hogar"
# A poor trainee: every turn deserves a hint, so only the spacing limits them.
LINES = [
    "Hola.",
    "Le vendo internet.",
    "¿Lo quiere?",
    "¿Sí o no?",
    "¿Entonces?",
    "Ándele, cómprelo.",
    "¿Sí o no?",
    "Es muy bueno.",
    "¿Lo quiere o no?",
]


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "config.toml"))


def _hint_turns(hint_every: int | None) -> list[int]:
    library = load_library()
    sc = library.scenario(SCENARIO)
    persona = library.persona(sc.default_persona)
    if hint_every is None:
        session = CallSession(sc, persona, seed=1)
    else:
        session = CallSession(sc, persona, seed=1, hint_every=hint_every)
    session.set_status("Disponible")
    session.start()
    turns = []
    for number, line in enumerate(LINES, start=1):
        if session.ended:
            break
        session.agent_says(line)
        if session.hint():
            turns.append(number)
    return turns


@pytest.mark.parametrize("every", [1, 2, 3, 4, 6])
def test_hints_are_at_least_hint_every_turns_apart(every: int) -> None:
    turns = _hint_turns(every)
    assert turns, "a poor trainee gets at least one hint"
    assert all(b - a >= every for a, b in zip(turns, turns[1:], strict=False))


def test_smaller_spacing_gives_more_hints_and_default_is_three() -> None:
    assert HINT_EVERY == 3
    assert _hint_turns(None) == _hint_turns(3)
    assert len(_hint_turns(1)) > len(_hint_turns(6))


def test_hint_every_must_be_positive() -> None:
    library = load_library()
    sc = library.scenario(SCENARIO)
    with pytest.raises(InputError):
        CallSession(sc, library.persona(sc.default_persona), hint_every=0)


@pytest.mark.parametrize("value", [1, 5])
def test_services_pass_hint_min_turns(value: int) -> None:
    settings = load_settings().model_copy(update={"hint_min_turns": value})
    services = build_services(settings)
    try:
        trainee = services.trainees.get_or_create("Ana")
        live = services.calls.start(trainee.id, SCENARIO, seed=2)
        assert live.session.hint_every == value
        services.calls.abandon(live)
    finally:
        services.close()
