"""``simulador serve`` end to end: a real server on a free loopback port and headless Chromium.

Two browser tabs are two seats of a training room: each gets its own app process (what one seat types
does not appear on the other) and both see the login screen drawn in the browser's terminal; a
trainee who enters on one seat is offered on the other, because all seats share the database.
Skips with the reason only when Chromium cannot start at all (``make test`` installs it).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serve.browser import Chromium, Page, find_chromium, wait_for

LOGIN_TITLE = "Bienvenido al Simulador de Llamadas"
MASKED_PIN = re.compile("(?<!•)••••(?!•)")
DEADLINE_S = 60.0  # a bound for a busy 2-core machine, not a speed requirement


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _simulador() -> list[str]:
    script = Path(sys.executable).with_name("simulador")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from simulator.cli import main; main()"]


class Served:
    def __init__(self, process: subprocess.Popen[bytes], url: str, log: Path) -> None:
        self.process, self.url, self.log = process, url, log

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIMULADOR_")}
    env |= {
        "SIMULADOR_DATA_DIR": str(tmp_path / "data"),
        "SIMULADOR_CONFIG_FILE": str(tmp_path / "config.toml"),
    }
    if "SIMULADOR_CACHE_DIR" in os.environ:  # keep the embedding model's cache where it is
        env["SIMULADOR_CACHE_DIR"] = os.environ["SIMULADOR_CACHE_DIR"]
    for attempt in range(3):  # another test may take the free port first: try another one
        port = _free_port()
        log = tmp_path / f"serve-{attempt}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [*_simulador(), "serve", "--port", str(port)],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,
            )
        url = f"http://127.0.0.1:{port}/"
        wait_for(
            lambda: process.poll() is not None or _answers(url),  # noqa: B023
            DEADLINE_S,
            "simulador serve to answer",
        )
        if process.poll() is None:
            break
        assert "ya está en uso" in log.read_text(encoding="utf-8"), log.read_text(encoding="utf-8")
    else:
        pytest.fail("no free port for simulador serve after 3 attempts")
    yield Served(process, url, log)
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # a graceful stop ends every seat's app
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=DEADLINE_S)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # anything left of the server or its apps
    process.wait(timeout=DEADLINE_S)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[tuple[Chromium, int]]:
    binary = find_chromium()
    if binary is None:
        pytest.skip("Chromium no está instalado (make test lo instala con apt-get: chromium)")
    chromium = Chromium(binary, tmp_path / "chromium")
    port = chromium.devtools_port(DEADLINE_S)
    if port is None:
        chromium.close()
        pytest.skip(f"Chromium no pudo arrancar: {chromium.log_tail()}")
    yield chromium, port
    chromium.close()


def _screen_with(page: Page, text: str, what: str) -> str:
    last = [""]

    def check() -> bool:
        last[0] = page.screen()
        return text in last[0]

    try:
        wait_for(check, DEADLINE_S, what)
    except AssertionError as error:
        raise AssertionError(f"{error}; the browser showed:\n{last[0]}") from None
    return last[0]


def test_two_seats_see_the_login_screen_and_share_the_database_with_pins(
    browser: tuple[Chromium, int], served: Served
) -> None:
    chromium, port = browser
    assert f"abra {served.url.rstrip('/')}" in served.output()
    first, second = chromium.new_page(port), chromium.new_page(port)
    try:
        first.open_app(served.url)
        second.open_app(served.url)
        screen = _screen_with(first, LOGIN_TITLE, "the login screen on the first seat")
        assert "Escriba su nombre" in screen
        _screen_with(second, LOGIN_TITLE, "the login screen on the second seat")
        origin = served.url.rstrip("/")
        elsewhere = [url for url in first.requests if not url.startswith((origin, "ws://"))]
        assert first.requests and not elsewhere  # nothing leaves the room (no web fonts, no CDN)

        first.type_text("Ana Prueba")
        _screen_with(first, "Ana Prueba", "the typed name on the first seat")
        assert "Ana Prueba" not in second.screen()  # a seat of its own: its own app process

        # serve makes trainees' PINs obligatory: the new trainee chooses one, typed twice
        first.press_enter()
        _screen_with(first, "elija su PIN", "the first seat asked to choose a PIN")
        first.type_text("2468")
        _screen_with(first, "••••", "the PIN typed, masked")
        first.press_enter()  # to the second field
        # keys typed before Textual handles the Enter would still go to the first field
        _screen_with(first, "otra vez, para confirmarlo", "the second PIN field focused")
        first.type_text("2468")
        wait_for(lambda: len(MASKED_PIN.findall(first.screen())) == 2, DEADLINE_S, "both PINs")
        first.press_enter()
        wait_for(lambda: LOGIN_TITLE not in first.screen(), DEADLINE_S, "the first seat to enter")
        assert "2468" not in first.screen()  # masked

        second.open_app(served.url)  # a reload: a new session on the shared database
        _screen_with(second, "Ana Prueba", "the first seat's trainee offered on the second seat")
        second.type_text("Ana Prueba")  # another seat tries to enter as her
        second.press_enter()
        _screen_with(second, "PIN de Ana Prueba", "the second seat asked for her PIN")
        second.type_text("1111")
        second.press_enter()
        _screen_with(second, "Nombre o PIN incorrectos.", "a wrong PIN refused on the second seat")
        second.type_text("2468")
        second.press_enter()
        wait_for(lambda: LOGIN_TITLE not in second.screen(), DEADLINE_S, "her right PIN to enter")
    finally:
        first.close()
        second.close()
