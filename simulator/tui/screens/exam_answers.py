"""The questionnaire's result, shown once it is sent: the score (overall and per topic) and every
question with the candidate's answer, the right answer and the explanation of why.

Escape goes back to the attempt's progress (the verdict waits for every part). Opened by the
questionnaire after sending, and from the verdict screen (key C) to read the answers again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from simulator.tui.app_api import app_of
from simulator.tui.exam_views import answers_markup, questionnaire_summary

if TYPE_CHECKING:
    from simulator.exam.models import QuestionnaireResult


class ExamAnswersScreen(Screen[None]):
    """Score, per-topic score, and each question's right answer with its explanation."""

    CSS_PATH = "exam_answers.tcss"
    AUTO_FOCUS = "#answers"
    BINDINGS = [Binding("escape", "back", "Volver")]

    def __init__(
        self, attempt_id: int, result: QuestionnaireResult, *, from_verdict: bool = False
    ) -> None:
        super().__init__()
        self.attempt_id = attempt_id
        self.result = result
        self.from_verdict = from_verdict

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="answers"):
            yield Static(questionnaire_summary(self.result), id="answers-summary")
            yield Static("Respuestas y explicaciones", classes="section-title")
            yield Static(answers_markup(self.result), id="answers-list")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Resultado del cuestionario"

    def action_back(self) -> None:
        if self.from_verdict:
            self.app.pop_screen()
        else:
            app_of(self).show_exam_progress(self.attempt_id)
