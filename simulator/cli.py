"""The ``simulador`` command (Typer). With no arguments it opens the TUI.

Each command family lives in ``simulator/commands/<family>.py`` and registers itself here, so the
teams working on scoring, content, calls and the app never edit the same file. Heavy imports happen
inside the commands, never at import time, to keep start-up fast.
"""

from __future__ import annotations

import importlib
import sys

import typer

from simulator.cli_spanish import install as _install_spanish
from simulator.errors import SimuladorError

_install_spanish()

COMMAND_MODULES = ("analyze", "score", "content", "play", "locate")

app = typer.Typer(
    name="simulador",
    help="Simulador de Llamadas: practique llamadas de contact center y reciba retroalimentación.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context) -> None:
    """Sin subcomando abre la aplicación (TUI)."""
    if ctx.invoked_subcommand is None:
        from simulator.commands.tui_launch import launch_tui

        launch_tui()


for _name in COMMAND_MODULES:
    importlib.import_module(f"simulator.commands.{_name}").register(app)


def main() -> None:
    """Console-script entry point: run the app, turning every SimuladorError into a message."""
    try:
        app()
    except SimuladorError as error:
        typer.secho(str(error), fg="red", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        typer.echo("Interrumpido.", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
