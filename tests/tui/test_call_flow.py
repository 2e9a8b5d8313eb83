"""Pilot tests with the real services: a whole call played through the UI, start rules, modes."""

from __future__ import annotations

from typing import Any

from simulator.language.display import display
from simulator.session.folio import case_folio
from simulator.tui.app import SimuladorApp
from tests.tui.conftest import script_lines
from tests.tui.pilot_helpers import (
    hang_up_and_finish,
    login,
    open_scenario,
    play_script,
    register,
    say,
    settle,
)

SIZE = (100, 34)
SCENARIO = "internet-veloz-hogar"


def make_app(services: Any, clock: Any) -> SimuladorApp:
    return SimuladorApp(services=services, settings=services.settings, clock=clock)


async def test_a_whole_call_is_played_through_the_ui(services: Any, clock: Any) -> None:
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        assert type(app.screen).__name__ == "HomeScreen"
        call = await open_scenario(pilot, SCENARIO, seed=0)
        assert type(call).__name__ == "CallScreen"
        assert call.softphone.status == "Desconectado"

        await pilot.press("f2")
        await pilot.pause()
        assert call.session.status == "Disponible"
        await pilot.press("f3")
        await pilot.pause()
        assert call.phase == "live"
        assert call.session.status == "En llamada"

        lines = script_lines(f"{SCENARIO}.good.txt")
        # Ask permission, hold 12 s (fixed clock), come back thanking: the etiquette of a hold.
        half = next(
            i for i, line in enumerate(lines) if line.startswith("Para registrar su contrat")
        )
        await play_script(pilot, lines[:half], clock)
        await say(pilot, "¿Me permite un momento en la línea mientras registro sus datos?")
        await pilot.press("f4")
        await pilot.pause()
        assert call.session.status == "Espera"
        clock.advance(12)
        call._tick()
        assert call.softphone.hold_left == call.scenario.max_hold_seconds - 12
        await pilot.press("f4")
        await pilot.pause()
        assert call.session.status == "En llamada"
        await say(pilot, "Gracias por esperar, señora Rosa María.")
        await play_script(pilot, lines[half:], clock)
        assert call.sale_done

        await hang_up_and_finish(pilot)
        results: Any = app.screen
        assert type(results).__name__ == "ResultsScreen"
        card = results.card
        assert card is not None
        assert display("verdict", card.verdict) in results.verdict_text
        assert f"{card.overall}/100" in results.verdict_text

        trainee = services.trainees.find("Mariana")
        saved = services.calls.list_for(trainee.id)
        assert len(saved) == 1
        stored = services.calls.get(saved[0].call_id)
        events = [e.type for e in stored.transcript.events]
        statuses = [e.value for e in stored.transcript.events if e.type == "status"]
        assert statuses[:2] == ["Disponible", "En llamada"]
        assert "Espera" in statuses and statuses[-1] == "Tipificación"
        assert "hold_start" in events and "hold_end" in events
        assert "sale_registered" in events
        assert stored.transcript.capture["telefono"] == "5512345678"
        assert stored.transcript.capture["correo"] == "rosa.hdz@gmail.com"
        assert stored.seed == 0
        assert card.elements["preparation"].met is True
        unmet = {k: (v.missing, v.evidence) for k, v in card.elements.items() if v.met is False}
        assert card.verdict == "competent", (unmet, card.critical_errors)


async def test_the_call_cannot_start_before_disponible(services: Any, clock: Any) -> None:
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        call = await open_scenario(pilot, SCENARIO)
        await pilot.press("f3")  # answer while Desconectado
        await pilot.pause()
        assert call.phase == "before"
        assert not call.session.started
        await say(pilot, "Buenos días")  # talking before the call does nothing
        assert call.session.transcript.turns == []
        await pilot.press("escape")  # leaving before the call abandons it, nothing is saved
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        trainee = services.trainees.find("Mariana")
        assert services.calls.list_for(trainee.id) == []
        assert services.recovery.pending() == []


