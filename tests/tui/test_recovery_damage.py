"""The recovery dialog tells the truth: which journal lines could not be read, if any."""

from __future__ import annotations

from typing import Any

from simulator.tui.app import SimuladorApp
from tests.tui.pilot_helpers import settle

TURNS = [
    "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa María?",
    "Le llamo para ofrecerle planes de internet. ¿Cómo usan internet en su casa?",
]


def _killed_call_with_a_bad_byte(data_dir: Any) -> int:
    """A killed call whose journal has one invalid byte on the second agent turn's line."""
    import json

    from simulator.services import build_services
    from simulator.settings import load_settings

    first = build_services(load_settings())
    ana = first.trainees.get_or_create("Ana")
    live = first.calls.start(ana.id, "internet-veloz-hogar", seed=2)
    live.session.set_status("Disponible")
    live.session.start()
    for text in TURNS:
        live.session.agent_says(text)
    live.session.journal.close()
    first.close()
    lines = live.journal_path.read_bytes().split(b"\n")
    number = next(
        i
        for i, raw in enumerate(lines)
        if raw and json.loads(raw).get("turn", {}).get("text") == TURNS[1]
    )
    lines[number] = lines[number][:20] + b"\xff" + lines[number][20:]
    live.journal_path.write_bytes(b"\n".join(lines))
    return number + 1


async def test_the_dialog_names_the_line_that_could_not_be_read(data_dir: Any, clock: Any) -> None:
    line = _killed_call_with_a_bad_byte(data_dir)
    from simulator.services import build_services
    from simulator.settings import load_settings

    services = build_services(load_settings())
    app = SimuladorApp(services=services, settings=services.settings, clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "RecoveryModal"
        shown = str(app.screen.query_one("#recovery-text").content)
        assert f"No se pudo leer la línea {line} (un turno del agente)" in shown
        assert "se perdió" not in shown
    services.close()
