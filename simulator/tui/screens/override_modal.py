"""The formador's correction of one judgement: which judgement, its new value, and a required
note. Returns an ``OverrideRequest`` (or None on Escape / Cancelar); the caller saves it through
the services, which keep the scorer's original judgement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from simulator.models.scorecard import CRITICAL_CODES, ELEMENT_KEYS
from simulator.services.review import judgement_value
from simulator.tui.formador_views import kind_name, rule_name, value_name

if TYPE_CHECKING:
    from simulator.models.scorecard import Scorecard

VALUES = {"element": ("met", "not_met", "not_evaluated"), "critical_error": ("present", "absent")}


@dataclass(frozen=True, slots=True)
class OverrideRequest:
    kind: str
    code: str
    new_value: str
    note: str


class OverrideModal(ModalScreen[OverrideRequest | None]):
    """Pick a judgement of ``card`` (the effective one), a new value and write why."""

    CSS_PATH = "override_modal.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancelar")]

    def __init__(self, card: Scorecard) -> None:
        super().__init__()
        self.card = card
        self._values_for: str | None = None  # the judgement whose values the value list shows

    def _targets(self) -> list[tuple[str, str]]:
        options = []
        for kind, codes in (("element", ELEMENT_KEYS), ("critical_error", CRITICAL_CODES)):
            for code in codes:
                now = value_name(judgement_value(self.card, kind, code))
                label = f"{kind_name(kind)}: {rule_name(kind, code)} (ahora: {now})"
                options.append((label, f"{kind}:{code}"))
        return options

    def compose(self) -> ComposeResult:
        with Vertical(id="override-box"):
            yield Static("[b]Corregir un juicio del evaluador[/b]", id="override-title")
            yield Static(
                "El juicio original se conserva; su corrección se muestra como tal.",
                classes="muted",
            )
            yield Label("Juicio:")
            yield Select(self._targets(), id="target", prompt="Elija el juicio")
            yield Label("Nuevo valor:")
            yield Select[str]([], id="value", prompt="Elija el valor")
            yield Label("Nota (obligatoria): ¿por qué?")
            yield Input(placeholder="Motivo de la corrección", id="note", max_length=500)
            yield Static("", id="override-error")
            with Horizontal(id="override-buttons"):
                yield Button("Guardar", id="save", variant="primary")
                yield Button("Cancelar", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#target", Select).focus()

    @on(Select.Changed, "#target")
    def _target_changed(self, event: Select.Changed) -> None:
        values = self.query_one("#value", Select)
        if event.value == self._values_for:
            return
        self._values_for = event.value if isinstance(event.value, str) else None
        if not isinstance(event.value, str):
            values.set_options([])
            return
        kind, _, code = event.value.partition(":")
        current = judgement_value(self.card, kind, code)
        values.set_options(
            [(value_name(v), v) for v in VALUES[kind] if v != current]
            + [(f"{value_name(current)} (confirmar el juicio)", current)]
        )

    def select(self, target: str, value: str, note: str) -> None:
        """Fill the form (what a formador does with the keyboard; used by tests)."""
        self.query_one("#target", Select).value = target
        self._target_changed(Select.Changed(self.query_one("#target", Select), target))
        self.query_one("#value", Select).value = value
        self.query_one("#note", Input).value = note

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#note")
    def _save(self) -> None:
        target = self.query_one("#target", Select).value
        value = self.query_one("#value", Select).value
        note = self.query_one("#note", Input).value.strip()
        error = self.query_one("#override-error", Static)
        if not isinstance(target, str):
            error.update("[b $error]Elija el juicio que quiere corregir.[/]")
            return
        if not isinstance(value, str):
            error.update("[b $error]Elija el nuevo valor.[/]")
            return
        if not note:
            error.update("[b $error]Escriba una nota: la corrección necesita un motivo.[/]")
            self.query_one("#note", Input).focus()
            return
        kind, _, code = target.partition(":")
        self.dismiss(OverrideRequest(kind, code, value, note))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
