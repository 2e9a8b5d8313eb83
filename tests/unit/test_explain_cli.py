"""``simulador explain FILE --turn N``: Spanish explanation of one turn, exit 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from simulator.cli import app

DATA = Path(__file__).resolve().parents[1] / "data" / "transcripts"
SAMPLE = DATA / "asr_sale.json"
TURNS = len(json.loads(SAMPLE.read_text("utf-8"))["turns"])


def test_explain_prints_acts_and_rules() -> None:
    result = CliRunner().invoke(app, ["explain", str(SAMPLE), "--turn", "3"])
    assert result.exit_code == 0, result.output
    assert "Turno 3 — Agente:" in result.output
    assert "Actos:" in result.output
    assert "Protocolo de inicio [element:opening_protocol]" in result.output


def test_explain_json() -> None:
    result = CliRunner().invoke(app, ["explain", str(SAMPLE), "--turn", "3", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["turn"] == 3 and data["speaker"] == "agent"
    assert "company_id" in data["acts"]
    assert any(r["id"] == "element:opening_protocol" for r in data["rules"])
    assert "amounts" in data["entities"]


def test_explain_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["explain", str(tmp_path / "nada.json"), "--turn", "1"])
    assert result.exit_code == 2
    assert "nada.json" in result.output
    assert "Traceback" not in result.output


def test_explain_bad_json(tmp_path: Path) -> None:
    bad = tmp_path / "malo.json"
    bad.write_text("{ no es json", "utf-8")
    result = CliRunner().invoke(app, ["explain", str(bad), "--turn", "1"])
    assert result.exit_code == 2
    assert "malo.json" in result.output


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=-5, max_value=TURNS + 5))
def test_explain_any_turn_number(n: int) -> None:
    result = CliRunner().invoke(app, ["explain", str(SAMPLE), "--turn", str(n), "--json"])
    if 1 <= n <= TURNS:
        assert result.exit_code == 0
        assert json.loads(result.output)["turn"] == n
    else:
        assert result.exit_code == 2
        assert "turno" in result.output
