"""Drive the certification self-assessment through the app like a candidate: open the plan, start,
play each practical call on the real call screen (exam mode), answer and send the questionnaire.

The draw is fixed by the seed the app passes to ``ExamService.start`` (``EXAM_SEED``, patched into
``simulator.tui.exam_flow.new_seed`` by the ``exam_seed`` fixture of ``conftest.py``), so each test plays the same scenarios and questions.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from simulator.tui.app import SimuladorApp
from tests.tui.pilot_helpers import capture, say, settle, wait_for

EXAM_SEED = 11
SIZE = (100, 34)
# A short, decent call: the opening, one open question, a close, thanks and farewell.
CALL_LINES = [
    "Buenas tardes, le atiende Mariana. ¿Con quién tengo el gusto?",
    "Cuénteme, ¿qué necesita resolver hoy?",
    "Entiendo, con gusto le ayudo con eso.",
]
FAREWELL = "¿Hay algo más en que le pueda ayudar? Gracias por su llamada, que tenga buen día."


def exam_app(services: Any, clock: Any) -> SimuladorApp:
    return SimuladorApp(services=services, settings=services.settings, clock=clock)


def on_screen(pilot: Pilot[Any], name: str) -> bool:
    return type(pilot.app.screen).__name__ == name


async def open_plan(pilot: Pilot[Any]) -> None:
    await pilot.press("e")
    await wait_for(pilot, lambda: on_screen(pilot, "ExamPlanScreen"), "(plan)")
    await settle(pilot)


async def begin(pilot: Pilot[Any]) -> None:
    """«Comenzar» (or «Reanudar») on the plan screen: to the attempt's progress."""
    await pilot.press("c")
    await wait_for(pilot, lambda: on_screen(pilot, "ExamProgressScreen"), "(avance)")
    await settle(pilot)


async def play_call(pilot: Pilot[Any], lines: list[str] = CALL_LINES) -> Any:
    """Enter on the progress screen opens the next call; play it, hang up, finish the wrap-up and
    come back to the progress screen. Returns the call screen that was played."""
    app: Any = pilot.app
    await pilot.press("enter")
    await wait_for(pilot, lambda: on_screen(pilot, "CallScreen"), "(llamada)")
    await settle(pilot)
    call = app.screen
    await pilot.press("f2")
    await pilot.pause()
    await pilot.press("f3")
    await settle(pilot)
    for line in lines:
        await say(pilot, line)
    fields = list(call.scenario.required_fields)
    if fields:
        await capture(pilot, fields[0], "Dato de prueba")
    await say(pilot, FAREWELL)
    if call.phase == "live":
        await pilot.press("f6")
        await wait_for(pilot, lambda: on_screen(pilot, "ConfirmModal"))
        await pilot.click("#yes")
    await wait_for(pilot, lambda: call.phase == "wrapup", "(tipificación)")
    await pilot.press("f6")
    await wait_for(pilot, lambda: on_screen(pilot, "ExamProgressScreen"), "(avance)")
    await settle(pilot)
    return call


async def answer_all(pilot: Pilot[Any], *, skip: int = 0, right: bool = True) -> None:
    """On the questionnaire: answer every question but the last ``skip`` with keys 1–4 (the right
    option, or a wrong one), moving on with S."""
    screen: Any = pilot.app.screen
    total = len(screen.questions)
    for number in range(total - skip):
        question = screen.questions[screen.index]
        option = question.answer if right else (question.answer + 1) % len(question.options)
        await pilot.press(str(option + 1))
        await pilot.pause()
        if number < total - 1:
            await pilot.press("s")
            await pilot.pause()
    await settle(pilot)
