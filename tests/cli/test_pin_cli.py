"""PINs on the command line: ``simulador formador pin`` (set, prompt twice, remove, refused for a
formador) and ``simulador play --aprendiz`` (the hidden PIN prompt, ``SIMULADOR_PIN``, a wrong
PIN, the first-time choice with «obligatorio», the call saved in the trainee's history)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app

SCRIPT = (
    Path(__file__).resolve().parents[1] / "harness" / "scripts" / "internet-veloz-hogar.good.txt"
)
PLAY = ["play", "--scenario", "internet-veloz-hogar", "--seed", "3", "--script", str(SCRIPT)]


@pytest.fixture()
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "cfg" / "config.toml"))
    monkeypatch.setenv("SIMULADOR_FORMADOR_PASSWORD", "secreta123")
    cli = CliRunner()
    result = cli.invoke(app, ["formador", "crear", "Marta", "--password", "secreta123"])
    assert result.exit_code == 0, result.output
    for args in (["cohorte", "crear", "Enero"], ["cohorte", "agregar", "Enero", "Ana"]):
        result = cli.invoke(app, [*args, "--formador", "Marta"])
        assert result.exit_code == 0, result.output
    yield cli


def _run(runner: CliRunner, *args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.output


def _calls_of(name: str) -> int:
    from simulator.services import build_services

    services = build_services()
    try:
        found = services.trainees.find(name)
        return 0 if found is None else len(services.calls.list_for(found.id))
    finally:
        services.close()


def _give_ana_a_pin(runner: CliRunner, pin: str = "4321") -> None:
    code, out = _run(runner, "formador", "pin", "Ana", "--pin", pin, "--formador", "Marta")
    assert code == 0, out
    assert "PIN de «Ana» guardado" in out


def test_a_formador_sets_a_pin_and_the_trainee_is_asked_for_it_hidden(runner: CliRunner) -> None:
    _give_ana_a_pin(runner)
    code, out = _run(runner, *PLAY, "--aprendiz", "Ana", input="4321\n")
    assert code == 0, out
    assert "PIN de Ana" in out and "4321" not in out  # the prompt hides what is typed
    assert "Llamada guardada en el historial de «Ana»" in out
    assert _calls_of("Ana") == 1


def test_a_wrong_pin_is_refused_and_nothing_is_played_or_saved(runner: CliRunner) -> None:
    _give_ana_a_pin(runner)
    code, out = _run(runner, *PLAY, "--aprendiz", "Ana", input="9999\n")
    assert code != 0
    assert "Nombre o PIN incorrectos." in out and "Traceback" not in out
    assert "Resultado" not in out
    assert _calls_of("Ana") == 0


def test_simulador_pin_gives_the_pin_to_scripts(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    _give_ana_a_pin(runner, "24682468")
    monkeypatch.setenv("SIMULADOR_PIN", "24682468")
    code, out = _run(runner, *PLAY, "--aprendiz", "ana")
    assert code == 0, out
    assert "PIN de" not in out
    monkeypatch.setenv("SIMULADOR_PIN", "11112222")
    code, out = _run(runner, *PLAY, "--aprendiz", "Ana")
    assert code != 0 and "Nombre o PIN incorrectos." in out
    assert _calls_of("Ana") == 1


def test_five_wrong_pins_pause_the_name(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    _give_ana_a_pin(runner)
    monkeypatch.setenv("SIMULADOR_PIN", "0000")
    outs = [_run(runner, *PLAY, "--aprendiz", "Ana")[1] for _ in range(5)]
    assert all("Nombre o PIN incorrectos." in out for out in outs[:4])
    assert "Demasiados intentos fallidos. Espere 30 segundos" in outs[4]
    monkeypatch.setenv("SIMULADOR_PIN", "4321")  # the right one waits for the pause too
    code, out = _run(runner, *PLAY, "--aprendiz", "Ana")
    assert code != 0 and "Demasiados intentos fallidos" in out


def test_obligatorio_a_trainee_without_pin_chooses_it_twice(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIMULADOR_TRAINEE_PIN", "obligatorio")
    code, out = _run(runner, *PLAY, "--aprendiz", "Beto", input="1357\n1375\n")
    assert code != 0 and "Los dos PIN no coinciden" in out
    code, out = _run(runner, *PLAY, "--aprendiz", "Beto", input="1357\n1357\n")
    assert code == 0, out
    assert "elija su PIN" in out and "1357" not in out
    code, out = _run(runner, *PLAY, "--aprendiz", "Beto", input="1357\n")
    assert code == 0, out
    assert "PIN de Beto" in out
    assert _calls_of("Beto") == 2


def test_opcional_a_trainee_without_pin_is_not_asked(runner: CliRunner) -> None:
    code, out = _run(runner, *PLAY, "--aprendiz", "Carla")
    assert code == 0, out
    assert "PIN" not in out and "Llamada guardada en el historial de «Carla»" in out


def test_the_formador_prompt_asks_twice_and_quitar_removes_it(runner: CliRunner) -> None:
    code, out = _run(runner, "formador", "pin", "Ana", "--formador", "Marta", input="12\n12\n")
    assert code == 2 and "de 4 a 8 dígitos" in out
    code, out = _run(runner, "formador", "pin", "Ana", "--formador", "Marta", input="5555\n5556\n")
    assert code == 2 and "no coinciden" in out
    code, out = _run(runner, "formador", "pin", "Ana", "--formador", "Marta", input="5555\n5555\n")
    assert code == 0 and "guardado" in out and "5555" not in out
    code, out = _run(runner, "formador", "pin", "Ana", "--quitar", "--formador", "Marta")
    assert code == 0 and "PIN de «Ana» quitado." in out
    code, out = _run(runner, *PLAY, "--aprendiz", "Ana")
    assert code == 0 and "PIN de Ana" not in out


def test_a_formador_s_password_is_not_a_trainee_pin(runner: CliRunner) -> None:
    code, out = _run(runner, "formador", "pin", "Marta", "--pin", "1234", "--formador", "Marta")
    assert code == 2 and "es formador" in out
    code, out = _run(runner, "formador", "pin", "Nadie", "--pin", "1234", "--formador", "Marta")
    assert code == 2 and "No existe el aprendiz «Nadie»." in out
    code, out = _run(runner, "formador", "pin", "Ana", "--pin", "1234", "--formador", "Nadie")
    assert code == 2 and "Formador o contraseña incorrectos." in out
