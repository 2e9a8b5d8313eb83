"""The capture form: one input per required field of the scenario, sent to the session on change."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label

from simulator.language.safe_text import escape_textual
from simulator.tui.views import field_label


class CaptureForm(VerticalScroll):
    """Posts ``CaptureForm.Captured`` when a field is confirmed (Enter or leaving the field).

    Enter is a priority binding of the form: it runs while the app handles the key, so the next
    field has the focus before the next key is routed — a fast typist's «5512» typed right after
    Enter lands in «teléfono», not at the end of the name (an Input's own Submitted message comes
    round only after the keys typed behind it were given to the same field)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next_field", "Siguiente campo", show=False, priority=True)
    ]

    DEFAULT_CSS = """
    CaptureForm { height: 1fr; }
    CaptureForm Horizontal { height: 1; margin-bottom: 1; }
    CaptureForm Label { width: 12; color: $text-muted; }
    CaptureForm Input { width: 1fr; background: $boost; }
    CaptureForm Input:focus { background: $primary 30%; }
    """

    class Captured(Message):
        def __init__(self, field: str, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

    class Done(Message):
        """The last field was confirmed: the call screen returns to the talk line."""

    def __init__(self, fields: list[str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.fields = list(fields)
        self.sent: dict[str, str] = {}
        self.after_last: Widget | None = None  # takes the focus after the last field

    def compose(self) -> ComposeResult:
        if not self.fields:
            yield Label("Este escenario no pide capturar datos.")
        for name in self.fields:
            with Horizontal():
                yield Label(escape_textual(field_label(name)) + ":")
                yield Input(
                    id=f"cap-{name}", compact=True, name=name, max_length=200, placeholder="—"
                )

    def values(self) -> dict[str, str]:
        return {str(i.name): i.value.strip() for i in self.query(Input)}

    def _send(self, widget: Input) -> None:
        value = widget.value.strip()
        name = str(widget.name)
        if value and self.sent.get(name) != value:
            self.sent[name] = value
            self.post_message(self.Captured(name, value))

    def flush(self) -> list[tuple[str, str]]:
        """Fields typed but not yet sent (called before hanging up / finishing)."""
        pending = []
        for widget in self.query(Input):
            value = widget.value.strip()
            if value and self.sent.get(str(widget.name)) != value:
                self.sent[str(widget.name)] = value
                pending.append((str(widget.name), value))
        return pending

    def action_next_field(self) -> None:
        """Enter: the next field (or ``after_last``) takes the focus now. The field left is sent
        when its Blurred message comes, after the keys typed into it that are still on their way
        (sending it here could send half of a value typed ahead)."""
        focused = self.screen.focused
        if isinstance(focused, Input) and focused in self.query(Input):
            self._advance(focused)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._send(event.input)
        self._advance(event.input)

    def _advance(self, field: Input) -> None:
        """Move on to the next field at once (``set_focus``, not ``focus``, which waits for the
        next turn of the message loop), or to ``after_last`` and say the form is done."""
        fields = list(self.query(Input))
        index = fields.index(field)
        if index + 1 < len(fields):
            self.screen.set_focus(fields[index + 1])
            return
        if self.after_last is not None:
            self.screen.set_focus(self.after_last)
        self.post_message(self.Done())

    @on(Input.Blurred)
    def _blurred(self, event: Input.Blurred) -> None:
        self._send(event.input)
        event.input.cursor_position = 0  # show the beginning of a long value
