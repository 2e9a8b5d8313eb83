"""First screen: who is practising. Known trainees are offered; a new name creates one.

A formador (chosen from the list or typed) is asked for their password (masked); a wrong one
gives a Spanish message and no entry, the right one opens the formador's dashboard. A trainee with
a PIN (or password) types it in a masked field; a wrong one gives «Nombre o PIN incorrectos.» and
after 5 wrong tries the name is paused for 30 s (counted in the database by
``services/signin.py``, so every seat of ``simulador serve`` sees the same pause). A trainee without
one enters by name when the setting ``trainee_pin`` is «opcional», and chooses one (typed twice)
when it is «obligatorio». The services decide each step; this screen only asks and shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from simulator.errors import SimuladorError
from simulator.language.safe_text import clean, escape_textual
from simulator.tui.app_api import app_of
from simulator.tui.widgets.typeahead import ENTER, HoldingInput

if TYPE_CHECKING:
    from simulator.services.results import TraineeInfo
    from simulator.services.signin import PinStep

Question = Literal["password", "pin", "choose"]
REPEAT_PROMPT = "Escriba el mismo PIN otra vez, para confirmarlo."


class LoginScreen(Screen[None]):
    """Asks the trainee's name (first run) or offers the known trainees."""

    CSS_PATH = "login.tcss"
    AUTO_FOCUS = "#name"
    BINDINGS = [("escape", "back", "Salir")]

    def __init__(self) -> None:
        super().__init__()
        self._trainees: dict[str, TraineeInfo] = {}
        self.person: TraineeInfo | None = None  # whose password or PIN is being asked
        self.question: Question | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="login-box"):
            yield Static("Bienvenido al [b]Simulador de Llamadas[/b]", id="welcome")
            yield Static(
                "Practique llamadas de contact center y reciba retroalimentación.", id="tagline"
            )
            yield Label("Escriba su nombre y presione Enter:", id="name-label")
            yield HoldingInput(placeholder="Su nombre", id="name", max_length=60)
            yield Label("O elija su usuario:", id="known-label")
            yield OptionList(id="known")
            yield Label("", id="password-label")
            yield Input(placeholder="Contraseña", id="password", password=True, max_length=200)
            yield Input(placeholder="Repita el PIN", id="pin-repeat", password=True, max_length=200)
            yield Button("Entrar", id="enter", variant="primary")
            yield Static("Cargando…", id="login-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#password-label").display = False
        self.query_one("#password").display = False
        self.query_one("#pin-repeat").display = False
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
        """A formador is asked for their password; for a trainee the services say whether a PIN
        is needed, to type or to choose (asked fresh: another seat may have just set one)."""
        if person.role == "formador":
            self.ask(person, "password")
        else:
            self._trainee_step(person)

    @work(thread=True, exclusive=True, group="login")
    def _trainee_step(self, person: TraineeInfo) -> None:
        app = app_of(self)
        try:
            step: PinStep = app.ready_services.signin.pin_step(person.id)
            if step == "enter":
                entered = app.ready_services.signin.sign_in(person.id, None)
                app.call_from_thread(app.login, entered)
                return
        except SimuladorError as error:
            app.call_from_thread(self._refused, str(error))
            return
        app.call_from_thread(self.ask, person, step)

    def ask(self, person: TraineeInfo, question: Question) -> None:
        """Show the masked field(s) for ``person``'s password, PIN, or new PIN (twice)."""
        self.person, self.question = person, question
        name = escape_textual(person.name)
        label = self.query_one("#password-label", Label)
        field = self.query_one("#password", Input)
        repeat = self.query_one("#pin-repeat", Input)
        if question == "password":
            label.update(f"Contraseña de {name} (formador):")
            field.placeholder = "Contraseña"
        elif question == "pin":
            label.update(f"PIN de {name}:")
            field.placeholder = "PIN"
        else:
            label.update(
                f"{name}: elija su PIN (4 a 8 dígitos, o una contraseña de 6 o más "
                "caracteres) y escríbalo dos veces:"
            )
            field.placeholder = "PIN nuevo"
        label.display = True
        self.query_one("#tagline").display = False  # room for the fields on a small terminal
        field.value = repeat.value = ""
        field.display = True
        repeat.display = question == "choose"
        self.set_focus(field)
        self.query_one("#login-status", Static).update("")
        self._typed_ahead(field, repeat if question == "choose" else None)

    def _typed_ahead(self, field: Input, repeat: Input | None) -> None:
        """What the trainee typed after Enter on the name, before this question showed: into the
        PIN field (and the repeat field after a second Enter), sent if Enter followed it."""
        parts = self.query_one("#name", HoldingInput).release().split(ENTER)
        field.value = parts[0]
        field.cursor_position = len(field.value)
        if repeat is not None and len(parts) > 1:
            repeat.value = parts[1]
            repeat.cursor_position = len(repeat.value)
            self.set_focus(repeat)
        if len(parts) > 1 and field.value:
            self._password_submitted()

    def action_back(self) -> None:
        """Escape: leave the password or PIN question if it is open, else quit."""
        if self.person is not None:
            self.person = self.question = None
            self.query_one("#password-label").display = False
            self.query_one("#tagline").display = True
            for selector in ("#password", "#pin-repeat"):
                field = self.query_one(selector, Input)
                field.value = ""
                field.display = False
            self.query_one("#login-status", Static).update("")
            self.query_one("#name", Input).focus()
            return
        self.app.exit()

    @on(Input.Submitted, "#password")
    @on(Input.Submitted, "#pin-repeat")
    def _password_submitted(self) -> None:
        person, question = self.person, self.question
        if person is None or question is None:
            return
        field = self.query_one("#password", Input)
        repeat = self.query_one("#pin-repeat", Input)
        if not field.value:
            word = "contraseña" if question == "password" else "PIN"
            self.notify(f"Escriba su {word}.", severity="warning")
            field.focus()
            return
        if question == "choose" and not repeat.value:
            repeat.focus()
            self.query_one("#login-status", Static).update(REPEAT_PROMPT)
            return
        self._check(person, question, field.value, repeat.value)

    @work(thread=True, exclusive=True, group="login")
    def _check(self, person: TraineeInfo, question: Question, secret: str, repeat: str) -> None:
        app = app_of(self)
        signin = app.ready_services.signin
        try:
            if question == "password":
                formador = app.ready_services.desk.authenticate(person.name, secret)
                app.call_from_thread(app.login_formador, formador)
                return
            if question == "pin":
                entered = signin.sign_in(person.id, secret)
            else:
                entered = signin.choose_pin(person.id, secret, repeat)
        except SimuladorError as error:
            app.call_from_thread(self._refused, str(error))
            return
        app.call_from_thread(app.login, entered)

    def _refused(self, message: str) -> None:
        """A wrong password or PIN, a pause, or PINs that differ: clear, say why, ask again."""
        self.query_one("#name", HoldingInput).release()  # typed ahead for a question not asked
        field = self.query_one("#password", Input)
        field.value = ""
        self.query_one("#pin-repeat", Input).value = ""
        if field.display:
            field.focus()
        self.query_one("#login-status", Static).update(f"[b $error]{escape_textual(message)}[/]")
        self.notify(message, severity="error")

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#enter")
    def _submit(self) -> None:
        if self.person is not None and self.query_one("#password", Input).value:
            self._type_again()
            self._password_submitted()
            return
        known = self.query_one("#known", OptionList)
        name = self.query_one("#name", Input).value.strip()
        if not name and known.display and known.highlighted is not None:
            option = known.get_option_at_index(known.highlighted)
            self._known_chosen(OptionList.OptionSelected(known, option, known.highlighted))
            return
        if len(name) < 2:
            self._type_again()
            self.notify("Escriba su nombre (al menos 2 letras).", severity="warning")
            return
        app_of(self).when_services_ready(lambda: self._create(name))

    def _type_again(self) -> None:
        """No question follows this Enter: what was typed behind it goes into the name field."""
        field = self.query_one("#name", HoldingInput)
        text = field.release().replace(ENTER, "")
        if text:
            field.insert_text_at_cursor(text)

    @work(thread=True, exclusive=True)
    def _create(self, name: str) -> None:
        app = app_of(self)
        if app.load_error:
            app.call_from_thread(self._type_again)
            return
        try:
            trainee = app.ready_services.trainees.get_or_create(name)
        except SimuladorError as error:
            app.call_from_thread(self._type_again)
            app.call_from_thread(self.notify, str(error), severity="error")
            return
        app.call_from_thread(self._enter, trainee)
