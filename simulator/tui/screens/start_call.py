"""Before a call: choose the customer (persona), the seed and the mode (práctica / examen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, Select, Static

from simulator.language.display import display
from simulator.language.safe_text import escape_textual
from simulator.tui.app_api import app_of
from simulator.tui.views import CallRequest, LibraryRow, new_seed
from simulator.tui.widgets.form_keys import ChoiceSet, keys_hint

if TYPE_CHECKING:
    from simulator.services.results import Mode


class StartCallModal(ModalScreen[CallRequest | None]):
    """Persona, seed and mode for one scenario; Enter/Iniciar starts, Esc cancels.

    Enter starts from the seed, from the mode already chosen and from «Iniciar»; the persona list
    keeps Enter to open itself. The box scrolls on a small screen but never takes the focus (a
    focused box swallowed Enter and Tab seemed to go nowhere).
    """

    CSS_PATH = "start_call.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancelar"),
        Binding("ctrl+s", "start", "Iniciar", show=False),
    ]

    def __init__(
        self,
        row: LibraryRow,
        persona_names: dict[str, str],
        seed: int | None = None,
        persona_id: str | None = None,
        note: str = "",
        *,
        fixed_mode: Mode | None = None,
        fixed_persona: bool = False,
    ) -> None:
        """``fixed_mode`` / ``fixed_persona``: an assignment decides them (shown, not editable)."""
        super().__init__()
        self.note = note
        self.fixed_mode: Mode | None = fixed_mode
        self.fixed_persona = fixed_persona and persona_id is not None
        self.row = row
        self.persona_id = persona_id or row.default_persona
        self.persona_names = persona_names
        self.seed = seed if seed is not None else new_seed()

    def compose(self) -> ComposeResult:
        row = self.row
        settings = app_of(self).settings
        ids = list(row.personas) or list(self.persona_names)
        for extra in (row.default_persona, self.persona_id):
            if extra and extra not in ids:
                ids.insert(0, extra)
        options = [(escape_textual(self.persona_names.get(pid, pid)), pid) for pid in ids]
        default_mode = settings.default_mode if settings is not None else "practice"
        if self.fixed_mode is not None:
            default_mode = self.fixed_mode
        with VerticalScroll(id="start-box", can_focus=False):
            yield Static(f"[b]{escape_textual(row.title)}[/b]", id="start-title")
            kind = display("scenario_kind", row.kind)
            ctype = display("customer_type", row.customer_type).lower()
            yield Static(
                escape_textual(f"{kind} · cliente {ctype} · dificultad {row.difficulty}"),
                classes="muted",
            )
            if self.note:
                yield Static(f"➜ {escape_textual(self.note)}", id="start-note")
            yield Label("Tipo de cliente:")
            yield Select(
                options,
                value=self.persona_id if self.persona_id in ids else Select.NULL,
                prompt="La del escenario",
                id="persona",
                disabled=self.fixed_persona,
            )
            yield Label("Semilla (la misma semilla repite la misma llamada):")
            yield Input(str(self.seed), type="integer", id="seed")
            yield Label("Modo (lo fija la asignación):" if self.fixed_mode else "Modo:")
            with ChoiceSet(id="mode", disabled=self.fixed_mode is not None):
                yield RadioButton(
                    "Práctica (con pistas)", value=default_mode != "exam", id="practice"
                )
                yield RadioButton("Examen (sin pistas)", value=default_mode == "exam", id="exam")
            with Horizontal(id="start-buttons"):
                yield Static(keys_hint("iniciar"), id="start-keys", classes="muted")
                yield Button("Iniciar", variant="primary", id="start")
                yield Button("Cancelar", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    def request(self) -> CallRequest:
        persona = self.query_one("#persona", Select).value
        if self.fixed_persona:
            persona = self.persona_id
        seed_text = self.query_one("#seed", Input).value.strip()
        mode_set = self.query_one("#mode", ChoiceSet)
        pressed = mode_set.pressed_button
        mode: Mode = "exam" if pressed is not None and pressed.id == "exam" else "practice"
        if self.fixed_mode is not None:
            mode = self.fixed_mode
        return CallRequest(
            scenario_id=self.row.scenario_id,
            persona_id=None if persona is Select.NULL else str(persona),
            seed=int(seed_text) if seed_text.lstrip("-").isdigit() else new_seed(),
            mode=mode,
            title=self.row.title,
        )

    @on(Button.Pressed, "#start")
    @on(Input.Submitted, "#seed")
    @on(ChoiceSet.Submitted, "#mode")
    def action_start(self) -> None:
        self.dismiss(self.request())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
