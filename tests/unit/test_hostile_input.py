"""Hostile input to the CLI: every shape gets a Spanish message and exit code 2, never a traceback.

Integers over 4,300 digits, JSON nested 1,000+ levels (transcript, capture, ``--history``), an
event after the last turn, a folder of mixed files, ``/dev/zero`` and ``/dev/urandom`` (as files
and as stdin), over-long JSONL lines for ``analyze``. No timed assertions: a regression to an
unbounded read or parse would hang or fail these tests, not slow them a little.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.errors import InputError, TranscriptError

DATA = Path(__file__).parents[1] / "data" / "transcripts"
SAMPLE = json.loads((DATA / "sample_sale.json").read_text("utf-8"))
runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIMULADOR_CONTENT_DIR", raising=False)


def _sample() -> dict[str, object]:
    return json.loads(json.dumps(SAMPLE))


def _with(field: str, raw_json: str) -> str:
    """The sample transcript with ``field`` set to a raw JSON fragment (not a Python value)."""
    data = _sample()
    data.pop(field, None)
    return json.dumps(data)[:-1] + f', "{field}": {raw_json}}}'


def _clean_failure(result: object, *fragments: str) -> str:
    output = result.output  # type: ignore[attr-defined]
    assert result.exit_code == 2, output  # type: ignore[attr-defined]
    assert result.exception is None or isinstance(result.exception, SystemExit)  # type: ignore[attr-defined]
    assert "Traceback" not in output
    for fragment in fragments:
        assert fragment in output, output
    return str(output)


HOSTILE_TRANSCRIPTS = {
    "bigint_payment": (_with("current_payment", "9" * 5000), "demasiados dígitos"),
    "bigint_hold": (_with("max_hold_seconds", "1" * 4400), "demasiados dígitos"),
    "bigint_float": (_with("current_payment", "1" * 5000 + ".5"), "demasiados dígitos"),
    "infinity": (_with("current_payment", "Infinity"), "no es un número JSON válido"),
    "nan": (_with("current_payment", "NaN"), "no es un número JSON válido"),
    "huge_exponent": (_with("current_payment", "1e999"), "demasiado grande"),
    "deep_array": ("[" * 5000 + "]" * 5000, "anidado"),
    "deep_capture": (_with("capture", '{"a":' * 3000 + "1" + "}" * 3000), "anidado"),
    "deep_turns": (_with("turns", "[" * 1500 + "]" * 1500), "anidado"),
    "deep_but_parsable": (_with("capture", '{"a":' * 50 + "1" + "}" * 50), "capture"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TRANSCRIPTS))
def test_hostile_transcripts_exit_2_in_spanish(tmp_path: Path, name: str) -> None:
    text, fragment = HOSTILE_TRANSCRIPTS[name]
    path = tmp_path / f"{name}.json"
    path.write_text(text, "utf-8")
    _clean_failure(runner.invoke(app, ["score", str(path)]), f"{name}.json", fragment)
    _clean_failure(runner.invoke(app, ["score", "-"], input=text), "<stdin>", fragment)


@pytest.mark.parametrize("after", [28, 29, 10**6, -1])
@pytest.mark.parametrize("kind", ["hold_end", "consent", "hangup", "capture", "sale_registered"])
def test_an_event_after_the_last_turn_is_named(tmp_path: Path, kind: str, after: int) -> None:
    data = _sample()
    value = {"consent": "accepted", "hangup": "cliente", "capture": "x=y"}.get(kind, "30")
    data["events"] = [{"type": kind, "value": value, "after_turn": after}]
    path = tmp_path / "evento.json"
    path.write_text(json.dumps(data), "utf-8")
    _clean_failure(
        runner.invoke(app, ["score", str(path)]),
        "events[0].after_turn",
        "tiene 27 turnos",
    )


def test_a_hang_up_in_a_call_without_turns_is_graded(tmp_path: Path) -> None:
    path = tmp_path / "vacia.json"
    path.write_text(json.dumps({"turns": [], "events": [{"type": "hangup", "value": "cliente"}]}))
    result = runner.invoke(app, ["score", "--json", str(path)])
    assert result.exit_code == 0, result.output


def test_history_files_are_bounded_like_transcripts(tmp_path: Path) -> None:
    deep = tmp_path / "hist.json"
    deep.write_text('{"overall":' * 2000 + "1" + "}" * 2000, "utf-8")
    big = tmp_path / "big.json"
    big.write_text('{"overall": ' + "7" * 4400 + "}", "utf-8")
    sample = str(DATA / "sample_sale.json")
    _clean_failure(runner.invoke(app, ["score", sample, "--history", str(deep)]), "anidado")
    _clean_failure(runner.invoke(app, ["score", sample, "--history", str(big)]), "dígitos")
    if Path("/dev/zero").exists():
        result = runner.invoke(app, ["score", sample, "--history", "/dev/zero"])
        _clean_failure(result, "/dev/zero", "demasiado grande")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero and /dev/urandom")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_devices_stop_at_the_limit(
    device: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simulator.commands.analyze import _read_lines
    from simulator.scoring.loader import load_transcript

    _clean_failure(runner.invoke(app, ["score", device]), device, "demasiado grande")
    _clean_failure(runner.invoke(app, ["analyze", device]), device)
    with open(device, "rb") as stream:  # CliRunner only takes bytes as stdin: patch it
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
        with pytest.raises(TranscriptError, match="<stdin>: el archivo es demasiado grande"):
            load_transcript("-")
        with pytest.raises(InputError, match="<stdin>:1: "):
            _read_lines("-")
    script = tmp_path / "guion.txt"
    script.symlink_to(device)
    result = runner.invoke(app, ["play", "-s", "internet-veloz-hogar", "--script", str(script)])
    _clean_failure(result, "guion.txt")


def test_a_folder_of_mixed_files_reports_each_bad_one_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "lote"
    folder.mkdir()
    (folder / "a_buena.json").write_text(json.dumps(SAMPLE), "utf-8")
    (folder / "b_profunda.json").write_text("[" * 5000 + "]" * 5000, "utf-8")
    (folder / "c_numero.json").write_text(_with("current_payment", "9" * 5000), "utf-8")
    (folder / "d_carpeta.json").mkdir()
    (folder / "e_latin1.json").write_bytes('{"agent_name": "Ñ"}'.encode("latin-1"))
    (folder / "f_vacia.json").write_text("", "utf-8")
    (folder / "g_lazo.json").symlink_to(folder / "g_lazo.json")
    (folder / "h_evento.json").write_text(
        json.dumps({**_sample(), "events": [{"type": "hold_end", "after_turn": 99}]}), "utf-8"
    )
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "i_fifo.json")  # reading it would block forever
    (folder / "j_buena.json").write_text(json.dumps(SAMPLE), "utf-8")
    (folder / "notas.txt").write_text("no es un transcript", "utf-8")
    result = runner.invoke(app, ["score", str(folder)], env={"COLUMNS": "160"})
    output = _clean_failure(result, "a_buena.json", "j_buena.json", "Llamadas: 2")
    for name, why in (
        ("b_profunda.json", "anidado"),
        ("c_numero.json", "dígitos"),
        ("d_carpeta.json", "no es un archivo regular"),
        ("e_latin1.json", "UTF-8"),
        ("f_vacia.json", "vacío"),
        ("g_lazo.json", "no es un archivo regular"),
        ("h_evento.json", "después del turno 99"),
    ):
        line = next((ln for ln in output.splitlines() if name in ln and why in ln), None)
        assert line is not None, (name, why, output)
    assert "no se pudieron calificar" in output
    json_result = runner.invoke(app, ["score", "--json", str(folder)])
    assert json_result.exit_code == 2
    assert [item["file"] for item in json.loads(json_result.stdout)] == [
        str(folder / "a_buena.json"),
        str(folder / "j_buena.json"),
    ]


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("[" * 3000 + "]" * 3000, "anidado"),
        ('{"text": "hola", "id": ' + "9" * 5000 + "}", "dígitos"),
        ('{"text": "hola", "id": [[1]]}', "«id»"),
        (json.dumps({"text": "x" * 20_001}), "demasiado largo"),
        (json.dumps({"text": "hola", "context": "y" * 20_001}), "demasiado largo"),
        ('{"text": "' + "z" * 1_000_001 + '"}', "línea demasiado larga"),
        ('{"text": "hola", "context": NaN}', "NaN"),
    ],
)
def test_analyze_refuses_huge_or_deep_lines_with_file_and_line(
    tmp_path: Path, line: str, fragment: str
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "hola"}\n' + line + "\n", "utf-8")
    _clean_failure(runner.invoke(app, ["analyze", str(path)]), "in.jsonl:2:", fragment)


def test_script_limits(tmp_path: Path) -> None:
    script = tmp_path / "largo.txt"
    script.write_text("Hola.\n" * 1001, "utf-8")
    result = runner.invoke(app, ["play", "-s", "internet-veloz-hogar", "--script", str(script)])
    _clean_failure(result, "largo.txt:1001:", "demasiados turnos")
    script.write_text("/si a => b\n" * 201, "utf-8")
    result = runner.invoke(app, ["play", "-s", "internet-veloz-hogar", "--script", str(script)])
    _clean_failure(result, "largo.txt:201:", "demasiadas reglas")


@pytest.mark.parametrize(
    "data",
    [
        {"turns": [], "customer_data": {"\x1b[31m" + "k" * 100_000: 5}},
        {"turns": [{"speaker": "\x1b[2J" + "x" * 100_000, "text": "hola"}]},
        {"format": "\x1b]0;x\x07" + "v" * 100_000},
        {"turns": [], "events": [{"type": "consent", "value": "\x1b[31m" + "z" * 100_000}]},
    ],
)
def test_messages_quote_hostile_values_briefly_and_plainly(data: dict[str, object]) -> None:
    from simulator.scoring.loader import parse_text

    with pytest.raises(TranscriptError) as info:
        parse_text(json.dumps(data), "x.json")
    message = str(info.value)
    assert len(message) < 1000 and "\x1b" not in message and message.startswith("x.json: ")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_alone_in_a_folder_does_not_block(tmp_path: Path) -> None:
    folder = tmp_path / "solo"
    folder.mkdir()
    os.mkfifo(folder / "tubo.json")
    _clean_failure(runner.invoke(app, ["score", str(folder)]), "tubo.json", "no es un archivo")
    sample = str(DATA / "sample_sale.json")
    result = runner.invoke(app, ["score", sample, "--history", str(folder)])
    _clean_failure(result, "tubo.json", "no es un archivo regular")
