"""First screen: who is practising. Known trainees are offered; a new name creates one.

A formador (chosen from the list or typed) is asked for their password (masked); a wrong one
gives a Spanish message and no entry, the right one opens the formador's dashboard. A trainee
enters with their name, as always, and sees only their own calls.
"""

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
    BINDINGS = [("escape", "back", "Salir")]

    def __init__(self) -> None:
        super().__init__()
        self._trainees: dict[str, TraineeInfo] = {}
        self.formador: TraineeInfo | None = None  # whose password is being asked

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="login-box"):
            yield Static("Bienvenido al [b]Simulador de Llamadas[/b]", id="welcome")
            yield Static("Practique llamadas de contact center y reciba retroalimentación.")
            yield Label("Escriba su nombre y presione Enter:", id="name-label")
            yield Input(placeholder="Su nombre", id="name", max_length=60)
            yield Label("O elija su usuario:", id="known-label")
            yield OptionList(id="known")
            yield Label("", id="password-label")
            yield Input(placeholder="Contraseña", id="password", password=True, max_length=200)
            yield Button("Entrar", id="enter", variant="primary")
            yield Static("Cargando…", id="login-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#password-label").display = False
        self.query_one("#password").display = False
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
        known.add_options(
            [
                Option(
                    escape_textual(t.name) + (" (formador)" if t.role == "formador" else ""),
                    id=str(t.id),
                )
                for t in trainees
            ]
        )
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
            self._enter(trainee)

    def _enter(self, person: TraineeInfo) -> None:
        """A trainee enters; a formador is asked for their password first."""
        if person.role == "formador":
            self.ask_password(person)
        else:
            app_of(self).login(person)

    def ask_password(self, formador: TraineeInfo) -> None:
        self.formador = formador
        label = self.query_one("#password-label", Label)
        label.update(f"Contraseña de {escape_textual(formador.name)} (formador):")
        label.display = True
        field = self.query_one("#password", Input)
        field.value = ""
        field.display = True
        field.focus()
        self.query_one("#login-status", Static).update("")

    def action_back(self) -> None:
        """Escape: leave the password question if it is open, else quit."""
        if self.formador is not None:
            self.formador = None
            self.query_one("#password-label").display = False
            field = self.query_one("#password", Input)
            field.value = ""
            field.display = False
            self.query_one("#login-status", Static).update("")
            self.query_one("#name", Input).focus()
            return
        self.app.exit()

    @on(Input.Submitted, "#password")
    def _password_submitted(self) -> None:
        field = self.query_one("#password", Input)
        if self.formador is None:
            return
        if not field.value:
            self.notify("Escriba su contraseña.", severity="warning")
            return
        self._authenticate(self.formador.name, field.value)

    @work(thread=True, exclusive=True, group="login")
    def _authenticate(self, name: str, password: str) -> None:
        app = app_of(self)
        try:
            formador = app.ready_services.desk.authenticate(name, password)
        except SimuladorError as error:
            app.call_from_thread(self._wrong_password, str(error))
            return
        app.call_from_thread(app.login_formador, formador)

    def _wrong_password(self, message: str) -> None:
        field = self.query_one("#password", Input)
        field.value = ""
        field.focus()
        self.query_one("#login-status", Static).update(f"[b $error]{escape_textual(message)}[/]")
        self.notify(message, severity="error")

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#enter")
    def _submit(self) -> None:
        if self.formador is not None and self.query_one("#password", Input).value:
            self._password_submitted()
            return
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
        app.call_from_thread(self._enter, trainee)
