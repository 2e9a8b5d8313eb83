"""The knowledge questionnaire of a self-assessment: the drawn questions one by one.

Options in a ``RadioSet`` (arrows and Enter, a click, or the keys 1–4); «Anterior» / «Siguiente»
(keys A / S) move between questions and the answered count is always in view. «Enviar» (E) asks for
confirmation while questions are unanswered; once sent, the answers are graded by the exam service
and the result screen shows each question's right answer and its explanation. Answers not yet sent
are saved with the attempt as they are chosen (a worker), so leaving, closing the simulator or a
power cut loses none of them.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, RadioButton, RadioSet, Static

from simulator.errors import SimuladorError
from simulator.language.safe_text import clean
from simulator.language.safe_text import escape_textual as escape
from simulator.tui.app_api import app_of
from simulator.tui.exam_views import answered_text, unanswered_question

if TYPE_CHECKING:
    from simulator.exam.models import DrawnQuestion, ExamAttempt, QuestionnaireResult


class ExamQuestionnaireScreen(Screen[None]):
    """One question at a time; ``answers`` maps question id → chosen option (0-based)."""

    CSS_PATH = "exam_questionnaire.tcss"
    BINDINGS = [
        Binding("s", "move(1)", "Siguiente"),
        Binding("a", "move(-1)", "Anterior"),
        Binding("e", "send", "Enviar"),
        Binding("1", "choose(0)", show=False),
        Binding("2", "choose(1)", show=False),
        Binding("3", "choose(2)", show=False),
        Binding("4", "choose(3)", show=False),
        Binding("escape", "leave", "Salir"),
    ]

    def __init__(self, attempt: ExamAttempt, answers: dict[str, int] | None = None) -> None:
        super().__init__()
        self.attempt = attempt
        self.questions: list[DrawnQuestion] = list(attempt.questionnaire.questions)
        self.answers: dict[str, int] = answers if answers is not None else {}
        self.index = 0
        self.sending = False
        self._shown = 0  # how many option sets were mounted (each gets a fresh id)
        self._draft_lock = threading.Lock()
        self._pending: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="quiz"):
            yield Static("", id="quiz-head")
            with VerticalScroll(id="quiz-body"):
                yield Static("", id="quiz-question")
                yield Vertical(id="quiz-options")
            yield Static("", id="quiz-count")
            with Horizontal(id="quiz-buttons"):
                yield Button("← Anterior", id="prev")
                yield Button("Siguiente →", id="next")
                yield Button("Enviar", id="send", variant="primary")
        yield Footer()

    async def on_mount(self) -> None:
        self.title = "Cuestionario de conocimientos"
        await self.show_question(0)

    @property
    def question(self) -> DrawnQuestion:
        return self.questions[self.index]

    @property
    def unanswered(self) -> int:
        return sum(1 for q in self.questions if q.id not in self.answers)

    async def show_question(self, index: int) -> None:
        """Show question ``index`` with its options (the chosen one pressed, if any)."""
        if not self.questions:
            self.query_one("#quiz-question", Static).update("Este cuestionario no tiene preguntas.")
            return
        self.index = max(0, min(index, len(self.questions) - 1))
        question = self.question
        total = len(self.questions)
        self.query_one("#quiz-head", Static).update(f"[b]Pregunta {self.index + 1} de {total}[/b]")
        self.query_one("#quiz-question", Static).update(f"[b]{escape(question.question)}[/b]")
        box = self.query_one("#quiz-options", Vertical)
        await box.remove_children()
        chosen = self.answers.get(question.id)
        self._shown += 1
        options = RadioSet(
            *[
                RadioButton(f"{n + 1}) {clean(text)}", value=n == chosen)
                for n, text in enumerate(question.options)
            ],
            id=f"options-{self._shown}",
            classes="options",
        )
        await box.mount(options)
        options.focus()
        self.query_one("#prev", Button).disabled = self.index == 0
        self.query_one("#next", Button).disabled = self.index == total - 1
        self._count()

    def _count(self) -> None:
        self.query_one("#quiz-count", Static).update(
            answered_text(len(self.questions) - self.unanswered, len(self.questions))
        )

    @on(RadioSet.Changed)
    def _chosen(self, event: RadioSet.Changed) -> None:
        if event.radio_set.has_class("options") and self.questions:
            self.answers[self.question.id] = event.index
            self._count()
            self._pending = dict(self.answers)  # the newest choice wins whatever thread saves it
            self._save_draft()

    def action_choose(self, option: int) -> None:
        """Keys 1–4: press that option of the question on display."""
        sets = list(self.query(".options").results(RadioSet))
        if not sets:
            return
        buttons = list(sets[-1].query(RadioButton))
        if 0 <= option < len(buttons):
            buttons[option].value = True

    @on(Button.Pressed, "#prev")
    async def _prev(self) -> None:
        await self.action_move(-1)

    @on(Button.Pressed, "#next")
    async def _next(self) -> None:
        await self.action_move(1)

    async def action_move(self, step: int) -> None:
        target = self.index + step
        if 0 <= target < len(self.questions):
            await self.show_question(target)

    @on(Button.Pressed, "#send")
    def action_send(self) -> None:
        from simulator.tui.screens.confirm import ConfirmModal

        if self.sending:
            return
        left = self.unanswered
        if left:
            self.app.push_screen(
                ConfirmModal(unanswered_question(left), "Enviar", "Seguir respondiendo"),
                self._send_confirmed,
            )
        else:
            self._send_confirmed(True)

    def _send_confirmed(self, yes: bool | None) -> None:
        if yes and not self.sending:
            self.sending = True
            self.query_one("#send", Button).disabled = True
            self._send(dict(self.answers))

    @work(thread=True, group="exam-draft")
    def _save_draft(self) -> None:
        app = app_of(self)
        with self._draft_lock:  # one save at a time, each of the newest answers
            try:
                app.ready_services.exam.save_draft(self.attempt.id, self._pending)
            except SimuladorError as error:
                message = f"No se pudo guardar la respuesta: {error}"
                app.call_from_thread(self.notify, message, severity="warning")

    @work(thread=True, exclusive=True, group="exam-send")
    def _send(self, answers: dict[str, int]) -> None:
        app = app_of(self)
        try:
            result = app.ready_services.exam.submit_answers(self.attempt.id, answers)
        except SimuladorError as error:
            app.call_from_thread(self._send_failed, str(error))
            return
        app.call_from_thread(self._sent, result)

    def _send_failed(self, message: str) -> None:
        self.sending = False
        self.query_one("#send", Button).disabled = False
        self.notify(message, severity="error")

    def _sent(self, result: QuestionnaireResult) -> None:
        from simulator.tui.screens.exam_answers import ExamAnswersScreen

        self.answers.clear()
        self.app.switch_screen(ExamAnswersScreen(self.attempt.id, result))

    def action_leave(self) -> None:
        """Back to the progress screen; answers not sent stay saved with the attempt."""
        if self.answers:
            self.notify("Sus respuestas quedan guardadas; cuando termine, envíelas con E.")
        self.app.pop_screen()
