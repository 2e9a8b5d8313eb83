"""Voice from the command line (issue 9 items 1, 7): ``play --voz-entrada`` runs a spoken call
from WAV files, ``voz probar`` says in Spanish what is missing on a machine with no sound card, and
``play --voz`` there goes on as a typed call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from tests.voice.conftest import needs_voice_extra

runner = CliRunner()


def _no_sound_card(monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.errors import VoiceError
    from simulator.voice import devices

    def missing() -> list[str]:
        raise VoiceError("Este equipo no tiene tarjeta de sonido: practique en texto.")

    monkeypatch.setattr(devices, "check_devices", missing)
    monkeypatch.setattr("simulator.voice.setup.check_devices", missing)


def test_a_spoken_call_from_wav_files(
    speak_lines: Callable[[list[str]], list[Path]], tmp_path: Path
) -> None:
    needs_voice_extra()
    lines = speak_lines(["Buenas tardes, ¿hablo con la señora Rosa?", "¿Cómo usan el internet?"])
    out, rec = tmp_path / "cliente.wav", tmp_path / "llamada.wav"
    args = ["play", "-s", "internet-veloz-hogar", "-p", "amable", "--json"]
    for path in lines:
        args += ["--voz-entrada", str(path)]
    result = runner.invoke(app, [*args, "--voz-salida", str(out), "--grabacion", str(rec)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 10_000
    assert rec.stat().st_size > out.stat().st_size / 2
    assert '"speaker": "agent"' in result.output


def test_probing_a_machine_without_sound_says_what_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _no_sound_card(monkeypatch)
    result = runner.invoke(app, ["voz", "probar"])
    assert result.exit_code == 2
    assert "tarjeta de sonido" in result.output
    assert "Traceback" not in result.output


def test_play_by_voice_without_sound_goes_on_in_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_sound_card(monkeypatch)
    result = runner.invoke(
        app, ["play", "-s", "internet-veloz-hogar", "--voz"], input="Buenas tardes\n/colgar\n"
    )
    assert result.exit_code == 0, result.output
    assert "tarjeta de sonido" in result.output
    assert "Calificación" in result.output
    assert "Traceback" not in result.output


def test_voice_metrics_show_with_their_targets_only_in_spoken_calls() -> None:
    from simulator.tui.views import metric_rows

    spoken = {
        "agent_talk_share": 0.45,
        "speech_rate_wpm": 151.0,
        "response_gap_ms": 640,
        "interruptions": 1,
        "longest_monologue_seconds": 12.5,
    }
    rows = {name: (value, target) for name, value, target in metric_rows(spoken)}
    assert rows["Velocidad (palabras por minuto)"] == ("151", "130 a 170")
    assert rows["Interrupciones"] == ("1", "0")
    assert rows["Monólogo más largo (segundos)"][0] == "12.5"
    typed = {"agent_talk_share": 0.45, "speech_rate_wpm": None, "interruptions": None}
    assert [name for name, _, _ in metric_rows(typed)] == ["Proporción de habla del agente"]
