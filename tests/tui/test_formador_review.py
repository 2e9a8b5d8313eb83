"""The formador's call review (correcting a judgement with a note) and the calibration log."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable, Static

from tests.tui.formador_data import build_room
from tests.tui.formador_pilot import (
    enter_as_formador,
    formador_app,
    on_screen,
    open_call,
    open_trainee,
)
from tests.tui.pilot_helpers import settle, wait_for


async def _save(pilot: Any) -> None:
    """Enter in the note field saves (the same handler as the «Guardar» button)."""
    pilot.app.screen.query_one("#note").focus()
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def _to_beto_call(pilot: Any) -> None:
    await enter_as_formador(pilot)
    await open_trainee(pilot, 1)
    await open_call(pilot, 0)


async def test_the_review_shows_transcript_acts_and_scorecard_with_evidence(
    services: Any, clock: Any
) -> None:
    build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await _to_beto_call(pilot)
        screen: Any = app.screen
        turns = screen.query_one("#turns")
        assert turns.option_count == 27
        first = str(turns.get_option_at_index(0).prompt)
        assert "Agente:" in first and "actos:" in first
        card = _text(screen, "#card")
        assert "✘  Cierra la llamada" in card and "«" in card  # the scorer's evidence quotes
        assert "Información incorrecta" in card
        assert "Beto Ruiz" in _text(screen, "#call-head")
        assert "Sin correcciones" in _text(screen, "#history")


async def test_a_correction_needs_a_note_and_keeps_the_original(services: Any, clock: Any) -> None:
    room = build_room(services)
    call_id = room.calls["Beto Ruiz"][-1]
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await _to_beto_call(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: on_screen(pilot, "OverrideModal"), "(corrección)")
        modal: Any = app.screen
        modal.select("element:call_closing", "met", "")
        await _save(pilot)
        assert on_screen(pilot, "OverrideModal")  # no note: not saved
        assert "necesita un motivo" in _text(modal, "#override-error")
        assert services.formador.call_review(room.formador_id, call_id).overrides == ()
        modal.select("element:call_closing", "met", "La despedida fue completa en T27.")
        await _save(pilot)
        await wait_for(pilot, lambda: on_screen(pilot, "FormadorCallScreen"))
        await settle(pilot)
        screen: Any = app.screen
        card = _text(screen, "#card")
        assert "✔  Cierra la llamada" in card
        assert "Corregido por formador: cumplido" in card
        assert "juicio original del evaluador: no cumplido" in card
        assert "La despedida fue completa en T27." in _text(screen, "#history")
        review = services.formador.call_review(room.formador_id, call_id)
        assert review.original is not None and review.effective is not None
        assert review.original.elements["call_closing"].met is False  # the original is kept
        assert review.effective.elements["call_closing"].met is True


async def test_removing_a_critical_error_changes_the_shown_verdict(
    services: Any, clock: Any
) -> None:
    room = build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await _to_beto_call(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: on_screen(pilot, "OverrideModal"))
        app.screen.select(  # type: ignore[attr-defined]
            "critical_error:inaccurate_information", "absent", "El precio citado era el de 2025."
        )
        await _save(pilot)
        await wait_for(pilot, lambda: on_screen(pilot, "FormadorCallScreen"))
        await settle(pilot)
        card = _text(app.screen, "#card")
        assert "Información incorrecta (precio o condición): ausente" in card
        assert "Corregido por formador: ausente" in card
        rows = services.formador.calibration_log()
        assert [(r.code, r.overturned) for r in rows] == [("inaccurate_information", 1)]
        assert room.formador_id


async def test_escape_cancels_a_correction(services: Any, clock: Any) -> None:
    room = build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await _to_beto_call(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: on_screen(pilot, "OverrideModal"))
        await pilot.press("escape")
        await settle(pilot)
        assert on_screen(pilot, "FormadorCallScreen")
        call_id = room.calls["Beto Ruiz"][-1]
        assert services.formador.call_review(room.formador_id, call_id).overrides == ()


async def test_the_calibration_log_puts_the_most_overturned_rules_on_top(
    services: Any, clock: Any
) -> None:
    room = build_room(services)
    desk, marta = services.formador, room.formador_id
    beto, carla = room.calls["Beto Ruiz"], room.calls["Carla Díaz"]
    desk.override(marta, beto[0], "element", "call_closing", "not_met", "De acuerdo.")
    desk.override(marta, beto[1], "element", "needs_detection", "met", "Sí sondeó en T9.")
    desk.override(marta, carla[0], "element", "needs_detection", "met", "Preguntó el uso.")
    desk.override(marta, carla[1], "element", "call_closing", "not_met", "No ofreció más ayuda.")
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await enter_as_formador(pilot)
        await pilot.press("l")
        await wait_for(pilot, lambda: on_screen(pilot, "FormadorCalibrationScreen"))
        await settle(pilot)
        table = app.screen.query_one("#calibration", DataTable)
        rows = [[str(c).strip() for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [
            ["Detecta necesidades", "Elemento", "2", "0", "2"],
            ["Cierra la llamada", "Elemento", "2", "1", "1"],
        ]
        await pilot.press("escape")
        await settle(pilot)
        assert on_screen(pilot, "FormadorDashboardScreen")


async def test_the_calibration_log_empty_state_is_spanish(services: Any, clock: Any) -> None:
    build_room(services)
    app = formador_app(services, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await enter_as_formador(pilot)
        await pilot.press("l")
        await wait_for(pilot, lambda: on_screen(pilot, "FormadorCalibrationScreen"))
        await settle(pilot)
        assert "Todavía no hay juicios revisados" in _text(app.screen, "#calibration-empty")
