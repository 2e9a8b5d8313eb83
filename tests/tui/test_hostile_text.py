"""Hostile text on every TUI surface: names, content, transcript, captures, errors, recovery.

A trainee called «[/]» once made the app crash on every start for everyone sharing the data folder.
Every user- or file-supplied string must be shown as written (markup escaped) and without terminal
control sequences (``simulator.language.safe_text``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from textual.widgets import Input

from simulator.tui.app import SimuladorApp
from tests.tui.pilot_helpers import (
    hang_up_and_finish,
    login,
    open_scenario,
    quiet,
    say,
    settle,
    wait_for,
)

SIZE = (120, 40)
HOSTILE = ["[/]", "[bold red]x", "\x1b[31mroja", "[link=http://x]y[/link]"]
NAME = "Ana [/] [bold red]x \x1b[31mroja [link=http://x]y[/link]"
SHOWN = "Ana [/] [bold red]x roja [link=http://x]y[/link]"
TITLE = "Plan [/] [bold red]x \x1b[31mroja [link=http://x]y[/link]"
TITLE_SHOWN = "Plan [/] [bold red]x roja [link=http://x]y[/link]"
ROOT = Path(__file__).resolve().parents[2]


def screen_text(app: Any) -> str:
    """What the terminal shows for the top screen, as plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def assert_clean(app: Any) -> str:
    shown = screen_text(app)
    assert "\x1b" not in shown and "\x9b" not in shown
    return shown


def hostile_scenario(data_dir: Path) -> str:
    """A user scenario (content folder) whose texts carry markup and escape codes."""
    source = ROOT / "scenarios" / "internet-veloz-hogar.scenario.yaml"
    data = yaml.safe_load(source.read_text("utf-8"))
    data["id"] = "plan-hostil"
    data["title"] = TITLE
    data["briefing"] = "Use [/] \x1b[31m[b]"
    data["catalog"][0]["name"] = "Plan [link=http://x]y[/link] \x1b[31m100"
    data["catalog"][0]["features"][0] = "Rápido [/] [bold red]x"
    folder = data_dir / "content" / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan-hostil.scenario.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), "utf-8"
    )
    return "plan-hostil"


def make_app(services: Any, clock: Any) -> SimuladorApp:
    return quiet(SimuladorApp(services=services, settings=services.settings, clock=clock))


async def test_hostile_trainee_names_at_login_and_on_every_later_start(
    services: Any, clock: Any
) -> None:
    for name in [NAME, *HOSTILE]:
        services.trainees.get_or_create(name)
    for _ in range(2):  # the second start is the one that used to crash for everybody
        app = make_app(services, clock)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda app=app: app.screen.query_one("#known").display)
            shown = assert_clean(app)
            assert "[/]" in shown and "[bold red]x" in shown and "[link=http://x]y[/link]" in shown
            known: Any = app.screen.query_one("#known")
            index = next(
                i
                for i in range(known.option_count)
                if str(known.get_option_at_index(i).id) == str(services.trainees.find(NAME).id)
            )
            known.focus()
            known.highlighted = index
            await pilot.pause()
            assert app.screen.query_one("#name", Input).placeholder.endswith(SHOWN)
            await pilot.press("enter")
            await wait_for(pilot, lambda app=app: type(app.screen).__name__ == "HomeScreen")
            await settle(pilot)
            assert app.trainee is not None and app.trainee.name == NAME
            assert SHOWN in assert_clean(app)  # the header's sub-title


async def test_a_new_hostile_name_typed_at_login(services: Any, clock: Any) -> None:
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Luis [/][bold]")
        assert type(app.screen).__name__ == "HomeScreen"
        assert "Luis [/][bold]" in assert_clean(app)


async def test_hostile_content_transcript_and_captures_through_a_whole_call(
    services: Any, clock: Any, data_dir: Path
) -> None:
    scenario_id = hostile_scenario(data_dir)
    services.reload_library()
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, NAME)
        home: Any = app.screen
        home.table.move_cursor(row=home.table.get_row_index(scenario_id))
        await pilot.pause()
        assert TITLE_SHOWN in assert_clean(app)

        call: Any = await open_scenario(pilot, scenario_id, seed=3)
        assert type(call).__name__ == "CallScreen"
        assert TITLE_SHOWN in assert_clean(app)
        call.query_one("#tools").active = "tab-customer"
        await pilot.pause()
        assert "Use [/] [b]" in assert_clean(app)
        call.query_one("#tools").active = "tab-products"
        await pilot.pause()
        shown = assert_clean(app)
        assert "Plan [link=http://x]y" in shown and "Rápido [/] [bold red]x" in shown

        await pilot.press("f2", "f3")
        await wait_for(pilot, lambda: call.phase == "live")
        for text in HOSTILE:
            await say(pilot, f"Buenas tardes {text}")
        await say(pilot, "/dato correo=[/]\x1b[31m[bold]x@y.com")
        await say(pilot, "/dato [/]=\x1b[31m[bold]x")  # an unknown field: an error, not a crash
        transcript = "\n".join(line.text for line in call.log_view.lines)
        assert "Buenas tardes [/]" in transcript and "Buenas tardes [bold red]x" in transcript
        assert "Buenas tardes roja" in transcript and "\x1b" not in transcript
        assert_clean(app)

        await hang_up_and_finish(pilot)
        assert type(app.screen).__name__ == "ResultsScreen"
        assert TITLE_SHOWN in assert_clean(app)
        await pilot.press("t")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ReviewScreen")
        shown = assert_clean(app)
        assert "Buenas tardes [/]" in shown and "Buenas tardes [link=http://x]y[/link]" in shown

        await pilot.press("escape")
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        await pilot.press("p")
        await wait_for(pilot, lambda: app.screen.query_one("#calls").row_count == 1)
        assert "Plan [/] [bold red]x roja" in assert_clean(app)


async def test_hostile_pending_call_and_error_messages(
    services: Any, clock: Any, data_dir: Path
) -> None:
    trainee = services.trainees.get_or_create(NAME)
    live = services.calls.start(trainee.id, "internet-veloz-hogar", seed=2)
    live.session.set_status("Disponible")
    live.session.start()
    live.session.agent_says("Buenas tardes [/] \x1b[31m[bold]")
    live.session.journal.close()
    services._backend.live_keys.clear()  # as if the app that opened it had been killed
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RecoveryModal")
        assert f"Participante: {SHOWN}" in assert_clean(app)
        for text in HOSTILE:
            app.notify(f"Error: {text}", title=text, severity="error")
        await settle(pilot)
        shown = "\n".join(note.message for note in app._notifications)
        assert "Error: [/]" in shown and "Error: [link=http://x]y[/link]" in shown
        assert "Error: roja" in shown and "\x1b" not in shown
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running
