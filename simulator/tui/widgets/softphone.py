"""The softphone panel of the agent's workstation: status, call timer, hold countdown, mood, voice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Button, Static

from simulator.tui.views import fmt_clock

STATUS_CLASSES = {
    "Desconectado": "-off",
    "Disponible": "-ready",
    "En llamada": "-live",
    "Espera": "-hold",
    "Tipificación": "-wrap",
}


class Softphone(Widget):
    """Shows the phone state; its buttons post ``Button.Pressed`` with ids the call screen handles."""

    DEFAULT_CSS = """
    Softphone {
        height: auto;
        border: round $primary;
        border-title-color: $accent;
        padding: 0 1;
    }
    Softphone #sp-status { text-style: bold; }
    Softphone #sp-status.-off { color: $text-muted; }
    Softphone #sp-status.-ready { color: $success; }
    Softphone #sp-status.-live { color: $accent; }
    Softphone #sp-status.-hold { color: $warning; }
    Softphone #sp-status.-wrap { color: $secondary; }
    Softphone #sp-hold { color: $warning; }
    Softphone #sp-hold.-over { color: $error; text-style: bold; }
    Softphone #sp-voice { color: $text-muted; }
    Softphone #sp-voice.-on { color: $accent; }
    Softphone Grid {
        grid-size: 2;
        grid-gutter: 0 1;
        height: auto;
    }
    Softphone Button { width: 100%; }
    """

    status: reactive[str] = reactive("Desconectado")
    elapsed: reactive[float] = reactive(0.0)
    hold_left: reactive[float | None] = reactive(None)
    mood: reactive[str] = reactive("")
    voice: reactive[str] = reactive("Voz: apagada")

    def __init__(self, sale_label: str = "Venta", answer_label: str = "Contestar") -> None:
        super().__init__()
        self.sale_label = sale_label  # what F5 registers in this call (venta, solicitud, acuerdo)
        self.answer_label = answer_label  # F3: the agent dials out (Marcar) or answers (Contestar)

    def compose(self) -> ComposeResult:
        yield Static(id="sp-status")
        yield Static(id="sp-timer")
        yield Static(id="sp-hold")
        yield Static(id="sp-voice")
        with Grid():
            yield Button("Disponible", id="sp-ready", compact=True, variant="success")
            yield Button(self.answer_label, id="sp-answer", compact=True, variant="primary")
            yield Button("Espera", id="sp-hold-btn", compact=True, variant="warning")
            yield Button(self.sale_label, id="sp-sale", compact=True)
            yield Button("Colgar", id="sp-hangup", compact=True, variant="error")

    _ready = False

    def on_mount(self) -> None:
        self.border_title = "Softphone"
        self._ready = True
        self._render_status()
        self._render_timer()
        self._render_hold()
        self._render_voice()

    def watch_voice(self) -> None:
        self._render_voice()

    def _render_voice(self) -> None:
        if not self._ready:
            return
        label = self.query_one("#sp-voice", Static)
        label.set_class(self.voice != "Voz: apagada", "-on")
        label.update(self.voice)

    def watch_status(self) -> None:
        self._render_status()

    def watch_elapsed(self) -> None:
        self._render_timer()

    def watch_mood(self) -> None:
        self._render_timer()

    def watch_hold_left(self) -> None:
        self._render_hold()

    def _render_status(self) -> None:
        if not self._ready:
            return
        label = self.query_one("#sp-status", Static)
        label.set_classes(STATUS_CLASSES.get(self.status, ""))
        label.update(f"● {self.status}")
        status = self.status
        self.query_one("#sp-ready", Button).disabled = status != "Desconectado"
        self.query_one("#sp-answer", Button).disabled = status != "Disponible"
        live = status in ("En llamada", "Espera")
        self.query_one("#sp-hold-btn", Button).disabled = not live
        self.query_one("#sp-hold-btn", Button).label = (
            "Regresar" if status == "Espera" else "Espera"
        )
        self.query_one("#sp-sale", Button).disabled = not live
        hangup = self.query_one("#sp-hangup", Button)
        hangup.disabled = not (live or status == "Tipificación")
        hangup.label = "Terminar" if status == "Tipificación" else "Colgar"

    def _render_timer(self) -> None:
        if not self._ready:
            return
        mood = f"\nÁnimo: {self.mood}" if self.mood else ""
        self.query_one("#sp-timer", Static).update(f"Tiempo {fmt_clock(self.elapsed)}{mood}")

    def _render_hold(self) -> None:
        if not self._ready:
            return
        hold = self.query_one("#sp-hold", Static)
        left = self.hold_left
        hold.display = left is not None
        if left is None:
            return
        hold.set_class(left < 0, "-over")
        if left >= 0:
            hold.update(f"En espera: quedan {fmt_clock(left)}")
        else:
            hold.update(f"¡Espera excedida! +{fmt_clock(-left)}")
