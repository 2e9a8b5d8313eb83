"""Fixtures for the TUI tests: a private data folder and config file, real or fake services."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from simulator.settings import Settings
from tests.tui.fakes import FakeServices, FixedClock, make_settings

SCRIPTS = Path(__file__).resolve().parents[1] / "harness" / "scripts"


@pytest.fixture(autouse=True)
def _no_animations(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app built in a TUI test has animations off (``App.animation_level`` reads this
    constant when the app is built): a scroll ends where it is going at once, so what a test or a
    snapshot sees never depends on how busy the machine is."""
    import textual.constants

    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "config.toml"))
    return tmp_path / "data"


@pytest.fixture()
def services(data_dir: Path) -> Iterator[Any]:
    from simulator.services import build_services
    from simulator.settings import load_settings

    built = build_services(load_settings())
    yield built
    built.close()


@pytest.fixture()
def exam_services(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Real services whose exam draws from the small test bank ``data/exam_questions.yaml``."""
    from simulator.services import build_services
    from simulator.settings import load_settings

    bank = Path(__file__).resolve().parent / "data" / "exam_questions.yaml"
    monkeypatch.setenv("SIMULADOR_EXAM_QUESTIONS", str(bank))
    built = build_services(load_settings())
    yield built
    built.close()


@pytest.fixture()
def exam_seed(monkeypatch: pytest.MonkeyPatch) -> int:
    """The seed the app gives ``ExamService.start``: the same draw in every exam test."""
    from tests.tui.exam_pilot import EXAM_SEED

    monkeypatch.setattr("simulator.tui.exam_flow.new_seed", lambda: EXAM_SEED)
    return EXAM_SEED


@pytest.fixture()
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture()
def fake_services() -> FakeServices:
    return FakeServices()


@pytest.fixture()
def fake_settings() -> Settings:
    return make_settings()


def script_lines(name: str) -> list[str]:
    """A harness script (one agent line or /command per line; # comments)."""
    text = (SCRIPTS / name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
