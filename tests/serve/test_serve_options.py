"""``simulador serve`` options: bad ports and addresses give a Spanish message and exit code 2, never
a traceback; publishing to the network warns; the page points each seat at the address it used."""

from __future__ import annotations

import errno
import socket
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.commands import serve as serve_command


def _run(*args: str) -> Any:
    result = CliRunner().invoke(app, ["serve", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield int(listener.getsockname()[1])


class FakeServer:
    """Stands in for textual-serve's server: records that it was asked to serve."""

    def __init__(self, error: OSError | None = None) -> None:
        self.error = error
        self.served = False

    def serve(self) -> None:
        self.served = True
        if self.error is not None:
            raise self.error


@pytest.fixture
def fake_server(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    made: dict[str, Any] = {}

    def make(host: str, port: int, lines: list[str], pin: str = "obligatorio") -> FakeServer:
        made.update(
            host=host, port=port, lines=lines, pin=pin, server=made.get("server") or FakeServer()
        )
        return made["server"]  # type: ignore[no-any-return]

    monkeypatch.setattr(serve_command, "_make_server", make)
    return made


@pytest.mark.parametrize("port", ["0", "65536", "-1"])
def test_a_port_out_of_range_is_refused_in_spanish(port: str) -> None:
    result = _run("--port", port)
    assert result.exit_code == 2
    assert f"El puerto {port} no es válido" in result.output
    assert "entre 1 y 65535" in result.output


def test_a_port_that_is_not_a_number_is_refused_in_spanish() -> None:
    result = _run("--port", "ocho mil")
    assert result.exit_code == 2
    assert "se esperaba un número entero" in result.output


def test_a_port_in_use_is_a_clear_message(busy_port: int, fake_server: dict[str, Any]) -> None:
    result = _run("--port", str(busy_port))
    assert result.exit_code == 2
    assert f"El puerto {busy_port} ya está en uso" in result.output
    assert "--port" in result.output
    assert "server" not in fake_server  # nothing was served


def test_a_port_taken_after_the_check_is_the_same_clear_message(
    fake_server: dict[str, Any],
) -> None:
    fake_server["server"] = FakeServer(OSError(errno.EADDRINUSE, "Address already in use"))
    result = _run("--port", str(_free_port()))
    assert result.exit_code == 2
    assert "ya está en uso" in result.output


@pytest.mark.parametrize("host", ["dos palabras", "-guion.mal", "a..b"])
def test_a_host_that_is_no_address_is_refused(host: str) -> None:
    result = _run("--host", host)
    assert result.exit_code == 2
    assert f"No se reconoce la dirección «{host}»" in result.output


def test_an_address_of_another_machine_is_refused() -> None:
    result = _run("--host", "192.0.2.7", "--port", str(_free_port()))  # TEST-NET-1: never ours
    assert result.exit_code == 2
    assert "La dirección 192.0.2.7 no pertenece a este equipo" in result.output


def test_loopback_serves_without_warning_and_prints_the_url(fake_server: dict[str, Any]) -> None:
    port = _free_port()
    result = _run("--port", str(port))
    assert result.exit_code == 0, result.output
    assert "Aviso" not in result.output
    assert fake_server["server"].served and fake_server["host"] == "127.0.0.1"
    assert f"abra http://127.0.0.1:{port}" in "\n".join(fake_server["lines"])


def test_all_interfaces_warn_that_anyone_on_the_network_can_reach_it(
    fake_server: dict[str, Any],
) -> None:
    port = _free_port()
    result = _run("--host", "0.0.0.0", "--port", str(port))
    assert result.exit_code == 0, result.output
    assert "Aviso: escucha en todas las interfaces" in result.output
    assert "cualquier persona en la red" in result.output
    assert "Cada aprendiz entra con su PIN" in result.output  # obligatory unless said otherwise
    assert fake_server["pin"] == "obligatorio"
    lines = "\n".join(fake_server["lines"])
    assert f"En este equipo abra:         http://127.0.0.1:{port}" in lines
    assert "En los demás equipos abra:" in lines


def test_startup_lines_and_urls() -> None:
    assert serve_command.url_for("::1", 8000) == "http://[::1]:8000"
    assert serve_command.url_for("127.0.0.1", 80) == "http://127.0.0.1:80"
    room = serve_command.startup_lines("0.0.0.0", 8000, lan="192.168.1.20")
    assert any("http://192.168.1.20:8000" in line for line in room)
    unknown = serve_command.startup_lines("0.0.0.0", 8000, lan=None)
    assert any("IP-DE-ESTE-EQUIPO" in line for line in unknown)
    assert serve_command.exposure_warning("localhost") is None
    assert serve_command.exposure_warning("::1") is None
    assert "192.168.1.20" in str(serve_command.exposure_warning("192.168.1.20"))


def test_each_seat_runs_this_python_and_the_app() -> None:
    command = serve_command.app_command()
    assert command.startswith(sys.executable.replace("'", "")) or sys.executable in command
    assert "simulator.cli import main" in command


async def test_the_page_points_each_seat_at_the_address_it_opened() -> None:
    from aiohttp.test_utils import TestClient, TestServer

    server = serve_command._make_server("0.0.0.0", 8000, [])
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    try:
        response = await client.get("/", headers={"Host": "192.168.1.20:8000"})
        page = await response.text()
        font = await client.get("/static/fonts/RobotoMono-VariableFont_wght.ttf")
    finally:
        await client.close()
    assert response.status == 200
    assert 'data-session-websocket-url="ws://192.168.1.20:8000/ws"' in page
    assert "Simulador de Llamadas" in page
    assert "googleapis" not in page  # no request leaves the room: the font is the bundled one
    assert "http://192.168.1.20:8000/static/fonts/RobotoMono" in page
    assert font.status == 200


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_trainee_pins_are_obligatory_unless_the_formador_says_otherwise(
    fake_server: dict[str, Any],
) -> None:
    import os

    before = os.environ.get("SIMULADOR_TRAINEE_PIN")
    result = _run("--port", str(_free_port()))
    assert result.exit_code == 0, result.output
    assert fake_server["pin"] == "obligatorio"
    assert "PIN de aprendiz: obligatorio" in "\n".join(fake_server["lines"])
    result = _run("--host", "0.0.0.0", "--port", str(_free_port()), "--pin-aprendiz", "opcional")
    assert result.exit_code == 0, result.output
    assert fake_server["pin"] == "opcional"
    assert "entrar como cualquier aprendiz que no tenga PIN" in result.output
    assert "PIN de aprendiz: opcional" in "\n".join(fake_server["lines"])
    result = _run("--pin-aprendiz", "nunca")
    assert result.exit_code == 2 and "--pin-aprendiz «nunca» no es válido" in result.output
    assert os.environ.get("SIMULADOR_TRAINEE_PIN") == before  # each seat's command carries it


def test_each_seat_gets_the_pin_setting_in_its_own_command() -> None:
    import os
    import shlex
    import subprocess

    for pin in ("obligatorio", "opcional"):
        python, flag, code = shlex.split(serve_command.app_command(pin))
        assert code.endswith("from simulator.cli import main; main()")
        probe = code.replace("from simulator.cli import main; main()", "print(os.environ[KEY])")
        env = {k: v for k, v in os.environ.items() if k != "SIMULADOR_TRAINEE_PIN"}
        out = subprocess.run(
            [python, flag, f"KEY = 'SIMULADOR_TRAINEE_PIN'; {probe}"],
            capture_output=True, text=True, env=env, check=True,
        )  # fmt: skip
        assert out.stdout.strip() == pin
