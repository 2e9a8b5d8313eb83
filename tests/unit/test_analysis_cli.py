"""``simulador analyze``: JSONL in, one JSON line out per input; bad input exits 2 in Spanish."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.commands.analyze import analyze_lines
from simulator.errors import InputError

runner = CliRunner()


def test_analyze_agent_lines_in_order_skipping_empty(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": 1, "text": "Buenos días, ¿en qué le puedo ayudar?"}\n'
        "\n"
        '{"id": "b", "text": "Claro, entiendo. ¿Qué le preocupa del costo?", "context": "Está caro."}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == [
        {"id": 1, "acts": ["greeting", "offer_help"]},
        {"id": "b", "acts": ["open_question", "acknowledgement", "objection_response"]},
    ]


def test_analyze_customer_adds_objection_type(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "c1", "text": "Ya tengo internet con Telmex."}\n'
        '{"id": "c2", "text": "¿Y cuánto cuesta?", "context": null}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["analyze", str(path), "--speaker", "customer"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0] == {"id": "c1", "acts": ["objection"], "objection_type": "has_provider"}
    assert rows[1] == {"id": "c2", "acts": ["buying_signal", "question"]}


def test_analyze_reads_stdin() -> None:
    result = runner.invoke(
        app, ["analyze", "-"], input='{"id": 7, "text": "Gracias, hasta luego."}\n'
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"id": 7, "acts": ["thanks", "farewell"]}


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ('{"id": 1, "text": "hola"}\n{bad json\n', 2, "JSON no válido"),
        ('{"id": 1}\n', 1, "falta el campo «text»"),
        ('["no", "objeto"]\n', 1, "objeto JSON"),
        ('{"id": 1, "text": "hola", "context": 5}\n', 1, "context"),
    ],
)
def test_bad_lines_raise_input_error_with_file_and_line(
    content: str, line: int, words: str
) -> None:
    with pytest.raises(InputError) as info:
        analyze_lines("in.jsonl", content.splitlines(), "agent")
    assert info.value.line == line
    assert f"in.jsonl:{line}:" in str(info.value) and words in str(info.value)


def test_bad_json_file_exits_2_with_spanish_message_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "malo.jsonl"
    path.write_text('{"id": 1, "text": "hola"}\n{"id": 2, "text": \n', encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "simulator.cli", "analyze", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "malo.jsonl:2:" in proc.stderr and "JSON no válido" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "simulator.cli", "analyze", str(tmp_path / "no-existe.jsonl")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2
    assert "no existe el archivo" in missing.stderr and "Traceback" not in missing.stderr


def test_invalid_speaker_is_a_spanish_error_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": 1, "text": "hola"}\n', encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "simulator.cli", "analyze", str(path), "--speaker", "supervisor"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "valor inválido para --speaker" in proc.stderr and "supervisor" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_spanish_speaker_aliases(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": 1, "text": "Está muy caro.", "context": "Son 599 al mes."}\n', encoding="utf-8"
    )
    result = runner.invoke(app, ["analyze", str(path), "--speaker", "cliente"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.splitlines()[0])
    assert row["objection_type"] == "price"
