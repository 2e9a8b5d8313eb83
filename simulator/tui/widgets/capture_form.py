"""The capture form: one input per required field of the scenario, sent to the session on change."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label

from simulator.language.safe_text import escape_textual
from simulator.tui.views import field_label


class CaptureForm(VerticalScroll):
    """Posts ``CaptureForm.Captured`` when a field is confirmed (Enter or leaving the field)."""

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

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._send(event.input)
        fields = list(self.query(Input))
        index = fields.index(event.input)
        if index + 1 < len(fields):
            fields[index + 1].focus()
        else:
            self.post_message(self.Done())

    @on(Input.Blurred)
    def _blurred(self, event: Input.Blurred) -> None:
        self._send(event.input)
        event.input.cursor_position = 0  # show the beginning of a long value
