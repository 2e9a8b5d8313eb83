"""First screen: who is practising. Known trainees are offered; a new name creates one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from simulator.errors import SimuladorError
from simulator.language.safe_text import clean, escape_textual
from simulator.tui.app_api import app_of

if TYPE_CHECKING:
    from simulator.services.results import TraineeInfo


class LoginScreen(Screen[None]):
    """Asks the trainee's name (first run) or offers the known trainees."""

    CSS_PATH = "login.tcss"
    AUTO_FOCUS = "#name"
    BINDINGS = [("escape", "app.quit", "Salir")]

    def __init__(self) -> None:
        super().__init__()
        self._trainees: dict[str, TraineeInfo] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="login-box"):
            yield Static("Bienvenido al [b]Simulador de Llamadas[/b]", id="welcome")
            yield Static("Practique llamadas de contact center y reciba retroalimentación.")
            yield Label("Escriba su nombre y presione Enter:", id="name-label")
            yield Input(placeholder="Su nombre", id="name", max_length=60)
            yield Label("O elija su usuario:", id="known-label")
            yield OptionList(id="known")
            yield Button("Entrar", id="enter", variant="primary")
            yield Static("Cargando…", id="login-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#known-label").display = False
        self.query_one("#known").display = False
        app_of(self).when_services_ready(self._show_trainees)

    def _show_trainees(self) -> None:
        app = app_of(self)
        status = self.query_one("#login-status", Static)
        if app.load_error:
            status.update(f"[b red]{escape_textual(app.load_error)}[/]")
            return
        status.update("")
        try:
            trainees = app.ready_services.trainees.list()
        except SimuladorError as error:
            app.load_error = str(error)
            status.update(f"[b red]{escape_textual(error)}[/]")
            return
        if not trainees:
            return
        known = self.query_one("#known", OptionList)
        known.clear_options()
        known.add_options([Option(escape_textual(t.name), id=str(t.id)) for t in trainees])
        self._trainees = {str(t.id): t for t in trainees}
        self.query_one("#known-label").display = True
        known.display = True
        self.query_one("#name-label", Label).update("Nombre nuevo:")
        last = app.settings.trainee if app.settings is not None else None
        known.highlighted = 0
        for index, trainee in enumerate(trainees):
            if trainee.name == last:
                known.highlighted = index
        chosen = trainees[known.highlighted or 0].name
        # Focus stays on the name field: typing a name creates one, Enter alone enters as `chosen`.
        self.query_one("#name", Input).placeholder = f"Enter = entrar como {clean(chosen)}"

    @on(OptionList.OptionHighlighted, "#known")
    def _known_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        trainee = self._trainees.get(str(event.option.id))
        if trainee is not None:
            self.query_one(
                "#name", Input
            ).placeholder = f"Enter = entrar como {clean(trainee.name)}"

    @on(OptionList.OptionSelected, "#known")
    def _known_chosen(self, event: OptionList.OptionSelected) -> None:
        trainee = self._trainees.get(str(event.option.id))
        if trainee is not None:
            app_of(self).login(trainee)

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#enter")
    def _submit(self) -> None:
        known = self.query_one("#known", OptionList)
        name = self.query_one("#name", Input).value.strip()
        if not name and known.display and known.highlighted is not None:
            option = known.get_option_at_index(known.highlighted)
            self._known_chosen(OptionList.OptionSelected(known, option, known.highlighted))
            return
        if len(name) < 2:
            self.notify("Escriba su nombre (al menos 2 letras).", severity="warning")
            return
        app_of(self).when_services_ready(lambda: self._create(name))

    @work(thread=True, exclusive=True)
    def _create(self, name: str) -> None:
        app = app_of(self)
        if app.load_error:
            return
        try:
            trainee = app.ready_services.trainees.get_or_create(name)
        except SimuladorError as error:
            app.call_from_thread(self.notify, str(error), severity="error")
            return
        app.call_from_thread(app.login, trainee)