async def test_exam_mode_shows_no_hints_and_no_mood(services: Any, clock: Any) -> None:
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        call = await open_scenario(pilot, SCENARIO, mode="exam")
        assert call.exam
        assert "Examen" in str(call.query_one("#call-title").content)
        # the brief has no date: the screen says today's (panel I, yc-08: «el 27 de este mes»)
        assert "20 nov 2026" in str(call.query_one("#call-title").content)
        await pilot.press("f2")
        await pilot.press("f3")
        await pilot.pause()
        # A weak agent: the practice mode would nudge ("haga preguntas abiertas"…).
        for text in ["Hola", "Le vendo internet", "Cuesta 499", "¿Lo quiere?", "¿Sí o no?", "Ok"]:
            await say(pilot, text)
            assert not call.hint_line.display
        assert call.hints_shown == 0
        assert call.softphone.mood == ""


async def test_practice_mode_shows_sparse_hints_and_mood(services: Any, clock: Any) -> None:
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        call = await open_scenario(pilot, SCENARIO, mode="practice")
        await pilot.press("f2")
        await pilot.press("f3")
        await pilot.pause()
        texts = ["Hola", "Le vendo internet", "Cuesta 499", "¿Lo quiere?", "¿Sí o no?", "Ok"]
        for text in texts:
            await say(pilot, text)
        assert call.softphone.mood != ""
        assert 1 <= call.hints_shown <= len(texts) // 2


async def test_theme_toggle_is_persisted(services: Any, clock: Any, data_dir: Any) -> None:
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        before = app.theme
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme != before
    from simulator.settings import load_settings

    assert load_settings().theme == app.theme
    assert load_settings().trainee == "Mariana"


async def test_later_runs_offer_the_known_trainees(services: Any, clock: Any) -> None:
    services.trainees.get_or_create("Luis")
    services.trainees.get_or_create("Mariana")
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        known = app.screen.query_one("#known")
        assert known.display
        assert [str(known.get_option_at_index(i).prompt) for i in range(known.option_count)] == [
            "Luis",
            "Mariana",
        ]
        known.focus()
        known.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.trainee is not None and app.trainee.name == "Mariana"
        assert type(app.screen).__name__ == "HomeScreen"


async def test_progress_lists_calls_and_opens_their_results(services: Any, clock: Any) -> None:
    trainee = services.trainees.get_or_create("Mariana")
    for seed in (1, 2):
        live = services.calls.start(trainee.id, SCENARIO, seed=seed)
        live.session.set_status("Disponible")
        live.session.start()
        live.session.agent_says("Buenas tardes, le habla Mariana de Internet Veloz.")
        services.calls.finish(live)
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        await pilot.press("p")
        await settle(pilot)
        progress: Any = app.screen
        assert type(progress).__name__ == "ProgressScreen"
        table = progress.query_one("#calls")
        assert table.row_count == 2
        assert "2" in str(progress.query_one("#summary").content)
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        results: Any = app.screen
        assert type(results).__name__ == "ResultsScreen"
        newest = services.calls.list_for(trainee.id)[0]
        assert results.saved.call_id == newest.call_id
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_a_broken_config_file_is_a_message_not_a_crash(data_dir: Any, clock: Any) -> None:
    import os
    from pathlib import Path

    Path(os.environ["SIMULADOR_CONFIG_FILE"]).write_text('theme = "textual-dark\n', "utf-8")
    app = SimuladorApp(clock=clock)  # loads settings and services itself, like `simulador`
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(20):
            await pilot.pause(0.05)
            if app.load_error:
                break
        await pilot.pause()
        status = str(app.screen.query_one("#login-status").content)
        assert "configuración" in status and "config.toml:1" in status
        assert app.is_running


