"""Command-palette entries in Spanish (Ctrl+P): Inicio, Progreso, Ayuda, Cambiar tema, …"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from simulator.tui.app_api import app_of


class SimuladorCommands(Provider):
    """The app's navigation and settings as palette commands."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:

        app = app_of(self)
        commands: list[tuple[str, str, Callable[[], object]]] = [
            ("Ayuda", "Teclas, cómo se califica y tipos de cliente", app.action_help),
            ("Cambiar tema", "Alternar tema claro / oscuro", app.action_toggle_theme),
        ]
        if app.trainee is not None and app.trainee.role == "formador":
            commands.insert(
                0, ("Nueva asignación", "Asignar escenarios a un aprendiz o cohorte", self._assign)
            )
        if app.trainee is not None:
            commands[:0] = [
                ("Inicio", "Volver a la biblioteca de escenarios", app.action_home),
                ("Progreso", "Sus llamadas y destrezas en el tiempo", app.action_progress),
                (
                    "Autoevaluación de certificación",
                    "Plan, dos llamadas sin pistas, cuestionario y veredicto",
                    app.action_exam,
                ),
                ("Cambiar de usuario", "Entrar con otro nombre", app.action_switch_user),
                (
                    "Llamadas pendientes",
                    "Reanudar, calificar o descartar llamadas que quedaron sin terminar",
                    app.action_pending,
                ),
            ]
        return commands

    def _assign(self) -> None:
        from simulator.tui.screens.assign import AssignScreen

        if not isinstance(self.app.screen, AssignScreen):
            self.app.push_screen(AssignScreen())

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(callback), help=help_text)


class SpanishCommandPalette(CommandPalette):
    """Textual's palette with its two built-in English texts in Spanish: the search placeholder
    and the «no matches» line (the trainee sees only Spanish)."""

    NO_MATCHES_TEXT = "No hay comandos con ese nombre"

    def __init__(self) -> None:
        super().__init__(placeholder="Busque un comando…", id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                command_list = self.query_one(CommandList)
                command_list.add_option(
                    Option(
                        Align.center(Text(self.NO_MATCHES_TEXT, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)
