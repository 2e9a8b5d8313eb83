"""The formador gives a trainee a PIN, or replaces or removes theirs («Asignar PIN» /
«Restablecer PIN» on the trainee's drill-down). The new PIN is typed twice in masked fields and
checked here with the services' rule (4 to 8 digits, or a password of 6+ characters); the caller
saves it through the services. Returns a ``PinRequest`` (``pin`` None = remove it) or None on
Escape / Cancelar."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from simulator.errors import SimuladorError
from simulator.language.safe_text import escape_textual
from simulator.services.signin import check_new_pin


@dataclass(frozen=True, slots=True)
class PinRequest:
    pin: str | None  # None: remove the trainee's PIN


class PinModal(ModalScreen[PinRequest | None]):
    """A new PIN for ``name`` (typed twice); «Quitar PIN» when they have one."""

    CSS_PATH = "pin_modal.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancelar")]

    def __init__(self, name: str, has_pin: bool) -> None:
        super().__init__()
        self.trainee_name = name
        self.has_pin = has_pin

    def compose(self) -> ComposeResult:
        name = escape_textual(self.trainee_name)
        title = f"Restablecer el PIN de {name}" if self.has_pin else f"Asignar PIN a {name}"
        with Vertical(id="pin-box"):
            yield Static(f"[b]{title}[/b]", id="pin-title")
            yield Static(
                "El aprendiz lo escribirá al entrar. Un PIN tiene de 4 a 8 dígitos; también "
                "puede ser una contraseña de 6 o más caracteres. Entrégueselo en persona.",
                classes="muted",
            )
            yield Label("PIN nuevo:")
            yield Input(placeholder="PIN nuevo", id="pin", password=True, max_length=200)
            yield Label("Repita el PIN:")
            yield Input(placeholder="Repita el PIN", id="pin-repeat", password=True, max_length=200)
            yield Static("", id="pin-error")
            with Horizontal(id="pin-buttons"):
                yield Button("Guardar", id="save", variant="primary")
                if self.has_pin:
                    yield Button("Quitar PIN", id="remove", variant="warning")
                yield Button("Cancelar", id="cancel")
            if self.has_pin:
                yield Static(
                    "«Quitar PIN»: entrará solo con su nombre, o elegirá uno nuevo al entrar si "
                    "el PIN es obligatorio.",
                    classes="muted",
                )

    def on_mount(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    def _next(self) -> None:
        self.query_one("#pin-repeat", Input).focus()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#pin-repeat")
    def _save(self) -> None:
        pin = self.query_one("#pin", Input).value
        repeat = self.query_one("#pin-repeat", Input).value
        try:
            check_new_pin(pin, repeat)
        except SimuladorError as error:
            self.query_one("#pin-error", Static).update(f"[b $error]{escape_textual(error)}[/]")
            self.query_one("#pin", Input).value = ""
            self.query_one("#pin-repeat", Input).value = ""
            self.query_one("#pin", Input).focus()
            return
        self.dismiss(PinRequest(pin))

    @on(Button.Pressed, "#remove")
    def _remove(self) -> None:
        self.dismiss(PinRequest(None))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
