"""Launch the Textual app; kept apart so the CLI imports Textual only when the TUI is wanted."""

from __future__ import annotations


def launch_tui() -> None:
    from simulator.tui.app import run_app

    run_app()
