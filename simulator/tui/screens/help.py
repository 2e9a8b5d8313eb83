"""Help in Spanish: keys, how a call is scored, the customer types (text in ``data/ayuda.md``)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, MarkdownViewer

from simulator.tui.views import help_markdown


class HelpScreen(Screen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Volver"),
        Binding("f1", "app.pop_screen", "Cerrar"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield MarkdownViewer(help_markdown(), show_table_of_contents=False, id="help")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Ayuda"
        self.query_one("#help").focus()
