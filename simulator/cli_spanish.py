"""Make click/typer speak Spanish: help texts, panel titles and usage errors.

click and typer pass their user-facing strings through ``gettext``; we swap that function in their
modules for a lookup in ``language/es/cli.yaml`` so a mistyped command gets a Spanish message too.
Applied once, when the CLI builds its app (never at import of the headless core).
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

_MODULES = (
    "click.core",
    "click.exceptions",
    "click.parser",
    "click.types",
    "click.decorators",
    "click.termui",
    "click.formatting",
    "typer.rich_utils",
    "typer.core",
)


@cache
def _data() -> dict[str, Any]:
    text = resources.files("simulator.language").joinpath("es/cli.yaml").read_text("utf-8")
    return dict(yaml.safe_load(text) or {})


@cache
def _table() -> dict[str, str]:
    return {str(k): str(v) for k, v in _data().items() if k != "__patterns__"}


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), r) for p, r in _data().get("__patterns__", []))


def rewrite(message: str) -> str:
    """Spanish for a message built from English f-strings (usage errors, hints)."""
    out = translate(message)
    for pattern, replacement in _patterns():
        out = pattern.sub(replacement, out)
    return out


def translate(message: str) -> str:
    """Spanish for a click/typer message id; unknown ids pass through unchanged."""
    return _table().get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


def install() -> None:
    """Point click's and typer's gettext at the Spanish table (idempotent).

    Translation is a nicety: if a typer/click release moves these internals, the CLI keeps working
    in English rather than failing to start."""
    try:
        _install()
    except Exception:  # pragma: no cover - depends on the installed typer/click internals
        return


def _install() -> None:
    for name in _MODULES:
        try:
            module: Any = importlib.import_module(name)
        except ImportError:  # typer ≥ 0.29 vendors click; the standalone package may be absent
            continue
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]
    decorators: Any = importlib.import_module("typer._click.decorators")
    original_option = decorators.option
    if not getattr(original_option, "_spanish", False):

        def option(*args: Any, **kwargs: Any) -> Any:
            if isinstance(kwargs.get("help"), str):
                kwargs["help"] = translate(kwargs["help"])
            return original_option(*args, **kwargs)

        option._spanish = True  # type: ignore[attr-defined]
        decorators.option = option
    rich_utils: Any = importlib.import_module("typer.rich_utils")
    original_format_error = rich_utils.rich_format_error
    if not getattr(original_format_error, "_spanish", False):

        def rich_format_error(self: Any) -> None:
            english = self.format_message
            self.format_message = lambda: rewrite(english())
            ctx = getattr(self, "ctx", None)
            if ctx is not None:
                get_usage = ctx.get_usage
                ctx.get_usage = lambda: rewrite(get_usage())
            original_format_error(self)

        rich_format_error._spanish = True  # type: ignore[attr-defined]
        rich_utils.rich_format_error = rich_format_error
        main_module: Any = importlib.import_module("typer.main")
        if getattr(main_module, "rich_format_error", None) is original_format_error:
            main_module.rich_format_error = rich_format_error
    click_core: Any = importlib.import_module("typer._click.core")
    original_usage = click_core.Command.get_usage
    if not getattr(original_usage, "_spanish", False):

        def get_usage(self: Any, ctx: Any) -> str:
            return rewrite(original_usage(self, ctx))

        get_usage._spanish = True  # type: ignore[attr-defined]
        click_core.Command.get_usage = get_usage
    rich_utils.RICH_HELP = translate("Try [blue]'{command_path} {help_option}'[/] for help.")
    for attr, english in (
        ("OPTIONS_PANEL_TITLE", "Options"),
        ("COMMANDS_PANEL_TITLE", "Commands"),
        ("ARGUMENTS_PANEL_TITLE", "Arguments"),
        ("ERRORS_PANEL_TITLE", "Error"),
        ("ABORTED_TEXT", "Aborted."),
        ("REQUIRED_LONG_STRING", "[required]"),
    ):
        if hasattr(rich_utils, attr):
            setattr(rich_utils, attr, translate(english))
    if hasattr(rich_utils, "DEFAULT_STRING"):
        rich_utils.DEFAULT_STRING = "[por omisión: {}]"
    if hasattr(rich_utils, "ENVVAR_STRING"):
        rich_utils.ENVVAR_STRING = "[variable: {}]"
