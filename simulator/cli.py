"""The ``simulador`` command (Typer). With no arguments it opens the TUI.

Each command family lives in ``simulator/commands/<family>.py`` and registers itself here, so the
teams working on scoring, content, calls and the app never edit the same file. Heavy imports happen
inside the commands, never at import time, to keep start-up fast.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from simulator.errors import SimuladorError

COMMAND_MODULES = (
    "analyze",
    "score",
    "content",
    "play",
    "locate",
    "explain",
    "formador",
    "voice",
    "serve",
    "report",
    "export",
)


def _spanish() -> None:
    from simulator.cli_spanish import install

    install()


class SpanishGroup(TyperGroup):
    """The root command: switches typer's messages to Spanish right before help or an error is
    printed (typer's rich renderer is imported only then, so ordinary commands start faster)."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        if any(arg in ("--help", "-h") for arg in args) or self._help_without_args(args):
            _spanish()
        try:
            return super().make_context(info_name, args, parent, **extra)
        except (typer.Exit, typer.Abort, SimuladorError):
            raise
        except Exception:  # a usage error: it is printed by typer after this
            _spanish()
            raise

    def _help_without_args(self, args: list[str]) -> bool:
        """Whether ``args`` name a group alone that answers with its help (``simulador content``)."""
        if not args:
            return self.no_args_is_help
        group = self.commands.get(args[0])
        return len(args) == 1 and bool(getattr(group, "no_args_is_help", False))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, SimuladorError):
            raise
        except Exception:  # a usage error of a subcommand (or a bug: then a traceback follows)
            _spanish()
            raise


app = typer.Typer(
    name="simulador",
    cls=SpanishGroup,
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
