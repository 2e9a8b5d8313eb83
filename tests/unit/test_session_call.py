"""The live call: status rules, transcript format and events, holds, hints, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.errors import InputError, SimuladorError
from simulator.session.call import CallSession
from simulator.session.script import parse_script, read_script, run_script

SCRIPTS = Path(__file__).resolve().parents[1] / "harness" / "scripts"
SCENARIO = "internet-veloz-hogar"


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIMULADOR_CONTENT_DIR", raising=False)


def new_session(seed: int = 0, mode: str = "practice", persona: str | None = None) -> CallSession:
    library = load_library()
    sc = library.scenario(SCENARIO)
    return CallSession(sc, library.persona(persona or sc.default_persona), seed=seed, mode=mode)  # type: ignore[arg-type]


def test_call_starts_only_from_disponible() -> None:
    session = new_session()
    with pytest.raises(SimuladorError, match="Disponible"):
        session.start()
    with pytest.raises(InputError, match="Estado desconocido"):
        session.set_status("Comiendo")
    session.set_status("Disponible")
    first = session.start()
    assert first and session.status == "En llamada"
    assert [e.value for e in session.transcript.events if e.type == "status"] == [
        "Disponible",
        "En llamada",
    ]


def test_transcript_format_and_events() -> None:
    session = new_session(seed=2)
    session.set_status("Disponible")
    session.start()
    session.agent_says(
        "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa María?"
    )
    session.agent_says("¿Me permite ponerla en espera un momento, por favor?")
    session.hold_start()
    assert session.status == "Espera"
    reply = session.hold_end(20)
    assert reply is None  # asked permission, short hold: no complaint
    session.capture("telefono", "5512345678")
    result = session.hang_up(score=False)
    t = result.transcript
    assert t.kind == "sale" and t.company == "Internet Veloz" and t.agent_name == "Mariana"
    assert t.scenario == SCENARIO and t.preparation_applicable and t.complete
    assert {"nombre", "telefono", "correo", "direccion"} == set(t.required_fields)
    assert t.customer_data["telefono"] == "5512345678" and t.capture == {"telefono": "5512345678"}
    assert any(c.name == "Plan Hogar 200 megas" and c.price == 499 for c in t.catalog)
    assert t.max_hold_seconds == 60
    types = [e.type for e in t.events]
    assert types.index("call_start") > types.index("status")
    hold_end = next(e for e in t.events if e.type == "hold_end")
    assert hold_end.value == "20" and hold_end.after_turn == 5
    assert types[-2:] == ["call_end", "status"] and t.events[-1].value == "Tipificación"
    assert t.outcome == result.outcome == "no_sale"
    assert session.ended
    with pytest.raises(SimuladorError, match="terminó"):
        session.agent_says("¿Sigue ahí?")


def test_hold_without_permission_or_too_long_is_resented() -> None:
    session = new_session(seed=1)
    session.set_status("Disponible")
    session.start()
    session.agent_says("Buenas tardes, le habla Mariana de Internet Veloz.")
    patience = session.state.patience
    session.hold_start()
    reply = session.hold_end(100)
    assert reply is not None and "hold_complaint" in reply.intent_names
    assert session.state.patience < patience
    session.hold_start()
    reply = session.hold_end(900)
    assert reply is not None and reply.hung_up and session.ended
    assert session.hang_up(score=False).outcome == "hung_up"


def test_same_seed_same_transcript() -> None:
    steps = read_script(SCRIPTS / f"{SCENARIO}.good.txt")
    dumps = []
    for _ in range(2):
        run = run_script(new_session(seed=4), steps, score=False)
        dumps.append(json.dumps(run.result.transcript.model_dump(mode="json"), sort_keys=True))
    assert dumps[0] == dumps[1]


def test_no_customer_line_repeated_in_a_scripted_call() -> None:
    for name in ("good", "bad"):
        run = run_script(
            new_session(seed=3), read_script(SCRIPTS / f"{SCENARIO}.{name}.txt"), score=False
        )
        lines = [t.text for t in run.result.transcript.turns if t.speaker == "customer"]
        assert len(lines) == len(set(lines))


def test_hints_only_in_practice_mode() -> None:
    steps = parse_script(
        "Hola, ¿tiene internet?\nLe vendo internet.\n¿Lo quiere?\n¿Sí o no?\n¿Entonces?\n"
    )
    for mode, expect in (("practice", True), ("exam", False)):
        session = new_session(seed=0, mode=mode)
        session.set_status("Disponible")
        session.start()
        hints = []
        for step in steps:
            if session.ended:
                break
            session.agent_says(step.text)
            hints.append(session.hint())
        assert any(hints) is expect
        assert sum(1 for h in hints if h) <= (len(hints) + 2) // 3


def test_script_ends_cleanly_after_hang_up_or_without_colgar() -> None:
    run = run_script(
        new_session(),
        parse_script("Buenas tardes, le habla Mariana de Internet Veloz.\n"),
        score=False,
    )
    assert run.result.transcript.complete and any("sin /colgar" in n for n in run.notes)
    pushy = "\n".join(
        ["¿Lo contrata sí o no? Decídase, es la última oportunidad, solo por hoy."] * 25
    )
    run = run_script(new_session(persona="indeciso"), parse_script(pushy), score=False)
    assert run.result.outcome == "hung_up"
    assert any("colgó" in n for n in run.notes)


def _sold(lines: list[str]) -> str | None:
    session = new_session(seed=1)
    session.set_status("Disponible")
    session.start()
    for line in lines:
        session.agent_says(line)
    session.register_sale()
    return next(e.value for e in session.transcript.events if e.type == "sale_registered")


def test_registered_sale_is_the_product_the_agent_closed_on() -> None:
    opening = "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa María?"
    assert (
        _sold([opening, "Le recomiendo el Plan Hogar 200 megas, cuesta 499 pesos al mes."])
        == "Plan Hogar 200 megas"
    )
    # A clarification naming both plans: the one whose price is said first is the subject.
    clarified = (
        "Le aclaro: el Plan Hogar 200 megas cuesta 499 pesos al mes; "
        "el de 399 es el plan de 100 megas. ¿Le agendo la instalación?"
    )
    assert _sold([opening, clarified]) == "Plan Hogar 200 megas"
    # The agent switched plans: the most recent one wins.
    switched = [
        opening,
        "Le recomiendo el Plan Hogar 200 megas.",
        "Si prefiere algo más económico, el Plan Hogar 100 megas cuesta 399 pesos. ¿Se lo registro?",
    ]
    assert _sold(switched) == "Plan Hogar 100 megas"
    # No product named at all: the first catalog product, as before.
    assert _sold([opening]) == "Plan Hogar 100 megas"


def test_good_internet_script_registers_the_200_megas_plan() -> None:
    run = run_script(
        new_session(seed=0), read_script(SCRIPTS / f"{SCENARIO}.good.txt"), score=False
    )
    sold = [e.value for e in run.result.transcript.events if e.type == "sale_registered"]
    assert sold == ["Plan Hogar 200 megas"]
