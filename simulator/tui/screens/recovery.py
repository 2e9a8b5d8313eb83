"""Offered at start when a call was left unfinished: resume it, score it, discard it or decide later."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from simulator.language.safe_text import escape_textual as escape
from simulator.tui.views import fmt_when

if TYPE_CHECKING:
    from simulator.services.results import PendingCall


class RecoveryModal(ModalScreen[tuple[str, "PendingCall"] | None]):
    """Returns ("resume" | "score" | "discard", pending) or None (decide later)."""

    CSS_PATH = "recovery.tcss"
    BINDINGS = [
        ("escape", "later", "Después"),
        ("r", "resume", "Reanudar"),
        ("c", "score", "Calificar"),
        ("d", "discard", "Descartar"),
    ]

    def __init__(self, pending: PendingCall, count: int = 1) -> None:
        super().__init__()
        self.pending = pending
        self.count = count

    def compose(self) -> ComposeResult:
        p = self.pending
        title = p.scenario_title or p.scenario_id
        who = p.trainee_name
        turns = p.turns
        when = fmt_when(p.started_at)
        more = (
            f"\n(Hay {self.count} llamadas pendientes; se muestra la primera.)"
            if self.count > 1
            else ""
        )
        ended = p.ended
        readable = p.readable
        damage = p.damage
        if not readable and not damage:
            damage = "No se pudo leer el diario; el archivo se conserva y solo puede descartarse."
        kept = damage or "Se recuperó todo lo que escribió."
        with Vertical(id="recovery-box"):
            yield Static("[b]Hay una llamada sin terminar[/b]", id="recovery-title")
            yield Static(
                f"{escape(title)}\n"
                + (f"Participante: {escape(who)}\n" if who else "")
                + f"Inició: {when} · {turns} turnos guardados.{more}\n\n"
                + f"{escape(kept)} ¿Qué desea hacer?",
                id="recovery-text",
            )
            with Horizontal(id="recovery-buttons"):
                yield Button(
                    "Reanudar (R)",
                    id="resume",
                    variant="primary",
                    compact=True,
                    disabled=ended or not readable,
                )
                yield Button("Calificar (C)", id="score", compact=True, disabled=not readable)
                yield Button("Descartar (D)", id="discard", variant="error", compact=True)
                yield Button("Después (Esc)", id="later", compact=True)

    def on_mount(self) -> None:
        for button_id in ("#resume", "#score", "#later"):
            button = self.query_one(button_id, Button)
            if not button.disabled:
                button.focus()
                break

    @on(Button.Pressed, "#resume")
    def action_resume(self) -> None:
        if not self.query_one("#resume", Button).disabled:
            self.dismiss(("resume", self.pending))

    @on(Button.Pressed, "#score")
    def action_score(self) -> None:
        if not self.query_one("#score", Button).disabled:
            self.dismiss(("score", self.pending))

    @on(Button.Pressed, "#discard")
    def action_discard(self) -> None:
        from simulator.tui.screens.confirm import ConfirmModal

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.dismiss(("discard", self.pending))

        self.app.push_screen(
            ConfirmModal(
                "¿Descartar la llamada? Se guardará en la carpeta de descartadas, no se borra.",
                "Descartar",
                "Cancelar",
            ),
            confirmed,
        )

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        self.dismiss(None)
