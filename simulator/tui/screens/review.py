"""Transcript review: every turn with its detected acts and the judgements that cite it.

Choosing a judgement (Enter / click) jumps to its turn and highlights it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from simulator.language.display import display
from simulator.language.safe_text import clean
from simulator.tui.views import JUDGEMENT_MARKS, Judgement, judgements

if TYPE_CHECKING:
    from simulator.services.results import SavedCall

MARK_STYLES = {
    "ok": "green",
    "miss": "red",
    "critical": "bold red",
    "error": "yellow",
    "strength": "green",
    "improve": "cyan",
}


class ReviewScreen(Screen[None]):
    """Turns on top, judgements below; Tab switches lists, Enter on a judgement jumps."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Volver"),
        Binding("j", "focus_judgements", "Juicios"),
        Binding("k", "focus_turns", "Turnos"),
    ]

    def __init__(self, saved: SavedCall, turn: int | None = None) -> None:
        super().__init__()
        self.saved = saved
        self.card = saved.scorecard
        self.start_turn = turn
        self.judgements: list[Judgement] = judgements(self.card) if self.card else []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Transcripción (turno · quién · actos detectados)", classes="pane-title")
        yield OptionList(*self._turn_options(), id="turns")
        yield Static("Juicios — Enter salta al turno que citan", classes="pane-title")
        yield OptionList(*self._judgement_options(), id="judgements")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Revisión de la llamada"
        if self.start_turn:
            self.jump_to(self.start_turn)
        else:
            self.query_one("#judgements", OptionList).focus()

    def _acts(self) -> dict[int, tuple[str, list[str]]]:
        if self.card is None:
            return {}
        return {t.index: (t.speaker, list(t.acts)) for t in self.card.turns}

    def _turn_options(self) -> list[Option]:
        acts = self._acts()
        cited: dict[int, list[Judgement]] = {}
        for judgement in self.judgements:
            if judgement.turn:
                cited.setdefault(judgement.turn, []).append(judgement)
        options = []
        for number, turn in enumerate(self.saved.transcript.turns, start=1):
            who = "Agente" if turn.speaker == "agent" else "Cliente"
            color = "cyan" if turn.speaker == "agent" else "magenta"
            text = Text.assemble((f"T{number}", "b"), " ", (f"{who}:", f"b {color}"), " ")
            text.append(clean(turn.text))
            speaker, act_keys = acts.get(number, (turn.speaker, []))
            group = "agent_act" if speaker == "agent" else "customer_act"
            if act_keys:
                names = ", ".join(display(group, a) for a in act_keys)
                text.append(f"\n    actos: {clean(names)}", style="dim")
            for judgement in cited.get(number, []):
                mark = JUDGEMENT_MARKS[judgement.kind]
                text.append(
                    f"\n    {mark} {clean(judgement.text)}", style=MARK_STYLES[judgement.kind]
                )
            options.append(Option(text, id=f"turn-{number}"))
        if not options:
            options.append(Option("La llamada no tiene turnos.", disabled=True))
        return options

    def _judgement_options(self) -> list[Option]:
        options = []
        for index, judgement in enumerate(self.judgements):
            where = f"T{judgement.turn}" if judgement.turn else "—"
            mark = JUDGEMENT_MARKS[judgement.kind]
            text = Text(f"{mark} {where:>4} ", style=MARK_STYLES[judgement.kind])
            text.append(clean(judgement.text))
            options.append(Option(text, id=f"j-{index}"))
        if not options:
            options.append(Option("Sin juicios (la llamada no tiene calificación).", disabled=True))
        return options

    def jump_to(self, turn: int) -> bool:
        """Highlight turn ``turn`` (1-based) in the transcript list; False if it does not exist."""
        turns = self.query_one("#turns", OptionList)
        if not 1 <= turn <= turns.option_count:
            return False
        turns.highlighted = turn - 1
        turns.scroll_to_highlight(top=True)
        turns.focus()
        return True

    @property
    def highlighted_turn(self) -> int | None:
        index = self.query_one("#turns", OptionList).highlighted
        return None if index is None else index + 1

    @on(OptionList.OptionSelected, "#judgements")
    def _judgement_chosen(self, event: OptionList.OptionSelected) -> None:
        judgement = self.judgements[event.option_index]
        if judgement.turn is None:
            self.notify("Este juicio no cita un turno en particular (aplica a toda la llamada).")
            return
        self.jump_to(judgement.turn)

    def action_focus_judgements(self) -> None:
        self.query_one("#judgements", OptionList).focus()

    def action_focus_turns(self) -> None:
        self.query_one("#turns", OptionList).focus()
