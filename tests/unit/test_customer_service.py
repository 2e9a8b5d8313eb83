"""In calls that sell nothing (service, collections) the customer never says sales-only lines like
«¿Y cómo le haría para contratarlo?»; a warm trial close gets a plain yes instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.session.call import CallSession
from simulator.session.script import read_script

SCRIPTS = Path(__file__).resolve().parents[1] / "harness" / "scripts"


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIMULADOR_CONTENT_DIR", raising=False)


@pytest.mark.parametrize(
    "scenario_id",
    [
        "queja-internet-sin-servicio",
        "asistencia-hogar-fuga",
        "cambio-domicilio-internet",
        "cobranza-tarjeta-atrasada",
    ],
)
def test_no_generic_buying_signal_outside_sales(scenario_id: str) -> None:
    library = load_library()
    scenario = library.scenario(scenario_id)
    assert scenario.goal != "sale"
    steps = [s for s in read_script(SCRIPTS / f"{scenario_id}.good.txt") if s.kind == "say"]
    for seed in range(5):
        session = CallSession(scenario, library.persona(scenario.default_persona), seed=seed)
        session.set_status("Disponible")
        session.start()
        for step in steps:
            if session.ended:
                break
            reply = session.agent_says(step.text)
            assert "buying_signal_generic" not in reply.intent_names, reply.text
