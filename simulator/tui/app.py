"""The trainee's app: a Textual front end over ``simulator.services``.

Start-up is kept light: only Textual's core is imported here; the services (database, content) are
built in a worker thread after the first screen is on display, and every screen module is imported
when it is first shown. ``SimuladorApp`` takes its services, settings and clock as arguments so
tests and benchmarks can inject fakes and freeze time. The services are typed by the Protocols of
``simulator.services.protocols``, which the real services and the test fakes both satisfy.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel

from simulator.language.safe_text import clean, escape_textual
from simulator.tui.commands import SimuladorCommands, SpanishCommandPalette
from simulator.tui.exam_flow import ExamFlow
from simulator.tui.recovery_flow import RecoveryFlow

if TYPE_CHECKING:
    from textual.app import SystemCommand
    from textual.screen import Screen

    from simulator.services.protocols import AppServicesProtocol
    from simulator.services.results import LiveCall, SavedCall, TraineeInfo
    from simulator.settings import Settings
    from simulator.tui.screens.home import HomeScreen
    from simulator.tui.views import CallRequest

LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"


class SimuladorApp(ExamFlow, RecoveryFlow, App[None]):
    """Simulador de Llamadas: login → inicio → llamada → resultados / revisión / progreso."""

    TITLE = "Simulador de Llamadas"
    CSS_PATH = "styles/app.tcss"
    COMMANDS = {SimuladorCommands}
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "Comandos", show=False, priority=True),
        Binding("f1", "help", "Ayuda"),
        Binding("ctrl+t", "toggle_theme", "Tema", show=False),
        Binding("ctrl+q", "quit", "Salir", show=False, priority=True),
    ]

    def __init__(
        self,
        services: AppServicesProtocol | None = None,
        settings: Settings | None = None,
        *,
        clock: Callable[[], float] | None = None,
        slow_reply_seconds: float = 0.0,
    ) -> None:
        super().__init__()
        self.services: AppServicesProtocol | None = services
        self.settings: Settings | None = settings
        self.clock: Callable[[], float] = clock or time.monotonic
        self.trainee: TraineeInfo | None = None
        self.load_error: str | None = None
        # Bench seam: an artificial delay added to each customer reply (proves the UI stays live).
        self.slow_reply_seconds = slow_reply_seconds
        self.first_screen_at: float | None = None
        self._services_waiters: list[Callable[[], object]] = []
        self.exam_drafts: dict[int, dict[str, int]] = {}  # attempt id → answers not yet sent
        self._loaded_once = False

    # ----------------------------------------------------------------- start-up

    def on_mount(self) -> None:
        from simulator.tui.screens.login import LoginScreen

        if self.settings is not None:
            self._apply_theme_setting()
        self.push_screen(LoginScreen())
        self.first_screen_at = time.perf_counter()
        if self.services is None or self.settings is None:
            self._load_services()
        else:
            self.call_after_refresh(self._services_ready)

    @work(thread=True, exclusive=True, group="services")
    def _load_services(self) -> None:
        from simulator.errors import DatabaseVersionError, SimuladorError

        try:
            if self.settings is None:
                from simulator.settings import load_settings

                self.settings = load_settings()
            if self.services is None:
                from simulator.services import build_services

                services = build_services(self.settings)
                services.warm_up()
                self.services = services
        except DatabaseVersionError as error:  # a newer program's database: stop, touch nothing
            self.load_error = str(error)
            self.call_from_thread(self.stop_with_error, str(error), error.exit_code)
            return
        except SimuladorError as error:
            self.load_error = str(error)
        except ImportError as error:  # a component not installed / not built yet
            self.load_error = f"No se pudo cargar el simulador: {error}"
        self.call_from_thread(self._services_ready)

    def stop_with_error(self, message: str, return_code: int) -> None:
        """Leave the app with a Spanish message (printed as plain text) and a non-zero code."""
        from rich.text import Text

        self.exit(return_code=return_code, message=Text(message, style="red"))

    def _services_ready(self) -> None:
        self._loaded_once = True
        if self.settings is not None:
            self._apply_theme_setting()
        waiters, self._services_waiters = self._services_waiters, []
        for waiter in waiters:
            waiter()
        if self.services is not None and self.load_error is None:
            self.check_recovery()

    def when_services_ready(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` now if the services are loaded, else once they are."""
        if self._loaded_once:
            callback()
        else:
            self._services_waiters.append(callback)

    @property
    def services_loaded(self) -> bool:
        return self.services is not None and self.load_error is None

    @property
    def ready_services(self) -> AppServicesProtocol:
        """The services, once loaded (a Spanish ``SimuladorError`` before that)."""
        from simulator.errors import SimuladorError

        if self.services is None:
            raise SimuladorError(self.load_error or "El simulador todavía está cargando.")
        return self.services

    @property
    def current_trainee(self) -> TraineeInfo:
        """Who is practising (a Spanish ``SimuladorError`` before the login)."""
        from simulator.errors import SimuladorError

        if self.trainee is None:
            raise SimuladorError("Primero indique su nombre.")
        return self.trainee

    # ----------------------------------------------------------------- navigation

    def login(self, trainee: TraineeInfo) -> None:
        from simulator.tui.screens.home import HomeScreen

        if trainee.role == "formador":  # a formador enters only with a password (login_formador)
            self.notify("Para entrar como formador escriba su contraseña.", severity="warning")
            return
        self.trainee = trainee
        self.sub_title = clean(trainee.name)
        self._save_setting(trainee=trainee.name)
        self.switch_screen(HomeScreen())

    def login_formador(self, formador: TraineeInfo) -> None:
        """Enter as a formador whose password the login screen checked: their dashboard."""
        from simulator.tui.screens.formador_dashboard import FormadorDashboardScreen

        self.trainee = formador
        self.sub_title = f"{clean(formador.name)} · formador"
        self._save_setting(trainee=formador.name)
        self.switch_screen(FormadorDashboardScreen())

    def home_screen(self) -> HomeScreen | None:
        from simulator.tui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                return screen
        return None

    def go_home(
        self,
        *,
        kind: str | None = None,
        customer_type: str | None = None,
        difficulty: int | None = None,
    ) -> None:
        """Back to the home screen (popping what is above it), optionally with preset filters."""
        home = self.home_screen()
        if home is None:
            return
        while self.screen is not home and len(self.screen_stack) > 1:
            self.pop_screen()
        if kind is not None or customer_type is not None or difficulty is not None:
            home.preset_filters(kind=kind, customer_type=customer_type, difficulty=difficulty)
        home.refresh_data()

    def choose_call(self, scenario_id: str, persona_id: str | None = None, note: str = "") -> None:
        """Ask persona / seed / mode for ``scenario_id``, then start the call."""
        from simulator.tui.screens.start_call import StartCallModal

        home = self.home_screen()
        row = home.row_for(scenario_id) if home is not None else None
        if row is None:
            self.notify(f"El escenario «{scenario_id}» no está en la biblioteca.", severity="error")
            return
        self.push_screen(
            StartCallModal(row, self._persona_names(), persona_id=persona_id, note=note),
            self._call_chosen,
        )

    def _persona_names(self) -> dict[str, str]:
        from simulator.errors import SimuladorError
        from simulator.tui.views import persona_choices

        try:
            return persona_choices(self.ready_services.library.personas)
        except SimuladorError:
            return {}

    def _call_chosen(self, request: CallRequest | None) -> None:
        if request is not None:
            self.start_call(request)

    def start_call(self, request: CallRequest) -> None:
        self._start_call_worker(request)

    @work(thread=True, exclusive=True, group="start-call")
    def _start_call_worker(self, request: CallRequest) -> None:
        from simulator.errors import SimuladorError

        try:
            live = self.ready_services.calls.start(
                self.current_trainee.id,
                request.scenario_id,
                persona_id=request.persona_id,
                seed=request.seed,
                mode=request.mode,
            )
        except SimuladorError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        self.call_from_thread(self.open_call, request, live)

    def open_call(self, request: CallRequest, live: LiveCall) -> None:
        from simulator.tui.screens.call import CallScreen

        self.go_home()
        self.push_screen(CallScreen(live, request))

    def show_results(self, saved: SavedCall, request: CallRequest | None) -> None:
        from simulator.tui.screens.call import CallScreen
        from simulator.tui.screens.results import ResultsScreen

        if request is not None and request.exam_attempt is not None:
            self.record_exam_call(saved, request.exam_attempt)  # no practice results in an exam
            return
        screen = ResultsScreen(saved, request)
        if isinstance(self.screen, CallScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_review(self, saved: SavedCall, turn: int | None = None) -> None:
        from simulator.tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(saved, turn))

    def action_progress(self) -> None:
        from simulator.tui.screens.progress import ProgressScreen

        if self.trainee is not None and self.trainee.role == "formador":
            return  # a formador's progress is their cohorts' dashboard
        if self.trainee is None:
            self.notify("Primero indique su nombre.", severity="warning")
            return
        if not isinstance(self.screen, ProgressScreen):
            self.push_screen(ProgressScreen())

    def action_home(self) -> None:
        if self.trainee is None:
            return
        self.go_home()

    def action_help(self) -> None:
        from simulator.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_sign_out(self) -> None:
        """Esc on the trainee's home: hand the station to the next person (asked first)."""
        from simulator.tui.screens.confirm import ConfirmModal

        who = escape_textual(clean(self.trainee.name)) if self.trainee is not None else ""
        self.push_screen(
            ConfirmModal(f"¿Cerrar la sesión de {who}?", "Cerrar sesión", "Seguir aquí"),
            lambda yes: self.action_switch_user() if yes else None,
        )

    def action_switch_user(self) -> None:
        from simulator.tui.screens.login import LoginScreen

        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.trainee = None
        self.sub_title = ""
        self.switch_screen(LoginScreen())

    # ----------------------------------------------------------------- theme / settings

    def _apply_theme_setting(self) -> None:
        wanted = self.settings.theme if self.settings is not None else DARK_THEME
        self.theme = LIGHT_THEME if wanted in ("light", LIGHT_THEME) else DARK_THEME

    def action_toggle_theme(self) -> None:
        light = self.theme != LIGHT_THEME
        self.theme = LIGHT_THEME if light else DARK_THEME
        self._save_setting(theme=LIGHT_THEME if light else DARK_THEME)
        self.notify("Tema claro." if light else "Tema oscuro.")

    def _save_setting(self, *, theme: str | None = None, trainee: str | None = None) -> None:
        """Remember theme / last trainee through the services (persisted in the settings file)."""
        changes = {
            key: value
            for key, value in (("theme", theme), ("trainee", trainee))
            if value is not None
        }
        try:
            if self.settings is not None:
                self.settings = self.settings.model_copy(update=changes)
            if self.services is not None:
                self.services.save_preferences(theme=theme, trainee=trainee)
        except Exception as error:  # settings are a convenience; never break the app over them
            self.log.warning(f"settings not saved: {error}")

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Notifications often carry names, file content and error messages: always plain text
        without control sequences (a «[/]» in them must not crash the app)."""
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=False
        )

    def action_command_palette(self) -> None:
        """Ctrl+P: the palette with Spanish placeholder and «no matches» texts."""
        if self.use_command_palette and not SpanishCommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(SpanishCommandPalette())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Spanish system commands only (Textual's own are in English)."""
        from textual.app import SystemCommand

        yield SystemCommand("Salir", "Cerrar el simulador", self.action_quit)
        yield SystemCommand(
            "Cambiar tema", "Alternar tema claro / oscuro", self.action_toggle_theme
        )


def run_app() -> None:
    """Entry point of ``simulador`` with no arguments and of ``make run``."""
    app = SimuladorApp()
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
