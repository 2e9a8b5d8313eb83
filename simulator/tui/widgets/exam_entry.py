"""The trainee home's entry to the certification self-assessment: one line that names it and its
key (E), and opens the exam plan when clicked. A widget of its own so the home screen stays small."""

from __future__ import annotations

from textual.events import Click
from textual.widgets import Static

from simulator.tui.app_api import app_of

ENTRY_TEXT = "◆ [b]Autoevaluación de certificación[/b] — tecla E (plan, llamadas, cuestionario)"


class ExamEntry(Static):
    """«Autoevaluación de certificación»: a click or the home's key E opens the plan."""

    DEFAULT_CSS = """
    ExamEntry {
        height: 1;
        padding: 0 1;
        background: $boost;
        color: $text;
    }
    ExamEntry:hover {
        background: $primary 30%;
    }
    """

    def __init__(self) -> None:
        super().__init__(ENTRY_TEXT, id="exam-entry")

    def on_click(self, event: Click) -> None:
        event.stop()
        app_of(self).action_exam()