async def test_the_app_builds_its_own_services_like_simulador(data_dir: Any, clock: Any) -> None:
    app = SimuladorApp(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert type(app.screen).__name__ == "LoginScreen"  # shown before the services load
        await login(pilot, "Mariana")
        assert app.load_error is None
        home: Any = app.screen
        assert type(home).__name__ == "HomeScreen"
        assert home.table.row_count == len(app.services.library.scenarios) > 0
        assert app.services.settings.data_dir == data_dir


async def test_f5_registers_what_the_call_is_about(services: Any, clock: Any) -> None:
    """A sale in a sales call, a payment agreement in collections, a request in a service call;
    F3 dials an outbound call (Marcar) and answers an inbound one (Contestar)."""
    from textual.widgets import Button

    from tests.tui.test_call_voice import transcript_text

    expected = {
        "cobranza-tarjeta-atrasada": ("Acuerdo", "Acuerdo de pago registrado en el sistema."),
        "cambio-domicilio-internet": ("Registrar", "Solicitud registrada en el sistema."),
        SCENARIO: ("Venta", "Venta registrada en el sistema."),
    }
    dial = {"cobranza-tarjeta-atrasada": "Marcar", "cambio-domicilio-internet": "Contestar"}
    for scenario, (label, said) in expected.items():
        app = make_app(services, clock)
        async with app.run_test(size=SIZE) as pilot:
            await login(pilot, "Mariana")
            call = await open_scenario(pilot, scenario, seed=3)
            assert str(call.query_one("#sp-sale", Button).label) == label
            footer = {
                key: active.binding.description for key, active in call.active_bindings.items()
            }
            assert footer["f5"] == label
            answer = dial.get(scenario, "Marcar")
            assert footer["f3"] == answer
            assert str(call.query_one("#sp-answer", Button).label) == answer
            await pilot.press("f2", "f3")
            await settle(pilot)
            await register(pilot)
            await settle(pilot)
            assert said.rstrip(".") in transcript_text(call)
            folio = case_folio(call.scenario, 3)  # a service request gets its case number
            assert (f"Folio: {folio}." in transcript_text(call)) == (folio is not None)
            assert (folio is not None) == (scenario == "cambio-domicilio-internet")


async def test_f5_lists_the_catalog_and_registers_the_product_chosen(
    services: Any, clock: Any
) -> None:
    """The agent spoke of the plan kept, but registers the address change: the list preselects the
    last product spoken of, the agent moves to another; Esc registers nothing (panel P sb-04)."""
    from textual.widgets import OptionList

    from simulator.tui.screens.register_modal import RegisterModal
    from tests.tui.test_call_voice import transcript_text

    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        call = await open_scenario(pilot, "cambio-domicilio-internet", seed=3)
        await pilot.press("f2", "f3")
        await settle(pilot)
        await say(
            pilot, "Internet Veloz, buenas tardes. Conserva su Plan Hogar 100 megas de 399 pesos."
        )
        await pilot.press("f5")
        await pilot.pause()
        modal: Any = app.screen
        assert isinstance(modal, RegisterModal)
        names = [p.name for p in call.scenario.catalog]
        options = modal.query_one(OptionList)
        assert names[options.highlighted] == "Plan Hogar 100 megas"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is call and not call.sale_done
        assert "registrada" not in transcript_text(call)
        await pilot.press("f5")
        await pilot.pause()
        first = names[0]
        app.screen.query_one(OptionList).highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert call.sale_done
        assert f"Solicitud registrada en el sistema: {first}." in transcript_text(call)
        events = [e for e in call.session.transcript.events if e.type == "sale_registered"]
        assert [e.value for e in events] == [first]


async def test_results_say_why_a_call_ended_without_its_goal(services: Any, clock: Any) -> None:
    """«Sin venta» comes with its reason: here the agent hung up without ever asking for a decision."""
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await open_scenario(pilot, SCENARIO, seed=0)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        await say(pilot, "Buenas tardes, le habla Mariana de Internet Veloz.")
        await hang_up_and_finish(pilot)
        results: Any = app.screen
        assert type(results).__name__ == "ResultsScreen"
        assert "Resultado: Sin venta" in results.verdict_text
        assert "No hubo cierre: nunca se le pidió la decisión al cliente." in results.verdict_text


async def test_the_softphone_buttons_do_what_their_keys_do(services: Any, clock: Any) -> None:
    """A click on Disponible, Marcar, Espera (twice) and Colgar runs the F2, F3, F4 and F6
    actions (the buttons and the keys share one action each: ``call_phone``)."""
    app = make_app(services, clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        call = await open_scenario(pilot, SCENARIO, seed=0)
        await pilot.click("#sp-ready")
        await settle(pilot)
        assert call.session.status == "Disponible"
        await pilot.click("#sp-answer")
        await settle(pilot)
        assert call.phase == "live" and call.session.status == "En llamada"
        await pilot.click("#sp-hold-btn")
        await settle(pilot)
        assert call.session.status == "Espera"
        await pilot.click("#sp-hold-btn")
        await settle(pilot)
        assert call.session.status == "En llamada"
        await pilot.click("#sp-hangup")
        await settle(pilot)
        assert type(app.screen).__name__ == "ConfirmModal"
