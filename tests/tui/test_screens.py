"""Pilot tests of the other screens: recovery, home filters, review jumps, progress, palette."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Select

from simulator.tui.app import SimuladorApp
from tests.tui.fakes import FakeServices, make_settings
from tests.tui.pilot_helpers import login, open_scenario, say, settle
from tests.tui.scored_call import scored_card

SIZE = (100, 34)


def _killed_call(turns: list[str]) -> None:
    """A call played in another Services instance and dropped without finishing (killed app)."""
    from simulator.services import build_services
    from simulator.settings import load_settings

    first = build_services(load_settings())
    ana = first.trainees.get_or_create("Ana")
    live = first.calls.start(ana.id, "internet-veloz-hogar", seed=2)
    live.session.set_status("Disponible")
    live.session.start()
    for text in turns:
        live.session.agent_says(text)
    live.session.journal.close()
    first.close()


TURNS = [
    "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa María?",
    "Le llamo para ofrecerle planes de internet. ¿Cómo usan internet en su casa?",
]


async def test_recovery_modal_scores_the_partial_call(data_dir: Any, clock: Any) -> None:
    _killed_call(TURNS)
    from simulator.services import build_services
    from simulator.settings import load_settings

    services = build_services(load_settings())
    app = SimuladorApp(services=services, settings=services.settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "RecoveryModal"
        assert "Hay una llamada sin terminar" in str(
            app.screen.query_one("#recovery-title").content
        )
        await pilot.press("c")
        await settle(pilot)
        results: Any = app.screen
        assert type(results).__name__ == "ResultsScreen"
        assert "incompleta" in results.verdict_text
        assert app.trainee is not None and app.trainee.name == "Ana"
        saved = services.calls.list_for(app.trainee.id)
        assert len(saved) == 1 and not saved[0].complete
        assert services.recovery.pending() == []
    services.close()


async def test_recovery_modal_resumes_the_call_with_its_turns(data_dir: Any, clock: Any) -> None:
    _killed_call(TURNS)
    from simulator.services import build_services
    from simulator.settings import load_settings

    services = build_services(load_settings())
    app = SimuladorApp(services=services, settings=services.settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        call: Any = app.screen
        assert type(call).__name__ == "CallScreen"
        assert call.phase == "live"
        agent_turns = [t.text for t in call.session.transcript.turns if t.speaker == "agent"]
        assert agent_turns == TURNS
        before = len(call.session.transcript.turns)
        await say(pilot, "Entiendo, ¿y qué problemas tiene hoy con su conexión?")
        assert len(call.session.transcript.turns) > before
    services.close()


async def test_recovery_later_leaves_the_journal_pending(data_dir: Any, clock: Any) -> None:
    _killed_call(TURNS[:1])
    from simulator.services import build_services
    from simulator.settings import load_settings

    services = build_services(load_settings())
    app = SimuladorApp(services=services, settings=services.settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "LoginScreen"
        assert len(services.recovery.pending()) == 1
    services.close()


async def test_home_filters_narrow_the_library(services: Any, clock: Any) -> None:
    app = SimuladorApp(services=services, settings=services.settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        home: Any = app.screen
        everything = home.table.row_count
        assert everything == len(services.library.scenarios)
        home.query_one("#f-kind", Select).value = "service"
        await pilot.pause()
        shown = home.visible_rows()
        assert shown and all(row.kind == "service" for row in shown)
        assert home.table.row_count == len(shown) < everything
        home.query_one("#f-diff", Select).value = 3
        await pilot.pause()
        assert all(r.kind == "service" and r.difficulty == 3 for r in home.visible_rows())
        await pilot.press("x")
        await pilot.pause()
        assert home.table.row_count == everything


async def test_assignments_come_first_and_the_suggested_drill_is_marked(clock: Any) -> None:
    services = FakeServices()
    services.calls.saved.append(object())  # type: ignore[arg-type]  # history → suggestion
    app = SimuladorApp(services=services, settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        home: Any = app.screen
        rows = home.visible_rows()
        assert rows[0].scenario_id == "seguro-auto-entrante" and rows[0].assigned
        assert rows[1].scenario_id == "aclaracion-cobro" and rows[1].suggested
        assert "Práctica sugerida" in str(home.banner.content)
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "StartCallModal"
        assert app.screen.row.scenario_id == "aclaracion-cobro"


async def test_review_jumps_to_the_turn_a_judgement_cites(clock: Any) -> None:
    from tests.tui.fakes import fake_saved

    saved = fake_saved(1, "no_sale", scored_card())
    app = SimuladorApp(services=FakeServices(), settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        app.show_review(saved)
        await pilot.pause()
        review: Any = app.screen
        judgements = review.judgements
        # The last judgement the real scorer tied to a turn (not the first: the jump must move).
        target = max(i for i, j in enumerate(judgements) if j.turn is not None)
        turn = judgements[target].turn
        assert turn > 1
        listing = review.query_one("#judgements")
        listing.focus()
        listing.highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        assert review.highlighted_turn == turn
        assert app.focused is review.query_one("#turns")
        assert not review.jump_to(999)


async def test_typing_is_never_blocked_while_the_customer_answers(clock: Any) -> None:
    services = FakeServices()
    app = SimuladorApp(services=services, settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        call: Any = await open_scenario(pilot, "internet-veloz-hogar")
        await pilot.press("f2", "f3")
        await pilot.pause()
        call.session.release.clear()  # the customer "thinks" until we let go
        call.say.value = "Buenos días, habla Mariana de Internet Veloz"
        await pilot.press("enter")
        await pilot.pause()
        assert call.waiting and call.typing.display
        await pilot.press("h", "o", "l", "a")
        assert call.say.value == "hola"  # echoed while the reply is still running
        await pilot.press("enter")  # a second line waits for the customer; nothing is lost
        assert call.say.value == "hola"
        call.session.release.set()
        await settle(pilot)
        assert not call.waiting and not call.typing.display
        assert call.session.transcript.turns[-1].speaker == "customer"


async def test_a_stale_reply_after_hang_up_is_dropped(clock: Any) -> None:
    services = FakeServices()
    app = SimuladorApp(services=services, settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        call: Any = await open_scenario(pilot, "internet-veloz-hogar")
        await pilot.press("f2", "f3")
        await pilot.pause()
        call.session.release.clear()
        call.say.value = "Buenos días"
        await pilot.press("enter")
        await pilot.pause()
        lines_before = len(call.log_view.lines)
        call._hang_up()
        assert call.phase == "wrapup"
        call.session.release.set()
        await settle(pilot)
        text = "\n".join(str(line.text) for line in call.log_view.lines[lines_before:])
        assert "Ajá" not in text  # the customer's late line is not shown after hang-up


async def test_command_palette_has_spanish_navigation(clock: Any) -> None:
    app = SimuladorApp(services=FakeServices(), settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        palette.query_one(Input).value = "progreso"
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ProgressScreen"
        assert "PEC" in str(app.screen.query_one("#summary").content)
        await pilot.press("escape")
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"


async def test_command_palette_speaks_spanish_when_nothing_matches(clock: Any) -> None:
    from textual.widgets import OptionList

    app = SimuladorApp(services=FakeServices(), settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        search = app.screen.query_one(Input)
        assert search.placeholder == "Busque un comando…"
        search.value = "zzzz"
        await pilot.pause(1.0)
        shown = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert any("No hay comandos" in text for text in shown), shown
        assert not any("No matches" in text for text in shown)


async def test_slash_commands_work_in_the_talk_line(clock: Any) -> None:
    services = FakeServices()
    app = SimuladorApp(services=services, settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        call: Any = await open_scenario(pilot, "internet-veloz-hogar")
        await pilot.press("f2", "f3")
        await pilot.pause()
        await say(pilot, "/dato telefono=5512345678")
        assert call.session.captured == {"telefono": "5512345678"}
        assert call.query_one("#cap-telefono", Input).value == "5512345678"
        await say(pilot, "/espera")
        assert call.session.status == "Espera"
        await say(pilot, "/espera")
        assert call.session.status == "En llamada"
        await say(pilot, "/venta 500 megas")  # named: registered at once, no list
        assert call.session.sale_registered
        assert call.session.transcript.events[-1].value == "Plan Hogar 500 megas"
        await say(pilot, "/cualquiera")
        agent_turns = [t for t in call.session.transcript.turns if t.speaker == "agent"]
        assert agent_turns == []  # commands are never said to the customer


async def test_switch_user_and_pending_calls_from_the_palette(clock: Any) -> None:
    from tests.tui.fakes import fake_pending

    services = FakeServices()
    app = SimuladorApp(services=services, settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        app.action_pending()  # nothing pending: just a notice, no modal
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        services.recovery.items.append(fake_pending())
        app.action_pending()
        await pilot.pause()
        assert type(app.screen).__name__ == "RecoveryModal"
        await pilot.press("d")  # discard asks for confirmation first
        await pilot.pause()
        await pilot.click("#yes")
        await settle(pilot)
        assert services.recovery.actions == ["discard"]
        app.action_switch_user()
        await pilot.pause()
        assert type(app.screen).__name__ == "LoginScreen" and app.trainee is None
        await login(pilot, "Luis")
        assert app.trainee is not None and app.trainee.name == "Luis"


async def test_a_long_hold_warns_and_a_failing_reply_does_not_crash(clock: Any) -> None:
    services = FakeServices()
    app = SimuladorApp(services=services, settings=make_settings(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        call: Any = await open_scenario(pilot, "internet-veloz-hogar")
        await pilot.press("f2", "f3", "f4")
        await pilot.pause()
        clock.advance(call.scenario.max_hold_seconds + 5)
        call._tick()
        await pilot.pause()
        assert call.hold_warned and call.softphone.hold_left < 0
        await pilot.press("f4")  # back from hold: the fake customer complains about the wait
        await pilot.pause()
        shown = "\n".join(line.text for line in call.log_view.lines)
        assert "Oiga, me tuvo mucho tiempo esperando." in shown

        def broken(text: str) -> Any:
            raise RuntimeError("fallo interno")

        call.session.agent_says = broken
        await say(pilot, "¿Sigue ahí?")
        assert app.is_running and call.phase == "live" and not call.waiting


async def test_the_home_and_the_call_title_date_the_practice_alike(clock: Any) -> None:
    """The home's header says the practice day in the call title's words («20 nov 2026»)."""
    app = SimuladorApp(services=FakeServices(), settings=make_settings(), clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await login(pilot, "Mariana")
        assert app.screen.sub_title == "Mariana · 20 nov 2026"
        call = await open_scenario(pilot, "internet-veloz-hogar", seed=3)
        assert str(call.query_one("#call-title").render()).startswith("20 nov 2026 · ")
