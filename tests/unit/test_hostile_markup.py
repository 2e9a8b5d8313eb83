"""Markup injection: every CLI surface prints user- and file-supplied text as written.

ASR text such as ``[/inaudible]`` used to crash ``simulador score``; ``[bold red]`` styled the
rest of a line; ``\\x1b[31m`` reached the terminal raw. Each surface is fed the same hostile
strings and must exit normally, show the text literally and emit no escape sequence of its own
making (the runner's output is not a terminal, so any ESC would come from the input).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app

DATA = Path(__file__).parents[1] / "data" / "transcripts"
ROOT = Path(__file__).parents[2]
HOSTILE = ["[/]", "[bold red]x", "\x1b[31mrojo", "[link=http://x]y[/link]", "[/inaudible]"]
LITERAL = ["[/]", "[bold red]x", "rojo", "[link=http://x]y[/link]", "[/inaudible]"]
runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIMULADOR_CONTENT_DIR", raising=False)


def _ok(result: object) -> str:
    output = str(result.output)  # type: ignore[attr-defined]
    assert result.exit_code == 0, output  # type: ignore[attr-defined]
    assert result.exception is None, output  # type: ignore[attr-defined]
    assert "\x1b" not in output
    return output


def _hostile_transcript(folder: Path, name: str = "llamada.json") -> Path:
    data = json.loads((DATA / "sample_sale.json").read_text("utf-8"))
    for index, turn in enumerate(data["turns"]):
        turn["text"] = f"{turn['text']} {HOSTILE[index % len(HOSTILE)]} {' '.join(HOSTILE)}"
    data["agent_name"] = "[/]Mariana\x1b]0;titulo\x07"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_score_shows_asr_markup_literally(tmp_path: Path) -> None:
    path = _hostile_transcript(tmp_path / "[bold]a[" / "inaudible]", "[red]llamada.json")
    output = _ok(runner.invoke(app, ["score", str(path)], env={"COLUMNS": "300"}))
    assert "[bold]a[/inaudible]/[red]llamada.json" in output
    flat = " ".join(output.split())
    assert any(text in flat for text in LITERAL[1:])  # evidence quotes the hostile turns


def test_score_batch_with_hostile_names(tmp_path: Path) -> None:
    _hostile_transcript(tmp_path / "lote", "[bold]uno[i].json")
    _hostile_transcript(tmp_path / "lote", "\x1b[2Jdos.json")
    output = _ok(runner.invoke(app, ["score", str(tmp_path / "lote")], env={"COLUMNS": "200"}))
    assert "[bold]uno[i].json" in output and "dos.json" in output
    assert "Llamadas: 2" in output


def test_score_error_messages_are_plain(tmp_path: Path) -> None:
    (tmp_path / "x[").mkdir()
    bad = tmp_path / "x[" / "]mal\x1b[31m.json"
    bad.write_text('{"turns": [{"speaker": "[/]\\u001b[31m", "text": "x"}]}', "utf-8")
    result = runner.invoke(app, ["score", str(bad)])
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "x[/]mal" in result.output


def test_play_script_with_hostile_turns_and_captures(tmp_path: Path) -> None:
    script = tmp_path / "guion.txt"
    script.write_text(
        "Buenas tardes [/inaudible], le habla Mariana \x1b[31mde Internet Veloz.\n"
        "/dato nombre=[bold red]Rosa[/] \x1b]0;x\x07\n"
        "[link=http://x]y[/link] ¿Le interesa el plan?\n"
        "/colgar\n",
        "utf-8",
    )
    output = _ok(
        runner.invoke(
            app,
            ["play", "-s", "internet-veloz-hogar", "--seed", "3", "--script", str(script)],
            env={"COLUMNS": "200"},
        )
    )
    assert "[/inaudible]" in output
    assert "[link=http://x]y[/link]" in output
    assert "[bold red]Rosa[/]" in output


def test_play_errors_and_interactive_input_are_plain(tmp_path: Path) -> None:
    script = tmp_path / "guion.txt"
    script.write_text("/[bold]x[/] algo\n", "utf-8")
    result = runner.invoke(app, ["play", "-s", "internet-veloz-hogar", "--script", str(script)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "/[bold]x[/]" in result.output
    result = runner.invoke(
        app,
        ["play", "-s", "internet-veloz-hogar", "--seed", "2"],
        input="[/] hola [/inaudible]\n/dato nombre=[bold red]y[/]\n/[/]\n/colgar\n",
        env={"COLUMNS": "200"},
    )
    output = _ok(result)
    assert "[/]" in output and "[bold red]y[/]" in output


def test_content_list_shows_hostile_titles_literally(tmp_path: Path) -> None:
    own = tmp_path / "mio" / "scenarios"
    own.mkdir(parents=True)
    text = (ROOT / "scenarios" / "internet-veloz-hogar.scenario.yaml").read_text("utf-8")
    text = text.replace("id: internet-veloz-hogar", "id: mi-internet").replace(
        'title: "Internet Veloz: plan de internet para la casa de Rosa María"',
        'title: "[/inaudible] [bold red]x \\e[31mrojo [link=http://x]y[/link] [/]"',
    )
    (own / "mi-internet.scenario.yaml").write_text(text, "utf-8")
    output = _ok(
        runner.invoke(
            app, ["content", "list", "--content-dir", str(tmp_path / "mio")], env={"COLUMNS": "300"}
        )
    )
    assert "mi-internet" in output
    assert "[/inaudible] [bold red]x rojo [link=http://x]y[/link] [/]" in output
