"""The headless core never imports Textual (docs/architecture.md §1), checked in fresh processes."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize(
    "module",
    ["simulator.services", "simulator.cli", "simulator.settings", "simulator.storage"],
)
def test_module_does_not_import_textual(module: str) -> None:
    result = _run(
        f"import {module}, sys; "
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'simulator.tui'))); "
        "assert not bad, bad"
    )
    assert result.returncode == 0, result.stderr


def test_importing_services_opens_nothing_and_loads_no_database_driver() -> None:
    result = _run(
        "import simulator.services, sys; "
        "heavy = sorted(m for m in ('sqlalchemy', 'alembic', 'argon2', 'torch', 'sounddevice') if m in sys.modules); "
        "assert not heavy, heavy"
    )
    assert result.returncode == 0, result.stderr


def test_building_services_touches_no_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = (
        "import os; "
        f"os.environ['SIMULADOR_DATA_DIR'] = {str(tmp_path / 'data')!r}; "
        f"os.environ['SIMULADOR_CONFIG_FILE'] = {str(tmp_path / 'c.toml')!r}; "
        "from simulator.services import build_services; build_services(); "
        f"assert not os.path.exists({str(tmp_path / 'data')!r})"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
