"""The formador's validation of a self-assessment: agree with the verdict or not, and a required
note. Returns a ``ValidationRequest`` (None on Escape / Cancelar); the verdict screen saves it
through ``ExamService.validate``, which checks again that the user is a formador."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, Static

from simulator.language.safe_text import escape_textual as escape
from simulator.tui.widgets.form_keys import ChoiceSet

if TYPE_CHECKING:
    from simulator.exam.models import ExamAttempt


@dataclass(frozen=True, slots=True)
class ValidationRequest:
    agree: bool
    note: str


class ExamValidateModal(ModalScreen[ValidationRequest | None]):
    """Validar / No validar, with a note that says why."""

    CSS_PATH = "exam_validate.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancelar")]

    def __init__(self, attempt: ExamAttempt) -> None:
        super().__init__()
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        with Vertical(id="validate-box"):
            yield Static(
                f"[b]Validar la autoevaluación n.º {self.attempt.id}[/b] de "
                f"{escape(self.attempt.trainee_name)}",
                id="validate-title",
            )
            yield Static(
                "Su decisión y su nota quedan en el resultado y en el portafolio.", classes="muted"
            )
            with ChoiceSet(id="decision"):
                yield RadioButton("Valido el resultado", id="agree")
                yield RadioButton("No lo valido", id="disagree")
            yield Label("Nota (obligatoria): ¿por qué?")
            yield Input(placeholder="Motivo de su decisión", id="note", max_length=2000)
            yield Static("", id="validate-error")
            with Horizontal(id="validate-buttons"):
                yield Button("Guardar", id="save", variant="primary")
                yield Button("Cancelar", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#decision", ChoiceSet).focus()

    def choose(self, agree: bool, note: str) -> None:
        """Fill the form (what a formador does with the keyboard; used by tests)."""
        self.query_one("#agree" if agree else "#disagree", RadioButton).value = True
        self.query_one("#note", Input).value = note

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#note")
    @on(ChoiceSet.Submitted, "#decision")
    def _save(self) -> None:
        pressed = self.query_one("#decision", ChoiceSet).pressed_button
        note = self.query_one("#note", Input).value.strip()
        error = self.query_one("#validate-error", Static)
        if pressed is None:
            error.update("[b $error]Elija si valida o no el resultado.[/]")
            self.query_one("#decision", ChoiceSet).focus()
            return
        if not note:
            error.update("[b $error]Escriba una nota: la validación necesita un motivo.[/]")
            self.query_one("#note", Input).focus()
            return
        self.dismiss(ValidationRequest(agree=pressed.id == "agree", note=note))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
