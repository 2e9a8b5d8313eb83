"""Headless Chromium driven over the Chrome DevTools Protocol, for the ``simulador serve`` tests.

textual-serve draws the app with xterm.js on a canvas, so the page's DOM holds no text. The page's
terminal object is local to textual.js; a script installed before the page loads catches it when
textual.js's terminal class sets its ``websocket_url`` field, and the test reads the xterm buffer
(the characters the browser shows) through it. Every wait polls with a generous deadline.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import websocket  # websocket-client

# Catches textual.js's terminal wrapper (`this.websocket_url = …` in its constructor).
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, 'websocket_url', {
  configurable: true,
  set(value) {
    window.__textualTerminal = this;
    Object.defineProperty(this, 'websocket_url',
      {value: value, writable: true, configurable: true, enumerable: true});
  },
});
"""

# The terminal's screen as text, one line per row; null until the terminal exists.
SCREEN_TEXT = """(() => {
  const wrapper = window.__textualTerminal;
  if (!wrapper || !wrapper.terminal) return null;
  const buffer = wrapper.terminal.buffer.active;
  const rows = [];
  for (let y = 0; y < buffer.length; y++) {
    const line = buffer.getLine(y);
    if (line) rows.push(line.translateToString(true));
  }
  return rows.join('\\n');
})()"""

FOCUS_TERMINAL = "window.__textualTerminal.terminal.focus(); true"


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def wait_for(check: Callable[[], Any], deadline_s: float, what: str) -> Any:
    """Poll ``check`` until it returns something truthy; AssertionError with ``what`` at the end."""
    end = time.monotonic() + deadline_s
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {deadline_s:.0f} s waiting for {what}")
        time.sleep(0.2)


class Chromium:
    """One headless Chromium with a DevTools port, its profile in ``folder``."""

    def __init__(self, binary: str, folder: Path) -> None:
        self.folder = folder
        self.log = folder / "chromium.log"
        profile = folder / "profile"
        profile.mkdir(parents=True)
        self.port_file = profile / "DevToolsActivePort"
        args = [
            binary,
            "--headless",
            "--no-sandbox",  # the tests may run as root
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-breakpad",
            "--disable-crash-reporter",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            # No network: textual-serve's page asks for a web font; every other host fails at once.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--window-size=1280,800",
            "about:blank",
        ]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                args, stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True
            )

    def devtools_port(self, deadline_s: float) -> int | None:
        """The DevTools port once Chromium is up; ``None`` if it exited or never came up."""
        end = time.monotonic() + deadline_s
        while time.monotonic() < end:
            if self.port_file.exists():
                first = self.port_file.read_text(encoding="utf-8").split("\n", 1)[0].strip()
                if first.isdigit():
                    return int(first)
            if self.process.poll() is not None:
                return None
            time.sleep(0.1)
        return None

    def log_tail(self) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-8:])

    def new_page(self, port: int) -> Page:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT"
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            target = json.load(response)
        return Page(target["webSocketDebuggerUrl"])

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        with contextlib.suppress(ProcessLookupError):  # helpers still in Chromium's group
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=20)


class Page:
    """A browser tab over its DevTools websocket (synchronous request/response)."""

    def __init__(self, url: str) -> None:
        self.socket = websocket.create_connection(url, timeout=30, suppress_origin=True)
        self.ids = itertools.count(1)
        self.requests: list[str] = []  # every URL the page asked for (Network domain events)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        ident = next(self.ids)
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:  # events arrive in between; keep the answer to this call only
            message = json.loads(self.socket.recv())
            if message.get("method") == "Network.requestWillBeSent":
                self.requests.append(str(message["params"]["request"]["url"]))
            if message.get("id") == ident:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return dict(message["result"])

    def open_app(self, url: str) -> None:
        self.call("Page.enable")
        self.call("Network.enable")
        self.call("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
        self.call("Page.navigate", url=url)

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def screen(self) -> str:
        return str(self.evaluate(SCREEN_TEXT) or "")

    def type_text(self, text: str) -> None:
        self.evaluate(FOCUS_TERMINAL)
        self.call("Input.insertText", text=text)

    def press_enter(self) -> None:
        self.evaluate(FOCUS_TERMINAL)
        key = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
        self.call("Input.dispatchKeyEvent", type="keyDown", text="\r", **key)
        self.call("Input.dispatchKeyEvent", type="keyUp", **key)

    def close(self) -> None:
        self.socket.close()
