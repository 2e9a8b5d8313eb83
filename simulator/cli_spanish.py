"""Make click/typer speak Spanish: help texts, panel titles and usage errors.

typer (which vendors its own copy of click) builds these strings in English; we swap its
translation hooks for a lookup in ``language/es/cli.yaml`` so a mistyped command gets a Spanish
message too. These hooks are typer internals, so typer is pinned to exactly ``TYPER_VERSION`` in
``pyproject.toml`` and ``tests/unit/test_cli_spanish.py`` fails loudly (naming the missing hook)
when an upgrade moves one. Applied lazily, only when help or an error is about to be printed
(``SpanishGroup`` in ``cli.py``), so ordinary commands never import typer's rich renderer.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml

TYPER_VERSION = "0.29.2"  # the exact release whose internals ``_install`` patches (pyproject pin)
# typer modules that translate through a module-level gettext ``_`` (the vendored click does not).
_MODULES = ("typer.rich_utils", "typer.core")
_installed = False


@cache
def _data() -> dict[str, Any]:
    text = resources.files("simulator.language").joinpath("es/cli.yaml").read_text("utf-8")
    return dict(parse_yaml(text) or {})


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
    """Point typer's translation hooks at the Spanish table (idempotent).

    Translation is a nicety: if the installed typer is not the pinned one and a hook moved, the
    CLI keeps working in English rather than failing to start (the test suite fails instead)."""
    global _installed
    if _installed:
        return
    _installed = True
    try:
        _install()
    except Exception:  # pragma: no cover - only with a typer other than the pinned one
        return


def _hook(module: Any, name: str) -> Any:
    """``module.name``, or an error naming the typer internal that moved."""
    if not hasattr(module, name):
        raise RuntimeError(f"typer {TYPER_VERSION} hook {module.__name__}.{name} is gone")
    return getattr(module, name)


def _install() -> None:
    """Apply every hook; raises RuntimeError naming the first one the installed typer lacks."""
    for name in _MODULES:
        module: Any = importlib.import_module(name)
        _hook(module, "_")
        module._ = translate
    decorators: Any = importlib.import_module("typer._click.decorators")
    original_option = _hook(decorators, "option")
    if not getattr(original_option, "_spanish", False):

        def option(*args: Any, **kwargs: Any) -> Any:
            if isinstance(kwargs.get("help"), str):
                kwargs["help"] = translate(kwargs["help"])
            return original_option(*args, **kwargs)

        option._spanish = True  # type: ignore[attr-defined]
        decorators.option = option
    rich_utils: Any = importlib.import_module("typer.rich_utils")
    original_format_error = _hook(rich_utils, "rich_format_error")
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
    click_core: Any = importlib.import_module("typer._click.core")
    original_usage = _hook(click_core.Command, "get_usage")
    if not getattr(original_usage, "_spanish", False):

        def get_usage(self: Any, ctx: Any) -> str:
            return rewrite(original_usage(self, ctx))

        get_usage._spanish = True  # type: ignore[attr-defined]
        click_core.Command.get_usage = get_usage
    _hook(rich_utils, "RICH_HELP")
    rich_utils.RICH_HELP = translate("Try [blue]'{command_path} {help_option}'[/] for help.")
    for attr, english in (
        ("OPTIONS_PANEL_TITLE", "Options"),
        ("COMMANDS_PANEL_TITLE", "Commands"),
        ("ARGUMENTS_PANEL_TITLE", "Arguments"),
        ("ERRORS_PANEL_TITLE", "Error"),
        ("ABORTED_TEXT", "Aborted."),
        ("REQUIRED_LONG_STRING", "[required]"),
        ("DEFAULT_STRING", "[default: {}]"),
        ("ENVVAR_STRING", "[env var: {}]"),
    ):
        _hook(rich_utils, attr)
        setattr(rich_utils, attr, translate(english))
