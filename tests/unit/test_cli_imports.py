"""Cold start: each command imports only what it needs (no Textual, SQLAlchemy or Alembic outside
the TUI and the database, no typer help renderer unless help or an error is printed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("typer.rich_utils", "textual", "sqlalchemy", "alembic")
SCRIPT = "tests/harness/scripts/internet-veloz-hogar.good.txt"


@pytest.mark.parametrize(
    "args",
    [
        ["content", "list"],
        ["locate", "db"],
        ["score", "--json", "tests/data/transcripts/asr_sale.json"],
        ["play", "--scenario", "internet-veloz-hogar", "--script", SCRIPT, "--json"],
    ],
)
def test_command_imports_no_tui_database_or_help_renderer(args: list[str], tmp_path: Path) -> None:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['simulador', *{args!r}]\n"
        "try:\n    runpy.run_module('simulator.cli', run_name='__main__')\n"
        "except SystemExit as exit:\n    assert not exit.code, exit.code\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
    )
    env = {
        **os.environ,
        "SIMULADOR_DATA_DIR": str(tmp_path / "data"),
        "SIMULADOR_CONFIG_FILE": str(tmp_path / "config.toml"),
        "SIMULADOR_LEARNED_ACTS": "0",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env,
        cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "[]"
